"""Products, adulteration advisories and alternatives in the bundled graph."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("Zyflamend 2 capsules daily", {"turmeric", "ginger", "holy basil", "green tea", "huanglian", "barberry", "Chinese skullcap",
                                     "hu zhang"}),
    ("Pomi-T 2 tablets", {"pomegranate", "green tea", "turmeric"}),
    ("Xiao Chai Hu Tang", {"bupleurum", "Asian ginseng", "Chinese skullcap", "ginger", "licorice", "pinellia", "jujube"}),
    ("hochuekkito 7.5 g daily", {"astragalus", "licorice", "Asian ginseng", "ginger", "dong quai", "bupleurum",
                                 "bai zhu atractylodes", "tangerine peel", "jujube", "sheng ma"}),
    ("juzentaihoto", {"astragalus", "Asian ginseng", "dong quai", "cinnamon", "licorice", "bai zhu atractylodes", "rehmannia",
                      "white peony", "poria", "Sichuan lovage"}),
    ("Flor-Essence", {"red clover", "burdock", "sheep sorrel", "slippery elm", "kelp"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_product_findings_name_the_product_line(real_checker):
    line = "Zyflamend 2 capsules daily"
    findings = real_checker.check(drugs=["bortezomib"], supplements=[line]).findings
    assert findings, "green tea in Zyflamend meets bortezomib"
    assert {f.supplement.name for f in findings} >= {"green tea"}
    assert all(f.supplement.input == line for f in findings)


def test_the_pc_spes_advisory_fires_for_every_regimen(real_checker):
    for drugs in ([], ["tamoxifen"]):
        findings = real_checker.check(drugs=drugs, supplements=["PC SPES"]).findings
        advisory = [f for f in findings if f.supplement.name == "PC-SPES"]
        assert advisory and advisory[0].severity.value == "major"
        assert "warfarin" in advisory[0].title


def test_a_finding_carries_an_alternative(real_checker):
    findings = real_checker.check(drugs=["bortezomib"], supplements=["green tea extract 500 mg daily"]).findings
    [finding] = [f for f in findings if f.supplement.name == "green tea"]
    assert any("brewed beverage" in a.text for a in finding.alternatives)
    assert all(a.sources for a in finding.alternatives)
