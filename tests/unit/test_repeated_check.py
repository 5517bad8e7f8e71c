"""A regimen checked again gives the same result, from what was remembered, and a caller's change to one
result does not reach the next."""

from __future__ import annotations

from suppcheck import Checker, KnowledgeBase

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
