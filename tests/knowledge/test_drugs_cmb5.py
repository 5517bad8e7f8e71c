"""Acid-suppressing, gut-motility, thyroid, progestin and uricosuric drugs added together (real graph): cimetidine,
ranitidine, misoprostol, linaclotide, lubiprostone, methylnaltrexone, naloxegol, liothyronine, desiccated thyroid,
propylthiouracil, oral micronized progesterone, norethindrone and probenecid.

Names and brands resolve to the drug. Each sourced fact gives its finding as a sibling's does: the H2 blockers get
betaine HCl as famotidine does; liothyronine and desiccated thyroid are thyroid hormones (kelp, as levothyroxine);
desiccated thyroid carries levothyroxine's calcium binding, reasoned from its thyroxine content; propylthiouracil's
boxed liver injury reaches kava as methimazole's does; naloxegol is a sensitive CYP3A4 substrate whose exposure
rifampin cut by 89% (St John's wort, grapefruit); progesterone is an in-vitro CYP3A4 substrate (minor). Pairs
without a fact stay silent: liothyronine's label does not name calcium, and methylnaltrexone has no CYP3A4 role.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


def _one(checker, drug: str, supplement: str, supplement_name: str, drug_name: str):
    return pair(checker.check(drugs=[drug], supplements=[supplement]), supplement_name, drug_name)


def _severities(findings) -> list[str]:
    return sorted(f.severity.value for f in findings)


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("cimetidine", "cimetidine"), ("Tagamet", "cimetidine"), ("Tagamet HB", "cimetidine"),
    ("ranitidine", "ranitidine"), ("ranitidine hydrochloride", "ranitidine"),
    ("misoprostol", "misoprostol"), ("Cytotec", "misoprostol"),
    ("linaclotide", "linaclotide"), ("Linzess", "linaclotide"),
    ("lubiprostone", "lubiprostone"), ("Amitiza", "lubiprostone"),
    ("methylnaltrexone", "methylnaltrexone"), ("Relistor", "methylnaltrexone"),
    ("naloxegol", "naloxegol"), ("Movantik", "naloxegol"), ("Moventig", "naloxegol"),
    ("liothyronine", "liothyronine"), ("Cytomel", "liothyronine"), ("liothyronine sodium", "liothyronine"),
    ("Armour Thyroid", "desiccated thyroid"), ("NP Thyroid", "desiccated thyroid"),
    ("desiccated thyroid", "desiccated thyroid"),
    ("propylthiouracil", "propylthiouracil"), ("PTU", "propylthiouracil"),
    ("Prometrium", "progesterone"), ("micronized progesterone", "progesterone"),
    ("norethindrone", "norethindrone"), ("norethisterone", "norethindrone"), ("Errin", "norethindrone"),
    ("Camila", "norethindrone"), ("Aygestin", "norethindrone"),
    ("probenecid", "probenecid"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Movantik 25 mg every morning", "naloxegol"),
    ("Armour Thyroid 60 mg daily", "desiccated thyroid"),
    ("Cytomel 5 mcg daily", "liothyronine"),
    ("PTU 100 mg three times daily", "propylthiouracil"),
    ("Prometrium 200 mg at bedtime", "progesterone"),
    ("Linzess 145 mcg daily", "linaclotide"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


def test_classes_reach_the_siblings_classes(real_checker):
    assert "opioid-antagonist" in closure(real_checker, "naloxegol")
    assert "opioid-antagonist" in closure(real_checker, "methylnaltrexone")
    assert "mucosal-protectant" in closure(real_checker, "misoprostol")
    assert "urate-lowering-agent" in closure(real_checker, "probenecid")
    assert "laxative" in closure(real_checker, "linaclotide")
    assert "progestin" in closure(real_checker, "norethindrone")


# ----------------------------------------------------------------------------- H2 blockers
@pytest.mark.parametrize("drug", ["cimetidine", "ranitidine"])
def test_betaine_hcl_entry_for_h2_blockers_reaches_the_new_ones(real_checker, drug):
    sibling = _one(real_checker, "famotidine", "betaine HCl", "betaine HCl", "famotidine")
    found = _one(real_checker, drug, "betaine HCl", "betaine HCl", drug)
    assert found and [f.title for f in found] == [f.title for f in sibling]


# ----------------------------------------------------------------------------- thyroid
@pytest.mark.parametrize(("line", "drug"), [("Cytomel 25 mcg daily", "liothyronine"),
                                            ("Armour Thyroid 60 mg daily", "desiccated thyroid")])
def test_kelp_entry_for_thyroid_hormones_reaches_them(real_checker, line, drug):
    sibling = _one(real_checker, "levothyroxine", "kelp", "kelp", "levothyroxine")
    found = _one(real_checker, line, "kelp", "kelp", drug)
    assert found and _severities(found) == _severities(sibling)


def test_calcium_binds_desiccated_thyroid_as_it_binds_levothyroxine(real_checker):
    found = _one(real_checker, "Armour Thyroid 60 mg daily", "calcium carbonate 600 mg", "calcium",
                 "desiccated thyroid")
    [f] = found
    assert f.kind.value == "pharmacokinetic"
    assert "4 hours" in f.management


def test_calcium_is_silent_with_liothyronine(real_checker):
    """Negative control: the Cytomel table of absorption binders names no calcium, and no property is reasoned."""
    assert not _one(real_checker, "Cytomel 25 mcg daily", "calcium carbonate 600 mg", "calcium", "liothyronine")


def test_kava_adds_to_propylthiouracil_liver_injury_as_to_methimazole(real_checker):
    sibling = _one(real_checker, "methimazole", "kava", "kava", "methimazole")
    found = _one(real_checker, "PTU 100 mg three times daily", "kava", "kava", "propylthiouracil")
    assert any("liver" in f.title for f in found)
    assert _severities(found) == _severities(sibling)


# ----------------------------------------------------------------------------- CYP3A4
def test_st_johns_wort_lowers_naloxegol(real_checker):
    [f] = _one(real_checker, "Movantik 25 mg daily", "St John's wort 300 mg three times daily", "St John's wort",
               "naloxegol")
    assert f.kind.value == "pharmacokinetic"
    assert f.severity.value == "major"


def test_grapefruit_raises_naloxegol(real_checker):
    found = _one(real_checker, "naloxegol 25 mg daily", "grapefruit juice", "grapefruit", "naloxegol")
    assert any(f.kind.value == "pharmacokinetic" and f.severity.value in {"moderate", "major"} for f in found)


def test_st_johns_wort_and_progesterone_stay_minor_in_vitro(real_checker):
    [f] = _one(real_checker, "Prometrium 200 mg at bedtime", "St John's wort", "St John's wort", "progesterone")
    assert f.severity.value == "minor"


def test_st_johns_wort_is_silent_with_methylnaltrexone(real_checker):
    """Negative control: no CYP3A4 role is recorded for methylnaltrexone (its label was not read)."""
    assert not _one(real_checker, "Relistor 450 mg daily", "St John's wort", "St John's wort", "methylnaltrexone")
