"""Names as clinicians and labels write them resolve to the right entity of the real graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from suppcheck.models import Role

LINES = Path(__file__).resolve().parents[1] / "fixtures" / "regimen_lines.tsv"


def _lines() -> list[tuple[str, str]]:
    out = []
    for line in LINES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            out.append((text, expected))
    return out


def test_oncology_drug_lines_resolve(real_checker):
    lines = _lines()
    assert len(lines) >= 200
    wrong, missed = [], []
    for text, expected in lines:
        item, _ = real_checker.item(text, Role.drug)
        if item.match is None:
            missed.append(text)
        elif item.match.name != expected:
            wrong.append(f"{text} -> {item.match.name} (expected {expected})")
    assert not wrong, "resolved to the wrong drug: " + "; ".join(wrong)
    rate = 1 - len(missed) / len(lines)
    assert rate >= 0.98, f"only {rate:.1%} resolved; missed: {missed}"


MEDICATION_LINES = LINES.with_name("medication_lines.tsv")


def _medication_lines() -> list[tuple[str, list[str]]]:
    out = []
    for line in MEDICATION_LINES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            out.append((text, sorted(expected.split(" + "))))
    return out


def test_a_whole_medication_list_resolves(real_checker):
    """Oncology lines and the supportive-care and comorbidity lines of a real list: over 300, 98% right."""
    lines = [(text, [expected]) for text, expected in _lines()] + _medication_lines()
    assert len(lines) >= 300
    wrong, missed = [], []
    for text, expected in lines:
        [item] = real_checker.check(drugs=[text]).items
        got = sorted(c.match.name for c in item.components if c.match) if item.components else (
            [item.match.name] if item.match else [])
        if not got:
            missed.append(text)
        elif got != expected:
            wrong.append(f"{text} -> {got} (expected {expected})")
    assert not wrong, "resolved to the wrong drugs: " + "; ".join(wrong)
    rate = 1 - len(missed) / len(lines)
    assert rate >= 0.98, f"only {rate:.1%} resolved; missed: {missed}"


@pytest.mark.parametrize(("text", "role", "expected"), [
    ("Gleevec", "drug", "imatinib"),
    ("Hypericum perforatum", "supplement", "St John's wort"),
    ("St. John\u2019s Wort", "supplement", "St John's wort"),
    ("EGCG", "supplement", "green tea"),
    ("NAC", "supplement", "N-acetylcysteine"),
    ("CoQ10", "supplement", "coenzyme Q10"),
    ("tumeric", "supplement", "turmeric"),
    ("gingko biloba", "supplement", "ginkgo"),
    ("ashwaganda", "supplement", "ashwagandha"),
    ("ibrutinb", "drug", "ibrutinib"),
    ("Curcuma longa", "supplement", "turmeric"),
    ("fish oil omega-3", "supplement", "fish oil"),
    ("vitamin D3", "supplement", "vitamin D"),
    ("BioPerine", "supplement", "black pepper (piperine)"),
])
def test_names_resolve(real_checker, text, role, expected):
    res = real_checker.resolve(text, role)
    if res.status.value == "ambiguous":  # a misspelling: checked as the closest name, never silently
        assert [c.name for c in res.candidates] == [expected], (text, res.candidates)
        return
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


def test_ginseng_is_ambiguous_between_three_species(real_checker):
    res = real_checker.resolve("ginseng", "supplement")
    assert res.status.value == "ambiguous"
    assert {c.name for c in res.candidates} == {"Asian ginseng", "American ginseng", "Siberian ginseng"}
    result = real_checker.check(drugs=["warfarin"], supplements=["ginseng"])
    assert any("ginseng' is ambiguous: this finding assumes" in n for f in result.findings for n in f.notes)


def test_unknown_name_is_unrecognised_with_suggestions(real_checker):
    near = real_checker.resolve("valarin", "supplement")
    assert near.status.value == "unrecognized" and near.candidates[0].name == "valerian"
    none = real_checker.resolve("zzqx tonic", "supplement")
    assert none.status.value == "unrecognized" and none.candidates == []


def test_drug_names_close_to_supplement_names_resolve_right(real_checker):
    assert real_checker.resolve("melatonin", "supplement").match.name == "melatonin"
    assert real_checker.resolve("methotrexate", "drug").match.name == "methotrexate"
    assert real_checker.resolve("folic acid", "supplement").match.name == "folic acid"
    assert real_checker.resolve("metformin", "drug").match.name == "metformin"


@pytest.mark.parametrize("text", ["vitamin K antagonist", "melatonin receptor agonist", "folate deficiency"])
def test_a_name_followed_by_a_word_that_changes_it_is_not_that_entity(real_checker, text):
    assert real_checker.resolve(text, "supplement").status.value == "unrecognized"


def test_alpha_linolenic_acid_is_not_alpha_lipoic_acid(real_checker):
    assert real_checker.resolve("alpha-linolenic acid", "supplement").match.name == "alpha-linolenic acid"
    assert real_checker.resolve("alpha-lipoic acid", "supplement").match.name == "alpha-lipoic acid"


SUPPLEMENT_LINES = LINES.with_name("supplement_lines.tsv")


def test_supplement_lines_as_people_write_them_resolve(real_checker):
    """Abbreviations, brands, products, combinations, Latin and pinyin names, doses and forms: over 300 lines,
    97% right, and every ingredient of a combination or product found."""
    lines = []
    for line in SUPPLEMENT_LINES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            lines.append((text, sorted(set(expected.split(" + ")))))
    assert len(lines) >= 300
    wrong, missed = [], []
    for text, expected in lines:
        [item] = real_checker.check(supplements=[text]).items
        got = sorted({c.match.name for c in item.components if c.match}) if item.components else (
            [item.match.name] if item.match else [])
        if not got:
            missed.append(text)
        elif got != expected:
            wrong.append(f"{text} -> {got} (expected {expected})")
    rate = (len(lines) - len(missed) - len(wrong)) / len(lines)
    assert not [w for w in wrong if len(w.split("expected")[1].split(",")) > 1], "a combination lost an ingredient"
    assert rate >= 0.97, f"only {rate:.1%} right; wrong: {wrong}; missed: {missed}"


@pytest.mark.parametrize("text", ["ProAir HFA 2 puffs q4-6h prn", "Flonase 2 sprays each nostril daily",
                                  "Flovent HFA 110 mcg 2 puffs BID", "albuterol inhaler", "albuterol neb 2.5 mg q6h prn"])
def test_inhaler_and_nasal_spray_lines_are_read_whole(real_checker, text):
    """Puffs, sprays, inhalers and nebules are how the line is taken, not a product left unchecked."""
    [item] = real_checker.check(drugs=[text]).items
    assert item.status.value == "recognized", item
    assert not (item.reading and item.reading.unread), item.reading
