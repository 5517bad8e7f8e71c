"""Name resolution: exact, normalised, fuzzy, ambiguous and unrecognised, on a small test graph."""

from __future__ import annotations

import pytest

BODY = """
supp:saint-herb a sc:Supplement ; skos:prefLabel "Saint Herb's wort" ; skos:altLabel "SHW", "HerbaMax" ;
    sc:latinName "Herbula perforata" ; sc:category "botanical" .
supp:nacx a sc:Supplement ; skos:prefLabel "N-acetyl testine" ; skos:altLabel "NAT" ; sc:category "other" .
drug:tinibumab a sc:Drug ; skos:prefLabel "tinibumab" ; skos:altLabel "Tinivec" .
drug:tinibumol a sc:Drug ; skos:prefLabel "tinibumol" .
"""


@pytest.fixture
def checker(make_checker):
    return make_checker(BODY)


@pytest.mark.parametrize(("text", "expected", "method"), [
    ("Saint Herb's wort", "Saint Herb's wort", "exact"),
    ("saint herb\u2019s wort 300 mg tid", "Saint Herb's wort", "exact"),
    ("SAINT  HERBS WORT", "Saint Herb's wort", "normalized"),
    ("Herbula perforata", "Saint Herb's wort", "exact"),
    ("HerbaMax 500 mg", "Saint Herb's wort", "exact"),
    ("SHW", "Saint Herb's wort", "exact"),
    ("NAT 600 mg bid", "N-acetyl testine", "exact"),
    ("Tinivec 400 mg daily", "tinibumab", "exact"),
    ("tinibumab (Tinivec) tablets", "tinibumab", "normalized"),
])
def test_recognised(checker, text, expected, method):
    parsed_name = text
    from suppcheck.dosing import parse_item

    res = checker.resolve(parse_item(parsed_name).name)
    assert res.status.value == "recognized", res
    assert res.match.name == expected
    assert res.match.method == method


def test_short_names_need_an_exact_match(checker):
    res = checker.resolve("NAX")
    assert res.status.value == "unrecognized"


def test_a_near_name_is_checked_as_the_closest_but_never_silently(checker):
    res = checker.resolve("Saint Herbs wrot")
    assert res.status.value == "ambiguous" and res.match is None
    assert [c.name for c in res.candidates] == ["Saint Herb's wort"] and res.entities


def test_close_to_two_entities_is_not_taken(checker):
    res = checker.resolve("tinibumo")
    assert res.status.value == "ambiguous" and "tinibumol" in {c.name for c in res.candidates}
    res = checker.resolve("tinibum")  # the start of two names: neither is taken
    assert res.status.value != "recognized"
    assert {c.name for c in res.candidates} == {"tinibumab", "tinibumol"}


def test_unrecognised_gives_did_you_mean_of_the_same_role_only(checker):
    res = checker.resolve("saint horbal wurt", "supplement")
    assert res.status.value == "unrecognized"
    assert res.candidates and res.candidates[0].name == "Saint Herb's wort"
    assert all(c.name != "tinibumab" for c in checker.resolve("tinibumabx", "supplement").candidates)


def test_a_name_that_holds_another_is_not_read_as_it(checker):
    res = checker.resolve("xtinibumabine", "drug")
    assert res.status.value == "unrecognized"


def test_nonsense_is_unrecognised_without_candidates(checker):
    res = checker.resolve("qqqqqq zzzzz")
    assert res.status.value == "unrecognized" and res.candidates == []
