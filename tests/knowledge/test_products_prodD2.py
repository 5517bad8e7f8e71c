"""More vitamin, mineral and medical-food products read from their FDA listings (openFDA NDC directory and label
records): iron combinations for anaemia, renal and B-complex vitamins, prenatal vitamins, folate medical foods and
joint products, in the bundled graph."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients

FOLATEN = {"beta-carotene", "vitamin C", "vitamin D", "vitamin E", "vitamin B6", "biotin", "folic acid", "vitamin B12",
           "calcium", "magnesium", "iron", "iodine"}
PRENATE_DHA = {"vitamin C", "vitamin D", "vitamin E", "vitamin B6", "folic acid", "vitamin B12", "biotin", "calcium", "iron",
               "iodine", "magnesium", "fish oil"}
FLUORIDE_MULTI = {"vitamin A", "vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacinamide", "vitamin B6",
                  "folic acid", "vitamin B12"}
MULTI_CAPLET = {"vitamin A", "vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacinamide", "vitamin B6",
                "folic acid", "vitamin B12", "calcium", "magnesium", "zinc", "selenium", "manganese", "chromium",
                "molybdenum"}


@pytest.mark.parametrize("line, expected", [
    ("Ferralet 90 1 tablet daily", {"iron", "folic acid", "vitamin B12", "vitamin C"}),
    ("Se-Tan PLUS 1 capsule daily", {"iron", "vitamin C", "thiamin", "riboflavin", "vitamin B6", "vitamin B12", "folic acid",
                                     "niacinamide", "pantothenic acid", "zinc", "manganese", "copper"}),
    ("Tricon 1 capsule twice daily", {"vitamin B12", "iron", "vitamin C", "folic acid"}),
    ("Chromagen 1 softgel daily", {"iron", "vitamin C", "folic acid", "vitamin B12", "zinc"}),
    ("Davimet with Iron 1 caplet daily", {"vitamin A", "vitamin C", "niacinamide", "vitamin B6", "thiamin", "vitamin D",
                                          "iron", "riboflavin", "vitamin B12", "folic acid", "vitamin E"}),
    ("Embriva 1 tablet daily", {"vitamin C", "vitamin D", "thiamin", "vitamin B6", "folic acid", "vitamin B12", "calcium",
                                "iron", "iodine"}),
    ("Folaten 1 tablet daily", FOLATEN),
    ("Nutralyn 1 tablet daily", FOLATEN),
    ("Dialyvite with Zinc 1 tablet daily", {"vitamin C", "thiamin", "riboflavin", "niacinamide", "vitamin B6", "folic acid",
                                            "vitamin B12", "biotin", "pantothenic acid", "zinc"}),
    ("Multitol-M 1 caplet daily", MULTI_CAPLET),
    ("Ventrixyl 1 caplet daily", MULTI_CAPLET),
    ("Diatrol 1 caplet daily", {"biotin", "vanadium", "chromium", "gymnema", "L-arginine", "vitamin E", "vitamin K",
                                "vitamin A", "vitamin C", "vitamin D", "vitamin B6", "thiamin", "riboflavin", "niacin",
                                "folic acid", "vitamin B12", "pantothenic acid"}),
    ("Folixate 1 tablet daily", {"folic acid", "vitamin D"}),
    ("Menatrol 1 capsule daily", {"vitamin B6", "vitamin D", "folic acid", "magnesium", "calcium"}),
    ("Se-Natal 19 Chewable 1 tablet daily", {"folic acid", "beta-carotene", "vitamin C", "vitamin D", "vitamin E", "thiamin",
                                             "riboflavin", "niacinamide", "vitamin B6", "vitamin B12", "pantothenic acid",
                                             "calcium", "iron", "zinc"}),
    ("Prenate Mini 1 daily", PRENATE_DHA),
    ("Prenate Essential 1 daily", PRENATE_DHA),
    ("Prenate Elite 1 tablet daily", {"beta-carotene", "vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin",
                                      "niacinamide", "vitamin B6", "folic acid", "calcium", "iron", "vitamin B12", "biotin",
                                      "iodine", "magnesium", "zinc", "copper"}),
    ("PNV-DHA 1 capsule daily", {"vitamin C", "vitamin D", "vitamin E", "vitamin B6", "folic acid", "vitamin B12", "calcium",
                                 "iron", "magnesium", "fish oil"}),
    ("Vitafol One 1 capsule daily", {"vitamin A", "vitamin C", "thiamin", "riboflavin", "niacin", "vitamin B6", "vitamin B12",
                                     "folic acid", "iodine", "magnesium", "zinc", "copper", "vitamin D", "fish oil",
                                     "vitamin E", "iron"}),
    ("Nestabs DHA daily", {"vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin",
                                                  "niacinamide", "vitamin B6", "folic acid", "vitamin B12", "calcium", "iron",
                                                  "iodine", "zinc", "choline", "fish oil"}),
    ("TriStart DHA 1 daily", {"vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacin", "vitamin B6",
                              "folic acid", "vitamin B12", "iron", "iodine", "magnesium", "fish oil"}),
    ("JBA Joint Revive The Legend I 2 capsules daily", {"glucosamine", "fucoidan"}),
    ("JBA Joint Revive The Legend Caffe Latte 1 packet daily", {"glucosamine", "chondroitin", "fucoidan"}),
    ("Dexatran 1 capsule daily", {"magnesium", "riboflavin", "niacinamide", "vitamin B6", "folic acid", "vitamin B12",
                                  "pantothenic acid", "vitamin C", "thiamin", "zinc", "manganese", "iron", "copper"}),
    ("Multi-Vit-Flor 0.5 mg 1 tablet daily", FLUORIDE_MULTI),
    ("Flotrex 1 chewable tablet daily", FLUORIDE_MULTI),
    ("Davimet with Fluoride 1 tablet daily", FLUORIDE_MULTI - {"niacinamide"} | {"niacin"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


@pytest.mark.parametrize("drug", ["levothyroxine", "ciprofloxacin"])
def test_the_iron_of_an_iron_product_meets_a_chelating_drug_and_names_the_line(real_checker, drug):
    line = "Ferralet 90 1 tablet daily"
    findings = real_checker.check(drugs=[drug], supplements=[line]).findings
    iron = [f for f in findings if f.supplement.name == "iron"]
    assert iron, "iron binds levothyroxine and quinolones in the gut; the labels ask to separate the doses"
    assert iron[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_the_vitamin_k_of_diatrol_meets_warfarin_and_names_the_line(real_checker):
    line = "Diatrol 1 caplet daily"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    assert "vitamin K" in {f.supplement.name for f in findings}, "its phytonadione opposes warfarin"
    assert all(f.supplement.input == line for f in findings)


def test_the_legend_without_its_form_is_ambiguous_not_the_older_joint_revive(real_checker):
    item = real_checker.check(supplements=["JBA Joint Revive The Legend 2 capsules"]).items[0]
    assert item.status.value == "ambiguous"
    assert {c.name for c in item.candidates} == {"JBA Joint Revive The Legend I", "JBA Joint Revive The Legend Caffe Latte"}
    names = {c.match.name for c in item.components if c.match}
    assert "turmeric" not in names and "fucoidan" in names
