"""Electrolyte, blood-pressure, QT and kidney families: findings that follow from their facts (real graph)."""

from __future__ import annotations


def _pair(checker, drug: str, supplement: str, context=()):
    result = checker.check(drugs=[drug], supplements=[supplement], context=list(context))
    return [f for f in result.findings if f.drug]


# ----------------------------------------------------------------------------- electrolytes
def test_liquorice_with_abiraterone_is_curated_mineralocorticoid_excess(real_checker):
    [finding] = _pair(real_checker, "abiraterone", "licorice root extract 500 mg daily")
    assert "mineralocorticoid excess of abiraterone" in finding.title
    assert finding.severity.value == "moderate"
    assert "potassium" in finding.management


def test_liquorice_adds_to_diuretic_potassium_loss(real_checker):
    # Furosemide also lowers blood pressure (its label's hypertension indication), so the pressor concern can
    # head the finding; the potassium loss stays in it.
    [finding] = _pair(real_checker, "furosemide", "licorice 500 mg daily")
    assert "potassium loss caused by furosemide" in finding.title + " " + " ".join(finding.notes)
    assert finding.severity.value == "moderate"
    [finding] = _pair(real_checker, "bumetanide", "licorice 500 mg daily")
    assert "potassium loss caused by bumetanide" in finding.title


def test_liquorice_raises_prednisolone_exposure(real_checker):
    [finding] = _pair(real_checker, "prednisone", "licorice 500 mg daily")
    assert "corticosteroid inactivation" in finding.title
    assert finding.severity.value == "moderate" and finding.evidence.level.value == "clinical"


def test_dgl_is_its_own_entity_without_liquorice_findings(real_checker):
    kb = real_checker.kb
    assert kb.name_of("https://w3id.org/suppcheck/supplement/dgl") == "deglycyrrhizinated licorice (DGL)"
    for drug in ("abiraterone", "furosemide", "prednisone", "lisinopril", "fluconazole", "bevacizumab"):
        result = real_checker.check(drugs=[drug], supplements=["DGL licorice"])
        assert all(f.supplement.id.endswith("/dgl") for f in result.findings), drug
        assert not [f for f in result.findings if f.drug], (drug, [f.title for f in result.findings])


def test_liquorice_below_the_glycyrrhizin_threshold_adds_no_potassium_finding(real_checker):
    assert not _pair(real_checker, "furosemide", "licorice 50 mg daily")
    assert not _pair(real_checker, "letrozole", "licorice 500 mg daily")


# ----------------------------------------------------------------------------- blood pressure
def test_high_dose_caffeine_offsets_an_antihypertensive(real_checker):
    [finding] = _pair(real_checker, "lisinopril", "caffeine 600 mg daily")
    assert "raises blood pressure and may offset lisinopril" in finding.title
    assert finding.severity.value == "moderate"


def test_pressor_supplements_add_to_vegf_inhibitor_hypertension(real_checker):
    for drug, supplement in (("sunitinib", "caffeine 600 mg daily"), ("bevacizumab", "licorice 500 mg daily"),
                             ("lenvatinib", "caffeine 500 mg daily")):
        [finding] = _pair(real_checker, drug, supplement)
        assert f"blood-pressure rise caused by {drug}" in finding.title, finding.title
        assert finding.severity.value == "moderate"


def test_garlic_extract_adds_to_an_antihypertensive(real_checker):
    [finding] = _pair(real_checker, "lisinopril", "garlic extract 600 mg twice daily")
    assert "blood-pressure-lowering effect of lisinopril" in finding.title
    assert finding.severity.value == "moderate"


def test_no_blood_pressure_finding_below_threshold_or_outside_the_family(real_checker):
    assert not _pair(real_checker, "lisinopril", "caffeine 100 mg daily")
    assert not _pair(real_checker, "letrozole", "caffeine 600 mg daily")
    assert not _pair(real_checker, "letrozole", "garlic extract 600 mg twice daily")
    # Bitter orange extract did not raise systolic pressure in trials: no blood-pressure pair finding.
    assert not [f for f in _pair(real_checker, "lisinopril", "bitter orange extract") if "blood pressure" in f.title]


# ----------------------------------------------------------------------------- QT
def test_liquorice_adds_hypokalaemic_qt_risk_to_azoles(real_checker):
    for drug in ("fluconazole", "voriconazole"):
        [finding] = _pair(real_checker, drug, "licorice 500 mg daily")
        assert f"add to QT prolongation by {drug}" in finding.title, finding.title
        assert finding.severity.value == "moderate"


def test_no_qt_finding_for_dgl_low_dose_liquorice_or_a_non_qt_antifungal(real_checker):
    assert not _pair(real_checker, "voriconazole", "DGL licorice")
    assert not _pair(real_checker, "voriconazole", "licorice 50 mg daily")
    assert not _pair(real_checker, "micafungin", "licorice 500 mg daily")


# ----------------------------------------------------------------------------- kidney
def test_iv_vitamin_c_is_its_own_entity(real_checker):
    kb = real_checker.kb
    assert kb.name_of("https://w3id.org/suppcheck/supplement/vitamin-c-iv") == "high-dose intravenous vitamin C"
    result = real_checker.check(drugs=["letrozole"], supplements=["IV vitamin C"])
    assert [f.supplement.id for f in result.findings] == ["https://w3id.org/suppcheck/supplement/vitamin-c-iv"]
    [advisory] = result.findings
    assert "oxalate nephropathy" in advisory.title and advisory.severity.value == "moderate"


def test_kidney_injuring_supplements_add_to_nephrotoxic_drugs(real_checker):
    for drug, supplement in (("cisplatin", "IV vitamin C 50 g weekly"), ("methotrexate", "IV vitamin C"),
                             ("pemetrexed", "chaga powder")):
        [finding] = _pair(real_checker, drug, supplement)
        assert f"kidney toxicity of {drug}" in finding.title, finding.title
        assert finding.severity.value == "moderate"


def test_no_kidney_finding_for_oral_vitamin_c_or_a_drug_outside_the_family(real_checker):
    assert not [f for f in _pair(real_checker, "cisplatin", "vitamin C 500 mg daily") if "kidney" in f.title]
    assert not _pair(real_checker, "letrozole", "IV vitamin C")


def test_potassium_supplements_with_drugs_that_raise_potassium(real_checker):
    # The curated entries from the potassium chloride label head these pairs: severe hyperkalaemia with a
    # potassium-sparing diuretic (avoid), potassium retention with an ACE inhibitor (monitor).
    for drug, severity, words in (("spironolactone", "major", "hyperkalaemia"), ("lisinopril", "moderate", "monitor")):
        [f] = real_checker.check(drugs=[drug], supplements=["potassium chloride"]).findings
        assert f.severity.value == severity and words in f.title and "potassium" in f.management.lower()
    negative = real_checker.check(drugs=["furosemide"], supplements=["potassium chloride"]).findings
    assert not [f for f in negative if "potassium too high" in f.title], "a loop diuretic lowers potassium"
