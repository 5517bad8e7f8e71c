"""Lithium orotate, shilajit, NAD+, betaine HCl and oral hyaluronic acid (real graph).

Their names resolve to them (bare "lithium" and bare "betaine" do not, and "nicotinamide adenine dinucleotide"
is no longer read as niacinamide). The findings follow their sources: the lithium carbonate labels (NSAIDs,
ACE inhibitors, angiotensin II receptor blockers and diuretics raise lithium; minor and theoretical for a
supplement amount), and the betaine HCl studies in volunteers on rabeprazole (gastric re-acidification against
acid suppression; dasatinib absorption restored). Shilajit, NAD+ and hyaluronic acid carry no claim and stay
silent. Each has a negative control.
"""

from __future__ import annotations

import pytest
from suppcheck.models import Role


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


def _of(result, supplement: str):
    return [f for f in result.findings if f.supplement.name == supplement]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("line", "expected"), [
    ("lithium orotate 5 mg daily", "lithium orotate"),
    ("lithium orotate 120 mg", "lithium orotate"),
    ("shilajit resin 300 mg", "shilajit"),
    ("mumijo", "shilajit"),
    ("mumie 500 mg", "shilajit"),
    ("NAD+ 500 mg IV weekly", "NAD+"),
    ("nicotinamide adenine dinucleotide", "NAD+"),
    ("NAD+ 300 mg daily", "NAD+"),
    ("betaine HCl 650 mg with meals", "betaine HCl"),
    ("betaine hydrochloride 1500 mg", "betaine HCl"),
    ("betaine HCl with pepsin", "betaine HCl"),
    ("hyaluronic acid 120 mg daily", "hyaluronic acid"),
    ("hyaluronan", "hyaluronic acid"),
    ("sodium hyaluronate", "hyaluronic acid"),
])
def test_names_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.supplement)
    assert item.match is not None and item.match.name == expected, line


@pytest.mark.parametrize(("line", "not_expected"), [
    ("lithium 300 mg twice daily", "lithium orotate"),
    ("betaine 3 g daily", "betaine HCl"),
    ("nicotinamide 500 mg", "NAD+"),
    ("nicotinamide riboside 300 mg", "NAD+"),
])
def test_near_names_are_not_taken_for_the_new_entries(real_checker, line, not_expected):
    item, _ = real_checker.item(line, Role.supplement)
    assert item.match is None or item.match.name != not_expected, line


# ----------------------------------------------------------------------------- lithium orotate
@pytest.mark.parametrize(("drug", "name", "word"), [
    ("ibuprofen 400 mg three times daily", "ibuprofen", "nsaids"),
    ("celecoxib 200 mg twice daily", "celecoxib", "nsaids"),
    ("lisinopril 10 mg daily", "lisinopril", "ace inhibitors"),
    ("losartan 50 mg daily", "losartan", "angiotensin ii receptor blockers"),
    ("hydrochlorothiazide 25 mg daily", "hydrochlorothiazide", "diuretics"),
    ("furosemide 40 mg daily", "furosemide", "diuretics"),
])
def test_lithium_orotate_with_a_drug_that_raises_lithium(real_checker, drug, name, word):
    result = real_checker.check(drugs=[drug], supplements=["lithium orotate 5 mg daily"])
    [f] = _pair(result, "lithium orotate", name)
    assert f.severity.value == "minor"
    assert word in f.title.lower() and "raise lithium" in f.title.lower()


def test_lithium_orotate_with_a_drug_that_does_not_raise_lithium_is_silent(real_checker):
    result = real_checker.check(drugs=["letrozole 2.5 mg daily"], supplements=["lithium orotate 5 mg daily"])
    assert not _of(result, "lithium orotate")


# ----------------------------------------------------------------------------- betaine HCl
@pytest.mark.parametrize(("drug", "name"), [
    ("omeprazole 20 mg daily", "omeprazole"),
    ("pantoprazole 40 mg daily", "pantoprazole"),
    ("famotidine 20 mg twice daily", "famotidine"),
])
def test_betaine_hcl_works_against_acid_suppression(real_checker, drug, name):
    result = real_checker.check(drugs=[drug], supplements=["betaine HCl 650 mg with meals"])
    [f] = _pair(result, "betaine HCl", name)
    assert f.severity.value == "moderate"
    assert "re-acidifies" in f.title


def test_betaine_hcl_with_dasatinib_restores_absorption(real_checker):
    result = real_checker.check(drugs=["dasatinib 100 mg daily"], supplements=["betaine HCl 1500 mg"])
    [f] = _pair(result, "betaine HCl", "dasatinib")
    assert f.severity.value == "minor"
    assert "restores dasatinib absorption" in f.title


def test_betaine_hcl_with_a_drug_outside_its_sources_is_silent(real_checker):
    result = real_checker.check(drugs=["letrozole 2.5 mg daily"], supplements=["betaine HCl 650 mg with meals"])
    assert not _of(result, "betaine HCl")


# ----------------------------------------------------------------------------- entries without claims
@pytest.mark.parametrize("line", ["shilajit 300 mg daily", "NAD+ 500 mg IV weekly", "hyaluronic acid 120 mg daily"])
def test_entries_without_claims_are_recognised_and_silent(real_checker, line):
    result = real_checker.check(drugs=["tamoxifen 20 mg daily", "ibuprofen 400 mg"], supplements=[line])
    item, _ = real_checker.item(line, Role.supplement)
    assert item.match is not None
    assert not _of(result, item.match.name)
