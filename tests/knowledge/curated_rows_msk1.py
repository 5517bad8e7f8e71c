# Curated pairs from the MSK About Herbs interaction lists of green tea and AHCC (and the studies
# behind them); read by test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("green tea 3 cups daily", "codeine 30 mg every 6 hours as needed", "green-tea--codeine",
     "minor", "pharmacokinetic", "codeine"),
    ("AHCC 3 g daily", "ondansetron 8 mg twice daily", "ahcc--ondansetron",
     "minor", "pharmacokinetic", "ondansetron"),
    ("AHCC 3 g daily", "letrozole 2.5 mg daily", "ahcc--cls-aromatase-inhibitor",
     "minor", "pharmacodynamic", "aromatase"),
    ("active hexose correlated compound 1 g three times daily", "anastrozole 1 mg daily",
     "ahcc--cls-aromatase-inhibitor", "minor", "pharmacodynamic", "aromatase"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = []
