"""Anticancer drugs completed with their metabolic routes and label instructions (real graph): cabazitaxel, the
aromatase inhibitors anastrozole and letrozole, megestrol acetate, bicalutamide, temozolomide and mitotane.

Cabazitaxel's Swiss product information asks for special caution with "potential" CYP3A inhibitors and inducers, a
category with no strength, so St John's wort (inducer) and grapefruit (inhibitor) both get the label's "monitor" at
moderate; its CYP3A4 role carries the rifampin fold change of the clinical study. The CYP3A4 roles of
anastrozole, letrozole (review, theoretical) and megestrol acetate (in vitro) give St John's wort a minor finding,
flagged "in vitro only" where the evidence is. Bicalutamide's UGT1A9 route, temozolomide's lack of CYP metabolism and
the review source of mitotane's strong CYP3A4 induction are in the compiled graph. Pairs the graph has no fact for
stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import DRUG, assert_resolves, finding_of, pair

TARGET = "https://w3id.org/suppcheck/target/"


def _roles(kb, drug_id: str, target: str) -> list:
    """A drug's substrate roles at a target, by the drug's identifier (drug:megestrol is "megestrol acetate")."""
    return [c for c in kb.substrates.get(DRUG + drug_id, []) if c.target == TARGET + target]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("Jevtana", "cabazitaxel"),
    ("Arimidex", "anastrozole"),
    ("Femara", "letrozole"),
    ("Megace", "megestrol acetate"),
    ("Casodex", "bicalutamide"),
    ("Temodar", "temozolomide"),
    ("Lysodren", "mitotane"),
])
def test_brands_resolve(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


# ----------------------------------------------------------------------------- cabazitaxel
@pytest.mark.parametrize("drug", ["cabazitaxel", "Jevtana"])
def test_cabazitaxel_st_johns_wort_gets_the_label_monitor(real_checker, drug):
    # Swiss product information: special caution with potential CYP3A inducers (no strength named); monitor
    result = real_checker.check(drugs=[drug], supplements=["St John's wort"])
    [f] = pair(result, "St John's wort", "cabazitaxel")
    assert f.severity.value == "moderate", f.title
    assert f.evidence.level.value == "clinical"
    assert "the label says monitor with CYP3A4 inducers" in f.title


def test_cabazitaxel_grapefruit_meets_the_labels_any_strength_inhibitor_instruction(real_checker):
    # the label's category is CYP3A inhibitors of any strength, so grapefruit (a moderate inhibitor) is reached too
    finding_of(real_checker, "cabazitaxel", "grapefruit juice", "grapefruit", "moderate",
               "the label says monitor with CYP3A4 inhibitors")


def test_cabazitaxel_cyp3a4_role_rests_on_the_labels(real_checker):
    [role] = _roles(real_checker.kb, "cabazitaxel", "CYP3A4")
    assert role.sensitivity == "minor"
    assert any(s.endswith("swissmedic-fachinfo-cabazitaxel-spirig-hc-68959") for s in role.sources)


def test_cabazitaxel_label_instructions_name_no_strength(real_checker):
    # "inhibiteurs/inducteurs potentiels du CYP3A": potential, not strong, so strength "any"
    labels = real_checker.kb.label_instructions.get(DRUG + "cabazitaxel", [])
    got = {(li.action, li.strength, li.instruction) for li in labels}
    assert got == {("inhibition", "any", "monitor"), ("induction", "any", "monitor")}


# ----------------------------------------------------------------------------- CYP3A4 routes of hormonal drugs
@pytest.mark.parametrize(("drug", "words"), [
    ("anastrozole", "may lower anastrozole exposure (CYP3A4 induction)"),
    ("letrozole", "may lower letrozole exposure (CYP3A4 induction)"),
    ("megestrol acetate", "may lower megestrol acetate exposure (CYP3A4 induction)"),
])
def test_st_johns_wort_lowers_hormonal_drug_exposure_minor(real_checker, drug, words):
    finding_of(real_checker, drug, "St John's wort", "St John's wort", "minor", words)


def test_megestrol_route_is_flagged_in_vitro_only(real_checker):
    f = finding_of(real_checker, "megestrol acetate", "St John's wort", "St John's wort", "minor", "in vitro only")
    assert f.severity.value == "minor"


@pytest.mark.parametrize(("drug", "evidence"), [
    ("anastrozole", "theoretical"),
    ("letrozole", "theoretical"),
    ("megestrol", "preclinical"),
])
def test_hormonal_cyp3a4_roles_are_minor(real_checker, drug, evidence):
    [role] = _roles(real_checker.kb, drug, "CYP3A4")
    assert (role.sensitivity, role.evidence) == ("minor", evidence)


def test_bicalutamide_is_a_ugt1a9_substrate_and_no_cyp_role_is_claimed(real_checker):
    [role] = _roles(real_checker.kb, "bicalutamide", "UGT1A9")
    assert (role.sensitivity, role.evidence) == ("minor", "preclinical")
    assert not _roles(real_checker.kb, "bicalutamide", "CYP3A4")


# ----------------------------------------------------------------------------- no CYP route; perpetrator
def test_temozolomide_is_not_cyp_metabolised(real_checker):
    kb = real_checker.kb
    assert kb.no_cyp.get(DRUG + "temozolomide")
    assert not kb.substrates.get(DRUG + "temozolomide")


def test_mitotane_strong_cyp3a4_induction_cites_the_review(real_checker):
    [claim] = [c for c in real_checker.kb.modulations.get(DRUG + "mitotane", [])
               if c.target == TARGET + "CYP3A4" and c.action == "induction"]
    assert claim.strength == "strong"
    assert any(s.endswith("doi-10.1111-cts.13357") for s in claim.sources)


# ----------------------------------------------------------------------------- silence
@pytest.mark.parametrize("drug", ["cabazitaxel", "letrozole", "anastrozole", "megestrol acetate", "temozolomide"])
def test_glucosamine_stays_silent(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["glucosamine"])
    assert not pair(result, "glucosamine", drug), [f.title for f in result.findings]
