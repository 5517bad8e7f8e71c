"""Flags that follow from the MSK About Herbs interaction lists: ginger supplements before surgery, and ashwagandha's
sedative and testosterone-raising properties reaching the sedation and androgen-axis rules."""

from __future__ import annotations


def _pair(result):
    return [f for f in result.findings if f.drug]


def test_ginger_supplement_before_surgery_is_a_minor_curated_precaution(real_checker):
    result = real_checker.check(drugs=[], supplements=["ginger 1 g twice daily"], context=["surgery"])
    found = [f for f in result.findings if f.context and "surgery" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "curated"
    assert "before elective surgery" in found[0].management and "no interval" in found[0].management


def test_ginger_without_surgery_gives_no_context_finding(real_checker):
    result = real_checker.check(drugs=[], supplements=["ginger 1 g twice daily"], context=[])
    assert not [f for f in result.findings if f.context]


def test_ashwagandha_adds_to_benzodiazepine_sedation(real_checker):
    result = real_checker.check(drugs=["lorazepam 1 mg at night"], supplements=["ashwagandha 300 mg twice daily"])
    sedation = [f for f in _pair(result) if "sedation" in f.title.lower()]
    assert sedation, [(f.title, f.severity.value) for f in result.findings]
    assert sedation[0].severity.value == "moderate"
    assert sedation[0].evidence.basis.value == "inferred"


def test_ashwagandha_adds_to_zolpidem_sedation(real_checker):
    result = real_checker.check(drugs=["zolpidem 5 mg at night"], supplements=["ashwagandha root extract 600 mg daily"])
    assert [f for f in _pair(result) if "sedation" in f.title.lower() and f.severity.value == "moderate"]


def test_ashwagandha_may_work_against_androgen_deprivation(real_checker):
    for drug in ("leuprolide 22.5 mg every 3 months", "enzalutamide 160 mg daily"):
        result = real_checker.check(drugs=[drug], supplements=["ashwagandha 300 mg twice daily"])
        against = [f for f in _pair(result) if "work against" in f.title.lower()]
        assert against, (drug, [(f.title, f.severity.value) for f in result.findings])
        assert against[0].severity.value in ("minor", "moderate")


def test_ashwagandha_gives_no_sedation_or_androgen_flag_with_metformin(real_checker):
    result = real_checker.check(drugs=["metformin 500 mg twice daily"], supplements=["ashwagandha 300 mg twice daily"])
    titles = [f.title.lower() for f in _pair(result)]
    assert not [t for t in titles if "sedation" in t or "work against" in t], titles
