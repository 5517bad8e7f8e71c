"""Grape seed extract, hemp seed oil, mangosteen and acai: their names resolve to them (and "GSE" stays with
grapefruit seed extract, "hemp oil" is ambiguous between hemp seed oil and the full-spectrum hemp extract), the
findings the sources support appear with the severity set, and drugs outside those findings get none."""

from __future__ import annotations

import pytest


def _pair(result, drug):
    return [f for f in result.findings if f.drug and f.drug.name == drug]


@pytest.mark.parametrize(("text", "expected"), [
    ("grape seed extract", "grape seed extract"),
    ("grapeseed extract", "grape seed extract"),
    ("grape seed proanthocyanidins", "grape seed extract"),
    ("Vitis vinifera seed", "grape seed extract"),
    ("GSE", "grapefruit seed extract"),
    ("hemp seed oil", "hemp seed oil"),
    ("hempseed oil", "hemp seed oil"),
    ("hemp hearts", "hemp seed oil"),
    ("hemp seeds", "hemp seed oil"),
    ("mangosteen", "mangosteen"),
    ("mangosteen juice", "mangosteen"),
    ("Garcinia mangostana", "mangosteen"),
    ("acai", "acai"),
    ("açaí", "acai"),
    ("acai berry", "acai"),
    ("Euterpe oleracea", "acai"),
])
def test_names_resolve_to_the_entity(real_checker, text, expected):
    res = real_checker.resolve(text, "supplement")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize("text", ["Vitis vinifera leaf", "grapeseed oil", "XanGo"])
def test_other_products_are_not_read_silently_as_these_entities(real_checker, text):
    # The grape vine's Latin name and grape seed cooking oil name other products; XanGo is a juice blend that MSK
    # says is not synonymous with mangosteen.
    assert real_checker.resolve(text, "supplement").status.value != "recognized"


def test_hemp_oil_is_ambiguous_and_is_checked_as_the_extract(real_checker):
    res = real_checker.resolve("hemp oil", "supplement")
    assert res.status.value == "ambiguous"
    assert {c.name for c in res.candidates} == {"full-spectrum hemp extract", "hemp seed oil"}
    result = real_checker.check(drugs=[], supplements=["hemp oil 1 tsp daily"], context=["lab-testing"])
    found = [f for f in result.findings if f.context and "THC" in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert any("'hemp oil' is ambiguous: this finding assumes full-spectrum hemp extract" in n for n in found[0].notes)


def test_hemp_seed_oil_has_no_known_interaction(real_checker):
    result = real_checker.check(drugs=["warfarin 5 mg daily"], supplements=["hemp seed oil 1 tbsp daily"],
                                context=["lab-testing"])
    assert result.items[-1].status.value == "recognized"
    assert not result.findings, [(f.title, f.severity.value) for f in result.findings]


@pytest.mark.parametrize(("drug", "words"), [
    ("warfarin 5 mg daily", "anticoagulant"),
    ("apixaban 5 mg twice daily", "anticoagulant"),
    ("clopidogrel 75 mg daily", "antiplatelet"),
])
def test_grape_seed_bleeding_entries_are_minor_and_preclinical(real_checker, drug, words):
    result = real_checker.check(drugs=[drug], supplements=["grape seed extract 100 mg daily"])
    found = [f for f in result.findings if f.drug and words in f.title and "bleeding" in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "curated"
    assert found[0].evidence.level.value == "preclinical"


def test_grape_seed_cyp3a4_inhibition_is_a_minor_in_vitro_finding(real_checker):
    result = real_checker.check(drugs=["ibrutinib 420 mg daily"], supplements=["grape seed extract 100 mg daily"])
    found = [f for f in _pair(result, "ibrutinib") if "CYP3A4" in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert "in vitro" in found[0].title


def test_mangosteen_with_tacrolimus(real_checker):
    result = real_checker.check(drugs=["tacrolimus 2 mg twice daily"], supplements=["mangosteen juice 2 oz daily"])
    found = [f for f in _pair(result, "tacrolimus") if "immunosuppression" in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"


def test_mangosteen_during_chemotherapy_and_radiation(real_checker):
    result = real_checker.check(drugs=["cyclophosphamide 600 mg/m2 every 3 weeks"],
                                supplements=["mangosteen juice 2 oz daily"], context=["radiation"])
    chemo = [f for f in _pair(result, "cyclophosphamide") if "chemotherapy" in f.title]
    radiation = [f for f in result.findings if f.context and not f.drug and "radiation" in f.title]
    assert chemo and radiation, [(f.title, f.severity.value) for f in result.findings]
    assert chemo[0].severity.value == "minor" and radiation[0].severity.value == "minor"
    assert chemo[0].evidence.level.value == "theoretical"


def test_acai_during_chemotherapy(real_checker):
    result = real_checker.check(drugs=["doxorubicin 60 mg/m2 every 3 weeks"], supplements=["acai 500 mg daily"])
    found = [f for f in _pair(result, "doxorubicin") if "chemotherapy" in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.level.value == "theoretical"


@pytest.mark.parametrize("supplement", [
    "grape seed extract 100 mg daily", "mangosteen juice 2 oz daily", "acai 500 mg daily",
])
def test_negative_control_metformin(real_checker, supplement):
    result = real_checker.check(drugs=["metformin 500 mg twice daily"], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items)
    assert not _pair(result, "metformin"), [(f.title, f.severity.value) for f in result.findings]


def test_acai_gives_no_radiation_finding(real_checker):
    result = real_checker.check(drugs=[], supplements=["acai 500 mg daily"], context=["radiation"])
    assert not result.findings, [(f.title, f.severity.value) for f in result.findings]
