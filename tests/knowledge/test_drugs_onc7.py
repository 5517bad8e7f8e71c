"""Metabolic routes added to oral and infused anticancer drugs whose files had none (real graph): lenvatinib and
lurbinectedin.

Lenvatinib is a minor CYP3A4 substrate by its label's clinical studies (ketoconazole: AUC x1.15; 21 days of
rifampicin: x0.82); the class entries for oral kinase inhibitors still speak for St John's wort and grapefruit, and the
CYP3A4 chain now stands in their notes. Lurbinectedin, an infusion outside those class entries, is a CYP3A4 substrate
by a population PK-PD analysis (CYP3A inhibitors raised its myelotoxicity) with no fold change read, so its pairs with
a strong CYP3A4 inducer or with grapefruit are minor. A weak CYP3A4 inhibitor (goldenseal) gives nothing with a minor
substrate, and a supplement the graph has no fact for stays silent.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- lurbinectedin: CYP3A4 substrate
@pytest.mark.parametrize(("supplement", "name", "words"), [
    ("St John's wort", "St John's wort", "may lower lurbinectedin exposure (CYP3A4 induction)"),
    ("grapefruit juice", "grapefruit", "may raise lurbinectedin exposure (CYP3A4 inhibition)"),
])
def test_lurbinectedin_cyp3a4_chain_is_minor(real_checker, supplement, name, words):
    finding_of(real_checker, "lurbinectedin", supplement, name, "minor", words)


def test_lurbinectedin_chain_cites_the_population_analysis(real_checker):
    [f] = _pair(real_checker.check(drugs=["Zepzelca 3.2 mg/m2 every 21 days"], supplements=["St John's wort 300 mg tid"]),
                "St John's wort", "lurbinectedin")
    assert f.severity.value == "minor"
    assert f.evidence.level.value == "clinical"
    assert "33914350" in {s.pmid for s in f.evidence.sources}


# ----------------------------------------------------------------------------- lenvatinib: minor CYP3A4 substrate
@pytest.mark.parametrize(("supplement", "name", "severity", "also"), [
    # the class entry for oral kinase inhibitors speaks first; the label's small fold changes stand in the notes
    ("St John's wort", "St John's wort", "major", "also: St John's wort may lower lenvatinib exposure (CYP3A4 induction)"),
    ("grapefruit juice", "grapefruit", "moderate", "also: grapefruit may raise lenvatinib exposure (CYP3A4 inhibition)"),
])
def test_lenvatinib_cyp3a4_chain_stands_in_the_notes(real_checker, supplement, name, severity, also):
    [f] = _pair(real_checker.check(drugs=["Lenvima 24 mg daily"], supplements=[supplement]), name, "lenvatinib")
    assert f.severity.value == severity
    assert "oral kinase inhibitors" in f.title
    assert any(n.startswith(also) and "(minor, clinical" in n for n in f.notes), f.notes


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # goldenseal is graded a weak CYP3A4 inhibitor: nothing with a minor substrate
    ("lurbinectedin", "goldenseal"),
    ("lenvatinib", "goldenseal"),
    # no fact links vitamin D to either drug
    ("lurbinectedin", "vitamin D 1000 IU"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
