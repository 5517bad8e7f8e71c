# Curated pairs for potassium, CLA, bovine colostrum, thiamin, wormwood, boron, taurine, inositol, inulin,
# nicotinamide riboside and zeolite; read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("potassium chloride 600 mg twice daily", "spironolactone 25 mg daily", "potassium--cls-potassium-sparing-diuretic",
     "major", "pharmacodynamic", "potassium-sparing"),
    ("potassium gluconate 99 mg daily", "lisinopril 10 mg daily", "potassium--cls-ace-inhibitor",
     "moderate", "pharmacodynamic", "ACE inhibitor"),
    ("potassium citrate 1080 mg twice daily", "losartan 50 mg daily", "potassium--cls-arb",
     "moderate", "pharmacodynamic", "angiotensin receptor blocker"),
    ("potassium chloride 600 mg daily", "naproxen 500 mg twice daily", "potassium--cls-nsaid",
     "minor", "pharmacodynamic", "NSAID"),
    ("CLA 1 g three times daily", "metformin 500 mg twice daily", "cla--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("thiamine 100 mg daily", "furosemide 80 mg daily", "thiamin--furosemide", "minor", "pharmacokinetic", "furosemide"),
    ("vitamin B1 100 mg daily", "fluorouracil 400 mg/m2", "thiamin--fluorouracil",
     "minor", "pharmacokinetic", "fluorouracil"),
    ("wormwood tea", "warfarin 5 mg daily", "wormwood--warfarin", "moderate", "pharmacodynamic", "INR"),
    ("boron 3 mg daily", "letrozole 2.5 mg daily", "boron--cls-aromatase-inhibitor",
     "minor", "pharmacodynamic", "oestradiol"),
    ("taurine 1000 mg twice daily", "amlodipine 5 mg daily", "taurine--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("myo-inositol 2 g twice daily", "metformin 500 mg twice daily", "inositol--cls-antidiabetic",
     "minor", "pharmacodynamic", "insulin"),
    ("inulin 10 g daily", "glipizide 5 mg daily", "inulin--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("CLA 1.3 g three times daily", "clopidogrel 75 mg daily", None, "cla--cls-antiplatelet"),
    ("bovine colostrum 10 g daily", "naproxen 500 mg twice daily", None, "colostrum--cls-nsaid"),
    ("colostrum powder", "vincristine 1.5 mg/m2", None, "colostrum--cls-cytotoxic-chemotherapy"),
    ("nicotinamide riboside 1000 mg twice daily", "metformin 500 mg twice daily", None,
     "nicotinamide-riboside--cls-antidiabetic"),
    ("taurine 1 g twice daily", "vincristine 1.5 mg/m2", None, "taurine--cls-cytotoxic-chemotherapy"),
    ("inulin 6 g twice daily", None, "radiation", "inulin--ctx-radiation"),
    ("PMA-zeolite", "oxaliplatin 85 mg/m2", None, "zeolite--oxaliplatin"),
]
