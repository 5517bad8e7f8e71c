# Curated pairs for fennel (a rat study with ciprofloxacin) and sheep sorrel (the diuretic interaction that the
# MSKCC About Herbs monograph lists, for the potassium-wasting classes); read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("fennel extract 500 mg twice daily", "ciprofloxacin 500 mg BID", "fennel--ciprofloxacin",
     "minor", "pharmacokinetic", "ciprofloxacin"),
    ("sheep sorrel tea", "furosemide 40 mg daily", "sheep-sorrel--cls-loop-diuretic",
     "minor", "pharmacodynamic", "loop diuretics"),
    ("sheep sorrel", "hydrochlorothiazide 25 mg daily", "sheep-sorrel--cls-thiazide-diuretic",
     "minor", "pharmacodynamic", "thiazide diuretics"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = []
