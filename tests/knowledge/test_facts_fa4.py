"""First facts of hormone, supportive-care and other drugs that carried none (real graph).

Each drug gets, from its prescribing information, the properties its siblings carry (blood-pressure lowering or
raising, raised glucose, potassium loss, low calcium, kidney and liver injury, lowered blood counts), its enzyme
roles and the label's instructions on enzyme categories or named products. For each drug one finding those facts
give, with its severity, and a negative control (a supplement the new facts must not meet).
"""

from __future__ import annotations

import pytest


_RANK = {"none": 0, "minor": 1, "moderate": 2, "major": 3}


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# (drug line, drug name, supplement line, supplement name, expected severity)
FINDINGS = [
    ("tadalafil 5 mg daily", "tadalafil", "garlic extract 600 mg daily", "garlic", "moderate"),
    ("tadalafil 5 mg daily", "tadalafil", "St John's wort 300 mg three times daily", "St John's wort", "moderate"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "grapefruit juice 250 mL daily", "grapefruit", "moderate"),
    ("fludrocortisone 0.1 mg daily", "fludrocortisone", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("megestrol acetate 800 mg daily", "megestrol acetate", "niacin 1 g daily", "niacin", "moderate"),
    ("testosterone enanthate 75 mg weekly", "testosterone", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "kava 250 mg daily", "kava", "moderate"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "fish oil 4 g daily", "fish oil", "minor"),
    ("avatrombopag 20 mg daily", "avatrombopag", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("epoetin alfa 40000 units weekly", "epoetin alfa", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "calcium 600 mg daily", "calcium", "minor"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "red yeast rice 1200 mg daily", "red yeast rice", "moderate"),
    ("octreotide 100 mcg three times daily", "octreotide", "niacin 1 g daily", "niacin", "moderate"),
]

# (drug line, drug name, supplement line, supplement name): nothing reaches the pair.
SILENT = [
    ("tadalafil 5 mg daily", "tadalafil", "vitamin C 500 mg daily", "vitamin C"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("fludrocortisone 0.1 mg daily", "fludrocortisone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("megestrol acetate 800 mg daily", "megestrol acetate", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("testosterone enanthate 75 mg weekly", "testosterone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("avatrombopag 20 mg daily", "avatrombopag", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("epoetin alfa 40000 units weekly", "epoetin alfa", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "iron 65 mg daily", "iron"),
    ("octreotide 100 mcg three times daily", "octreotide", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
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
