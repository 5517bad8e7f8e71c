"""Label instructions for the direct oral anticoagulants and the P2Y12 inhibitors (real graph).

Each row is an instruction recorded from a label text that was read; the negative controls are supplements the
labels do not speak to, which keep their non-label finding.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # ELIQUIS and XARELTO: avoid combined P-gp and strong CYP3A inducers, St John's wort named
    ("apixaban", "St John's wort", "St John's wort", "major", "avoid"),
    ("rivaroxaban", "St John's wort 300 mg", "St John's wort", "major", "avoid"),
    # PRADAXA: P-gp inducers should generally be avoided (St John's wort is a clinical P-gp inducer)
    ("dabigatran", "St John's wort", "St John's wort", "major", "avoid P-gp inducers"),
    # BRILINTA: avoid potent CYP3A inducers (St John's wort is a strong CYP3A4 inducer)
    ("ticagrelor", "St John's wort", "St John's wort", "major", "avoid strong CYP3A4 inducers"),
    # Efient SmPC: CYP3A inhibitors (grapefruit juice named) and inducers have no significant effect
    ("prasugrel", "grapefruit juice", "grapefruit", "minor", "no dose adjustment"),
    ("prasugrel", "goldenseal", "goldenseal", "minor", "no dose adjustment"),
    ("prasugrel", "St John's wort", "St John's wort", "minor", "no dose adjustment"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # the ELIQUIS text names no moderate CYP3A4 inhibitor: grapefruit keeps its inferred finding
    ("apixaban", "grapefruit", "grapefruit", "moderate", "CYP3A4 inhibition"),
    # BRILINTA names strong CYP3A inhibitors only: the curated grapefruit study keeps the pair
    ("ticagrelor", "grapefruit juice", "grapefruit", "moderate", "Grapefruit juice doubles ticagrelor exposure"),
])
def test_supplements_the_label_does_not_name_keep_their_finding(real_checker, drug, supplement, name, severity,
                                                                  words):
    f = finding_of(real_checker, drug, supplement, name, severity, words)
    assert "the label says" not in f.title
