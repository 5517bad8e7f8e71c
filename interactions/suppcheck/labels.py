"""Read a supplement label: its actives with amounts, its excipients, and check it against a regimen."""

from __future__ import annotations

import functools
import re

from suppcheck.dosing import ParsedItem, frequency, parse_item
from suppcheck.engine import Checker, caffeine_free, smoked
from suppcheck.errors import InputError
from suppcheck.inference import Party
from suppcheck.labeltext import _BLEND, _DOSAGE_FORM, _TCM_PART, Row, is_excipient, split_label, word_variants
from suppcheck.matching import Resolution
from suppcheck.models import Candidate, CheckResult, Dose, Item, Match, Reading, Regimen, Role, Status
from suppcheck.records import Field, Record
from suppcheck.text import clean, normalize

# A label is read whole up to this size (reading is linear: about 10 s for this much garbage); a longer
# text is refused as a whole, never cut, so nothing past a cut goes unread.
MAX_LABEL_CHARS = 2_000_000
_LABEL_WORDS = re.compile(r"\b(organic|certified|wild|wildcrafted|pure|premium|whole|full[- ]spectrum|extract|"
                          r"powder|powdered|standardi[sz]ed|root|roots|rhizome|leaf|leaves|seed|seeds|fruit|berry|bark|"
                          r"flower|flowers|aerial|parts?|herb|plant|fruiting|body|bodies|mycelium|concentrate|oil|"
                          r"complex|natural|naturally|occurring|raw|fermented|freeze[- ]dried|dried|std|ratio|"
                          r"capsules?|caps|tablets?|softgels?|gumm(?:y|ies)|liquid|drops|tincture|spray|chewables?|"
                          r"\d+\s*:\s*\d+)\b", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:as|from|in\s+the\s+form\s+of|incl\.?)\s+", re.IGNORECASE)
# "Calcium d-Pantothenate equivalent to Pantothenic Acid": the name after "equivalent to" is what it gives.
_EQUIVALENT = re.compile(r"\bequivalent\s+to\s+(?:[\d.,\s-]*(?:mg|mcg|g)?\s*(?:of\s+)?)?([^()]+)", re.IGNORECASE)
_NOTE = re.compile(r"\s+note\b.*$", re.IGNORECASE)
# Latin genitive endings and their nominatives, the longest ending first.
_GENITIVE = [("acis", "ax"), ("icis", "ex"), ("ycis", "yx"), ("eris", "er"), ("ii", "ius"), ("ae", "a"), ("i", "us")]
_ROW_AMOUNT = re.compile(r"(?<![\w.,])-?\d[\d,.]*\s*(?:(?:-|to|–)\s*\d[\d,.]*\s*)?(?:mg|mcg|ug|gm|g|iu|ml)(?![a-z])",
                         re.IGNORECASE)
_STRENGTH = re.compile(r"\d\s*(?:%|mg|mcg|ug|g|iu)\b|\d\s*%", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.])[<>]?\d+(?:[.,]\d+)?\s*%")
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}
_DOSAGE_UNIT = r"(capsules?|caps|tablets?|tabs|softgels?|gummies|gummy|scoops?|servings?|drops|droppers?|" \
               r"teaspoons?|tsp|packets?|lozenges?|vegcaps?|chewables?)"


class LabelIngredient(Record):
    """One active ingredient as read from the label."""

    _pydantic_config = {"frozen": True}
    _remember_text = True  # the same row of the same product is the same ingredient record (see _ingredient)
    text: str = Field(description="The label row as read")
    name: str = Field(description="The ingredient name on the label")
    status: Status
    match: Match | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    amount: float | None = Field(default=None, description="Amount per serving")
    unit: str | None = None
    per_day: float | None = Field(default=None, description="Amount per day, from the directions")
    qualifiers: list[str] = Field(default_factory=list, description="'standardized to 95% curcuminoids', 'as ...'")
    blend: str | None = Field(default=None, description="The proprietary blend it belongs to, if any")
    notes: list[str] = Field(default_factory=list, description="How the row was read: an amount that could not "
                                                               "be read, a range read at its upper bound")
    unread: list[str] = Field(default_factory=list, description="Parts of the row that could not be read (an "
                                                                "amount): the row was checked without them")


class LabelReading(Record):
    """What a label says: actives, excipients, serving and directions."""

    _pydantic_config = {"frozen": True}
    ingredients: list[LabelIngredient]
    excipients: list[str] = Field(description="Inactive ingredients: known and left out of the check")
    statements: list[str] = Field(description="'free of' claims and similar: never actives")
    serving: str | None = None
    servings_per_day: float | None = Field(default=None, description="From the directions, when they say")
    not_checked: list[str] = Field(description="Actives that were not recognised, and so not checked")
    unread: list[str] = Field(default_factory=list, description="Rows read only in part (their amount could not "
                                                                "be read): checked without the part")


def _resolve(checker: Checker, name: str) -> Resolution:
    """Try the name, its OCR repairs, its bracketed or Latin names, and the name without label words."""
    return _resolve_short(checker, name) if len(name) <= 300 else _resolve_any(checker, name)


def _resolve_any(checker: Checker, name: str) -> Resolution:
    """The resolution itself (see _resolve)."""
    tried: list[str] = []
    base, candidates = _candidates(name)
    for candidate in candidates:
        candidate = " ".join(_LEAD.sub("", candidate).split()).strip(" ,;:-")
        if len(candidate) < 2 or candidate in tried:
            continue
        tried.append(candidate)
        res = checker.resolve(candidate, "supplement")
        if res.status is not Status.unrecognized:
            return res
    return checker.resolve(base or name, "supplement")


# Label names repeat across a batch; each is tried against the graph once per checker.
_resolve_short = functools.lru_cache(maxsize=16384)(_resolve_any)


def _candidates(name: str) -> tuple[str, list[str]]:
    """The spellings of one label name worth trying, most specific first."""
    base = re.sub(r"\s+", " ", _NOTE.sub("", name)).strip(" ,;:-")
    base = re.sub(r"^\d{1,2}\.\s+", "", base)
    inner = re.findall(r"\(([^()]*)\)", base)
    outer = re.sub(r"\([^()]*\)", " ", base)
    first: list[str] = []
    equivalent = _EQUIVALENT.search(base)
    if equivalent:
        first.append(equivalent.group(1))
    parts = [p for i in inner for p in i.split(",") if "," in i]
    bare = _LABEL_WORDS.sub(" ", outer)
    joined = re.sub(r"\b([A-Za-z])-(\d{1,2})\b", r"\1\2", base)  # "Vitamin D-3" is vitamin D3
    if joined != base:
        first.append(joined)
    return base, [*first, base, *word_variants(base), outer, *inner, *parts, bare, *word_variants(bare),
                  *_latin_names(base)]


def _latin_names(text: str) -> list[str]:
    """A Chinese herb's pharmaceutical name read as its Latin plant name: 'Radix Glycyrrhizae' -> 'Glycyrrhiza'."""
    found = _TCM_PART.search(text)
    if not found:
        return []
    words = re.findall(r"[A-Za-z]+", text[found.end():])[:3]
    if not words:
        return []
    out = []
    for genus in _nominative(words[0]):
        if len(words) == 1:
            out.append(genus)
        for epithet in _nominative(words[1]) if len(words) > 1 else []:
            out.append(" ".join([genus, epithet.lower(), *words[2:]]))
    return out


def _nominative(word: str) -> list[str]:
    """A Latin genitive and the nominative it most likely comes from ('Panacis' -> 'Panax')."""
    for end, nominative in _GENITIVE:
        if word.lower().endswith(end) and len(word) > len(end) + 2:
            return [word[: -len(end)] + nominative, word]
    return [word]


def _is_known(checker: Checker, name: str) -> bool:
    """Whether the graph knows a label name as a supplement (recognised, or a near name it is checked as)."""
    res = _resolve(checker, name)
    return any(checker.kb.entities[i].kind == "supplement" for i in res.entities)


def _servings_per_day(directions: str, serving: str) -> float | None:
    if not directions.strip():
        return None
    text = directions.lower()
    per = frequency(text)
    # Counts of capsules or scoops have at most three digits; a number starts only where digits start, so a
    # long run of digits is tried once, not from every position in it.
    count_match = re.search(rf"\b(\d{{1,3}}(?:\.\d+)?|one|two|three|four|five|six|an?)\s*(?:\(\d+\)\s*)?{_DOSAGE_UNIT}",
                            text)
    count = None
    if count_match:
        raw = count_match.group(1)
        count = float(raw) if raw[0].isdigit() else float(_COUNT_WORDS[raw])
    serving_count = None
    sm = re.search(rf"(?<![\d.])(\d{{1,3}}(?:\.\d+)?|one|two|three|four)\s*(?:\(\d+\)\s*)?{_DOSAGE_UNIT}",
                   serving.lower())
    if sm:
        raw = sm.group(1)
        serving_count = float(raw) if raw[0].isdigit() else float(_COUNT_WORDS[raw])
    if per is None:
        return None
    if count is None or (count_match and count_match.group(2).startswith("serving")):
        return per * (count or 1)
    return per * count / (serving_count or count)


def _parse_row(text: str) -> tuple[ParsedItem, str | None]:
    """The row split into name and amount; an amount that cannot be read is left out and said so."""
    # Each row is parsed three times on its way (excipient test, reading, dose text); batches repeat rows.
    return _parse_short_row(text) if len(text) <= 300 else _parse_any_row(text)


def _parse_any_row(text: str) -> tuple[ParsedItem, str | None]:
    """The parse itself (see _parse_row)."""
    try:
        return _split_row(text), None
    except InputError as exc:
        cleaned = clean(text)
        name = re.split(r"\s*[-+]?\d", cleaned, maxsplit=1)[0].strip(" ,;:-(") or cleaned
        problem = str(exc).split(": ", 1)[-1] if exc.where else str(exc)
        return ParsedItem(cleaned, name, None, None), f"the amount could not be read ({problem})"


_parse_short_row = functools.lru_cache(maxsize=8192)(_parse_any_row)


def _split_row(text: str) -> ParsedItem:
    """A row's name and dose: the dose is its own amount outside brackets, not a strength or a daily value."""
    # "(Organic Flaxseed Oil Note: (1 g)) 1000 mg": a name wholly in brackets is the name.
    whole = re.match(r"^\((.*)\)\s*(\d[^()]*)$", text)
    if whole:
        text = f"{whole.group(1)} {whole.group(2)}"
    start = _own_amount(text)
    if start is None:
        return parse_item(text)
    parsed = parse_item("x " + _PERCENT.sub(" ", text[start:]))
    return ParsedItem(clean(text), _row_name(text[:start]) or parsed.name, parsed.dose, parsed.form, parsed.notes)


def _own_amount(text: str) -> int | None:
    """Where the row's own amount starts: the first mass amount outside brackets, or None."""
    depth, seen = 0, 0
    for found in _ROW_AMOUNT.finditer(text):
        depth += text.count("(", seen, found.start()) - text.count(")", seen, found.start())
        seen = found.start()
        if depth <= 0:
            return found.start()
    return None


def _row_name(text: str) -> str:
    """The name part of a row without its strengths: '(95% curcuminoids)' and '16% polysaccharides' go."""
    groups = [g for g in _bracket_groups(text) if not (g.startswith("(") and _STRENGTH.search(g))]
    name, tail = "", []
    for group in groups:
        if tail or (not group.startswith("(") and _PERCENT.search(group)):
            # What follows a strength is its description, except a bracket naming the form.
            tail.append(group)
            if not name:
                name = _PERCENT.split(group, maxsplit=1)[0]
        else:
            name += group
    name += " ".join(g for g in tail if g.startswith("("))
    return clean(name).strip(" ,;:-(")


def _bracket_groups(text: str) -> list[str]:
    """The text cut into top-level bracket groups and the runs between them."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0 and i > start:
                out.append(text[start:i])
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:i + 1])
                start = i + 1
    out.append(text[start:])
    return [p for p in out if p]


def _ingredient(checker: Checker, row_text: str, qualifiers: list[str], blend: str | None,
                servings: float | None) -> LabelIngredient:
    """One row read as an ingredient: its name resolved, its amount per serving and per day. A batch repeats
    rows (the same product for many people): the same row gives the same record, remembered per checker."""
    memo = checker._label_rows
    key = (row_text, tuple(qualifiers), blend, servings)
    found = memo.get(key)
    if found is None:
        if len(memo) > 50_000:
            memo.clear()
        found = memo[key] = _read_ingredient(checker, row_text, qualifiers, blend, servings)
    return found


def _read_ingredient(checker: Checker, row_text: str, qualifiers: list[str], blend: str | None,
                     servings: float | None) -> LabelIngredient:
    parsed, problem = _parse_row(row_text)
    name = re.sub(r"\s+\d+(\.\d+)?\s*%.*$", "", parsed.name).strip(" ,;:-")
    if not name:
        name = parsed.name
    res = _resolve(checker, name)
    amount = parsed.dose.amount if parsed.dose else None
    unit = parsed.dose.unit if parsed.dose else None
    per_day = round(amount * servings, 4) if amount is not None and servings else None
    # A row names no frequency of its own: where the directions give the servings a day, its amount a day is
    # theirs, and the row's "no frequency given" would contradict it.
    notes = [n for n in parsed.notes if not (per_day is not None and n.startswith("no frequency given"))]
    notes += [problem] if problem else []
    unread = [problem] if problem else [n for n in parsed.notes if "was not read" in n]
    return LabelIngredient(text=row_text, name=name, status=res.status, match=res.match, candidates=res.candidates,
                           amount=amount, unit=unit, per_day=per_day, qualifiers=qualifiers, blend=blend,
                           notes=notes, unread=unread)


def read_label(checker: Checker, text: str) -> LabelReading:
    """The ingredients of one label text, read whole; a text longer than MAX_LABEL_CHARS is refused."""
    if len(text) > MAX_LABEL_CHARS:
        raise InputError(f"the label text has {len(text):,} characters, more than the {MAX_LABEL_CHARS:,} read in "
                         "one label: nothing of it was read; split it into separate labels", where="label")
    parts = split_label(text, functools.partial(_is_known, checker))
    servings = _servings_per_day(parts.directions, parts.serving)
    excipients = list(dict.fromkeys(parts.other))
    ingredients = _ingredients(checker, parts.rows, servings, excipients)
    not_checked = [i.name for i in ingredients if i.status is Status.unrecognized]
    unread = [i.text for i in ingredients if i.unread]
    return LabelReading(ingredients=ingredients, excipients=list(dict.fromkeys(excipients)),
                        statements=parts.statements, serving=parts.serving or None, servings_per_day=servings,
                        not_checked=not_checked, unread=unread)


def _ingredients(checker: Checker, rows: list[Row], servings: float | None,
                 excipients: list[str]) -> list[LabelIngredient]:
    """Panel and list rows first; prose only adds what they lack, and titles only when nothing else is known."""
    out: list[LabelIngredient] = []
    seen: set[str] = set()
    known = False
    for tier in (0, 1, 2):
        if tier == 2 and known:
            break
        found_known = False
        for row in (r for r in rows if r.tier == tier):
            if row.scan:
                found = _named_in(checker, row.text, servings)
            else:
                found = _row_ingredients(checker, row, servings, excipients if tier == 0 else [])
            for ing in found:
                if _kept(ing, row, known, seen):
                    found_known = found_known or ing.status is not Status.unrecognized
                    out.append(ing)
        known = known or found_known
    return out


def _kept(ing: LabelIngredient, row: Row, known: bool, seen: set[str]) -> bool:
    """Whether a row's ingredient is reported: an unknown name only from a panel or list, or from prose that is
    all there is; from prose or a title only what panel and list rows did not already name."""
    recognised = ing.status is not Status.unrecognized
    if not recognised and (row.known_only or (row.tier and known)):
        return False
    key = ing.match.id if ing.match else normalize(ing.name)
    near = [c.id for c in ing.candidates] if ing.status is Status.ambiguous else []
    if row.tier and (key in seen or (near and all(i in seen for i in near))):
        return False
    seen.add(key)
    seen.update(near)
    return True


def _named_in(checker: Checker, text: str, servings: float | None) -> list[LabelIngredient]:
    """The supplements the graph knows that a sentence names ('piperine ... has been added')."""
    out = []
    words = text.split()
    for start in range(0, max(len(words), 1), 30):
        chunk = " ".join(words[start:start + 40])
        for found, ids in checker.resolver.names_in(chunk).others:
            if not any(checker.kb.entities[i].kind == "supplement" for i in ids):
                continue
            pattern = r"\W+".join(re.escape(w) for w in found.split())
            written = re.search(pattern, chunk.replace("'", "").replace("’", ""), re.IGNORECASE)
            out.append(_ingredient(checker, written.group(0) if written else found, [], None, servings))
    return out


def _row_ingredients(checker: Checker, row: Row, servings: float | None,
                     excipients: list[str]) -> list[LabelIngredient]:
    """The ingredients of one row: itself, or a blend's members; an inactive name goes to the excipients."""
    parsed = _parse_row(row.text)[0]
    parsed_name = parsed.name
    # A row with its own amount in a panel is an active, whatever its name ("Rosemary extract 18 mg").
    if is_excipient(parsed_name) and (parsed.dose is None or parsed.dose.amount is None
                                      or _DOSAGE_FORM.match(normalize(parsed_name))):
        excipients.append(parsed_name)
        return []
    out = []
    blend = None
    if _BLEND.search(parsed_name) or row.members:
        blend = parsed_name
        if not row.members:
            # A blend that names no members is reported, never dropped: its contents are unknown.
            out.append(_ingredient(checker, row.text, row.qualifiers, None, servings))
    else:
        out.append(_ingredient(checker, row.text, row.qualifiers, None, servings))
    for member in row.members:
        if is_excipient(member):
            excipients.append(member)
            continue
        out.append(_ingredient(checker, member, [], blend, servings))
    return out


def _one_per_entity(ingredients: list[LabelIngredient]) -> list[LabelIngredient]:
    """Rows naming the same entity (fish oil, its omega-3 total, EPA, DHA) are checked once, at the largest amount."""
    out: dict[str, LabelIngredient] = {}
    order: list[str] = []
    for ing in ingredients:
        key = ing.match.id if ing.match else f"row:{len(order)}:{ing.text}"
        current = out.get(key)
        if current is None:
            out[key] = ing
            order.append(key)
        elif ing.unit == current.unit and (ing.per_day or ing.amount or 0) > (current.per_day or current.amount or 0):
            out[key] = current.model_copy(update={"amount": ing.amount, "per_day": ing.per_day})
    return [out[k] for k in order]


def check_label(checker: Checker, text: str, regimen: Regimen | None = None) -> tuple[LabelReading, CheckResult]:
    """Read a label and check its recognised actives against a regimen, as `check` does."""
    reading = read_label(checker, text)
    if not reading.ingredients:
        # Nothing read is not "nothing found": the label is an error, whatever the regimen holds.
        raise InputError(_nothing_read(text, reading), where="label")
    regimen = regimen or Regimen()
    prepared = [checker.item(entry, Role.drug) for entry in regimen.drugs]
    prepared += [checker.item(entry, Role.supplement) for entry in regimen.supplements]
    form = "food" if re.search(r"\b(tea\s*bags?|steep|brew(ed)?|infusion)\b", text, re.IGNORECASE) else "extract"
    items = checker._label_items
    if len(items) > 50_000:
        items.clear()
    for ing in _one_per_entity(reading.ingredients):
        # The same ingredient record (see _ingredient) in the same form is the same item: remembered, so a
        # batch reasons over it, and writes it, once.
        found = items.get((id(ing), form))
        if found is not None and found[0] is ing:
            prepared.append(found[1])
            continue
        dose = None
        if ing.amount is not None:
            per = "per serving" + (f", {ing.per_day:g} {ing.unit} a day" if ing.per_day is not None else "")
            stated = _parse_row(ing.text)[0].dose
            dose = Dose(amount=ing.amount, unit=ing.unit, per_day=ing.per_day,
                        text=f"{stated.text if stated else f'{ing.amount:g} {ing.unit}'} ({per})")
        how = Reading(unread=ing.unread, notes=ing.notes) if ing.unread or ing.notes else None
        item = Item(input=ing.text, role=Role.supplement, status=ing.status, match=ing.match,
                    candidates=ing.candidates, dose=dose, reading=how)
        entities = [ing.match.id] if ing.match else [c.id for c in ing.candidates] if ing.status is Status.ambiguous else []
        parties = []
        for iri in entities:
            assumption = None
            if ing.status is Status.ambiguous:
                assumption = f"'{ing.name}' is ambiguous: this finding assumes {checker.kb.name_of(iri)}"
            parties.append(Party(ing.text, iri, dose, form, assumption, caffeine_free=caffeine_free(ing.text),
                                 smoked=smoked(ing.text) if checker.reasoner.has_form(iri, "smoked") else None))
        prepared.append((item, parties))
        items[(id(ing), form)] = (ing, (item, parties))
    return reading, checker.check_prepared(prepared, checker.contexts(regimen.context))


def _nothing_read(text: str, reading: LabelReading) -> str:
    """Why no ingredient was read, in the words of the error row."""
    if not text.strip():
        return "the label text is empty: no ingredient could be read, so nothing was checked"
    seen = [f"{len(reading.excipients)} inactive ingredients"] if reading.excipients else []
    seen += [f"{len(reading.statements)} statements"] if reading.statements else []
    found = f" (only {' and '.join(seen)})" if seen else ""
    return (f"no ingredient could be read from the label text{found}, so nothing was checked; "
            "give the Supplement Facts panel or the ingredient list")
