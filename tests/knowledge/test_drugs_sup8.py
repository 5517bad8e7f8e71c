"""Supportive and comorbidity drugs given their metabolic routes and label instructions (real graph): diltiazem,
amiodarone, amlodipine, dextromethorphan, bupropion, metoprolol, nebivolol, amitriptyline, nortriptyline, doxepin,
atomoxetine, haloperidol, ziprasidone, diazepam, solifenacin and donepezil.

Each substrate role or label instruction recorded gives the finding it should with a supplement the graph grades on
that pathway (St John's wort a CYP3A4 inducer, grapefruit a CYP3A4 inhibitor, goldenseal a CYP2D6 and CYP3A4
inhibitor); roles that no supplement of the graph reaches yet are checked on the graph itself; and supplements with
no fact for these drugs stay silent.
"""

from __future__ import annotations

import pytest

from tests.drugcheck import iri, one_finding


# ----------------------------------------------------------------------------- label instructions
def test_amlodipine_label_monitor_with_cyp3a_inducers(real_checker):
    # NORVASC label (2015): no data on inducers; blood pressure should be closely monitored with CYP3A inducers.
    # Reasoned only (no study), so it stays minor.
    f = one_finding(real_checker, "amlodipine", "St John's wort", "St John's wort")
    assert f.severity.value == "minor"
    assert "the label says monitor with CYP3A4 inducers" in f.title


def test_amlodipine_label_grapefruit_no_adjustment(real_checker):
    # An earlier NORVASC revision (7.3): 240 mL grapefruit juice had no significant effect on amlodipine; the label's
    # named product outranks the class-level entry for calcium channel blockers (moderate), which stays in the notes.
    f = one_finding(real_checker, "amlodipine", "grapefruit juice", "grapefruit")
    assert f.severity.value == "minor"
    assert "no dose adjustment" in f.title
    assert any("dihydropyridine" in n for n in f.notes)


# ----------------------------------------------------------------------------- CYP3A4 substrates
@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # grapefruit raised diltiazem AUC 20%: a minor CYP3A4 substrate
    ("diltiazem", "St John's wort", "St John's wort", "minor", "lower diltiazem exposure"),
    # grapefruit raised amiodarone AUC 50% and abolished N-desethylamiodarone formation
    ("amiodarone", "St John's wort", "St John's wort", "minor", "lower amiodarone exposure"),
    # CYP3A4 the major CYP route of haloperidol; rifampicin lowered its levels
    ("haloperidol", "St John's wort", "St John's wort", "minor", "lower haloperidol exposure"),
    ("haloperidol", "grapefruit juice", "grapefruit", "minor", "raise haloperidol exposure"),
    # carbamazepine lowered ziprasidone AUC 36%
    ("ziprasidone", "St John's wort", "St John's wort", "minor", "lower ziprasidone exposure"),
    ("ziprasidone", "grapefruit juice", "grapefruit", "minor", "raise ziprasidone exposure"),
    # grapefruit juice tripled oral diazepam exposure: a moderate substrate
    ("diazepam", "St John's wort", "St John's wort", "moderate", "lower diazepam exposure"),
    ("diazepam", "goldenseal", "goldenseal", "minor", "raise diazepam exposure"),
    # ketoconazole 200 mg doubled solifenacin exposure: a moderate substrate
    ("solifenacin", "St John's wort", "St John's wort", "moderate", "lower solifenacin exposure"),
    ("solifenacin", "grapefruit juice", "grapefruit", "moderate", "raise solifenacin exposure"),
    ("solifenacin", "goldenseal", "goldenseal", "minor", "raise solifenacin exposure"),
    # ketoconazole raised donepezil AUC 26%: a minor substrate
    ("donepezil", "St John's wort", "St John's wort", "minor", "lower donepezil exposure"),
    ("donepezil", "grapefruit juice", "grapefruit", "minor", "raise donepezil exposure"),
])
def test_cyp3a4_substrate_findings(real_checker, drug, supplement, name, severity, words):
    f = one_finding(real_checker, drug, supplement, name)
    assert f.severity.value == severity, (drug, supplement, f.severity.value, f.title)
    assert words in f.title, f.title
    assert getattr(f.kind, "value", f.kind) == "pharmacokinetic"


def test_diltiazem_grapefruit_keeps_the_class_entry(real_checker):
    # The class-level grapefruit entry for calcium channel blockers still speaks; the new substrate role is in its notes.
    f = one_finding(real_checker, "diltiazem", "grapefruit juice", "grapefruit")
    assert f.severity.value == "moderate"
    assert any("CYP3A4 inhibition" in n and "minor" in n for n in f.notes), f.notes


# ----------------------------------------------------------------------------- CYP2D6 substrates
@pytest.mark.parametrize("drug", ["dextromethorphan", "metoprolol", "atomoxetine"])
def test_goldenseal_raises_cyp2d6_substrates(real_checker, drug):
    # goldenseal is a CYP2D6 inhibitor of unknown strength in the graph (clinical): minor with these substrates
    f = one_finding(real_checker, drug, "goldenseal", "goldenseal")
    assert f.severity.value == "minor"
    assert f"raise {drug} exposure (CYP2D6 inhibition)" in f.title


def test_goldenseal_silent_on_minor_cyp2d6_substrates(real_checker):
    # nortriptyline is graded minor (CPIC abstract: CYP2D6 role without an AUC ratio): an inhibitor of unknown
    # strength gives no finding on it, as with amitriptyline and doxepin.
    result = real_checker.check(drugs=["nortriptyline"], supplements=["goldenseal"])
    assert [f for f in result.findings if f.drug is not None] == []


# ----------------------------------------------------------------------------- roles no supplement reaches yet
@pytest.mark.parametrize(("drug", "target", "sensitivity"), [
    ("bupropion", "CYP2B6", "minor"),
    ("nebivolol", "CYP2D6", "minor"),
    ("amitriptyline", "CYP2D6", "minor"),
    ("amitriptyline", "CYP2C19", "minor"),
    ("doxepin", "CYP2D6", "minor"),
    ("doxepin", "CYP2C19", "minor"),
    ("atomoxetine", "CYP2D6", "sensitive"),
    ("dextromethorphan", "CYP2D6", "sensitive"),
    ("metoprolol", "CYP2D6", "moderate"),
    ("nortriptyline", "CYP2D6", "minor"),
    ("diazepam", "CYP3A4", "moderate"),
])
def test_substrate_roles_recorded(real_checker, drug, target, sensitivity):
    roles = {(c.target.rsplit("/", 1)[-1], c.sensitivity, c.evidence)
             for c in real_checker.kb.substrates.get(iri(drug), ())}
    assert (target, sensitivity, "clinical") in roles, roles


def test_ziprasidone_induction_fold_change(real_checker):
    [role] = [c for c in real_checker.kb.substrates.get(iri("ziprasidone"), ()) if c.target.endswith("CYP3A4")]
    assert role.induction_fold == pytest.approx(0.64)


# ----------------------------------------------------------------------------- must not flag
@pytest.mark.parametrize("supplement", ["milk thistle", "zinc"])
def test_no_fact_no_finding(real_checker, supplement):
    drugs = ["diltiazem", "amiodarone", "amlodipine", "dextromethorphan", "bupropion", "metoprolol", "nebivolol",
             "amitriptyline", "nortriptyline", "doxepin", "atomoxetine", "haloperidol", "ziprasidone", "diazepam",
             "solifenacin", "donepezil"]
    result = real_checker.check(drugs=drugs, supplements=[supplement])
    assert [f for f in result.findings if f.drug is not None] == []
