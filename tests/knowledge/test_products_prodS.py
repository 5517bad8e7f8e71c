"""Chinese formulas, Chinese patent medicines used in cancer care and an Ayurvedic compound, read as their ingredients."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("Xiao Yao San 6 g twice daily", {"bupleurum", "dong quai", "white peony", "bai zhu atractylodes", "poria"}),
    ("Kamishoyosan 7.5 g daily", {"bupleurum", "dong quai", "white peony", "bai zhu atractylodes", "poria"}),
    ("Jing Fang Bai Du San 3 g three times daily", {"bupleurum", "ginger", "poria", "licorice", "Sichuan lovage"}),
    ("Trikatu 500 mg twice daily", {"black pepper (piperine)", "ginger"}),
    ("Aidi injection", {"astragalus", "Asian ginseng", "Siberian ginseng"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_ginseng_in_aidi_injection_meets_warfarin(real_checker):
    line = "Aidi injection"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    ginseng = [f for f in findings if f.supplement.name == "Asian ginseng"]
    assert ginseng, "the ginseng of Aidi injection can change the effect of warfarin"
    assert ginseng[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_licorice_in_jing_fang_bai_du_san_meets_abiraterone(real_checker):
    line = "Jing Fang Bai Du San 3 g three times daily"
    findings = real_checker.check(drugs=["abiraterone"], supplements=[line]).findings
    licorice = [f for f in findings if f.supplement.name == "licorice"]
    assert licorice, "the licorice of Jing Fang Bai Du San adds to the mineralocorticoid excess of abiraterone"
    assert licorice[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)
