"""Enzyme-inducing antiepileptics, NNRTIs, bosentan and quinidine added together (real graph): phenobarbital,
primidone, fosphenytoin, efavirenz, nevirapine, etravirine, bosentan, quinidine, eslicarbazepine acetate, felbamate
and atropine.

Their names, brands and salts resolve to them; the St John's wort instructions of the EU leaflets give their severity;
bosentan's CYP3A4 role (a ketoconazole study) reaches grapefruit; the warnings recorded as properties reach the family
rules (sedation, liver, QT, glucose); eslicarbazepine's induction reaches a CYP3A4-substrate supplement; and pairs the
graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import pair as _pair
from suppcheck.models import Role


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("phenobarbital", "phenobarbital"),
    ("phenobarbitone", "phenobarbital"),
    ("Luminal", "phenobarbital"),
    ("Sezaby", "phenobarbital"),
    ("primidone", "primidone"),
    ("Mysoline", "primidone"),
    ("fosphenytoin", "fosphenytoin"),
    ("Cerebyx", "fosphenytoin"),
    ("fosphenytoin sodium", "fosphenytoin"),
    ("efavirenz", "efavirenz"),
    ("Sustiva", "efavirenz"),
    ("Stocrin", "efavirenz"),
    ("nevirapine", "nevirapine"),
    ("Viramune", "nevirapine"),
    ("Viramune XR", "nevirapine"),
    ("etravirine", "etravirine"),
    ("Intelence", "etravirine"),
    ("bosentan", "bosentan"),
    ("Tracleer", "bosentan"),
    ("quinidine", "quinidine"),
    ("quinidine sulfate", "quinidine"),
    ("quinidine gluconate", "quinidine"),
    ("eslicarbazepine", "eslicarbazepine acetate"),
    ("eslicarbazepine acetate", "eslicarbazepine acetate"),
    ("Aptiom", "eslicarbazepine acetate"),
    ("Zebinix", "eslicarbazepine acetate"),
    ("felbamate", "felbamate"),
    ("Felbatol", "felbamate"),
    ("atropine", "atropine"),
    ("atropine sulfate", "atropine"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("phenobarbital 64.8 mg twice daily", "phenobarbital"),
    ("Mysoline 50 mg at bedtime", "primidone"),
    ("Cerebyx 1000 mg PE IV", "fosphenytoin"),
    ("efavirenz 600 mg at bedtime", "efavirenz"),
    ("Viramune XR 400 mg daily", "nevirapine"),
    ("Intelence 200 mg twice daily after meals", "etravirine"),
    ("Tracleer 62.5 mg BID", "bosentan"),
    ("quinidine sulfate 300 mg every 8 hours", "quinidine"),
    ("Aptiom 800 mg daily", "eslicarbazepine acetate"),
    ("Felbatol 600 mg TID", "felbamate"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.drug)
    assert item.match is not None and item.match.name == expected, line


def test_the_atropine_of_lomotil_still_reads_as_lomotil(real_checker):
    # a new single-drug atropine must not take the diphenoxylate combination's names
    for line in ("diphenoxylate and atropine", "Lomotil"):
        res = real_checker.resolve(line, "drug")
        assert res.match.name == "diphenoxylate-atropine", line


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize("drug", ["efavirenz", "nevirapine"])
def test_eu_leaflet_forbids_st_johns_wort(real_checker, drug):
    # "Do not take Stocrin / Viramune ... St. John's wort": contraindicated, major
    result = real_checker.check(drugs=[drug], supplements=["St John's wort 300 mg three times daily"])
    [f] = _pair(result, "St John's wort", drug)
    assert f.severity.value == "major"
    assert "the label says it is contraindicated with St John's wort" in f.title


def test_etravirine_leaflet_advises_against_st_johns_wort(real_checker):
    # "It is not recommended to combine INTELENCE with ... St John's wort": avoid, major
    result = real_checker.check(drugs=["Intelence 200 mg twice daily"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "etravirine")
    assert f.severity.value == "major"
    assert "the label says avoid St John's wort" in f.title


# ----------------------------------------------------------------------------- metabolic roles
def test_grapefruit_raises_bosentan_through_cyp3a4(real_checker):
    # ketoconazole doubled bosentan AUC: a moderate CYP3A4 substrate
    result = real_checker.check(drugs=["bosentan 125 mg twice daily"], supplements=["grapefruit juice"])
    [f] = _pair(result, "grapefruit", "bosentan")
    assert f.severity.value == "moderate"
    assert "raise bosentan exposure" in f.title


def test_st_johns_wort_lowers_bosentan_through_cyp3a4(real_checker):
    result = real_checker.check(drugs=["Tracleer"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "bosentan")
    assert f.severity.value == "moderate"
    assert "lower bosentan exposure" in f.title


def test_a_reasoned_cyp3a4_role_stays_minor(real_checker):
    # etravirine's CYP3A4 role is reasoned from its leaflet, graded minor: grapefruit gives a minor finding only
    result = real_checker.check(drugs=["etravirine"], supplements=["grapefruit juice"])
    [f] = _pair(result, "grapefruit", "etravirine")
    assert f.severity.value == "minor"


def test_eslicarbazepine_lowers_a_cyp3a4_substrate_supplement(real_checker):
    result = real_checker.check(drugs=["eslicarbazepine 800 mg daily"], supplements=["red yeast rice"])
    [f] = _pair(result, "red yeast rice", "eslicarbazepine acetate")
    assert f.severity.value == "minor"
    assert "lower red yeast rice exposure" in f.title


# ----------------------------------------------------------------------------- properties from the warnings
@pytest.mark.parametrize(("line", "drug", "supplement", "name"), [
    ("phenobarbital 30 mg at bedtime", "phenobarbital", "valerian 450 mg at bedtime", "valerian"),
    ("Mysoline 250 mg", "primidone", "kava", "kava"),
    ("efavirenz 600 mg", "efavirenz", "kava", "kava"),
    ("Aptiom 800 mg", "eslicarbazepine acetate", "melatonin 3 mg", "melatonin"),
])
def test_sedating_drug_with_a_sedating_supplement_is_moderate(real_checker, line, drug, supplement, name):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    [f] = _pair(result, name, drug)
    assert f.severity.value == "moderate"
    assert "adds to the sedation" in f.title


@pytest.mark.parametrize("drug", ["felbamate", "bosentan", "efavirenz", "nevirapine"])
def test_hepatotoxic_drug_with_a_hepatotoxic_supplement_is_moderate(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["green tea extract 800 mg"])
    [f] = _pair(result, "green tea", drug)
    assert f.severity.value == "moderate"
    assert "liver" in f.title


@pytest.mark.parametrize("drug", ["quinidine", "efavirenz"])
def test_qt_prolonging_drug_with_licorice_is_moderate(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["licorice root"])
    [f] = _pair(result, "licorice", drug)
    assert f.severity.value == "moderate"
    assert "QT" in f.title


def test_fosphenytoin_hyperglycaemia_meets_niacin(real_checker):
    result = real_checker.check(drugs=["fosphenytoin"], supplements=["niacin 1000 mg twice daily"])
    [f] = _pair(result, "niacin", "fosphenytoin")
    assert f.severity.value == "moderate"
    assert "blood glucose" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # no enzyme fact is recorded for phenobarbital
    ("phenobarbital", "St John's wort"),
    # bosentan lowers blood pressure, but fish oil carries no fact the graph pairs with it
    ("bosentan", "fish oil"),
    # nothing links efavirenz to a plain vitamin D dose
    ("efavirenz", "vitamin D 1000 IU"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
