"""Lines people with cancer write for papaya leaf, delta-8 THC, GABA, PQQ, spermidine, nutrition shakes, gelatin,
bone broth, golden milk, strontium, silica, Wobenzym, hydrogen water and alkaline water: each resolves to its entity,
each sourced effect gives its finding with a drug of the graph, and names-only entries stay silent."""

from __future__ import annotations

import pytest
from drugcheck import assert_supplement_line_whole
from tests_support import product_ingredients


def _item(result, line):
    return next(i for i in result.items if i.input == line)


def _found(real_checker, drug, line):
    result = real_checker.check(drugs=[drug], supplements=[line])
    return [f for f in result.findings if f.supplement.input == line and f.drug and f.drug.input == drug]


@pytest.mark.parametrize(("line", "entity"), [
    ("papaya leaf extract 1100 mg three times daily", "papaya leaf"),
    ("Carica papaya leaf juice", "papaya leaf"),
    ("delta-8 THC gummies", "delta-8 THC"),
    ("delta 8 THC 25 mg at night", "delta-8 THC"),
    ("GABA 500 mg at bedtime", "GABA"),
    ("gamma-aminobutyric acid", "GABA"),
    ("PQQ 20 mg", "pyrroloquinoline quinone (PQQ)"),
    ("pyrroloquinoline quinone", "pyrroloquinoline quinone (PQQ)"),
    ("spermidine 1 mg", "spermidine"),
    ("spermidine-rich wheat germ extract", "spermidine"),
    ("Ensure Plus 2 bottles daily", "oral nutrition shake"),
    ("Boost", "oral nutrition shake"),
    ("gelatin powder", "gelatin"),
    ("unflavored gelatin", "gelatin"),
    ("bone broth 1 cup daily", "bone broth"),
    ("chicken bone broth", "bone broth"),
    ("golden milk", "turmeric"),
    ("turmeric latte 1 cup", "turmeric"),
    ("strontium citrate 680 mg", "strontium"),
    ("strontium ranelate", "strontium"),
    ("silica", "silicon"),
    ("orthosilicic acid", "silicon"),
    ("hydrogen water", "hydrogen water"),
    ("hydrogen-rich water", "hydrogen water"),
    ("alkaline water", "alkaline water"),
    ("ionized alkaline water", "alkaline water"),
])
def test_the_line_is_recognised_whole(real_checker, line, entity):
    assert_supplement_line_whole(real_checker, line, entity)


@pytest.mark.parametrize("line", ["Wobenzym", "Wobenzym N 3 tablets twice daily"])
def test_wobenzym_is_read_as_its_enzymes(real_checker, line):
    assert product_ingredients(real_checker, line) == {"bromelain", "papain", "pancreatic enzymes"}


def test_horsetail_silica_stays_horsetail(real_checker):
    item = _item(real_checker.check(supplements=["horsetail silica"]), "horsetail silica")
    assert item.match.name == "horsetail"


def test_delta_8_is_not_cannabis(real_checker):
    delta8 = _item(real_checker.check(supplements=["delta-8 THC"]), "delta-8 THC")
    cannabis = _item(real_checker.check(supplements=["THC"]), "THC")
    assert delta8.match.id != cannabis.match.id


# ---------------------------------------------------------------- sourced effects reach a finding
def test_papaya_leaf_adds_to_metformin_glucose_lowering_in_vitro_only(real_checker):
    found = _found(real_checker, "metformin", "papaya leaf extract")
    assert found and all(f.severity.value == "minor" for f in found)
    assert any("glucose" in f.title for f in found)


def test_papaya_leaf_and_ciprofloxacin_are_separated(real_checker):
    found = _found(real_checker, "ciprofloxacin", "papaya leaf extract")
    assert found and found[0].severity.value == "minor"
    assert "3 hours" in found[0].management


def test_papaya_leaf_liver_concern_with_a_hepatotoxic_drug(real_checker):
    found = _found(real_checker, "methotrexate", "papaya leaf extract")
    assert any("liver" in f.title for f in found)


def test_delta_8_adds_to_benzodiazepine_sedation(real_checker):
    found = _found(real_checker, "lorazepam", "delta-8 THC gummies")
    assert any("sedation" in f.title and f.severity.value == "moderate" for f in found)


def test_gaba_adds_to_blood_pressure_lowering(real_checker):
    found = _found(real_checker, "amlodipine", "GABA 500 mg")
    assert any("blood-pressure" in f.title for f in found)


def test_nutrition_shake_opposes_warfarin_as_reasoned(real_checker):
    found = _found(real_checker, "warfarin", "Ensure Plus 2 bottles daily")
    assert found and all(f.severity.value == "minor" for f in found)
    assert any("opposes the anticoagulant effect" in f.title for f in found)


def test_strontium_binds_doxycycline_as_the_label_reasons(real_checker):
    found = _found(real_checker, "doxycycline", "strontium citrate 680 mg")
    assert any("absorption" in f.title and f.severity.value == "minor" for f in found)


def test_wobenzym_reaches_warfarin_through_its_enzymes(real_checker):
    line = "Wobenzym"
    result = real_checker.check(drugs=["warfarin"], supplements=[line])
    assert [f for f in result.findings if f.severity.value in ("moderate", "major")]


# ---------------------------------------------------------------- controls
def test_golden_milk_as_a_food_amount_does_not_get_the_extract_claims(real_checker):
    # The turmeric entries with warfarin hold for supplements; a cup of golden milk is culinary turmeric.
    assert not _found(real_checker, "warfarin", "golden milk 1 cup daily")


@pytest.mark.parametrize("line", ["PQQ 20 mg", "spermidine 1 mg", "gelatin powder", "bone broth 1 cup daily",
                                  "silica", "hydrogen water", "alkaline water"])
def test_names_only_entries_report_no_interaction(real_checker, line):
    # No source read documents an interaction of these with a medicine; the line is checked and nothing is invented.
    result = real_checker.check(drugs=["warfarin", "ciprofloxacin", "lorazepam"], supplements=[line])
    assert not [f for f in result.findings if f.supplement.input == line]
    assert line not in result.summary.not_checked


def test_gaba_does_not_reach_a_drug_outside_the_family(real_checker):
    assert not _found(real_checker, "ciprofloxacin", "GABA 500 mg")
