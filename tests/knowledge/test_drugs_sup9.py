"""Metabolic routes and label instructions of erythromycin and propranolol (real graph).

Erythromycin is a CYP3A4 substrate (a grapefruit juice study raised its AUC about 1.5-fold), graded minor, so
grapefruit and St John's wort give minor findings. Propranolol is a CYP2D6 (moderate), CYP1A2 and CYP2C19 substrate
whose label asks to monitor with CYP2D6, CYP1A2 and CYP2C19 inhibitors: a clinically graded CYP2C19 inhibitor
(cannabidiol) gets the label's finding, goldenseal (CYP2D6 inhibitor of ungraded strength) an inferred one.
Supplements the graph has no fact for with these drugs stay silent.
"""

from __future__ import annotations

import pytest

from tests.drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "words"), [
    ("erythromycin", "grapefruit juice", "grapefruit", "may raise erythromycin exposure (CYP3A4 inhibition)"),
    ("erythromycin", "St John's wort", "St John's wort", "may lower erythromycin exposure (CYP3A4 induction)"),
    ("propranolol", "goldenseal", "goldenseal", "may raise propranolol exposure (CYP2D6 inhibition)"),
])
def test_substrate_routes_give_minor(real_checker, drug, supplement, name, words):
    finding_of(real_checker, drug, supplement, name, "minor", words)


def test_propranolol_label_monitor_with_cyp2c19_inhibitors(real_checker):
    # label section 7: monitor for bradycardia and hypotension; no CYP2C19 fold change read, hence minor
    f = finding_of(real_checker, "propranolol", "cannabidiol", "cannabidiol (CBD)", "minor",
                   "the label says monitor with CYP2C19 inhibitors")
    titles = [s.title for s in f.evidence.sources]
    assert any(t.startswith("INNOPRAN XL") for t in titles), titles


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("erythromycin", "melatonin", "melatonin"),
    ("erythromycin", "goldenseal", "goldenseal"),
    ("propranolol", "melatonin", "melatonin"),
    ("propranolol", "fish oil", "fish oil"),
])
def test_no_fact_stays_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert pair(result, name, drug) == [], [f.title for f in result.findings]
