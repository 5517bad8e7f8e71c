"""Comorbidity and supportive drugs of consult lists (real graph).

The low-molecular-weight heparins of cancer-associated thrombosis (dalteparin, tinzaparin) and fondaparinux as
anticoagulants, prasugrel and cilostazol as antiplatelet drugs (cilostazol with its label's dose reduction for
CYP3A4 and CYP2C19 inhibitors), ibandronate and risedronate as bisphosphonates whose absorption calcium and other
cations block, raloxifene under endocrine therapy, conjugated estrogens under the estrogen class, and emicizumab
as a therapeutic protein. Each fact gives its finding with a supplement as a sibling drug gets it, and negative
controls stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("dalteparin", "dalteparin"), ("Fragmin", "dalteparin"),
    ("tinzaparin", "tinzaparin"), ("Innohep", "tinzaparin"),
    ("fondaparinux", "fondaparinux"), ("Arixtra", "fondaparinux"),
    ("prasugrel", "prasugrel"), ("Effient", "prasugrel"),
    ("cilostazol", "cilostazol"), ("Pletal", "cilostazol"),
    ("ibandronate", "ibandronate"), ("Boniva", "ibandronate"),
    ("risedronate", "risedronate"), ("Actonel", "risedronate"), ("Atelvia", "risedronate"),
    ("raloxifene", "raloxifene"), ("Evista", "raloxifene"),
    ("conjugated estrogens", "conjugated estrogens"), ("Premarin", "conjugated estrogens"),
    ("emicizumab", "emicizumab"), ("Hemlibra", "emicizumab"),
])
def test_names_resolve(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Fragmin 200 IU/kg subcut daily", "dalteparin"),
    ("Effient 10 mg daily", "prasugrel"),
    ("Boniva 150 mg once monthly", "ibandronate"),
    ("Premarin 0.625 mg daily", "conjugated estrogens"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


@pytest.mark.parametrize("drug", ["dalteparin", "tinzaparin", "fondaparinux"])
def test_an_anticoagulant_gets_ginkgo_as_enoxaparin_does(real_checker, drug):
    sibling = pair(real_checker.check(drugs=["enoxaparin"], supplements=["ginkgo 120 mg daily"]), "ginkgo", "enoxaparin")
    found = pair(real_checker.check(drugs=[drug], supplements=["ginkgo 120 mg daily"]), "ginkgo", drug)
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling] == ["moderate"]
    assert "bleeding risk of " + drug in found[0].title


def test_the_heparins_are_in_the_heparin_class_and_fondaparinux_is_not(real_checker):
    assert {"heparin", "anticoagulant"} <= closure(real_checker, "dalteparin")
    assert {"heparin", "anticoagulant"} <= closure(real_checker, "tinzaparin")
    assert "anticoagulant" in closure(real_checker, "fondaparinux")
    assert "heparin" not in closure(real_checker, "fondaparinux")


@pytest.mark.parametrize("drug", ["prasugrel", "cilostazol"])
def test_an_antiplatelet_drug_gets_ginkgo_as_clopidogrel_does(real_checker, drug):
    sibling = pair(real_checker.check(drugs=["clopidogrel"], supplements=["ginkgo 120 mg"]), "ginkgo", "clopidogrel")
    found = pair(real_checker.check(drugs=[drug], supplements=["ginkgo 120 mg"]), "ginkgo", drug)
    assert [(f.severity.value, f.title) for f in found] == [(f.severity.value, f.title) for f in sibling]
    assert found


@pytest.mark.parametrize(("supplement", "name", "target"), [
    ("grapefruit juice", "grapefruit", "CYP3A4"),
    ("CBD oil 25 mg", "cannabidiol (CBD)", "CYP2C19"),
])
def test_cilostazol_label_reduces_the_dose_with_inhibitors(real_checker, supplement, name, target):
    [f] = pair(real_checker.check(drugs=["cilostazol 100 mg twice daily"], supplements=[supplement]), name, "cilostazol")
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"
    assert "reduce the dose" in f.title and target in f.title


def test_st_johns_wort_is_silent_with_cilostazol(real_checker):
    """Negative control: the label text read speaks of inhibitors only, and no CYP role is recorded."""
    result = real_checker.check(drugs=["Pletal 100 mg twice daily"], supplements=["St John's wort 300 mg three times daily"])
    assert not pair(result, "St John's wort", "cilostazol")


@pytest.mark.parametrize(("supplement", "name"), [
    ("calcium carbonate 600 mg", "calcium"),
    ("magnesium oxide 400 mg", "magnesium"),
    ("multivitamin daily", "multivitamin"),
])
def test_ibandronate_label_separates_calcium_antacids_and_vitamins(real_checker, supplement, name):
    [f] = pair(real_checker.check(drugs=["Boniva 150 mg monthly"], supplements=[supplement]), name, "ibandronate")
    assert f.severity.value == "moderate"
    assert "the label says separate" in f.title


def test_the_plan_separates_ibandronate_by_an_hour(real_checker):
    from suppcheck.report import build_report

    result = real_checker.check(drugs=["Boniva 150 mg monthly"], supplements=["calcium carbonate 600 mg"])
    rows = build_report(result, real_checker.kb).plan
    assert any(r.action == "separate" and r.hours == 1 for r in rows)


@pytest.mark.parametrize(("supplement", "name"), [
    ("calcium carbonate 600 mg", "calcium"),
    ("iron 65 mg", "iron"),
])
def test_risedronate_absorption_falls_with_cations_as_alendronate_does(real_checker, supplement, name):
    [f] = pair(real_checker.check(drugs=["Actonel 35 mg weekly"], supplements=[supplement]), name, "risedronate")
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"


def test_raloxifene_is_endocrine_therapy_but_not_a_tamoxifen_serm(real_checker):
    assert "endocrine-therapy" in closure(real_checker, "raloxifene")
    assert "serm" not in closure(real_checker, "raloxifene")
    [f] = pair(real_checker.check(drugs=["Evista 60 mg daily"], supplements=["DHEA 25 mg"]), "DHEA", "raloxifene")
    assert f.severity.value == "moderate"


def test_soy_isoflavones_entry_for_tamoxifen_does_not_reach_raloxifene(real_checker):
    """Negative control: the SERM entries speak of tamoxifen."""
    result = real_checker.check(drugs=["Evista 60 mg daily"], supplements=["soy isoflavones 100 mg"])
    assert not [f for f in pair(result, "soy isoflavones", "raloxifene") if "tamoxifen" in f.title]


def test_conjugated_estrogens_share_the_estrogen_class(real_checker):
    assert "estrogen" in closure(real_checker, "conjugated estrogens")
    assert "endocrine-therapy" not in closure(real_checker, "conjugated estrogens")


def test_emicizumab_is_silent_with_st_johns_wort(real_checker):
    """Negative control: a therapeutic protein has no CYP role."""
    result = real_checker.check(drugs=["Hemlibra 3 mg/kg weekly"], supplements=["St John's wort 300 mg three times daily"])
    assert not pair(result, "St John's wort", "emicizumab")
