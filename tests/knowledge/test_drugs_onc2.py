"""Mitotane, vismodegib, sonidegib, glasdegib, vorinostat, tivozanib and pexidartinib on the real graph: their names
resolve; the label instructions recorded for them give their severity with the supplement the graph grades in the
label's category (St John's wort named by the EU vismodegib label); the warnings recorded as properties reach the
supplements that add to them; and a supplement with nothing to act on gives no finding.

No supplement in the graph is graded a strong CYP3A4 inhibitor (grapefruit and schisandra are moderate), so the
strong-inhibitor instructions of sonidegib and glasdegib are not reached by any supplement: grapefruit with them is
reasoned from the enzyme chain instead."""

from __future__ import annotations

import pytest


def _pair(result, drug):
    return [f for f in result.findings if f.drug and f.drug.name == drug]


@pytest.mark.parametrize(("text", "expected"), [
    ("mitotane", "mitotane"),
    ("Lysodren", "mitotane"),
    ("o,p'-DDD", "mitotane"),
    ("vismodegib", "vismodegib"),
    ("Erivedge", "vismodegib"),
    ("GDC-0449", "vismodegib"),
    ("sonidegib", "sonidegib"),
    ("Odomzo", "sonidegib"),
    ("sonidegib phosphate", "sonidegib"),
    ("glasdegib", "glasdegib"),
    ("Daurismo", "glasdegib"),
    ("glasdegib maleate", "glasdegib"),
    ("vorinostat", "vorinostat"),
    ("Zolinza", "vorinostat"),
    ("SAHA", "vorinostat"),
    ("suberoylanilide hydroxamic acid", "vorinostat"),
    ("tivozanib", "tivozanib"),
    ("Fotivda", "tivozanib"),
    ("tivozanib hydrochloride", "tivozanib"),
    ("pexidartinib", "pexidartinib"),
    ("Turalio", "pexidartinib"),
    ("PLX3397", "pexidartinib"),
    ("pexidartinib hydrochloride", "pexidartinib"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


def test_vismodegib_label_makes_st_johns_wort_major(real_checker):
    # EU SmPC 4.5 names St John's wort among the CYP inducers and points to the contraindications.
    result = real_checker.check(drugs=["vismodegib 150 mg daily"],
                                supplements=["St John's wort 300 mg three times daily"])
    [finding] = _pair(result, "vismodegib")
    assert finding.severity.value == "major"
    assert finding.kind.value == "pharmacokinetic"
    assert "contraindicated" in finding.title
    assert any("Erivedge" in s.title for s in finding.evidence.sources)


@pytest.mark.parametrize("drug", ["sonidegib 200 mg daily", "glasdegib 100 mg daily"])
def test_grapefruit_is_not_read_as_a_strong_cyp3a_inhibitor(real_checker, drug):
    # Grapefruit is graded a moderate CYP3A4 inhibitor, so the labels' strong-inhibitor instructions do not apply;
    # the finding is the inferred enzyme chain, moderate.
    result = real_checker.check(drugs=[drug], supplements=["grapefruit juice 250 mL daily"])
    [finding] = _pair(result, drug.split()[0])
    assert finding.severity.value == "moderate"
    assert finding.evidence.basis.value == "inferred"
    assert "raise" in finding.title


def test_sonidegib_rifampicin_fold_change_lets_st_johns_wort_lower_it(real_checker):
    result = real_checker.check(drugs=["sonidegib 200 mg daily"], supplements=["St John's wort 300 mg three times daily"])
    [finding] = _pair(result, "sonidegib")
    assert finding.severity.value in {"moderate", "major"}
    assert "lower" in finding.title


@pytest.mark.parametrize(("drug", "supplement", "words"), [
    ("glasdegib 100 mg daily", "licorice root", "QT"),
    ("vorinostat 400 mg daily", "niacin 1000 mg daily", "blood glucose"),
    ("tivozanib 1.34 mg daily", "fish oil 3 g daily", "bleeding"),
    ("mitotane 2 g three times daily", "fish oil 3 g daily", "bleeding"),
    ("pexidartinib 250 mg twice daily", "kava", "liver"),
])
def test_label_warnings_reach_the_supplements_that_add_to_them(real_checker, drug, supplement, words):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = [f for f in _pair(result, drug.split()[0]) if words in f.title]
    assert found, [(f.title, f.severity.value) for f in result.findings]
    assert found[0].severity.value == "moderate"


@pytest.mark.parametrize(("drug", "supplement"), [
    ("vorinostat 400 mg daily", "St John's wort 300 mg three times daily"),
    ("mitotane 2 g three times daily", "grapefruit juice 250 mL daily"),
])
def test_no_finding_where_the_graph_holds_nothing_to_act_on(real_checker, drug, supplement):
    # No enzyme role is recorded for vorinostat, and mitotane is recorded only as an inducer, not a substrate.
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not result.findings, [(f.title, f.severity.value) for f in result.findings]
