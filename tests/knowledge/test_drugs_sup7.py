"""Supportive-care drugs completed with a metabolic route (real graph): aprepitant, dexlansoprazole, granisetron and
palonosetron; and St John's wort's CYP2C19 induction, which reaches omeprazole.

Each new fact gives the finding the graph now gives (none of these pairs gave a pharmacokinetic finding before):
aprepitant is a CYP3A4 substrate (Swiss product information), graded minor for want of a fold change, so St John's
wort and grapefruit give minor exposure findings; dexlansoprazole is a CYP2C19 substrate (CPIC); palonosetron has a
minor CYP3A4 role (Swiss product information), so grapefruit gives a minor finding and St John's wort's exposure chain
stays in the notes under the serotonergic finding; granisetron has no CYP3A4 role (its Swiss text excludes CYP3A4), so
grapefruit stays silent for it; St John's wort induces CYP2C19 (a
mephenytoin study; size on a substrate unknown), so omeprazole's exposure finding is minor. Palonosetron's CYP2D6
role is minor, so goldenseal stays silent; milk thistle, with no fact for these drugs, stays silent too.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "words"), [
    # St John's wort induces CYP2C19 (mephenytoin hydroxylation up 151% in extensive metabolisers)
    ("omeprazole", "St John's wort", "St John's wort", "may lower omeprazole exposure (CYP2C19 induction)"),
    # dexlansoprazole: CYP2C19 substrate (CPIC)
    ("dexlansoprazole", "St John's wort", "St John's wort", "may lower dexlansoprazole exposure (CYP2C19 induction)"),
    # aprepitant: CYP3A4 substrate (Swiss EMEND text), minor for want of a fold change
    ("aprepitant", "St John's wort", "St John's wort", "may lower aprepitant exposure (CYP3A4 induction)"),
    ("aprepitant", "grapefruit juice", "grapefruit", "may raise aprepitant exposure (CYP3A4 inhibition)"),
    # palonosetron: minor CYP3A4 role
    ("palonosetron", "grapefruit juice", "grapefruit", "may raise palonosetron exposure (CYP3A4 inhibition)"),
])
def test_new_routes_give_minor_exposure_findings(real_checker, drug, supplement, name, words):
    finding_of(real_checker, drug, supplement, name, "minor", words)


@pytest.mark.parametrize(("line", "supplement", "name", "drug"), [
    ("Prilosec 20 mg daily", "St John's wort 300 mg three times daily", "St John's wort", "omeprazole"),
    ("Dexilant 60 mg daily", "St John's wort 300 mg three times daily", "St John's wort", "dexlansoprazole"),
    ("Emend 125 mg", "grapefruit juice", "grapefruit", "aprepitant"),
])
def test_medication_lines_reach_the_new_findings(real_checker, line, supplement, name, drug):
    [f] = pair(real_checker.check(drugs=[line], supplements=[supplement]), name, drug)
    assert f.severity.value == "minor", f.title
    assert f.kind.value == "pharmacokinetic"


def test_omeprazole_finding_rests_on_the_cyp2c19_study(real_checker):
    f = finding_of(real_checker, "omeprazole", "St John's wort", "St John's wort", "minor", "CYP2C19 induction")
    assert f.kind.value == "pharmacokinetic"
    assert [(m.target, m.action, m.strength) for m in f.mechanisms] == [("CYP2C19", "induction", "unknown")]
    assert "10.1177/0091270004265642" in {s.doi for s in f.evidence.sources}


@pytest.mark.parametrize("drug", ["palonosetron"])
def test_serotonergic_finding_keeps_the_new_exposure_chain_in_its_notes(real_checker, drug):
    # the 5-HT3 class's serotonergic finding speaks first; the minor CYP3A4 chain is shown beside it
    f = finding_of(real_checker, drug, "St John's wort", "St John's wort", "moderate", "serotonergic")
    assert any(f"may lower {drug} exposure (CYP3A4 induction)" in n for n in f.notes), f.notes


@pytest.mark.parametrize(("drug", "supplement"), [
    # palonosetron's CYP2D6 role is minor (no effect of CYP2D6 inhibitors on its clearance): goldenseal stays silent
    ("palonosetron", "goldenseal"),
    # the Swiss granisetron text excludes CYP3A4 from its metabolism: no CYP3A4 role, grapefruit stays silent
    ("granisetron", "grapefruit juice"),
    # no fact joins milk thistle to these drugs
    ("omeprazole", "milk thistle"),
    ("aprepitant", "milk thistle"),
    ("dexlansoprazole", "milk thistle"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug], result.findings


def test_st_johns_wort_cyp2c19_claim_is_for_extracts(real_checker):
    # the CYP2C19 claim, like the CYP3A4 ones, applies to extracts and supplements
    [f] = pair(real_checker.check(drugs=["omeprazole"], supplements=["St John's wort"]), "St John's wort", "omeprazole")
    assert any("concentrated extracts" in n for n in f.notes), f.notes
