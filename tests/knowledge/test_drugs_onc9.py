"""Metabolic routes recorded for oral anticancer drugs whose files had none (real graph): selinexor (CYP3A4 among
UGTs and glutathione S-transferases, US label 12.3) and trametinib (deacetylation by carboxylesterases, Swiss
product information). Enasidenib gets no substrate role: its in-vitro CYP list was seen only in a summary of the
label, not in the label's own words.

Selinexor, a minor CYP3A4 substrate, now meets St John's wort (strong CYP3A4 inducer) and grapefruit (CYP3A4
inhibitor) with a minor finding, no longer silence. Trametinib's carboxylesterase route meets no supplement of the
graph, so it is checked as the fact the checker holds; its class-level kinase inhibitor findings are unchanged.
Pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest

from tests.drugcheck import hits, iri, one_finding

TGT = "https://w3id.org/suppcheck/target/"


@pytest.mark.parametrize(("drug", "supplement", "name", "drug_name", "words"), [
    ("selinexor", "St John's wort", "St John's wort", "selinexor", "lower selinexor exposure"),
    ("Xpovio 80 mg twice weekly", "St John's wort 300 mg three times daily", "St John's wort", "selinexor",
     "CYP3A4 induction"),
    ("selinexor", "grapefruit juice", "grapefruit", "selinexor", "raise selinexor exposure"),
])
def test_minor_cyp3a4_substrate_gives_minor(real_checker, drug, supplement, name, drug_name, words):
    f = one_finding(real_checker, drug, supplement, name, drug_name)
    assert f.severity.value == "minor", f.title
    assert words in f.title, f.title


def test_enasidenib_has_no_substrate_role(real_checker):
    assert real_checker.kb.substrates.get(iri("enasidenib"), []) == []


@pytest.mark.parametrize(("drug", "target", "sensitivity"), [
    ("selinexor", "CYP3A4", "minor"),
    ("trametinib", "CES2", "minor"),
])
def test_substrate_roles_recorded(real_checker, drug, target, sensitivity):
    claims = [c for c in real_checker.kb.substrates.get(iri(drug), []) if c.target == TGT + target]
    assert [c.sensitivity for c in claims] == [sensitivity]
    assert claims[0].sources


def test_trametinib_has_no_cyp3a4_role(real_checker):
    targets = {c.target for c in real_checker.kb.substrates.get(iri("trametinib"), [])}
    assert TGT + "CYP3A4" not in targets


@pytest.mark.parametrize(("drug", "supplement"), [
    ("selinexor", "vitamin D3 1000 IU"),
    ("enasidenib", "vitamin D3 1000 IU"),
    ("trametinib", "vitamin D3 1000 IU"),
    ("trametinib", "milk thistle"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    assert hits(real_checker, drug, supplement) == {}
