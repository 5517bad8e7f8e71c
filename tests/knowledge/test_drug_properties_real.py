"""Drug properties from US labels (families/drug-properties.ttl), checked on the bundled graph."""

from __future__ import annotations

import pytest


def _pair(checker, drug: str, supplement: str):
    result = checker.check(drugs=[drug], supplements=[supplement], context=[])
    return [f for f in result.findings if f.drug is not None]


def _bp(findings):
    return [f for f in findings if "blood pressure" in f.title or "blood-pressure" in f.title]


@pytest.mark.parametrize("drug", [
    "amlodipine", "nifedipine", "diltiazem", "metoprolol", "carvedilol", "atenolol", "propranolol"])
def test_the_label_indication_makes_the_drug_antihypertensive(real_checker, drug):
    [finding] = _bp(_pair(real_checker, drug, "caffeine 500 mg daily"))
    assert "raises blood pressure" in finding.title and drug in finding.title
    assert "works against antihypertensive treatment" in finding.effect
    assert finding.severity.value == "moderate"


def test_liquorice_raises_blood_pressure_against_amlodipine(real_checker):
    [finding] = _bp(_pair(real_checker, "amlodipine", "liquorice"))
    assert "raises blood pressure against amlodipine" in finding.title
    assert "hypokalaemia" in finding.effect and finding.severity.value == "moderate"


def test_a_hypotensive_supplement_adds_to_a_beta_blocker(real_checker):
    [finding] = _bp(_pair(real_checker, "carvedilol", "garlic extract"))
    assert "adds to the blood-pressure-lowering effect of carvedilol" in finding.title


def test_caffeine_below_the_trial_dose_is_not_flagged(real_checker):
    assert not _bp(_pair(real_checker, "atenolol", "caffeine 100 mg daily"))


def test_caffeine_with_a_drug_that_does_not_lower_blood_pressure(real_checker):
    assert not _bp(_pair(real_checker, "levothyroxine", "caffeine 500 mg daily"))

