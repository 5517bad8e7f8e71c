"""Curated pairs from oncology herb references and the studies they cite (bilberry to arginine): the real
graph gives the curated severity and kind, and the "none" pairs, studied without effect, give no warning.

Each pair below has its own curated entry, for the drug or a class the drug belongs to; the finding must
come from that entry (its title), carry its severity and kind, and cite a source. Dose thresholds and class
limits are checked with negative controls.
"""

from __future__ import annotations

import pytest

# supplement as written, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("coffee", "levothyroxine 100 mcg daily", "coffee--levothyroxine", "moderate", "pharmacokinetic", "levothyroxine"),
    ("coffee", "alendronate 70 mg weekly", "coffee--alendronate", "moderate", "pharmacokinetic", "alendronate"),
    ("coffee", "fluvoxamine 100 mg twice daily", "coffee--fluvoxamine", "moderate", "pharmacokinetic", "caffeine"),
    ("quercetin 500 mg twice daily", "diclofenac 50 mg three times daily", "quercetin--diclofenac",
     "moderate", "pharmacokinetic", "diclofenac"),
    ("quercetin 500 mg daily", "digoxin 0.125 mg daily", "quercetin--digoxin", "moderate", "pharmacokinetic", "digoxin"),
    ("quercetin 250 mg daily", "warfarin 5 mg daily", "quercetin--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("quercetin 500 mg daily", "amlodipine 5 mg daily", "quercetin--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("lycopene 15 mg daily", "lisinopril 10 mg daily", "lycopene--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("horsetail extract 300 mg three times daily", "furosemide 40 mg daily", "horsetail--cls-diuretic",
     "minor", "pharmacodynamic", "diuretic"),
    ("bilberry extract 500 mg daily", "glipizide 5 mg daily", "bilberry--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("vinpocetine 10 mg three times daily", "digoxin 0.125 mg daily", "vinpocetine--digoxin",
     "minor", "pharmacokinetic", "digoxin"),
    ("bacopa 300 mg daily", "amitriptyline 25 mg at night", "bacopa--amitriptyline",
     "minor", "pharmacokinetic", "amitriptyline"),
    ("L-arginine 3 g three times daily", "metformin 500 mg twice daily", "arginine--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
]

# supplement, drug, curated entry id: studied, no relevant effect of the entry's kind
NONE = [
    ("royal jelly", "sunitinib 50 mg daily", "royal-jelly--cls-vegfr-tki"),
    ("royal jelly", "pazopanib 800 mg daily", "royal-jelly--cls-vegfr-tki"),
    ("hesperidin 500 mg daily", "amlodipine 5 mg daily", "hesperidin--cls-antihypertensive"),
    ("hesperidin 500 mg daily", "lisinopril 10 mg daily", "hesperidin--cls-antihypertensive"),
    ("royal jelly 1 g daily", "glipizide 5 mg daily", "royal-jelly--cls-antidiabetic"),
]


def _curated(kb, ix_id):
    found = [ix for ix in kb.interactions if ix.id.endswith("/" + ix_id)]
    assert len(found) == 1, ix_id
    return found[0]


def _check(real_checker, supplement, drug):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    return result


@pytest.mark.parametrize(("supplement", "drug", "ix_id", "severity", "kind", "text"), CURATED,
                         ids=[f"{c[2]}:{c[1].split()[0]}" for c in CURATED])
def test_curated_pair_gives_its_severity_and_kind(real_checker, supplement, drug, ix_id, severity, kind, text):
    ix = _curated(real_checker.kb, ix_id)
    assert (ix.severity, ix.kind) == (severity, kind)
    result = _check(real_checker, supplement, drug)
    pair = [f for f in result.findings if f.drug and f.title == ix.title]
    assert pair, f"{supplement} + {drug}: no finding from {ix_id}: {[(f.title, f.severity.value) for f in result.findings]}"
    finding = pair[0]
    assert finding.severity.value == severity, f"{finding.title}: {finding.severity.value}"
    assert finding.evidence.basis.value == "curated"
    assert text.lower() in finding.title.lower()
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug", "ix_id"), NONE, ids=[f"{c[2]}:{c[1].split()[0]}" for c in NONE])
def test_pair_studied_without_effect_gives_no_warning(real_checker, supplement, drug, ix_id):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity == "none"
    result = _check(real_checker, supplement, drug)
    warned = [f for f in result.findings if f.drug and f.severity.value != "none"]
    assert not warned, [(f.title, f.severity.value) for f in warned]


def test_quercetin_digoxin_entry_replaces_the_one_way_induction_chain(real_checker):
    # Without the entry the P-gp induction chain alone predicted lower digoxin levels; the pig study
    # showed a sharp rise, so the curated entry must speak for the pair's exposure.
    result = _check(real_checker, "quercetin 500 mg daily", "digoxin 0.125 mg daily")
    pk = [f for f in result.findings if f.drug and f.severity.value != "none"]
    assert len(pk) == 1 and pk[0].evidence.basis.value == "curated", [(f.title, f.evidence.basis.value) for f in pk]
    assert "lower digoxin exposure" not in pk[0].title.lower()


def test_quercetin_diclofenac_entry_needs_the_studied_dose(real_checker):
    # 1 g a day was studied; a 250 mg product is not the concern for diclofenac.
    ix = _curated(real_checker.kb, "quercetin--diclofenac")
    result = _check(real_checker, "quercetin 250 mg daily", "diclofenac 50 mg three times daily")
    assert not [f for f in result.findings if f.title == ix.title]


def test_horsetail_entry_needs_the_trial_dose_and_a_diuretic(real_checker):
    ix = _curated(real_checker.kb, "horsetail--cls-diuretic")
    low = _check(real_checker, "horsetail extract 300 mg daily", "furosemide 40 mg daily")
    assert not [f for f in low.findings if f.title == ix.title]
    other = _check(real_checker, "horsetail extract 300 mg three times daily", "amlodipine 5 mg daily")
    assert not [f for f in other.findings if f.title == ix.title]


def test_arginine_glucose_entry_needs_gram_doses(real_checker):
    ix = _curated(real_checker.kb, "arginine--cls-antidiabetic")
    result = _check(real_checker, "L-arginine 1 g daily", "metformin 500 mg twice daily")
    assert not [f for f in result.findings if f.title == ix.title]


def test_coffee_entries_do_not_reach_unrelated_drugs(real_checker):
    result = _check(real_checker, "coffee", "metformin 500 mg twice daily")
    assert not [f for f in result.findings if f.drug and f.severity.value != "none"]


def test_cascara_advisory_fires_whatever_the_regimen(real_checker):
    ix = _curated(real_checker.kb, "cascara-sagrada--advisory")
    assert (ix.severity, ix.kind) == ("minor", "pharmacodynamic")
    result = _check(real_checker, "cascara sagrada 450 mg", "ondansetron 8 mg twice daily")
    assert [f for f in result.findings if f.title == ix.title and not f.drug]
