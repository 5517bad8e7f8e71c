"""Reduced kidney function, ciprofloxacin's CYP1A2 inhibition and vitamin A's liver toxicity (real graph)."""

from __future__ import annotations

import pytest

RENAL = "https://w3id.org/suppcheck/context/renal-impairment"


def _in_context(checker, supplement: str, context: str = "CKD"):
    result = checker.check(supplements=[supplement], context=[context])
    return [f for f in result.findings if f.context]


def _pair(checker, drug: str, supplement: str):
    return [f for f in checker.check(drugs=[drug], supplements=[supplement]).findings if f.drug]


# ----------------------------------------------------------------------------- the context
@pytest.mark.parametrize("name", ["CKD", "chronic kidney disease", "renal impairment", "reduced kidney function",
                                  "eGFR below 60", "dialysis", "hemodialysis", "ESRD", "CKD stage 4"])
def test_names_people_and_records_use_reach_the_renal_context(real_checker, name):
    assert real_checker.contexts([name]) == [RENAL]


# ----------------------------------------------------------------------------- potassium
def test_potassium_supplements_raise_potassium_with_reduced_kidney_function(real_checker):
    for supplement in ("potassium chloride", "potassium citrate 99 mg daily", "noni juice"):
        [finding] = _in_context(real_checker, supplement)
        assert finding.context == "renal-impairment"
        assert "risk of high potassium" in finding.title, finding.title
        assert finding.severity.value == "moderate"
        assert "serum potassium" in finding.management
    [trial] = _in_context(real_checker, "potassium chloride")
    assert trial.evidence.level.value == "clinical"


# ----------------------------------------------------------------------------- magnesium
def test_magnesium_accumulates_with_reduced_kidney_function(real_checker):
    [finding] = _in_context(real_checker, "magnesium oxide 400 mg daily", "renal impairment")
    assert "accumulate with reduced kidney function" in finding.title
    assert finding.severity.value == "moderate" and finding.evidence.level.value == "clinical"
    assert "hypermagnesaemia" in finding.effect and "serum magnesium" in finding.management


# ----------------------------------------------------------------------------- oral vitamin C (oxalate)
def test_vitamin_c_supplements_risk_oxalate_nephropathy_with_reduced_kidney_function(real_checker):
    for dose in ("vitamin C 1000 mg daily", "vitamin C 500 mg daily"):
        [finding] = _in_context(real_checker, dose)
        assert "oxalate nephropathy" in finding.title
        assert finding.severity.value == "moderate"


def test_vitamin_c_in_multivitamin_amounts_is_no_renal_concern(real_checker):
    assert not _in_context(real_checker, "vitamin C 100 mg daily")
    assert not _in_context(real_checker, "vitamin C 250 mg daily")


# ----------------------------------------------------------------------------- creatine
def test_creatine_with_reduced_kidney_function(real_checker):
    [finding] = _in_context(real_checker, "creatine monohydrate 5 g daily", "chronic kidney disease")
    assert "blurs the creatinine-based eGFR" in finding.title
    assert finding.severity.value == "moderate"
    assert "cystatin C" in finding.management


# ----------------------------------------------------------------------------- kidney-injuring supplements
def test_kidney_injuring_supplements_are_flagged_with_reduced_kidney_function(real_checker):
    for supplement in ("chaga powder", "IV vitamin C", "germanium"):
        [finding] = _in_context(real_checker, supplement)
        assert "injure the kidney further" in finding.title, (supplement, finding.title)
        assert finding.severity.value == "moderate"
    # An in-vitro nephrotoxicity claim (quercetin) stays minor.
    [weak] = _in_context(real_checker, "quercetin 500 mg daily")
    assert weak.severity.value == "minor"


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize("supplement", ["potassium chloride", "magnesium oxide 400 mg daily", "vitamin C 1000 mg daily",
                                        "creatine 5 g daily", "chaga powder"])
def test_no_renal_finding_without_the_context(real_checker, supplement):
    for context in ([], ["radiation"]):
        result = real_checker.check(supplements=[supplement], context=context)
        assert not [f for f in result.findings if f.context == "renal-impairment"], supplement


@pytest.mark.parametrize("supplement", ["fish oil 2 g daily", "vitamin D 1000 IU daily", "ginger 500 mg daily"])
def test_supplements_outside_the_family_give_no_renal_finding(real_checker, supplement):
    assert not _in_context(real_checker, supplement)


# ----------------------------------------------------------------------------- ciprofloxacin and CYP1A2
def test_ciprofloxacin_raises_melatonin_exposure_through_cyp1a2(real_checker):
    [finding] = _pair(real_checker, "ciprofloxacin 500 mg twice daily", "melatonin 3 mg at bedtime")
    assert "ciprofloxacin may raise melatonin exposure" in finding.title
    assert any(m.target == "CYP1A2" and m.action == "inhibition" for m in finding.mechanisms)
    assert finding.severity.value == "moderate"


def test_ciprofloxacin_with_caffeine_keeps_its_curated_entry(real_checker):
    [finding] = _pair(real_checker, "ciprofloxacin", "caffeine 200 mg daily")
    assert "doubles caffeine exposure" in finding.title
    assert finding.severity.value == "minor"


def test_no_cyp1a2_finding_for_a_quinolone_or_supplement_outside_the_pathway(real_checker):
    assert not _pair(real_checker, "levofloxacin", "melatonin 3 mg at bedtime")
    assert not [f for f in _pair(real_checker, "ciprofloxacin", "vitamin D 1000 IU daily") if "CYP1A2" in f.title]


# ----------------------------------------------------------------------------- vitamin A and the liver
def test_high_dose_vitamin_a_adds_to_hepatotoxic_drugs(real_checker):
    for drug, supplement in (("methotrexate", "vitamin A 50,000 IU daily"), ("pazopanib", "retinyl palmitate 15 mg daily")):
        [finding] = _pair(real_checker, drug, supplement)
        assert f"liver toxicity of {drug}" in finding.title, finding.title
        assert finding.severity.value in ("minor", "moderate")


def test_vitamin_a_below_the_livertox_dose_or_with_a_drug_outside_the_family(real_checker):
    assert not _pair(real_checker, "methotrexate", "vitamin A 10,000 IU daily")
    assert not _pair(real_checker, "methotrexate", "vitamin A 3000 mcg daily")
    assert not _pair(real_checker, "letrozole", "vitamin A 50,000 IU daily")
