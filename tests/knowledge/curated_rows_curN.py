# Curated pairs for Chinese herbs and other supplements that had names only: tangerine peel (tangerine juice with
# midazolam), white peony (total glucosides of paeony with methotrexate) and coix seed (Kanglaite with
# fluoropyrimidine chemotherapy); all were studied in people and showed no harmful interaction. Read by
# test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("chen pi 6 g daily", "midazolam 7.5 mg at night", None, "chen-pi--midazolam"),
    ("white peony root 3 g daily", "methotrexate 15 mg weekly", None, "white-peony--methotrexate"),
    ("Kanglaite", "capecitabine 1000 mg/m2 twice daily", None, "coix-seed--cls-fluoropyrimidine"),
]
