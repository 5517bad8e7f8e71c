"""Combined hormonal contraceptives read as their drugs (real graph): Yasmin, Yaz, Ortho Tri-Cyclen, Loestrin,
Ortho-Novum, Apri and NuvaRing; and "birth control pill", "oral contraceptive", "the pill", "OCP", names of any
combined pill, read as the class of hormonal contraceptives with a definition that asks for the product."""

from __future__ import annotations

import pytest
from drugcheck import read_line as _read
from drugcheck import set_drugs as _drugs

EE = "ethinyl estradiol"
DRSP = {"drospirenone", EE}
NGM = {"norgestimate", EE}
NET = {"norethindrone", EE}
DSG = {"desogestrel", EE}
RING = {"etonogestrel", EE}


@pytest.mark.parametrize("line, expected", [
    ("Yasmin", DRSP), ("Yasmin 28 one tablet daily", DRSP), ("Jasmiel", DRSP), ("Loryna 3 mg/0.03 mg daily", DRSP),
    ("drospirenone and ethinyl estradiol", DRSP), ("drospirenone/ethinyl estradiol 3 mg/0.02 mg", DRSP),
    ("Yaz", DRSP), ("Yaz 1 tab PO daily", DRSP),
    ("Ortho Tri-Cyclen", NGM), ("Ortho-Cyclen", NGM), ("Sprintec 1 tab daily", NGM), ("Tri-Sprintec", NGM),
    ("Tri-Lo-Sprintec", NGM), ("Estarylla", NGM), ("norgestimate and ethinyl estradiol", NGM),
    ("Loestrin 1/20", NET), ("Loestrin 21 1.5/30", NET), ("Junel 1/20 daily", NET),
    ("norethindrone acetate and ethinyl estradiol", NET),
    ("Ortho-Novum 1/35", NET), ("Nortrel 7/7/7", NET), ("norethindrone and ethinyl estradiol", NET),
    ("Apri", DSG), ("Apri 28 Day", DSG), ("desogestrel and ethinyl estradiol", DSG),
    ("NuvaRing", RING), ("NuvaRing vaginally for 3 weeks", RING), ("EluRyng", RING),
    ("etonogestrel/ethinyl estradiol vaginal ring", RING),
])
def test_a_combination_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


UNNAMED = "oral contraceptive (product not named)"


@pytest.mark.parametrize("line", ["birth control pill", "oral contraceptive daily", "the pill", "OCP",
                                  "oral contraceptive pill", "combined oral contraceptive"])
def test_a_pill_named_by_its_class_is_read_as_the_class_and_asks_for_the_product(real_checker, line):
    item = _read(real_checker, line)
    assert item.status.value == "recognized"
    assert item.match.name == UNNAMED
    assert item.reading is None or not item.reading.unread
    entity = real_checker.kb.entities[item.match.id]
    assert "Name the product" in (entity.definition or "")


def test_st_johns_wort_reaches_the_drugs_of_a_brand_line(real_checker):
    result = real_checker.check(drugs=["Yaz 1 tablet daily"], supplements=["St John's wort 300 mg three times daily"])
    found = {f.drug.name: f.severity.value for f in result.findings if f.drug is not None}
    assert found == {"drospirenone": "major", EE: "major"}


def test_st_johns_wort_reaches_a_pill_named_by_its_class_once(real_checker):
    result = real_checker.check(drugs=["birth control pill"], supplements=["St John's wort"])
    found = [(f.drug.name, f.severity.value) for f in result.findings if f.drug is not None]
    assert found == [(UNNAMED, "major")]
