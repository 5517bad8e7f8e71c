"""First facts of anti-infective, acid-suppressing, antiemetic and gut-acting drugs that carried none (real graph).

Each drug gets, from its prescribing information, the properties its siblings carry (chelation by polyvalent
cations, photosensitivity, liver injury, serotonergic activity, neuropathy, lowered blood counts, raised
glucose), its enzyme roles and the label's instructions on named products or enzyme categories. For each drug
one finding those facts give, with its severity, and a negative control (a supplement the new facts must not
meet).
"""

from __future__ import annotations

import pytest


_RANK = {"none": 0, "minor": 1, "moderate": 2, "major": 3}


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# (drug line, drug name, supplement line, supplement name, expected severity)
FINDINGS = [
    ("minocycline 100 mg twice daily", "minocycline", "calcium 600 mg daily", "calcium", "moderate"),
    ("esomeprazole 40 mg daily", "esomeprazole", "St John's wort 300 mg three times daily", "St John's wort", "minor"),
    ("rifabutin 300 mg daily", "rifabutin", "goldenseal 1 g daily", "goldenseal", "moderate"),
    ("metronidazole 500 mg three times daily", "metronidazole", "vitamin B6 200 mg daily", "vitamin B6", "moderate"),
    ("letermovir 480 mg daily", "letermovir", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("palonosetron 0.25 mg IV", "palonosetron", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("fosaprepitant 150 mg IV", "fosaprepitant", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("dapsone 100 mg daily", "dapsone", "fish oil 4 g daily", "fish oil", "minor"),
    ("sucralfate 1 g four times daily", "sucralfate", "niacin 2 g daily", "niacin", "moderate"),
    ("famotidine 20 mg twice daily", "famotidine", "caffeine 200 mg daily", "caffeine", "minor"),
]

# (drug line, drug name, supplement line, supplement name): nothing reaches the pair.
SILENT = [
    ("minocycline 100 mg twice daily", "minocycline", "fish oil 1 g daily", "fish oil"),
    ("esomeprazole 40 mg daily", "esomeprazole", "fish oil 1 g daily", "fish oil"),
    ("rifabutin 300 mg daily", "rifabutin", "fish oil 1 g daily", "fish oil"),
    ("metronidazole 500 mg three times daily", "metronidazole", "vitamin B6 25 mg daily", "vitamin B6"),
    ("letermovir 480 mg daily", "letermovir", "fish oil 1 g daily", "fish oil"),
    ("palonosetron 0.25 mg IV", "palonosetron", "calcium 600 mg daily", "calcium"),
    ("fosaprepitant 150 mg IV", "fosaprepitant", "fish oil 1 g daily", "fish oil"),
    ("dapsone 100 mg daily", "dapsone", "vitamin B6 200 mg daily", "vitamin B6"),
    ("sucralfate 1 g four times daily", "sucralfate", "niacin 500 mg daily", "niacin"),
    ("famotidine 20 mg twice daily", "famotidine", "fish oil 1 g daily", "fish oil"),
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
