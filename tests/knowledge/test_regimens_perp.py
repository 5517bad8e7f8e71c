"""Donnatal (phenobarbital with the belladonna alkaloids hyoscyamine, atropine and scopolamine) read as its four drugs
(real graph), from its DailyMed label."""

from __future__ import annotations

import pytest
from drugcheck import read_line as _read
from drugcheck import set_drugs as _drugs

DONNATAL = {"phenobarbital", "hyoscyamine", "atropine", "scopolamine"}


@pytest.mark.parametrize("line", [
    "Donnatal",
    "Donnatal 1 tablet three times daily",
    "Donnatal elixir 5 mL four times daily",
    "phenobarbital, hyoscyamine sulfate, atropine sulfate, scopolamine hydrobromide",
    "phenobarbital, hyoscyamine, atropine and scopolamine",
    "phenobarbital/hyoscyamine/atropine/scopolamine",
    "belladonna alkaloids with phenobarbital",
])
def test_donnatal_is_read_as_all_its_drugs(real_checker, line):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == DONNATAL
    assert not item.reading.unread


@pytest.mark.parametrize(("line", "drug"), [
    ("phenobarbital", "phenobarbital"), ("Luminal", "phenobarbital"),
    ("hyoscyamine", "hyoscyamine"), ("Levsin", "hyoscyamine"),
    ("atropine", "atropine"), ("atropine sulfate", "atropine"),
    ("scopolamine", "scopolamine"), ("Transderm Scop", "scopolamine"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


def test_a_sedating_supplement_reaches_the_phenobarbital_of_donnatal(real_checker):
    """Phenobarbital is a barbiturate CNS depressant: valerian's sedation rule reaches it through a Donnatal line."""
    result = real_checker.check(drugs=["Donnatal 2 tablets at bedtime"], supplements=["valerian 450 mg at bedtime"])
    sedation = {f.drug.name: f for f in result.findings if f.drug is not None and "sedation" in f.title}
    assert "phenobarbital" in sedation
    assert sedation["phenobarbital"].severity.value == "moderate"
