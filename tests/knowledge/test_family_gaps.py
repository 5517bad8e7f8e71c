"""Gaps of the QT, blood-pressure and vitamin K families, closed with sourced facts (real graph).

Each closed gap has findings that follow from the new facts, with severity and direction, and a negative
control that the new facts must not reach.
"""

from __future__ import annotations

import pytest

LIQUORICE = "liquorice root 2 g daily"
GARLIC = "garlic extract 600 mg daily"


def _drug_findings(checker, drug, supplement):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return [f for f in result.findings if f.drug and f.drug.name == drug]


def _qt(findings):
    return [f for f in findings if "QT" in f.title]


# ----------------------------------------------------------------------------- QT (US label warnings)
@pytest.mark.parametrize("drug", ["levofloxacin", "ciprofloxacin", "azithromycin", "clarithromycin",
                                  "erythromycin", "citalopram", "escitalopram", "haloperidol"])
def test_liquorice_lowers_potassium_and_adds_to_qt_prolongation(real_checker, drug):
    [finding] = _qt(_drug_findings(real_checker, drug, LIQUORICE))
    assert finding.severity.value == "moderate"
    assert finding.title == f"licorice can lower potassium and add to QT prolongation by {drug}"
    assert "hypokalaemia prolongs the QT interval" in finding.effect
    assert "potassium" in finding.management and "ECG" in finding.management


def test_citalopram_qt_claim_rests_on_its_label(real_checker):
    [finding] = _qt(_drug_findings(real_checker, "citalopram", LIQUORICE))
    urls = [s.url or "" for s in finding.evidence.sources]
    assert any("fd761647-e16b-45b3-a4bc-364de0ed7015" in u for u in urls), urls


def test_an_ssri_without_a_qt_warning_is_not_flagged(real_checker):
    assert not _qt(_drug_findings(real_checker, "sertraline", LIQUORICE))


# ----------------------------------------------------------------------------- blood pressure (label indications)
@pytest.mark.parametrize("drug", ["hydrochlorothiazide", "chlorthalidone", "torsemide", "verapamil"])
def test_a_hypotensive_supplement_adds_to_the_antihypertensive(real_checker, drug):
    [finding] = [f for f in _drug_findings(real_checker, drug, GARLIC) if "blood-pressure" in f.title]
    assert finding.severity.value == "moderate"
    assert finding.title == f"garlic adds to the blood-pressure-lowering effect of {drug}"
    assert "additive lowering of blood pressure" in finding.effect


def test_caffeine_at_trial_doses_works_against_verapamil(real_checker):
    [finding] = [f for f in _drug_findings(real_checker, "verapamil", "caffeine 400 mg daily")
                 if "blood pressure" in f.title]
    assert finding.severity.value == "moderate"
    assert finding.title == "caffeine raises blood pressure and may offset verapamil"


def test_liquorice_raises_blood_pressure_against_a_thiazide(real_checker):
    titles = [f.title for f in _drug_findings(real_checker, "chlorthalidone", LIQUORICE)]
    assert "licorice raises blood pressure against chlorthalidone" in titles


def test_blood_pressure_negative_controls(real_checker):
    # Below the caffeine threshold, and a drug outside the family.
    assert not [f for f in _drug_findings(real_checker, "verapamil", "caffeine 200 mg daily")
                if "blood pressure" in f.title]
    assert not [f for f in _drug_findings(real_checker, "levofloxacin", GARLIC) if "blood-pressure" in f.title]


# ----------------------------------------------------------------------------- vitamin K (natto, greens powders)
def test_natto_lowers_the_inr_on_warfarin(real_checker):
    [finding] = _drug_findings(real_checker, "warfarin", "natto 50 g daily")
    assert finding.severity.value == "moderate"
    assert finding.title == "natto opposes the anticoagulant effect of warfarin"
    assert "INR falls" in finding.effect


def test_greens_powder_with_warfarin_is_a_reasoned_minor_concern(real_checker):
    [finding] = _drug_findings(real_checker, "warfarin", "super greens powder 1 scoop daily")
    assert finding.severity.value == "minor"
    assert "opposes the anticoagulant effect of warfarin" in finding.title


def test_natto_with_a_direct_oral_anticoagulant_is_no_concern(real_checker):
    assert not _drug_findings(real_checker, "apixaban", "natto 50 g daily")


def test_natto_and_nattokinase_stay_apart(real_checker):
    # The vitamin K claim is natto's: nattokinase capsules reach warfarin through their own
    # fibrinolytic entry, not as a vitamin K source.
    findings = _drug_findings(real_checker, "warfarin", "nattokinase 2000 FU daily")
    assert findings
    assert not [f for f in findings if "opposes the anticoagulant effect" in f.title]


# ----------------------------------------------------------------------------- binders (separation hours)
def test_psyllium_is_separated_from_oral_medicines_by_two_hours(real_checker):
    from suppcheck.report import build_report

    result = real_checker.check(drugs=["levothyroxine"], supplements=["psyllium husk 3.4 g daily"])
    [advisory] = [f for f in result.findings if f.supplement.name == "psyllium" and f.drug is None]
    assert advisory.severity.value == "minor"
    # the levothyroxine study has its own finding, with the same separation
    [pair] = [f for f in result.findings if f.supplement.name == "psyllium" and f.drug is not None]
    assert "2 hours apart" in pair.management
    assert "at least 2 hours before or 2 hours after other oral medicines" in advisory.management
    urls = [s.url or "" for s in advisory.evidence.sources]
    assert any("49483-145" in u for u in urls), urls
    [row] = build_report(result, real_checker.kb).plan
    assert (row.action, row.hours) == ("separate", 2.0)


def test_binders_without_a_sourced_interval_get_no_window(real_checker):
    # Negative control: the 2-hour window is psyllium's label text; glucomannan and activated charcoal have
    # no interval from a source the graph may cite, so no separation is invented for them.
    from suppcheck.report import build_report

    for supplement in ["glucomannan 1 g three times daily", "activated charcoal 500 mg daily"]:
        result = real_checker.check(drugs=["levothyroxine"], supplements=[supplement])
        assert all(row.action != "separate" for row in build_report(result, real_checker.kb).plan), supplement


# ----------------------------------------------------------------------------- turmeric liver advisory (no dose)
def test_turmeric_liver_advisory_rests_on_case_series_and_the_tga_without_a_dose(real_checker):
    # No source gives a dose at which curcumin injures the liver: a low capsule dose is still flagged,
    # turmeric in food is not.
    [advisory] = [f for f in real_checker.check(supplements=["curcumin 100 mg daily"]).findings if f.drug is None]
    assert advisory.severity.value == "moderate" and "injure the liver" in advisory.title
    assert any("tga.gov.au" in (s.url or "") for s in advisory.evidence.sources)
    assert not real_checker.check(supplements=["turmeric 1 teaspoon in food daily"]).findings


# ---------------------------------------------------------------- seizure threshold: brain tumours
@pytest.mark.parametrize("context", ["brain metastases", "glioblastoma", "brain tumor"])
def test_a_seizure_implicated_supplement_is_flagged_with_a_brain_tumour(real_checker, context):
    result = real_checker.check(supplements=["ginkgo extract 120 mg daily"], context=[context])
    [finding] = [f for f in result.findings if f.context]
    assert finding.context.endswith("brain-tumour") and finding.severity.value == "minor"
    assert "seizure" in finding.title and "avoid" in finding.management


@pytest.mark.parametrize("supplements,context", [
    (["fish oil 2 g daily"], "brain metastases"),  # no seizure effect
    (["ginkgo extract 120 mg daily"], "radiation"),  # another context
])
def test_no_seizure_finding_without_both_sides(real_checker, supplements, context):
    result = real_checker.check(supplements=supplements, context=[context])
    assert not [f for f in result.findings if "seizure" in f.title]
