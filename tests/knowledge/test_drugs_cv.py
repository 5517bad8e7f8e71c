"""Cardiovascular and metabolic comorbidity drugs added together (real graph): canagliflozin, exenatide, insulin
degludec and detemir, sacubitril, dronedarone, isosorbide mononitrate, ranolazine, evolocumab, alirocumab, inclisiran,
bempedoic acid, icosapent ethyl, omega-3-acid ethyl esters, colesevelam and dipyridamole.

Names resolve to the drug, and the prescription omega-3 names stay apart from the fish oil supplement. Each sourced
fact gives its finding as a sibling's does: dronedarone's label avoids CYP3A inducers (St John's wort) and grapefruit;
ranolazine's contraindicates St John's wort and limits the dose with moderate CYP3A inhibitors (grapefruit); the
glucose-lowering drugs meet berberine as semaglutide does; isosorbide mononitrate lowers blood pressure (garlic) as
isosorbide dinitrate does; Lovaza prolongs the bleeding time (ginkgo); colesevelam gets the bile acid sequestrant
vitamin D entry as colestipol does; dipyridamole gets the antiplatelet class entry for fish oil. A drug without a
fact stays silent.
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
    ("canagliflozin", "canagliflozin"), ("Invokana", "canagliflozin"),
    ("exenatide", "exenatide"), ("Byetta", "exenatide"), ("Bydureon", "exenatide"),
    ("insulin degludec", "insulin degludec"), ("Tresiba", "insulin degludec"),
    ("insulin detemir", "insulin detemir"), ("Levemir", "insulin detemir"),
    ("sacubitril", "sacubitril"),
    ("dronedarone", "dronedarone"), ("Multaq", "dronedarone"),
    ("isosorbide mononitrate", "isosorbide mononitrate"), ("Imdur", "isosorbide mononitrate"),
    ("ISMN", "isosorbide mononitrate"),
    ("ranolazine", "ranolazine"), ("Ranexa", "ranolazine"),
    ("evolocumab", "evolocumab"), ("Repatha", "evolocumab"),
    ("alirocumab", "alirocumab"), ("Praluent", "alirocumab"),
    ("inclisiran", "inclisiran"), ("Leqvio", "inclisiran"),
    ("bempedoic acid", "bempedoic acid"), ("Nexletol", "bempedoic acid"),
    ("icosapent ethyl", "icosapent ethyl"), ("Vascepa", "icosapent ethyl"),
    ("omega-3-acid ethyl esters", "omega-3-acid ethyl esters"), ("Lovaza", "omega-3-acid ethyl esters"),
    ("colesevelam", "colesevelam"), ("Welchol", "colesevelam"),
    ("dipyridamole", "dipyridamole"), ("Persantine", "dipyridamole"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Multaq 400 mg twice daily with meals", "dronedarone"),
    ("Ranexa 500 mg twice daily", "ranolazine"),
    ("Imdur 30 mg every morning", "isosorbide mononitrate"),
    ("Tresiba 10 units subcut daily", "insulin degludec"),
    ("Levemir 12 units at bedtime", "insulin detemir"),
    ("Invokana 100 mg daily", "canagliflozin"),
    ("Lovaza 4 g daily", "omega-3-acid ethyl esters"),
    ("Vascepa 2 g twice daily", "icosapent ethyl"),
    ("Welchol 1875 mg twice daily", "colesevelam"),
    ("Repatha 140 mg every 2 weeks", "evolocumab"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


def test_fish_oil_names_stay_with_the_supplement(real_checker):
    # the prescription products are drugs; the supplement's own names still read as fish oil
    for text in ("fish oil", "omega-3 ethyl esters", "EPA"):
        res = real_checker.resolve(text, "supplement")
        assert res.status.value == "recognized" and res.match.name == "fish oil", text


# ----------------------------------------------------------------------------- classes
def test_class_memberships(real_checker):
    assert "sglt2-inhibitor" in closure(real_checker, "canagliflozin")
    assert "glp1-agonist" in closure(real_checker, "exenatide")
    assert "insulin" in closure(real_checker, "insulin degludec") & closure(real_checker, "insulin detemir")
    assert "antiarrhythmic" in closure(real_checker, "dronedarone")
    assert "organic-nitrate" in closure(real_checker, "isosorbide mononitrate")
    assert "bile-acid-sequestrant" in closure(real_checker, "colesevelam")
    assert "antiplatelet" in closure(real_checker, "dipyridamole")
    assert "pcsk9-inhibitor" in closure(real_checker, "evolocumab") & closure(real_checker, "inclisiran")


# ----------------------------------------------------------------------------- label instructions
def test_dronedarone_label_avoids_cyp3a_inducers(real_checker):
    [f] = _one(real_checker, "Multaq 400 mg twice daily", "St John's wort", "St John's wort", "dronedarone")
    assert f.severity.value == "major"
    assert "the label says avoid CYP3A4 inducers" in f.title


def test_dronedarone_label_avoids_grapefruit(real_checker):
    [f] = _one(real_checker, "Multaq 400 mg twice daily", "grapefruit juice", "grapefruit", "dronedarone")
    assert f.severity.value == "major"
    assert "the label says avoid grapefruit" in f.title


def test_ranolazine_label_contraindicates_st_johns_wort(real_checker):
    [f] = _one(real_checker, "Ranexa 500 mg twice daily", "St John's wort", "St John's wort", "ranolazine")
    assert f.severity.value == "major"
    assert "contraindicated" in f.title


def test_ranolazine_label_limits_the_dose_with_grapefruit(real_checker):
    [f] = _one(real_checker, "Ranexa 500 mg twice daily", "grapefruit juice", "grapefruit", "ranolazine")
    assert f.severity.value == "moderate"
    assert "reduce the dose with moderate CYP3A4 inhibitors" in f.title


# ----------------------------------------------------------------------------- properties, as siblings get them
@pytest.mark.parametrize(("line", "name"), [
    ("Byetta 5 mcg twice daily", "exenatide"),
    ("Levemir 10 units at bedtime", "insulin detemir"),
    ("Tresiba 10 units daily", "insulin degludec"),
    ("Invokana 100 mg daily", "canagliflozin"),
])
def test_glucose_lowering_drugs_meet_berberine_as_semaglutide(real_checker, line, name):
    [sibling] = _one(real_checker, "semaglutide", "berberine 500 mg twice daily", "berberine", "semaglutide")
    [f] = _one(real_checker, line, "berberine 500 mg twice daily", "berberine", name)
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("semaglutide", name)


def test_isosorbide_mononitrate_lowers_blood_pressure_as_the_dinitrate(real_checker):
    [sibling] = _one(real_checker, "isosorbide dinitrate", "garlic", "garlic", "isosorbide dinitrate")
    [f] = _one(real_checker, "Imdur 30 mg daily", "garlic", "garlic", "isosorbide mononitrate")
    assert f.severity == sibling.severity
    assert "blood-pressure-lowering effect of isosorbide mononitrate" in f.title


def test_lovaza_bleeding_time_meets_ginkgo(real_checker):
    [f] = _one(real_checker, "Lovaza 4 g daily", "ginkgo", "ginkgo", "omega-3-acid ethyl esters")
    assert f.severity.value == "moderate"
    assert "bleeding risk" in f.title


def test_colesevelam_gets_the_sequestrant_vitamin_d_entry(real_checker):
    [sibling] = _one(real_checker, "colestipol", "vitamin D 2000 IU", "vitamin D", "colestipol")
    [f] = _one(real_checker, "Welchol 625 mg 6 tablets daily", "vitamin D 2000 IU", "vitamin D", "colesevelam")
    assert f.severity == sibling.severity and f.title == sibling.title


def test_dipyridamole_gets_the_antiplatelet_fish_oil_entry(real_checker):
    [f] = _one(real_checker, "dipyridamole 75 mg four times daily", "fish oil 4 g daily", "fish oil", "dipyridamole")
    assert f.severity.value == "minor"
    assert f.title == "Fish oil with antiplatelet drugs: no increase in clinically significant bleeding"


# ----------------------------------------------------------------------------- negative controls
def test_evolocumab_with_low_dose_fish_oil_is_silent(real_checker):
    assert _one(real_checker, "Repatha 140 mg every 2 weeks", "fish oil 1 g daily", "fish oil", "evolocumab") == []


def test_exenatide_with_vitamin_d_is_silent(real_checker):
    assert _one(real_checker, "Byetta 5 mcg twice daily", "vitamin D 2000 IU", "vitamin D", "exenatide") == []
