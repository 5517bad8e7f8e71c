"""Butalbital and sumatriptan, added with the combination products that hold them (real graph).

Their names resolve; sumatriptan's label contraindication of MAO-A inhibitors is recorded as a label instruction
with its 7-fold rise in exposure; the warnings recorded as properties reach the family rules (sumatriptan's serotonin
syndrome warning, butalbital's CNS depression); and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair

DRUG = "https://w3id.org/suppcheck/drug/"


@pytest.mark.parametrize(("text", "expected"), [
    ("sumatriptan", "sumatriptan"), ("Imitrex", "sumatriptan"), ("Imigran", "sumatriptan"),
    ("sumatriptan succinate", "sumatriptan"), ("butalbital", "butalbital"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Imitrex 50 mg at migraine onset", "sumatriptan"),
    ("sumatriptan 100 mg PRN migraine", "sumatriptan"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


def test_sumatriptan_label_contraindicates_mao_a_inhibitors(real_checker):
    lis = real_checker.kb.label_instructions.get(DRUG + "sumatriptan", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert ("MAOA", "inhibition", "any", "contraindicated") in found, found
    [li] = [li for li in lis if li.instruction == "contraindicated"]
    assert "7-fold" in li.label_text


@pytest.mark.parametrize(("line", "supplement", "name"), [
    ("Imitrex 50 mg", "St John's wort 300 mg three times daily", "St John's wort"),
    ("sumatriptan 100 mg", "5-HTP 100 mg daily", "5-HTP"),
])
def test_sumatriptan_serotonergic_warning_reaches_serotonergic_supplements(real_checker, line, supplement, name):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    [f] = _pair(result, name, "sumatriptan")
    assert f.severity.value == "moderate"
    assert "serotonergic" in f.title


@pytest.mark.parametrize("supplement", ["valerian 450 mg at bedtime", "kava 200 mg daily"])
def test_butalbital_sedation_reaches_sedating_supplements(real_checker, supplement):
    result = real_checker.check(drugs=["butalbital"], supplements=[supplement])
    [f] = [f for f in result.findings if f.drug is not None and f.drug.name == "butalbital"]
    assert f.severity.value == "moderate"
    assert "sedation" in f.title


@pytest.mark.parametrize(("drug", "supplement"), [
    # sumatriptan's label names no CYP route, grapefruit or food
    ("sumatriptan", "grapefruit"),
    # nothing links butalbital to a supplement that neither sedates nor is named by its label
    ("butalbital", "vitamin C 500 mg"),
    # no fact of the graph speaks of St John's wort with butalbital (its inducing effect is not recorded)
    ("butalbital", "St John's wort"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
