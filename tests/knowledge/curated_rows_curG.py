# Curated pairs of the hawthorn, caffeine, zinc, vitamin C, N-acetylcysteine, American ginseng, andrographis,
# bacopa and further monographs (rows read by test_curated_pairs.py, same formats as CURATED and NONE there).

CURATED = [
    ("American ginseng 1 g twice daily", "glipizide 5 mg daily", "american-ginseng--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("andrographis", "warfarin 5 mg daily", "andrographis--warfarin", "minor", "pharmacokinetic", "warfarin"),
    ("bacopa 300 mg daily", "levothyroxine 100 mcg daily", "bacopa--cls-thyroid-hormone",
     "minor", "pharmacodynamic", "thyroxine"),
    ("hawthorn extract 600 mg twice daily", "lisinopril 10 mg daily", "hawthorn--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("NAC 1200 mg twice daily", "paclitaxel 80 mg/m2 weekly", "nac--paclitaxel", "minor", "pharmacodynamic", "paclitaxel"),
    ("NAC 600 mg twice daily", "epirubicin 100 mg/m2", "nac--cls-anthracycline",
     "minor", "pharmacodynamic", "anthracycline"),
    ("vitamin C 1000 mg daily", "warfarin 5 mg daily", "vitamin-c--warfarin", "moderate", "pharmacodynamic", "warfarin"),
    ("vitamin C 1 g twice daily", "propranolol 40 mg twice daily", "vitamin-c--propranolol",
     "minor", "pharmacokinetic", "propranolol"),
    ("zinc 50 mg daily", "doxycycline 100 mg twice daily", "zinc--doxycycline", "minor", "pharmacokinetic", "doxycycline"),
    ("caffeine 200 mg twice daily", "ciprofloxacin 500 mg twice daily", "caffeine--ciprofloxacin",
     "minor", "pharmacokinetic", "caffeine"),
    ("caffeine pills 200 mg", "methotrexate 15 mg weekly", "caffeine--methotrexate",
     "minor", "pharmacodynamic", "methotrexate"),
    ("schisandra", "paclitaxel 175 mg/m2", "schisandra--paclitaxel", "minor", "pharmacokinetic", "paclitaxel"),
    ("rhodiola 200 mg daily", "losartan 50 mg daily", "rhodiola--losartan", "minor", "pharmacokinetic", "losartan"),
    ("chamomile", "lorazepam 1 mg at night", "chamomile--cls-benzodiazepine",
     "minor", "pharmacodynamic", "benzodiazepines"),
    ("chamomile capsules", "apixaban 5 mg twice daily", "chamomile--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
]

NONE = [
    ("hawthorn extract 600 mg twice daily", "metformin 500 mg twice daily", None, "hawthorn--cls-antidiabetic"),
]
