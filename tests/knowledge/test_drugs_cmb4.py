"""Supportive and comorbidity drugs added together (real graph): tirzepatide, salmeterol, formoterol, oseltamivir,
sargramostim, eflapegrastim, efbemalenograstim, lusutrombopag, fostamatinib and mobocertinib, with the Releuko,
Wyost and Jubbonti names of filgrastim and denosumab.

Names and brands resolve to the drug. Each sourced fact gives its finding as a sibling's does: tirzepatide lowers
glucose (berberine, as with semaglutide), formoterol lowers potassium (liquorice), salmeterol is a sensitive CYP3A4
substrate (grapefruit), mobocertinib's label avoids moderate CYP3A inhibitors (grapefruit, major) and it prolongs the
QT (liquorice), fostamatinib is a kinase inhibitor (St John's wort class entry), raises blood pressure (caffeine from
400 mg a day) and raises liver enzymes (kava). Pairs without a fact stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names
from drugcheck import pair as _pair


def _one(checker, drug: str, supplement: str, supplement_name: str, drug_name: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return _pair(result, supplement_name, drug_name)


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("tirzepatide", "tirzepatide"), ("Mounjaro", "tirzepatide"), ("Zepbound", "tirzepatide"),
    ("salmeterol", "salmeterol"), ("Serevent", "salmeterol"), ("Serevent Diskus", "salmeterol"),
    ("salmeterol xinafoate", "salmeterol"),
    ("formoterol", "formoterol"), ("Perforomist", "formoterol"), ("formoterol fumarate", "formoterol"),
    ("oseltamivir", "oseltamivir"), ("Tamiflu", "oseltamivir"), ("oseltamivir phosphate", "oseltamivir"),
    ("sargramostim", "sargramostim"), ("Leukine", "sargramostim"),
    ("eflapegrastim", "eflapegrastim"), ("Rolvedon", "eflapegrastim"), ("eflapegrastim-xnst", "eflapegrastim"),
    ("efbemalenograstim", "efbemalenograstim"), ("Ryzneuta", "efbemalenograstim"),
    ("efbemalenograstim alfa-vuxw", "efbemalenograstim"),
    ("lusutrombopag", "lusutrombopag"), ("Mulpleta", "lusutrombopag"),
    ("fostamatinib", "fostamatinib"), ("Tavalisse", "fostamatinib"), ("Tavlesse", "fostamatinib"),
    ("mobocertinib", "mobocertinib"), ("Exkivity", "mobocertinib"),
    ("Releuko", "filgrastim"), ("Wyost", "denosumab"), ("Jubbonti", "denosumab"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Mounjaro 5 mg subcut weekly", "tirzepatide"),
    ("Serevent Diskus 50 mcg 1 inhalation twice daily", "salmeterol"),
    ("Perforomist 20 mcg nebulized twice daily", "formoterol"),
    ("Tamiflu 75 mg by mouth twice daily for 5 days", "oseltamivir"),
    ("Tavalisse 100 mg twice daily", "fostamatinib"),
    ("Exkivity 160 mg once daily", "mobocertinib"),
    ("Mulpleta 3 mg daily for 7 days", "lusutrombopag"),
    ("Rolvedon 13.2 mg once per cycle", "eflapegrastim"),
    ("Releuko 5 mcg/kg daily", "filgrastim"),
    ("Wyost 120 mg every 4 weeks", "denosumab"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- classes
def test_class_memberships(real_checker):
    assert "glp1-agonist" in closure(real_checker, "tirzepatide")
    assert "beta2-agonist" in closure(real_checker, "salmeterol") & closure(real_checker, "formoterol")
    assert {"syk-inhibitor", "kinase-inhibitor"} <= closure(real_checker, "fostamatinib")
    assert {"egfr-inhibitor", "kinase-inhibitor"} <= closure(real_checker, "mobocertinib")
    assert "g-csf" in closure(real_checker, "eflapegrastim") & closure(real_checker, "efbemalenograstim")
    assert "gm-csf" in closure(real_checker, "sargramostim")
    assert "g-csf" not in closure(real_checker, "sargramostim")
    assert "tpo-receptor-agonist" in closure(real_checker, "lusutrombopag")


# ----------------------------------------------------------------------------- properties and roles
def test_tirzepatide_gets_the_glucose_finding_semaglutide_gets(real_checker):
    [sibling] = _one(real_checker, "semaglutide", "berberine 500 mg twice daily", "berberine", "semaglutide")
    [f] = _one(real_checker, "Mounjaro 5 mg weekly", "berberine 500 mg twice daily", "berberine", "tirzepatide")
    assert f.severity == sibling.severity
    assert f.title == sibling.title.replace("semaglutide", "tirzepatide")


def test_formoterol_potassium_loss_adds_to_liquorice(real_checker):
    [f] = _one(real_checker, "Perforomist 20 mcg twice daily", "licorice root", "licorice", "formoterol")
    assert f.severity.value == "moderate"
    assert "potassium" in f.title


def test_salmeterol_is_a_sensitive_cyp3a4_substrate(real_checker):
    # grapefruit is graded a moderate CYP3A4 inhibitor; the label's "not recommended" speaks of strong ones only
    [f] = _one(real_checker, "Serevent Diskus 50 mcg twice daily", "grapefruit juice", "grapefruit", "salmeterol")
    assert f.severity.value == "moderate"
    assert "raise salmeterol exposure" in f.title
    assert "label" not in f.title


def test_mobocertinib_label_avoids_moderate_cyp3a_inhibitors(real_checker):
    [f] = _one(real_checker, "Exkivity 160 mg daily", "grapefruit juice", "grapefruit", "mobocertinib")
    assert f.severity.value == "major"
    assert "the label says avoid moderate CYP3A4 inhibitors" in f.title


def test_mobocertinib_qt_prolongation_meets_liquorice(real_checker):
    [f] = _one(real_checker, "Exkivity 160 mg daily", "licorice root", "licorice", "mobocertinib")
    assert f.severity.value == "moderate"
    assert "QT" in f.title


def test_fostamatinib_gets_the_kinase_inhibitor_st_johns_wort_entry(real_checker):
    # no label instruction is recorded for fostamatinib (its section 7 could not be read again), so the
    # kinase-inhibitor class entry speaks
    [f] = _one(real_checker, "Tavalisse 100 mg twice daily", "St John's wort", "St John's wort", "fostamatinib")
    assert f.severity.value == "major"
    assert f.title == "St John's wort is expected to lower exposure to oral kinase inhibitors"


def test_fostamatinib_blood_pressure_and_liver(real_checker):
    [bp] = _one(real_checker, "Tavalisse 100 mg twice daily", "caffeine 500 mg daily", "caffeine", "fostamatinib")
    assert bp.severity.value == "moderate" and "blood-pressure" in bp.title
    liver = _one(real_checker, "Tavalisse 100 mg twice daily", "kava", "kava", "fostamatinib")
    assert any("liver toxicity of fostamatinib" in f.title for f in liver)


# ----------------------------------------------------------------------------- negative controls
def test_caffeine_below_the_threshold_stays_silent_with_fostamatinib(real_checker):
    assert _one(real_checker, "Tavalisse 100 mg twice daily", "caffeine 100 mg daily", "caffeine", "fostamatinib") == []


def test_oseltamivir_without_a_fact_stays_silent(real_checker):
    assert _one(real_checker, "Tamiflu 75 mg twice daily", "vitamin C 500 mg", "vitamin C", "oseltamivir") == []
