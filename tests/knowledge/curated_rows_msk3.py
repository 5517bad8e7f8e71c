# Curated pairs for turmeric and ginger with tacrolimus (a rat study of both, and a review);
# read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("turmeric 500 mg twice daily", "tacrolimus 2 mg twice daily", "turmeric--tacrolimus",
     "minor", "pharmacokinetic", "tacrolimus"),
    ("curcumin 1 g daily", "Prograf 1 mg twice daily", "turmeric--tacrolimus",
     "minor", "pharmacokinetic", "tacrolimus"),
    ("ginger 1 g twice daily", "tacrolimus 3 mg twice daily", "ginger--tacrolimus",
     "minor", "pharmacokinetic", "tacrolimus"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = []
