"""Retinoids and vitamin A: oral tretinoin and bexarotene with vitamin A supplements, as their labels say (real graph)."""

from __future__ import annotations

import pytest

HIGH_DOSE = "vitamin A 25,000 IU daily"


def _vitamin_a(checker, drug: str, supplement: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return [f for f in result.findings if f.drug is not None and "itamin A" in f.title]


def test_high_dose_vitamin_a_with_tretinoin_is_contraindicated(real_checker):
    [finding] = _vitamin_a(real_checker, "tretinoin", HIGH_DOSE)
    assert "hypervitaminosis A may worsen" in finding.title
    assert "worse hypervitaminosis A symptoms" in finding.effect
    assert finding.kind.value == "pharmacodynamic"
    assert finding.severity.value == "major"


def test_high_dose_vitamin_a_with_bexarotene_exceeds_the_label_limit(real_checker):
    [finding] = _vitamin_a(real_checker, "bexarotene", HIGH_DOSE)
    assert "above 15,000 IU" in finding.title
    assert "additive retinoid" in finding.effect
    assert "15,000 IU" in finding.management
    assert finding.severity.value == "moderate"


def test_vitamin_a_in_mcg_is_converted_for_bexarotene(real_checker):
    # 7,500 mcg of retinol is 25,000 IU.
    [finding] = _vitamin_a(real_checker, "Targretin", "vitamin A 7,500 mcg daily")
    assert finding.severity.value == "moderate"


@pytest.mark.parametrize("line", ["vitamin A 5,000 IU daily", "vitamin A 15,000 IU daily"])
def test_vitamin_a_within_the_bexarotene_limit_is_not_flagged(real_checker, line):
    assert not _vitamin_a(real_checker, "bexarotene", line)


@pytest.mark.parametrize("drug", ["tretinoin", "bexarotene"])
def test_beta_carotene_and_multivitamins_are_not_reached(real_checker, drug):
    assert not _vitamin_a(real_checker, drug, "beta-carotene 25,000 IU daily")
    result = real_checker.check(drugs=[drug], supplements=["multivitamin daily"])
    assert not [f for f in result.findings if f.drug is not None]


def test_vitamin_a_with_a_drug_that_is_not_a_retinoid(real_checker):
    assert not _vitamin_a(real_checker, "imatinib", HIGH_DOSE)


def test_grapefruit_with_bexarotene_follows_the_label(real_checker):
    result = real_checker.check(drugs=["bexarotene"], supplements=["grapefruit juice"])
    [finding] = [f for f in result.findings if f.drug is not None]
    assert finding.severity.value == "minor"
    assert "label" in finding.title
