"""Manganese, HMB and vitamin B complex: the claims recorded for them reach findings (real graph).

Manganese chelates fluoroquinolones in vitro (a class entry, minor); HMB at 3 g a day lowered systolic blood
pressure in pooled studies (the blood-pressure rule); a B complex usually carries folic acid (the folate rules).
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # in vitro chelation of quinolones by a manganese chloride diagnostic
    ("ciprofloxacin", "manganese 5 mg daily", "manganese", "minor", "fluoroquinolones"),
    ("levofloxacin", "manganese gluconate", "manganese", "minor", "absorption"),
    # pooled HMB studies at 3 g a day: systolic blood pressure -4.4 mm Hg
    ("lisinopril", "HMB 3 g daily", "HMB", "moderate", "blood-pressure"),
    # folic acid in B-complex formulations: fluoropyrimidine toxicity, antifolate effect
    ("capecitabine", "B complex", "vitamin B complex", "moderate", "toxicity"),
    ("methotrexate", "B-50 complex once daily", "vitamin B complex", "moderate", "counteract"),
])
def test_fill_claims_reach_a_finding(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    # below the 3 g a day of the pooled studies
    ("amlodipine", "HMB 1 g daily", "HMB"),
    # the manganese entry speaks of fluoroquinolones only
    ("doxycycline", "manganese 5 mg daily", "manganese"),
])
def test_negative_controls(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not pair(result, name, drug)


def test_a_b_complex_with_pemetrexed_keeps_the_prescribed_premedication(real_checker):
    """Pemetrexed's label requires folic acid: a B complex's folate is not a reason to print "may counteract"."""
    result = real_checker.check(drugs=["pemetrexed 500 mg/m2 q3w"], supplements=["B complex 1 tablet daily"])
    [f] = pair(result, "vitamin B complex", "pemetrexed")
    assert f.severity.value == "minor"
    assert "prescribed folic acid" in f.title and "counteract" not in f.title
