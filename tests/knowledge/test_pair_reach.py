"""The pair pre-check never hides a finding: a pair it turns away has no chain of any kind in the real graph."""

from __future__ import annotations

from suppcheck.inference import Party


def test_a_pair_turned_away_has_no_chain(real_checker):
    kb, checker = real_checker.kb, real_checker
    reasoner = checker.reasoner
    supps = [Party(e.name, e.id) for e in kb.of_kind("supplement")]
    drugs = [Party(e.name, e.id) for e in kb.of_kind("drug")]
    turned_away = missed = 0
    for s in supps:
        for d in drugs:
            if checker._may_interact(s, d):
                continue
            turned_away += 1
            curated, _ = reasoner.curated(s, d.entity, None)
            chains = [c for c in (reasoner.curated_chain(ix, s, d.entity) for ix in curated) if c]
            chains += reasoner.label_chains(s, d) + reasoner.pharmacokinetic(s, d)
            chains += [c for _, c in reasoner.rules(s, d, None)]
            missed += bool(chains)
    assert turned_away > len(supps) * len(drugs) // 2, "the pre-check turns away almost nothing"
    assert missed == 0, f"{missed} pairs with a chain were turned away"


def test_dosed_items_reach_the_same_pairs(real_checker):
    """A dose below a threshold may silence a claim, never open a pair the undosed item could not reach."""
    result = real_checker.check(drugs=["warfarin", "imatinib 400 mg"],
                                supplements=["St John's wort 300 mg tid", "ginkgo 120 mg", "bromelain"])
    pairs = {(f.supplement.id.rsplit("/", 1)[-1], f.drug.id.rsplit("/", 1)[-1]) for f in result.findings if f.drug}
    assert {("st-johns-wort", "imatinib"), ("st-johns-wort", "warfarin"), ("ginkgo", "warfarin"),
            ("bromelain", "warfarin")} <= pairs


def test_the_reach_index_finds_exactly_the_pairs_the_pre_check_lets_through(real_checker):
    """The regimen's drugs are looked up by what a supplement brings; for every supplement of the graph against
    every drug of the graph, that gives the same drugs, in the same order, as asking the pre-check pair by pair."""
    from suppcheck.engine import _reaches, _ReachIndex

    kb, checker = real_checker.kb, real_checker
    supps = [Party(e.name, e.id) for e in kb.of_kind("supplement")]
    drugs = [Party(e.name, e.id) for e in kb.of_kind("drug")]
    reaches = [checker._drug_reach(d) for d in drugs]
    index = _ReachIndex(reaches)
    met = 0
    for s in supps:
        s_reach = checker._supp_reach(s)
        expected = [n for n, d_reach in enumerate(reaches) if _reaches(s.entity, s_reach, d_reach)]
        assert index.drugs_for(s.entity, s_reach) == expected, s.entity
        met += len(expected)
    assert met > len(supps)  # not an empty index agreeing with an empty pre-check
