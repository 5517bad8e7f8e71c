"""Curated pairs taken from the interaction lists of oncology herb references (MSKCC About Herbs,
CAM-Cancer, NCCIH) and the studies they cite: the real graph gives the curated severity and kind.

Each pair has its own curated entry (for the drug or for a class the drug belongs to); the finding
must carry the entry's severity, come from the curated entry and cite it. The "none" pairs were
studied and showed no relevant effect, and give no warning. Dose-dependent entries are also checked
below their threshold.
"""

from __future__ import annotations

import pytest

# supplement as a patient writes it, drug, curated entry id, expected severity, expected kind, text in the title
CURATED = [
    ("noni juice 60 mL daily", "lisinopril 10 mg daily", "noni--cls-ace-inhibitor", "moderate", "pharmacodynamic", "potassium"),
    ("noni juice", "spironolactone 25 mg daily", "noni--cls-potassium-sparing-diuretic", "moderate", "pharmacodynamic", "potassium"),
    ("noni juice", "phenytoin 300 mg daily", "noni--phenytoin", "minor", "pharmacokinetic", "phenytoin"),
    ("maitake D-fraction", "warfarin 5 mg daily", "maitake--cls-vitamin-k-antagonist", "moderate", "pharmacodynamic", "INR"),
    ("astragalus", "amlodipine 5 mg daily", "astragalus--cls-antihypertensive", "minor", "pharmacodynamic", "blood pressure"),
    ("black seed oil 1 g twice daily", "metformin 1000 mg BID", "black-seed--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
    ("devil's claw", "famotidine 20 mg BID", "devils-claw--cls-h2-antagonist", "minor", "pharmacodynamic", "H2"),
    ("Essiac tea", "letrozole 2.5 mg daily", "essiac--cls-aromatase-inhibitor", "minor", "pharmacodynamic", "oestrogen"),
    ("chasteberry", "metoclopramide 10 mg TID", "chasteberry--cls-dopamine-antagonist", "minor", "pharmacodynamic", "dopamine"),
    ("olive leaf extract 500 mg twice daily", "lisinopril 10 mg daily", "olive-leaf--cls-antihypertensive", "minor", "pharmacodynamic", "blood pressure"),
    ("pau d'arco tea", "apixaban 5 mg BID", "pau-darco--cls-anticoagulant", "minor", "pharmacodynamic", "anticoagulant"),
    ("feverfew", "clopidogrel 75 mg daily", "feverfew--cls-antiplatelet", "minor", "pharmacodynamic", "antiplatelet"),
    ("ginger 1 g three times daily", "glipizide 5 mg daily", "ginger--cls-antidiabetic", "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug, curated entry id: studied, no relevant interaction
NONE = [
    ("propolis extract 125 mg three times daily", "midazolam 2 mg", "propolis--midazolam"),
    ("propolis", "losartan 50 mg daily", "propolis--losartan"),
    ("milk thistle 140 mg three times daily", "rosuvastatin 10 mg daily", "milk-thistle--rosuvastatin"),
    ("milk thistle 140 mg twice daily", "nifedipine 10 mg", "milk-thistle--nifedipine"),
    ("rhodiola", "warfarin 5 mg daily", "rhodiola--warfarin"),
]


def _curated(kb, ix_id):
    found = [ix for ix in kb.interactions if ix.id.endswith("/" + ix_id)]
    assert len(found) == 1, ix_id
    return found[0]


def _pair_findings(result):
    return [f for f in result.findings if f.drug]


@pytest.mark.parametrize(
    ("supplement", "drug", "ix_id", "severity", "kind", "text"), CURATED, ids=[c[2] for c in CURATED]
)
def test_curated_pair_gives_its_severity_and_kind(real_checker, supplement, drug, ix_id, severity, kind, text):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity == severity
    assert ix.kind == kind
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    pair = [f for f in _pair_findings(result) if f.evidence.basis.value == "curated"]
    assert pair, f"{supplement} + {drug}: no curated finding; got {[(f.title, f.severity.value) for f in result.findings]}"
    finding = pair[0]
    assert finding.severity.value == severity, f"{finding.title}: {finding.severity.value}"
    assert text.lower() in finding.title.lower(), finding.title
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug", "ix_id"), NONE, ids=[c[2] for c in NONE])
def test_studied_pair_without_effect_gives_no_warning(real_checker, supplement, drug, ix_id):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity == "none"
    assert ix.kind == "pharmacokinetic"
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    pair = [f for f in _pair_findings(result) if f.severity.value != "none"]
    assert not pair, [(f.title, f.severity.value) for f in pair]


def test_ginger_glucose_entry_needs_gram_doses(real_checker):
    # The trials used 1.6-4 g/day; 250 mg (at most 1 g/day) stays below the threshold.
    low = real_checker.check(drugs=["glipizide 5 mg daily"], supplements=["ginger 250 mg"])
    assert not [f for f in _pair_findings(low) if "glucose" in f.title.lower()]
    high = real_checker.check(drugs=["glipizide 5 mg daily"], supplements=["ginger 1 g three times daily"])
    assert [f for f in _pair_findings(high) if "glucose" in f.title.lower()]


def test_olive_leaf_entry_needs_the_trial_dose(real_checker):
    # 500 mg twice daily was studied; 100 mg once daily is far below it.
    low = real_checker.check(drugs=["lisinopril 10 mg daily"], supplements=["olive leaf extract 100 mg once daily"])
    assert not [f for f in _pair_findings(low) if f.evidence.basis.value == "curated"]


def test_noni_potassium_entry_reaches_every_ace_inhibitor_and_arb(real_checker):
    for drug in ("enalapril 10 mg daily", "ramipril 5 mg daily", "losartan 50 mg daily", "valsartan 80 mg daily"):
        result = real_checker.check(drugs=[drug], supplements=["noni juice"])
        titles = [f.title for f in _pair_findings(result) if f.severity.value == "moderate"]
        assert any("potassium" in t.lower() for t in titles), (drug, titles)
