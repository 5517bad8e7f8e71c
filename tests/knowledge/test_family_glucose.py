"""Pharmacodynamic families: glucose, liver, sedation and anaesthesia, seizure threshold (real graph)."""

from __future__ import annotations


def _pair(checker, drug: str, supplement: str, context: list[str] | None = None):
    result = checker.check(drugs=[drug] if drug else [], supplements=[supplement], context=context or [])
    return [f for f in result.findings if (f.drug is not None) == bool(drug)]


# ----------------------------------------------------------------------------- glucose
def test_berberine_adds_to_a_sulfonylurea(real_checker):
    [finding] = _pair(real_checker, "glipizide", "berberine 500 mg twice daily")
    assert "glucose-lowering" in finding.title and "berberine" in finding.title
    assert "hypoglycaemia" in finding.effect
    assert finding.severity.value == "moderate"


def test_berberine_below_the_studied_dose_is_not_flagged(real_checker):
    assert not _pair(real_checker, "glipizide", "berberine 300 mg daily")


def test_niacin_raises_glucose_on_alpelisib(real_checker):
    [finding] = _pair(real_checker, "alpelisib", "niacin 1000 mg twice daily")
    assert "raise blood glucose" in finding.title
    assert finding.severity.value == "moderate"


def test_niacin_works_against_insulin_and_steroid_hyperglycaemia(real_checker):
    [insulin] = _pair(real_checker, "insulin glargine", "niacin 2 g daily")
    assert "raise blood glucose" in insulin.title and insulin.severity.value == "moderate"
    [steroid] = _pair(real_checker, "dexamethasone", "niacin 2 g daily")
    assert "raise blood glucose" in steroid.title


def test_niacin_at_vitamin_doses_is_not_flagged(real_checker):
    assert not _pair(real_checker, "alpelisib", "niacin 20 mg daily")
    assert not _pair(real_checker, "dexamethasone", "niacin 500 mg daily")


def test_niacin_with_a_drug_that_does_not_touch_glucose(real_checker):
    assert not [f for f in _pair(real_checker, "amlodipine", "niacin 2 g daily") if "glucose" in f.title]
