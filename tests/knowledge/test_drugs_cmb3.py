"""Immunomodulating drugs added together (real graph): azathioprine, leflunomide, sulfasalazine, tofacitinib,
upadacitinib, baricitinib, apremilast, adalimumab, etanercept, infliximab, ustekinumab, vedolizumab, dupilumab,
tocilizumab and eculizumab.

Their names and brands resolve to them; those whose labels warn of serious infections are immunosuppressants and get
the immunostimulant rule and the immunosuppressant class entries as mycophenolate mofetil does; tofacitinib's label
avoids strong CYP3A4 inducers (St John's wort); upadacitinib's CYP3A4 role and sulfasalazine's BCRP role reach St
John's wort and curcumin; leflunomide's boxed hepatotoxicity reaches the liver rule; vedolizumab, whose label finds
no systemic immunosuppression, stays silent with echinacea.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("Imuran", "azathioprine"), ("Arava", "leflunomide"), ("Azulfidine", "sulfasalazine"),
    ("sulphasalazine", "sulfasalazine"), ("Xeljanz XR", "tofacitinib"), ("Rinvoq", "upadacitinib"),
    ("Olumiant", "baricitinib"), ("Otezla", "apremilast"), ("Humira", "adalimumab"), ("Enbrel", "etanercept"),
    ("Remicade", "infliximab"), ("Inflectra", "infliximab"), ("Stelara", "ustekinumab"), ("Entyvio", "vedolizumab"),
    ("Dupixent", "dupilumab"), ("Actemra", "tocilizumab"), ("Soliris", "eculizumab"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("azathioprine 50 mg twice daily", "azathioprine"),
    ("Xeljanz 5 mg twice daily", "tofacitinib"),
    ("Actemra 8 mg/kg IV for CRS", "tocilizumab"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


@pytest.mark.parametrize("drug", ["azathioprine", "tofacitinib", "upadacitinib", "baricitinib", "adalimumab",
                                  "etanercept", "infliximab", "ustekinumab", "tocilizumab"])
def test_an_immunosuppressant_gets_echinacea_as_mycophenolate_does(real_checker, drug):
    sibling = pair(real_checker.check(drugs=["mycophenolate mofetil"], supplements=["echinacea"]),
                   "echinacea", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=[drug], supplements=["echinacea"]), "echinacea", drug)
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]
    assert "immunosuppressant" in closure(real_checker, drug)


def test_astragalus_entry_for_immunosuppressants_reaches_a_tnf_inhibitor(real_checker):
    sibling = pair(real_checker.check(drugs=["mycophenolate mofetil"], supplements=["astragalus"]),
                   "astragalus", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=["Humira"], supplements=["astragalus"]), "astragalus", "adalimumab")
    assert found and [f.title for f in found] == [f.title for f in sibling]


def test_tofacitinib_label_avoids_st_johns_wort(real_checker):
    result = real_checker.check(drugs=["Xeljanz 5 mg twice daily"], supplements=["St John's wort 300 mg three times daily"])
    [f] = pair(result, "St John's wort", "tofacitinib")
    assert f.severity.value == "major"
    assert f.kind.value == "pharmacokinetic"


def test_st_johns_wort_lowers_upadacitinib(real_checker):
    [f] = pair(real_checker.check(drugs=["Rinvoq 15 mg daily"], supplements=["St John's wort"]),
               "St John's wort", "upadacitinib")
    assert f.severity.value == "moderate"


def test_curcumin_raises_sulfasalazine_through_bcrp(real_checker):
    found = pair(real_checker.check(drugs=["sulfasalazine 1 g twice daily"], supplements=["turmeric 2000 mg"]),
                 "turmeric", "sulfasalazine")
    assert any(f.kind.value == "pharmacokinetic" and f.severity.value == "moderate" for f in found)


def test_kava_adds_to_leflunomide_liver_toxicity(real_checker):
    found = pair(real_checker.check(drugs=["Arava 20 mg daily"], supplements=["kava"]), "kava", "leflunomide")
    assert any("liver" in f.title for f in found)


def test_echinacea_is_silent_with_vedolizumab(real_checker):
    """Negative control: the label finds no systemic immunosuppression, so no property or class carries the rule."""
    assert not pair(real_checker.check(drugs=["Entyvio"], supplements=["echinacea"]), "echinacea", "vedolizumab")
    assert "immunosuppressant" not in closure(real_checker, "vedolizumab")
