"""Antiretroviral single-tablet regimens, Janumet and the Ellipta inhalers read as the drugs their FDA records list (real graph)."""

from __future__ import annotations

import pytest


def _read(checker, line: str):
    [item] = checker.check(drugs=[line], supplements=[]).items
    return item


def _drugs(item) -> set[str]:
    return {c.match.name for c in item.components if c.match is not None}


TRIUMEQ = {"abacavir", "dolutegravir", "lamivudine"}
DOVATO = {"dolutegravir", "lamivudine"}
ODEFSEY = {"emtricitabine", "rilpivirine", "tenofovir alafenamide"}
COMPLERA = {"emtricitabine", "rilpivirine", "tenofovir"}
GENVOYA = {"elvitegravir", "cobicistat", "emtricitabine", "tenofovir alafenamide"}
STRIBILD = {"elvitegravir", "cobicistat", "emtricitabine", "tenofovir"}
SYMTUZA = {"darunavir", "cobicistat", "emtricitabine", "tenofovir alafenamide"}
JANUMET = {"sitagliptin", "metformin"}
BREO = {"fluticasone furoate", "vilanterol"}
TRELEGY = {"fluticasone furoate", "umeclidinium", "vilanterol"}


@pytest.mark.parametrize("line, expected", [
    ("Triumeq", TRIUMEQ), ("Triumeq PD", TRIUMEQ), ("abacavir/dolutegravir/lamivudine", TRIUMEQ),
    ("ABC/DTG/3TC", TRIUMEQ), ("Triumeq 1 tablet daily", TRIUMEQ),
    ("Dovato", DOVATO), ("dolutegravir/lamivudine", DOVATO), ("DTG/3TC", DOVATO),
    ("Odefsey", ODEFSEY), ("FTC/RPV/TAF", ODEFSEY), ("emtricitabine/rilpivirine/tenofovir alafenamide", ODEFSEY),
    ("Complera", COMPLERA), ("Eviplera", COMPLERA), ("FTC/RPV/TDF", COMPLERA),
    ("Genvoya", GENVOYA), ("E/C/F/TAF", GENVOYA), ("EVG/c/FTC/TAF", GENVOYA),
    ("Stribild", STRIBILD), ("E/C/F/TDF", STRIBILD), ("EVG/COBI/FTC/TDF", STRIBILD),
    ("Symtuza", SYMTUZA), ("D/C/F/TAF", SYMTUZA), ("DRV/c/FTC/TAF", SYMTUZA),
    ("Janumet", JANUMET), ("Janumet XR", JANUMET), ("Janumet XR 50/1000 mg twice daily", JANUMET),
    ("sitagliptin/metformin", JANUMET),
    ("Breo Ellipta", BREO), ("Breo Ellipta 100/25 mcg 1 inhalation daily", BREO), ("FF/VI", BREO),
    ("Trelegy Ellipta", TRELEGY), ("Trelegy Ellipta 1 inhalation once daily", TRELEGY), ("FF/UMEC/VI", TRELEGY),
])
def test_a_combination_product_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


@pytest.mark.parametrize("line, expected", [
    ("Complera", "tenofovir"), ("Stribild", "tenofovir"),
    ("Odefsey", "tenofovir alafenamide"), ("Genvoya", "tenofovir alafenamide"), ("Symtuza", "tenofovir alafenamide"),
])
def test_the_tenofovir_of_each_product_is_the_right_one(real_checker, line, expected):
    tenofovirs = {d for d in _drugs(_read(real_checker, line)) if d.startswith("tenofovir")}
    assert tenofovirs == {expected}


def test_a_finding_reaches_a_drug_of_the_set(real_checker):
    """Cobicistat and elvitegravir carry the GENVOYA contraindication with St John's wort; Stribild holds both."""
    result = real_checker.check(drugs=["Stribild 1 tablet daily"], supplements=["St John's wort 300 mg three times daily"])
    hit = {f.drug.name: f.severity.value for f in result.findings if f.drug is not None}
    assert hit.get("elvitegravir") == "major"
    assert hit.get("cobicistat") == "major"


def test_janumet_meets_a_glucose_lowering_supplement_through_both_drugs(real_checker):
    result = real_checker.check(drugs=["Janumet 50/1000 mg twice daily"], supplements=["berberine 500 mg three times daily"])
    assert {"metformin", "sitagliptin"} <= {f.drug.name for f in result.findings if f.drug is not None}


@pytest.mark.parametrize("line, drug", [
    ("abacavir", "abacavir"), ("lamivudine", "lamivudine"), ("Tivicay", "dolutegravir"), ("Edurant", "rilpivirine"),
    ("Prezista", "darunavir"), ("Tybost", "cobicistat"), ("Viread", "tenofovir"), ("Vemlidy", "tenofovir alafenamide"),
    ("Januvia", "sitagliptin"), ("Glucophage", "metformin"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug
