"""Lines that name several things, as people write them, read part by part on the real graph."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("line", "expected"), [
    ("Echinacea goldenseal combo", {"echinacea", "goldenseal"}),
    ("Chinese prostate formula (skullcap, reishi, licorice)", {"Chinese skullcap", "reishi", "licorice"}),
    ("Immune blend (astragalus, echinacea, elderberry) 2 capsules daily", {"astragalus", "echinacea", "elderberry"}),
    ("calcium with vitamin D", {"calcium", "vitamin D"}),
    ("turmeric + black pepper", {"turmeric", "black pepper (piperine)"}),
    ("fish oil 1 g, ginkgo 120 mg", {"fish oil", "ginkgo"}),
    ("5-FU/leucovorin", {"fluorouracil", "leucovorin"}),
])
def test_each_part_is_a_component_and_nothing_is_left_unread(real_checker, line, expected):
    result = real_checker.check(drugs=["warfarin"], supplements=[line]) if "leucovorin" not in line else \
        real_checker.check(drugs=[line], supplements=["St John's wort"])
    item = next(i for i in result.items if i.input == line)
    assert {c.match.name for c in item.components if c.match} == expected, item.components
    assert not (item.reading and item.reading.unread), item.reading
    assert line not in result.summary.not_checked


def test_a_list_that_trails_off_is_read_only_in_part(real_checker):
    line = "Chinese prostate formula (skullcap, reishi, licorice, ...)"
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    assert result.summary.not_checked == [line]


def test_findings_name_the_line_and_the_component(real_checker):
    line = "Echinacea goldenseal combo"
    result = real_checker.check(drugs=["midazolam"], supplements=[line])
    goldenseal = [f for f in result.findings if f.supplement.name == "goldenseal"]
    assert goldenseal and all(f.supplement.input == line for f in goldenseal)


@pytest.mark.parametrize(("line", "drugs"), [
    ("FOLFOX", {"fluorouracil", "leucovorin", "oxaliplatin"}),
    ("FOLFIRI q2w", {"fluorouracil", "leucovorin", "irinotecan"}),
    ("R-CHOP", {"rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"}),
    ("carbo/pem", {"carboplatin", "pemetrexed"}),
    ("VRd", {"bortezomib", "lenalidomide", "dexamethasone"}),
    ("XELOX", {"capecitabine", "oxaliplatin"}),
])
def test_a_regimen_is_read_as_its_drugs(real_checker, line, drugs):
    result = real_checker.check(drugs=[line], supplements=["St John's wort"])
    item = result.items[0]
    assert {c.match.name for c in item.components if c.match} == drugs
    assert all(f.drug.input == line for f in result.findings if f.drug)


def test_irinotecan_in_folfiri_keeps_its_major_finding(real_checker):
    result = real_checker.check(drugs=["FOLFIRI"], supplements=["St John's wort"])
    assert any(f.drug.name == "irinotecan" and f.severity.value == "major" for f in result.findings)


@pytest.mark.parametrize("line", ["ice cream", "TIP", "EC"])
def test_short_acronyms_that_are_words_are_not_read_as_regimens(real_checker, line):
    item = real_checker.check(drugs=[line], supplements=["ginkgo"]).items[0]
    assert not item.components and item.status.value == "unrecognized"
