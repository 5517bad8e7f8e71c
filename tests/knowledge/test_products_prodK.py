"""Kampo products in the bundled graph: Tsumura extract granules and Sun Ten's Kampo formulas, read as the herbs their
makers list."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("Tsumura Junchoto 2.5 g twice daily", {"rehmannia", "Chinese skullcap", "bitter orange extract",
                                            "magnolia bark", "turkey rhubarb", "licorice"}),
    ("maoto 1 packet twice daily", {"ephedra", "cinnamon", "licorice"}),
    ("Chai Hu Gui Zhi Tang 3 capsules three times daily", {"bupleurum", "pinellia", "Chinese skullcap", "cinnamon",
                                                           "white peony", "jujube", "Asian ginseng", "ginger",
                                                           "licorice"}),
    ("saikokeishikankyoto 7.5 g daily", {"bupleurum", "Chinese skullcap", "cinnamon", "ginger", "licorice"}),
    ("yokukansankachimpihange 7.5 g daily", {"bupleurum", "dong quai", "Sichuan lovage", "poria",
                                              "bai zhu atractylodes", "licorice", "tangerine peel", "pinellia"}),
    ("bakumondoto 9 g daily", {"Asian ginseng", "pinellia", "licorice", "jujube"}),
    ("Mai Men Dong Tang", {"Asian ginseng", "pinellia", "licorice", "jujube"}),
    ("kamikihito 7.5 g daily", {"astragalus", "Asian ginseng", "bai zhu atractylodes", "poria", "licorice", "jujube",
                                "dong quai", "bupleurum", "ginger"}),
    ("hangekobokuto 7.5 g daily", {"pinellia", "poria", "ginger", "magnolia bark"}),
    ("Ban Xia Hou Po Tang", {"pinellia", "poria", "ginger", "magnolia bark"}),
    ("mashiningan 7.5 g daily", {"turkey rhubarb", "bitter orange extract", "magnolia bark", "white peony"}),
    ("unkeito 7.5 g daily", {"pinellia", "dong quai", "white peony", "Sichuan lovage", "cinnamon", "Asian ginseng",
                             "ginger", "licorice"}),
    ("daisaikoto 7.5 g daily", {"bupleurum", "pinellia", "ginger", "Chinese skullcap", "white peony",
                                "bitter orange extract", "turkey rhubarb", "jujube"}),
    ("Da Chai Hu Tang", {"bupleurum", "pinellia", "ginger", "Chinese skullcap", "white peony", "bitter orange extract",
                         "turkey rhubarb", "jujube"}),
    ("tokishigyakukagoshuyushokyoto 7.5 g daily", {"dong quai", "cinnamon", "jujube", "licorice", "white peony",
                                                   "ginger"}),
    ("Yi Yi Ren Huang Qi Tang 3 capsules twice daily", {"coix seed", "bai zhu atractylodes", "jujube", "astragalus",
                                                        "licorice", "ginger"}),
    ("shigyakusan 7.5 g daily", {"bupleurum", "bitter orange extract", "white peony", "licorice"}),
    ("Si Ni San", {"bupleurum", "bitter orange extract", "white peony", "licorice"}),
    ("shokenchuto 15 g daily", {"jujube", "white peony", "licorice", "cinnamon", "ginger"}),
    ("keishikaryukotsuboreito 7.5 g daily", {"cinnamon", "white peony", "jujube", "ginger", "licorice"}),
    ("Gui Zhi Jia Long Gu Mu Li Tang", {"cinnamon", "white peony", "jujube", "ginger", "licorice"}),
])
def test_a_kampo_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_ephedra_in_maoto_meets_a_beta_blocker(real_checker):
    line = "maoto 1 packet twice daily"
    findings = real_checker.check(drugs=["metoprolol"], supplements=[line]).findings
    ephedra = [f for f in findings if f.supplement.name == "ephedra" and "metoprolol" in f.title]
    assert ephedra, "the ephedra of maoto raises blood pressure against metoprolol"
    assert ephedra[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_dong_quai_in_unkeito_meets_warfarin(real_checker):
    line = "unkeito 7.5 g daily"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    dong_quai = [f for f in findings if f.supplement.name == "dong quai"]
    assert dong_quai, "the dong quai of unkeito can potentiate warfarin"
    assert dong_quai[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


@pytest.mark.parametrize("line", ["maoto 1 packet twice daily", "Tsumura Junchoto 2.5 g twice daily",
                                  "mashiningan 7.5 g daily"])
def test_a_formula_with_apricot_kernel_does_not_raise_the_laetrile_advisory(real_checker, line):
    findings = real_checker.check(drugs=["cisplatin"], supplements=[line]).findings
    assert not [f for f in findings if "cyanide" in f.title.lower()]
