"""Oral anticancer drugs added together (real graph): capivasertib, inavolisib, elacestrant, lazertinib,
repotrectinib, olutasidenib, vorasidenib and belzutifan.

Their names, brands and salts resolve to them; each label instruction recorded gives its severity with the
supplement the graph grades in the label's category (St John's wort for CYP3A4 inducers, grapefruit for a named
product or for moderate CYP3A4 inhibitors, cannabidiol for CYP2C19 inhibitors); the warnings recorded as
properties reach the family rules (hyperglycaemia, hepatotoxicity); and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from suppcheck.models import Role


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("capivasertib", "capivasertib"),
    ("Truqap", "capivasertib"),
    ("AZD5363", "capivasertib"),
    ("inavolisib", "inavolisib"),
    ("Itovebi", "inavolisib"),
    ("elacestrant", "elacestrant"),
    ("Orserdu", "elacestrant"),
    ("elacestrant hydrochloride", "elacestrant"),
    ("lazertinib", "lazertinib"),
    ("Lazcluze", "lazertinib"),
    ("lazertinib mesylate", "lazertinib"),
    ("repotrectinib", "repotrectinib"),
    ("Augtyro", "repotrectinib"),
    ("olutasidenib", "olutasidenib"),
    ("Rezlidhia", "olutasidenib"),
    ("vorasidenib", "vorasidenib"),
    ("Voranigo", "vorasidenib"),
    ("belzutifan", "belzutifan"),
    ("Welireg", "belzutifan"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Truqap 400 mg twice daily, 4 days on 3 off", "capivasertib"),
    ("Orserdu 345 mg daily with food", "elacestrant"),
    ("Augtyro 160 mg BID", "repotrectinib"),
    ("Welireg 120 mg once daily", "belzutifan"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    # a schedule after a comma ("4 days on 3 off") is read as a further part that names nothing
    item, _ = real_checker.item(line, Role.drug)
    names = [item.match.name] if item.match is not None else [
        c.match.name for c in item.components if c.match is not None]
    assert names == [expected], line


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize(("drug", "supplement", "name", "category"), [
    # EU SmPC 4.5: avoid moderate CYP3A4 inducers; a strong inducer falls under it
    ("capivasertib", "St John's wort", "St John's wort", "moderate CYP3A4 inducers"),
    # US label 2: avoid strong or moderate CYP3A4 inducers and inhibitors
    ("elacestrant", "St John's wort", "St John's wort", "strong CYP3A4 inducers"),
    # EU SmPC 4.4 names grapefruit and grapefruit juice
    ("elacestrant", "grapefruit juice", "grapefruit", "grapefruit"),
    # US label 7.1: avoid strong or moderate CYP3A inducers and inhibitors
    ("repotrectinib", "St John's wort", "St John's wort", "strong CYP3A4 inducers"),
    ("repotrectinib", "grapefruit", "grapefruit", "moderate CYP3A4 inhibitors"),
])
def test_label_avoid_gives_major(real_checker, drug, supplement, name, category):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = _pair(result, name, drug)
    assert f.severity.value == "major"
    assert f"the label says avoid {category}" in f.title


def test_belzutifan_label_monitor_with_a_cyp2c19_inhibitor(real_checker):
    # US label 7.1: UGT2B17 or CYP2C19 inhibitors, monitor for anaemia and hypoxia; no study read, so minor
    result = real_checker.check(drugs=["Welireg 120 mg daily"], supplements=["CBD oil 25 mg"])
    [f] = _pair(result, "cannabidiol (CBD)", "belzutifan")
    assert f.severity.value == "minor"
    assert "the label says monitor with CYP2C19 inhibitors" in f.title


# ----------------------------------------------------------------------------- properties from the warnings
@pytest.mark.parametrize("drug", ["capivasertib", "inavolisib"])
def test_hyperglycaemic_drug_with_niacin_is_moderate(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["niacin 1000 mg twice daily"])
    [f] = _pair(result, "niacin", drug)
    assert f.severity.value == "moderate"
    assert "blood glucose" in f.title


def test_vorasidenib_with_green_tea_extract_is_moderate(real_checker):
    result = real_checker.check(drugs=["Voranigo 40 mg daily"], supplements=["green tea extract 800 mg"])
    [f] = _pair(result, "green tea", "vorasidenib")
    assert f.severity.value == "moderate"
    assert "liver" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # belzutifan's label names no CYP3A4 inducer or grapefruit category
    ("belzutifan", "St John's wort"),
    ("belzutifan", "grapefruit"),
    # vorasidenib carries no CYP3A4 fact
    ("vorasidenib", "grapefruit"),
    # nothing links a hyperglycaemic drug to a supplement that does not raise glucose
    ("capivasertib", "vitamin D 1000 IU"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
