"""Entries added from the Memorial Sloan Kettering About Herbs interaction lists for situations the graph did not
flag: saw palmetto during radiation therapy, with the real supplement line and the radiation context,
and the limits of the new class entries (a drug outside the class gets none of them)."""

from __future__ import annotations

import pytest


def _context_findings(result):
    return [f for f in result.findings if f.context and not f.drug]


@pytest.mark.parametrize(("supplement", "ix_id", "words"), [
    ("saw palmetto 160 mg twice daily", "saw-palmetto--ctx-radiation", "radiosensitised"),
])
def test_radiation_entry_reaches_the_supplement_line(real_checker, supplement, ix_id, words):
    ix = [i for i in real_checker.kb.interactions if i.id.endswith("/" + ix_id)]
    assert len(ix) == 1
    assert (ix[0].severity, ix[0].kind) == ("minor", "context")
    result = real_checker.check(drugs=[], supplements=[supplement], context=["radiation"])
    assert all(i.status.value == "recognized" for i in result.items)
    found = [f for f in _context_findings(result) if f.title == ix[0].title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "minor"
    assert words in found[0].title.lower()
    assert found[0].evidence.sources


@pytest.mark.parametrize("supplement", ["dong quai 500 mg three times daily", "saw palmetto 160 mg twice daily"])
def test_no_radiation_finding_without_the_context(real_checker, supplement):
    result = real_checker.check(drugs=["ondansetron 8 mg twice daily"], supplements=[supplement])
    assert not [f for f in result.findings if "radiation" in f.title.lower()]


@pytest.mark.parametrize(("supplement", "drug", "words"), [
    ("fish oil 1 g twice daily", "amlodipine 5 mg daily", "glucocorticoid"),
    ("dong quai 500 mg three times daily", "amlodipine 5 mg daily", "ace inhibitor"),
])
def test_class_entries_do_not_reach_a_drug_outside_the_class(real_checker, supplement, drug, words):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug and words in f.title.lower()]
