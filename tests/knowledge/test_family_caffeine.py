"""Caffeine in tea: green and black tea are CYP1A2 substrates through their caffeine (real graph)."""

from __future__ import annotations

import pytest


def _pair(checker, drug: str, supplement: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return [f for f in result.findings if f.drug is not None]


def _caffeine(findings):
    return [f for f in findings if "caffeine" in f.title.lower() or any(m.target == "CYP1A2" for m in f.mechanisms)]


def test_green_tea_with_ciprofloxacin_raises_caffeine(real_checker):
    [finding] = _caffeine(_pair(real_checker, "ciprofloxacin", "green tea 3 cups daily"))
    assert "slows elimination of the caffeine in green tea" in finding.title
    assert "caffeine exposure about doubled" in finding.effect
    assert finding.kind.value == "pharmacokinetic"
    assert finding.severity.value == "minor"


def test_green_tea_with_fluvoxamine_raises_caffeine(real_checker):
    [finding] = _caffeine(_pair(real_checker, "fluvoxamine", "green tea extract 500 mg daily"))
    assert "slows elimination of the caffeine in green tea" in finding.title
    assert "caffeine accumulation" in finding.effect
    assert "Decaffeinated green tea extracts" in finding.management
    assert finding.severity.value == "moderate"


def test_black_tea_with_ciprofloxacin_now_reached(real_checker):
    [finding] = _caffeine(_pair(real_checker, "ciprofloxacin", "black tea"))
    assert "caffeine in black tea" in finding.title and finding.severity.value == "minor"
    # Fluvoxamine keeps its curated entry.
    [fluvoxamine] = _caffeine(_pair(real_checker, "fluvoxamine", "black tea"))
    assert fluvoxamine.severity.value == "moderate"


def test_green_tea_with_drugs_that_do_not_inhibit_cyp1a2(real_checker):
    assert not _caffeine(_pair(real_checker, "amoxicillin-clavulanate", "green tea"))
    assert not _caffeine(_pair(real_checker, "amlodipine", "green tea 3 cups daily"))


@pytest.mark.parametrize("line", ["EGCG 400 mg daily", "decaffeinated green tea 2 cups daily",
                                  "green tea extract (decaffeinated) 500 mg", "decaf black tea 3 cups",
                                  "caffeine-free green tea extract 250 mg"])
def test_decaffeinated_and_egcg_products_meet_no_caffeine_finding(real_checker, line):
    """The caffeine claims and entries of tea carry sc:form "caffeinated": a line that says decaffeinated,
    caffeine-free or EGCG is recognised as the tea, says so, and meets none of them."""
    for drug in ("fluvoxamine", "ciprofloxacin"):
        assert not _caffeine(_pair(real_checker, drug, line)), (drug, line)
    result = real_checker.check(drugs=["fluvoxamine"], supplements=[line])
    item = result.items[-1]
    assert item.status.value == "recognized" and item.match.name in ("green tea", "black tea")
    assert any("decaffeinated or EGCG" in n for n in item.reading.notes)


def test_what_egcg_itself_does_still_applies(real_checker):
    """Only what rests on caffeine is left out: EGCG with bortezomib is still found."""
    findings = _pair(real_checker, "bortezomib", "EGCG 400 mg daily")
    assert any("bortezomib" in f.title.lower() for f in findings)
