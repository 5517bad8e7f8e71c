"""Claims added to supplements that had names only (real graph): ketone esters lower glucose (three randomised
crossover trials of a ketone monoester drink) and, reasoned only, add to the ketosis of SGLT2 inhibitors.

The other supplements of the list were searched and carry comments only; one of them stays silent as a control.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # prop:hypoglycaemic (clinical) meets rule:hypoglycaemic--antidiabetic
    ("metformin", "ketone ester drink 25 g", "ketone esters", "moderate", "glucose-lowering"),
    ("insulin glargine", "exogenous ketones", "ketone esters", "moderate", "glucose-lowering"),
    # ix:ketone-esters--cls-sglt2-inhibitor (theoretical): the class entry speaks before the glucose rule
    ("empagliflozin", "ketone esters", "ketone esters", "minor", "ketosis"),
])
def test_ketone_esters_reach_glucose_lowering_drugs(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    # a drug outside the glucose family: no finding
    ("warfarin", "ketone esters", "ketone esters"),
    # searched and found nothing: still silent
    ("metformin", "MCT oil", "MCT oil"),
])
def test_no_finding_without_a_claim(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert pair(result, name, drug) == []
