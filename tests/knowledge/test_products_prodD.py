"""Vitamin, mineral, antacid and medical-food products read from their FDA listings and trial articles: prescription
and prenatal vitamins, renal and iron products, calcium-magnesium antacids, zinc cold remedies, in the bundled graph."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients

PRENATAL_CITRANATAL = {"vitamin C", "calcium", "iron", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacinamide",
                       "vitamin B6", "folic acid", "iodine", "zinc", "copper", "fish oil"}
VITAFOL_DHA_IRON = {"fish oil", "niacinamide", "vitamin E", "vitamin D", "beta-carotene", "vitamin C", "thiamin",
                    "riboflavin", "vitamin B6", "vitamin B12", "iron", "zinc", "copper", "iodine", "magnesium", "folic acid"}


@pytest.mark.parametrize("line, expected", [
    ("Metanx 1 tablet twice daily", {"folic acid", "vitamin B12", "vitamin B6"}),
    ("Rolaids Ultra Strength 2 tablets", {"calcium", "magnesium"}),
    ("Rolaids Advanced 2 tablets", {"calcium", "magnesium"}),
    ("Mylanta Classic 10 mL", {"calcium", "magnesium"}),
    ("Mylanta Tonight 10 mL at bedtime", {"calcium", "magnesium"}),
    ("Mylanta One 2 tablets", {"calcium", "magnesium"}),
    ("Alka-Seltzer Gold 2 tablets", {"sodium bicarbonate", "potassium"}),
    ("Fosteum 1 capsule twice daily", {"genistein supplement", "vitamin D", "zinc"}),
    ("Citracal Plus Bone Density Builder 2 tablets daily", {"genistein supplement", "calcium", "vitamin D", "magnesium",
                                                            "zinc", "copper", "molybdenum", "boron"}),
    ("CitraNatal Assure 1 daily", PRENATAL_CITRANATAL),
    ("Prenate DHA 1 softgel daily", {"vitamin C", "vitamin D", "vitamin E", "folic acid", "vitamin B6", "vitamin B12",
                                     "calcium", "iron", "magnesium", "fish oil"}),
    ("Vitafol-OB+DHA", {"vitamin A", "vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacin",
                        "vitamin B6", "folic acid", "vitamin B12", "calcium", "iron", "magnesium", "zinc", "copper",
                        "fish oil"}),
    ("Vitafol Ultra 1 softgel daily", VITAFOL_DHA_IRON),
    ("Vitafol Fe Plus 1 capsule daily", VITAFOL_DHA_IRON),
    ("M-Natal Plus 1 tablet daily", {"vitamin A", "vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacin",
                                     "vitamin B6", "folic acid", "vitamin B12", "calcium", "iron", "zinc", "copper"}),
    ("LuNatal DHA", {"vitamin C", "vitamin D", "vitamin E", "vitamin B6", "folic acid", "vitamin B12", "biotin", "calcium",
                     "iron", "iodine", "magnesium", "fish oil"}),
    ("Nestabs 1 tablet daily", {"vitamin C", "vitamin D", "vitamin E", "thiamin", "riboflavin", "niacinamide", "vitamin B6",
                                "folic acid", "vitamin B12", "calcium", "iron", "iodine", "zinc", "choline"}),
    ("Dialyvite 1 tablet daily", {"folic acid", "vitamin C", "thiamin", "riboflavin", "niacinamide", "vitamin B6",
                                  "vitamin B12", "biotin", "pantothenic acid"}),
    ("Niferex 1 daily", {"iron", "vitamin C", "folic acid", "vitamin B12", "zinc"}),
    ("Integra F 1 capsule daily", {"iron", "folic acid", "vitamin C", "niacin"}),
    ("PureVit DualFe Plus 1 capsule daily", {"iron", "copper", "riboflavin", "niacinamide", "vitamin B6", "folic acid",
                                             "vitamin B12", "pantothenic acid", "vitamin C", "thiamin", "zinc",
                                             "manganese"}),
    ("Folcyteine 1 caplet daily", {"vitamin D", "folic acid", "calcium", "magnesium", "N-acetylcysteine"}),
    ("Virexa 1 tablet twice daily", {"vitamin C", "vitamin D", "thiamin", "vitamin B6", "folic acid", "vitamin B12",
                                     "coenzyme Q10"}),
    ("Strovite One 1 caplet daily", {"vitamin A", "pantothenic acid", "vitamin C", "vitamin D", "vitamin E", "thiamin",
                                     "riboflavin", "niacinamide", "vitamin B6", "folic acid", "biotin", "vitamin B12",
                                     "selenium", "magnesium", "zinc", "copper", "manganese", "chromium",
                                     "alpha-lipoic acid", "lutein"}),
    ("BP Vit 3 1 capsule daily", {"folic acid", "vitamin B6", "vitamin B12", "fish oil", "beta-sitosterol"}),
    ("Nicomide 1 tablet daily", {"niacinamide", "zinc", "folic acid", "copper", "selenium", "chromium"}),
    ("JBA Joint Revive 2 capsules daily", {"glucosamine", "white willow bark", "chondroitin", "turmeric", "bromelain"}),
    ("Cold-EEZE with Elderberry 1 lozenge", {"zinc"}),
    ("Zicam RapidMelts with Echinacea", {"zinc"}),
    ("Zicam Echinacea plus Sambucus", {"zinc"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


@pytest.mark.parametrize("line, cations", [
    ("CitraNatal Assure 1 daily", {"calcium", "iron", "zinc"}),
    ("Rolaids Ultra Strength 2 tablets", {"calcium", "magnesium"}),
    ("Mylanta Classic 10 mL", {"calcium", "magnesium"}),
])
def test_the_cations_of_a_product_meet_eltrombopag_and_name_the_line(real_checker, line, cations):
    findings = real_checker.check(drugs=["eltrombopag"], supplements=[line]).findings
    assert {f.supplement.name for f in findings} >= cations, "the eltrombopag label asks to separate polyvalent cations"
    assert all(f.supplement.input == line for f in findings)


def test_the_folate_of_metanx_meets_methotrexate(real_checker):
    line = "Metanx 1 tablet twice daily"
    findings = real_checker.check(drugs=["methotrexate"], supplements=[line]).findings
    folate = [f for f in findings if f.supplement.name == "folic acid"]
    assert folate and folate[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_the_joint_product_meets_warfarin_through_several_ingredients(real_checker):
    line = "JBA Joint Revive 2 capsules daily"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    assert {f.supplement.name for f in findings} >= {"glucosamine", "turmeric"}
    assert all(f.supplement.input == line for f in findings)
