"""Kampo and Chinese formulas, trial and alternative-cancer products, and advisories on products found to contain
hidden prescription drugs (FDA and TGA notices), in the bundled graph."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("ninjin'yoeito 7.5 g daily", {"rehmannia", "bai zhu atractylodes", "poria", "Asian ginseng", "cinnamon", "white peony",
                                   "tangerine peel", "astragalus", "licorice", "schisandra"}),
    ("Ren Shen Yang Rong Tang", {"rehmannia", "bai zhu atractylodes", "poria", "Asian ginseng", "cinnamon", "white peony",
                                 "tangerine peel", "astragalus", "licorice", "schisandra"}),
    ("daikenchuto 15 g daily", {"Asian ginseng", "ginger"}),
    ("shakuyakukanzoto 7.5 g daily", {"licorice", "white peony"}),
    ("Shao Yao Gan Cao Tang", {"licorice", "white peony"}),
    ("keishibukuryogan 2.5 g three times daily", {"cinnamon", "poria", "white peony"}),
    ("Gui Zhi Fu Ling Wan", {"cinnamon", "poria", "white peony"}),
    ("Danggui Buxue Tang", {"astragalus", "dong quai"}),
    ("Hoxsey tonic", {"iodine", "licorice", "red clover", "burdock", "barberry", "cascara sagrada"}),
    ("Wobe-Mugos E 12 tablets daily", {"papain", "pancreatic enzymes"}),
    ("Iberogast 20 drops three times daily", {"peppermint", "chamomile", "licorice"}),
    ("STW 5", {"peppermint", "chamomile", "licorice"}),
    ("Tien Hsien Liquid 10 mL twice daily", {"cordyceps", "astragalus", "reishi", "Asian ginseng", "bai zhu atractylodes",
                                            "codonopsis", "goji"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_licorice_in_shakuyakukanzoto_meets_abiraterone(real_checker):
    line = "shakuyakukanzoto 7.5 g daily"
    findings = real_checker.check(drugs=["abiraterone"], supplements=[line]).findings
    licorice = [f for f in findings if f.supplement.name == "licorice"]
    assert licorice, "the licorice of shakuyakukanzoto adds to the mineralocorticoid excess of abiraterone"
    assert licorice[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


@pytest.mark.parametrize("line, name, hidden", [
    ("Artri King", "Artri King", {"dexamethasone", "diclofenac"}),
    ("Artri Ajo King 1 tablet daily", "Artri King", {"dexamethasone", "diclofenac"}),
    ("HON-E-LING", "HON-E-LING", {"sibutramine", "sildenafil"}),
    ("Slim Xtreme", "Slim Xtreme Herbal Slimming Capsule", {"sibutramine"}),
    ("Rhino pills", "24K Rhino capsules", {"sildenafil"}),
])
def test_an_adulteration_advisory_fires_for_every_regimen(real_checker, line, name, hidden):
    for drugs in ([], ["cisplatin"], ["sunitinib"]):
        findings = real_checker.check(drugs=drugs, supplements=[line]).findings
        advisory = [f for f in findings if f.supplement.name == name]
        assert advisory, (line, drugs)
        assert advisory[0].severity.value == "major"
        assert all(h in advisory[0].title for h in hidden)
        assert advisory[0].evidence.basis.value == "curated" and advisory[0].evidence.sources
