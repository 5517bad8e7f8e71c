"""Reading doses, frequencies and forms from regimen lines as clinicians write them."""

from __future__ import annotations

import pytest
from suppcheck.dosing import convert, parse_item


@pytest.mark.parametrize(("text", "name", "amount", "unit", "per_day"), [
    ("St. John's wort 300 mg three times daily", "St. John's wort", 300, "mg", 900),
    ("apixaban 5 mg BID", "apixaban", 5, "mg", 10),
    ("Gleevec 400 mg daily", "Gleevec", 400, "mg", 400),
    ("docetaxel 75 mg/m2 IV q3w", "docetaxel", 75, "mg/m2", None),
    ("Xeloda 1000 mg/m² BID d1-14", "Xeloda", 1000, "mg/m2", 2000),
    ("fish oil 1.2 g twice a day", "fish oil", 1.2, "g", 2.4),
    ("Vitamin E 400 IU daily", "Vitamin E", 400, "IU", 400),
    ("vitamin B12 1000 mcg qd", "vitamin B12", 1000, "mcg", 1000),
    ("CoQ10 100 mg", "CoQ10", 100, "mg", None),
    ("melatonin 3 mg at bedtime", "melatonin", 3, "mg", 3),
    ("curcumin 500\u00a0mg q8h", "curcumin", 500, "mg", 1500),
    ("Vitamin D3 50,000 IU weekly", "Vitamin D3", 50000, "IU", 50000 / 7),
    ("magnesium 1,5 g daily", "magnesium", 1.5, "g", 1.5),
    ("biotin 5 µg daily", "biotin", 5, "mcg", 5),
])
def test_dose_parsing(text, name, amount, unit, per_day):
    parsed = parse_item(text)
    assert parsed.name == name
    assert parsed.dose is not None
    assert parsed.dose.amount == amount and parsed.dose.unit == unit
    assert parsed.dose.per_day == (pytest.approx(per_day) if per_day is not None else None)


def test_no_dose_keeps_the_whole_name():
    parsed = parse_item("5-HTP")
    assert parsed.name == "5-HTP" and parsed.dose is None


@pytest.mark.parametrize(("text", "form"), [
    ("green tea extract 500 mg", "extract"),
    ("green tea, 3 cups brewed daily", "food"),
    ("grapefruit juice 250 mL daily", "food"),
    ("turmeric in cooking", "food"),
    ("turmeric capsules", "extract"),
    ("ashwagandha 600 mg", "extract"),
    ("green tea", None),
])
def test_form(text, form):
    assert parse_item(text).form == form


def test_unit_conversion():
    assert convert(2, "g", "mg") == 2000
    assert convert(500, "mcg", "mg") == 0.5
    assert convert(400, "IU", "mg") is None


@pytest.mark.parametrize("line,per_day,count", [
    ("fish oil 1000 mg 4 capsules daily", 4000, 4),
    ("fish oil 1,000 mg 2 caps BID", 4000, 2),
    ("Xeloda 500mg tablets 2 tabs bid", 2000, 2),
    ("fish oil 2 x 1000 mg daily", 2000, 2),
    ("fish oil 1000 mg x 2 daily", 2000, 2),
    ("fish oil 2 softgels 1200 mg daily", 2400, 2),
    ("melatonin 3 mg two tablets at bedtime", 6, 2),
    ("vitamin D 25 mcg 2 gummies daily", 50, 2),
    ("curcumin 500 mg 1 capsule TID", 1500, 1),
    ("calcium 600 mg 2 caplets daily", 1200, 2),
    ("fish oil 1 g with meals", 3, None),
    ("ondansetron 8 mg q8h", 24, None),
    ("morphine 10 mg q4h", 60, None),
    ("vitamin D 50,000 IU weekly", round(50000 / 7, 4), None),
])
def test_counts_and_frequencies_give_the_amount_a_day(line, per_day, count):
    dose = parse_item(line).dose
    assert dose.per_day == pytest.approx(per_day) and dose.count == count


@pytest.mark.parametrize("line,route", [("vitamin C 25 g IV weekly", "iv"), ("imatinib 400 mg PO daily", "oral"),
                                        ("fentanyl 25 mcg patch every 72 hours", "transdermal"),
                                        ("enoxaparin 40 mg SC daily", "sc"), ("vitamin D 1000 IU daily", None)])
def test_routes_are_recorded(line, route):
    assert parse_item(line).dose.route == route


def test_per_m2_and_per_kg_doses_stay_as_such_and_cycles_are_noted():
    parsed = parse_item("capecitabine 1000 mg/m2 BID days 1-14")
    assert parsed.dose.unit == "mg/m2" and any("days 1-14" in n for n in parsed.notes)
    assert parse_item("methotrexate 12 mg/kg IV").dose.unit == "mg/kg"


def test_no_frequency_is_said():
    assert any("no frequency given" in n for n in parse_item("vitamin D 2000 IU").notes)


@pytest.mark.parametrize("amount,unit,to,text,expected", [
    (15, "mg", "IU", "vitamin E 15 mg", 15 / 0.45),                 # unstated form: the larger amount
    (180, "mg", "IU", "vitamin E 180 mg d-alpha tocopherol", 180 / 0.67),
    (400, "IU", "mg", "vitamin E 400 IU", 400 * 0.67),
    (400, "IU", "mg", "vitamin E 400 IU dl-alpha tocopheryl", 400 * 0.45),
    (125, "mcg", "IU", "vitamin D 125 mcg", 5000),
    (4000, "IU", "mcg", "vitamin D 4000 IU", 100),
])
def test_nutrient_conversions_are_stated(amount, unit, to, text, expected):
    from suppcheck.dosing import nutrient_convert

    entity = "https://w3id.org/suppcheck/supplement/" + ("vitamin-e" if "vitamin E" in text else "vitamin-d")
    value, how = nutrient_convert(entity, amount, unit, to, text)
    assert value == pytest.approx(expected) and f"{amount:g} {unit}" in how
    assert nutrient_convert("https://w3id.org/suppcheck/supplement/fish-oil", amount, unit, to, text) is None


def test_folate_in_dfe_is_read_as_folic_acid():
    from suppcheck.dosing import nutrient_convert

    folic = "https://w3id.org/suppcheck/supplement/folic-acid"
    value, how = nutrient_convert(folic, 1000, "mcg", "mcg", "1,000 mcg DFE (600 mcg folic acid)")
    assert value == pytest.approx(600) and "DFE" in how
    assert nutrient_convert(folic, 400, "mcg", "mcg", "400 mcg") is None, "no DFE named: no conversion"


@pytest.mark.parametrize("amount,unit,to,text,expected,form", [
    (10000, "IU", "mcg", "vitamin A 10,000 IU (as retinyl palmitate)", 3000, "retinol"),
    (900, "mcg", "IU", "vitamin A 900 mcg", 3000, "retinol"),
    (5000, "IU", "mcg", "vitamin A 5000 IU (as beta-carotene)", 1500, "not preformed"),
    (5000, "IU", "mcg", "vitamin A 5000 IU from food beta-carotene", 250, "from food"),
])
def test_vitamin_a_iu_and_mcg_rae_depend_on_the_source(amount, unit, to, text, expected, form):
    from suppcheck.dosing import nutrient_convert

    value, how = nutrient_convert("https://w3id.org/suppcheck/supplement/vitamin-a", amount, unit, to, text)
    assert value == pytest.approx(expected) and "RAE" in how and form in how


def test_a_vitamin_a_line_in_iu_says_its_amount_in_mcg_rae(real_checker):
    item = real_checker.check(drugs=["tamoxifen"], supplements=["vitamin A 10,000 IU daily"]).items[1]
    assert any("3000 mcg RAE" in note for note in item.reading.notes)


def test_beta_carotene_in_iu_is_read_in_mass():
    from suppcheck.dosing import nutrient_convert

    value, how = nutrient_convert("https://w3id.org/suppcheck/supplement/beta-carotene", 25000, "IU", "mg", "25,000 IU")
    assert value == pytest.approx(15) and "0.6 mcg" in how


def test_fish_oil_is_compared_on_the_epa_and_dha_the_line_states():
    from suppcheck.dosing import FISH_OIL, nutrient_convert

    text = "1000 mg (EPA 360 mg, DHA 240 mg) 4 capsules daily"
    value, how = nutrient_convert(FISH_OIL, 4000, "mg", "g", text)
    assert value == pytest.approx(2.4) and "EPA+DHA" in how
    assert nutrient_convert(FISH_OIL, 4000, "mg", "g", "1000 mg 4 capsules daily") is None


@pytest.mark.parametrize("line, name, count, frequency", [
    ("Zyflamend 4 tablets three times daily", "Zyflamend", 4, 3),
    ("Protandim 1 caplet daily", "Protandim", 1, 1),
    ("fish oil 2 capsules twice daily", "fish oil", 2, 2),
    ("Tums 2 tablets as needed", "Tums", 2, None),
])
def test_a_count_without_an_amount_is_a_dose_without_an_amount(line, name, count, frequency):
    parsed = parse_item(line)
    assert parsed.name == name
    assert parsed.dose.count == count and parsed.dose.frequency == frequency
    assert parsed.dose.amount is None and parsed.dose.per_day is None
    assert any("no amount" in note for note in parsed.notes)


@pytest.mark.parametrize("line", ["One A Day Women's", "4 tablets", "ginkgo"])
def test_a_line_without_a_count_or_without_a_name_keeps_its_whole_text_as_the_name(line):
    parsed = parse_item(line)
    assert parsed.name == line and parsed.dose is None


def test_a_product_line_with_a_count_and_frequency_lists_only_its_ingredients(real_checker):
    item = real_checker.check(supplements=["Zyflamend 4 tablets three times daily"]).items[0]
    names = [c.match.name for c in item.components]
    assert "Zyflamend" not in names and {"turmeric", "ginger", "green tea"} <= set(names)
    assert all(c.match.method == "product" for c in item.components)
    assert any("read as its ingredients" in note for note in item.reading.notes)


def test_a_dose_threshold_says_the_line_gave_a_count_not_an_amount(real_checker):
    findings = real_checker.check(drugs=["warfarin"], supplements=["vitamin E 2 softgels daily"]).findings
    assert findings, "vitamin E with warfarin gives no finding"
    text = " ".join(f.model_dump_json() for f in findings)
    assert "gives a count (2 softgels daily), not an amount" in text


@pytest.mark.parametrize("line", ["Se-Natal 19 Chewable 1 tablet daily", "Se-Natal 19 Chewable"])
def test_a_count_that_belongs_to_a_product_name_stays_in_the_name(real_checker, line):
    item = real_checker.check(supplements=[line]).items[0]
    assert item.status.value == "recognized"
    assert item.match.name == "Se-Natal 19 Chewable" and len(item.components) > 5


@pytest.mark.parametrize("text, per_day", [("every 6 hours", 4), ("every 12 hrs", 2), ("q8h", 3), ("every 2 hours", 12),
                                           ("every 4-6 hours", 6), ("every 30 hours", None)])
def test_every_n_hours_is_a_frequency(text, per_day):
    from suppcheck.dosing import frequency

    assert frequency(text) == per_day


def test_a_dose_every_n_hours_is_counted_per_day():
    parsed = parse_item("ginger 250 mg every 6 hours")
    assert parsed.name == "ginger" and parsed.dose.per_day == 1000
    assert not any("no frequency" in note for note in parsed.notes)


@pytest.mark.parametrize("line,per,per_day,cycle", [
    ("Ibrance 125 mg d1-21 q28d", 1.0, 125.0, "days 1-21"),
    ("palbociclib 125 mg daily days 1-21 every 28 days", 1.0, 125.0, "days 1-21"),
    ("capecitabine 1000 mg bid d1-14 q21d", 2.0, 2000.0, "days 1-14"),
    ("fish oil 1 g qod", 0.5, 0.5, None),
    ("vitamin D 50000 IU q14d", round(1 / 14, 4), None, None),
])
def test_cycles_and_intervals_in_days(line, per, per_day, cycle):
    """'d1-21 q28d' is daily on days 1-21 of a 28-day cycle; 'q14d' alone is an interval of 14 days."""
    parsed = parse_item(line)
    assert parsed.dose.frequency == per and parsed.dose.per_day == per_day
    assert not any("no frequency given" in n for n in parsed.notes)
    assert (cycle is None) == (not any("of a cycle" in n for n in parsed.notes))
    if cycle:
        assert any(cycle in n for n in parsed.notes)


def _fixture_lines() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "fixtures"
    lines = []
    for name in ("supplement_lines.tsv", "regimen_lines.tsv", "medication_lines.tsv"):
        lines += [row.split("\t")[0] for row in (folder / name).read_text(encoding="utf-8").splitlines()
                  if row and not row.startswith("#")]
    return lines


def test_the_one_search_for_any_route_reads_as_each_route_in_turn():
    """`route_of` asks one pattern first whether any route is named; the answer must be the ordered list's."""
    from suppcheck.dosing import _ROUTES, route_of

    def in_turn(text):
        return next((route for pattern, route in _ROUTES if pattern.search(text)), None)

    texts = [*_fixture_lines(), "budesonide 2 puffs BID", "Pulmicort Flexhaler", "fluticasone nasal spray",
             "B12 1000 mcg SL", "B12 1000 mcg under the tongue", "testosterone gel applied to the skin",
             "fentanyl 25 mcg/h patch", "enoxaparin 40 mg subq", "vitamin C IV", "I.V. iron", "im", "po bid",
             "IMatinib", "ivermectin", "creamy", "scalp", "poppy"]
    routes = {in_turn(t) for t in texts}
    assert {None, "iv", "sc", "topical", "transdermal", "inhaled", "sublingual", "oral"} <= routes
    for text in texts:
        assert route_of(text) == in_turn(text), text


@pytest.mark.parametrize(("text", "amount", "per_day", "note"), [
    # a unit's strength first, then what is taken: read at the higher, and said
    ("fish oil 1000 mg capsules, 3 g daily", 3000, 3000, "read at the higher, 3000 mg"),
    ("vitamin D 1000 IU tabs, 5000 IU daily", 5000, 5000, "read at the higher, 5000 IU"),
    ("Alkeran 2 mg tabs, 6 mg daily", 6, 6, "read at the higher, 6 mg"),
    ("vitamin C 500 mg, up to 2 g daily", 2000, 2000, "read at the higher"),
    # a bare count before the frequency, or after the unit word
    ("fish oil 1000 mg, take 3 daily", 3000, 3000, "read as 3 of 1000 mg"),
    ("omega-3 1200 mg softgel 2 daily", 2400, 2400, "read as 2 of 1200 mg"),
    ("zinc 50 mg 2 bid", 100, 200, "read as 2 of 50 mg"),
    ("turmeric 500 mg caps x2 bid", 1000, 2000, "read as 2 of 500 mg"),
    # a concentration with the volume taken
    ("Purixan 20 mg/mL, 2.5 mL daily", 50, 50, "read as 2.5 mL of 20 mg per 1 mL"),
    ("fish oil liquid 1600 mg/5 mL, 2 tsp daily", 3200, 3200, "read as 2 tsp of 1600 mg per 5 mL"),
])
def test_a_line_that_states_a_strength_and_what_is_taken_is_read_at_what_is_taken(text, amount, per_day, note):
    parsed = parse_item(text)
    assert parsed.dose.amount == pytest.approx(amount)
    assert parsed.dose.per_day == pytest.approx(per_day)
    assert any(note in n for n in parsed.notes), parsed.notes


@pytest.mark.parametrize(("text", "amount", "per_day"), [
    ("calcium 600 mg, as carbonate 1500 mg daily", 600, 600),  # the salt's weight is not what is taken
    ("fish oil 1000 mg (EPA 300 mg, DHA 200 mg) daily", 1000, 1000),  # a unit's contents, in brackets
    ("vitamin D3 25 mcg (1000 IU) daily", 25, 25),  # the same amount in another unit
    ("ferrous sulfate 325 mg, 65 mg elemental iron daily", 325, 325),  # a smaller amount
    ("fish oil 1000 mg, 3 times daily", 1000, 3000),  # a frequency, not a count
])
def test_other_amounts_on_a_line_are_not_what_is_taken(text, amount, per_day):
    parsed = parse_item(text)
    assert parsed.dose.amount == pytest.approx(amount)
    assert parsed.dose.per_day == pytest.approx(per_day)


def test_a_concentration_without_a_volume_applies_no_threshold():
    parsed = parse_item("Purixan 20 mg/mL daily")
    assert parsed.dose.amount is None and parsed.dose.per_day is None
    assert any("concentration" in n and "not applied" in n for n in parsed.notes), parsed.notes


@pytest.mark.parametrize(("text", "per_day"), [
    ("4 times daily", 4.0), ("3 times a day", 3.0), ("2 times per day", 2.0), ("2 times daily", 2.0),
])
def test_times_a_day_in_digits_is_a_frequency(text, per_day):
    from suppcheck.dosing import frequency

    assert frequency(text) == per_day


def _lazy_patterns():
    """Every lazily compiled pattern the line readers hold, alone or in their lists."""
    from suppcheck import dosing, engine, labels, labeltext, lines, matching
    from suppcheck.text import LazyPattern

    found = []
    for module in (dosing, engine, labels, labeltext, lines, matching):
        for value in vars(module).values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                item = item[0] if isinstance(item, tuple) and item else item
                if isinstance(item, LazyPattern):
                    found.append(item)
    return found


def test_the_fast_case_blind_search_finds_what_the_pattern_finds():
    """`find` searches ASCII text in lower case with the case-bound pattern: the same span, and the same groups
    but for their case, as the case-blind `search`, on every fixture line and lines in mixed case."""
    import re

    patterns = _lazy_patterns()
    blind = [p for p in patterns if p.flags & re.IGNORECASE]
    assert len(blind) >= 20 and any(p.find is not p.search for p in blind)  # most take the fast path
    texts = [*_fixture_lines(), "FISH OIL 1000 MG TID", "Imatinib 400 Mg Q12H", "St John's Wort 300MG Three Times Daily",
             "Vitamin D3 5,000 IU Every Other Day", "ZINC 50 MG 2 BID", "Curcumin 500 mg Caps X2 BID", "Ébène 5 mg",
             "Ginkgo 120 mg tägl.", "\u212aelvin 5 mg", "\u017fenna 5 mg daily"]
    for pattern in blind:
        for text in texts:
            fast, slow = pattern.find(text), pattern.search(text)
            assert (fast is None) == (slow is None), (pattern, text)
            if fast is not None:
                assert fast.span() == slow.span(), (pattern, text)
                assert [g and g.lower() for g in fast.groups()] == [g and g.lower() for g in slow.groups()], (pattern, text)


@pytest.mark.parametrize(("text", "per_day"), [
    ("every 12 weeks", round(1 / 84, 4)), ("q6 weeks", round(1 / 42, 4)), ("q2 wks", round(1 / 14, 4)),
    ("q3 months", round(1 / 90, 4)), ("q3mo", round(1 / 90, 4)), ("every 6 months", round(1 / 180, 4)),
    ("quarterly", round(1 / 90, 4)), ("q21d", round(1 / 21, 4)), ("weekly", 1 / 7)])
def test_intervals_of_weeks_and_months_are_read(text, per_day):
    from suppcheck.dosing import frequency

    assert frequency(text) == per_day


@pytest.mark.parametrize("line", ["Zometa q3 months", "Lupron q3mo", "Xgeva every 12 weeks", "Eligard q6mo"])
def test_a_drug_given_every_few_months_is_read_whole(real_checker, line):
    item = real_checker.check(drugs=[line], supplements=["calcium"]).items[0]
    assert item.status.value == "recognized"
    assert not (item.reading and item.reading.unread), item.reading


def test_a_dose_taken_less_often_than_weekly_says_how_it_is_compared(real_checker):
    result = real_checker.check(drugs=["warfarin"], supplements=["vitamin D 50000 IU q2 weeks"])
    notes = [n for f in result.findings for n in f.notes if "4000 IU" in n]
    assert notes and all("less often than once a week" in n for n in notes), notes


@pytest.mark.parametrize(("text", "amount", "unit"), [
    ("Fragmin 200 IU/kg daily", 200, "IU/kg"), ("filgrastim 5 mcg/kg sc daily", 5, "mcg/kg"),
    ("heparin 80 units/kg", 80, "unit/kg"), ("enoxaparin 1 mg/kg bid", 1, "mg/kg"),
    ("docetaxel 75 mg/m2 IV q3w", 75, "mg/m2")])
def test_a_dose_per_body_weight_keeps_its_unit(text, amount, unit):
    """"200 IU/kg" was read as 200 IU: per-weight doses are not amounts taken, and keep their unit."""
    from suppcheck.dosing import parse_item

    dose = parse_item(text).dose
    assert (dose.amount, dose.unit) == (amount, unit)
    assert not any("no frequency given" in n for n in parse_item(text).notes)



@pytest.mark.parametrize(("text", "per_day", "changed"), [
    ("fentanyl patch 25 mcg/hr q72h", 600, False), ("Butrans 10 mcg/hour weekly", 240, True),
    ("clonidine patch 0.1 mg/24 hr weekly", 0.1, True), ("Exelon Patch 9.5 mg/24 h", 9.5, False),
    ("heparin 1000 units per hour", 24000, False)])
def test_a_rate_per_hours_is_an_amount_a_day_whatever_the_changes(text, per_day, changed):
    """"10 mcg/hour weekly" was 1.4 mcg a day (the rate times the weekly change): a rate is given all day long."""
    from suppcheck.dosing import parse_item

    parsed = parse_item(text)
    assert parsed.dose.per_day == per_day
    assert any(n.startswith("read as") and "a day" in n for n in parsed.notes), parsed.notes
    assert any("how often it is changed" in n for n in parsed.notes) is changed
    assert not any("no frequency given" in n for n in parsed.notes)


def test_a_slash_before_hours_separates_nothing(real_checker):
    from suppcheck.models import Role

    item, _ = real_checker.item("Exelon Patch 9.5 mg/24 h", Role.drug)
    assert item.match.name == "rivastigmine" and not item.reading.unread

def test_the_route_note_is_said_only_where_the_graph_does_not_give_that_route(real_checker):
    """An infusion of an infused drug is what its facts are for; an infused supplement is not."""
    def notes(line, role):
        result = real_checker.check(drugs=[line] if role == "drug" else ["warfarin"],
                                    supplements=[line] if role == "supplement" else [])
        item = result.items[0] if role == "drug" else result.items[1]
        return " ".join(item.reading.notes) if item.reading else ""

    assert "checked as taken by mouth" not in notes("Keytruda 200 mg IV q3w", "drug")
    assert "checked as taken by mouth" not in notes("ondansetron 8 mg IV", "drug")
    assert "checked as taken by mouth" in notes("vitamin C 25 g IV", "supplement")


@pytest.mark.parametrize(("text", "name"), [("potassium chloride 20 mEq", "potassium chloride"),
                                            ("potassium chloride 20 mEq twice daily", "potassium chloride")])
def test_an_amount_in_milliequivalents_is_read_and_says_thresholds_are_not_applied(text, name):
    from suppcheck.dosing import parse_item

    parsed = parse_item(text)
    assert parsed.name == name and parsed.dose is None
    assert parsed.notes == ("the amount '20 mEq' is in milliequivalents, which the graph's dose thresholds are not "
                            "written in: they are not applied",)


@pytest.mark.parametrize(("line", "role", "expected"), [
    ("calcium acetate 667 mg", "drug", "calcium"), ("magnesium sulfate 2 g IV", "drug", "magnesium"),
    ("Suboxone film", "drug", "buprenorphine"), ("estradiol vaginal cream", "drug", "estradiol"),
    ("mupirocin ointment", "drug", "mupirocin"), ("dexamethasone elixir swish and spit", "drug", "dexamethasone"),
    ("sucralfate slurry", "drug", "sucralfate"), ("potassium chloride 20 mEq", "drug", "potassium"),
    ("chlorhexidine mouthwash", "drug", "chlorhexidine"), ("magic mouthwash", "drug", "magic mouthwash")])
def test_salts_forms_and_routes_are_read_words(real_checker, line, role, expected):
    """'acetate', 'film', 'vaginal', 'ointment', 'elixir', 'slurry', 'mEq' were reported unread."""
    from suppcheck.models import Role

    item, _ = real_checker.item(line, Role(role))
    assert item.match is not None and item.match.name == expected, item
    assert not (item.reading and item.reading.unread), item.reading
