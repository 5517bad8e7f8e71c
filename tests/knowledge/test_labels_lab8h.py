"""Label instructions for upadacitinib, ripretinib and apremilast, and fostamatinib without one (real graph).

Each row is an instruction recorded from a label text that was read; the negative controls are supplements the
labels do not speak to, which keep their non-label finding.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # RINVOQ EU package leaflet: avoid food or drink containing grapefruit
    ("upadacitinib", "grapefruit juice", "grapefruit", "major", "avoid grapefruit"),
    # QINLOCK EU package leaflet: grapefruit juice or grapefruit is not recommended
    ("ripretinib", "grapefruit", "grapefruit", "major", "avoid grapefruit"),
    # OTEZLA: CYP450 enzyme inducers (rifampin ...) not recommended
    ("apremilast", "St John's wort 300 mg", "St John's wort", "major", "avoid strong CYP3A4 inducers"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # the RINVOQ leaflet names no herbal product: St John's wort keeps its inferred finding
    ("upadacitinib", "St John's wort", "St John's wort", "moderate", "CYP3A4 induction"),
    # no label instruction for fostamatinib: goldenseal keeps its inferred finding
    ("fostamatinib", "goldenseal", "goldenseal", "minor", "CYP3A4 inhibition"),
    # the QINLOCK leaflet names St John's wort without an instruction: the class entry keeps the pair
    ("ripretinib", "St John's wort", "St John's wort", "major", "oral kinase inhibitors"),
])
def test_supplements_the_label_does_not_name_keep_their_finding(real_checker, drug, supplement, name, severity,
                                                                  words):
    f = finding_of(real_checker, drug, supplement, name, severity, words)
    assert "the label says" not in f.title
