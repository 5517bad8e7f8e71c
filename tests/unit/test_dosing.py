"""Reading doses, frequencies and forms from regimen lines as clinicians write them."""

from __future__ import annotations

import pytest
from suppcheck.dosing import convert, parse_item


@pytest.mark.parametrize(("text", "name", "amount", "unit", "per_day"), [
    ("St. John's wort 300 mg three times daily", "St. John's wort", 300, "mg", 900),
    ("apixaban 5 mg BID", "apixaban", 5, "mg", 10),
    ("Gleevec 400 mg daily", "Gleevec", 400, "mg", 400),
    ("docetaxel 75 mg/m2 IV q3w", "docetaxel", 75, "mg/m2", None),
    ("Xeloda 1000 mg/m² BID d1-14", "Xeloda", 1000, "mg/m2", 2000),
    ("fish oil 1.2 g twice a day", "fish oil", 1.2, "g", 2.4),
    ("Vitamin E 400 IU daily", "Vitamin E", 400, "IU", 400),
    ("vitamin B12 1000 mcg qd", "vitamin B12", 1000, "mcg", 1000),
    ("CoQ10 100 mg", "CoQ10", 100, "mg", None),
    ("melatonin 3 mg at bedtime", "melatonin", 3, "mg", 3),
    ("curcumin 500\u00a0mg q8h", "curcumin", 500, "mg", 1500),
    ("Vitamin D3 50,000 IU weekly", "Vitamin D3", 50000, "IU", 50000 / 7),
    ("magnesium 1,5 g daily", "magnesium", 1.5, "g", 1.5),
    ("biotin 5 µg daily", "biotin", 5, "mcg", 5),
])
def test_dose_parsing(text, name, amount, unit, per_day):
    parsed = parse_item(text)
    assert parsed.name == name
    assert parsed.dose is not None
    assert parsed.dose.amount == amount and parsed.dose.unit == unit
    assert parsed.dose.per_day == (pytest.approx(per_day) if per_day is not None else None)


def test_no_dose_keeps_the_whole_name():
    parsed = parse_item("5-HTP")
    assert parsed.name == "5-HTP" and parsed.dose is None


@pytest.mark.parametrize(("text", "form"), [
    ("green tea extract 500 mg", "extract"),
    ("green tea, 3 cups brewed daily", "food"),
    ("grapefruit juice 250 mL daily", "food"),
    ("turmeric in cooking", "food"),
    ("turmeric capsules", "extract"),
    ("ashwagandha 600 mg", "extract"),
    ("green tea", None),
])
def test_form(text, form):
    assert parse_item(text).form == form


def test_unit_conversion():
    assert convert(2, "g", "mg") == 2000
    assert convert(500, "mcg", "mg") == 0.5
    assert convert(400, "IU", "mg") is None
