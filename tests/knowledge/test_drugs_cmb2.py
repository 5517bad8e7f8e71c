"""Muscle relaxants, hypnotics, armodafinil, bladder drugs and two antiemetics (real graph).

Names resolve; the label instructions reach the supplements the graph grades in their categories (grapefruit and
goldenseal with the orexin antagonists, St John's wort with rolapitant); the label warnings reach their rules
(sedation, blood pressure, liver, QT, serotonin); pairs without a fact stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("baclofen", "baclofen"), ("Lioresal", "baclofen"), ("Ozobax", "baclofen"),
    ("tizanidine", "tizanidine"), ("Zanaflex", "tizanidine"),
    ("methocarbamol", "methocarbamol"), ("Robaxin", "methocarbamol"),
    ("carisoprodol", "carisoprodol"), ("Soma", "carisoprodol"),
    ("eszopiclone", "eszopiclone"), ("Lunesta", "eszopiclone"),
    ("zaleplon", "zaleplon"), ("Sonata", "zaleplon"),
    ("suvorexant", "suvorexant"), ("Belsomra", "suvorexant"),
    ("lemborexant", "lemborexant"), ("Dayvigo", "lemborexant"),
    ("ramelteon", "ramelteon"), ("Rozerem", "ramelteon"),
    ("armodafinil", "armodafinil"), ("Nuvigil", "armodafinil"),
    ("mirabegron", "mirabegron"), ("Myrbetriq", "mirabegron"),
    ("solifenacin", "solifenacin"), ("VESIcare", "solifenacin"),
    ("trospium", "trospium"), ("Sanctura", "trospium"),
    ("rolapitant", "rolapitant"), ("Varubi", "rolapitant"),
    ("dolasetron", "dolasetron"), ("Anzemet", "dolasetron"),
])
def test_names_resolve(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("tizanidine 4 mg three times daily", "tizanidine"),
    ("Belsomra 10 mg at bedtime", "suvorexant"),
    ("Myrbetriq 50 mg daily", "mirabegron"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # label names grapefruit juice among the moderate CYP3A inhibitors: 5 mg
    ("suvorexant", "grapefruit juice", "grapefruit", "moderate", "reduce the dose"),
    # avoid moderate CYP3A inhibitors; 5 mg with weak ones; avoid moderate and strong inducers
    ("lemborexant", "grapefruit", "grapefruit", "major", "avoid"),
    ("lemborexant", "goldenseal 1 g", "goldenseal", "moderate", "reduce the dose"),
    ("lemborexant", "St John's wort", "St John's wort", "major", "avoid"),
    # EU SmPC contraindicates St John's wort
    ("rolapitant", "St John's wort", "St John's wort", "major", "contraindicated"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = pair(result, name, drug)
    assert f.severity.value == severity
    assert words in f.title


@pytest.mark.parametrize(("drug", "supplement", "name", "word"), [
    ("tizanidine", "valerian 600 mg", "valerian", "sedation"),
    ("tizanidine", "garlic 1200 mg", "garlic", "blood-pressure"),
    ("tizanidine", "green tea extract 800 mg", "green tea", "liver"),
    ("baclofen", "kava", "kava", "sedation"),
    ("methocarbamol", "valerian 600 mg", "valerian", "sedation"),
    ("carisoprodol", "valerian 600 mg", "valerian", "sedation"),
    ("eszopiclone", "valerian 600 mg", "valerian", "sedation"),
    ("zaleplon", "valerian 600 mg", "valerian", "sedation"),
    ("ramelteon", "valerian 600 mg", "valerian", "sedation"),
    ("solifenacin", "valerian 600 mg", "valerian", "sedation"),
    ("trospium", "valerian 600 mg", "valerian", "sedation"),
    ("mirabegron", "caffeine 600 mg", "caffeine", "blood-pressure"),
])
def test_label_warnings_reach_their_rule(real_checker, drug, supplement, name, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = pair(result, name, drug)
    assert f.severity.value == "moderate"
    assert word in f.title


def test_orexin_antagonists_and_ramelteon_are_hypnotics(real_checker):
    closure = real_checker.kb.class_closure
    for name in ("suvorexant", "lemborexant", "ramelteon"):
        classes = {c.rsplit("/", 1)[-1] for c in closure.get("https://w3id.org/suppcheck/drug/" + name, ())}
        assert "hypnotic" in classes, (name, classes)


@pytest.mark.parametrize(("drug", "supplement"), [
    ("trospium", "grapefruit"),          # renally cleared: no CYP fact
    ("armodafinil", "vitamin D 1000 IU"),
    ("mirabegron", "valerian 600 mg"),   # no sedation fact on mirabegron
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
