"""Chinese classical formulas and Chinese patent medicines used in cancer care, read as their ingredients."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("Yu Ping Feng San 9 g daily", {"astragalus", "bai zhu atractylodes"}),
    ("Jade Windscreen Powder", {"astragalus", "bai zhu atractylodes"}),
    ("Sheng Mai San", {"Asian ginseng", "schisandra"}),
    ("Sheng Mai Yin 10 mL three times daily", {"Asian ginseng", "schisandra"}),
    ("Huang Lian Jie Du Tang", {"huanglian", "Chinese skullcap"}),
    ("Si Wu Tang 6 g twice daily", {"rehmannia", "dong quai", "Sichuan lovage", "white peony"}),
    ("Xihuang pill 3 g twice daily", {"myrrh", "boswellia"}),
    ("Gegen Qinlian decoction 150 mL twice daily", {"kudzu", "Chinese skullcap", "huanglian", "licorice"}),
    ("Ge Gen Huang Qin Huang Lian Tang", {"kudzu", "Chinese skullcap", "huanglian", "licorice"}),
    ("Shen Ling Bai Zhu San 6 g three times daily", {"Asian ginseng", "poria", "bai zhu atractylodes", "licorice"}),
    ("Huang Qi Gui Zhi Wu Wu Tang", {"astragalus", "cinnamon", "white peony", "ginger", "jujube"}),
    ("Xue Fu Zhu Yu Tang 3 g three times daily", {"dong quai", "rehmannia", "Sichuan lovage", "bupleurum", "licorice"}),
    ("Yin Qiao San", {"burdock", "licorice"}),
    ("Huang Qi Jian Zhong Tang 9 g daily", {"astragalus", "cinnamon", "white peony", "licorice", "jujube", "ginger"}),
    ("Xiang Sha Liu Jun Zi Tang 3 g three times daily", {"bai zhu atractylodes", "poria", "ginger", "Asian ginseng",
                                                         "pinellia", "licorice", "tangerine peel"}),
    ("Zhi Gan Cao Tang", {"rehmannia", "licorice", "jujube", "ginger", "cinnamon", "Asian ginseng"}),
    ("Chai Hu Shu Gan San 6 g daily", {"bupleurum", "tangerine peel", "white peony", "Sichuan lovage", "licorice"}),
    ("Bu Yang Huan Wu Tang", {"astragalus", "dong quai", "Sichuan lovage"}),
    ("Dang Gui Shao Yao San 6 g daily", {"white peony", "bai zhu atractylodes", "poria", "dong quai", "Sichuan lovage"}),
    ("Er Chen Tang 3 capsules twice daily", {"pinellia", "tangerine peel", "poria", "licorice", "ginger"}),
    ("Dang Gui Si Ni Tang", {"dong quai", "cinnamon", "jujube", "white peony", "licorice"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_dong_quai_in_si_wu_tang_meets_warfarin(real_checker):
    line = "Si Wu Tang 6 g twice daily"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    dong_quai = [f for f in findings if f.supplement.name == "dong quai"]
    assert dong_quai, "the dong quai of Si Wu Tang can potentiate warfarin"
    assert dong_quai[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_ginseng_in_sheng_mai_san_meets_warfarin(real_checker):
    line = "Sheng Mai San"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    assert any(f.supplement.name == "Asian ginseng" for f in findings)
    assert all(f.supplement.input == line for f in findings)


def test_licorice_in_gegen_qinlian_decoction_meets_abiraterone(real_checker):
    line = "Gegen Qinlian decoction 150 mL twice daily"
    findings = real_checker.check(drugs=["abiraterone"], supplements=[line]).findings
    licorice = [f for f in findings if f.supplement.name == "licorice"]
    assert licorice, "the licorice of Gegen Qinlian decoction adds to the mineralocorticoid excess of abiraterone"
    assert licorice[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_licorice_in_zhi_gan_cao_tang_meets_abiraterone(real_checker):
    line = "Zhi Gan Cao Tang"
    findings = real_checker.check(drugs=["abiraterone"], supplements=[line]).findings
    licorice = [f for f in findings if f.supplement.name == "licorice"]
    assert licorice, "the licorice of Zhi Gan Cao Tang adds to the mineralocorticoid excess of abiraterone"
    assert licorice[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)
