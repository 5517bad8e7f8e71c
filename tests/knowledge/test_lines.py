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
