"""Monoclonal antibodies and a VEGF fusion protein given by infusion (real graph).

Names resolve to the right drug (generic with and without the US suffix, US brands, a study name). Each drug sits in
the class of its siblings: the anti-EGFR antibodies with cetuximab, the anti-VEGF agents with bevacizumab, obinutuzumab
with rituximab, margetuximab with trastuzumab, isatuximab in the anti-CD38 class. Their label warnings reach the
findings a sibling with the same property gets: fish oil with a drug that carries bleeding risk (bevacizumab),
liquorice with a drug that raises blood pressure (bevacizumab), fish oil with a myelosuppressive drug (azacitidine),
green tea extract with a hepatotoxic drug, high-dose pyridoxine with a neurotoxic drug, liquorice with a drug that
lowers potassium, St John's wort with a photosensitising drug. None of these labels names an interaction category or
a product, so no label instruction is recorded or tested. Pairs without a fact stay silent: St John's wort and
grapefruit with antibodies that CYP enzymes do not handle, and "aflibercept" alone (also the eye product) stays
unrecognised.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import closure as _closure
from drugcheck import iri as _iri
from drugcheck import pair as _pair

DRUGS = ["amivantamab", "isatuximab", "elotuzumab", "obinutuzumab", "ramucirumab", "panitumumab", "necitumumab",
         "mogamulizumab", "margetuximab", "dinutuximab", "naxitamab", "zolbetuximab", "tafasitamab",
         "ziv-aflibercept"]


def _severity(real_checker, drug: str, supplement: str, name: str):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, name, drug)
    assert len(found) == 1, (drug, supplement, [f.title for f in result.findings])
    return found[0]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("amivantamab", "amivantamab"), ("Rybrevant", "amivantamab"),
    ("isatuximab", "isatuximab"), ("isatuximab-irfc", "isatuximab"), ("Sarclisa", "isatuximab"),
    ("elotuzumab", "elotuzumab"), ("Empliciti", "elotuzumab"),
    ("obinutuzumab", "obinutuzumab"), ("Gazyva", "obinutuzumab"),
    ("ramucirumab", "ramucirumab"), ("Cyramza", "ramucirumab"),
    ("panitumumab", "panitumumab"), ("Vectibix", "panitumumab"),
    ("necitumumab", "necitumumab"), ("Portrazza", "necitumumab"),
    ("mogamulizumab", "mogamulizumab"), ("mogamulizumab-kpkc", "mogamulizumab"), ("Poteligeo", "mogamulizumab"),
    ("margetuximab", "margetuximab"), ("margetuximab-cmkb", "margetuximab"), ("Margenza", "margetuximab"),
    ("dinutuximab", "dinutuximab"), ("Unituxin", "dinutuximab"),
    ("naxitamab", "naxitamab"), ("naxitamab-gqgk", "naxitamab"), ("Danyelza", "naxitamab"), ("Hu3F8", "naxitamab"),
    ("zolbetuximab", "zolbetuximab"), ("zolbetuximab-clzb", "zolbetuximab"), ("Vyloy", "zolbetuximab"),
    ("tafasitamab", "tafasitamab"), ("tafasitamab-cxix", "tafasitamab"), ("Monjuvi", "tafasitamab"),
    ("ziv-aflibercept", "ziv-aflibercept"), ("Zaltrap", "ziv-aflibercept"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


def test_aflibercept_alone_is_not_taken_for_the_cancer_drug(real_checker):
    # the bare name also names the intravitreal product; the systemic drug is named with its prefix or brand
    res = real_checker.resolve("aflibercept", "drug")
    assert res.status.value != "recognized"


@pytest.mark.parametrize(("line", "expected"), [
    ("Vectibix 6 mg/kg IV every 14 days", "panitumumab"),
    ("Cyramza 8 mg/kg IV q2w", "ramucirumab"),
    ("Gazyva 1000 mg IV day 1, 8, 15", "obinutuzumab"),
    ("Sarclisa 10 mg/kg IV weekly", "isatuximab"),
    ("Zaltrap 4 mg/kg IV every 2 weeks with FOLFIRI", "ziv-aflibercept"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert expected in names, (line, names)


# ----------------------------------------------------------------------------- classes
@pytest.mark.parametrize(("name", "cls"), [
    ("panitumumab", "anti-egfr-antibody"), ("necitumumab", "anti-egfr-antibody"),
    ("amivantamab", "anti-egfr-antibody"), ("amivantamab", "bispecific-antibody"),
    ("ramucirumab", "anti-vegf-antibody"), ("ziv-aflibercept", "anti-vegf-antibody"),
    ("obinutuzumab", "anti-cd20-antibody"), ("margetuximab", "anti-her2-antibody"),
    ("isatuximab", "anti-cd38-antibody"),
])
def test_each_drug_is_classed_with_its_siblings(real_checker, name, cls):
    closure = _closure(real_checker, name)
    assert {cls, "monoclonal-antibody"} <= closure, closure


@pytest.mark.parametrize(("name", "sibling", "cls"), [
    ("panitumumab", "cetuximab", "anti-egfr-antibody"),
    ("ramucirumab", "bevacizumab", "anti-vegf-antibody"),
    ("obinutuzumab", "rituximab", "anti-cd20-antibody"),
    ("margetuximab", "trastuzumab", "anti-her2-antibody"),
])
def test_the_sibling_holds_the_same_class(real_checker, name, sibling, cls):
    assert cls in _closure(real_checker, sibling)
    assert cls in _closure(real_checker, name)


@pytest.mark.parametrize("name", DRUGS)
def test_antibodies_are_not_cyp_handled(real_checker, name):
    assert real_checker.kb.no_cyp.get(_iri(name)), name


# ----------------------------------------------------------------------------- findings a sibling gets
@pytest.mark.parametrize("name", ["ramucirumab", "ziv-aflibercept", "obinutuzumab"])
def test_fish_oil_with_a_bleeding_risk_drug_as_with_bevacizumab(real_checker, name):
    sibling = _severity(real_checker, "bevacizumab", "fish oil", "fish oil")
    f = _severity(real_checker, name, "fish oil", "fish oil")
    assert f.severity.value == sibling.severity.value == "moderate"
    assert "bleeding" in f.title


@pytest.mark.parametrize("name", ["ramucirumab", "ziv-aflibercept", "naxitamab"])
def test_licorice_with_a_drug_that_raises_blood_pressure_as_with_bevacizumab(real_checker, name):
    sibling = _severity(real_checker, "bevacizumab", "licorice", "licorice")
    f = _severity(real_checker, name, "licorice", "licorice")
    assert f.severity.value == sibling.severity.value
    assert "blood-pressure" in f.title


@pytest.mark.parametrize("name", ["isatuximab", "tafasitamab", "dinutuximab"])
def test_fish_oil_with_a_myelosuppressive_drug_as_with_azacitidine(real_checker, name):
    sibling = _severity(real_checker, "azacitidine", "fish oil", "fish oil")
    f = _severity(real_checker, name, "fish oil", "fish oil")
    assert f.severity.value == sibling.severity.value
    assert "platelet" in f.title


def test_green_tea_extract_with_elotuzumab_is_a_liver_concern(real_checker):
    f = _severity(real_checker, "elotuzumab", "green tea extract 800 mg", "green tea")
    assert f.severity.value == "moderate"
    assert "liver" in f.title


@pytest.mark.parametrize("name", ["dinutuximab", "naxitamab"])
def test_high_dose_pyridoxine_with_a_gd2_antibody_is_a_neuropathy_concern(real_checker, name):
    f = _severity(real_checker, name, "vitamin B6 200 mg", "vitamin B6")
    assert f.severity.value == "moderate"
    assert "neuropathy" in f.title


def test_licorice_with_dinutuximab_adds_to_potassium_loss(real_checker):
    f = _severity(real_checker, "dinutuximab", "licorice", "licorice")
    assert f.severity.value == "moderate"
    assert "potassium" in f.title


def test_st_johns_wort_with_panitumumab_is_a_photosensitivity_concern(real_checker):
    f = _severity(real_checker, "panitumumab", "St John's wort", "St John's wort")
    assert f.severity.value == "minor"
    assert "photosensitivity" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize("name", ["panitumumab", "ramucirumab", "isatuximab", "margetuximab", "zolbetuximab"])
def test_st_johns_wort_and_grapefruit_give_no_exposure_finding(real_checker, name):
    result = real_checker.check(drugs=[name], supplements=["St John's wort", "grapefruit"])
    assert not [f for f in result.findings
                if f.drug is not None and f.drug.name == name and f.kind.value == "pharmacokinetic"]


@pytest.mark.parametrize(("drug", "supplement"), [
    ("necitumumab", "fish oil"),       # no bleeding property read on its label
    ("margetuximab", "fish oil"),
    ("amivantamab", "licorice"),       # no blood-pressure or potassium property
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
