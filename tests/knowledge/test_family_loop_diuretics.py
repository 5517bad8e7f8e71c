"""Loop diuretics and blood pressure: furosemide and torsemide carry their labels' hypertension indication,
bumetanide (indicated for oedema only) does not (real graph)."""

from __future__ import annotations


def _blood_pressure(checker, drug: str, supplement: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return [f for f in result.findings if f.drug is not None and "blood-pressure" in f.title]


def test_garlic_extract_adds_to_furosemide(real_checker):
    [finding] = _blood_pressure(real_checker, "furosemide", "garlic extract 600 mg daily")
    assert "adds to the blood-pressure-lowering effect of furosemide" in finding.title
    assert "additive lowering of blood pressure" in finding.effect
    assert finding.severity.value == "moderate"


def test_garlic_extract_adds_to_torsemide(real_checker):
    [finding] = _blood_pressure(real_checker, "torsemide", "garlic extract 600 mg daily")
    assert "blood-pressure-lowering effect of torsemide" in finding.title
    assert finding.severity.value == "moderate"


def test_bumetanide_is_not_an_antihypertensive_in_the_graph(real_checker):
    assert not _blood_pressure(real_checker, "bumetanide", "garlic extract 600 mg daily")


def test_garlic_in_food_does_not_reach_furosemide(real_checker):
    assert not _blood_pressure(real_checker, "furosemide", "garlic in cooking")
