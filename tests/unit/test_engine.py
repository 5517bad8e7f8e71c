"""Engine rules on small graphs written in the test. Entity names are fictional on purpose."""

from __future__ import annotations

import pytest
from suppcheck import InputError


def supp(name: str, *claims: str, extra: str = "") -> str:
    body = " ;\n    ".join(claims)
    return (f'supp:{name} a sc:Supplement ; skos:prefLabel "{name}" ; sc:category "botanical"'
            + (f" ;\n    {body}" if body else "") + (f" ;\n    {extra}" if extra else "") + " .\n")


def drug(name: str, *claims: str, extra: str = "") -> str:
    body = " ;\n    ".join(claims)
    return (f'drug:{name} a sc:Drug ; skos:prefLabel "{name}"' + (f" ;\n    {body}" if body else "")
            + (f" ;\n    {extra}" if extra else "") + " .\n")


def mod(target: str, action: str, strength: str, level: str = "clinical", more: str = "") -> str:
    return (f'sc:modulates [ sc:target tgt:{target} ; sc:action "{action}" ; sc:strength "{strength}" ; '
            f'sc:evidenceLevel "{level}" ; dcterms:source src:test-source {more}]')


def sub(target: str, sensitivity: str, prodrug: bool = False, level: str = "clinical") -> str:
    pd = " sc:prodrug true ;" if prodrug else ""
    return (f'sc:substrateOf [ sc:target tgt:{target} ; sc:sensitivity "{sensitivity}" ;{pd} '
            f'sc:evidenceLevel "{level}" ; dcterms:source src:test-source ]')


def prop(name: str, level: str = "clinical", more: str = "") -> str:
    return (f'sc:hasProperty [ sc:property prop:{name} ; sc:evidenceLevel "{level}" ; '
            f'dcterms:source src:test-source {more}]')


BLEEDING_RULE = """rule:bleeding a sc:PharmacodynamicRule ; sc:supplementProperty prop:antiplatelet ;
    sc:drugProperty prop:anticoagulant ; sc:severity "moderate" ; sc:cumulative true ;
    sc:title "{supplement} adds to the bleeding risk of {drug}" ; sc:effect "increased bleeding risk" ;
    sc:management "Monitor for bleeding." ; sc:evidenceLevel "theoretical" ; dcterms:source src:test-source .
"""


def test_strong_inducer_with_sensitive_substrate_is_major_and_lowers_exposure(make_checker):
    checker = make_checker(supp("herba", mod("CYP3A4", "induction", "strong")) + drug("tinib", sub("CYP3A4", "sensitive")))
    [finding] = checker.check(drugs=["tinib"], supplements=["herba"]).findings
    assert finding.severity.value == "major"
    assert finding.kind.value == "pharmacokinetic"
    assert "decreased tinib exposure" in finding.effect
    assert finding.mechanisms[0].target == "CYP3A4" and finding.mechanisms[0].strength == "strong"
    assert finding.evidence.basis.value == "inferred"


def test_inhibitor_raises_exposure_and_weak_with_minor_gives_nothing(make_checker):
    checker = make_checker(supp("herba", mod("CYP2C9", "inhibition", "moderate")) + supp("herbb", mod("CYP2C9", "inhibition", "weak"))
                           + drug("farin", sub("CYP2C9", "moderate")) + drug("minorin", sub("CYP2C9", "minor")))
    result = checker.check(drugs=["farin", "minorin"], supplements=["herba", "herbb"])
    pairs = {(f.supplement.name, f.drug.name): f for f in result.findings}
    assert pairs[("herba", "farin")].severity.value == "moderate"
    assert "increased farin exposure" in pairs[("herba", "farin")].effect
    assert ("herbb", "minorin") not in pairs
    assert pairs[("herbb", "farin")].severity.value == "minor"


def test_prodrug_inverts_direction(make_checker):
    checker = make_checker(supp("herba", mod("CYP2D6", "inhibition", "strong")) + supp("herbi", mod("CYP2D6", "induction", "strong"))
                           + drug("profen", sub("CYP2D6", "sensitive", prodrug=True)))
    result = checker.check(drugs=["profen"], supplements=["herba", "herbi"])
    by = {f.supplement.name: f for f in result.findings}
    assert "less conversion of profen to its active form" in by["herba"].effect
    assert "lower active profen" in by["herba"].title
    assert "more conversion" in by["herbi"].effect


def test_narrow_therapeutic_index_escalates(make_checker):
    checker = make_checker(supp("herba", mod("CYP3A4", "inhibition", "moderate"))
                           + drug("limus", sub("CYP3A4", "moderate"), prop("narrow-therapeutic-index")))
    [finding] = checker.check(drugs=["limus"], supplements=["herba"]).findings
    assert finding.severity.value == "major"
    assert any("narrow therapeutic index" in n for n in finding.notes)


def test_in_vitro_only_is_capped_at_minor_and_labelled(make_checker):
    checker = make_checker(supp("herba", mod("CYP3A4", "inhibition", "strong", level="preclinical"))
                           + drug("tinib", sub("CYP3A4", "sensitive")))
    [finding] = checker.check(drugs=["tinib"], supplements=["herba"]).findings
    assert finding.severity.value == "minor"
    assert "in vitro only" in finding.title
    assert finding.evidence.level.value == "preclinical"


def test_clinical_null_result_silences_in_vitro_inference(make_checker):
    checker = make_checker(supp("herba", mod("CYP3A4", "inhibition", "strong", level="preclinical"),
                                mod("CYP3A4", "inhibition", "none", level="clinical"))
                           + drug("tinib", sub("CYP3A4", "sensitive")))
    result = checker.check(drugs=["tinib"], supplements=["herba"])
    assert result.findings == []


def test_curated_pair_overrides_inference_and_none_silences(make_checker):
    body = (supp("herba", mod("CYP3A4", "inhibition", "strong")) + supp("herbn", mod("CYP3A4", "inhibition", "strong"))
            + drug("tinib", sub("CYP3A4", "sensitive"))
            + """ix:herba--tinib a sc:CuratedInteraction ; sc:supplement supp:herba ; sc:drug drug:tinib ;
    sc:kind "pharmacokinetic" ; sc:severity "moderate" ; sc:title "curated title" ; sc:effect "curated effect" ;
    sc:management "curated management" ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
ix:herbn--tinib a sc:CuratedInteraction ; sc:supplement supp:herbn ; sc:drug drug:tinib ;
    sc:kind "pharmacokinetic" ; sc:severity "none" ; sc:title "studied, none" ; sc:effect "no change" ;
    sc:management "No action needed." ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
""")
    result = make_checker(body).check(drugs=["tinib"], supplements=["herba", "herbn"])
    [finding] = result.findings
    assert finding.supplement.name == "herba"
    assert finding.severity.value == "moderate" and finding.title == "curated title"
    assert finding.evidence.basis.value == "curated"


def test_class_level_curated_interaction_reaches_narrower_classes(make_checker):
    body = (supp("herba") + drug("tinib", extra="sc:drugClass cls:btk-inhibitor")
            + """ix:herba--cls a sc:CuratedInteraction ; sc:supplement supp:herba ; sc:appliesToClass cls:kinase-inhibitor ;
    sc:kind "pharmacokinetic" ; sc:severity "major" ; sc:title "class title" ; sc:effect "e" ;
    sc:management "m" ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
""")
    [finding] = make_checker(body).check(drugs=["tinib"], supplements=["herba"]).findings
    assert finding.title == "class title"


def test_dose_threshold_applies_above_and_says_so_when_unknown(make_checker):
    body = (supp("oilx", prop("antiplatelet", more='; sc:minDailyDose 3.0 ; sc:doseUnit "g" '))
            + drug("coagulin", prop("anticoagulant")) + BLEEDING_RULE)
    checker = make_checker(body)
    assert checker.check(drugs=["coagulin"], supplements=["oilx 1000 mg daily"]).findings == []
    [high] = checker.check(drugs=["coagulin"], supplements=["oilx 2 g twice daily"]).findings
    assert high.severity.value == "moderate" and high.title == "oilx adds to the bleeding risk of coagulin"
    [unknown] = checker.check(drugs=["coagulin"], supplements=["oilx"]).findings
    assert any("applies at 3 g a day or more; no dose was given" in n for n in unknown.notes)
    # No frequency: compared as taken once a day, and the item says so; a common daily dose is not "high".
    no_freq = checker.check(drugs=["coagulin"], supplements=["oilx 1 g"])
    assert no_freq.findings == []
    assert any("no frequency given" in n for n in no_freq.items[1].reading.notes)
    [unsure] = checker.check(drugs=["coagulin"], supplements=["oilx 3.5 g"]).findings
    assert any("does not say how often" in n for n in unsure.notes)
    # Counts of capsules multiply the strength: 1000 mg, 2 capsules twice daily is 4 g a day.
    [counted] = checker.check(drugs=["coagulin"], supplements=["oilx 1000 mg 2 caps BID"]).findings
    assert counted.severity.value == "moderate"
    [both_units] = checker.check(drugs=["coagulin"], supplements=["oilx 3.5 g (3500 mg) daily"]).findings
    assert both_units.severity.value == "moderate"


def test_food_form_does_not_trigger_extract_only_effects(make_checker):
    body = supp("leaf", prop("hepatotoxic", more='; sc:form "extract" ')) + drug("hepatin", prop("hepatotoxic")) + """
rule:liver a sc:PharmacodynamicRule ; sc:supplementProperty prop:hepatotoxic ; sc:drugProperty prop:hepatotoxic ;
    sc:severity "moderate" ; sc:title "{supplement} and {drug}: liver" ; sc:effect "liver injury" ;
    sc:management "Check liver tests." ; sc:evidenceLevel "theoretical" ; dcterms:source src:test-source .
"""
    checker = make_checker(body)
    assert checker.check(drugs=["hepatin"], supplements=["leaf, 2 cups brewed daily"]).findings == []
    assert len(checker.check(drugs=["hepatin"], supplements=["leaf extract 500 mg daily"]).findings) == 1
    [unsure] = checker.check(drugs=["hepatin"], supplements=["leaf"]).findings
    assert any("concentrated extracts" in n for n in unsure.notes)


def test_cumulative_bleeding_risk_names_all_and_escalates_at_three(make_checker):
    body = (supp("aa", prop("antiplatelet")) + supp("bb", prop("antiplatelet")) + supp("cc", prop("antiplatelet"))
            + drug("coagulin", prop("anticoagulant")) + BLEEDING_RULE.replace('"theoretical"', '"clinical"'))
    checker = make_checker(body)
    two = checker.check(drugs=["coagulin"], supplements=["aa", "bb"]).findings
    assert {f.severity.value for f in two} == {"moderate"}
    assert all(any("2 supplements in this regimen" in n for n in f.notes) for f in two)
    three = checker.check(drugs=["coagulin"], supplements=["aa", "bb", "cc"]).findings
    assert {f.severity.value for f in three} == {"major"}
    assert all(any("severity raised one step" in n for n in f.notes) for f in three)


def test_cumulative_rule_never_raises_a_theoretical_chain(make_checker):
    body = (supp("aa", prop("antiplatelet")) + supp("bb", prop("antiplatelet")) + supp("cc", prop("antiplatelet"))
            + drug("coagulin", prop("anticoagulant")) + BLEEDING_RULE)
    three = make_checker(body).check(drugs=["coagulin"], supplements=["aa", "bb", "cc"]).findings
    assert {f.severity.value for f in three} == {"moderate"}
    assert all(any("3 supplements in this regimen" in n for n in f.notes) for f in three)


def test_cumulative_rule_counts_only_doses_that_apply_and_clinical_evidence(make_checker):
    dosed = prop("antiplatelet", more='; sc:minDailyDose 400 ; sc:doseUnit "mg" ')
    body = (supp("aa", prop("antiplatelet")) + supp("bb", prop("antiplatelet")) + supp("cc", dosed)
            + supp("dd", prop("antiplatelet", level="preclinical"))
            + drug("coagulin", prop("anticoagulant")) + BLEEDING_RULE.replace('"theoretical"', '"clinical"'))
    checker = make_checker(body)
    below = checker.check(drugs=["coagulin"], supplements=["aa", "bb", "cc 15 mg daily"]).findings
    assert {f.supplement.name for f in below} == {"aa", "bb"}, "a dose below the threshold never counts"
    assert {f.severity.value for f in below} == {"moderate"}
    unknown = checker.check(drugs=["coagulin"], supplements=["aa", "bb", "cc"]).findings
    assert {f.severity.value for f in unknown if f.supplement.name != "cc"} == {"moderate"}
    assert any("dose not known: not counted" in n for f in unknown for n in f.notes)
    in_vitro = checker.check(drugs=["coagulin"], supplements=["aa", "bb", "dd"]).findings
    assert {f.severity.value for f in in_vitro if f.supplement.name != "dd"} == {"moderate"}
    above = checker.check(drugs=["coagulin"], supplements=["aa", "bb", "cc 500 mg daily"]).findings
    assert {f.severity.value for f in above} == {"major"}


def test_an_inferred_finding_reports_its_weakest_link_and_says_class_level(make_checker):
    body = (supp("aa", prop("antiplatelet")) + drug("coagulin", prop("anticoagulant", level="theoretical"))
            + BLEEDING_RULE.replace('"theoretical"', '"clinical"'))
    [finding] = make_checker(body).check(drugs=["coagulin"], supplements=["aa"]).findings
    assert finding.evidence.level.value == "theoretical", "the drug's own property claim is theoretical"
    assert any(n.startswith("class-level") for n in finding.notes)


def test_context_rule_and_advisory(make_checker):
    body = supp("antiox", prop("antioxidant-high-dose")) + drug("tinib") + """
rule:rt a sc:PharmacodynamicRule ; sc:supplementProperty prop:antioxidant-high-dose ; sc:context ctx:radiation ;
    sc:severity "moderate" ; sc:title "{supplement} during {context}" ; sc:effect "may protect tumour cells" ;
    sc:management "Avoid high-dose antioxidants during radiation." ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
ix:antiox--advisory a sc:CuratedInteraction ; sc:supplement supp:antiox ; sc:kind "context" ; sc:severity "minor" ;
    sc:title "assay advisory" ; sc:effect "falsified immunoassays" ; sc:management "Tell the lab." ;
    sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
"""
    checker = make_checker(body)
    result = checker.check(drugs=["tinib"], supplements=["antiox"], context=["radiotherapy"])
    kinds = {(f.kind.value, f.context, f.drug) for f in result.findings}
    assert ("context", "radiation", None) in kinds
    assert ("context", None, None) in kinds
    with pytest.raises(InputError, match="unknown context"):
        checker.check(drugs=["tinib"], supplements=["antiox"], context=["moonlight"])


def test_drug_as_modulator_of_a_supplement(make_checker):
    body = supp("sleepin", sub("CYP1A2", "sensitive")) + drug("voxamine", mod("CYP1A2", "inhibition", "strong"))
    [finding] = make_checker(body).check(drugs=["voxamine"], supplements=["sleepin"]).findings
    assert finding.supplement.name == "sleepin" and finding.drug.name == "voxamine"
    assert "increased sleepin exposure" in finding.effect and finding.severity.value == "major"


def test_ambiguous_name_checks_each_candidate_and_says_what_it_assumed(make_checker):
    body = (supp("rootone", mod("CYP3A4", "induction", "strong"), extra='sc:ambiguousName "rootish"')
            + supp("roottwo", extra='sc:ambiguousName "rootish"') + drug("tinib", sub("CYP3A4", "sensitive")))
    result = make_checker(body).check(drugs=["tinib"], supplements=["rootish"])
    assert result.items[1].status.value == "ambiguous"
    assert {c.name for c in result.items[1].candidates} == {"rootone", "roottwo"}
    [finding] = result.findings
    assert any("this finding assumes rootone" in n for n in finding.notes)


def test_unrecognised_items_are_reported_never_dropped(make_checker):
    result = make_checker(supp("herba") + drug("tinib")).check(drugs=["tinib"], supplements=["herbaa", "zzzz qqqq"])
    assert result.summary.not_checked == ["zzzz qqqq"]
    statuses = {i.input: i.status.value for i in result.items}
    assert statuses == {"tinib": "recognized", "herbaa": "ambiguous", "zzzz qqqq": "unrecognized"}
    assert "covers only what the suppcheck knowledge graph" in result.summary.coverage.lower()


def test_order_is_deterministic_severity_first(make_checker):
    body = (supp("aa", mod("CYP3A4", "inhibition", "weak")) + supp("bb", mod("CYP3A4", "inhibition", "strong"))
            + drug("tinib", sub("CYP3A4", "sensitive")))
    checker = make_checker(body)
    first = checker.check(drugs=["tinib"], supplements=["aa", "bb"])
    again = checker.check(drugs=["tinib"], supplements=["bb", "aa"])
    assert [f.severity.value for f in first.findings] == ["major", "minor"]
    assert [f.title for f in first.findings] == [f.title for f in again.findings]


def test_empty_and_huge_regimens(make_checker):
    checker = make_checker(supp("herba", mod("CYP3A4", "inhibition", "strong")) + drug("tinib", sub("CYP3A4", "sensitive")))
    with pytest.raises(InputError, match="empty"):
        checker.check(drugs=[], supplements=[])
    result = checker.check(drugs=["tinib"] * 5000, supplements=["herba"] * 2 + ["unknown thing"] * 4998)
    assert len(result.items) == 10000
    assert len(result.findings) == 1, "a line given many times is one item to reason over"
    assert len(result.summary.not_checked) == 4998
    distinct = checker.check(drugs=["tinib"], supplements=[f"herba {n} mg" for n in range(1, 10000)])
    assert len(distinct.items) == 10000 and len(distinct.findings) == 9999
    with pytest.raises(InputError, match="pairs one check reasons over"):
        checker.check(drugs=[f"tinib {n} mg" for n in range(1, 600)], supplements=[f"herba {n} mg" for n in range(1, 600)])


def test_a_threshold_in_iu_reads_the_iu_amount_given_beside_micrograms(make_checker):
    body = supp("sunvit", extra="") + """
ix:sunvit--advisory a sc:CuratedInteraction ; sc:supplement supp:sunvit ; sc:kind "context" ; sc:severity "moderate" ;
    sc:title "high-dose advisory" ; sc:effect "e" ; sc:management "m" ; sc:evidenceLevel "clinical" ;
    sc:minDailyDose 4000.0 ; sc:doseUnit "IU" ; dcterms:source src:test-source .
"""
    checker = make_checker(body)
    assert checker.check(supplements=["sunvit 25 mcg (1,000 IU) daily"]).findings == []
    [high] = checker.check(supplements=["sunvit 125 mcg (5,000 IU) daily"]).findings
    assert high.title == "high-dose advisory" and high.notes == []


def test_theoretical_supplement_property_is_capped_at_minor(make_checker):
    body = (supp("reasoned", prop("antiplatelet", level="theoretical")) + drug("coagulin", prop("anticoagulant"))
            + BLEEDING_RULE)
    [finding] = make_checker(body).check(drugs=["coagulin"], supplements=["reasoned"]).findings
    assert finding.severity.value == "minor"
    assert any("is theoretical" in n for n in finding.notes)


def label(category: str = "", product: str = "", instruction: str = "avoid", fold: str = "") -> str:
    what = (f'sc:perpetratorProduct supp:{product} ;' if product else
            f'sc:perpetratorTarget tgt:CYP3A4 ; sc:perpetratorAction "{category.split()[1]}" ; '
            f'sc:perpetratorStrength "{category.split()[0]}" ;')
    return (f'sc:labelInstruction [ {what} sc:instruction "{instruction}" ; {fold} sc:labelText "as printed" ; '
            'sc:evidenceLevel "clinical" ; dcterms:source src:test-source ]')


def test_the_label_sets_severity_for_its_category_and_named_products(make_checker):
    body = (supp("inducer", mod("CYP3A4", "induction", "strong")) + supp("fruit")
            + supp("weakling", mod("CYP3A4", "induction", "weak"))
            + drug("tinib", sub("CYP3A4", "minor"), label("strong induction"), label(product="fruit"),
                   label("weak induction", instruction="no-adjustment")))
    checker = make_checker(body)
    [strong] = checker.check(drugs=["tinib"], supplements=["inducer"]).findings
    assert strong.severity.value == "major" and "the label says avoid strong CYP3A4 inducers" in strong.title
    assert '"as printed"' in strong.management
    [fruit] = checker.check(drugs=["tinib"], supplements=["fruit"]).findings
    assert fruit.severity.value == "major" and fruit.evidence.basis.value == "curated"
    [weak] = checker.check(drugs=["tinib"], supplements=["weakling"]).findings
    assert weak.severity.value == "minor" and "no dose adjustment" in weak.title


def _curated(sev: str) -> str:
    return (f'ix:inducer--tinib a sc:CuratedInteraction ; sc:supplement supp:inducer ; sc:drug drug:tinib ; '
            f'sc:kind "pharmacokinetic" ; sc:severity "{sev}" ; sc:title "curated for tinib" ; sc:effect "e" ; '
            'sc:management "m" ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .\n')


@pytest.mark.parametrize("curated,instruction,title,severity", [
    ("major", "monitor", "curated for tinib", "major"),  # the curated pair speaks
    ("minor", "avoid", "the label says avoid", "major"),  # the label is stricter: it sets the floor
])
def test_a_curated_pair_outranks_the_label_unless_the_label_is_stricter(make_checker, curated, instruction,
                                                                          title, severity):
    body = (supp("inducer", mod("CYP3A4", "induction", "strong")) + _curated(curated)
            + drug("tinib", sub("CYP3A4", "minor"), label("strong induction", instruction=instruction)))
    [f] = make_checker(body).check(drugs=["tinib"], supplements=["inducer"]).findings
    assert title in f.title and f.severity.value == severity


@pytest.mark.parametrize("fold,severity", [("sc:foldChange 0.15 ;", "moderate"), ("", "minor")])
def test_induction_sensitivity_comes_from_the_labels_fold_change(make_checker, fold, severity):
    body = (supp("modest", mod("CYP3A4", "induction", "moderate"))
            + drug("tinib", sub("CYP3A4", "minor"), label("strong induction", fold=fold)))
    [finding] = make_checker(body).check(drugs=["tinib"], supplements=["modest"]).findings
    assert finding.severity.value == severity, "a minor substrate to inhibition can be sensitive to induction"
    assert any("sensitivity to induction from the tinib label" in n for n in finding.notes) == bool(fold)


@pytest.mark.parametrize("declared,study_fold,label_fold,inducer,severity,note", [
    ("moderate", "0.14", "", "strong", "major", "from a clinical study"),  # sensitive to induction
    ("minor", "0.45", "", "strong", "moderate", "from a clinical study"),
    ("moderate", "0.9", "", "strong", "minor", "from a clinical study"),  # hardly moved by an inducer
    ("moderate", "0.14", "", "moderate", "moderate", "from a clinical study"),
    # the label's own figure comes first (the label speaks of strong inducers; this one is moderate)
    ("moderate", "0.14", "sc:foldChange 0.6 ;", "moderate", "minor", "from the tinib label"),
])
def test_a_clinical_study_with_a_strong_inducer_sets_the_sensitivity_to_induction(
        make_checker, declared, study_fold, label_fold, inducer, severity, note):
    role = sub("CYP3A4", declared).replace("sc:evidenceLevel", f"sc:inductionFoldChange {study_fold} ; sc:evidenceLevel")
    labelled = [label("strong induction", instruction="monitor", fold=label_fold)] if label_fold else []
    body = supp("inducer", mod("CYP3A4", "induction", inducer)) + drug("tinib", role, *labelled)
    [finding] = make_checker(body).check(drugs=["tinib"], supplements=["inducer"]).findings
    assert finding.evidence.basis.value == "inferred" and finding.severity.value == severity
    assert any(f"sensitivity to induction {note}" in n for n in finding.notes), finding.notes


def test_an_induction_fold_change_outside_an_auc_ratio_is_refused(make_checker):
    role = sub("CYP3A4", "moderate").replace("sc:evidenceLevel", "sc:inductionFoldChange 3.0 ; sc:evidenceLevel")
    with pytest.raises(Exception, match="inductionFoldChange"):
        make_checker(supp("inducer", mod("CYP3A4", "induction", "strong")) + drug("tinib", role))


def test_a_regimen_name_is_read_as_its_drugs(make_checker):
    body = (supp("inducer", mod("CYP3A4", "induction", "strong")) + drug("tinib", sub("CYP3A4", "sensitive"))
            + drug("platin") + '<https://w3id.org/suppcheck/regimen/tinplat> a sc:Regimen ; skos:prefLabel "TINPLAT" ; '
            'sc:regimenDrug drug:tinib, drug:platin ; dcterms:source src:test-source .\n')
    result = make_checker(body).check(drugs=["TINPLAT q3w"], supplements=["inducer"])
    item = result.items[0]
    assert item.status.value == "recognized" and {c.match.name for c in item.components} == {"tinib", "platin"}
    [finding] = result.findings
    assert finding.drug.name == "tinib" and finding.drug.input == "TINPLAT q3w"


def _pd_label(product: str) -> str:
    return (f'sc:labelInstruction [ sc:perpetratorProduct supp:{product} ; sc:kind "pharmacodynamic" ; '
            'sc:instruction "monitor" ; sc:effect "a greater coagulin effect" ; sc:labelText "check the INR" ; '
            'sc:evidenceLevel "case-report" ; dcterms:source src:test-source ]')


def test_a_label_word_on_a_products_effect_is_a_pharmacodynamic_floor(make_checker):
    body = (supp("herbal", mod("CYP3A4", "inhibition", "strong")) + supp("quiet")
            + drug("coagulin", sub("CYP3A4", "sensitive"), _pd_label("herbal"), _pd_label("quiet")))
    checker = make_checker(body)
    [quiet] = checker.check(drugs=["coagulin"], supplements=["quiet"]).findings
    assert quiet.kind.value == "pharmacodynamic" and quiet.severity.value == "moderate"
    assert quiet.effect == "a greater coagulin effect" and '"check the INR"' in quiet.management
    # The label's word on the effect does not speak for exposure: the CYP3A4 chain is still reasoned.
    [herbal] = checker.check(drugs=["coagulin"], supplements=["herbal"]).findings
    assert herbal.severity.value == "major" and herbal.kind.value == "pharmacokinetic"
    assert any("the label says monitor with herbal" in n for n in herbal.notes)


@pytest.mark.parametrize("class_severity,title", [("major", "class entry"), ("minor", "the label says monitor")])
def test_a_pharmacodynamic_label_outranks_a_class_entry_only_when_stricter(make_checker, class_severity, title):
    body = (supp("herbal") + drug("coagulin", _pd_label("herbal"), extra="sc:drugClass cls:vka")
            + 'cls:vka a sc:DrugClass ; skos:prefLabel "vka" .\n'
            + f'ix:herbal--vka a sc:CuratedInteraction ; sc:supplement supp:herbal ; sc:appliesToClass cls:vka ; '
              f'sc:kind "pharmacodynamic" ; sc:severity "{class_severity}" ; sc:title "class entry" ; sc:effect "e" ; '
              'sc:management "m" ; sc:evidenceLevel "case-report" ; dcterms:source src:test-source .\n')
    [f] = make_checker(body).check(drugs=["coagulin"], supplements=["herbal"]).findings
    assert title in f.title and f.severity.value == max(class_severity, "moderate", key=["minor", "moderate",
                                                                                             "major"].index)


def test_a_pharmacodynamic_label_instruction_needs_a_product_and_an_effect(make_checker):
    body = supp("herbal") + drug("coagulin", 'sc:labelInstruction [ sc:perpetratorProduct supp:herbal ; '
                                  'sc:kind "pharmacodynamic" ; sc:instruction "monitor" ; sc:evidenceLevel "case-report" ; '
                                  'dcterms:source src:test-source ]')
    with pytest.raises(Exception, match="pharmacodynamic label instruction"):
        make_checker(body)


@pytest.mark.parametrize("with_none,expected", [(True, []), (False, ["broad entry"])])
def test_a_closer_class_none_silences_a_broader_class_entry(make_checker, with_none, expected):
    body = (supp("herbal") + drug("glargin", extra="sc:drugClass cls:insulin")
            + 'cls:antidiabetic a sc:DrugClass ; skos:prefLabel "antidiabetic" .\n'
            + 'cls:insulin a sc:DrugClass ; skos:prefLabel "insulin" ; skos:broader cls:antidiabetic .\n'
            + 'ix:herbal--antidiabetic a sc:CuratedInteraction ; sc:supplement supp:herbal ; '
              'sc:appliesToClass cls:antidiabetic ; sc:kind "pharmacodynamic" ; sc:severity "minor" ; '
              'sc:title "broad entry" ; sc:effect "e" ; sc:management "m" ; sc:evidenceLevel "clinical" ; '
              'dcterms:source src:test-source .\n'
            + ('ix:herbal--insulin a sc:CuratedInteraction ; sc:supplement supp:herbal ; sc:appliesToClass cls:insulin ; '
               'sc:kind "pharmacodynamic" ; sc:severity "none" ; sc:title "no effect with insulin" ; sc:effect "e" ; '
               'sc:management "m" ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .\n'
               if with_none else ""))
    found = make_checker(body).check(drugs=["glargin"], supplements=["herbal"]).findings
    assert [f.title for f in found] == expected
