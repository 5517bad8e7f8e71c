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


# ----------------------------------------------------------------------------- liver
def test_oral_comfrey_adds_to_a_hepatotoxic_kinase_inhibitor(real_checker):
    [finding] = _pair(real_checker, "lapatinib", "comfrey tea")
    assert "liver toxicity of lapatinib" in finding.title and finding.severity.value == "moderate"
    [advisory] = [f for f in real_checker.check(supplements=["comfrey tea"]).findings if f.drug is None]
    assert "sinusoidal obstruction" in advisory.title and advisory.severity.value == "major"


def test_chaparral_adds_to_pazopanib(real_checker):
    [finding] = _pair(real_checker, "pazopanib", "chaparral")
    assert "liver toxicity" in finding.title and finding.severity.value == "moderate"


def test_niacin_at_lipid_doses_adds_to_methotrexate(real_checker):
    [finding] = _pair(real_checker, "methotrexate", "niacin 1000 mg twice daily")
    assert "liver toxicity" in finding.title and finding.severity.value == "moderate"


def test_liver_negative_controls(real_checker):
    # Niacin at a vitamin dose and green tea extract below the EGCG threshold: no liver finding.
    assert not _pair(real_checker, "lapatinib", "niacin 500 mg daily")
    assert not _pair(real_checker, "lapatinib", "green tea extract 400 mg daily")
    # Comfrey with a drug that is not hepatotoxic: only the advisory, no pair finding.
    assert not _pair(real_checker, "amlodipine", "comfrey")


# ----------------------------------------------------------------------------- sedation and anaesthesia
def _context(checker, supplement: str, context: str):
    return [f for f in checker.check(supplements=[supplement], context=[context]).findings
            if f.drug is None and "liver" not in f.title]


def test_prescription_dose_cbd_adds_to_opioid_sedation(real_checker):
    [finding] = _pair(real_checker, "oxycodone", "CBD 400 mg twice daily")
    assert "sedation of oxycodone" in finding.title and finding.severity.value == "moderate"


def test_consumer_dose_cbd_is_not_flagged_for_sedation(real_checker):
    assert not [f for f in _pair(real_checker, "oxycodone", "CBD oil 25 mg daily") if "sedation" in f.title]


def test_kava_and_valerian_before_anaesthesia(real_checker):
    for supplement in ("kava", "valerian"):
        [finding] = _context(real_checker, supplement, "surgery")
        assert "before anaesthesia" in finding.title and finding.severity.value == "moderate", supplement
        assert finding.evidence.basis.value == "curated"


def test_other_sedative_supplements_before_surgery_are_minor(real_checker):
    [finding] = _context(real_checker, "melatonin 3 mg", "surgery")
    assert "before" in finding.title and finding.severity.value == "minor"


def test_non_sedative_supplement_before_surgery_has_no_sedation_finding(real_checker):
    assert not [f for f in _context(real_checker, "vitamin D", "surgery") if "anaesthe" in f.effect]


# ----------------------------------------------------------------------------- seizure threshold
def test_ginkgo_with_drugs_whose_labels_warn_of_seizures(real_checker):
    for drug in ("bupropion", "tramadol", "enzalutamide"):
        [finding] = _pair(real_checker, drug, "ginkgo 120 mg daily")
        assert "seizure risk" in finding.title and drug in finding.title
        assert finding.severity.value == "minor", drug  # confounded case reports only


def test_evening_primrose_oil_is_not_flagged_for_seizures(real_checker):
    # The old warning was judged spurious (Puri 2007): no seizure finding.
    assert not [f for f in _pair(real_checker, "bupropion", "evening primrose oil") if "seizure" in f.title]


def test_ginkgo_with_a_drug_that_does_not_lower_the_threshold(real_checker):
    assert not [f for f in _pair(real_checker, "amlodipine", "ginkgo 120 mg daily") if "seizure" in f.title]


def test_iv_vitamin_c_falsely_raises_meter_glucose_on_insulin(real_checker):
    kb = real_checker.kb
    name = kb.name_of("https://w3id.org/suppcheck/supplement/vitamin-c-iv")
    [finding] = [f for f in _pair(real_checker, "insulin glargine", name) if "fingerstick" in f.title]
    assert "falsely raise" in finding.title and finding.severity.value == "moderate"
    assert not [f for f in _pair(real_checker, "amlodipine", name) if "fingerstick" in f.title]
