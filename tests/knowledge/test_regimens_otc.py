"""Over-the-counter combination products read as the drugs their records list (real graph): Mucinex DM and D,
NyQuil Cold & Flu and Severe, Excedrin Extra Strength / Migraine and PM Triple Action, Tylenol PM and the other
acetaminophen-diphenhydramine products, Advil PM and Motrin PM, Aleve PM, Goody's Extra Strength and Midol Complete.

Brand names whose products differ in composition are ambiguous ("Excedrin PM", "NyQuil") and checked as each
composition; products holding caffeine say that their caffeine, a supplement of the graph, is not read.
"""

from __future__ import annotations

import pytest
from drugcheck import read_line as _read
from drugcheck import set_drugs as _drugs
from suppcheck.models import Role

MUCINEX_DM = {"guaifenesin", "dextromethorphan"}
MUCINEX_D = {"guaifenesin", "pseudoephedrine"}
NYQUIL = {"acetaminophen", "dextromethorphan", "doxylamine"}
NYQUIL_SEVERE = NYQUIL | {"phenylephrine"}
EXCEDRIN = {"acetaminophen", "aspirin"}
EXCEDRIN_PM_TRIPLE = {"acetaminophen", "aspirin", "diphenhydramine"}
APAP_DPH = {"acetaminophen", "diphenhydramine"}
IBU_DPH = {"ibuprofen", "diphenhydramine"}
ALEVE_PM = {"naproxen", "diphenhydramine"}
MIDOL = {"acetaminophen", "pyrilamine"}


@pytest.mark.parametrize("line, expected", [
    ("Mucinex DM", MUCINEX_DM), ("Mucinex DM 1 tablet every 12 hours", MUCINEX_DM),
    ("guaifenesin/dextromethorphan", MUCINEX_DM), ("guaifenesin and dextromethorphan hydrobromide", MUCINEX_DM),
    ("Mucinex D", MUCINEX_D), ("Mucinex D Maximum Strength", MUCINEX_D), ("guaifenesin and pseudoephedrine", MUCINEX_D),
    ("NyQuil Cold & Flu", NYQUIL), ("Vicks NyQuil Cold and Flu 30 mL at bedtime", NYQUIL),
    ("NyQuil High Blood Pressure Cold and Flu", NYQUIL), ("acetaminophen/dextromethorphan/doxylamine", NYQUIL),
    ("NyQuil Severe Cold & Flu", NYQUIL_SEVERE), ("NyQuil Severe", NYQUIL_SEVERE),
    ("Excedrin Extra Strength", EXCEDRIN), ("Excedrin Migraine", EXCEDRIN),
    ("Excedrin Migraine 2 tablets as needed", EXCEDRIN), ("Excedrin Migraine Relief", EXCEDRIN),
    ("Goody's Extra Strength", EXCEDRIN), ("Goody's Extra Strength Headache Powder", EXCEDRIN),
    ("Excedrin PM Triple Action", EXCEDRIN_PM_TRIPLE), ("Excedrin PM Triple Action Caplets", EXCEDRIN_PM_TRIPLE),
    ("Tylenol PM", APAP_DPH), ("Tylenol PM Extra Strength 2 caplets at bedtime", APAP_DPH), ("Panadol PM", APAP_DPH),
    ("Unisom PM Pain", APAP_DPH), ("acetaminophen and diphenhydramine", APAP_DPH),
    ("Advil PM", IBU_DPH), ("Motrin PM 2 tablets at bedtime", IBU_DPH), ("ibuprofen/diphenhydramine", IBU_DPH),
    ("Aleve PM", ALEVE_PM), ("Aleve PM 1 caplet at bedtime", ALEVE_PM), ("naproxen sodium and diphenhydramine", ALEVE_PM),
    ("Midol Complete", MIDOL), ("Midol Complete 2 caplets every 6 hours", MIDOL),
])
def test_a_combination_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


@pytest.mark.parametrize("line, candidates, drugs", [
    ("Excedrin PM", {"Excedrin PM Triple Action", "acetaminophen and diphenhydramine"}, EXCEDRIN_PM_TRIPLE),
    ("NyQuil", {"NyQuil Cold & Flu", "NyQuil Severe Cold & Flu"}, NYQUIL_SEVERE),
    ("Vicks NyQuil 30 mL at bedtime", {"NyQuil Cold & Flu", "NyQuil Severe Cold & Flu"}, NYQUIL_SEVERE),
])
def test_a_brand_of_several_compositions_is_ambiguous_and_checked_as_each(real_checker, line, candidates, drugs):
    item = _read(real_checker, line)
    assert item.status.value == "ambiguous"
    assert {c.name for c in item.candidates} == candidates
    assert _drugs(item) == drugs


@pytest.mark.parametrize("line", ["Excedrin Migraine", "Goody's Extra Strength", "Midol Complete"])
def test_a_product_with_caffeine_says_its_caffeine_is_not_read(real_checker, line):
    item, _ = real_checker.item(line, Role.drug)
    assert any("caffeine is not read" in n for n in item.reading.notes)


@pytest.mark.parametrize("line", ["Excedrin", "Alka-Seltzer Original", "BC Powder"])
def test_products_that_are_not_sets_are_not_read_as_one_drug(real_checker, line):
    item, _ = real_checker.item(line, Role.drug)
    assert item.status.value == "unrecognized"
    assert not item.components


@pytest.mark.parametrize("line, drug", [
    ("Tylenol", "acetaminophen"), ("Advil", "ibuprofen"), ("Aleve", "naproxen"), ("Benadryl", "diphenhydramine"),
    ("Mucinex", "guaifenesin"), ("Unisom SleepTabs", "doxylamine"), ("dextromethorphan", "dextromethorphan"),
    ("pseudoephedrine", "pseudoephedrine"), ("aspirin", "aspirin"), ("pyrilamine", "pyrilamine"), ("DayQuil", "DayQuil"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


@pytest.mark.parametrize("line, supplement, drug", [
    # the doxylamine of NyQuil adds to valerian's sedation
    ("NyQuil Cold & Flu 30 mL at bedtime", "valerian 450 mg", "doxylamine"),
    # the dextromethorphan of Mucinex DM with St John's wort (serotonergic)
    ("Mucinex DM 1 tablet twice daily", "St John's wort 300 mg three times daily", "dextromethorphan"),
    # the naproxen of Aleve PM with fish oil (bleeding)
    ("Aleve PM 1 caplet at bedtime", "fish oil 4000 mg daily", "naproxen"),
    # the pyrilamine of Midol Complete with valerian (sedation)
    ("Midol Complete 2 caplets", "valerian 450 mg", "pyrilamine"),
])
def test_a_finding_reaches_a_drug_of_the_set(real_checker, line, supplement, drug):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    found = [f for f in result.findings if f.drug is not None and f.drug.name == drug]
    assert found and found[0].severity.value == "moderate"


def test_the_aspirin_of_excedrin_pm_triple_action_meets_ginkgo(real_checker):
    result = real_checker.check(drugs=["Excedrin PM Triple Action 2 caplets at bedtime"], supplements=["ginkgo 120 mg"])
    assert "aspirin" in {f.drug.name for f in result.findings if f.drug is not None}
