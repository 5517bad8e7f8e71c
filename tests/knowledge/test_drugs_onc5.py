"""Oral anticancer drugs added together (real graph): selumetinib, mirdametinib, tovorafenib, tazemetostat,
nirogacestat, revumenib, ziftomenib and thioguanine.

Their names, brands, salts and code names resolve to them; each label instruction recorded gives its severity with
the supplement the graph grades in the label's category (St John's wort for CYP3A4 inducers, grapefruit for moderate
CYP3A4 inhibitors, cannabidiol for CYP2C19 inhibitors) or with the product the label names (grapefruit, Seville orange,
starfruit, antacid calcium and magnesium; vitamin E, which selumetinib capsules contain); the warnings recorded as properties
reach the family rules (QT, potassium, liver, bleeding); and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("selumetinib", "selumetinib"),
    ("Koselugo", "selumetinib"),
    ("selumetinib sulfate", "selumetinib"),
    ("AZD6244", "selumetinib"),
    ("mirdametinib", "mirdametinib"),
    ("Gomekli", "mirdametinib"),
    ("PD-0325901", "mirdametinib"),
    ("tovorafenib", "tovorafenib"),
    ("Ojemda", "tovorafenib"),
    ("DAY101", "tovorafenib"),
    ("tazemetostat", "tazemetostat"),
    ("Tazverik", "tazemetostat"),
    ("EPZ-6438", "tazemetostat"),
    ("nirogacestat", "nirogacestat"),
    ("Ogsiveo", "nirogacestat"),
    ("nirogacestat hydrobromide", "nirogacestat"),
    ("revumenib", "revumenib"),
    ("Revuforj", "revumenib"),
    ("SNDX-5613", "revumenib"),
    ("ziftomenib", "ziftomenib"),
    ("Komzifti", "ziftomenib"),
    ("thioguanine", "thioguanine"),
    ("Tabloid", "thioguanine"),
    ("tioguanine", "thioguanine"),
    ("6-thioguanine", "thioguanine"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Koselugo 25 mg BID", "selumetinib"),
    ("Gomekli 3 mg twice daily", "mirdametinib"),
    ("Ojemda 500 mg weekly", "tovorafenib"),
    ("Tazverik 800 mg BID", "tazemetostat"),
    ("Ogsiveo 50 mg tablets, 3 tabs twice daily", "nirogacestat"),
    ("Revuforj 160 mg BID", "revumenib"),
    ("Komzifti 600 mg daily", "ziftomenib"),
    ("6-thioguanine 80 mg PO daily", "thioguanine"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize(("drug", "supplement", "name", "category"), [
    # Swiss product information: avoid strong or moderate CYP3A4 inhibitors and CYP2C19 inhibitors
    ("selumetinib", "grapefruit juice", "grapefruit", "moderate CYP3A4 inhibitors"),
    ("selumetinib", "CBD oil 25 mg", "cannabidiol (CBD)", "moderate CYP2C19 inhibitors"),
    # US label 7: avoid strong or moderate CYP3A inhibitors (grapefruit products, Seville oranges, starfruit) and
    # inducers
    ("nirogacestat", "St John's wort", "St John's wort", "strong CYP3A4 inducers"),
    ("nirogacestat", "grapefruit", "grapefruit", "grapefruit"),
    ("nirogacestat", "Seville orange", "Seville orange", "Seville orange"),
    ("nirogacestat", "starfruit", "starfruit", "starfruit"),
])
def test_label_avoid_gives_major(real_checker, drug, supplement, name, category):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = _pair(result, name, drug)
    assert f.severity.value == "major"
    assert f"the label says avoid {category}" in f.title


@pytest.mark.parametrize(("supplement", "name"), [
    ("calcium carbonate 500 mg", "calcium"),
    ("magnesium 400 mg", "magnesium"),
])
def test_nirogacestat_label_separates_antacids(real_checker, supplement, name):
    # US label 7: nirogacestat can be staggered with antacids, 2 hours before or after
    result = real_checker.check(drugs=["Ogsiveo 150 mg BID"], supplements=[supplement])
    [f] = _pair(result, name, "nirogacestat")
    assert f.severity.value == "moderate"
    assert f"the label says separate doses from {name}" in f.title


def test_selumetinib_leaflet_vitamin_e_monitor(real_checker):
    # EU leaflet: the capsules contain vitamin E; tell the doctor about vitamin E supplements (bleeding). Vitamin E's
    # bleeding effect rests on case reports, so the monitor instruction is moderate (a pharmacodynamic label floor).
    result = real_checker.check(drugs=["Koselugo 25 mg BID"], supplements=["vitamin E 400 IU"])
    [f] = _pair(result, "vitamin E", "selumetinib")
    assert f.severity.value == "moderate"
    assert "the label says monitor with vitamin E" in f.title


# ----------------------------------------------------------------------------- properties from the warnings
@pytest.mark.parametrize(("drug", "supplement", "name", "word"), [
    ("revumenib", "licorice root", "licorice", "QT"),              # QT prolongation, phase 1 dose-limiting toxicity
    ("nirogacestat", "licorice root", "licorice", "potassium"),    # label 5.5: decreased potassium 22%
    ("thioguanine", "green tea extract 800 mg", "green tea", "liver"),   # LiverTox
    ("tovorafenib", "fish oil 4 g", "fish oil", "bleeding"),       # label 5.1: hemorrhage 37%
])
def test_warnings_reach_the_family_rules(real_checker, drug, supplement, name, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = _pair(result, name, drug)
    assert f.severity.value == "moderate"
    assert word in f.title


def test_tazemetostat_cyp3a4_substrate_infers_grapefruit(real_checker):
    # review: metabolised by CYP3A, halved dose with a moderate CYP3A inhibitor; no label instruction recorded
    result = real_checker.check(drugs=["tazemetostat"], supplements=["grapefruit"])
    [f] = _pair(result, "grapefruit", "tazemetostat")
    assert f.severity.value == "moderate"
    assert "CYP3A4" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # ziftomenib carries names and a class only
    ("ziftomenib", "St John's wort"),
    # revumenib carries no CYP fact (label section 7 not read)
    ("revumenib", "grapefruit"),
    # thioguanine: no CYP route, TPMT is not a target of the graph
    ("thioguanine", "St John's wort"),
    # the antacid window is nirogacestat's, not tazemetostat's
    ("tazemetostat", "calcium carbonate 500 mg"),
    # nothing links these drugs to vitamin D
    ("mirdametinib", "vitamin D 1000 IU"),
    ("selumetinib", "vitamin D 1000 IU"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
