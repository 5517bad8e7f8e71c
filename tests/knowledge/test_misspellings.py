"""Misspellings and near names: matching never crosses to another entity silently."""

from __future__ import annotations

import random

import pytest
from suppcheck.text import normalize

VOWELS = "aeiou"


def _typos(name: str, rng: random.Random) -> list[str]:
    """Four slips a person makes: a letter dropped, two swapped, a vowel changed, a letter doubled."""
    i = rng.randrange(2, len(name) - 2)
    out = [name[:i] + name[i + 1:], name[:i] + name[i + 1] + name[i] + name[i + 2:], name[:i] + name[i] * 2 + name[i + 1:]]
    vowels = [j for j in range(1, len(name) - 1) if name[j] in VOWELS]
    if vowels:
        j = rng.choice(vowels)
        out.append(name[:j] + rng.choice([v for v in VOWELS if v != name[j]]) + name[j + 1:])
    return out


def _cases(kb, resolver) -> list[tuple[str, str, str]]:
    rng = random.Random(20261206)
    cases = []
    for entity in sorted(kb.of_kind("supplement") + kb.of_kind("drug"), key=lambda e: e.id):
        names = [n for n in (entity.name, *entity.alt) if len(n) >= 7 and n.replace(" ", "").isalpha()]
        for name in names[:2]:
            for typo in _typos(name.lower(), rng):
                if normalize(typo) not in resolver._keys:  # a slip that spells another real name is skipped
                    cases.append((typo, entity.kind, entity.id))
    return cases


def test_misspellings_never_cross_silently(real_checker):
    kb = real_checker.kb
    cases = _cases(kb, real_checker.resolver)
    assert len(cases) >= 500, len(cases)
    counts = {"right": 0, "near, right": 0, "near, wrong": 0, "not taken": 0, "silently wrong": 0}
    wrong = []
    from suppcheck.models import Role

    for typo, role, truth in cases:
        item, parties = real_checker.item(typo, Role(role))
        entities = {p.entity for p in parties}
        flagged = bool(item.reading and item.reading.unread)  # read in part: reported, exit 3
        if item.status.value == "recognized" and not flagged:
            key = "right" if entities == {truth} else "silently wrong"
        elif item.status.value == "unrecognized" or not entities:
            key = "not taken"
        else:
            key = "near, right" if truth in entities else "near, wrong"
        counts[key] += 1
        if key in ("silently wrong", "near, wrong"):
            wrong.append((typo, kb.name_of(truth), sorted(kb.name_of(i) for i in entities)))
    taken = counts["right"] + counts["near, right"] + counts["near, wrong"]
    precision = (counts["right"] + counts["near, right"]) / taken
    print(f"\n{len(cases)} misspellings: {counts}; precision of what was taken {precision:.1%}")
    assert counts["silently wrong"] == 0, wrong[:10]
    assert precision >= 0.95, wrong[:20]


@pytest.mark.parametrize(("text", "role", "not_this"), [
    ("barberry", "supplement", "bilberry"),
    ("valacyclovir", "drug", "acyclovir"),
    ("trastuzumab emtansine", "drug", "trastuzumab"),
    ("niacinamide", "supplement", "niacin"),
    ("grapefruit seed extract", "supplement", "grapefruit"),
    ("dang shen", "supplement", "danshen"),
    ("Tums", "supplement", "tucatinib"),
    ("Nature Made fish oil", "supplement", "azacitidine"),
    # siblings of a drug family (the same ending after another start) and names three edits apart
    ("mebendazole", "supplement", "fenbendazole"),
    ("pitavastatin", "drug", "pravastatin"),
    ("clotrimazole", "drug", "trimethoprim-sulfamethoxazole"),
])
def test_near_names_are_not_read_as_another_thing(real_checker, text, role, not_this):
    from suppcheck.models import Role

    _item, parties = real_checker.item(text, Role(role))
    checked_as = {real_checker.kb.name_of(p.entity) for p in parties}
    assert not_this not in checked_as, (text, checked_as)


@pytest.mark.parametrize(("text", "role", "expected"), [
    ("Vit C", "supplement", "vitamin C"), ("vit. D3", "supplement", "vitamin D"),
    ("pembro", "drug", "pembrolizumab"), ("dex", "drug", "dexamethasone"),
    ("Nature Made fish oil", "supplement", "fish oil"), ("Tums", "supplement", "calcium"),
])
def test_shorthand_and_brand_prefixes_are_read(real_checker, text, role, expected):
    res = real_checker.resolve(text, role)
    assert res.status.value == "recognized" and res.match.name == expected, res


def test_a_brand_prefix_is_said_not_hidden(real_checker):
    result = real_checker.check(drugs=["warfarin"], supplements=["Nature Made fish oil 1000 mg daily"])
    item = result.items[1]
    assert any("read as a brand name" in n for n in item.reading.notes)
    assert not result.summary.not_checked

