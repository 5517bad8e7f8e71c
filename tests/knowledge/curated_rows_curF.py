# Curated pairs for medicinal mushrooms (turkey tail, Agaricus blazei, shiitake, chaga), pterostilbene, black tea
# and cocoa flavanols, read by test_curated_pairs.py (same formats as its CURATED and NONE lists).

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("turkey tail extract", "tamoxifen 20 mg daily", "turkey-tail--tamoxifen",
     "minor", "pharmacokinetic", "tamoxifen"),
    ("Agaricus blazei extract 500 mg three times daily", "metformin 500 mg twice daily", "agaricus--cls-antidiabetic",
     "minor", "pharmacodynamic", "insulin resistance"),
    ("chaga extract", "glipizide 5 mg daily", "chaga--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
    ("pterostilbene 125 mg twice daily", "atorvastatin 40 mg daily", "pterostilbene--cls-statin",
     "minor", "pharmacodynamic", "LDL"),
    ("pterostilbene 50 mg twice daily", "ezetimibe 10 mg daily", "pterostilbene--cls-cholesterol-absorption-inhibitor",
     "minor", "pharmacodynamic", "ezetimibe"),
    ("black tea", "fluvoxamine 100 mg twice daily", "black-tea--fluvoxamine", "moderate", "pharmacokinetic", "caffeine"),
    ("black tea", "alendronate 70 mg weekly", "black-tea--alendronate", "moderate", "pharmacokinetic", "alendronate"),
    ("cocoa flavanols 500 mg daily", "clopidogrel 75 mg daily", "cocoa-flavanols--cls-antiplatelet",
     "minor", "pharmacodynamic", "antiplatelet"),
    ("dark chocolate", "amlodipine 5 mg daily", "cocoa-flavanols--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("cocoa flavanols 500 mg daily", "warfarin 5 mg daily", "cocoa-flavanols--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
    ("black tea", "lisinopril 10 mg daily", "black-tea--cls-antihypertensive", "minor", "pharmacodynamic", "blood pressure"),
    ("lion's mane 1 g daily", "glipizide 5 mg daily", "lions-mane--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
    ("broccoli sprout extract", "metformin 500 mg twice daily", "sulforaphane--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("rehmannia", "insulin glargine 20 units daily", "rehmannia--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
    ("astaxanthin 12 mg daily", "metformin 500 mg twice daily", "astaxanthin--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("astaxanthin 12 mg daily", "amlodipine 5 mg daily", "astaxanthin--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("triphala powder 5 g twice daily", "glipizide 5 mg daily", "triphala--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("Agaricus blazei extract", "carboplatin 300 mg/m2", None, "agaricus--carboplatin"),
    ("Agaricus blazei extract", "etoposide 100 mg/m2", None, "agaricus--etoposide"),
    ("Agaricus blazei extract", "paclitaxel 175 mg/m2", None, "agaricus--paclitaxel"),
    ("shiitake extract", "capecitabine 1000 mg/m2 twice daily", None, "shiitake--cls-fluoropyrimidine"),
    ("shiitake extract", "epirubicin 75 mg/m2", None, "shiitake--epirubicin"),
    ("shiitake extract", "cyclophosphamide 500 mg/m2", None, "shiitake--cyclophosphamide"),
    ("cocoa flavanols 500 mg daily", "metformin 500 mg twice daily", None, "cocoa-flavanols--cls-antidiabetic"),
]
