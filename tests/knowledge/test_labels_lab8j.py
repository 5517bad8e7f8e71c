"""Label instructions of rosuvastatin, nifedipine and levothyroxine (real graph).

The CRESTOR label
has an aluminium-magnesium antacid taken at least 2 hours after the dose; the ADALAT CC precautions ask for
monitoring with CYP3A inhibitors, grapefruit among them, and for another antihypertensive with strong CYP3A inducers,
St John's wort among them; the SYNTHROID label keeps calcium carbonate and ferrous sulfate 4 hours apart and asks
for monitoring with antacids. A supplement these labels do not speak to keeps its own finding or none.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # CRESTOR 17: the aluminium and magnesium hydroxide antacid at least 2 hours after rosuvastatin
    ("rosuvastatin", "magnesium 400 mg", "magnesium", "moderate", "separate"),
    # ADALAT CC: strong CYP3A inducers (St John's wort named): consider another antihypertensive
    ("nifedipine", "St John's wort 300 mg", "St John's wort", "major", "avoid"),
    # ADALAT CC: CYP3A inhibitors, grapefruit named: careful monitoring and dose adjustment
    # the label's "monitor" (no study in the text read) is a floor: the clinical class entry heads
    ("nifedipine", "grapefruit juice", "grapefruit", "moderate", "dihydropyridine"),
    # SYNTHROID 7.1: calcium carbonate and ferrous sulfate at least 4 hours apart; antacids: monitor
    # (the curated levothyroxine entries, as strict, keep their titles)
    ("levothyroxine", "calcium 600 mg", "calcium", "moderate", "levothyroxine"),
    ("levothyroxine", "iron 65 mg", "iron", "moderate", "levothyroxine"),
    ("levothyroxine", "magnesium 400 mg", "magnesium", "moderate", "levothyroxine"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


@pytest.mark.parametrize(("drug", "supplement", "name", "label"), [
    ("levothyroxine", "calcium 600 mg", "calcium", "SYNTHROID"),
    ("levothyroxine", "iron 65 mg", "iron", "SYNTHROID"),
])
def test_the_label_is_cited_where_a_curated_entry_keeps_the_title(real_checker, drug, supplement, name, label):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = pair(result, name, drug)
    cited = [s.title for s in f.evidence.sources] + list(f.notes)
    assert any(label in text or "the label says" in text for text in cited), cited


@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("rosuvastatin", "calcium 600 mg", "calcium"),   # the CRESTOR text read speaks of the Al-Mg antacid only
    ("nifedipine", "goldenseal 1 g", "goldenseal"),  # a weak CYP3A inhibitor; no nifedipine fact reaches it
])
def test_supplements_the_labels_do_not_name_stay_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not pair(result, name, drug)
