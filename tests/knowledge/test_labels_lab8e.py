"""Label instructions for the taxanes, ixabepilone, lurbinectedin and trabectedin (real graph).

Each row is an instruction recorded from a label text that was read; the negative control is a supplement the
label does not speak to, which keeps its non-label finding or none.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # EU package leaflet: St John's wort among medicines whose use with Yondelis "should be avoided, if possible"
    ("trabectedin", "St John's wort", "St John's wort", "major", "avoid"),
    # TAXOL label, PRECAUTIONS: caution with inhibitors and inducers of CYP3A4 and CYP2C8 (no study: minor)
    ("paclitaxel", "grapefruit", "grapefruit", "minor", "monitor"),
    ("paclitaxel", "St John's wort", "St John's wort", "minor", "monitor"),
    ("paclitaxel", "goldenseal", "goldenseal", "minor", "monitor"),
    # Swiss product information of an albumin-bound paclitaxel: the same caution
    ("nab-paclitaxel", "grapefruit", "grapefruit", "minor", "monitor"),
    ("nab-paclitaxel", "St John's wort", "St John's wort", "minor", "monitor"),
    ("nab-paclitaxel", "goldenseal", "goldenseal", "minor", "monitor"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement"), [
    ("trabectedin", "grapefruit"),   # the leaflet names no food; no CYP3A4 role is recorded for trabectedin
    ("nab-paclitaxel", "vitamin D 1000 IU"),
])
def test_supplements_the_label_does_not_name_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]


def test_a_pharmacodynamic_finding_the_label_does_not_speak_to_is_kept(real_checker):
    # ginkgo's bleeding concern with a myelosuppressive taxane stays with the finding beside the label's word
    result = real_checker.check(drugs=["paclitaxel"], supplements=["ginkgo"])
    [f] = pair(result, "ginkgo", "paclitaxel")
    assert f.severity.value == "minor"
    assert "bleeding" in " ".join(str(x) for x in f.model_dump().values())
