# Curated pairs for alpha-lipoic acid, boswellia, flaxseed, holy basil, saffron, white willow bark, dandelion,
# L-theanine, glutamine and the other monographs of this group; read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("alpha-lipoic acid 600 mg daily", "metformin 500 mg twice daily", "alpha-lipoic-acid--cls-antidiabetic",
     "moderate", "pharmacodynamic", "antidiabetic"),
    ("holy basil 500 mg twice daily", "glipizide 5 mg daily", "holy-basil--cls-antidiabetic",
     "moderate", "pharmacodynamic", "glucose"),
    ("ground flaxseed 30 g daily", "lisinopril 10 mg daily", "flaxseed--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("saffron 30 mg daily", "amlodipine 5 mg daily", "saffron--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("white willow bark", "apixaban 5 mg BID", "white-willow-bark--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
    ("willow bark extract 240 mg salicin daily", "clopidogrel 75 mg daily", "white-willow-bark--cls-antiplatelet",
     "minor", "pharmacodynamic", "antiplatelet"),
    ("dandelion leaf extract", "furosemide 40 mg daily", "dandelion--cls-diuretic",
     "minor", "pharmacodynamic", "diuretic"),
    ("cod liver oil 1 tablespoon daily", "apixaban 5 mg BID", "cod-liver-oil--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
    ("cod liver oil", "clopidogrel 75 mg daily", "cod-liver-oil--cls-antiplatelet",
     "minor", "pharmacodynamic", "antiplatelet"),
    ("boswellia 300 mg three times daily", "glipizide 5 mg daily", "boswellia--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("ground flaxseed 30 g daily", "insulin glargine 20 units at night", "flaxseed--cls-antidiabetic",
     "minor", "pharmacodynamic", "antidiabetic"),
    ("saffron 15 mg twice daily", "metformin 500 mg twice daily", "saffron--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("bromelain 500 mg twice daily", "rivaroxaban 20 mg daily", "bromelain--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("boswellia 1200 mg three times daily", None, "radiation", "boswellia--ctx-radiation"),
    ("L-glutamine 10 g three times daily", "paclitaxel 80 mg/m2 weekly", None, "glutamine--cls-taxane"),
    ("glutamine 15 g twice daily", "oxaliplatin 85 mg/m2", None, "glutamine--oxaliplatin"),
    ("L-theanine 200 mg twice daily", "risperidone 6 mg daily", None, "l-theanine--risperidone"),
    ("hops extract twice daily", "alprazolam 0.5 mg TID", None, "hops--alprazolam"),
    ("wild yam cream", "letrozole 2.5 mg daily", None, "wild-yam--cls-aromatase-inhibitor"),
    ("L-glutamine 10 g daily", None, "radiation", "glutamine--ctx-radiation"),
    ("GLA 240 mg daily", "levetiracetam 500 mg twice daily", None, "gla--cls-antiepileptic"),
    ("gamma-linolenic acid", "haloperidol 2 mg daily", None, "gla--cls-antipsychotic"),
    ("glutamine 6 g three times daily", "fluorouracil 450 mg/m2 daily for 5 days", None, "glutamine--cls-fluoropyrimidine"),
    ("cod liver oil capsules 10 g daily", "naproxen 500 mg twice daily", None, "cod-liver-oil--cls-nsaid"),
    ("saffron extract 14 mg twice daily", "sertraline 50 mg daily", None, "saffron--cls-ssri"),
    ("saffron", "venlafaxine 75 mg daily", None, "saffron--cls-snri"),
]
