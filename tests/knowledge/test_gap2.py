"""What the ABILIFY label says of CYP3A4 inducers and of strong CYP2D6 and CYP3A4 inhibitors, and the second label
(QUESTRAN) behind the bile acid sequestrant entries (real graph).

St John's wort is graded a strong CYP3A4 inducer in the graph, so with aripiprazole the finding follows the label's
dose adjustment (moderate) and quotes it; grapefruit is not a strong CYP3A4 inhibitor, so the label's halving does not
reach it and the inferred chain stays minor.
"""

from __future__ import annotations

import pytest


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


def test_st_johns_wort_with_aripiprazole_follows_the_label(real_checker):
    result = real_checker.check(drugs=["Abilify 10 mg daily"], supplements=["St John's wort 300 mg three times daily"])
    [f] = _pair(result, "St John's wort", "aripiprazole")
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"
    assert "strong CYP3A4 inducers" in f.title
    assert "Dosage adjustments are recommended" in f.management
    assert any(s.title.startswith("ABILIFY (aripiprazole)") for s in f.evidence.sources)


def test_a_moderate_cyp3a4_inhibitor_is_not_the_labels_strong_category(real_checker):
    result = real_checker.check(drugs=["aripiprazole 10 mg daily"], supplements=["grapefruit juice 250 mL daily"])
    found = _pair(result, "grapefruit", "aripiprazole")
    assert found and max(f.severity.value for f in found) == "minor"
    assert not any("label" in f.title for f in found)


@pytest.mark.parametrize("supplement", ["fish oil 1 g daily", "valerian 500 mg at night"])
def test_aripiprazole_negative_controls(real_checker, supplement):
    result = real_checker.check(drugs=["aripiprazole 10 mg daily"], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == "aripiprazole"]


def test_darbepoetin_has_the_blood_pressure_property_of_its_sibling(real_checker):
    result = real_checker.check(drugs=["Aranesp 100 mcg every 2 weeks"], supplements=["caffeine 400 mg daily"])
    [f] = _pair(result, "caffeine", "darbepoetin alfa")
    assert f.severity.value == "moderate"
    assert "blood-pressure" in f.title
    assert any(s.title.startswith("ARANESP") for s in f.evidence.sources)


def test_darbepoetin_negative_control(real_checker):
    result = real_checker.check(drugs=["darbepoetin alfa 100 mcg every 2 weeks"],
                                supplements=["coenzyme Q10 100 mg daily"])
    assert not _pair(result, "coenzyme Q10", "darbepoetin alfa")


@pytest.mark.parametrize(("supplement", "supp_name", "study"), [
    ("folic acid 1 mg daily", "folic acid", True),
    ("vitamin D3 2000 IU daily", "vitamin D", False),
])
def test_the_sequestrant_entries_cite_the_cholestyramine_label(real_checker, supplement, supp_name, study):
    result = real_checker.check(drugs=["Questran 4 g twice daily"], supplements=[supplement])
    [f] = _pair(result, supp_name, "cholestyramine")
    titles = [s.title for s in f.evidence.sources]
    assert any(t.startswith("QUESTRAN (cholestyramine") for t in titles)
    assert any(t.startswith("COLESTID") for t in titles)
    assert ("The effect of cholestyramine on intestinal absorption" in titles) is study
    assert "4 to 6 hours" in f.management


def test_a_vitamin_neither_label_names_stays_silent_with_cholestyramine(real_checker):
    result = real_checker.check(drugs=["Questran 4 g twice daily"], supplements=["vitamin C 500 mg daily"])
    assert not _pair(result, "vitamin C", "cholestyramine")
