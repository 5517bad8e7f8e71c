# Curated pairs for grapefruit seed extract, whey protein, shark cartilage, choline, fermented wheat germ extract,
# niacinamide, lactoferrin, thymus extract and pregnenolone; read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("grapefruit seed extract 10 drops twice daily", "warfarin 5 mg daily", "grapefruit-seed-extract--warfarin",
     "moderate", "pharmacokinetic", "INR"),
    ("whey protein isolate 25 g before breakfast", "glipizide 5 mg daily", "whey-protein--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("whey protein shake", "insulin glargine 20 units at night", "whey-protein--cls-antidiabetic",
     "minor", "pharmacodynamic", "antidiabetic"),
    ("shark cartilage powder 3 g three times daily", "hydrochlorothiazide 25 mg daily",
     "shark-cartilage--cls-thiazide-diuretic", "minor", "pharmacodynamic", "calcium"),
    ("BeneFin shark cartilage", "chlorthalidone 25 mg daily", "shark-cartilage--cls-thiazide-diuretic",
     "minor", "pharmacodynamic", "thiazide"),
    ("choline bitartrate 500 mg twice daily", "aspirin 81 mg daily", "choline--aspirin",
     "minor", "pharmacodynamic", "aspirin"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("whey protein isolate 20 g daily", "paclitaxel 80 mg/m2 weekly", None, "whey-protein--cls-cytotoxic-chemotherapy"),
    ("Avemar 9 g daily", "fluorouracil 400 mg/m2", None, "fermented-wheat-germ--cls-cytotoxic-chemotherapy"),
    ("nicotinamide 500 mg daily", None, "radiation", "niacinamide--ctx-radiation"),
    ("bovine lactoferrin 200 mg twice daily", "omeprazole 20 mg twice daily", None,
     "lactoferrin--cls-proton-pump-inhibitor"),
    ("thymus extract", "cisplatin 75 mg/m2", None, "thymus-extract--cls-cytotoxic-chemotherapy"),
    ("thymomodulin", None, "radiation", "thymus-extract--ctx-radiation"),
    ("pregnenolone 50 mg daily", "olanzapine 10 mg at night", None, "pregnenolone--cls-antipsychotic"),
    ("nicotinamide 500 mg twice daily", "tacrolimus 2 mg twice daily", None, "niacinamide--cls-immunosuppressant"),
    ("Neovastat", "carboplatin AUC 2 weekly", None, "shark-cartilage--carboplatin"),
    ("AE-941 120 mL twice daily", "vinorelbine 25 mg/m2", None, "shark-cartilage--vinorelbine"),
    ("shark cartilage extract", None, "radiation", "shark-cartilage--ctx-radiation"),
]
