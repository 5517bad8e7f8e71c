"""Infused and injected anticancer drugs added together (real graph): romidepsin, belinostat, temsirolimus, arsenic
trioxide, idarubicin, mitoxantrone, doxorubicin liposomal, the asparaginases, nelarabine, clofarabine, streptozocin,
dacarbazine, lomustine, carmustine and omacetaxine.

Names and brands resolve to the drug, and plain "doxorubicin" stays the conventional drug while the liposomal names
reach their own entity. The temsirolimus label's strong CYP3A4 inducer instruction gives St John's wort its severity;
romidepsin's instruction speaks of strong CYP3A4 inhibitors only, so grapefruit (a moderate inhibitor in the graph)
stays at inference. Class membership reaches what a sibling gets (N-acetylcysteine with the anthracyclines, the
chemotherapy class entries with the asparaginases, mitoxantrone and omacetaxine), and each label warning carried as a
property reaches its rule (QT with liquorice, bleeding with fish oil, liver with kava, kidney with germanium, sedation
with valerian, neuropathy with germanium). Pairs without a fact stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import pair as _pair


def _one(checker, drug: str, supplement: str, supplement_name: str, drug_name: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return _pair(result, supplement_name, drug_name)


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("romidepsin", "romidepsin"), ("Istodax", "romidepsin"),
    ("belinostat", "belinostat"), ("Beleodaq", "belinostat"),
    ("temsirolimus", "temsirolimus"), ("Torisel", "temsirolimus"),
    ("arsenic trioxide", "arsenic trioxide"), ("Trisenox", "arsenic trioxide"),
    ("idarubicin", "idarubicin"), ("Idamycin PFS", "idarubicin"), ("idarubicin hydrochloride", "idarubicin"),
    ("mitoxantrone", "mitoxantrone"), ("Novantrone", "mitoxantrone"),
    ("Doxil", "doxorubicin liposomal"), ("Caelyx", "doxorubicin liposomal"), ("Lipodox", "doxorubicin liposomal"),
    ("doxorubicin liposomal", "doxorubicin liposomal"), ("liposomal doxorubicin", "doxorubicin liposomal"),
    ("pegylated liposomal doxorubicin", "doxorubicin liposomal"),
    ("doxorubicin hydrochloride liposome", "doxorubicin liposomal"),
    ("doxorubicin", "doxorubicin"), ("Adriamycin", "doxorubicin"), ("doxorubicin hydrochloride", "doxorubicin"),
    ("pegaspargase", "pegaspargase"), ("Oncaspar", "pegaspargase"),
    ("calaspargase pegol", "calaspargase pegol"), ("Asparlas", "calaspargase pegol"),
    ("calaspargase pegol-mknl", "calaspargase pegol"),
    ("Rylaze", "asparaginase Erwinia chrysanthemi"), ("Erwinaze", "asparaginase Erwinia chrysanthemi"),
    ("asparaginase erwinia chrysanthemi (recombinant)-rywn", "asparaginase Erwinia chrysanthemi"),
    ("nelarabine", "nelarabine"), ("Arranon", "nelarabine"),
    ("clofarabine", "clofarabine"), ("Clolar", "clofarabine"),
    ("streptozocin", "streptozocin"), ("Zanosar", "streptozocin"),
    ("dacarbazine", "dacarbazine"), ("DTIC", "dacarbazine"),
    ("lomustine", "lomustine"), ("Gleostine", "lomustine"), ("CCNU", "lomustine"),
    ("carmustine", "carmustine"), ("BiCNU", "carmustine"), ("BCNU", "carmustine"), ("Gliadel", "carmustine"),
    ("omacetaxine", "omacetaxine"), ("Synribo", "omacetaxine"), ("omacetaxine mepesuccinate", "omacetaxine"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Doxil 40 mg/m2 IV every 28 days", "doxorubicin liposomal"),
    ("doxorubicin 60 mg/m2 IV q21d", "doxorubicin"),
    ("Torisel 25 mg IV weekly", "temsirolimus"),
    ("Istodax 14 mg/m2 IV days 1, 8, 15", "romidepsin"),
    ("Gleostine 130 mg/m2 by mouth once every 6 weeks", "lomustine"),
    ("Oncaspar 2500 units/m2 IM", "pegaspargase"),
    ("Synribo 1.25 mg/m2 subcut twice daily", "omacetaxine"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


# ----------------------------------------------------------------------------- label instructions
def test_temsirolimus_label_avoids_strong_cyp3a4_inducers(real_checker):
    [f] = _one(real_checker, "Torisel 25 mg IV weekly", "St John's wort 300 mg three times daily",
               "St John's wort", "temsirolimus")
    assert f.severity.value == "major"
    assert "the label says avoid strong CYP3A4 inducers" in f.title


def test_romidepsin_strong_inhibitor_text_does_not_reach_a_moderate_inhibitor(real_checker):
    # the label's "monitor" speaks of strong CYP3A4 inhibitors; grapefruit is graded moderate, so inference speaks
    [f] = _one(real_checker, "romidepsin", "grapefruit juice", "grapefruit", "romidepsin")
    assert f.severity.value == "minor"
    assert "label" not in f.title


def test_romidepsin_rifampin_text_is_not_a_cyp3a4_inducer_instruction(real_checker):
    # rifampin raised romidepsin exposure through hepatic uptake; St John's wort stays at inference (minor CYP3A4 role)
    [f] = _one(real_checker, "romidepsin", "St John's wort", "St John's wort", "romidepsin")
    assert f.severity.value == "minor"


# ----------------------------------------------------------------------------- classes
@pytest.mark.parametrize("drug", ["idarubicin", "doxorubicin liposomal"])
def test_anthracyclines_get_the_nac_class_entry_doxorubicin_gets(real_checker, drug):
    [sibling] = _one(real_checker, "doxorubicin", "N-acetylcysteine 600 mg", "N-acetylcysteine", "doxorubicin")
    [f] = _one(real_checker, drug, "N-acetylcysteine 600 mg", "N-acetylcysteine", drug)
    assert f.severity == sibling.severity
    assert f.title == sibling.title


@pytest.mark.parametrize("drug", ["pegaspargase", "calaspargase pegol", "asparaginase Erwinia chrysanthemi",
                                  "mitoxantrone", "omacetaxine", "streptozocin"])
@pytest.mark.parametrize("supplement", ["acai", "mangosteen"])
def test_chemotherapy_class_entries_reach_the_new_drugs(real_checker, drug, supplement):
    sibling = _one(real_checker, "cytarabine", supplement, supplement, "cytarabine")
    found = _one(real_checker, drug, supplement, supplement, drug)
    assert sibling, supplement
    assert [(f.severity, f.title.replace(drug, "{drug}")) for f in found] == [
        (f.severity, f.title.replace("cytarabine", "{drug}")) for f in sibling]


def test_class_memberships(real_checker):
    closure = real_checker.kb.class_closure
    def names(drug):
        return {c.rsplit("/", 1)[-1] for c in closure.get(f"https://w3id.org/suppcheck/drug/{drug}", ())}
    assert {"hdac-inhibitor"} <= names("romidepsin") and {"hdac-inhibitor"} <= names("belinostat")
    assert "mtor-inhibitor" in names("temsirolimus")
    assert {"asparaginase", "cytotoxic-chemotherapy"} <= names("pegaspargase")
    assert "anthracycline" in names("doxorubicin-liposomal")
    assert "anthracycline" not in names("mitoxantrone")
    assert {"alkylating-agent"} <= names("lomustine") & names("carmustine") & names("dacarbazine") & names("streptozocin")


# ----------------------------------------------------------------------------- label warnings as properties
@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    ("arsenic trioxide", "licorice root 1 g daily", "licorice", "moderate", "QT prolongation"),
    ("romidepsin", "licorice root 1 g daily", "licorice", "moderate", "QT prolongation"),
    ("idarubicin", "fish oil 4 g daily", "fish oil", "moderate", "bleeding risk"),
    ("omacetaxine", "fish oil 4 g daily", "fish oil", "moderate", "bleeding risk"),
    ("lomustine", "fish oil 4 g daily", "fish oil", "moderate", "bleeding risk"),
    ("carmustine", "fish oil 4 g daily", "fish oil", "moderate", "bleeding risk"),
    ("clofarabine", "fish oil 4 g daily", "fish oil", "moderate", "bleeding risk"),
    ("belinostat", "fish oil 4 g daily", "fish oil", "minor", "platelet count"),
    ("pegaspargase", "kava", "kava", "moderate", "liver toxicity"),
    ("calaspargase pegol", "kava", "kava", "moderate", "liver toxicity"),
    ("dacarbazine", "kava", "kava", "moderate", "liver toxicity"),
    ("belinostat", "kava", "kava", "moderate", "liver toxicity"),
    ("streptozocin", "germanium", "germanium", "moderate", "kidney toxicity"),
    ("temsirolimus", "germanium", "germanium", "moderate", "kidney toxicity"),
    ("nelarabine", "valerian", "valerian", "moderate", "sedation"),
    ("nelarabine", "germanium", "germanium", "moderate", "neuropathy"),
])
def test_label_warning_reaches_its_rule(real_checker, drug, supplement, name, severity, words):
    found = _one(real_checker, drug, supplement, name, drug)
    assert any(f.severity.value == severity and words in f.title for f in found), [
        (f.severity.value, f.title) for f in found]


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement", "name"), [
    ("idarubicin", "grapefruit juice", "grapefruit"),      # no enzyme role recorded for idarubicin
    ("temsirolimus", "echinacea", "echinacea"),            # the infection warning is not carried as immunosuppression
    ("pegaspargase", "St John's wort", "St John's wort"),  # an enzyme: no CYP metabolism
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement, name):
    assert _one(real_checker, drug, supplement, name, drug) == []
