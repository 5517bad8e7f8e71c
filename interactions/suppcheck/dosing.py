"""Read a regimen line into its name, dose (amount, unit, frequency, per day) and form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from suppcheck.errors import InputError
from suppcheck.models import Dose
from suppcheck.text import clean

_UNIT = (r"mg\s*/\s*m2|mg\s*/\s*kg|mcg|ug|mg|gm|grams?|g|iu|i\.u\.|units?|ml|cfu|billion\s+cfu|%")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
# A range ("2-4 g", "2 to 4 g") is read at its upper bound: a threshold between the bounds may be crossed.
_DOSE = re.compile(rf"(?<![\w.,])({_NUMBER})\s*(?:(?:-|to|–)\s*({_NUMBER})\s*)?({_UNIT})(?![a-z])",
                   re.IGNORECASE)
MAX_DIGITS = 9  # no dose has more digits than this (a billion of any unit); longer is a typing slip
# "4.000 mg" is four in one notation and four thousand in another: such a dose is not guessed.
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_FREQ: list[tuple[re.Pattern[str], float]] = [
    (re.compile(p, re.IGNORECASE), f) for p, f in [
        (r"\b(qid|q\.i\.d\.?|four times (a|per) day|four times daily|4\s*x\s*(a\s*)?(day|daily)|q6h)\b", 4.0),
        (r"\b(tid|t\.i\.d\.?|three times (a|per) day|three times daily|thrice daily|3\s*x\s*(a\s*)?(day|daily)|q8h)\b", 3.0),
        (r"\b(bid|b\.i\.d\.?|twice (a|per) day|twice daily|two times (a|per) day|2\s*x\s*(a\s*)?(day|daily)|q12h)\b", 2.0),
        (r"\b(weekly|once (a|per) week|every week|qw|q1w)\b", 1 / 7),
        (r"\b(q2w|every (2|two) weeks|biweekly)\b", 1 / 14),
        (r"\b(q3w|every (3|three) weeks)\b", 1 / 21),
        (r"\b(q4w|every (4|four) weeks|monthly|once a month)\b", 1 / 28),
        (r"\b(qd|q\.d\.|od|daily|once daily|once a day|every day|a day|per day|/\s*day|/d|q24h|qam|qpm|qhs|"
         r"at bedtime|bedtime|before bed|nightly|each day|every morning|every night|every evening)\b", 1.0),
    ]
]
_FOOD = re.compile(r"\b(cups?|brewed|infusion|juice|glass(es)?|culinary|cooking|in food|as food|as a spice|"
                   r"in cooking|dietary intake|with meals as food|tea ?bags?|as tea|a tea|servings?)\b", re.IGNORECASE)
_EXTRACT = re.compile(r"\b(extract|capsules?|caps|tablets?|tabs|softgels?|supplements?|standardi[sz]ed|"
                      r"concentrate|tincture|pills?|powder|gummies|gummy|lozenges?|oil)\b", re.IGNORECASE)
_UNIT_CANON = {"ug": "mcg", "gm": "g", "gram": "g", "grams": "g", "i.u.": "IU", "iu": "IU", "unit": "unit",
               "units": "unit", "ml": "mL", "mg/m2": "mg/m2", "mg/kg": "mg/kg"}


@dataclass(frozen=True)
class ParsedItem:
    """A regimen line split into the part that names the product and the rest."""

    text: str
    name: str
    dose: Dose | None
    form: str | None
    notes: tuple[str, ...] = ()


def _number(raw: str) -> float:
    """'50,000' is fifty thousand; '1,5' is one and a half."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    return float(raw.replace(",", "."))


def _unit(raw: str) -> str:
    key = re.sub(r"\s+", "", raw.lower())
    return _UNIT_CANON.get(key, key)


def frequency(text: str) -> float | None:
    """Administrations per day named in the text, or None."""
    for pattern, per_day in _FREQ:
        if pattern.search(text):
            return per_day
    return None


def form_of(text: str) -> str | None:
    """'extract' or 'food' when the text says which, else None."""
    if _EXTRACT.search(text) and not re.search(r"\b(brewed|cups?)\b", text, re.IGNORECASE):
        return "extract"
    if _FOOD.search(text):
        return "food"
    return None


def _where(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _check_number(raw: str, text: str) -> None:
    if len(re.sub(r"\D", "", raw)) > MAX_DIGITS:
        raise InputError(f"the dose '{raw[:20]}{'…' if len(raw) > 20 else ''}' has more than {MAX_DIGITS} digits; "
                         "give the dose as written on the label", where=_where(text))


def _negative(text: str, start: int) -> bool:
    """'-5 g' is a negative dose; '2-5 g' is a range and 'fish oil - 5 g' a dash."""
    return start > 0 and text[start - 1] == "-" and (start == 1 or not text[start - 2].isalnum())


def parse_item(raw: str, form_hint: str | None = None) -> ParsedItem:
    """Split 'St John's wort 300 mg three times daily' into name, dose and form."""
    text = clean(raw)
    match = _DOSE.search(text)
    if match is None:
        return ParsedItem(text, text, None, form_hint or form_of(text))
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
    per = frequency(rest)
    # Weekly doses still have a daily equivalent; cycle-based dosing (q3w chemotherapy) does not.
    per_day = round(amount * per, 4) if per is not None and per >= 1 / 7 else None
    dose = Dose(amount=amount, unit=unit, per_day=per_day, text=rest)
    return ParsedItem(text, name or text, dose, form, tuple(notes))


_MASS = {"mcg": 0.001, "mg": 1.0, "g": 1000.0}


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
