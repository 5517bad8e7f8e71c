"""Curated supplement-drug pairs from studies in people: the real graph gives the curated severity.

Each pair below has its own curated entry (not a class entry); the finding for the pair must carry
that severity, come from the curated entry, and cite it. The "none" pairs were studied and showed no
relevant effect: the graph records them, and the pair gives no warning.
"""

from __future__ import annotations

import pytest

# supplement as a patient writes it, drug, curated entry id, expected severity, text in the title
CURATED = [
    ("St John's wort 300 mg three times daily", "oxycodone 10 mg q12h", "st-johns-wort--oxycodone", "moderate", "oxycodone"),
    ("St John's wort 300 mg three times daily", "alprazolam 0.5 mg TID", "st-johns-wort--alprazolam", "moderate", "alprazolam"),
    ("St John's wort 300 mg three times daily", "methadone 40 mg daily", "st-johns-wort--methadone", "major", "methadone"),
    ("St John's wort 300 mg three times daily", "verapamil 80 mg TID", "st-johns-wort--verapamil", "major", "verapamil"),
    ("St John's wort 300 mg three times daily", "clopidogrel 75 mg daily", "st-johns-wort--clopidogrel", "moderate", "clopidogrel"),
    ("St John's wort 300 mg three times daily", "amitriptyline 25 mg at night", "st-johns-wort--amitriptyline", "moderate", "amitriptyline"),
    ("grapefruit juice 200 mL three times daily", "clopidogrel 75 mg daily", "grapefruit--clopidogrel", "major", "clopidogrel"),
    ("grapefruit juice 200 mL three times daily", "ticagrelor 90 mg BID", "grapefruit--ticagrelor", "moderate", "ticagrelor"),
    ("grapefruit juice 200 mL daily", "diazepam 5 mg", "grapefruit--diazepam", "moderate", "diazepam"),
    ("grapefruit juice 200 mL daily", "carbamazepine 200 mg TID", "grapefruit--carbamazepine", "moderate", "carbamazepine"),
    ("ginkgo 120 mg twice daily", "trazodone 50 mg at night", "ginkgo--trazodone", "moderate", "trazodone"),
]

# supplement, drug, curated entry id: studied, no relevant interaction
NONE = [
    ("St John's wort 300 mg three times daily", "carbamazepine 400 mg daily", "st-johns-wort--carbamazepine"),
    ("goldenseal 1 g three times daily", "digoxin 0.125 mg daily", "goldenseal--digoxin"),
    ("kava 400 mg daily", "digoxin 0.125 mg daily", "kava--digoxin"),
    ("garlic extract 600 mg", "alprazolam 0.5 mg", "garlic--alprazolam"),
    ("grapefruit juice 200 mL daily", "prednisone 20 mg daily", "grapefruit--prednisone"),
    ("probiotics", "irinotecan 180 mg/m2 q2w", "probiotics--irinotecan"),
]


def _curated(kb, ix_id):
    found = [ix for ix in kb.interactions if ix.id.endswith("/" + ix_id)]
    assert len(found) == 1, ix_id
    return found[0]


@pytest.mark.parametrize(("supplement", "drug", "ix_id", "severity", "text"), CURATED, ids=[c[2] for c in CURATED])
def test_curated_pair_gives_its_severity(real_checker, supplement, drug, ix_id, severity, text):
    assert _curated(real_checker.kb, ix_id).severity == severity
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    pair = [f for f in result.findings if f.drug]
    assert pair, f"{supplement} + {drug}: no finding"
    finding = pair[0]
    assert finding.severity.value == severity, f"{finding.title}: {finding.severity.value}"
    assert finding.evidence.basis.value == "curated"
    assert text.lower() in finding.title.lower()
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug", "ix_id"), NONE, ids=[c[2] for c in NONE])
def test_studied_pair_without_effect_gives_no_warning(real_checker, supplement, drug, ix_id):
    assert _curated(real_checker.kb, ix_id).severity == "none"
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    pair = [f for f in result.findings if f.drug and f.severity.value != "none"]
    assert not pair, [(f.title, f.severity.value) for f in pair]


def test_no_effect_with_carbamazepine_replaces_the_inferred_induction_warning(real_checker):
    # Without the study, CYP3A4 induction would be inferred as a major concern for carbamazepine.
    result = real_checker.check(drugs=["carbamazepine 400 mg daily"], supplements=["St John's wort 300 mg TID"])
    assert not [f for f in result.findings if f.drug and f.severity.value in ("major", "moderate")]


def test_methadone_entry_keeps_the_serotonergic_warning_in_its_advice(real_checker):
    result = real_checker.check(drugs=["methadone 40 mg daily"], supplements=["St John's wort 300 mg TID"])
    finding = [f for f in result.findings if f.drug][0]
    assert finding.severity.value == "major"
    assert "serotonergic" in finding.management.lower()
