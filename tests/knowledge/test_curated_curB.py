"""Curated pairs from oncology herb references (berberine to moringa): the real graph gives the curated
severity and kind, and the "none" pairs, studied or reasoned to be without effect, give no warning.

Each pair below has its own curated entry, for the drug, its class or a context; the finding must come
from that entry (its title), carry its severity and kind, and cite a source.
"""

from __future__ import annotations

import pytest

# supplement as written, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("chromium picolinate 200 mcg twice daily", "levothyroxine 100 mcg daily", "chromium--levothyroxine",
     "moderate", "pharmacokinetic", "levothyroxine"),
    ("niacin 2 g daily", "simvastatin 40 mg daily", "niacin--cls-statin", "moderate", "pharmacodynamic", "statin myopathy"),
    ("niacin 2 g daily", "atorvastatin 40 mg daily", "niacin--cls-statin", "moderate", "pharmacodynamic", "statin myopathy"),
    ("gymnema extract 500 mg twice daily", "glipizide 5 mg daily", "gymnema--cls-antidiabetic",
     "moderate", "pharmacodynamic", "glucose-lowering"),
    ("stinging nettle leaf extract 500 mg three times daily", "glimepiride 2 mg daily",
     "stinging-nettle--cls-antidiabetic", "moderate", "pharmacodynamic", "nettle"),
    ("L-carnitine 1 g daily", "warfarin 5 mg daily", "l-carnitine--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("kudzu root", "methotrexate 15 mg weekly", "kudzu--methotrexate", "minor", "pharmacokinetic", "methotrexate"),
    ("genistein 50 mg daily", "letrozole 2.5 mg daily", "genistein--letrozole", "minor", "pharmacodynamic", "letrozole"),
    ("hibiscus tea", "acetaminophen 1 g", "hibiscus--acetaminophen", "minor", "pharmacokinetic", "acetaminophen"),
    ("peppermint oil capsules", "omeprazole 20 mg daily", "peppermint--cls-proton-pump-inhibitor",
     "minor", "pharmacokinetic", "proton pump inhibitors"),
    ("NAC 600 mg daily", "cisplatin 75 mg/m2", "nac--cisplatin", "minor", "pharmacodynamic", "cisplatin"),
    ("huanglian", "cyclosporine 100 mg twice daily", "huanglian--cyclosporine", "minor", "pharmacokinetic", "cyclosporine"),
]

# supplement, drug (or None), context (or None), curated entry id: no warning of the entry's kind
NONE = [
    ("berberine 300 mg three times daily", "omeprazole 20 mg daily", None, "berberine--omeprazole"),
    ("evening primrose oil 1 g daily", "haloperidol 2 mg daily", None, "evening-primrose-oil--cls-antipsychotic"),
    ("evening primrose oil 1 g daily", "levetiracetam 500 mg twice daily", None, "evening-primrose-oil--cls-antiepileptic"),
    ("moringa leaf powder 8 g daily", "metformin 500 mg twice daily", None, "moringa--cls-antidiabetic"),
    ("passionflower 500 mg", None, "surgery", "passionflower--ctx-surgery"),
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


@pytest.mark.parametrize(("supplement", "drug", "context", "ix_id"), NONE, ids=[c[3] for c in NONE])
def test_pair_recorded_without_effect_gives_no_warning(real_checker, supplement, drug, context, ix_id):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity == "none"
    result = real_checker.check(drugs=[drug] if drug else [], supplements=[supplement],
                                context=[context] if context else [])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    warned = [f for f in result.findings if (f.drug if drug else f.context) and f.severity.value != "none"]
    assert not warned, [(f.title, f.severity.value) for f in warned]


def test_statin_entry_depends_on_a_lipid_lowering_niacin_dose(real_checker):
    # The myopathy entry applies from 1 g a day; a multivitamin amount of niacin is not the concern.
    result = real_checker.check(drugs=["simvastatin 40 mg daily"], supplements=["niacin 20 mg daily"])
    ix = _curated(real_checker.kb, "niacin--cls-statin")
    assert not [f for f in result.findings if f.drug and f.title == ix.title]


def test_class_entry_does_not_reach_a_drug_outside_the_class(real_checker):
    # The nettle entry is for antidiabetic drugs: a statin gets nothing from it.
    ix = _curated(real_checker.kb, "stinging-nettle--cls-antidiabetic")
    result = real_checker.check(drugs=["atorvastatin 20 mg daily"],
                                supplements=["stinging nettle leaf extract 500 mg three times daily"])
    assert not [f for f in result.findings if f.title == ix.title]
