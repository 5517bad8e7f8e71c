"""Neurology drugs of consult lists (real graph): the antiseizure drugs lacosamide, brivaracetam, cenobamate,
perampanel, clobazam, rufinamide and zonisamide; the Parkinson's disease drugs carbidopa-levodopa, pramipexole,
ropinirole and rasagiline; the VMAT2 inhibitors tetrabenazine, deutetrabenazine and valbenazine; and pimavanserin.

Their names and brands resolve to them; they sit in the classes their siblings sit in (anticonvulsant, benzodiazepine,
MAO inhibitor); each label instruction recorded gives its finding with a supplement the graph holds (iron and whey
protein with levodopa, St John's wort with perampanel, brivaracetam, valbenazine and pimavanserin, goldenseal through
the CYP2D6 role of deutetrabenazine); the warnings recorded as properties reach the sedation, serotonin and QT rules as
they do for siblings; and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("lacosamide", "lacosamide"), ("Vimpat", "lacosamide"),
    ("Briviact", "brivaracetam"), ("Xcopri", "cenobamate"), ("Ontozry", "cenobamate"),
    ("Fycompa", "perampanel"), ("Onfi", "clobazam"), ("Sympazan", "clobazam"),
    ("Banzel", "rufinamide"), ("Zonegran", "zonisamide"),
    ("Sinemet", "carbidopa-levodopa"), ("Rytary", "carbidopa-levodopa"), ("carbidopa/levodopa", "carbidopa-levodopa"),
    ("levodopa", "carbidopa-levodopa"),
    ("Mirapex", "pramipexole"), ("Requip", "ropinirole"), ("Azilect", "rasagiline"),
    ("Xenazine", "tetrabenazine"), ("Austedo", "deutetrabenazine"), ("Ingrezza", "valbenazine"),
    ("Nuplazid", "pimavanserin"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Vimpat 100 mg PO BID", "lacosamide"),
    ("Sinemet 25/100 mg 1 tab TID", "carbidopa-levodopa"),
    ("pramipexole ER 1.5 mg daily", "pramipexole"),
    ("Ingrezza 80 mg daily", "valbenazine"),
    ("Nuplazid 34 mg daily", "pimavanserin"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- classes, as their siblings
@pytest.mark.parametrize("drug", ["lacosamide", "brivaracetam", "cenobamate", "perampanel", "clobazam",
                                  "rufinamide", "zonisamide"])
def test_antiseizure_drugs_are_anticonvulsants_as_levetiracetam(real_checker, drug):
    assert {"anticonvulsant", "antiepileptic"} <= closure(real_checker, drug)
    assert {"anticonvulsant", "antiepileptic"} <= closure(real_checker, "levetiracetam")


def test_clobazam_is_a_benzodiazepine_as_clonazepam(real_checker):
    assert "benzodiazepine" in closure(real_checker, "clobazam")
    assert "benzodiazepine" in closure(real_checker, "clonazepam")


def test_rasagiline_is_an_mao_inhibitor_as_procarbazine(real_checker):
    assert "mao-inhibitor" in closure(real_checker, "rasagiline")
    assert "mao-inhibitor" in closure(real_checker, "procarbazine")


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize(("line", "supplement", "name", "drug", "severity"), [
    ("Sinemet 25/100 mg 1 tab TID", "ferrous sulfate 325 mg", "iron", "carbidopa-levodopa", "moderate"),
    ("Sinemet", "whey protein 30 g", "whey protein", "carbidopa-levodopa", "minor"),
    ("Fycompa 8 mg", "St John's wort 900 mg", "St John's wort", "perampanel", "moderate"),
    ("Briviact 50 mg", "St John's wort 900 mg", "St John's wort", "brivaracetam", "minor"),
    ("Ingrezza 80 mg", "St John's wort 900 mg", "St John's wort", "valbenazine", "major"),
    ("Nuplazid 34 mg", "St John's wort 900 mg", "St John's wort", "pimavanserin", "major"),
])
def test_label_instruction_gives_its_finding(real_checker, line, supplement, name, drug, severity):
    [f] = pair(real_checker.check(drugs=[line], supplements=[supplement]), name, drug)
    assert f.severity.value == severity
    assert "label" in f.title


def test_multivitamin_with_iron_reaches_the_levodopa_iron_instruction(real_checker):
    [f] = pair(real_checker.check(drugs=["Sinemet"], supplements=["multivitamin with iron"]), "iron",
               "carbidopa-levodopa")
    assert f.severity.value == "moderate"


@pytest.mark.parametrize(("drug", "target", "action", "strength", "instruction"), [
    ("perampanel", "CYP3A4", "induction", "strong", "monitor"),
    ("perampanel", "CYP3A4", "induction", "moderate", "monitor"),
    ("valbenazine", "CYP3A4", "inhibition", "strong", "reduce-dose"),
    ("valbenazine", "CYP2D6", "inhibition", "strong", "reduce-dose"),
    ("pimavanserin", "CYP3A4", "inhibition", "strong", "reduce-dose"),
    ("pimavanserin", "CYP3A4", "induction", "moderate", "avoid"),
    ("deutetrabenazine", "CYP2D6", "inhibition", "strong", "reduce-dose"),
    ("rasagiline", "CYP1A2", "inhibition", "any", "reduce-dose"),
])
def test_category_instructions_are_on_the_drug(real_checker, drug, target, action, strength, instruction):
    lis = real_checker.kb.label_instructions.get(f"https://w3id.org/suppcheck/drug/{drug}", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert (target, action, strength, instruction) in found, found


# ----------------------------------------------------------------------------- enzyme roles
def test_st_johns_wort_may_lower_zonisamide(real_checker):
    [f] = pair(real_checker.check(drugs=["Zonegran 100 mg"], supplements=["St John's wort 900 mg"]),
               "St John's wort", "zonisamide")
    assert f.severity.value == "moderate" and "lower" in f.title and "CYP3A4" in f.title


def test_goldenseal_reaches_deutetrabenazine_through_cyp2d6(real_checker):
    [f] = pair(real_checker.check(drugs=["Austedo 12 mg"], supplements=["goldenseal"]), "goldenseal",
               "deutetrabenazine")
    assert "CYP2D6" in f.title


def test_cbd_reaches_clobazam(real_checker):
    result = real_checker.check(drugs=["Onfi 10 mg"], supplements=["CBD 200 mg"])
    found = [f for f in result.findings if f.drug is not None and f.drug.name == "clobazam"]
    assert found and found[0].severity.value in {"moderate", "major"}


# ----------------------------------------------------------------------------- warnings as properties
@pytest.mark.parametrize(("line", "drug"), [
    ("Fycompa 8 mg", "perampanel"), ("Xcopri 200 mg", "cenobamate"), ("Onfi 10 mg", "clobazam"),
    ("Mirapex 0.25 mg", "pramipexole"), ("Requip 1 mg", "ropinirole"), ("Azilect 1 mg", "rasagiline"),
])
def test_valerian_adds_to_sedation_as_with_zolpidem(real_checker, line, drug):
    [f] = pair(real_checker.check(drugs=[line], supplements=["valerian 600 mg"]), "valerian", drug)
    [g] = pair(real_checker.check(drugs=["zolpidem"], supplements=["valerian 600 mg"]), "valerian", "zolpidem")
    assert "sedation" in f.title and f.severity == g.severity


def test_st_johns_wort_adds_to_rasagiline_serotonergic_effect(real_checker):
    [f] = pair(real_checker.check(drugs=["Azilect 1 mg"], supplements=["St John's wort 900 mg"]),
               "St John's wort", "rasagiline")
    assert "serotonergic" in f.title and f.severity.value == "moderate"


@pytest.mark.parametrize(("line", "drug"), [
    ("Nuplazid 34 mg", "pimavanserin"), ("Ingrezza 80 mg", "valbenazine"),
    ("Austedo 12 mg", "deutetrabenazine"), ("Xenazine 25 mg", "tetrabenazine"),
])
def test_licorice_and_qt_prolongation(real_checker, line, drug):
    [f] = pair(real_checker.check(drugs=[line], supplements=["licorice"]), "licorice", drug)
    assert "QT" in f.title and f.severity.value == "moderate"


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("line", "supplement", "drug"), [
    ("Vimpat 100 mg", "St John's wort 900 mg", "lacosamide"),      # no enzyme role recorded
    ("Banzel 400 mg", "valerian 600 mg", "rufinamide"),            # no sedation property recorded
    ("Sinemet", "calcium 600 mg", "carbidopa-levodopa"),           # the label names iron, not calcium
    ("Xcopri 200 mg", "St John's wort 900 mg", "cenobamate"),      # cenobamate is a perpetrator, not a substrate here
])
def test_pairs_without_a_fact_stay_silent(real_checker, line, supplement, drug):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
