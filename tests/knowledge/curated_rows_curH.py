# Curated pairs of the activated charcoal, alfalfa, apple cider vinegar, glucomannan, Garcinia cambogia, maritime
# pine bark, serrapeptase, beetroot, L-citrulline, epimedium and tocotrienol monographs (rows read by
# test_curated_pairs.py, same formats as CURATED and NONE there).

CURATED = [
    ("activated charcoal 500 mg twice daily", "apixaban 5 mg twice daily", "activated-charcoal--apixaban",
     "moderate", "pharmacokinetic", "apixaban"),
    ("charcoal capsules", "digoxin 0.125 mg daily", "activated-charcoal--digoxin", "moderate", "pharmacokinetic", "digoxin"),
    ("activated charcoal", "phenytoin 300 mg daily", "activated-charcoal--phenytoin",
     "moderate", "pharmacokinetic", "phenytoin"),
    ("activated charcoal 1 g daily", "aspirin 81 mg daily", "activated-charcoal--aspirin",
     "moderate", "pharmacokinetic", "aspirin"),
    ("activated charcoal", "carbamazepine 200 mg three times daily", "activated-charcoal--carbamazepine",
     "moderate", "pharmacokinetic", "carbamazepine"),
    ("activated charcoal tablets", "dapsone 100 mg daily", "activated-charcoal--dapsone",
     "moderate", "pharmacokinetic", "dapsone"),
    ("activated charcoal capsules 520 mg", "acetaminophen 1 g", "activated-charcoal--acetaminophen",
     "minor", "pharmacokinetic", "paracetamol"),
    ("glucomannan 1 g three times daily", "levothyroxine 100 mcg daily", "glucomannan--cls-thyroid-hormone",
     "moderate", "pharmacokinetic", "thyroid"),
    ("alfalfa tablets", "tacrolimus 2 mg twice daily", "alfalfa--cls-immunosuppressant",
     "minor", "pharmacodynamic", "immunosuppressive"),
    ("apple cider vinegar 2 tablespoons daily", "metformin 500 mg twice daily", "apple-cider-vinegar--cls-antidiabetic",
     "minor", "pharmacodynamic", "antidiabetic"),
    ("ACV", "insulin glargine 20 units at night", "apple-cider-vinegar--cls-insulin",
     "moderate", "pharmacodynamic", "insulin"),
    ("glucomannan 1 g three times daily", "glipizide 5 mg daily", "glucomannan--cls-antidiabetic",
     "moderate", "pharmacodynamic", "antidiabetic"),
    ("garcinia cambogia 500 mg twice daily", "sertraline 50 mg daily", "garcinia-cambogia--cls-ssri",
     "moderate", "pharmacodynamic", "SSRI"),
    ("Pycnogenol 100 mg twice daily", "amlodipine 5 mg daily", "maritime-pine-bark--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("serrapeptase 10 mg three times daily", "rivaroxaban 20 mg daily", "serrapeptase--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulants"),
    ("beetroot juice 250 mL daily", "lisinopril 10 mg daily", "beetroot--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("beet root powder", "omeprazole 20 mg daily", "beetroot--cls-proton-pump-inhibitor",
     "minor", "pharmacodynamic", "proton pump inhibitors"),
    ("L-citrulline 3 g twice daily", "losartan 50 mg daily", "citrulline--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
]

NONE = [
    ("horny goat weed 500 mg daily", "midazolam 2 mg IV", None, "epimedium--midazolam"),
    ("epimedium extract", "omeprazole 20 mg daily", None, "epimedium--omeprazole"),
    ("tocotrienols 200 mg daily", "tamoxifen 20 mg daily", None, "tocotrienols--tamoxifen"),
    ("delta-tocotrienol 300 mg three times daily", "atorvastatin 40 mg daily", None, "tocotrienols--cls-statin"),
]
