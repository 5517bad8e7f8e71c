"""Label instructions of two azole antifungals and oral ketoconazole (real graph).

The VFEND label contraindicates St John's wort; the NOXAFIL label advises avoiding inducers of posaconazole's P-gp
clearance and needs no dose change with antacids; the ketoconazole tablets label spaces acid-neutralising medicines
1 hour before or 2 hours after the dose. A supplement these labels do not speak to keeps its own finding or none.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # VFEND section 4: coadministration with St John's Wort is contraindicated
    ("voriconazole", "St John's wort 300 mg", "St John's wort", "major", "contraindicated"),
    # NOXAFIL section 7: drugs that lower posaconazole (P-gp and glucuronidation inducers) generally avoided
    ("posaconazole", "St John's wort", "St John's wort", "major", "avoid"),
    # NOXAFIL 7.9: no dosage adjustment with antacids
    ("posaconazole", "calcium 600 mg", "calcium", "minor", "no dose adjustment"),
    ("posaconazole", "magnesium 400 mg", "magnesium", "minor", "no dose adjustment"),
    # ketoconazole tablets: acid-neutralising medicines at least 1 hour before or 2 hours after
    ("ketoconazole", "calcium 600 mg", "calcium", "moderate", "separate"),
    ("ketoconazole", "magnesium 400 mg", "magnesium", "moderate", "separate"),
    ("ketoconazole", "sodium bicarbonate", "sodium bicarbonate", "moderate", "separate"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("voriconazole", "zinc 25 mg", "zinc"),        # the VFEND text read names no cation
    ("ketoconazole", "iron 65 mg", "iron"),        # the label's spacing is for acid-neutralising medicines
])
def test_supplements_the_labels_do_not_name_stay_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not pair(result, name, drug)
