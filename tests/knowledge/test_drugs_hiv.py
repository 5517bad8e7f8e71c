"""HIV, hepatitis C and COVID-19 antivirals added together (real graph): bictegravir, emtricitabine, tenofovir
alafenamide, elvitegravir, cobicistat, dolutegravir, raltegravir, cabotegravir, rilpivirine, lamivudine, abacavir,
darunavir, ritonavir, nirmatrelvir, molnupiravir, sofosbuvir, velpatasvir, ledipasvir, glecaprevir, pibrentasvir.

Names and brands resolve to the drug. Each sourced fact gives its finding: the BIKTARVY label separates bictegravir
from magnesium (6 h) and calcium (2 h) and advises against St John's wort; integrase inhibitors bound by polyvalent
cations get the absorption finding levothyroxine-type drugs get; the GENVOYA label contraindicates St John's wort
with elvitegravir and cobicistat; the NORVIR label with ritonavir; the PAXLOVID label contraindicates strong CYP3A
inducers with nirmatrelvir; the sofosbuvir-velpatasvir label advises against St John's wort; rilpivirine's CYP3A
role meets St John's wort. Drugs without a fact stay silent.
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
    ("bictegravir", "bictegravir"), ("bictegravir sodium", "bictegravir"),
    ("emtricitabine", "emtricitabine"), ("FTC", "emtricitabine"),
    ("tenofovir alafenamide", "tenofovir alafenamide"), ("TAF", "tenofovir alafenamide"),
    ("Vemlidy", "tenofovir alafenamide"), ("tenofovir alafenamide fumarate", "tenofovir alafenamide"),
    ("elvitegravir", "elvitegravir"), ("cobicistat", "cobicistat"), ("Tybost", "cobicistat"),
    ("dolutegravir", "dolutegravir"), ("Tivicay", "dolutegravir"), ("Tivicay PD", "dolutegravir"),
    ("raltegravir", "raltegravir"), ("Isentress", "raltegravir"), ("Isentress HD", "raltegravir"),
    ("cabotegravir", "cabotegravir"), ("rilpivirine", "rilpivirine"), ("Edurant", "rilpivirine"),
    ("lamivudine", "lamivudine"), ("abacavir", "abacavir"), ("abacavir sulfate", "abacavir"),
    ("darunavir", "darunavir"), ("Prezista", "darunavir"), ("ritonavir", "ritonavir"), ("Norvir", "ritonavir"),
    ("nirmatrelvir", "nirmatrelvir"), ("molnupiravir", "molnupiravir"), ("Lagevrio", "molnupiravir"),
    ("sofosbuvir", "sofosbuvir"), ("Sovaldi", "sofosbuvir"), ("velpatasvir", "velpatasvir"),
    ("ledipasvir", "ledipasvir"), ("glecaprevir", "glecaprevir"), ("pibrentasvir", "pibrentasvir"),
    ("Viread", "tenofovir"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Tivicay 50 mg once daily", "dolutegravir"),
    ("Isentress HD 1200 mg once daily", "raltegravir"),
    ("Edurant 25 mg daily with a meal", "rilpivirine"),
    ("Norvir 100 mg daily", "ritonavir"),
    ("Vemlidy 25 mg daily", "tenofovir alafenamide"),
    ("Sovaldi 400 mg daily", "sofosbuvir"),
    ("Lagevrio 800 mg every 12 hours for 5 days", "molnupiravir"),
    ("Prezista 800 mg daily", "darunavir"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- classes
def test_class_memberships(real_checker):
    for d in ("bictegravir", "elvitegravir", "dolutegravir", "raltegravir", "cabotegravir"):
        assert {"hiv-integrase-inhibitor", "antiretroviral", "antiviral"} <= closure(real_checker, d), d
    assert "hiv-nrti" in closure(real_checker, "emtricitabine") & closure(real_checker, "lamivudine")
    assert "anti-hbv-antiviral" in closure(real_checker, "tenofovir alafenamide")
    assert "hiv-nnrti" in closure(real_checker, "rilpivirine")
    assert "pharmacokinetic-enhancer" in closure(real_checker, "ritonavir") & closure(real_checker, "cobicistat")
    assert "hcv-direct-acting-antiviral" in closure(real_checker, "sofosbuvir") & closure(real_checker, "glecaprevir")
    assert "sars-cov-2-antiviral" in closure(real_checker, "nirmatrelvir") & closure(real_checker, "molnupiravir")


# ----------------------------------------------------------------------------- label instructions and properties
def test_bictegravir_label_separates_magnesium_and_calcium(real_checker):
    [mg] = _one(real_checker, "bictegravir", "magnesium 400 mg", "magnesium", "bictegravir")
    assert mg.severity.value == "moderate"
    assert "the label says separate doses from magnesium" in mg.title
    [ca] = _one(real_checker, "bictegravir", "calcium 600 mg", "calcium", "bictegravir")
    assert ca.severity.value == "moderate"
    assert "label" in ca.title


@pytest.mark.parametrize("drug", ["bictegravir", "Vemlidy 25 mg daily"])
def test_biktarvy_label_advises_against_st_johns_wort(real_checker, drug):
    name = line_names(real_checker, drug)[0]
    [f] = _one(real_checker, drug, "St John's wort", "St John's wort", name)
    assert f.severity.value == "major"
    assert "the label says avoid St John's wort" in f.title


@pytest.mark.parametrize(("drug", "name"), [
    ("dolutegravir", "dolutegravir"), ("Isentress 400 mg twice daily", "raltegravir"),
    ("elvitegravir", "elvitegravir")])
def test_integrase_inhibitors_meet_polyvalent_cations(real_checker, drug, name):
    [f] = _one(real_checker, drug, "calcium carbonate 600 mg", "calcium", name)
    assert f.severity.value == "moderate"
    # a label that gives the hours apart speaks (dolutegravir); else the cation entry
    assert f.title in (f"calcium reduces the absorption of {name}",
                       f"calcium with {name}: the label says separate doses from calcium")


@pytest.mark.parametrize(("drug", "name"), [
    ("elvitegravir", "elvitegravir"), ("cobicistat", "cobicistat"), ("Norvir 100 mg daily", "ritonavir")])
def test_labels_contraindicate_st_johns_wort(real_checker, drug, name):
    [f] = _one(real_checker, drug, "St John's wort", "St John's wort", name)
    assert f.severity.value == "major"
    assert "contraindicated with St John's wort" in f.title


def test_paxlovid_label_contraindicates_strong_cyp3a_inducers(real_checker):
    [f] = _one(real_checker, "nirmatrelvir", "St John's wort", "St John's wort", "nirmatrelvir")
    assert f.severity.value == "major"
    assert "contraindicated with strong CYP3A4 inducers" in f.title


@pytest.mark.parametrize("drug", ["sofosbuvir", "velpatasvir"])
def test_hcv_label_advises_against_st_johns_wort(real_checker, drug):
    [f] = _one(real_checker, drug, "St John's wort", "St John's wort", drug)
    assert f.severity.value == "major"
    assert "the label says avoid St John's wort" in f.title


def test_rilpivirine_cyp3a_role_meets_st_johns_wort(real_checker):
    [f] = _one(real_checker, "Edurant 25 mg daily", "St John's wort", "St John's wort", "rilpivirine")
    assert f.severity.value == "moderate"
    assert "lower rilpivirine exposure" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement", "supplement_name", "name"), [
    ("lamivudine", "calcium 600 mg", "calcium", "lamivudine"),
    ("Lagevrio 800 mg twice daily", "St John's wort", "St John's wort", "molnupiravir"),
    ("emtricitabine", "magnesium 400 mg", "magnesium", "emtricitabine"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement, supplement_name, name):
    assert _one(real_checker, drug, supplement, supplement_name, name) == []
