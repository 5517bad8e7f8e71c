"""Lines people write for tart cherry, arnica (herb, homeopathic dilution, gel), marshmallow root and digestive
enzymes: each is recognised whole, and each gets a real finding or the honest "no interaction" with warfarin."""

from __future__ import annotations

import pytest
from drugcheck import assert_supplement_line_whole
from tests_support import product_ingredients


def _item(result, line):
    return next(i for i in result.items if i.input == line)


@pytest.mark.parametrize(("line", "entity"), [
    ("tart cherry extract 500 mg", "tart cherry"),
    ("Montmorency tart cherry 1000 mg daily", "tart cherry"),
    ("arnica 30C", "homeopathic arnica"),
    ("Arnica montana 30C", "homeopathic arnica"),
    ("arnica gel", "arnica gel"),
    ("arnica cream twice daily", "arnica gel"),
    ("arnica", "arnica"),
    ("marshmallow root tea", "marshmallow root"),
])
def test_the_line_is_recognised_whole(real_checker, line, entity):
    assert_supplement_line_whole(real_checker, line, entity)


@pytest.mark.parametrize("line", ["tart cherry extract 500 mg", "arnica 30C", "arnica gel", "arnica"])
def test_no_interaction_is_recorded_and_none_is_reported(real_checker, line):
    # No source read documents an interaction of tart cherry or of arnica (herb, 30C dilution or gel) with a medicine;
    # no bleeding claim was recorded for arnica. The line is checked and nothing is invented.
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    assert not [f for f in result.findings if f.supplement.input == line]
    assert line not in result.summary.not_checked


def test_homeopathic_arnica_is_not_the_herb(real_checker):
    herb = _item(real_checker.check(drugs=["warfarin"], supplements=["arnica"]), "arnica")
    dilution = _item(real_checker.check(drugs=["warfarin"], supplements=["arnica 30C"]), "arnica 30C")
    gel = _item(real_checker.check(drugs=["warfarin"], supplements=["arnica gel"]), "arnica gel")
    assert len({herb.match.id, dilution.match.id, gel.match.id}) == 3


def test_marshmallow_root_tea_gets_the_absorption_advisory(real_checker):
    line = "marshmallow root tea"
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    found = [f for f in result.findings if f.supplement.input == line]
    assert found and all(f.severity.value == "minor" for f in found)
    assert any("absorption" in f.title for f in found)


@pytest.mark.parametrize("line", ["digestive enzymes", "digestive enzyme 1 capsule with meals"])
def test_digestive_enzymes_read_as_pancreatic_enzymes_and_bromelain(real_checker, line):
    assert product_ingredients(real_checker, line) == {"pancreatic enzymes", "bromelain"}


def test_digestive_enzymes_with_warfarin_meet_the_label_on_bromelain(real_checker):
    line = "digestive enzymes"
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    item = _item(result, line)
    assert not (item.reading and item.reading.unread), item.reading
    bromelain = [f for f in result.findings if f.supplement.name == "bromelain"]
    assert bromelain and bromelain[0].severity.value == "moderate"
    assert all(f.supplement.input == line for f in bromelain)



def test_a_product_family_says_its_contents_vary(real_checker):
    """'digestive enzymes' names no one product: the item says what was assumed and to check the label; a
    branded product with a fixed formula carries no such note."""
    [item] = real_checker.check(supplements=["digestive enzymes"]).items
    assert any("contents vary" in n and "label" in n for n in item.reading.notes), item.reading.notes
    [fixed] = real_checker.check(supplements=["Zyflamend"]).items
    assert not any("contents vary" in n for n in fixed.reading.notes)
