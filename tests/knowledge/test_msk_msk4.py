"""Milk thistle with raloxifene: silybin inhibits the gut glucuronidation of raloxifene in vitro, a minor,
in-vitro-only curated finding; the entry names raloxifene only, and the herbs checked keep their silence where
nothing is known."""

from __future__ import annotations

import pytest


def _pair(result):
    return [f for f in result.findings if f.drug]


def test_milk_thistle_raloxifene_is_a_minor_preclinical_curated_finding(real_checker):
    result = real_checker.check(drugs=["raloxifene 60 mg daily"], supplements=["milk thistle 140 mg three times daily"])
    found = [f for f in _pair(result) if "raloxifene" in f.title.lower()]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert found[0].evidence.basis.value == "curated"
    assert found[0].evidence.sources


def test_milk_thistle_entry_does_not_reach_tamoxifen(real_checker):
    result = real_checker.check(drugs=["tamoxifen 20 mg daily"], supplements=["milk thistle 140 mg three times daily"])
    assert not [f for f in _pair(result) if "glucuronidation" in f.title.lower()]


@pytest.mark.parametrize(("supplement", "drug"), [
    ("echinacea 400 mg three times daily", "metformin 500 mg twice daily"),
    ("Panax ginseng 200 mg daily", "amlodipine 5 mg daily"),
    ("American ginseng 1 g twice daily", "levothyroxine 100 mcg daily"),
    ("black cohosh 40 mg twice daily", "atorvastatin 20 mg daily"),
    ("licorice root 500 mg daily", "levothyroxine 100 mcg daily"),
    ("garlic extract 600 mg twice daily", "ondansetron 8 mg twice daily"),
    ("ginkgo 120 mg daily", "metformin 500 mg twice daily"),
    ("valerian 450 mg at night", "metformin 500 mg twice daily"),
    ("rhodiola 200 mg daily", "levothyroxine 100 mcg daily"),
    ("holy basil 500 mg twice daily", "ondansetron 8 mg twice daily"),
])
def test_must_not_flag(real_checker, supplement, drug):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.raw, i.status.value) for i in result.items]
    assert not [f for f in _pair(result) if f.severity.value in ("moderate", "major")], \
        [(f.title, f.severity.value) for f in _pair(result)]
