# Curated pairs from the Memorial Sloan Kettering About Herbs advice on boswellia (blood thinners); read by
# test_curated_pairs.py. The property claims (resveratrol, quercetin) are tested in test_msk_msk5.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("boswellia 400 mg three times daily", "warfarin 5 mg daily", "boswellia--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
    ("Boswellia serrata extract 500 mg twice daily", "apixaban 5 mg twice daily", "boswellia--cls-anticoagulant",
     "minor", "pharmacodynamic", "bleeding"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = []
