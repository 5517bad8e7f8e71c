"""Reading real-format supplement labels: actives, amounts, excipients, blends, OCR noise, directions."""

from __future__ import annotations

from pathlib import Path

import pytest
from suppcheck.errors import InputError
from suppcheck.labels import check_label, read_label
from suppcheck.labeltext import repair_ocr
from suppcheck.models import Regimen

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"

# label file -> {entity name: (amount per serving, unit, per day)} (None: amount not stated)
EXPECTED = {
    "01-turmeric-bioperine": {"turmeric": (1000, "mg", 2000), "black pepper (piperine)": (10, "mg", 20)},
    "02-fish-oil": {"fish oil": (2400, "mg", 2400)},
    "03-d3-k2": {"vitamin D": (125, "mcg", 125), "vitamin K": (100, "mcg", 100)},
    "04-multivitamin": {"vitamin A": (900, "mcg", 900), "folic acid": (400, "mcg", 400), "iron": (18, "mg", 18),
                        "vitamin B12": (2.4, "mcg", 2.4), "thiamin": (1.2, "mg", 1.2), "molybdenum": (45, "mcg", 45)},
    "05-green-tea-extract": {"green tea": (500, "mg", 1000), "caffeine": (25, "mg", 50)},
    "06-ashwagandha": {"ashwagandha": (600, "mg", 600)},
    "07-milk-thistle": {"milk thistle": (175, "mg", 525)},  # "take 1 capsule 3 times daily"
    "08-ginkgo": {"ginkgo": (120, "mg", 240)},
    "09-st-johns-wort-ocr": {"St John's wort": (300, "mg", 900)},
    "10-melatonin-gummies": {"melatonin": (5, "mg", 5)},
    "11-probiotic": {"probiotics": None},
    "12-mushroom-blend": {"reishi": None, "chaga": None, "lion's mane": None, "turkey tail": None,
                          "cordyceps": None, "maitake": None, "shiitake": None},
    "13-garlic": {"garlic": (1000, "mg", 1000)},
    "14-coq10": {"coenzyme Q10": (100, "mg", 100), "black pepper (piperine)": (5, "mg", 5)},
    "15-vitamin-e": {"vitamin E": (268, "mg", 536)},
    "16-meriva": {"turmeric": (1000, "mg", 1000)},
    "17-elderberry": {"vitamin C": (90, "mg", 90), "zinc": (7.5, "mg", 7.5), "elderberry": (100, "mg", 100)},
    "18-magnesium": {"magnesium": (200, "mg", 200)},
    "19-calcium-d": {"calcium": (600, "mg", 1200), "vitamin D": (20, "mcg", 40)},
    "20-biotin": {"biotin": (10000, "mcg", 10000)},
    "21-menopause": {"black cohosh": (40, "mg", 40), "red clover": (80, "mg", 80),
                     "soy isoflavones": (50, "mg", 50), "dong quai": (100, "mg", 100)},
    "22-sleep-blend": {"valerian": None, "chamomile": None, "melatonin": None},
    "23-ocr-noise": {"vitamin C": (500, "mg", None), "zinc": (15, "mg", None), "echinacea": (200, "mg", None)},
    "24-nac": {"N-acetylcysteine": (600, "mg", 1200)},
    "25-berberine": {"berberine": (500, "mg", 1500)},
    "26-no-panel": {"ginger": None, "turmeric": None, "cinnamon": None, "black pepper (piperine)": None},
    "27-saw-palmetto": {"saw palmetto": (320, "mg", 320)},
    "28-proprietary-amounts": {"boswellia": (300, "mg", 300), "ginger": (200, "mg", 200),
                               "turmeric": (200, "mg", 200), "bromelain": (100, "mg", 100)},
}


def test_every_fixture_has_expectations():
    files = sorted(p.stem for p in LABELS.glob("*.txt"))
    assert len(files) >= 25
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_label_actives_and_amounts(real_checker, name):
    reading = read_label(real_checker, (LABELS / f"{name}.txt").read_text(encoding="utf-8"))
    found = {}
    for ing in reading.ingredients:
        # An OCR slip ("Ech1nacea") is a near name: checked as the closest entity, and marked ambiguous.
        near = ing.status.value == "ambiguous" and len(ing.candidates) == 1
        assert ing.status.value == "recognized" or near, f"{name}: '{ing.name}' not recognised"
        found.setdefault(ing.match.name if ing.match else ing.candidates[0].name, ing)
    if name == "04-multivitamin":
        assert set(EXPECTED[name]) <= set(found) and len(reading.ingredients) == 23
    else:
        assert set(found) == set(EXPECTED[name]), f"{name}: read {sorted(found)}"
    for entity, expected in EXPECTED[name].items():
        ing = found[entity]
        if expected is None:
            continue
        amount, unit, per_day = expected
        assert (ing.amount, ing.unit) == (pytest.approx(amount), unit), f"{name}: {entity}"
        assert ing.per_day == (pytest.approx(per_day) if per_day is not None else None), f"{name}: {entity} per day"
    assert reading.not_checked == []


def test_excipients_are_known_and_never_actives(real_checker):
    reading = read_label(real_checker, (LABELS / "04-multivitamin.txt").read_text(encoding="utf-8"))
    assert "magnesium stearate" in reading.excipients and "croscarmellose sodium" in reading.excipients
    magnesium = [i for i in reading.ingredients if i.match and i.match.name == "magnesium"]
    assert [i.amount for i in magnesium] == [50]


def test_free_of_statements_are_not_actives(real_checker):
    reading = read_label(real_checker, (LABELS / "01-turmeric-bioperine.txt").read_text(encoding="utf-8"))
    assert any("Vitamin K2 free" in s for s in reading.statements)
    assert "vitamin K" not in {i.match.name for i in reading.ingredients}


def test_standardisation_and_blends_are_kept(real_checker):
    turmeric = read_label(real_checker, (LABELS / "01-turmeric-bioperine.txt").read_text(encoding="utf-8"))
    assert turmeric.ingredients[0].qualifiers == ["standardized to 95% curcuminoids"]
    mushrooms = read_label(real_checker, (LABELS / "12-mushroom-blend.txt").read_text(encoding="utf-8"))
    assert {i.blend for i in mushrooms.ingredients} == {"Organic Mushroom Blend"}


def test_undisclosed_blend_and_unknown_active_are_reported_not_dropped(real_checker):
    text = "Supplement Facts\nServing Size 1 Capsule\nEnergy Matrix 500 mg\nZorblax root extract 100 mg\n"
    reading = read_label(real_checker, text)
    assert set(reading.not_checked) == {"Energy Matrix", "Zorblax root extract"}


def test_check_label_finds_interactions_naming_the_label_row(real_checker):
    text = (LABELS / "09-st-johns-wort-ocr.txt").read_text(encoding="utf-8")
    _, result = check_label(real_checker, text, Regimen(drugs=["imatinib 400 mg daily"]))
    [finding] = [f for f in result.findings if f.drug]
    assert finding.severity.value == "major"
    assert finding.supplement.input.startswith("St. John's Wort Extract (Hypericum perforatum)")
    assert finding.drug.input == "imatinib 400 mg daily"


def test_food_form_label_does_not_trigger_extract_only_effects(real_checker):
    tea = "Ingredients: green tea leaves\nSteep 1 tea bag in hot water for 3 minutes.\n"
    extract = (LABELS / "05-green-tea-extract.txt").read_text(encoding="utf-8")
    regimen = Regimen(drugs=["bortezomib"])
    _, brewed = check_label(real_checker, tea, regimen)
    _, capsules = check_label(real_checker, extract, regimen)
    assert not [f for f in brewed.findings if f.drug]
    assert [f.severity.value for f in capsules.findings if f.drug] == ["major"]


def test_garbage_and_huge_input_do_not_crash(real_checker):
    assert read_label(real_checker, "\x00\x01 ### ~~~ \n\n").ingredients == []
    big = "Supplement Facts\n" + "Ginkgo biloba extract 120 mg\n" * 20000
    assert len(read_label(real_checker, big).ingredients) > 1000


def test_an_active_after_the_inactive_list_is_read_not_called_inactive(real_checker):
    text = "Supplement Facts\nGinkgo 60 mg\nOther ingredients: cellulose, water.\nSt. John's Wort extract 300 mg\n"
    reading = read_label(real_checker, text)
    assert [i.match.name for i in reading.ingredients] == ["ginkgo", "St John's wort"]
    assert reading.excipients == ["cellulose", "water"]
    no_panel = read_label(real_checker, "Ginkgo 60 mg\nOther ingredients: cellulose\nSt. John's Wort 300 mg\n")
    assert [i.match.name for i in no_panel.ingredients] == ["ginkgo", "St John's wort"]


def test_a_label_with_no_ingredient_cannot_pass_as_no_interaction(real_checker):
    for text in ("", " \n\t", "These statements have not been evaluated by the FDA.", "Other ingredients: gelatin"):
        assert read_label(real_checker, text).ingredients == []
        with pytest.raises(InputError, match="no ingredient could be read"):
            check_label(real_checker, text, Regimen(drugs=["warfarin"]))


def test_ocr_repair_of_amounts_is_kept():
    assert repair_ocr("St. John's Wort 3OO rng") == "St. John's Wort 300 mg"
    assert repair_ocr("Vitamin B12 l00 meg") == "Vitamin B12 100 mcg"
    assert repair_ocr("Vitamin D 1,OOO IU") == "Vitamin D 1,000 IU"


def test_unreadable_and_ambiguous_amounts_are_said_per_row(real_checker):
    reading = read_label(real_checker, "Supplement Facts\nGinkgo 4.000 mg\nTurmeric -5 mg\nGarlic 500 mg\n")
    ginkgo, turmeric, garlic = reading.ingredients
    assert ginkgo.amount is None and "could be 4 or 4000" in ginkgo.unread[0]
    assert turmeric.amount is None and "negative dose" in turmeric.unread[0] and turmeric.match.name == "turmeric"
    assert garlic.amount == 500 and garlic.unread == []
    assert reading.unread == ["Ginkgo 4.000 mg", "Turmeric -5 mg"]
