"""Myrrh, amla, rooibos and wheatgrass: the claims recorded for them reach findings (real graph).

Myrrh may weaken warfarin (MSKCC; a class entry, theoretical but moderate); amla fruit powder from 1 g a day lowered
blood glucose in volunteers (the glucose rule); one case report of raised liver enzymes with rooibos tea (the liver
rule); rooibos extracts inhibited CYP2C8 and CYP3A4 in vitro (capped at minor, extracts only); wheatgrass did not
change warfarin's effect in rats (a minor class entry).
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # MSKCC: do not take myrrh with warfarin, it may reduce warfarin's effect
    ("warfarin", "myrrh resin capsules", "myrrh", "moderate", "warfarin"),
    # 1-3 g a day of amla powder lowered fasting and post-prandial glucose
    ("metformin", "amla powder 3 g daily", "amla", "moderate", "glucose"),
    # possible hepatotoxicity after large amounts of rooibos tea (case report)
    ("pazopanib", "rooibos tea 3 cups a day", "rooibos", "moderate", "liver"),
    # recombinant CYP2C8 and CYP3A4 inhibited by rooibos extracts: in vitro only
    ("paclitaxel", "rooibos extract 500 mg", "rooibos", "minor", "exposure"),
    ("midazolam", "rooibos extract 500 mg", "rooibos", "minor", "exposure"),
    # rats: wheatgrass did not change prothrombin time or warfarin's effect
    ("warfarin", "wheatgrass juice 30 ml daily", "wheatgrass", "minor", "warfarin"),
])
def test_fill_claims_reach_a_finding(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    # below the 1 g a day of the amla study
    ("metformin", "amla 500 mg daily", "amla"),
    # the enzyme claims are for extracts: a cup of tea does not reach midazolam
    ("midazolam", "rooibos tea 1 cup", "rooibos"),
    # names only: no sourced interaction for tart cherry
    ("lisinopril", "tart cherry juice 240 ml", "tart cherry"),
])
def test_negative_controls(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not pair(result, name, drug)
