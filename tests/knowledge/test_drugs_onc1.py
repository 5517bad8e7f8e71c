"""Bicalutamide, hydroxyurea, mercaptopurine, melphalan, chlorambucil and trifluridine-tipiracil (real graph).

Their names resolve as prescriptions write them (bare "trifluridine", also an antiviral eye drop, is not taken for
the Lonsurf combination). None of their labels, as read, names a CYP or transporter category or a food to act on:
no label instruction is recorded, and St John's wort and grapefruit stay silent with each of them. What their labels'
warnings give (myelosuppression, liver injury, immunosuppression) reaches findings through the pharmacodynamic rules.
"""

from __future__ import annotations

import pytest
from suppcheck.models import Role

DRUGS = ["bicalutamide", "hydroxyurea", "mercaptopurine", "melphalan", "chlorambucil", "trifluridine-tipiracil"]


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("line", "expected"), [
    ("bicalutamide 50 mg daily", "bicalutamide"),
    ("Casodex 50 mg once a day", "bicalutamide"),
    ("hydroxyurea 500 mg twice daily", "hydroxyurea"),
    ("hydroxycarbamide 1 g daily", "hydroxyurea"),
    ("Hydrea 500 mg", "hydroxyurea"),
    ("Droxia 300 mg daily", "hydroxyurea"),
    ("mercaptopurine 50 mg at night", "mercaptopurine"),
    ("6-MP 75 mg/m2 daily", "mercaptopurine"),
    ("Purixan 20 mg/mL oral suspension", "mercaptopurine"),
    ("melphalan 6 mg daily", "melphalan"),
    ("Alkeran 2 mg tablets", "melphalan"),
    ("Evomela 200 mg/m2 IV", "melphalan"),
    ("chlorambucil 10 mg daily", "chlorambucil"),
    ("Leukeran 2 mg", "chlorambucil"),
    ("Lonsurf 35 mg/m2 twice daily days 1-5 and 8-12", "trifluridine-tipiracil"),
    ("trifluridine/tipiracil 60 mg bid", "trifluridine-tipiracil"),
    ("trifluridine and tipiracil", "trifluridine-tipiracil"),
    ("TAS-102", "trifluridine-tipiracil"),
])
def test_names_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.drug)
    assert item.match is not None and item.match.name == expected, line


def test_bare_trifluridine_is_not_taken_for_lonsurf(real_checker):
    item, _ = real_checker.item("trifluridine 1% eye drops", Role.drug)
    assert item.match is None or item.match.name != "trifluridine-tipiracil"


# ----------------------------------------------------------------------------- no label category: silence
@pytest.mark.parametrize("drug", DRUGS)
def test_st_johns_wort_and_grapefruit_are_silent(real_checker, drug):
    """No label read names a CYP3A category, grapefruit or St John's wort for these drugs, and none is a CYP3A
    substrate in the graph: a finding here would be invented."""
    result = real_checker.check(drugs=[drug], supplements=["St John's wort 300 mg three times daily",
                                                           "grapefruit juice"])
    assert not _pair(result, "St John's wort", drug)
    assert not _pair(result, "grapefruit", drug)


# ----------------------------------------------------------------------------- label warnings reach findings
@pytest.mark.parametrize("drug", ["bicalutamide", "mercaptopurine"])
def test_kava_adds_to_the_liver_toxicity(real_checker, drug):
    """Bicalutamide (5.1 severe hepatic injury) and mercaptopurine (5.2 hepatotoxic) carry prop:hepatotoxic."""
    result = real_checker.check(drugs=[drug], supplements=["kava 250 mg daily"])
    titles = [f.title.lower() for f in _pair(result, "kava", drug)]
    assert any("liver" in t for t in titles), titles
    assert {f.severity.value for f in _pair(result, "kava", drug)} <= {"moderate", "major"}


@pytest.mark.parametrize("drug", DRUGS[1:])
def test_an_antiplatelet_supplement_is_flagged_with_the_myelosuppressive_drugs(real_checker, drug):
    """Each chemotherapy drug lowers blood counts (boxed warning or 5.1); fish oil is then a bleeding concern."""
    result = real_checker.check(drugs=[drug], supplements=["fish oil 4 g daily"])
    [f] = _pair(result, "fish oil", drug)
    assert "bleeding" in f.title.lower() and "platelet" in f.title.lower()
    assert f.severity.value == "minor"


def test_echinacea_may_oppose_mercaptopurine(real_checker):
    """PURIXAN 5.3: mercaptopurine is immunosuppressive."""
    result = real_checker.check(drugs=["mercaptopurine 50 mg daily"], supplements=["echinacea"])
    [f] = _pair(result, "echinacea", "mercaptopurine")
    assert "oppose" in f.title.lower()


def test_bicalutamide_is_not_myelosuppressive(real_checker):
    """Negative control: bicalutamide's label gives no marrow toxicity, so fish oil stays silent with it."""
    result = real_checker.check(drugs=["bicalutamide 50 mg daily"], supplements=["fish oil 4 g daily"])
    assert not _pair(result, "fish oil", "bicalutamide")
