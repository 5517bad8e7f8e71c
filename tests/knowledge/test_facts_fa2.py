"""First facts of psychiatric, neurological and antiemetic drugs that carried none (real graph).

Each drug gets, from its US prescribing information (or a PubMed source), the properties its siblings carry
(serotonergic, CNS depressant, seizure threshold, QT) and the label's instructions on enzyme inhibitors and
inducers or on named products. For each drug one finding those facts give, with its severity, and a negative
control (a supplement the new facts must not meet).
"""

from __future__ import annotations

import pytest


_RANK = {"none": 0, "minor": 1, "moderate": 2, "major": 3}


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# (drug line, drug name, supplement line, supplement name, expected severity)
FINDINGS = [
    ("vortioxetine 10 mg daily", "vortioxetine", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("vortioxetine 10 mg daily", "vortioxetine", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("cyclobenzaprine 10 mg three times daily", "cyclobenzaprine", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("risperidone 2 mg daily", "risperidone", "valerian 500 mg at night", "valerian", "moderate"),
    ("risperidone 2 mg daily", "risperidone", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("prochlorperazine 10 mg every 6 hours as needed", "prochlorperazine", "valerian 500 mg at night", "valerian",
     "moderate"),
    ("topiramate 50 mg twice daily", "topiramate", "valerian 500 mg at night", "valerian", "moderate"),
    ("methylphenidate 10 mg twice daily", "methylphenidate", "yohimbe 5 mg daily", "yohimbe", "moderate"),
    ("nabilone 1 mg twice daily", "nabilone", "valerian 500 mg at night", "valerian", "moderate"),
    ("donepezil 10 mg at night", "donepezil", "licorice root extract 1 g daily", "licorice", "moderate"),
]

# (drug line, drug name, supplement line, supplement name, severity, words in the finding's title): a finding
# that reaches the pair by the new facts, whatever else outranks it for the pair.
CHAINS = [
    ("modafinil 200 mg daily", "modafinil", "red yeast rice 1200 mg daily", "red yeast rice", "minor",
     "modafinil may lower"),
    ("aripiprazole 10 mg daily", "aripiprazole", "St John's wort 300 mg three times daily", "St John's wort", "minor",
     "may lower aripiprazole exposure"),
]

# (drug line, drug name, supplement line, supplement name): nothing reaches the pair.
SILENT = [
    ("vortioxetine 10 mg daily", "vortioxetine", "fish oil 1 g daily", "fish oil"),
    ("cyclobenzaprine 10 mg three times daily", "cyclobenzaprine", "calcium 500 mg daily", "calcium"),
    ("risperidone 2 mg daily", "risperidone", "5-HTP 100 mg daily", "5-HTP"),
    ("prochlorperazine 10 mg every 6 hours as needed", "prochlorperazine", "vitamin C 500 mg daily", "vitamin C"),
    ("topiramate 50 mg twice daily", "topiramate", "5-HTP 100 mg daily", "5-HTP"),
    ("methylphenidate 10 mg twice daily", "methylphenidate", "valerian 500 mg at night", "valerian"),
    ("modafinil 200 mg daily", "modafinil", "melatonin 3 mg at night", "melatonin"),
    ("nabilone 1 mg twice daily", "nabilone", "calcium 500 mg daily", "calcium"),
    ("aripiprazole 10 mg daily", "aripiprazole", "fish oil 1 g daily", "fish oil"),
    ("donepezil 10 mg at night", "donepezil", "valerian 500 mg at night", "valerian"),
]


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity"), FINDINGS)
def test_new_facts_give_a_finding(real_checker, drug, name, supplement, supp_name, severity):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, supp_name, name)
    assert found, f"{supp_name} + {name}: no finding"
    worst = max(found, key=lambda f: _RANK[f.severity.value])
    assert worst.severity.value == severity, (supp_name, name, [f.title for f in found])


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity", "words"), CHAINS)
def test_new_facts_reach_the_pair(real_checker, drug, name, supplement, supp_name, severity, words):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = [f for f in _pair(result, supp_name, name) if words in f.title]
    assert found, (supp_name, name, [f.title for f in _pair(result, supp_name, name)])
    assert found[0].severity.value == severity


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name"), SILENT)
def test_negative_control_stays_silent(real_checker, drug, name, supplement, supp_name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not _pair(result, supp_name, name)
