# Curated pairs added while checking the milk thistle interaction list (and the study behind it); read by
# test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("milk thistle 140 mg three times daily", "raloxifene 60 mg daily", "milk-thistle--raloxifene",
     "minor", "pharmacokinetic", "raloxifene"),
    ("silymarin 200 mg twice daily", "Evista 60 mg once daily", "milk-thistle--raloxifene",
     "minor", "pharmacokinetic", "raloxifene"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = []
