"""Laxatives, an antacid and fibre products of consult lists (real graph).

Mineral oil, castor oil, glycerin suppositories and sorbitol are laxatives by name, class and route; the sodium
phosphate enema (Fleet) carries the kidney harm of FDA's warning on over-the-counter sodium phosphate products, and
so meets a kidney-injuring supplement as methotrexate does; Gaviscon is read as its magnesium, which drug labels
separate from eltrombopag as for Rolaids; methylcellulose (Citrucel) and wheat dextrin (Benefiber) are fibre
supplements, like psyllium. Negative controls: a laxative whose label gave no warning stays silent, and mineral oil
is no longer read as propranolol.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("mineral oil", "mineral oil"), ("mineral oil laxative", "mineral oil"), ("Fleet Mineral Oil", "mineral oil"),
    ("castor oil", "castor oil"),
    ("glycerin", "glycerin"), ("glycerin suppository", "glycerin"), ("glycerin suppositories", "glycerin"),
    ("sorbitol", "sorbitol"),
    ("sodium phosphate enema", "sodium phosphate enema"), ("Fleet enema", "sodium phosphate enema"),
    ("Fleet", "sodium phosphate enema"), ("saline enema", "sodium phosphate enema"),
])
def test_names_resolve(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("mineral oil 15 mL at bedtime", "mineral oil"),
    ("castor oil 15 mL once", "castor oil"),
    ("glycerin suppository 1 PR daily as needed", "glycerin"),
    ("sorbitol 70% 30 mL daily", "sorbitol"),
    ("Fleet enema 1 PR once", "sodium phosphate enema"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


def test_mineral_oil_is_not_read_as_propranolol(real_checker):
    res = real_checker.resolve("mineral oil", "drug")
    assert res.match.name == "mineral oil"
    assert "propranolol" not in line_names(real_checker, "mineral oil 30 mL at bedtime")


def test_germanium_meets_the_kidney_harm_of_a_fleet_enema_as_of_methotrexate(real_checker):
    sibling = pair(real_checker.check(drugs=["methotrexate"], supplements=["germanium"]), "germanium", "methotrexate")
    found = pair(real_checker.check(drugs=["Fleet enema"], supplements=["germanium"]),
                 "germanium", "sodium phosphate enema")
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling] == ["moderate"]
    assert "kidney toxicity of sodium phosphate enema" in found[0].title


def test_gaviscon_is_read_as_magnesium_and_is_separated_from_eltrombopag_as_rolaids_is(real_checker):
    def magnesium(line):
        result = real_checker.check(drugs=[line, "eltrombopag"], supplements=["ginger"])
        return pair(result, "magnesium", "eltrombopag")
    found, sibling = magnesium("Gaviscon 10 mL after meals"), magnesium("Rolaids 2 tablets")
    assert [(f.severity.value, f.title) for f in found] == [(f.severity.value, f.title) for f in sibling]
    assert found and found[0].severity.value == "moderate"


@pytest.mark.parametrize(("line", "expected"), [
    ("Citrucel 1 tablespoon daily", "methylcellulose"), ("methylcellulose 2 g daily", "methylcellulose"),
    ("Benefiber 2 teaspoons daily", "wheat dextrin"), ("wheat dextrin", "wheat dextrin"),
])
def test_fibre_products_are_supplements_like_psyllium(real_checker, line, expected):
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    item = next(i for i in result.items if i.input == line)
    assert item.status.value == "recognized" and item.match.name == expected


def test_castor_oil_with_germanium_stays_silent(real_checker):
    assert not pair(real_checker.check(drugs=["castor oil"], supplements=["germanium"]), "germanium", "castor oil")
