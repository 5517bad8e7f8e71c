"""Clinically established findings (severity and direction) and negative controls, on the real graph.

Expected severities follow the published guidance that the curated sources cite; a test here that
fails means the graph or the engine disagrees with that guidance.
"""

from __future__ import annotations

import pytest

RANK = {"minor": 0, "moderate": 1, "major": 2}

# supplement, drug (or "" with a context), context, lowest acceptable severity, text expected in effect/title
ESTABLISHED = [
    ("St John's wort 300 mg three times daily", "imatinib 400 mg daily", None, "major", "lower"),
    ("St John's wort 300 mg three times daily", "irinotecan 180 mg/m2 q2w", None, "major", "SN-38"),
    ("St John's wort 300 mg three times daily", "docetaxel 75 mg/m2 q3w", None, "major", "lower"),
    ("St John's wort 300 mg three times daily", "tacrolimus 2 mg BID", None, "major", "lower"),
    ("St John's wort 300 mg three times daily", "cyclosporine 100 mg BID", None, "major", "lower"),
    ("St John's wort 300 mg three times daily", "warfarin 5 mg daily", None, "moderate", "warfarin"),
    ("St John's wort", "sertraline 50 mg daily", None, "moderate", "serotonin"),
    ("ginkgo 120 mg twice daily", "warfarin 5 mg daily", None, "moderate", "bleed"),
    ("fish oil 4 g daily", "warfarin 5 mg daily", None, "moderate", "bleed"),
    ("vitamin E 800 IU daily", "warfarin 5 mg daily", None, "moderate", "bleed"),
    ("fish oil 4 g daily", "ibrutinib 420 mg daily", None, "moderate", "bleed"),
    ("goldenseal 1 g three times daily", "midazolam 2 mg", None, "moderate", "midazolam"),
    ("grapefruit juice 250 mL daily", "nilotinib 400 mg BID", None, "major", "nilotinib"),
    ("grapefruit juice 250 mL daily", "ibrutinib 420 mg daily", None, "moderate", ""),
    ("green tea extract 500 mg twice daily", "bortezomib 1.3 mg/m2", None, "major", "bortezomib"),
    ("melatonin 3 mg at bedtime", "fluvoxamine 100 mg daily", None, "moderate", "melatonin"),
    ("5-HTP 100 mg", "sertraline 50 mg daily", None, "moderate", "serotonin"),
    ("DIM 150 mg twice daily", "tamoxifen 20 mg daily", None, "moderate", "endoxifen"),
    ("calcium carbonate 600 mg", "levothyroxine 100 mcg daily", None, "moderate", "levothyroxine"),
    ("schisandra", "tacrolimus 1 mg BID", None, "moderate", "tacrolimus"),
    ("probiotics", "", "neutropenia", "moderate", "bacteraemia"),
    ("vitamin E 800 IU daily", "", "radiation", "moderate", ""),
    ("ginkgo", "", "surgery", "moderate", ""),
]

NEGATIVE = [
    ("milk thistle 140 mg three times daily", "irinotecan 125 mg/m2 weekly"),
    ("milk thistle 140 mg three times daily", "imatinib 400 mg daily"),
    ("green tea, 2 cups brewed daily", "bortezomib 1.3 mg/m2"),
    ("vitamin B12 1000 mcg daily", "pembrolizumab 200 mg q3w"),
    ("magnesium 400 mg daily", "nivolumab 240 mg q2w"),
    ("coenzyme Q10 100 mg", "trastuzumab 6 mg/kg q3w"),
    ("calcium 600 mg", "rituximab 375 mg/m2"),
    ("zinc 15 mg", "atezolizumab 1200 mg q3w"),
    ("vitamin C 500 mg daily", "ondansetron 8 mg q8h"),
    ("fish oil 1 g daily", "ondansetron 8 mg q8h"),
    ("ginkgo 120 mg", "pembrolizumab 200 mg q3w"),
    ("selenium 200 mcg", "trastuzumab 6 mg/kg q3w"),
]


@pytest.mark.parametrize(("supplement", "drug", "context", "lowest", "text"), ESTABLISHED,
                         ids=[f"{s.split()[0]}-{d.split()[0] if d else c}" for s, d, c, _, _ in ESTABLISHED])
def test_established_finding(real_checker, supplement, drug, context, lowest, text):
    result = real_checker.check(drugs=[drug] if drug else [], supplements=[supplement],
                                context=[context] if context else [])
    findings = [f for f in result.findings if (f.drug if drug else f.context)]
    assert findings, f"{supplement} + {drug or context}: no finding"
    finding = findings[0]
    assert RANK[finding.severity.value] >= RANK[lowest], f"{finding.title}: {finding.severity.value}"
    assert text.lower() in f"{finding.title} {finding.effect}".lower()
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug"), NEGATIVE, ids=[f"{s.split()[0]}-{d.split()[0]}" for s, d in NEGATIVE])
def test_negative_control_has_no_pair_finding(real_checker, supplement, drug):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items)
    pair = [f for f in result.findings if f.drug]
    assert not pair, [f.title for f in pair]


def test_three_bleeding_supplements_with_an_anticoagulant_are_named_and_only_evidence_raises(real_checker):
    result = real_checker.check(drugs=["apixaban 5 mg BID"],
                                supplements=["ginkgo 120 mg", "fish oil 4 g daily", "vitamin E 800 IU daily"])
    pair = {f.supplement.name: f for f in result.findings if f.drug}
    assert len(pair) == 3
    assert all(any("supplements in this regimen add to the same concern" in n for n in f.notes) for f in pair.values())
    for f in pair.values():
        raised = any("severity raised one step" in n for n in f.notes)
        assert not (raised and f.evidence.level.value == "theoretical"), f"{f.title}: a theoretical chain was raised"
        assert f.evidence.basis.value == "curated", f"{f.title}: curated evidence for the pair must speak first"
    # Fish oil's curated entry (no excess bleeding in trials, minor) speaks, raised one step by the others.
    fish = pair["fish oil"]
    assert fish.severity.value == "moderate" and "no excess clinical bleeding" in fish.title
