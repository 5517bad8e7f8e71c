# Curated pairs of supplements with common co-medications: yohimbine with clonidine (alpha-2 antagonist against an
# alpha-2 agonist, studied in volunteers) and huperzine A with a dementia cholinesterase inhibitor (same enzyme;
# theoretical). Read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("yohimbine HCl 5.4 mg three times daily", "clonidine 0.1 mg twice daily", "yohimbe--clonidine",
     "moderate", "pharmacodynamic", "clonidine"),
    ("huperzine A 200 mcg twice daily", "donepezil 10 mg at night", "huperzine-a--cls-cholinesterase-inhibitor",
     "moderate", "pharmacodynamic", "cholinesterase"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
]
