"""Cardiovascular, diabetes and inhaled fixed-dose combinations read as the drugs their FDA NDC records list (real graph)."""

from __future__ import annotations

import pytest


def _read(checker, line: str):
    [item] = checker.check(drugs=[line], supplements=[]).items
    return item


def _drugs(item) -> set[str]:
    return {c.match.name for c in item.components if c.match is not None and c.match.method in ("regimen", "product")}


def _hits(checker, drug: str, supplement: str) -> dict[str, str]:
    result = checker.check(drugs=[drug], supplements=[supplement])
    return {f.drug.name: f.severity.value for f in result.findings if f.drug is not None}


VYTORIN = {"ezetimibe", "simvastatin"}
CADUET = {"amlodipine", "atorvastatin"}
EXFORGE = {"amlodipine", "valsartan"}
EXFORGE_HCT = {"amlodipine", "valsartan", "hydrochlorothiazide"}
HYZAAR = {"losartan", "hydrochlorothiazide"}
ZESTORETIC = {"lisinopril", "hydrochlorothiazide"}
AZOR = {"amlodipine", "olmesartan"}
XIGDUO = {"dapagliflozin", "metformin"}
SYNJARDY = {"empagliflozin", "metformin"}
JENTADUETO = {"linagliptin", "metformin"}
DULERA = {"mometasone", "formoterol"}


@pytest.mark.parametrize("line, expected", [
    ("Vytorin", VYTORIN), ("Vytorin 10/40 mg daily", VYTORIN), ("ezetimibe/simvastatin 10/40 mg daily", VYTORIN),
    ("Caduet", CADUET), ("Caduet 5/10 mg daily", CADUET), ("amlodipine besylate and atorvastatin calcium", CADUET),
    ("Exforge", EXFORGE), ("Exforge 5/160 mg daily", EXFORGE), ("amlodipine/valsartan", EXFORGE),
    ("Exforge HCT", EXFORGE_HCT), ("Exforge HCT 10/160/25 mg daily", EXFORGE_HCT),
    ("amlodipine/valsartan/HCTZ 10/160/25 mg daily", EXFORGE_HCT),
    ("Hyzaar", HYZAAR), ("Hyzaar 50/12.5 mg daily", HYZAAR), ("losartan/HCTZ 50/12.5 mg daily", HYZAAR),
    ("Zestoretic", ZESTORETIC), ("Zestoretic 20/12.5 mg daily", ZESTORETIC), ("lisinopril/HCTZ", ZESTORETIC),
    ("Azor", AZOR), ("Azor 5/20 mg daily", AZOR), ("amlodipine and olmesartan medoxomil", AZOR),
    ("Xigduo XR", XIGDUO), ("Xigduo XR 10/1000 mg once daily", XIGDUO), ("dapagliflozin/metformin", XIGDUO),
    ("Synjardy", SYNJARDY), ("Synjardy XR", SYNJARDY), ("Synjardy 5/1000 mg twice daily", SYNJARDY),
    ("empagliflozin and metformin hydrochloride", SYNJARDY),
    ("Jentadueto", JENTADUETO), ("Jentadueto XR", JENTADUETO), ("Jentadueto 2.5/1000 mg twice daily", JENTADUETO),
    ("linagliptin/metformin", JENTADUETO),
    ("Dulera", DULERA), ("Dulera 200/5 mcg 2 puffs twice daily", DULERA), ("mometasone/formoterol", DULERA),
])
def test_a_combination_product_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


@pytest.mark.parametrize("line, drug", [
    ("Zetia", "ezetimibe"), ("Zocor", "simvastatin"), ("Lipitor", "atorvastatin"), ("Norvasc", "amlodipine"),
    ("Diovan", "valsartan"), ("Cozaar", "losartan"), ("HCTZ", "hydrochlorothiazide"), ("Zestril", "lisinopril"),
    ("Benicar", "olmesartan"), ("Farxiga", "dapagliflozin"), ("Jardiance", "empagliflozin"),
    ("Tradjenta", "linagliptin"), ("Glucophage", "metformin"), ("Asmanex", "mometasone"), ("Perforomist", "formoterol"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


@pytest.mark.parametrize("line", ["Lotrel 5/20 mg daily", "Tribenzor 40/10/25 mg daily", "Aggrenox 1 capsule twice daily",
                                  "Glucovance 5/500 mg twice daily", "Symbyax 6/25 mg at bedtime"])
def test_a_combination_is_never_read_as_one_drug(real_checker, line):
    """These had no record read at first and were then not recognised; they are sets now (regimens-reg5.ttl),
    read as every drug of the product."""
    item = _read(real_checker, line)
    assert item.status.value == "recognized"
    assert len({c.match.name for c in item.components if c.match is not None}) >= 2


def test_a_finding_reaches_a_drug_of_the_set(real_checker):
    """Simvastatin is a CYP3A4 substrate: St John's wort's induction reaches it through a Vytorin line."""
    assert _hits(real_checker, "Vytorin 1 tablet daily", "St John's wort 300 mg three times daily").get("simvastatin") == "major"


def test_the_thiazide_and_the_angiotensin_blocker_both_meet_licorice(real_checker):
    hits = _hits(real_checker, "Hyzaar 50/12.5 mg daily", "licorice root 1 g daily")
    assert {"losartan", "hydrochlorothiazide"} <= set(hits)


def test_the_sglt2_combination_meets_a_glucose_lowering_supplement_through_both_drugs(real_checker):
    hits = _hits(real_checker, "Synjardy 5/1000 mg twice daily", "berberine 500 mg three times daily")
    assert {"empagliflozin", "metformin"} <= set(hits)
