"""Metabolic routes recorded for oral anticancer drugs whose files had none (real graph): trametinib (deacetylation by
carboxylesterases, Swiss product information). Enasidenib and selinexor get no substrate role: enasidenib's in-vitro
CYP list was seen only in a summary of its label, and selinexor's 12.3 sentence only on another product's sales page,
not in the labels' own copies.

Trametinib's carboxylesterase route meets no supplement of the graph, so it is checked as the fact the checker holds;
its class-level kinase inhibitor findings are unchanged. Pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest

from tests.drugcheck import hits, iri

TGT = "https://w3id.org/suppcheck/target/"


@pytest.mark.parametrize("drug", ["enasidenib", "selinexor"])
def test_drugs_whose_route_was_not_read_on_their_label_have_no_substrate_role(real_checker, drug):
    assert real_checker.kb.substrates.get(iri(drug), []) == []


@pytest.mark.parametrize(("drug", "target", "sensitivity"), [
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
