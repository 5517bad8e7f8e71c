"""Comorbidity drugs added together (real graph): lovastatin, pitavastatin, saxagliptin, doxepin, oxcarbazepine,
rivastigmine, dexlansoprazole, clindamycin, calcitriol, sevelamer, lanthanum carbonate and cinacalcet.

Names and brands resolve to the drug. Each sourced fact gives its finding as a sibling's does: lovastatin is a
sensitive CYP3A4 substrate (grapefruit), saxagliptin's and oxcarbazepine's label instructions reach St John's wort,
saxagliptin lowers glucose (berberine, as with sitagliptin), doxepin sedates (valerian, as with amitriptyline),
cinacalcet's label instruction on strong CYP3A4 inhibitors is in the graph and its hypocalcaemia gets the calcium
finding zoledronic-acid-type drugs get; class entries reach pitavastatin (red yeast rice), rivastigmine (huperzine A),
clindamycin (probiotics) and dexlansoprazole (iron). A phosphate binder with a vitamin stays silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names
from drugcheck import pair as _pair


def _one(checker, drug: str, supplement: str, supplement_name: str, drug_name: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return _pair(result, supplement_name, drug_name)


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("lovastatin", "lovastatin"), ("Mevacor", "lovastatin"), ("Altoprev", "lovastatin"),
    ("pitavastatin", "pitavastatin"), ("Livalo", "pitavastatin"), ("Zypitamag", "pitavastatin"),
    ("saxagliptin", "saxagliptin"), ("Onglyza", "saxagliptin"),
    ("doxepin", "doxepin"), ("Silenor", "doxepin"), ("Sinequan", "doxepin"),
    ("oxcarbazepine", "oxcarbazepine"), ("Trileptal", "oxcarbazepine"), ("Oxtellar XR", "oxcarbazepine"),
    ("rivastigmine", "rivastigmine"), ("Exelon", "rivastigmine"), ("Exelon Patch", "rivastigmine"),
    ("dexlansoprazole", "dexlansoprazole"), ("Dexilant", "dexlansoprazole"),
    ("clindamycin", "clindamycin"), ("Cleocin", "clindamycin"), ("clindamycin phosphate", "clindamycin"),
    ("calcitriol", "calcitriol"), ("Rocaltrol", "calcitriol"), ("Calcijex", "calcitriol"),
    ("sevelamer", "sevelamer"), ("Renvela", "sevelamer"), ("Renagel", "sevelamer"),
    ("lanthanum carbonate", "lanthanum carbonate"), ("Fosrenol", "lanthanum carbonate"),
    ("cinacalcet", "cinacalcet"), ("Sensipar", "cinacalcet"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Mevacor 20 mg daily with the evening meal", "lovastatin"),
    ("Livalo 2 mg once daily", "pitavastatin"),
    ("Onglyza 5 mg daily", "saxagliptin"),
    ("Silenor 6 mg at bedtime", "doxepin"),
    ("Trileptal 600 mg twice daily", "oxcarbazepine"),
    ("rivastigmine 4.5 mg twice daily", "rivastigmine"),
    ("Dexilant 60 mg daily", "dexlansoprazole"),
    ("clindamycin 300 mg four times daily", "clindamycin"),
    ("Rocaltrol 0.25 mcg daily", "calcitriol"),
    ("Renvela 800 mg three times daily with meals", "sevelamer"),
    ("Fosrenol 1000 mg with meals", "lanthanum carbonate"),
    ("Sensipar 30 mg daily", "cinacalcet"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- classes
def test_class_memberships(real_checker):
    assert "statin" in closure(real_checker, "lovastatin") & closure(real_checker, "pitavastatin")
    assert {"dpp4-inhibitor", "antidiabetic"} <= closure(real_checker, "saxagliptin")
    assert "tricyclic-antidepressant" in closure(real_checker, "doxepin")
    assert "anticonvulsant" in closure(real_checker, "oxcarbazepine")
    assert "cholinesterase-inhibitor" in closure(real_checker, "rivastigmine")
    assert "proton-pump-inhibitor" in closure(real_checker, "dexlansoprazole")
    assert {"lincosamide", "antibiotic"} <= closure(real_checker, "clindamycin")
    assert "phosphate-binder" in closure(real_checker, "sevelamer") & closure(real_checker, "lanthanum carbonate")
    assert "bile-acid-sequestrant" not in closure(real_checker, "sevelamer")
    assert "calcimimetic" in closure(real_checker, "cinacalcet")
    assert "vitamin-d-receptor-activator" in closure(real_checker, "calcitriol")


# ----------------------------------------------------------------------------- roles, instructions, properties
def test_lovastatin_grapefruit_exposure(real_checker):
    [f] = _one(real_checker, "Mevacor 20 mg daily", "grapefruit juice 240 mL daily", "grapefruit", "lovastatin")
    assert f.severity.value == "moderate"


@pytest.mark.parametrize(("drug", "expected"), [
    ("lovastatin", ("CYP3A4", "inhibition", "strong", "contraindicated")),
    ("saxagliptin", ("CYP3A4", "inhibition", "strong", "reduce-dose")),
    ("cinacalcet", ("CYP3A4", "inhibition", "strong", "monitor")),
])
def test_strong_cyp3a4_inhibitor_instructions(real_checker, drug, expected):
    lis = real_checker.kb.label_instructions.get(f"https://w3id.org/suppcheck/drug/{drug}", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert expected in found, found


@pytest.mark.parametrize(("drug", "drug_name"), [
    ("Onglyza 5 mg daily", "saxagliptin"),
    ("Trileptal 600 mg twice daily", "oxcarbazepine"),
])
def test_label_inducer_instructions_reach_st_johns_wort(real_checker, drug, drug_name):
    [f] = _one(real_checker, drug, "St John's wort 300 mg three times daily", "St John's wort", drug_name)
    assert f.severity.value == "moderate"
    assert drug_name in " ".join([f.title, f.management or ""]).lower() or "label" in (f.management or "").lower()


def test_saxagliptin_glucose_finding_as_sitagliptin(real_checker):
    [sibling] = _one(real_checker, "sitagliptin 100 mg daily", "berberine 500 mg twice daily", "berberine", "sitagliptin")
    [f] = _one(real_checker, "Onglyza 5 mg daily", "berberine 500 mg twice daily", "berberine", "saxagliptin")
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("sitagliptin", "saxagliptin")


def test_doxepin_sedation_as_amitriptyline(real_checker):
    [sibling] = _one(real_checker, "amitriptyline 25 mg at night", "valerian 600 mg at night", "valerian", "amitriptyline")
    [f] = _one(real_checker, "Silenor 6 mg at bedtime", "valerian 600 mg at night", "valerian", "doxepin")
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("amitriptyline", "doxepin")


def test_cinacalcet_calcium_supplementation_finding(real_checker):
    [f] = _one(real_checker, "Sensipar 30 mg daily", "calcium carbonate 600 mg daily", "calcium", "cinacalcet")
    assert f.severity.value == "minor"
    assert "recommended" in f.title


@pytest.mark.parametrize(("drug", "supplement", "supplement_name", "drug_name"), [
    ("Livalo 2 mg daily", "red yeast rice 1200 mg daily", "red yeast rice", "pitavastatin"),
    ("rivastigmine 4.5 mg twice daily", "huperzine A 200 mcg daily", "huperzine A", "rivastigmine"),
    ("clindamycin 300 mg four times daily", "probiotics daily", "probiotics", "clindamycin"),
    ("Dexilant 60 mg daily", "iron 65 mg daily", "iron", "dexlansoprazole"),
])
def test_class_entries_reach_the_new_drugs(real_checker, drug, supplement, supplement_name, drug_name):
    assert _one(real_checker, drug, supplement, supplement_name, drug_name)


# ----------------------------------------------------------------------------- negative control
def test_phosphate_binder_with_vitamin_d_stays_silent(real_checker):
    assert _one(real_checker, "Renvela 800 mg three times daily", "vitamin D3 2000 IU daily", "vitamin D", "sevelamer") == []
