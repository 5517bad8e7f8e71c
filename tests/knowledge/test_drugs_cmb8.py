"""Comorbidity drugs added together (real graph): vilanterol, umeclidinium, ferumoxytol, ferric derisomaltose, iron
dextran, gabapentin enacarbil, vibegron, mycophenolic acid, omalizumab, mepolizumab, benralizumab, beclomethasone,
mometasone and dexmethylphenidate.

Their names and brands resolve to them (gabapentin enacarbil and iron dextran apart from gabapentin and oral iron);
the label instructions read are loaded (strong CYP3A4 inhibitors for vilanterol, mometasone and beclomethasone;
magnesium antacids for Myfortic) and the properties reach a supplement as they reach the sibling drug (Myfortic as
CellCept, Horizant as gabapentin, Focalin as Ritalin with yohimbe); the antibodies carry no CYP role and stay silent with St John's
wort.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("vilanterol trifenatate", "vilanterol"), ("Incruse Ellipta", "umeclidinium"), ("umeclidinium bromide", "umeclidinium"),
    ("Feraheme", "ferumoxytol"), ("Monoferric", "ferric derisomaltose"), ("INFeD", "iron dextran"),
    ("iron dextran", "iron dextran"), ("Horizant", "gabapentin enacarbil"), ("gabapentin enacarbil", "gabapentin enacarbil"),
    ("Gemtesa", "vibegron"), ("Myfortic", "mycophenolic acid"), ("mycophenolate sodium", "mycophenolic acid"),
    ("Xolair", "omalizumab"), ("Nucala", "mepolizumab"), ("Fasenra", "benralizumab"), ("Qvar", "beclomethasone"),
    ("beclometasone", "beclomethasone"), ("Nasonex", "mometasone"), ("Asmanex HFA", "mometasone"),
    ("Focalin XR", "dexmethylphenidate"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


def test_mycophenolate_alone_stays_mycophenolate_mofetil(real_checker):
    assert_resolves(real_checker, "mycophenolate", "mycophenolate mofetil")
    assert_resolves(real_checker, "gabapentin", "gabapentin")


@pytest.mark.parametrize(("line", "expected"), [
    ("Myfortic 720 mg twice daily", "mycophenolic acid"),
    ("Horizant 600 mg at 5 pm", "gabapentin enacarbil"),
    ("Feraheme 510 mg IV", "ferumoxytol"),
    ("Nasonex 2 sprays each nostril daily", "mometasone"),
    ("Focalin XR 20 mg every morning", "dexmethylphenidate"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


@pytest.mark.parametrize(("drug", "expected"), [
    ("vilanterol", ("CYP3A4", "inhibition", "strong", "monitor")),
    ("mometasone", ("CYP3A4", "inhibition", "strong", "avoid")),
    ("beclomethasone", ("CYP3A4", "inhibition", "strong", "monitor")),
])
def test_strong_cyp3a4_inhibitor_instructions(real_checker, drug, expected):
    lis = real_checker.kb.label_instructions.get(f"https://w3id.org/suppcheck/drug/{drug}", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert expected in found, found


def test_grapefruit_reaches_vilanterol_through_cyp3a4(real_checker):
    found = pair(real_checker.check(drugs=["vilanterol"], supplements=["grapefruit"]), "grapefruit", "vilanterol")
    assert found and any("CYP3A4" in f.title for f in found)


def test_myfortic_separates_magnesium_as_cellcept_does(real_checker):
    sibling = pair(real_checker.check(drugs=["CellCept 1 g twice daily"], supplements=["magnesium oxide 400 mg"]),
                   "magnesium", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=["Myfortic 720 mg twice daily"], supplements=["magnesium oxide 400 mg"]),
                 "magnesium", "mycophenolic acid")
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]
    [f] = found
    assert f.severity.value == "moderate" and f.kind.value == "pharmacokinetic"
    assert "the label says separate" in f.title


def test_myfortic_is_an_immunosuppressant_as_cellcept_is(real_checker):
    sibling = pair(real_checker.check(drugs=["mycophenolate mofetil"], supplements=["echinacea"]),
                   "echinacea", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=["Myfortic"], supplements=["echinacea"]), "echinacea", "mycophenolic acid")
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]
    assert "immunosuppressant" in closure(real_checker, "mycophenolic acid")


def test_valerian_adds_to_horizant_sedation_as_to_gabapentin(real_checker):
    sibling = pair(real_checker.check(drugs=["gabapentin 300 mg"], supplements=["valerian"]), "valerian", "gabapentin")
    found = pair(real_checker.check(drugs=["Horizant 600 mg"], supplements=["valerian"]), "valerian", "gabapentin enacarbil")
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]


def test_yohimbe_adds_to_the_blood_pressure_rise_of_focalin_as_of_ritalin(real_checker):
    sibling = pair(real_checker.check(drugs=["Ritalin 10 mg"], supplements=["yohimbe"]), "yohimbe", "methylphenidate")
    found = pair(real_checker.check(drugs=["Focalin XR 20 mg"], supplements=["yohimbe"]), "yohimbe", "dexmethylphenidate")
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]
    assert "blood-pressure" in found[0].title


@pytest.mark.parametrize("drug", ["omalizumab", "mepolizumab", "benralizumab"])
def test_antibodies_are_silent_with_st_johns_wort(real_checker, drug):
    """Negative control: a therapeutic antibody has no CYP role, so an inducer gives no finding."""
    assert not pair(real_checker.check(drugs=[drug], supplements=["St John's wort"]), "St John's wort", drug)
    assert "monoclonal-antibody" in closure(real_checker, drug)
    assert "immunosuppressant" not in closure(real_checker, drug)
