"""Anoro Ellipta, senna with docusate (Senna-S, Senokot-S) and magic mouthwash read as the drugs their sources list (real graph)."""

from __future__ import annotations

import pytest


def _read(checker, line: str):
    [item] = checker.check(drugs=[line], supplements=[]).items
    return item


def _drugs(item) -> set[str]:
    return {c.match.name for c in item.components if c.match is not None and c.match.method in ("regimen", "product")}


ANORO = {"umeclidinium", "vilanterol"}
SENNA_S = {"senna", "docusate"}
MAGIC = {"lidocaine", "diphenhydramine", "aluminium and magnesium hydroxide"}


@pytest.mark.parametrize("line, expected", [
    ("Anoro Ellipta", ANORO), ("Anoro", ANORO), ("Anoro Ellipta 62.5/25 mcg 1 inhalation once daily", ANORO),
    ("umeclidinium/vilanterol", ANORO), ("UMEC/VI", ANORO), ("umeclidinium bromide and vilanterol trifenatate", ANORO),
    ("Senna-S", SENNA_S), ("Senna S", SENNA_S), ("Senokot-S", SENNA_S), ("Senna-S 2 tablets at bedtime", SENNA_S),
    ("senna/docusate", SENNA_S), ("sennosides and docusate sodium", SENNA_S),
    ("magic mouthwash", MAGIC), ("Magic Mouthwash 15 mL four times daily", MAGIC),
    ("diphenhydramine-lidocaine-antacid mouthwash", MAGIC), ("magic mouthwash oral rinse 10 mL every 6 hours", MAGIC),
])
def test_a_combination_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


def test_the_magic_mouthwash_set_says_that_recipes_vary(real_checker):
    entity = next(e for e in real_checker.kb.entities.values() if e.name == "magic mouthwash")
    assert "check the pharmacy's label" in (entity.definition or "")


def test_a_finding_reaches_a_drug_of_the_set(real_checker):
    """Vilanterol is a minor CYP3A4 substrate: St John's wort's induction reaches it through an Anoro line."""
    result = real_checker.check(drugs=["Anoro Ellipta 1 inhalation daily"],
                                supplements=["St John's wort 300 mg three times daily"])
    assert "vilanterol" in {f.drug.name for f in result.findings if f.drug is not None}


@pytest.mark.parametrize("line, drug", [
    ("senna", "senna"), ("Senokot", "senna"), ("sennosides", "senna"), ("Ex-Lax", "senna"),
    ("docusate", "docusate"), ("Colace", "docusate"), ("docusate sodium", "docusate"),
    ("Incruse Ellipta", "umeclidinium"), ("vilanterol", "vilanterol"),
    ("Benadryl", "diphenhydramine"), ("viscous lidocaine", "lidocaine"), ("Maalox", "aluminium and magnesium hydroxide"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


def test_the_diphenhydramine_of_magic_mouthwash_meets_a_sedating_supplement(real_checker):
    result = real_checker.check(drugs=["magic mouthwash 15 mL four times daily"], supplements=["valerian 450 mg at bedtime"])
    assert "diphenhydramine" in {f.drug.name for f in result.findings if f.drug is not None}


@pytest.mark.parametrize("line", ["magic mouthwash 5 mL swish and spit four times daily",
                                  "magic mouthwash oral rinse 10 mL every 6 hours"])
def test_a_compounded_rinse_says_its_recipe_varies_and_reads_its_directions(real_checker, line):
    from suppcheck.models import Role

    item, _ = real_checker.item(line, Role.drug)
    assert item.match.name == "magic mouthwash"
    assert sorted(c.match.name for c in item.components) == ["aluminium and magnesium hydroxide", "diphenhydramine",
                                                             "lidocaine"]
    assert not item.reading.unread
    assert any("recipes vary" in n and "pharmacy's label" in n for n in item.reading.notes)


def test_swish_and_swallow_is_how_a_line_is_taken(real_checker):
    from suppcheck.models import Role

    item, _ = real_checker.item("nystatin 5 mL swish and swallow qid", Role.drug)
    assert item.match.name == "nystatin" and not item.components
    assert not (item.reading and item.reading.unread)
