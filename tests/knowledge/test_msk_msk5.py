"""Flags that follow from the Memorial Sloan Kettering About Herbs advice on resveratrol (hormone-like properties),
quercetin (antioxidant effects with chemotherapy) and boswellia (bleeding with blood thinners), with one pair per
herb of the list that must not be flagged."""

from __future__ import annotations

import pytest


def _pair(result):
    return [f for f in result.findings if f.drug]


@pytest.mark.parametrize("drug", ["tamoxifen 20 mg daily", "letrozole 2.5 mg daily"])
def test_resveratrol_hormone_like_property_reaches_endocrine_therapy_at_minor(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["resveratrol 500 mg daily"])
    found = [f for f in _pair(result) if "counteract" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "inferred"


def test_quercetin_antioxidant_claim_reaches_cyclophosphamide_at_minor(real_checker):
    result = real_checker.check(drugs=["cyclophosphamide 600 mg/m2"], supplements=["quercetin 500 mg daily"])
    found = [f for f in _pair(result) if "cytotoxic effect" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"


def test_boswellia_with_warfarin_is_a_bleeding_entry_not_only_an_in_vitro_cyp_chain(real_checker):
    result = real_checker.check(drugs=["warfarin 5 mg daily"], supplements=["boswellia 400 mg three times daily"])
    found = [f for f in _pair(result) if "bleeding" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "curated"


# One pair per herb of the list that must stay silent: a drug outside every concern the graph holds for it.
@pytest.mark.parametrize(
    "supplement, drug",
    [
        ("melatonin 3 mg at night", "amoxicillin 500 mg three times daily"),
        ("resveratrol 500 mg daily", "amoxicillin 500 mg three times daily"),
        ("quercetin 500 mg daily", "amoxicillin 500 mg three times daily"),
        ("berberine 500 mg twice daily", "amoxicillin 500 mg three times daily"),
        ("DIM 150 mg twice daily", "metformin 500 mg twice daily"),
        ("indole-3-carbinol 400 mg daily", "amoxicillin 500 mg three times daily"),
        ("mistletoe", "metformin 500 mg twice daily"),
        ("boswellia 400 mg three times daily", "amoxicillin 500 mg three times daily"),
        ("cat's claw", "amoxicillin 500 mg three times daily"),
        ("red clover", "amoxicillin 500 mg three times daily"),
        ("soy isoflavones", "amoxicillin 500 mg three times daily"),
        ("sea buckthorn oil", "amoxicillin 500 mg three times daily"),
    ],
)
def test_no_flag_outside_the_listed_concerns(real_checker, supplement, drug):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not _pair(result), [(f.title, f.severity.value) for f in result.findings]


def test_resveratrol_gives_no_hormone_flag_with_metformin(real_checker):
    result = real_checker.check(drugs=["metformin 500 mg twice daily"], supplements=["resveratrol 500 mg daily"])
    assert not [f for f in _pair(result) if "counteract" in f.title.lower()]
