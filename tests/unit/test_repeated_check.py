"""A regimen checked again gives the same result, from what was remembered, and a caller's change to one
result does not reach the next."""

from __future__ import annotations

from suppcheck import Checker, KnowledgeBase
from suppcheck.models import Role

REGIMEN = dict(drugs=["warfarin 5 mg daily", "imatinib 400 mg daily", "apixaban 5 mg BID"],
               supplements=["ginkgo 120 mg", "fish oil 4 g daily", "St John's wort 300 mg tid", "unknownium"],
               context=["surgery"])


def test_a_repeated_check_gives_the_result_of_a_fresh_one(real_checker):
    first = real_checker.check(**REGIMEN)
    again = real_checker.check(**REGIMEN)
    fresh = Checker(KnowledgeBase.load()).check(**REGIMEN)
    assert first.findings and again.model_dump() == first.model_dump() == fresh.model_dump()
    assert again is not first and again.findings is not first.findings
    assert again.findings[0] is first.findings[0]  # remembered, not reasoned again


def test_a_change_to_a_returned_result_does_not_reach_the_next(real_checker):
    first = real_checker.check(**REGIMEN)
    n = len(first.findings)
    first.findings.clear()
    first.items.pop()
    again = real_checker.check(**REGIMEN)
    assert len(again.findings) == n and len(again.items) == 7


def test_another_order_or_context_is_checked_as_itself(real_checker):
    base = real_checker.check(**REGIMEN)
    no_surgery = real_checker.check(drugs=REGIMEN["drugs"], supplements=REGIMEN["supplements"])
    assert any(f.context == "surgery" for f in base.findings)
    assert not any(f.context == "surgery" for f in no_surgery.findings)
    reordered = real_checker.check(drugs=REGIMEN["drugs"][::-1], supplements=REGIMEN["supplements"],
                                   context=["surgery"])
    assert [i.input for i in reordered.items][:3] == REGIMEN["drugs"][::-1]
    assert sorted(f.title for f in reordered.findings) == sorted(f.title for f in base.findings)


def _supp_party(checker, line):
    _item, parties = checker.item(line, Role.supplement)
    [party] = parties
    return party


def test_doses_on_the_same_side_of_every_threshold_reason_alike(real_checker):
    """Fish oil's graph threshold is 3 g a day: 1 g and 2 g reason alike, 4 g does not, and a drug's band is
    its entity alone (its dose conditions nothing)."""
    band = real_checker.reasoner.band
    low, lower, high = (_supp_party(real_checker, f"fish oil {g} g daily") for g in (1, 2, 4))
    assert band(low) == band(lower) != band(high)
    [warfarin] = real_checker.item("warfarin 5 mg daily", Role.drug)[1]
    assert band(warfarin) == (warfarin.entity,)
    # What was remembered for 1 g serves 2 g (the same chains), and a fresh checker agrees with both.
    a = real_checker.check(drugs=["warfarin 5 mg daily"], supplements=["fish oil 1 g daily"])
    b = real_checker.check(drugs=["warfarin 5 mg daily"], supplements=["fish oil 2 g daily"])
    fresh = Checker(KnowledgeBase.load()).check(drugs=["warfarin 5 mg daily"], supplements=["fish oil 2 g daily"])
    assert [f.model_dump() for f in b.findings] == [f.model_dump() for f in fresh.findings]
    assert [(f.severity, f.title, f.notes) for f in a.findings] == [(f.severity, f.title, f.notes) for f in b.findings]
    # At 4 g the antiplatelet property holds, so apixaban meets a finding it does not meet at 2 g.
    props = real_checker.reasoner.supplement_properties
    assert not props(lower) and any(p.endswith("/antiplatelet") for p in props(high))
    two = real_checker.check(drugs=["apixaban 5 mg BID"], supplements=["fish oil 2 g daily"])
    four = real_checker.check(drugs=["apixaban 5 mg BID"], supplements=["fish oil 4 g daily"])
    assert len(four.findings) > len(two.findings)


def test_a_note_that_names_the_dose_makes_its_own_band(real_checker):
    """'2 capsules' (a count, no amount) is read with a note naming the line's count: not the band of a bare line."""
    band = real_checker.reasoner.band
    counted = _supp_party(real_checker, "fish oil 2 capsules daily")
    bare = _supp_party(real_checker, "fish oil")
    assert band(counted) != band(bare)
    assert any("2 capsules" in str(note) for _ok, note in band(counted)[1:])


def test_forgetting_input_keeps_the_graphs_own_facts_and_changes_no_result(real_checker):
    """`clear_memos` forgets what was read and reasoned from input; what one entity of the graph gives (its
    curated index, substrate roles, and the reasoning of a drug or a supplement whose facts carry no dose
    condition) stays, and a check after it is the same as a fresh checker's."""
    regimen = dict(drugs=["warfarin 5 mg daily", "imatinib 400 mg daily", "sertraline 50 mg"],
                   supplements=["fish oil 4 g daily", "St John's wort 300 mg tid", "ginkgo"])
    first = real_checker.check(**regimen)
    real_checker.clear_memos()
    assert not real_checker.resolver._memo and not real_checker.reasoner._memo and not real_checker._pair_memo
    facts = dict(real_checker.reasoner._facts)
    assert any(key[0] == "rule drug" for key in facts) and any(key[0] == "roles" for key in facts)
    again = real_checker.check(**regimen)
    fresh = Checker(KnowledgeBase.load()).check(**regimen)
    assert first.findings and again.model_dump() == first.model_dump() == fresh.model_dump()
    # Only entity-keyed facts are kept: a band with a dose condition goes to the memo of input.
    [fish] = real_checker.item("fish oil 4 g daily", Role.supplement)[1]
    band = real_checker.reasoner.band(fish)
    assert len(band) > 1 and ("rules", band) not in real_checker.reasoner._facts
    assert ("rules", band) in real_checker.reasoner._memo
    # Keeping the lines read (to time the reasoning alone) forgets the pairs and bands, not the items.
    real_checker.check(**regimen)
    real_checker.clear_memos(items=False)
    assert real_checker._items and real_checker.resolver._memo
    assert not real_checker._pair_memo and not real_checker.reasoner._memo and not real_checker._finding_memo
    assert real_checker.check(**regimen).model_dump() == first.model_dump()


def test_the_name_index_bounds_every_name_by_its_first_word(real_checker):
    """A line's words are matched only as long as some name beginning with the same word could match: the
    bound covers every name of the graph, and the longest names are still found whole."""
    kb = real_checker.kb
    heads = kb.name_heads
    assert all(heads[key.partition(" ")[0]] >= key.count(" ") + 1 for key in kb.names)
    longest = max(kb.names, key=lambda k: k.count(" "))
    assert longest.count(" ") + 1 == heads[longest.partition(" ")[0]] and longest.count(" ") >= 5
    res = real_checker.resolve(longest)
    assert res.matched == tuple(longest.split())
