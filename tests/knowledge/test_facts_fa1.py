"""First facts of glucose-lowering drugs and NSAIDs that carried none (real graph).

Each drug gets, from its US prescribing information, the properties its siblings carry (glucose lowering,
hypoglycaemia, hypokalaemia, platelet inhibition, bleeding risk) and the label's instructions on enzyme
inducers and inhibitors. For each drug one finding those facts give, with its severity, and a negative control
(a supplement the new facts must not meet).
"""

from __future__ import annotations

import pytest


_RANK = {"none": 0, "minor": 1, "moderate": 2, "major": 3}


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# (drug line, drug name, supplement line, supplement name, expected severity)
FINDINGS = [
    ("Humulin R 10 units before meals", "regular human insulin", "berberine 500 mg three times daily", "berberine",
     "moderate"),
    ("semaglutide 1 mg weekly", "semaglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Victoza 1.2 mg daily", "liraglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Trulicity 1.5 mg weekly", "dulaglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Jardiance 10 mg daily", "empagliflozin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("empagliflozin 25 mg daily", "empagliflozin", "hibiscus tea", "hibiscus", "moderate"),
    ("Farxiga 10 mg daily", "dapagliflozin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Januvia 100 mg daily", "sitagliptin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Tradjenta 5 mg daily", "linagliptin", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("linagliptin 5 mg daily", "linagliptin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Actos 30 mg daily", "pioglitazone", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("pioglitazone 30 mg daily", "pioglitazone", "magnolia bark extract", "magnolia bark", "minor"),
    ("Celebrex 200 mg daily", "celecoxib", "fish oil 4 g daily", "fish oil", "moderate"),
    ("celecoxib 200 mg twice daily", "celecoxib", "ginkgo biloba 240 mg daily", "ginkgo", "moderate"),
    ("celecoxib 200 mg daily", "celecoxib", "CBD oil 25 mg daily", "cannabidiol (CBD)", "minor"),
    ("Toradol 10 mg every 6 hours", "ketorolac", "ginkgo biloba 240 mg daily", "ginkgo", "moderate"),
    ("Mobic 15 mg daily", "meloxicam", "fish oil 4 g daily", "fish oil", "moderate"),
    ("meloxicam 7.5 mg daily", "meloxicam", "CBD oil 25 mg daily", "cannabidiol (CBD)", "minor"),
]

# (drug line, drug name, supplement line, supplement name): nothing reaches the pair.
SILENT = [
    ("Humulin R 10 units before meals", "regular human insulin", "fish oil 1 g daily", "fish oil"),
    ("Ozempic 1 mg weekly", "semaglutide", "fish oil 1 g daily", "fish oil"),
    ("liraglutide 1.8 mg daily", "liraglutide", "vitamin C 500 mg daily", "vitamin C"),
    ("dulaglutide 1.5 mg weekly", "dulaglutide", "magnesium 300 mg daily", "magnesium"),
    ("empagliflozin 10 mg daily", "empagliflozin", "zinc 15 mg daily", "zinc"),
    ("dapagliflozin 10 mg daily", "dapagliflozin", "fish oil 1 g daily", "fish oil"),
    ("sitagliptin 100 mg daily", "sitagliptin", "vitamin D 1000 IU daily", "vitamin D"),
    ("linagliptin 5 mg daily", "linagliptin", "calcium carbonate 500 mg daily", "calcium"),
    ("pioglitazone 30 mg daily", "pioglitazone", "fish oil 1 g daily", "fish oil"),
    # below the antiplatelet threshold of fish oil (3 g a day)
    ("celecoxib 200 mg daily", "celecoxib", "fish oil 1 g daily", "fish oil"),
    ("ketorolac 10 mg every 6 hours", "ketorolac", "magnesium 300 mg daily", "magnesium"),
    ("meloxicam 15 mg daily", "meloxicam", "vitamin C 500 mg daily", "vitamin C"),
]


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity"), FINDINGS)
def test_new_facts_give_a_finding(real_checker, drug, name, supplement, supp_name, severity):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, supp_name, name)
    assert found, f"{supp_name} + {name}: no finding"
    worst = max(found, key=lambda f: _RANK[f.severity.value])
    assert worst.severity.value == severity, (supp_name, name, [f.title for f in found])


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name"), SILENT)
def test_negative_control_stays_silent(real_checker, drug, name, supplement, supp_name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not _pair(result, supp_name, name)
