"""Everyday and supportive medicines of consult lists (real graph).

Bile acid sequestrants (cholestyramine, colestipol) with the vitamins the colestipol label names, red yeast rice
with the fibrates (gemfibrozil, fenofibrate), promethazine and the scopolamine patch as CNS depressants that lower
the seizure threshold, the clotrimazole troche as a CYP3A4 inhibitor, and the drugs added with names only
(antispasmodics, ursodiol, nystatin, docusate, pancrelipase). Each fact gives its finding with a supplement, and a
negative control stays silent.
"""

from __future__ import annotations

import pytest
from suppcheck.explaining import describe
from suppcheck.models import Role


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("line", "expected"), [
    ("cholestyramine 4 g twice daily", "cholestyramine"),
    ("Questran 4 g packet daily", "cholestyramine"),
    ("Prevalite 4 g", "cholestyramine"),
    ("colestipol 2 g twice daily", "colestipol"),
    ("Colestid 5 g", "colestipol"),
    ("gemfibrozil 600 mg twice daily", "gemfibrozil"),
    ("Lopid 600 mg", "gemfibrozil"),
    ("fenofibrate 145 mg daily", "fenofibrate"),
    ("Tricor 145 mg", "fenofibrate"),
    ("Trilipix 135 mg", "fenofibrate"),
    ("promethazine 25 mg at bedtime", "promethazine"),
    ("Phenergan 12.5 mg", "promethazine"),
    ("dicyclomine 20 mg four times daily", "dicyclomine"),
    ("Bentyl 20 mg", "dicyclomine"),
    ("hyoscyamine 0.125 mg", "hyoscyamine"),
    ("Levsin SL 0.125 mg", "hyoscyamine"),
    ("glycopyrrolate 1 mg twice daily", "glycopyrrolate"),
    ("Robinul 1 mg", "glycopyrrolate"),
    ("scopolamine patch every 3 days", "scopolamine"),
    ("Transderm Scop 1 mg patch", "scopolamine"),
    ("ursodiol 300 mg twice daily", "ursodiol"),
    ("Actigall 300 mg", "ursodiol"),
    ("Urso 250 mg", "ursodiol"),
    ("clotrimazole troche 10 mg five times daily", "clotrimazole"),
    ("Mycelex troche", "clotrimazole"),
    ("nystatin oral suspension 5 mL four times daily", "nystatin"),
    ("docusate 100 mg twice daily", "docusate"),
    ("Colace 100 mg", "docusate"),
    ("pancrelipase with meals", "pancrelipase"),
    ("Creon 24000 units with meals", "pancrelipase"),
    ("Zenpep with meals", "pancrelipase"),
    ("polyethylene glycol 17 g daily", "polyethylene glycol 3350"),
])
def test_names_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.drug)
    assert item.match is not None and item.match.name == expected, line


# ----------------------------------------------------------------------------- bile acid sequestrants
@pytest.mark.parametrize(("drug", "name"), [
    ("cholestyramine 4 g twice daily", "cholestyramine"),
    ("Colestid 5 g daily", "colestipol"),
])
@pytest.mark.parametrize(("supplement", "supp_name", "word"), [
    ("vitamin D3 2000 IU daily", "vitamin D", "vitamin D"),
    ("vitamin A 10000 IU", "vitamin A", "vitamin A"),
    ("vitamin K2 100 mcg", "vitamin K", "vitamin K"),
    ("folic acid 1 mg daily", "folic acid", "folic acid"),
])
def test_a_sequestrant_reduces_the_vitamins_its_label_names(real_checker, drug, name, supplement, supp_name, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = _pair(result, supp_name, name)
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"
    assert "reduce the absorption of " + word in f.title
    assert "4 hours after" in f.management and "1 hour before" in f.management


def test_the_plan_separates_by_the_label_interval(real_checker):
    from suppcheck.report import build_report

    result = real_checker.check(drugs=["Questran 4 g"], supplements=["vitamin D3 1000 IU"])
    rows = build_report(result, real_checker.kb).plan
    assert any(r.action == "separate" and r.hours == 4 for r in rows)


def test_a_vitamin_the_label_does_not_name_is_silent_with_a_sequestrant(real_checker):
    """Negative control: the COLESTID text read names A, D and K and folic acid, not vitamin B12."""
    result = real_checker.check(drugs=["cholestyramine 4 g"], supplements=["vitamin B12 1000 mcg"])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == "cholestyramine"]


# ----------------------------------------------------------------------------- fibrates
def test_red_yeast_rice_with_gemfibrozil_is_major(real_checker):
    result = real_checker.check(drugs=["gemfibrozil 600 mg twice daily"], supplements=["red yeast rice 1200 mg"])
    found = _pair(result, "red yeast rice", "gemfibrozil")
    [f] = [x for x in found if "fibrate" in x.title]
    assert f.severity.value == "major"
    assert "rhabdomyolysis" in f.title


def test_red_yeast_rice_with_fenofibrate_is_moderate(real_checker):
    result = real_checker.check(drugs=["Tricor 145 mg daily"], supplements=["red yeast rice"])
    found = _pair(result, "red yeast rice", "fenofibrate")
    [f] = [x for x in found if "fibrate" in x.title]
    assert f.severity.value == "moderate"
    assert "myopathy" in f.title


def test_gemfibrozil_is_recorded_as_a_strong_cyp2c8_inhibitor(real_checker):
    """No supplement in the graph is a CYP2C8 substrate yet, so the fact is checked on the drug's description."""
    text = " ".join(str(x) for x in describe(real_checker, "gemfibrozil").facts)
    assert "CYP2C8" in text and "strong" in text and "8.1-fold" in text


# ----------------------------------------------------------------------------- sedation and seizures
@pytest.mark.parametrize(("drug", "name"), [
    ("promethazine 25 mg at bedtime", "promethazine"),
    ("Transderm Scop 1 mg patch", "scopolamine"),
])
def test_a_sedating_supplement_adds_to_the_drug(real_checker, drug, name):
    result = real_checker.check(drugs=[drug], supplements=["valerian 600 mg at night"])
    found = _pair(result, "valerian", name)
    assert any("sedation" in f.title and f.severity.value == "moderate" for f in found)


@pytest.mark.parametrize(("drug", "name"), [
    ("promethazine 25 mg", "promethazine"),
    ("scopolamine patch", "scopolamine"),
])
def test_ginkgo_with_a_drug_that_lowers_the_seizure_threshold(real_checker, drug, name):
    result = real_checker.check(drugs=[drug], supplements=["ginkgo biloba extract 120 mg"])
    found = _pair(result, "ginkgo", name)
    assert any("seizure" in f.title for f in found)


# ----------------------------------------------------------------------------- clotrimazole troche
def test_the_clotrimazole_troche_inhibits_cyp3a4(real_checker):
    result = real_checker.check(drugs=["clotrimazole troche 10 mg"], supplements=["ivermectin"])
    [f] = _pair(result, "ivermectin", "clotrimazole")
    assert "clotrimazole may raise ivermectin exposure" in f.title


def test_nystatin_has_no_interaction(real_checker):
    """Negative control: nystatin is a name and a class, with no claim."""
    result = real_checker.check(drugs=["nystatin oral suspension"], supplements=["ivermectin", "red yeast rice"])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == "nystatin"]


def test_a_clotrimazole_cream_is_a_form_for_the_skin(real_checker):
    """The graph's clotrimazole facts are the troche's: a cream line keeps its findings, shown as minor, with a note."""
    troche = real_checker.check(drugs=["clotrimazole troche 10 mg five times daily"], supplements=["red yeast rice"])
    cream = real_checker.check(drugs=["clotrimazole 1% cream twice daily"], supplements=["red yeast rice"])
    assert [f.severity.value for f in troche.findings if f.drug] == ["major"]
    assert [f.severity.value for f in cream.findings if f.drug] == ["minor"]
    assert any("form for the skin" in n for n in cream.items[0].reading.notes)
