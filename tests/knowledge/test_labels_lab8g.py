"""Label instructions for antibody-drug conjugates, belinostat and recent oral targeted drugs (real graph).

Sacituzumab govitecan: the US label's 7.1 says to avoid UGT1A1 inhibitors and UGT1A1 inducers. No supplement of the
graph is graded a clinical UGT1A1 perpetrator, so no pair reaches these instructions yet: the rows check that they
are in the graph, and the negative controls that supplements the label does not speak to stay as they were.
"""

from __future__ import annotations

import pytest
from drugcheck import pair


@pytest.mark.parametrize(("drug", "target", "action", "strength", "instruction"), [
    ("sacituzumab-govitecan", "UGT1A1", "inhibition", "any", "avoid"),
    ("sacituzumab-govitecan", "UGT1A1", "induction", "any", "avoid"),
])
def test_label_instructions_are_recorded(real_checker, drug, target, action, strength, instruction):
    lis = real_checker.kb.label_instructions.get(f"https://w3id.org/suppcheck/drug/{drug}", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert (target, action, strength, instruction) in found, found


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("Trodelvy", "St John's wort", "sacituzumab govitecan"),   # 7.1 names UGT1A1 only; no CYP3A role recorded
    ("Trodelvy", "grapefruit", "sacituzumab govitecan"),
])
def test_supplements_the_label_does_not_name_stay_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == name]


def test_milk_thistle_is_not_a_graded_ugt1a1_inhibitor_for_trodelvy(real_checker):
    # milk thistle's UGT1A1 inhibition is preclinical (and "none" in the clinical study): it does not fall in the
    # label's "UGT1A1 inhibitors", so the avoid instruction does not reach it
    result = real_checker.check(drugs=["Trodelvy"], supplements=["milk thistle"])
    assert not [f for f in pair(result, "milk thistle", "sacituzumab govitecan") if "avoid" in f.title.lower()]
