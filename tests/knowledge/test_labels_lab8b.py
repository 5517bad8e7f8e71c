"""Proton pump inhibitors and the NK1-antagonist antiemetics: what their labels were read to say (real graph).

No label instruction was recorded for omeprazole, esomeprazole, lansoprazole, pantoprazole, rabeprazole,
netupitant-palonosetron, fosnetupitant-palonosetron or aprepitant: the pantoprazole interaction section names no
category acting on pantoprazole, and the other sections were not reached. The controls check that the pairs keep
their non-label findings (iron with a proton pump inhibitor: the class entry) or none.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of


@pytest.mark.parametrize(("drug", "supplement"), [
    # the pantoprazole label's one interaction table is about the drugs pantoprazole affects
    ("pantoprazole", "grapefruit"),
    ("pantoprazole", "milk thistle"),
])
def test_supplements_the_label_does_not_name_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]


def test_st_johns_wort_reaches_pantoprazole_by_its_cyp2c19_induction_not_by_the_label(real_checker):
    # St John's wort induces CYP2C19 (a clinical probe study); the label names no category, so the finding is the
    # inferred exposure chain at the lowest severity
    f = finding_of(real_checker, "pantoprazole", "St John's wort", "St John's wort", "minor", "CYP2C19 induction")
    assert f.evidence.basis.value == "inferred"
    assert "label" not in f.title


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    ("pantoprazole", "iron", "iron", "minor", "iron"),
    ("omeprazole", "iron", "iron", "minor", "iron"),
])
def test_non_label_findings_are_kept(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)
