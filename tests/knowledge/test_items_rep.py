"""Mebendazole and ivermectin, anthelmintics some people with cancer take on their own (real graph)."""

from __future__ import annotations

import pytest

MEBENDAZOLE = "https://w3id.org/suppcheck/supplement/mebendazole"
IVERMECTIN = "https://w3id.org/suppcheck/supplement/ivermectin"


def _pair(checker, drug: str, supplement: str):
    return [f for f in checker.check(drugs=[drug], supplements=[supplement]).findings if f.drug]


def _in_context(checker, supplement: str, context: str):
    return [f for f in checker.check(supplements=[supplement], context=[context]).findings if f.context]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize("text, expected", [
    ("mebendazole", MEBENDAZOLE), ("Vermox", MEBENDAZOLE), ("Emverm", MEBENDAZOLE),
    ("mebendazole 100 mg twice daily", MEBENDAZOLE),
    ("ivermectin", IVERMECTIN), ("Stromectol", IVERMECTIN), ("ivermectin 12 mg daily", IVERMECTIN),
])
def test_names_resolve_to_the_new_entities(real_checker, text, expected):
    res = real_checker.resolve(text, "supplement")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.id == expected


def test_mebendazole_is_no_longer_taken_for_fenbendazole(real_checker):
    assert real_checker.resolve("mebendazole", "supplement").match.name == "mebendazole"
    assert real_checker.resolve("fenbendazole", "supplement").match.name == "fenbendazole"


# ----------------------------------------------------------------------------- mebendazole
def test_mebendazole_with_metronidazole_is_major_for_skin_reactions(real_checker):
    [finding] = _pair(real_checker, "metronidazole", "mebendazole 100 mg twice daily")
    assert finding.severity.value == "major"
    assert "Stevens-Johnson" in finding.title
    assert "Avoid the combination" in finding.management
    assert finding.evidence.level.value == "case-report"


def test_mebendazole_during_neutropenia_is_moderate(real_checker):
    [finding] = _in_context(real_checker, "Vermox 500 mg daily", "neutropenia")
    assert finding.context == "neutropenia"
    assert finding.severity.value == "moderate"
    assert "blood count" in finding.management


def test_mebendazole_adds_to_the_liver_toxicity_of_a_hepatotoxic_drug(real_checker):
    [finding] = _pair(real_checker, "abemaciclib", "mebendazole 200 mg daily")
    assert "liver toxicity" in finding.title
    assert finding.severity.value == "moderate"


# ----------------------------------------------------------------------------- ivermectin
@pytest.mark.parametrize("drug", ["itraconazole", "clarithromycin"])
def test_strong_cyp3a4_inhibitors_may_raise_ivermectin_in_vitro_only(real_checker, drug):
    [finding] = _pair(real_checker, drug, "ivermectin 12 mg daily")
    assert "may raise ivermectin exposure" in finding.title
    assert finding.severity.value == "minor"
    assert finding.evidence.level.value == "preclinical"


@pytest.mark.parametrize("drug", ["oxycodone", "lorazepam"])
def test_ivermectin_adds_to_sedation(real_checker, drug):
    [finding] = _pair(real_checker, drug, "ivermectin 12 mg daily")
    assert "adds to the sedation" in finding.title
    assert finding.severity.value == "moderate"


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize("supplement", ["mebendazole 200 mg daily", "ivermectin 12 mg daily"])
def test_no_finding_with_an_unrelated_drug(real_checker, supplement):
    assert not _pair(real_checker, "capecitabine", supplement)


def test_mebendazole_without_a_context_or_drug_has_no_finding(real_checker):
    assert not real_checker.check(supplements=["mebendazole 100 mg twice daily"]).findings
