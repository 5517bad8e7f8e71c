"""Cardiovascular, diabetes, psychiatric and pain combination products read as the drugs their labels or NDC records
list (real graph): Lotrel, Tribenzor, Aggrenox, Glucovance, Invokamet, Qternmet XR, Symbyax, Vicodin and Lortab (names
of the hydrocodone with acetaminophen set that reads Norco), Fioricet, Fioricet with Codeine, Fiorinal and Treximet."""

from __future__ import annotations

import pytest
from drugcheck import pair as _pair
from drugcheck import read_line as _read
from drugcheck import set_drugs as _drugs

LOTREL = {"amlodipine", "benazepril"}
TRIBENZOR = {"olmesartan", "amlodipine", "hydrochlorothiazide"}
AGGRENOX = {"aspirin", "dipyridamole"}
GLUCOVANCE = {"glyburide", "metformin"}
INVOKAMET = {"canagliflozin", "metformin"}
QTERNMET = {"dapagliflozin", "saxagliptin", "metformin"}
SYMBYAX = {"olanzapine", "fluoxetine"}
HYDROCODONE_APAP = {"hydrocodone", "acetaminophen"}
FIORICET = {"butalbital", "acetaminophen"}
FIORICET_CODEINE = {"butalbital", "acetaminophen", "codeine"}
FIORINAL = {"butalbital", "aspirin"}
TREXIMET = {"sumatriptan", "naproxen"}


@pytest.mark.parametrize("line, expected", [
    ("Lotrel", LOTREL), ("Lotrel 5/20 mg daily", LOTREL), ("amlodipine/benazepril 10/20 mg", LOTREL),
    ("amlodipine besylate and benazepril hydrochloride", LOTREL), ("Amlobenz", LOTREL),
    ("Tribenzor", TRIBENZOR), ("Tribenzor 40/10/25 mg daily", TRIBENZOR), ("olmesartan/amlodipine/HCTZ", TRIBENZOR),
    ("olmesartan medoxomil, amlodipine and hydrochlorothiazide", TRIBENZOR),
    ("Aggrenox", AGGRENOX), ("Aggrenox 1 capsule twice daily", AGGRENOX), ("aspirin/dipyridamole", AGGRENOX),
    ("aspirin and extended-release dipyridamole", AGGRENOX),
    ("Glucovance", GLUCOVANCE), ("Glucovance 5/500 mg BID", GLUCOVANCE), ("glyburide/metformin", GLUCOVANCE),
    ("glyburide-metformin 2.5/500", GLUCOVANCE),
    ("Invokamet", INVOKAMET), ("Invokamet 150/1000 mg twice daily", INVOKAMET), ("Invokamet XR", INVOKAMET),
    ("canagliflozin/metformin", INVOKAMET),
    ("Qternmet XR", QTERNMET), ("Qternmet XR 10/5/1000 mg daily", QTERNMET), ("Qternmet", QTERNMET),
    ("dapagliflozin/saxagliptin/metformin", QTERNMET),
    ("Symbyax", SYMBYAX), ("Symbyax 6/25 mg at bedtime", SYMBYAX), ("olanzapine/fluoxetine", SYMBYAX),
    ("Vicodin", HYDROCODONE_APAP), ("Vicodin 5/300 mg every 6 hours as needed", HYDROCODONE_APAP),
    ("Vicodin ES", HYDROCODONE_APAP), ("Vicodin HP 10/300", HYDROCODONE_APAP), ("Lortab 7.5/325", HYDROCODONE_APAP),
    ("Norco 5/325", HYDROCODONE_APAP),
    ("Fioricet", FIORICET), ("Fioricet 1-2 capsules every 4 hours as needed", FIORICET),
    ("butalbital/acetaminophen/caffeine", FIORICET), ("butalbital, acetaminophen, and caffeine", FIORICET),
    ("Fioricet with Codeine", FIORICET_CODEINE), ("Fioricet with codeine 1 capsule q4h prn", FIORICET_CODEINE),
    ("Fiorinal", FIORINAL), ("Fiorinal 1 capsule q4h prn", FIORINAL), ("butalbital/aspirin/caffeine", FIORINAL),
    ("Treximet", TREXIMET), ("Treximet 85/500 mg at migraine onset", TREXIMET), ("sumatriptan/naproxen", TREXIMET),
    ("sumatriptan succinate and naproxen sodium", TREXIMET),
])
def test_a_combination_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


def test_vicodin_and_lortab_are_names_of_the_norco_set_not_a_duplicate(real_checker):
    names = {_read(real_checker, line).match.name for line in ("Vicodin", "Lortab", "Norco")}
    assert names == {"hydrocodone and acetaminophen"}


@pytest.mark.parametrize("line", ["Fioricet 2 capsules", "Fiorinal", "Fioricet with Codeine"])
def test_the_caffeine_of_the_butalbital_products_is_said_not_read(real_checker, line):
    item = _read(real_checker, line)
    assert "caffeine" not in _drugs(item)
    assert any("caffeine" in n and "not read here" in n for n in item.reading.notes)


@pytest.mark.parametrize(("line", "drug"), [
    ("amlodipine", "amlodipine"), ("benazepril", "benazepril"), ("olmesartan", "olmesartan"),
    ("hydrochlorothiazide", "hydrochlorothiazide"), ("aspirin", "aspirin"), ("dipyridamole", "dipyridamole"),
    ("glyburide", "glyburide"), ("metformin", "metformin"), ("Invokana", "canagliflozin"),
    ("Farxiga", "dapagliflozin"), ("Onglyza", "saxagliptin"), ("Zyprexa", "olanzapine"), ("Prozac", "fluoxetine"),
    ("hydrocodone", "hydrocodone"), ("Tylenol", "acetaminophen"), ("codeine", "codeine"), ("Aleve", "naproxen"),
    ("butalbital", "butalbital"), ("Imitrex", "sumatriptan"), ("Azor", "Azor"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


@pytest.mark.parametrize(("line", "supplement", "name", "drug", "severity"), [
    # fluoxetine of Symbyax: St John's wort with SSRIs (curated class entry)
    ("Symbyax 6/25 mg at bedtime", "St John's wort 300 mg three times daily", "St John's wort", "fluoxetine", "major"),
    # benazepril of Lotrel: potassium with an ACE inhibitor
    ("Lotrel 5/20 mg daily", "potassium chloride 20 mEq daily", "potassium", "benazepril", "moderate"),
    # butalbital of Fioricet: the sedation rule through its CNS-depressant warning
    ("Fioricet 1-2 capsules every 4 hours as needed", "valerian 450 mg at bedtime", "valerian", "butalbital", "moderate"),
    # sumatriptan of Treximet: the serotonergic rule
    ("Treximet 85/500 mg", "St John's wort 300 mg three times daily", "St John's wort", "sumatriptan", "moderate"),
    # naproxen of Treximet: bleeding, from fish oil at the rule's dose (a 1 g dose stays silent)
    ("Treximet 85/500 mg", "fish oil 4 g daily", "fish oil", "naproxen", "moderate"),
])
def test_a_finding_reaches_a_drug_of_the_set(real_checker, line, supplement, name, drug, severity):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    found = _pair(result, name, drug)
    assert found, [(f.supplement.name, f.drug and f.drug.name, f.title) for f in result.findings]
    assert found[0].severity.value == severity
