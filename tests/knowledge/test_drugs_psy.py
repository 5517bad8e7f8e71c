"""Psychiatric and addiction drugs of consult lists (real graph): lurasidone, brexpiprazole, cariprazine, ziprasidone,
atomoxetine, benztropine, trihexyphenidyl, mixed amphetamine salts, lisdexamfetamine, naltrexone, naloxone,
varenicline, nicotine replacement, disulfiram and acamprosate.

Their names and brands resolve to them (naltrexone apart from low-dose naltrexone); the antipsychotics sit in the
antipsychotic class with aripiprazole; the label instructions recorded give their findings with St John's wort and
grapefruit; ziprasidone's QT property reaches the rules; a pair with no fact stays silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("Latuda", "lurasidone"), ("lurasidone hydrochloride", "lurasidone"),
    ("Rexulti", "brexpiprazole"), ("Vraylar", "cariprazine"), ("Geodon", "ziprasidone"),
    ("Strattera", "atomoxetine"), ("Cogentin", "benztropine"), ("trihexyphenidyl", "trihexyphenidyl"),
    ("Adderall", "amphetamine-dextroamphetamine"), ("mixed amphetamine salts", "amphetamine-dextroamphetamine"),
    ("Vyvanse", "lisdexamfetamine"), ("Vivitrol", "naltrexone"), ("ReVia", "naltrexone"),
    ("Narcan", "naloxone"), ("Chantix", "varenicline"), ("Nicorette", "nicotine"), ("Nicoderm CQ", "nicotine"),
    ("Nicotrol", "nicotine"), ("Antabuse", "disulfiram"), ("Campral", "acamprosate"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Latuda 40 mg daily with dinner", "lurasidone"),
    ("Adderall XR 20 mg every morning", "amphetamine-dextroamphetamine"),
    ("naltrexone 50 mg daily", "naltrexone"),
    ("Vivitrol 380 mg IM monthly", "naltrexone"),
    ("nicotine patch 21 mg/24h", "nicotine"),
    ("acamprosate calcium 666 mg tid", "acamprosate"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


@pytest.mark.parametrize("text", ["LDN", "low-dose naltrexone", "LDN 4.5 mg at night"])
def test_low_dose_naltrexone_stays_the_supplement(real_checker, text):
    res = real_checker.resolve(text.split(" 4.5")[0], "supplement")
    assert res.match is not None and res.match.name == "low-dose naltrexone"
    assert real_checker.resolve("LDN", "drug").match is None or \
        real_checker.resolve("LDN", "drug").match.name != "naltrexone"


@pytest.mark.parametrize("drug", ["lurasidone", "brexpiprazole", "cariprazine", "ziprasidone"])
def test_antipsychotics_classed_as_aripiprazole(real_checker, drug):
    assert "antipsychotic" in closure(real_checker, drug)
    assert "antipsychotic" in closure(real_checker, "aripiprazole")


def test_lurasidone_contraindicated_with_st_johns_wort(real_checker):
    result = real_checker.check(drugs=["Latuda 40 mg"], supplements=["St John's wort 900 mg"])
    [f] = pair(result, "St John's wort", "lurasidone")
    assert f.severity.value == "major" and "contraindicated" in f.title


def test_lurasidone_label_avoids_grapefruit(real_checker):
    result = real_checker.check(drugs=["lurasidone 40 mg"], supplements=["grapefruit juice"])
    [f] = pair(result, "grapefruit", "lurasidone")
    assert f.severity.value == "major" and "avoid" in f.title


def test_brexpiprazole_dose_doubles_with_a_strong_inducer(real_checker):
    result = real_checker.check(drugs=["Rexulti 2 mg"], supplements=["St John's wort 900 mg"])
    [f] = pair(result, "St John's wort", "brexpiprazole")
    assert f.severity.value == "moderate" and "increase" in f.title


def test_cariprazine_label_advises_against_inducers(real_checker):
    result = real_checker.check(drugs=["Vraylar 3 mg"], supplements=["St John's wort 900 mg"])
    [f] = pair(result, "St John's wort", "cariprazine")
    assert f.severity.value == "major" and "avoid" in f.title


def test_ziprasidone_qt_reaches_liquorice(real_checker):
    result = real_checker.check(drugs=["Geodon 40 mg twice daily"], supplements=["liquorice"])
    [f] = pair(result, "licorice", "ziprasidone")
    assert f.severity.value == "moderate" and "QT" in f.title


def test_negative_control_vitamin_d_with_lurasidone(real_checker):
    result = real_checker.check(drugs=["Latuda 40 mg"], supplements=["vitamin D3 2000 IU"])
    assert pair(result, "vitamin D", "lurasidone") == [] and result.findings == []
