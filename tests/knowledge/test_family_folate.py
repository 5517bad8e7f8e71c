"""Pharmacodynamic families: folate, boronic-acid proteasome inhibitors, antioxidants, hormones, bleeding."""

from __future__ import annotations


def _findings(checker, drugs=(), supplements=(), context=()):
    return checker.check(drugs=list(drugs), supplements=list(supplements), context=list(context)).findings


def _about(findings, word):
    return [f for f in findings if word in f.title.lower()]


# ----------------------------------------------------------------------------- folate
def test_folic_acid_raises_capecitabine_toxicity(real_checker):
    found = _about(_findings(real_checker, ["capecitabine"], ["folic acid"]), "toxicity")
    assert found and found[0].severity.value == "moderate", [f.title for f in found]
    assert "increase the toxicity of capecitabine" in found[0].title


def test_methylfolate_raises_fluorouracil_toxicity(real_checker):
    found = _about(_findings(real_checker, ["fluorouracil"], ["L-methylfolate 15 mg daily"]), "toxicity")
    assert found and found[0].severity.value == "moderate"
    assert "stopping unprescribed folate supplements" in found[0].management
    assert found[0].evidence.level.value == "case-report", "two case reports; no cohort result was read"


def test_pemetrexed_premedication_folic_acid_is_not_a_warning(real_checker):
    findings = [f for f in _findings(real_checker, ["pemetrexed"], ["folic acid 400 mcg daily"])
                if f.supplement.name == "folic acid"]
    assert findings and all(f.severity.value in ("minor", "none") for f in findings)
    assert "premedication" in findings[0].title.lower()


def test_folate_with_methotrexate_blunts_rather_than_raises_toxicity(real_checker):
    findings = _findings(real_checker, ["methotrexate"], ["folic acid"])
    assert findings and not _about(findings, "toxicity")


def test_folic_acid_outside_the_fluoropyrimidines_has_no_toxicity_finding(real_checker):
    assert not _about(_findings(real_checker, ["oxaliplatin"], ["folic acid"]), "toxicity")


# ----------------------------------------------------------------------------- boronic-acid proteasome inhibitors
def test_high_dose_vitamin_c_may_inactivate_bortezomib_in_vitro_only(real_checker):
    found = _about(_findings(real_checker, ["bortezomib"], ["vitamin C 1000 mg daily"]), "inactivate")
    assert found and found[0].severity.value == "minor", [f.title for f in found]
    assert "food" in found[0].management


def test_quercetin_may_inactivate_ixazomib(real_checker):
    found = _about(_findings(real_checker, ["ixazomib"], ["quercetin 500 mg daily"]), "inactivate")
    assert found and found[0].severity.value == "minor"


def test_low_dose_vitamin_c_and_non_boronic_carfilzomib_are_not_flagged(real_checker):
    assert not _about(_findings(real_checker, ["bortezomib"], ["vitamin C 250 mg daily"]), "inactivate")
    assert not _about(_findings(real_checker, ["carfilzomib"], ["vitamin C 1000 mg daily"]), "inactivate")
    assert not _about(_findings(real_checker, ["carfilzomib"], ["quercetin 500 mg daily"]), "inactivate")


# ----------------------------------------------------------------------------- antioxidants during treatment
def test_coenzyme_q10_may_blunt_cyclophosphamide(real_checker):
    found = _about(_findings(real_checker, ["cyclophosphamide"], ["CoQ10 100 mg daily"]), "blunt")
    assert found and found[0].severity.value == "moderate", [f.title for f in found]
    assert "multivitamin" in found[0].management


def test_high_dose_vitamin_e_may_blunt_cyclophosphamide(real_checker):
    found = _about(_findings(real_checker, ["cyclophosphamide"], ["vitamin E 800 IU daily"]), "blunt")
    assert found and found[0].severity.value == "moderate"


def test_nutrient_dose_vitamin_e_and_multivitamins_are_not_flagged_with_cyclophosphamide(real_checker):
    assert not _about(_findings(real_checker, ["cyclophosphamide"], ["vitamin E 100 IU daily"]), "blunt")
    assert not _about(_findings(real_checker, ["cyclophosphamide"], ["multivitamin"]), "blunt")


# ----------------------------------------------------------------------------- hormones
def test_tongkat_ali_works_against_androgen_axis_therapy(real_checker):
    for drug in ("enzalutamide", "leuprolide", "abiraterone"):
        found = _about(_findings(real_checker, [drug], ["tongkat ali"]), "work against")
        assert found and found[0].severity.value == "moderate", (drug, [f.title for f in found])


def test_tongkat_ali_is_not_flagged_with_estrogen_axis_therapy(real_checker):
    assert not _about(_findings(real_checker, ["tamoxifen"], ["longjack 300 mg daily"]), "work against")


def test_black_cohosh_with_tamoxifen_is_minor_and_not_estrogenic(real_checker):
    found = [f for f in _findings(real_checker, ["tamoxifen"], ["black cohosh"]) if f.drug]
    assert found and all(f.severity.value == "minor" for f in found)
    assert "no hormonal effect" in found[0].title


def test_melatonin_with_tamoxifen_is_no_warning(real_checker):
    kb = real_checker.kb
    curated = [ix for ix in kb.interactions if ix.id.endswith("/melatonin--tamoxifen")]
    assert curated and curated[0].severity == "none"
    found = [f for f in _findings(real_checker, ["tamoxifen"], ["melatonin 20 mg"]) if f.drug]
    assert all(f.severity.value == "none" for f in found), [(f.title, f.severity.value) for f in found]


# ----------------------------------------------------------------------------- bleeding and platelets
def test_thrombocytopenia_reaches_antithrombotic_supplements(real_checker):
    for supp, severity in (("nattokinase", "moderate"), ("fish oil 4 g daily", "moderate"), ("lumbrokinase", "minor")):
        found = [f for f in _findings(real_checker, supplements=[supp], context=["thrombocytopenia"])
                 if "thrombocytopenia" in f.title]
        assert found and found[0].severity.value == severity, (supp, [(f.title, f.severity.value) for f in found])


def test_myelosuppressive_drug_prompts_the_platelet_question(real_checker):
    found = _about(_findings(real_checker, ["cyclophosphamide"], ["fish oil 4 g daily"]), "platelet count")
    assert found and found[0].severity.value == "minor"


def test_sub_threshold_doses_are_not_flagged_for_low_platelets(real_checker):
    assert not _findings(real_checker, supplements=["fish oil 1 g daily"], context=["thrombocytopenia"])
    assert not _findings(real_checker, supplements=["vitamin E 100 IU daily"], context=["thrombocytopenia"])
    assert not _about(_findings(real_checker, ["cyclophosphamide"], ["fish oil 1 g daily"]), "platelet count")
