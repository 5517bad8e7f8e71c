# Curated pairs from the Memorial Sloan Kettering About Herbs interaction lists that the graph did not flag: omega-3
# supplements with glucocorticoids (the monograph advises against it) and dong quai with ACE inhibitors (worse
# anaemia with lisinopril in rats). Read by test_curated_pairs.py; the radiation entries are in test_msk2.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("fish oil 1 g twice daily", "dexamethasone 4 mg twice daily", "fish-oil--cls-corticosteroid",
     "minor", "pharmacodynamic", "glucocorticoids"),
    ("omega-3 fish oil capsules", "prednisone 20 mg daily", "fish-oil--cls-corticosteroid",
     "minor", "pharmacodynamic", "glucocorticoids"),
    ("dong quai 500 mg three times daily", "lisinopril 10 mg daily", "dong-quai--cls-ace-inhibitor",
     "minor", "pharmacodynamic", "ACE inhibitors"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
]
