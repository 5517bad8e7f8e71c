"""Label instructions of HIV and hepatitis C drugs, from their EU package leaflets (real graph).

Tivicay: no antacid, calcium or iron supplement or multivitamin in the 6 hours before or 2 hours after a dose, and
the doctor may adjust the dose or add check-ups with St John's wort. Isentress: aluminium or magnesium antacids are
not recommended; iron salts two hours apart. Prezista (with cobicistat or ritonavir), Maviret and Harvoni: not to
be taken with St John's wort; Harvoni keeps antacids 4 hours apart. A supplement a leaflet does not speak to keeps
its own finding or none.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    ("dolutegravir", "magnesium 400 mg", "magnesium", "moderate", "separate"),
    ("dolutegravir", "calcium 600 mg", "calcium", "moderate", "separate"),
    ("dolutegravir", "iron 65 mg", "iron", "moderate", "separate"),
    ("dolutegravir", "multivitamin", "multivitamin", "moderate", "separate"),
    ("dolutegravir", "St John's wort", "St John's wort", "minor", "monitor"),
    ("raltegravir", "magnesium 400 mg", "magnesium", "major", "avoid"),
    ("raltegravir", "iron 65 mg", "iron", "moderate", "separate"),
    ("darunavir", "St John's wort", "St John's wort", "major", "contraindicated"),
    ("glecaprevir", "St John's wort", "St John's wort", "major", "contraindicated"),
    ("ledipasvir", "St John's wort", "St John's wort", "major", "contraindicated"),
    ("ledipasvir", "calcium 600 mg", "calcium", "moderate", "separate"),
    ("ledipasvir", "magnesium 400 mg", "magnesium", "moderate", "separate"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


def test_calcium_with_raltegravir_keeps_its_chelation_finding(real_checker):
    # the Isentress leaflet gives no instruction for calcium: the finding is the chelation property's, not the label's
    result = real_checker.check(drugs=["raltegravir"], supplements=["calcium 600 mg"])
    [f] = pair(result, "calcium", "raltegravir")
    assert f.severity.value == "moderate"
    assert "label" not in f.title


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("darunavir", "grapefruit", "grapefruit"),     # the Prezista leaflet names no food
    ("glecaprevir", "iron 65 mg", "iron"),         # the Maviret leaflet names no cation
])
def test_supplements_the_leaflets_do_not_name_stay_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not pair(result, name, drug)
