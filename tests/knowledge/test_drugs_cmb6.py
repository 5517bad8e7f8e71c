"""Rhythm, blood-pressure and haemostasis drugs added together (real graph): sotalol, dofetilide, flecainide,
propafenone, ivabradine, bisoprolol, nebivolol, labetalol, eplerenone, doxazosin, terazosin, prazosin, oral minoxidil,
tranexamic acid and pentoxifylline, and Entresto read as sacubitril and valsartan.

Names and brands resolve to the drug ("sotalol" no longer reads as close to timolol). Each sourced fact gives its
finding as a sibling's does: the QT drugs meet liquorice (as amiodarone does), the blood-pressure drugs meet garlic
and caffeine, the label instructions give their severities (ivabradine and grapefruit or St John's wort, eplerenone
and moderate CYP3A4 inhibitors, dofetilide and propafenone with grapefruit), and Entresto brings valsartan's potassium
entry. Pairs without a fact stay silent.
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
    ("sotalol", "sotalol"), ("Betapace", "sotalol"), ("Betapace AF", "sotalol"), ("Sotylize", "sotalol"),
    ("sotalol hydrochloride", "sotalol"),
    ("dofetilide", "dofetilide"), ("Tikosyn", "dofetilide"),
    ("flecainide", "flecainide"), ("flecainide acetate", "flecainide"),
    ("propafenone", "propafenone"), ("Rythmol SR", "propafenone"),
    ("ivabradine", "ivabradine"), ("Corlanor", "ivabradine"), ("Procoralan", "ivabradine"),
    ("bisoprolol", "bisoprolol"), ("bisoprolol fumarate", "bisoprolol"),
    ("nebivolol", "nebivolol"), ("Bystolic", "nebivolol"),
    ("labetalol", "labetalol"), ("Trandate", "labetalol"),
    ("eplerenone", "eplerenone"), ("Inspra", "eplerenone"),
    ("doxazosin", "doxazosin"), ("Cardura", "doxazosin"), ("Cardura XL", "doxazosin"),
    ("terazosin", "terazosin"), ("prazosin", "prazosin"), ("Minipress", "prazosin"),
    ("minoxidil", "minoxidil"), ("oral minoxidil", "minoxidil"),
    ("tranexamic acid", "tranexamic acid"), ("Lysteda", "tranexamic acid"),
    ("pentoxifylline", "pentoxifylline"), ("Trental", "pentoxifylline"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


def test_timolol_keeps_its_own_name(real_checker):
    assert_resolves(real_checker, "timolol", "timolol")


@pytest.mark.parametrize(("line", "expected"), [
    ("Betapace 80 mg twice daily", "sotalol"),
    ("Tikosyn 500 mcg twice daily", "dofetilide"),
    ("Corlanor 5 mg twice daily", "ivabradine"),
    ("Inspra 25 mg daily", "eplerenone"),
    ("Cardura 4 mg daily", "doxazosin"),
    ("tranexamic acid 1300 mg three times daily", "tranexamic acid"),
    ("Entresto 49/51 mg twice daily", "Entresto"),
    ("sacubitril/valsartan 24/26 mg BID", "Entresto"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- classes
def test_class_memberships(real_checker):
    assert {"beta-blocker", "class-iii-antiarrhythmic", "antiarrhythmic"} <= closure(real_checker, "sotalol")
    assert {"class-ic-antiarrhythmic", "antiarrhythmic"} <= closure(real_checker, "flecainide") & closure(
        real_checker, "propafenone")
    for name in ("bisoprolol", "nebivolol", "labetalol"):
        assert {"beta-blocker", "antihypertensive"} <= closure(real_checker, name)
    for name in ("doxazosin", "terazosin", "prazosin"):
        assert {"alpha-blocker", "antihypertensive"} <= closure(real_checker, name)
    assert "potassium-sparing-diuretic" in closure(real_checker, "eplerenone")
    assert "hcn-channel-blocker" in closure(real_checker, "ivabradine")
    assert "antifibrinolytic" in closure(real_checker, "tranexamic acid")
    assert "anticoagulant" not in closure(real_checker, "pentoxifylline")


# ----------------------------------------------------------------------------- QT
@pytest.mark.parametrize(("line", "drug"), [
    ("Betapace 80 mg twice daily", "sotalol"),
    ("Tikosyn 500 mcg twice daily", "dofetilide"),
    ("flecainide 100 mg twice daily", "flecainide"),
])
def test_qt_drugs_meet_liquorice_as_amiodarone_does(real_checker, line, drug):
    [sibling] = _one(real_checker, "amiodarone 200 mg daily", "licorice root", "licorice", "amiodarone")
    [f] = _one(real_checker, line, "licorice root", "licorice", drug)
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("amiodarone", drug)


# ----------------------------------------------------------------------------- label instructions
def test_ivabradine_label_avoids_grapefruit_and_restricts_st_johns_wort(real_checker):
    [gf] = _one(real_checker, "Corlanor 5 mg twice daily", "grapefruit juice", "grapefruit", "ivabradine")
    assert gf.severity.value == "major" and "the label says avoid grapefruit" in gf.title
    [sjw] = _one(real_checker, "Corlanor 5 mg twice daily", "St John's wort", "St John's wort", "ivabradine")
    # "should be restricted": the label halves exposure in a study and asks to limit it, not to avoid it
    assert sjw.severity.value == "moderate" and "the label says monitor with St John's wort" in sjw.title


def test_eplerenone_label_reduces_the_dose_with_moderate_cyp3a_inhibitors(real_checker):
    [f] = _one(real_checker, "Inspra 25 mg daily", "grapefruit juice", "grapefruit", "eplerenone")
    assert f.severity.value == "moderate"
    assert "reduce the dose with moderate CYP3A4 inhibitors" in f.title


def test_eplerenone_with_potassium_is_major_as_spironolactone(real_checker):
    [sibling] = _one(real_checker, "spironolactone 25 mg daily", "potassium chloride 20 mEq daily", "potassium",
                     "spironolactone")
    [f] = _one(real_checker, "Inspra 25 mg daily", "potassium chloride 20 mEq daily", "potassium", "eplerenone")
    assert f.severity.value == "major" == sibling.severity.value


def test_eplerenone_st_johns_wort_inferred_from_cyp3a4(real_checker):
    [f] = _one(real_checker, "Inspra 25 mg daily", "St John's wort", "St John's wort", "eplerenone")
    assert f.severity.value == "major" and "lower eplerenone exposure" in f.title


@pytest.mark.parametrize(("line", "drug"), [
    ("Tikosyn 500 mcg twice daily", "dofetilide"),
    ("Rythmol SR 225 mg twice daily", "propafenone"),
])
def test_labels_that_name_grapefruit_ask_for_monitoring(real_checker, line, drug):
    [f] = _one(real_checker, line, "grapefruit juice", "grapefruit", drug)
    assert f.severity.value == "minor"
    assert "the label says monitor with grapefruit" in f.title


# ----------------------------------------------------------------------------- blood pressure
@pytest.mark.parametrize(("line", "drug"), [
    ("Bystolic 5 mg daily", "nebivolol"), ("labetalol 200 mg twice daily", "labetalol"),
    ("Cardura 4 mg daily", "doxazosin"), ("terazosin 5 mg at bedtime", "terazosin"),
    ("prazosin 1 mg at bedtime", "prazosin"), ("minoxidil 2.5 mg daily", "minoxidil"),
])
def test_blood_pressure_drugs_meet_garlic_as_metoprolol_does(real_checker, line, drug):
    [sibling] = _one(real_checker, "metoprolol 50 mg twice daily", "garlic extract", "garlic", "metoprolol")
    [f] = _one(real_checker, line, "garlic extract", "garlic", drug)
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("metoprolol", drug)


def test_doxazosin_meets_caffeine(real_checker):
    [f] = _one(real_checker, "Cardura 4 mg daily", "caffeine 500 mg daily", "caffeine", "doxazosin")
    assert f.severity.value == "moderate" and "offset doxazosin" in f.title


def test_entresto_brings_valsartans_potassium_entry(real_checker):
    [sibling] = _one(real_checker, "valsartan 80 mg daily", "potassium chloride 20 mEq daily", "potassium",
                     "valsartan")
    [f] = _one(real_checker, "Entresto 49/51 mg twice daily", "potassium chloride 20 mEq daily", "potassium",
               "valsartan")
    assert f.severity == sibling.severity and f.title == sibling.title


# ----------------------------------------------------------------------------- negative controls
def test_caffeine_below_the_threshold_stays_silent_with_doxazosin(real_checker):
    assert _one(real_checker, "Cardura 4 mg daily", "caffeine 100 mg daily", "caffeine", "doxazosin") == []


def test_tranexamic_acid_and_pentoxifylline_without_facts_stay_silent(real_checker):
    assert _one(real_checker, "Lysteda 1300 mg three times daily", "vitamin C 500 mg", "vitamin C",
                "tranexamic acid") == []
    assert _one(real_checker, "Trental 400 mg three times daily", "vitamin C 500 mg", "vitamin C",
                "pentoxifylline") == []
