# Curated pairs for glutathione, psyllium, olive leaf, aloe vera, yohimbe, black seed, spirulina, chlorella,
# glucosamine, hesperidin, moringa and black pepper (piperine); read by test_curated_pairs.py (same formats as its
# CURATED and NONE lists).

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("psyllium husk 3.4 g three times daily", "levothyroxine 100 mcg daily", "psyllium--levothyroxine",
     "minor", "pharmacokinetic", "levothyroxine"),
    ("Metamucil 1 tablespoon three times daily", "glipizide 5 mg daily", "psyllium--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("olive leaf extract 500 mg daily", "metformin 500 mg twice daily", "olive-leaf--cls-antidiabetic",
     "minor", "pharmacodynamic", "HbA1c"),
    ("aloe vera juice daily", "glipizide 5 mg daily", "aloe-vera--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("yohimbine 5.4 mg three times daily", "amlodipine 5 mg daily", "yohimbe--cls-antihypertensive",
     "moderate", "pharmacodynamic", "blood pressure"),
    ("yohimbe bark extract", "lisinopril 10 mg daily", "yohimbe--cls-antihypertensive",
     "moderate", "pharmacodynamic", "antihypertensive"),
    ("yohimbe", "amitriptyline 25 mg at night", "yohimbe--cls-tricyclic-antidepressant",
     "minor", "pharmacodynamic", "tricyclic"),
    ("yohimbine", "venlafaxine 75 mg daily", "yohimbe--cls-snri", "minor", "pharmacodynamic", "SNRI"),
    ("black seed oil 1 g twice daily", "lisinopril 10 mg daily", "black-seed--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("Nigella sativa oil", "cyclosporine 100 mg twice daily", "black-seed--cyclosporine",
     "minor", "pharmacokinetic", "cyclosporine"),
    ("spirulina 2 g daily", "metformin 500 mg twice daily", "spirulina--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("spirulina tablets 3 g daily", "amlodipine 5 mg daily", "spirulina--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("piperine 20 mg daily", "diclofenac 50 mg three times daily", "black-pepper--diclofenac",
     "moderate", "pharmacokinetic", "diclofenac"),
    ("BioPerine 15 mg daily", "midazolam 2 mg", "black-pepper--midazolam",
     "moderate", "pharmacokinetic", "midazolam"),
    ("chlorella 5 g daily", "amlodipine 5 mg daily", "chlorella--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("psyllium husk 5 g twice daily", "losartan 50 mg daily", "psyllium--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("moringa leaf powder 5 g daily", "amlodipine 5 mg daily", "moringa--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("olive leaf extract 500 mg twice daily", "clopidogrel 75 mg daily", "olive-leaf--cls-antiplatelet",
     "minor", "pharmacodynamic", "platelet"),
    ("glucosamine sulfate 1500 mg daily", "metformin 500 mg twice daily", "glucosamine--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("glutathione 600 mg daily", "cisplatin 75 mg/m2", None, "glutathione--cisplatin"),
    ("psyllium husk 3.4 g three times daily", "atorvastatin 40 mg daily", None, "psyllium--cls-statin"),
    ("hesperidin 500 mg daily", "metformin 500 mg twice daily", None, "hesperidin--cls-antidiabetic"),
]
