"""Read a regimen line into its name, dose (amount, unit, frequency, per day) and form."""

from __future__ import annotations

import re

from suppcheck.errors import InputError
from suppcheck.models import Dose
from suppcheck.structs import record
from suppcheck.text import LazyPattern, clean, folded, lazy_re

# Per-weight and per-area doses ("200 IU/kg", "5 mcg/kg", "75 mg/m2") keep their unit: they are not amounts taken.
_UNIT = (r"mg\s*/\s*m2|mg\s*/\s*kg|mcg\s*/\s*kg|(?:iu|units?)\s*/\s*kg|mcg|ug|mg|gm|grams?|g|iu|i\.u\.|units?|ml|cfu|"
         r"billion\s+cfu|%")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
# A range ("2-4 g", "2 to 4 g") is read at its upper bound: a threshold between the bounds may be crossed.
_DOSE = lazy_re(rf"(?<![\w.,])({_NUMBER})\s*(?:(?:-|to|–)\s*({_NUMBER})\s*)?({_UNIT})(?![a-z])",
                   re.IGNORECASE)
MAX_DIGITS = 9  # no dose has more digits than this (a billion of any unit); longer is a typing slip
# "4.000 mg" is four in one notation and four thousand in another: such a dose is not guessed.
_DOTTED_THOUSANDS = lazy_re(r"[1-9]\d{0,2}(?:\.\d{3})+")
_FREQ: list[tuple[LazyPattern, float]] = [
    (lazy_re(p, re.IGNORECASE), f) for p, f in [
        (r"\b(qid|q\.i\.d\.?|(four|4) times (a|per) day|(four|4) times daily|4\s*x\s*(a\s*)?(day|daily)|q6h)\b", 4.0),
        (r"\b(tid|t\.i\.d\.?|(three|3) times (a|per) day|(three|3) times daily|thrice daily|3\s*x\s*(a\s*)?(day|daily)|q8h)\b",
         3.0),
        (r"\b(bid|b\.i\.d\.?|twice (a|per) day|twice daily|(two|2) times (a|per) day|(two|2) times daily|"
         r"2\s*x\s*(a\s*)?(day|daily)|q12h)\b", 2.0),
        (r"\b(weekly|once (a|per) week|every week|qw|q1w)\b", 1 / 7),
        (r"\b(q2w|every (2|two) weeks|biweekly)\b", 1 / 14),
        (r"\b(q3w|every (3|three) weeks)\b", 1 / 21),
        (r"\b(q4w|every (4|four) weeks|monthly|once a month)\b", 1 / 28),
        (r"\b(q4h|six times (a|per) day)\b", 6.0),
        (r"\b(qod|every other day|on alternate days)\b", 0.5),
        (r"\b(qd|q\.d\.|od|daily|once daily|once a day|every day|a day|per day|/\s*day|/d|q24h|qam|qpm|qhs|"
         r"at bedtime|bedtime|before bed|nightly|each day|every morning|every night|every evening)\b", 1.0),
        # "with meals" alone is read as three times a day; "daily with meals" is once (daily matches first).
        (r"\b(with (each|every) meal|with meals|at (each|every) meal|with breakfast,? lunch and dinner)\b", 3.0),
    ]
]
# Units of dose: a count of them multiplies the strength ("1000 mg, 4 capsules daily" is 4 g a day).
_DOSE_UNITS = (r"capsules?|caps?|caplets?|tablets?|tabs?|softgels?|soft\s*gels?|gummies|gummy|drops?|droppers?(?:fuls?)?|"
               r"scoops?|sachets?|teaspoons?|tsps?|pills?|lozenges?|chews?|chewables?|packets?|vegcaps?|vcaps?|"
               r"puffs?|sprays?|actuations?|inhalations?")
_COUNT_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "half": 0.5,
                "a": 1.0, "an": 1.0}
_COUNT = lazy_re(rf"(?<![\w.,])(\d{{1,2}}(?:\.\d)?|one|two|three|four|five|six|half|an?)\s*(?:-\s*)?"
                    rf"({_DOSE_UNITS})\b", re.IGNORECASE)
_TIMES_AFTER = lazy_re(rf"^\s*(?:(?:{_DOSE_UNITS})\b\s*)?[x×]\s*(\d{{1,2}})(?![\d.])", re.IGNORECASE)
# "fish oil 1000 mg, take 3 daily", "zinc 50 mg 2 bid": a bare count of units right before a frequency word
# (never "3 times daily" or "3x daily", which are frequencies).
_BARE_COUNT = lazy_re(rf"^[\s,;:-]*(?:(?:{_DOSE_UNITS})\b[\s,;:-]*)?(?:take\s+)?(\d{{1,2}}(?:\.\d)?|one|two|three|four|five|six|"
                      r"half)\s+(?=(?:daily|a day|per day|each day|every day|qd|od|bid|tid|qid|qhs|qam|qpm|twice|"
                      r"three times|four times|at bedtime|nightly|every morning|every night|every evening|weekly)\b)",
                      re.IGNORECASE)
_TIMES_BEFORE = lazy_re(r"(?<![\w.])(\d{1,2})\s*[x×]\s*$")
_ROUTES = [(lazy_re(p, re.IGNORECASE), r) for p, r in [
    (r"\b(iv|i\.v\.|intravenous(ly)?|infusion)\b", "iv"),
    (r"\b(sc|s\.c\.|sq|subq|subcutaneous(ly)?)\b", "sc"),
    (r"\b(im|i\.m\.|intramuscular(ly)?)\b", "im"),
    (r"\b(topical(ly)?|cream|ointment|lotion|applied to the skin)\b", "topical"),
    (r"\b(transdermal|patch)\b", "transdermal"),
    (r"\b(inhaled|inhalation|inhalations|nebuli[sz]ed|nebuli[sz]er|nebs?|inhalers?|puffs?|hfa|mdi|respules?|"
     r"flexhaler|turbuhaler|diskus|ellipta|handihaler|nasal(ly)?|intranasal(ly)?|nostrils?|"
     # brands that are only ever inhaled or nasal forms of a drug also taken by mouth
     r"pulmicort|rhinocort|nebupent|symbicort|breyna|airsupra|bevespi|aerosphere|respimat|combivent|duoneb|stiolto|"
     r"dymista|proair|ventolin|proventil|flonase|flovent|veramyst|sensimist|arnuity|breo|trelegy|advair|wixela|"
     r"dulera)\b", "inhaled"),
    (r"\b(sublingual(ly)?|under the tongue)\b", "sublingual"),
    (r"\b(po|p\.o\.|oral(ly)?|by mouth)\b", "oral"),
]]
_CYCLE_DAYS = lazy_re(r"\b(?:days?\s*|d)(\d{1,2})\s*(?:-|–|to|through)\s*d?(\d{1,2})\b", re.IGNORECASE)
# "q21d", "q28 days", "every 21 days": a cycle or an interval of N days.
_EVERY_DAYS = lazy_re(r"\b(?:q|every\s*)(\d{1,2})\s*(?:d|days?)\b", re.IGNORECASE)
# "q6 weeks", "every 12 weeks", "q3 months", "q3mo", "every 6 months": an interval of N weeks or months.
_EVERY_WEEKS = lazy_re(r"\b(?:q|every\s*)(\d{1,2})\s*(?:w|wk|wks|weeks?)\b", re.IGNORECASE)
_EVERY_MONTHS = lazy_re(r"\b(?:q|every\s*)(\d{1,2})\s*(?:mo|mos|months?)\b|\b(quarterly)\b", re.IGNORECASE)
_FOOD = lazy_re(r"\b(cups?|brewed|infusion|juice|glass(es)?|culinary|cooking|in food|as food|as a spice|"
                   r"in cooking|dietary intake|with meals as food|tea ?bags?|as tea|a tea|servings?)\b", re.IGNORECASE)
_EXTRACT = lazy_re(r"\b(extract|capsules?|caps|caplets?|tablets?|tabs|softgels?|supplements?|standardi[sz]ed|"
                      r"concentrate|tincture|pills?|powder|gummies|gummy|lozenges?|oil)\b", re.IGNORECASE)
_UNIT_CANON = {"ug": "mcg", "gm": "g", "gram": "g", "grams": "g", "i.u.": "IU", "iu": "IU", "unit": "unit",
               "units": "unit", "ml": "mL", "mg/m2": "mg/m2", "mg/kg": "mg/kg", "mcg/kg": "mcg/kg", "iu/kg": "IU/kg",
               "unit/kg": "unit/kg", "units/kg": "unit/kg"}


@record(frozen=True)
class ParsedItem:
    """A regimen line split into the part that names the product and the rest."""

    text: str
    name: str
    dose: Dose | None
    form: str | None
    notes: tuple[str, ...] = ()


_THOUSANDS = lazy_re(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _number(raw: str) -> float:
    """'50,000' is fifty thousand; '1,5' is one and a half."""
    if _THOUSANDS.fullmatch(raw):
        return float(raw.replace(",", ""))
    return float(raw.replace(",", "."))


def _unit(raw: str) -> str:
    key = "".join(raw.lower().split())
    return _UNIT_CANON.get(key, key)


# "every 6 hours", "q6h", "every 12 hrs": 24 / N a day (N from 1 to 24)
_EVERY_HOURS = lazy_re(r"\b(?:every|q)\s*(\d{1,2})\s*(?:-\s*\d{1,2}\s*)?(?:h|hr|hrs|hour|hours)\b", re.IGNORECASE)


def frequency(text: str) -> float | None:
    """Administrations per day named in the text, or None. A range of hours ("every 4-6 hours") is read at
    its shorter interval, the most taken a day."""
    low = folded(text)
    every = _EVERY_HOURS.find_folded(low, text)
    if every and 1 <= int(every.group(1)) <= 24:
        return round(24 / int(every.group(1)), 4)
    for pattern, per_day in _FREQ:
        if pattern.find_folded(low, text):
            return per_day
    days = _EVERY_DAYS.find_folded(low, text)
    if days and 1 <= int(days.group(1)) <= 60:
        return round(1 / int(days.group(1)), 4)
    weeks = _EVERY_WEEKS.find_folded(low, text)
    if weeks and 1 <= int(weeks.group(1)) <= 52:
        return round(1 / (7 * int(weeks.group(1))), 4)
    months = _EVERY_MONTHS.find_folded(low, text)
    if months:
        n = 3 if months.group(2) else int(months.group(1))
        if 1 <= n <= 24:
            return round(1 / (30 * n), 4)
    return None


_BREWED = lazy_re(r"\b(brewed|cups?)\b", re.IGNORECASE)


def form_of(text: str) -> str | None:
    """'extract' or 'food' when the text says which, else None."""
    low = folded(text)
    if _EXTRACT.find_folded(low, text) and not _BREWED.find_folded(low, text):
        return "extract"
    if _FOOD.find_folded(low, text):
        return "food"
    return None


def _rounded(per: float | None) -> float | None:
    return round(per, 4) if per else None


def _where(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _check_number(raw: str, text: str) -> None:
    if sum(c.isdigit() for c in raw) > MAX_DIGITS:
        raise InputError(f"the dose '{raw[:20]}{'…' if len(raw) > 20 else ''}' has more than {MAX_DIGITS} digits; "
                         "give the dose as written on the label", where=_where(text))


def _negative(text: str, start: int) -> bool:
    """'-5 g' is a negative dose; '2-5 g' is a range and 'fish oil - 5 g' a dash."""
    return start > 0 and text[start - 1] == "-" and (start == 1 or not text[start - 2].isalnum())


# Every route's words in one pattern: most lines name no route, and one search tells so. Each route's pattern is
# `\b(...)\b` with the same flags, so this one matches a text exactly when one of them does.
_ANY_ROUTE = lazy_re("|".join(p._source[0] for p, _r in _ROUTES), re.IGNORECASE)


def route_of(text: str) -> str | None:
    """The route the text names (iv, sc, im, topical, transdermal, inhaled, sublingual, oral), else None."""
    low = folded(text)
    if not _ANY_ROUTE.find_folded(low, text):
        return None
    for pattern, route in _ROUTES:
        if pattern.find_folded(low, text):
            return route
    return None


def _count(text: str, dose: re.Match[str]) -> tuple[float | None, str | None, re.Match[str] | None]:
    """How many units of dose are taken at a time ("4 capsules", "2 x 1000 mg", "caps x2", "take 3 daily"), and
    the unit's name."""
    after = _TIMES_AFTER.find(text[dose.end():])  # anchored by its ^
    if after:
        return float(after.group(1)), None, None
    before = _TIMES_BEFORE.search(text[: dose.start()])
    if before:
        return float(before.group(1)), None, before
    for found in _COUNT.finditer(text) if _COUNT.has(text) else ():
        if found.end() <= dose.start() or found.start() >= dose.end():
            word = found.group(1).lower()
            return _COUNT_WORDS.get(word) or float(word), found.group(2).lower(), found
    bare = _BARE_COUNT.find(text[dose.end():])  # anchored by its ^
    if bare:
        word = bare.group(1).lower()
        return _COUNT_WORDS.get(word) or float(word), None, None
    return None, None, None


# A later amount in the same unit family, set apart from the first ("fish oil 1000 mg capsules, 3 g daily",
# "vitamin D 1000 IU tabs, 5000 IU daily"): the first is a unit's strength, the later one what is taken.
_APART = lazy_re(rf"[,;]|\b(?:take|taking|up to|total|daily dose|dose)\b|\b(?:{_DOSE_UNITS})\b", re.IGNORECASE)
# ... unless it is the weight of a salt or a source ("calcium 600 mg, as carbonate 1500 mg").
_SALT_WEIGHT = lazy_re(r"\b(?:as|from|elemental|equivalent|equiv|providing|provides|contains|containing|per)\b",
                       re.IGNORECASE)
# "20 mg/mL", "1600 mg/5 mL": a concentration; and the volume a line gives ("2.5 mL", "1 tsp").
_PER_VOLUME = lazy_re(r"\s*/\s*(\d+(?:[.,]\d+)?)?\s*ml\b", re.IGNORECASE)
_MEQ = lazy_re(r"\d+(?:\.\d+)?\s*meq\b", re.IGNORECASE)
# A delivery rate: "25 mcg/hr" (a patch), "9.5 mg/24 h", "1000 units per hour" (an infusion).
_PER_HOURS = lazy_re(r"\s*(?:/|per\s+)\s*(?:(\d{1,3})\s*)?(?:h|hr|hrs|hour|hours)\b", re.IGNORECASE)
_VOLUME = lazy_re(r"(?<![\w.,/])(\d{1,3}(?:[.,]\d+)?)\s*(ml|tsps?|teaspoons?|tbsps?|tablespoons?)\b", re.IGNORECASE)
_ML = {"ml": 1.0, "tsp": 5.0, "tsps": 5.0, "teaspoon": 5.0, "teaspoons": 5.0, "tbsp": 15.0, "tbsps": 15.0,
       "tablespoon": 15.0, "tablespoons": 15.0}


def _later_amount(text: str, dose: re.Match[str], unit: str, amount: float) -> tuple[float, str] | None:
    """A larger amount of the same unit family later on the line, outside brackets and set apart from the first
    (see _APART), converted to `unit`; with how it was written."""
    if _DOSE.find(text, dose.end()) is None:  # most lines state one amount
        return None
    view = text
    if "(" in text:  # bracketed text is a unit's contents ("(EPA 300 mg, DHA 200 mg)"), not what is taken
        depth, masked = 0, []
        for ch in text:
            depth += ch == "("
            masked.append(" " if depth else ch)
            depth -= ch == ")" and depth > 0
        view = "".join(masked)
    best = None
    for later in _DOSE.finditer(view, dose.end()):
        between = view[dose.end():later.start()]
        if not _APART.search(between) or _SALT_WEIGHT.search(between.rsplit(",", 1)[-1]):
            continue
        raw = later.group(2) or later.group(1)
        if sum(c.isdigit() for c in raw) > MAX_DIGITS or _DOTTED_THOUSANDS.fullmatch(raw):
            continue
        value = convert(_number(raw), _unit(later.group(3)), unit)
        if value is not None and value > amount and (best is None or value > best[0]):
            best = (value, f"{raw} {_unit(later.group(3))}")
    return best


def _counted(text: str, form_hint: str | None) -> ParsedItem | None:
    """A line that gives a count of units but no amount ("Zyflamend 4 tablets three times daily"): the name
    is what comes before the count, and the dose keeps the count and the frequency, with no amount."""
    counts = list(_COUNT.finditer(text))
    if not counts:
        return None
    found = counts[-1]  # the last count: an earlier one may belong to the name ("Se-Natal 19 Chewable")
    name = text[: found.start()].strip(" ,;:-(")
    if not name or not any(ch.isalpha() for ch in name):
        return None
    word = found.group(1).lower()
    count = _COUNT_WORDS.get(word) or float(word)
    rest = text[found.start():].strip()
    per = frequency(rest)
    route = route_of(text)
    notes = [f"the line gives {count:g} {found.group(2).lower()} a dose but no amount: dose thresholds are not "
             "applied"]
    dose = Dose(text=rest, count=count, frequency=round(per, 4) if per else None, route=route)
    return ParsedItem(text, name, dose, form_hint or form_of(text), tuple(notes))


def parse_item(raw: str, form_hint: str | None = None) -> ParsedItem:
    """Split 'St John's wort 300 mg three times daily' into name, dose and form."""
    text = clean(raw)
    match = _DOSE.find(text)  # its groups are digits and a unit, read in lower case
    if match is None:
        unread = _MEQ.find(text)
        if unread:
            # "potassium chloride 20 mEq": read as the product, with its amount in a unit no threshold is written in
            return ParsedItem(text, text[: unread.start()].strip(" ,;:-(") or text, None, form_hint or form_of(text),
                              (f"the amount '{text[unread.start():unread.end()]}' is in milliequivalents, which the graph's dose "
                               "thresholds are not written in: they are not applied",))
        return _counted(text, form_hint) or ParsedItem(text, text, None, form_hint or form_of(text))
    name = text[: match.start()].strip(" ,;:-(")
    low, high = match.group(1), match.group(2)
    for raw_number in (low, high):
        if raw_number:
            _check_number(raw_number, text)
    if _negative(text, match.start()):
        raise InputError(f"a negative dose ('-{low} {match.group(3)}'); give the dose as a positive amount",
                         where=_where(text))
    unit = _unit(match.group(3))
    if unit == "%":
        return ParsedItem(text, name or text, None, form_hint or form_of(text))
    rest = text[match.start():].strip()
    form = form_hint or form_of(text)
    if form is None and unit in ("mg", "g", "mcg", "IU"):
        form = "extract"
    notes: list[str] = []
    ambiguous = [n for n in (low, high) if n and _DOTTED_THOUSANDS.fullmatch(n)]
    if ambiguous:
        notes.append(f"the dose '{ambiguous[0]} {unit}' could be {_number(ambiguous[0]):g} or "
                     f"{ambiguous[0].replace('.', '')} {unit}: it was not read, so dose thresholds are not applied")
        return ParsedItem(text, name or text, Dose(unit=unit, text=rest), form, tuple(notes))
    amount = _number(high or low)
    if high:
        low_amount = _number(low)
        if low_amount > amount:
            raise InputError(f"the dose range '{low}-{high}' runs backwards", where=_where(text))
        notes.append(f"the dose is a range ({low}-{high} {unit}): read at its upper bound, {high} {unit}")
    concentration = _PER_VOLUME.match(text, match.end())
    if concentration:
        # "20 mg/mL, 2.5 mL daily": the amount is the concentration times the volume taken.
        per_ml = _number(concentration.group(1)) if concentration.group(1) else 1.0
        volume = _VOLUME.search(text, concentration.end())
        if volume is None or not per_ml:
            notes.append(f"{amount:g} {unit} per {concentration.group(0).strip().lstrip('/').strip()} is a "
                         "concentration and the line gives no volume: dose thresholds are not applied")
            return ParsedItem(text, name or text, Dose(unit=unit, text=rest, frequency=_rounded(frequency(rest)),
                                                       route=route_of(text)), form, tuple(notes))
        ml = _number(volume.group(1)) * _ML[volume.group(2).lower()]
        value = round(amount * ml / per_ml, 4)
        notes.append(f"read as {volume.group(1)} {volume.group(2)} of {amount:g} {unit} per "
                     f"{per_ml:g} mL: {value:g} {unit} a dose")
        amount = value
    # A volume read with a concentration is the dose already ("1600 mg/5 mL, 2 tsp"): no count on top of it.
    count, what, count_match = (None, None, None) if concentration else _count(text, match)
    strength = amount
    if count is not None and count > 0:
        amount = amount * count
        unit_name = f" {what}" if what else ""
        if count != 1:
            notes.append(f"read as {count:g}{unit_name} of {strength:g} {unit}: {amount:g} {unit} a dose")
        if count_match is not None and count_match.end() <= match.start():
            name = text[: count_match.start()].strip(" ,;:-(") or name
    later = None if concentration else _later_amount(text, match, unit, amount)
    if later is not None:
        # The higher reading: a threshold is never missed because the line states a unit's strength first.
        notes.append(f"the line gives {strength:g} {unit} and {later[1]}: read at the higher, {later[0]:g} {unit} "
                     "a dose")
        amount, count = later[0], None
    per = frequency(rest)
    cycle = _CYCLE_DAYS.find(rest)
    if cycle and (per is None or per < 1) and _EVERY_DAYS.find(rest):
        # "125 mg d1-21 q28d": taken daily on those days of a 28-day cycle; q28d is the cycle, not the dose's
        # interval.
        per = 1.0
    # Weekly doses still have a daily equivalent; cycle-based dosing (q3w chemotherapy) does not.
    per_day = round(amount * per, 4) if per is not None and per >= 1 / 7 else None
    rate = None if concentration else _PER_HOURS.match(text, match.end())
    if rate is not None and int(rate.group(1) or 1) > 0:
        # A rate is given continuously: so much a day whatever the line says of how often a patch is changed.
        hours = int(rate.group(1) or 1)
        per_day = round(amount * 24 / hours, 4)
        changed = "" if per is None or per == 1 else "; the frequency written is read as how often it is changed"
        notes.append(f"read as {amount:g} {unit} per {'hour' if hours == 1 else f'{hours} hours'}: "
                     f"{per_day:g} {unit} a day{changed}")
    elif per is None and unit not in _PER_BODY:
        notes.append("no frequency given: dose thresholds compare it as taken once a day")
    if cycle:
        notes.append(f"taken on days {cycle.group(1)}-{cycle.group(2)} of a cycle: the amount a day applies on those days")
    route = route_of(text)
    if route and route != "oral":
        notes.append(f"route {route}: the graph's facts are for oral use unless they say otherwise; "
                     "checked as taken by mouth")
    dose = Dose(amount=amount, unit=unit, per_day=per_day, text=rest, frequency=round(per, 4) if per else None,
                count=count, strength=strength if count is not None else None, route=route)
    return ParsedItem(text, name or text, dose, form, tuple(notes))


_MASS = {"mcg": 0.001, "mg": 1.0, "g": 1000.0}


_PER_BODY = ("mg/m2", "mg/kg", "mcg/kg", "IU/kg", "unit/kg")


def convert(amount: float, unit: str, to: str) -> float | None:
    """Convert between mass units; None when the units cannot be compared (IU against mg)."""
    if unit == to:
        return amount
    if unit in _MASS and to in _MASS:
        return amount * _MASS[unit] / _MASS[to]
    return None


def amount_in_unit(text: str, unit: str) -> float | None:
    """An amount stated in `unit` somewhere in a dose text ("25 mcg (1,000 IU)" has 1000 IU), else None."""
    for match in _DOSE.finditer(clean(text)):
        if _unit(match.group(3)) == unit and len(match.group(2) or match.group(1)) <= 20:
            return _number(match.group(2) or match.group(1))
    return None


# Conversions that depend on the nutrient's form, stated wherever they are used.
# Vitamin E: 1 IU is 0.67 mg of natural (RRR-, "d-alpha") and 0.45 mg of synthetic (all-rac-, "dl-alpha")
# alpha-tocopherol (Institute of Medicine, Dietary Reference Intakes for Vitamin C, Vitamin E, Selenium,
# and Carotenoids, National Academies Press 2000, p. 244). Where the form is not named, the factor that
# gives the larger amount is used, so a threshold is never missed.
# Vitamin D: 1 mcg cholecalciferol = 40 IU; folate: 1 mcg DFE = 0.6 mcg folic acid taken with food
# or 0.5 mcg on an empty stomach (Institute of Medicine DRI tables, National Academies Press 2011,
# p. 1106, footnotes b and f). A label in mcg DFE is read as folic acid at 0.6, the larger amount.
# Vitamin A: one IU is 0.3 mcg of all-trans-retinol or 0.6 mcg of all-trans-beta-carotene, and 1 mcg RAE is
# 1 mcg retinol, 2 mcg supplemental beta-carotene or 12 mcg dietary beta-carotene (FDA, Guidance for Industry:
# Converting Units of Measure for Folate, Niacin, and Vitamins A, D, and E on the Nutrition and Supplement
# Facts Labels, August 2019, docket FDA-2016-D-4484; the RAE definition is that of 21 CFR 101.9(c)(8)(iv)).
# So an IU of retinol or of supplemental beta-carotene is 0.3 mcg RAE, and an IU of beta-carotene from food
# 0.05 mcg RAE; a supplement's mcg of vitamin A are mcg RAE. Beta-carotene itself: 0.6 mcg per IU.
_VITAMIN_A = "https://w3id.org/suppcheck/supplement/vitamin-a"
_BETA_CAROTENE = "https://w3id.org/suppcheck/supplement/beta-carotene"
_VITAMIN_E = "https://w3id.org/suppcheck/supplement/vitamin-e"
_VITAMIN_D = "https://w3id.org/suppcheck/supplement/vitamin-d"
_FOLIC_ACID = "https://w3id.org/suppcheck/supplement/folic-acid"
FISH_OIL = _FISH_OIL = "https://w3id.org/suppcheck/supplement/fish-oil"
_EPA = lazy_re(r"\bEPA\b[^0-9]{0,12}(\d+(?:[.,]\d+)?)\s*mg", re.IGNORECASE)
_DHA = lazy_re(r"\bDHA\b[^0-9]{0,12}(\d+(?:[.,]\d+)?)\s*mg", re.IGNORECASE)


def _strength_of(text: str, amount: float) -> float:
    """The first amount on the line (the strength of one unit), to scale EPA+DHA stated per unit."""
    first = _DOSE.search(text)
    if first is None or _unit(first.group(3)) not in _MASS:
        return amount
    value = _number(first.group(2) or first.group(1)) * _MASS[_unit(first.group(3))]
    return value if value else amount


def nutrient_convert(entity: str, amount: float, unit: str, to: str, text: str) -> tuple[float, str] | None:
    """`amount` of `unit` in `to` for a nutrient whose units depend on its form, with how it was converted."""
    if entity == _VITAMIN_E and {unit, to} == {"mg", "IU"}:
        natural = re.search(r"\b(d-alpha|rrr|natural)\b", text, re.IGNORECASE) and not re.search(
            r"\bdl-alpha|all-rac|synthetic\b", text, re.IGNORECASE)
        synthetic = re.search(r"\bdl-alpha|all-rac|synthetic\b", text, re.IGNORECASE)
        if unit == "mg":  # mg -> IU: 1.49 IU per mg natural, 2.22 synthetic
            factor, form = (1 / 0.67, "natural") if natural else (1 / 0.45, "synthetic or unstated")
        else:  # IU -> mg: 0.67 mg per IU natural, 0.45 synthetic
            factor, form = (0.45, "synthetic") if synthetic else (0.67, "natural or unstated")
        value = amount * factor
        return value, f"vitamin E {amount:g} {unit} = {value:.0f} {to} ({form} form, {factor:.2f} {to} per {unit})"
    if entity == _FISH_OIL and unit in _MASS and to in _MASS:
        # Fish-oil thresholds are grams of EPA+DHA; a line that states both is compared on their sum.
        epa, dha = _EPA.search(text), _DHA.search(text)
        if epa and dha:
            total = (_number(epa.group(1)) + _number(dha.group(1))) * (amount / _strength_of(text, amount))
            value = total / _MASS[to]
            return value, f"fish oil compared on its EPA+DHA: {total:g} mg a dose = {value:g} {to}"
    mcg = {"mcg": 1.0, "mg": 1000.0}
    if entity == _FOLIC_ACID and unit in mcg and to in mcg and re.search(r"\bDFE\b", text, re.IGNORECASE):
        value = amount * mcg[unit] * 0.6 / mcg[to]
        return value, f"folate {amount:g} {unit} DFE = {value:g} {to} folic acid (0.6 mcg folic acid per mcg DFE)"
    if entity == _VITAMIN_A and "IU" in (unit, to) and (unit in mcg or to == "mcg"):
        carotene = re.search(r"beta[- ]?carotene|\u03b2[- ]?carotene", text, re.IGNORECASE)
        dietary = carotene and re.search(r"\b(food|dietary)\b", text, re.IGNORECASE)
        factor = 0.05 if dietary else 0.3
        form = ("beta-carotene from food" if dietary else "as supplemental beta-carotene, which is not preformed "
                "vitamin A" if carotene else "as retinol or its esters")
        value = amount * factor / mcg[to] if unit == "IU" else amount * mcg[unit] / factor
        shown = {"mcg": "mcg RAE", "mg": "mg RAE"}
        return value, (f"vitamin A {amount:g} {shown.get(unit, unit)} = {value:g} {shown.get(to, to)} "
                       f"({form}: {factor:g} mcg RAE per IU)")
    if entity == _BETA_CAROTENE and "IU" in (unit, to) and (unit in mcg or to in mcg):
        value = amount * 0.6 / mcg[to] if unit == "IU" else amount * mcg[unit] / 0.6
        return value, f"beta-carotene {amount:g} {unit} = {value:g} {to} (0.6 mcg beta-carotene per IU)"
    if entity == _VITAMIN_D and "IU" in (unit, to) and (unit in mcg or to in mcg):
        value = amount * mcg[unit] * 40 if unit in mcg else amount / 40 / mcg[to]
        return value, f"vitamin D {amount:g} {unit} = {value:g} {to} (40 IU per mcg)"
    return None
