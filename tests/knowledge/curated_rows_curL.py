# Curated pairs for cannabidiol, echinacea, cranberry, pomegranate, coenzyme Q10, resveratrol, black cohosh,
# valerian and iron (human interaction studies, meta-analyses, a case report and a cell-culture study); read by
# test_curated_pairs.py.

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("CBD oil 25 mg twice daily", "rifampin 600 mg daily", "cbd--rifampin",
     "moderate", "pharmacokinetic", "rifampicin"),
    ("echinacea 500 mg three times daily", "warfarin 5 mg daily", "echinacea--warfarin",
     "minor", "pharmacokinetic", "warfarin"),
    ("pomegranate juice 250 mL daily", "lisinopril 10 mg daily", "pomegranate--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("resveratrol 500 mg daily", "amlodipine 5 mg daily", "resveratrol--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("black cohosh 40 mg daily", "doxorubicin 60 mg/m2 every 3 weeks", "black-cohosh--doxorubicin",
     "minor", "pharmacodynamic", "in vitro"),
    ("black cohosh 40 mg daily", "cisplatin 75 mg/m2", "black-cohosh--cisplatin",
     "minor", "pharmacodynamic", "in vitro"),
    ("valerian 500 mg at night", "lorazepam 1 mg at night", "valerian--lorazepam",
     "moderate", "pharmacodynamic", "lorazepam"),
    ("ferrous sulfate 325 mg daily", "omeprazole 20 mg daily", "iron--cls-proton-pump-inhibitor",
     "minor", "pharmacokinetic", "iron"),
    ("resveratrol 500 mg twice daily", "metformin 500 mg twice daily", "resveratrol--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("coenzyme Q10 100 mg daily", "glipizide 5 mg daily", "coq10--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("cranberry juice 240 mL daily", "cyclosporine 100 mg twice daily", None, "cranberry--cyclosporine"),
    ("cranberry juice", "amoxicillin-clavulanate 875 mg twice daily", None, "cranberry--amoxicillin-clavulanate"),
    ("pomegranate juice 250 mL daily", "cyclosporine 100 mg twice daily", None, "pomegranate--cyclosporine"),
    ("coenzyme Q10 100 mg daily", "amlodipine 5 mg daily", None, "coq10--cls-antihypertensive"),
]
