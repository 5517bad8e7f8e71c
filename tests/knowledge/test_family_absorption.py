"""Absorption (polyvalent cations), vitamin K and bone families: findings that follow from their facts (real graph)."""

from __future__ import annotations


def _drug_findings(checker, drug, supplement, context=None):
    result = checker.check(drugs=[drug] if drug else [], supplements=[supplement], context=context or [])
    return [f for f in result.findings if (f.drug and f.drug.name == drug) or (context and not f.drug)]


# ----------------------------------------------------------------------------- absorption
def test_zinc_with_levofloxacin_follows_the_label_two_hour_window(real_checker):
    [finding] = _drug_findings(real_checker, "levofloxacin", "zinc 50 mg daily")
    assert finding.severity.value == "moderate"
    assert "separate" in finding.title and "zinc" in finding.title
    assert "at least 2 hours" in finding.management


def test_magnesium_with_moxifloxacin_is_separated_by_the_longer_label_window(real_checker):
    [finding] = _drug_findings(real_checker, "moxifloxacin", "magnesium oxide 400 mg daily")
    assert finding.severity.value == "moderate"
    assert "at least 8 hours" in finding.management


def test_zinc_now_counts_as_a_cation_for_levothyroxine(real_checker):
    [finding] = _drug_findings(real_checker, "levothyroxine", "zinc 50 mg daily")
    assert finding.severity.value == "moderate"
    assert "reduces the absorption" in finding.title


def test_calcium_with_moxifloxacin_is_no_concern(real_checker):
    # The moxifloxacin label: calcium had no significant effect on its AUC.
    assert not _drug_findings(real_checker, "moxifloxacin", "calcium 500 mg daily")


def test_zinc_with_a_drug_outside_the_family_is_no_concern(real_checker):
    assert not _drug_findings(real_checker, "amoxicillin-clavulanate", "zinc 50 mg daily")


# ----------------------------------------------------------------------------- vitamin K
def test_mk7_at_the_retail_dose_lowers_the_inr_on_warfarin(real_checker):
    [finding] = _drug_findings(real_checker, "warfarin", "vitamin K2 MK-7 45 mcg daily")
    assert finding.severity.value == "moderate"
    assert "lower the INR" in finding.title and "10 micrograms" in finding.title
    assert "constant" in finding.management


def test_vitamin_k1_with_warfarin_gets_the_same_direction(real_checker):
    [finding] = _drug_findings(real_checker, "warfarin", "phytonadione 100 mcg daily")
    assert finding.severity.value == "moderate"
    assert "lower INR" in finding.effect


def test_vitamin_k_with_a_direct_oral_anticoagulant_is_no_concern(real_checker):
    assert not _drug_findings(real_checker, "apixaban", "vitamin K2 MK-7 45 mcg daily")


# ----------------------------------------------------------------------------- calcium and bone
def _context_findings(checker, supplement, context):
    return [f for f in checker.check(drugs=[], supplements=[supplement], context=[context]).findings if not f.drug]


def test_calcium_in_hypercalcaemia_of_malignancy_is_a_moderate_concern(real_checker):
    [finding] = _context_findings(real_checker, "calcium 600 mg daily", "hypercalcaemia of malignancy")
    assert finding.severity.value == "moderate"
    assert "hypercalcaemia" in finding.title and "Stop" in finding.management


def test_supplementation_is_recommended_with_denosumab_and_zoledronic_acid(real_checker):
    for drug, supplement in (("denosumab", "vitamin D 1000 IU daily"), ("zoledronic acid", "calcium 500 mg daily")):
        [finding] = _drug_findings(real_checker, drug, supplement)
        assert finding.severity.value == "minor", drug
        assert "is recommended with" in finding.title
        assert "Supplementation is recommended" in finding.management and "continue" in finding.management


def test_vitamin_d_with_a_thiazide_is_a_minor_calcium_note(real_checker):
    [finding] = _drug_findings(real_checker, "hydrochlorothiazide", "vitamin D 1000 IU daily")
    assert finding.severity.value == "minor"
    assert "raise serum calcium" in finding.title


def test_calcium_with_a_loop_diuretic_or_vitamin_c_in_hypercalcaemia_is_no_concern(real_checker):
    assert not _drug_findings(real_checker, "furosemide", "calcium 600 mg daily")
    assert not _context_findings(real_checker, "vitamin C 1000 mg daily", "hypercalcaemia")
