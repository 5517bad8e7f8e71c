"""Tacrolimus with turmeric and with ginger (a rat study of both and a review), and one
pair per monograph of turmeric, ginger, reishi, turkey tail, maitake, shiitake, cordyceps, chaga and astragalus that
must not be flagged."""

from __future__ import annotations

import pytest


def _pair(result):
    return [f for f in result.findings if f.drug]


def test_turmeric_with_tacrolimus_is_a_minor_preclinical_entry(real_checker):
    result = real_checker.check(drugs=["tacrolimus 2 mg twice daily"], supplements=["turmeric 500 mg twice daily"])
    found = [f for f in _pair(result) if "tacrolimus" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "curated"
    assert "rats" in found[0].title
    assert "trough" in found[0].management


def test_ginger_with_tacrolimus_is_a_minor_preclinical_entry(real_checker):
    result = real_checker.check(drugs=["tacrolimus 3 mg twice daily"], supplements=["ginger 1 g twice daily"])
    found = [f for f in _pair(result) if "tacrolimus" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert "rats" in found[0].title


@pytest.mark.parametrize("drug, supplement", [
    ("metformin 500 mg twice daily", "turmeric 500 mg daily"),
    ("levothyroxine 100 mcg daily", "ginger 1 g twice daily"),
    ("metformin 500 mg twice daily", "reishi 1.5 g daily"),
    ("metformin 500 mg twice daily", "turkey tail 3 g daily"),
    ("levothyroxine 100 mcg daily", "maitake 1 g daily"),
    ("metformin 500 mg twice daily", "shiitake extract 1 g daily"),
    ("metformin 500 mg twice daily", "cordyceps 1 g daily"),
    ("levothyroxine 100 mcg daily", "chaga 1 g daily"),
    ("metformin 500 mg twice daily", "astragalus 1 g daily"),
])
def test_unrelated_pair_is_not_flagged(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not _pair(result), [(f.title, f.severity.value) for f in _pair(result)]
