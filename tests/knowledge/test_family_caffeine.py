"""Caffeine in tea: green and black tea are CYP1A2 substrates through their caffeine (real graph)."""

from __future__ import annotations


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


def test_egcg_products_stay_minor_with_ciprofloxacin(real_checker):
    # Decaffeinated or EGCG-only products cannot be told from the beverage; the curated entry keeps them at minor
    # and says they are not the concern.
    [finding] = _caffeine(_pair(real_checker, "ciprofloxacin", "EGCG 400 mg daily"))
    assert finding.severity.value == "minor"
    assert "EGCG-only products are not the concern" in finding.management
