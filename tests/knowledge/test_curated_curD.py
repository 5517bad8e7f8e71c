"""Curated pairs from oncology herb references (artemisinin to NMN): the real graph gives the curated severity
and kind, and the "none" pairs, studied and found without relevant effect, give no warning.

Each pair below has its own curated entry, for the drug or its class; the finding must come from that entry
(its title), carry its severity and kind, and cite a source.
"""

from __future__ import annotations

import pytest

# supplement as written, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("IV artesunate", "axitinib 5 mg twice daily", "iv-artesunate--axitinib", "minor", "pharmacokinetic", "axitinib"),
    ("IV artesunate", "rifampin 600 mg daily", "iv-artesunate--rifampin", "minor", "pharmacokinetic", "rifampin"),
    ("fenbendazole 222 mg daily", "pembrolizumab 200 mg every 3 weeks",
     "fenbendazole--cls-immune-checkpoint-inhibitor", "moderate", "pharmacodynamic", "checkpoint inhibitor"),
    ("dichloroacetate", "cisplatin 75 mg/m2", "dichloroacetate--cisplatin", "moderate", "pharmacodynamic", "cisplatin"),
    ("tribulus extract 500 mg twice daily", "glipizide 5 mg daily", "tribulus--cls-antidiabetic",
     "minor", "pharmacodynamic", "antidiabetic"),
    ("tongkat ali 200 mg daily", "propranolol 40 mg twice daily", "tongkat-ali--propranolol",
     "minor", "pharmacokinetic", "propranolol"),
    ("multivitamin daily", "warfarin 5 mg daily", "multivitamin--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("multivitamin with minerals daily", "moxifloxacin 400 mg daily", "multivitamin--moxifloxacin",
     "moderate", "pharmacokinetic", "moxifloxacin"),
    ("baking soda", "gefitinib 250 mg daily", "sodium-bicarbonate--gefitinib", "moderate", "pharmacokinetic", "gefitinib"),
    ("sodium bicarbonate", "sotorasib 960 mg daily", "sodium-bicarbonate--sotorasib",
     "minor", "pharmacokinetic", "sotorasib"),
]

# supplement, drug, curated entry id: no warning of the entry's kind
NONE = [
    ("multivitamin daily", "doxorubicin 60 mg/m2", "multivitamin--doxorubicin"),
    ("IP6 with inositol 3 g twice daily", "epirubicin 100 mg/m2", "ip6--epirubicin"),
    ("maca 3.5 g daily", "letrozole 2.5 mg daily", "maca--cls-aromatase-inhibitor"),
    ("tribulus extract 500 mg twice daily", "enzalutamide 160 mg daily", "tribulus--cls-antiandrogen"),
    ("rikkunshito 2.5 g three times daily", "cisplatin 50 mg/m2", "rikkunshito--cisplatin"),
    ("sodium bicarbonate", "dacomitinib 45 mg daily", "sodium-bicarbonate--dacomitinib"),
    ("Huaier granule 20 g three times daily", "paclitaxel 80 mg/m2 weekly", "huaier--cls-cytotoxic-chemotherapy"),
]


def _curated(kb, ix_id):
    found = [ix for ix in kb.interactions if ix.id.endswith("/" + ix_id)]
    assert len(found) == 1, ix_id
    return found[0]


@pytest.mark.parametrize(("supplement", "drug", "ix_id", "severity", "kind", "text"), CURATED,
                         ids=[f"{c[2]}:{c[1].split()[0]}" for c in CURATED])
def test_curated_pair_gives_its_severity_and_kind(real_checker, supplement, drug, ix_id, severity, kind, text):
    ix = _curated(real_checker.kb, ix_id)
    assert (ix.severity, ix.kind) == (severity, kind)
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    pair = [f for f in result.findings if f.drug and f.title == ix.title]
    assert pair, f"{supplement} + {drug}: no finding from {ix_id}: {[(f.title, f.severity.value) for f in result.findings]}"
    finding = pair[0]
    assert finding.severity.value == severity, f"{finding.title}: {finding.severity.value}"
    assert finding.evidence.basis.value == "curated"
    assert text.lower() in finding.title.lower()
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug", "ix_id"), NONE, ids=[c[2] for c in NONE])
def test_pair_recorded_without_effect_gives_no_warning(real_checker, supplement, drug, ix_id):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity == "none"
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    warned = [f for f in result.findings if f.drug and f.severity.value != "none"]
    assert not warned, [(f.title, f.severity.value) for f in warned]


def test_tribulus_glucose_entry_depends_on_the_trial_dose(real_checker):
    # The trial gave 1000 mg/day of extract; 250 mg a day is below it and the entry does not apply.
    ix = _curated(real_checker.kb, "tribulus--cls-antidiabetic")
    result = real_checker.check(drugs=["glipizide 5 mg daily"], supplements=["tribulus extract 250 mg daily"])
    assert not [f for f in result.findings if f.drug and f.title == ix.title]


def test_artesunate_ugt_entry_stays_in_the_notes_of_a_more_severe_finding(real_checker):
    # With imatinib the inferred liver-toxicity concern (moderate) leads; the curated exposure entry is kept
    # in the finding's notes rather than dropped.
    ix = _curated(real_checker.kb, "iv-artesunate--imatinib")
    result = real_checker.check(drugs=["imatinib 400 mg daily"], supplements=["IV artesunate"])
    pair = [f for f in result.findings if f.drug]
    assert pair and pair[0].severity.value == "moderate"
    assert any(ix.title in note for f in pair for note in f.notes), [f.notes for f in pair]


def test_artesunate_ugt_entry_does_not_reach_a_drug_outside_the_label_list(real_checker):
    # The artesunate labels name axitinib, vandetanib, imatinib and diclofenac; dasatinib is not among them.
    result = real_checker.check(drugs=["dasatinib 100 mg daily"], supplements=["IV artesunate"])
    assert not [f for f in result.findings if f.drug and "dihydroartemisinin" in f.title.lower()]


def test_dichloroacetate_during_radiotherapy_gives_no_warning(real_checker):
    # The randomised chemoradiotherapy trial found no loss of response and no excess of severe toxicity.
    ix = _curated(real_checker.kb, "dichloroacetate--ctx-radiation")
    assert (ix.severity, ix.kind) == ("none", "context")
    result = real_checker.check(drugs=[], supplements=["dichloroacetate"], context=["radiation"])
    assert not [f for f in result.findings if f.context and f.severity.value != "none"]
