"""Oral anticancer drugs added with tag onc3 (real graph).

Avapritinib, ripretinib, pemigatinib, futibatinib, fruquintinib, momelotinib, pacritinib and quizartinib: their
names resolve; each label instruction gives its severity with the supplement the graph grades in the label's
category (St John's wort for strong CYP3A inducers, grapefruit for moderate CYP3A inhibitors); the warnings read
give their pharmacodynamic findings; and negative controls stay silent.
"""

from __future__ import annotations

import pytest
from suppcheck.models import Role


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("line", "expected"), [
    ("avapritinib 300 mg daily", "avapritinib"),
    ("Ayvakit 25 mg once daily", "avapritinib"),
    ("Ayvakyt 200 mg", "avapritinib"),
    ("ripretinib 150 mg daily", "ripretinib"),
    ("Qinlock 50 mg x3 tablets daily", "ripretinib"),
    ("pemigatinib 13.5 mg daily 14 days on 7 off", "pemigatinib"),
    ("Pemazyre 9 mg", "pemigatinib"),
    ("futibatinib 20 mg daily", "futibatinib"),
    ("Lytgobi 4 mg tablets x5", "futibatinib"),
    ("fruquintinib 5 mg days 1-21", "fruquintinib"),
    ("Fruzaqla 5 mg", "fruquintinib"),
    ("momelotinib 200 mg daily", "momelotinib"),
    ("Ojjaara 200 mg", "momelotinib"),
    ("Omjjara 150 mg", "momelotinib"),
    ("pacritinib 200 mg twice daily", "pacritinib"),
    ("Vonjo 100 mg capsules", "pacritinib"),
    ("quizartinib 35.4 mg daily", "quizartinib"),
    ("Vanflyta 17.7 mg", "quizartinib"),
])
def test_names_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.drug)
    assert item.match is not None and item.match.name == expected, line


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize(("drug", "name", "words"), [
    ("Lytgobi 20 mg daily", "futibatinib", "avoid strong CYP3A4 inducers"),
    ("Fruzaqla 5 mg", "fruquintinib", "avoid strong CYP3A4 inducers"),
    ("Vonjo 200 mg twice daily", "pacritinib", "contraindicated with strong CYP3A4 inducers"),
    ("Pemazyre 13.5 mg daily", "pemigatinib", "St John's wort with pemigatinib"),
])
def test_st_johns_wort_gets_the_label_severity(real_checker, drug, name, words):
    result = real_checker.check(drugs=[drug], supplements=["St John's wort 900 mg daily"])
    found = _pair(result, "St John's wort", name)
    [f] = [x for x in found if "the label says" in x.title]
    assert f.severity.value == "major"
    assert words in f.title


def test_grapefruit_follows_the_moderate_inhibitor_instruction(real_checker):
    result = real_checker.check(drugs=["Ayvakit 300 mg daily"], supplements=["grapefruit juice daily"])
    found = _pair(result, "grapefruit", "avapritinib")
    [f] = [x for x in found if "the label says" in x.title]
    assert f.severity.value == "major"
    assert "avoid moderate CYP3A4 inhibitors" in f.title
    assert "the starting dose of avapritinib must be reduced from 300 mg to 100 mg" in f.management


def test_the_swiss_pemigatinib_text_names_grapefruit(real_checker):
    result = real_checker.check(drugs=["Pemazyre 13.5 mg daily"], supplements=["grapefruit juice daily"])
    found = _pair(result, "grapefruit", "pemigatinib")
    [f] = [x for x in found if "the label says" in x.title]
    assert f.severity.value == "major"
    assert "avoid grapefruit" in f.title
    assert "pamplemousse" in f.management


def test_the_futibatinib_finding_quotes_the_fold_change_and_cites_the_smpc(real_checker):
    result = real_checker.check(drugs=["futibatinib 20 mg"], supplements=["St John's wort"])
    [f] = [x for x in _pair(result, "St John's wort", "futibatinib") if "the label says" in x.title]
    assert "0.36-fold" in f.evidence.summary
    assert any(s.title.startswith("Lytgobi (futibatinib)") for s in f.evidence.sources)


# ----------------------------------------------------------------------------- exposure roles
@pytest.mark.parametrize(("drug", "name"), [
    ("Ayvakit 300 mg", "avapritinib"),
    ("Qinlock 150 mg", "ripretinib"),
    ("Vanflyta 35.4 mg", "quizartinib"),
])
def test_st_johns_wort_is_major_with_the_cyp3a_substrates(real_checker, drug, name):
    result = real_checker.check(drugs=[drug], supplements=["St John's wort"])
    found = _pair(result, "St John's wort", name)
    assert any(f.severity.value == "major" for f in found)


# ----------------------------------------------------------------------------- warnings read
@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "word"), [
    ("Vonjo 200 mg twice daily", "pacritinib", "ginkgo biloba 120 mg", "ginkgo", "bleeding"),
    ("Fruzaqla 5 mg", "fruquintinib", "liquorice root 3 g daily", "licorice", "blood-pressure"),
    ("Vanflyta 35.4 mg", "quizartinib", "liquorice root 3 g daily", "licorice", "QT prolongation"),
    ("Ojjaara 200 mg", "momelotinib", "green tea extract 800 mg", "green tea", "liver"),
])
def test_a_warning_gives_its_pharmacodynamic_finding(real_checker, drug, name, supplement, supp_name, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, supp_name, name)
    assert any(word in f.title and f.severity.value == "moderate" for f in found)


# ----------------------------------------------------------------------------- negative controls
def test_grapefruit_does_not_take_the_pacritinib_contraindication(real_checker):
    """The VONJO label contraindicates strong CYP3A4 inhibitors; the graph grades grapefruit a moderate one."""
    result = real_checker.check(drugs=["Vonjo 200 mg twice daily"], supplements=["grapefruit juice"])
    found = _pair(result, "grapefruit", "pacritinib")
    assert not [f for f in found if "the label says" in f.title]
    assert all(f.severity.value != "major" for f in found)


def test_vitamin_b12_is_silent_with_the_new_drugs(real_checker):
    result = real_checker.check(
        drugs=["Ojjaara 200 mg", "Vanflyta 35.4 mg", "Pemazyre 13.5 mg", "Fruzaqla 5 mg"],
        supplements=["vitamin B12 1000 mcg daily"])
    assert not [f for f in result.findings if f.drug is not None]
