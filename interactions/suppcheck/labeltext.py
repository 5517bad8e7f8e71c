"""Label text as pasted or OCR'd: cleaning, OCR repairs, section and row structure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from suppcheck.text import clean

# Stray symbols of printed panels: trademark signs, footnote daggers, bullets, table rules.
_STRAY = re.compile(r"[®™©†‡•·¤§¶|¦~^_=<>\[\]{}\\]+|\*+")
# An amount token starts only where a run of digit-like characters starts: trying every position inside a
# long run (20,000 digits) backtracked to the run's end from each one, quadratic in the line.
_NUM_TOKEN = re.compile(r"(?<![0-9A-Za-z,.])([0-9OolI][0-9OolI,.]*[0-9OolI])"
                        r"(?=\s*(?:mg|mcg|g|iu|%|ug|rng|rncg|meg)\b)", re.IGNORECASE)
_UNIT_FIX = [(re.compile(r"(?<=\d)\s*rncg\b", re.IGNORECASE), " mcg"), (re.compile(r"(?<=\d)\s*rng\b", re.IGNORECASE), " mg"),
             (re.compile(r"(?<=\d)\s*meg\b", re.IGNORECASE), " mcg"), (re.compile(r"(?<=\d)\s*[lI]U\b"), " IU"),
             (re.compile(r"(?<=\d)\s*pg\b", re.IGNORECASE), " mcg")]
_SECTION = {
    "other": re.compile(r"^\s*(other|inactive|non-?medicinal)\s+ingredients?\b\s*[:.\-]?\s*", re.IGNORECASE),
    "directions": re.compile(r"^\s*(directions(\s+for\s+use)?|suggested\s+use|recommended\s+use|"
                             r"dosage|usage|how\s+to\s+use|adults?\s*:|(adults\s+)?(take|chew|steep|brew|mix|"
                             r"dissolve|shake|add|place)\s+(\d|one|two|three|a|an|1|2)\b)\s*[:.\-]?\s*", re.IGNORECASE),
    "warning": re.compile(r"^\s*(warnings?|cautions?|keep\s+out|do\s+not\s+use|consult|store|storage|"
                          r"distributed|manufactured|made\s+in|these\s+statements|this\s+product\s+is\s+not|"
                          r"allergen|contains\s*:|lot\b|exp\b|best\s+by|questions|www\.|visit)", re.IGNORECASE),
    "panel": re.compile(r"^\s*(supplement|nutrition)\s+facts\b", re.IGNORECASE),
    "ingredients": re.compile(r"^\s*(active\s+)?ingredients?\s*[:\-]\s*", re.IGNORECASE),
    "serving": re.compile(r"^\s*serving\s+size\b", re.IGNORECASE),
    "header": re.compile(r"^\s*(amount\s+per\s+(serving|capsule|tablet|2)|%\s*d(aily)?\s*v(alue)?|"
                         r"servings?\s+per\s+container|each\s+(capsule|tablet|softgel)\s+contains)", re.IGNORECASE),
    "footnote": re.compile(r"^\s*(\*+|†|‡)?\s*(percent\s+)?daily\s+values?\b|^\s*\*+\s*daily|^\s*%?\s*dv\s+not|"
                           r"not\s+established", re.IGNORECASE),
}
_FREE = re.compile(r"\b(free|free\s+of|does\s+not\s+contain|contains\s+no|no\s+added|without|non-gmo)\b", re.IGNORECASE)
_MACRO = re.compile(r"^\s*(includes|calories|total\s+fat|saturated\s+fat|trans\s+fat|cholesterol|total\s+carbohydrates?|"
                    r"dietary\s+fiber|total\s+sugars|sugars|added\s+sugars|protein|sodium)\b", re.IGNORECASE)
_QUALIFIER = re.compile(r"^\(?\s*(standardi[sz]ed|std\.?|providing|yielding|containing|supplying|as\s|from\s|"
                        r"min(imum)?\.?\s|equivalent|which\s+provides)", re.IGNORECASE)
_BLEND = re.compile(r"\b(blend|complex|proprietary|formula|matrix|mix)\b", re.IGNORECASE)


@dataclass
class Row:
    """One ingredient row of a facts panel, with lines wrapped onto it."""

    text: str
    qualifiers: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


@dataclass
class LabelParts:
    rows: list[Row] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    directions: str = ""
    serving: str = ""
    statements: list[str] = field(default_factory=list)
    macronutrients: list[str] = field(default_factory=list)
    had_panel: bool = False


def repair_ocr(line: str) -> str:
    """Fix common OCR slips in amounts and units: 5OO rng -> 500 mg, l00 meg -> 100 mcg."""
    line = _NUM_TOKEN.sub(lambda m: re.sub(r"[Oo]", "0", re.sub(r"[lI]", "1", m.group(1))), line)
    for pattern, repl in _UNIT_FIX:
        line = pattern.sub(repl, line)
    return line


def word_variants(name: str) -> list[str]:
    """OCR-repaired spellings of a name: 0 -> o, 1 -> l, rn -> m, inside words."""
    fixed = re.sub(r"(?<=[A-Za-z])0|0(?=[A-Za-z])", "o", name)
    fixed = re.sub(r"(?<=[A-Za-z])1|1(?=[a-z])", "l", fixed)
    out = [fixed] if fixed != name else []
    if "rn" in fixed:
        out.append(fixed.replace("rn", "m"))
    return out


def ocr_words(line: str) -> str:
    """A copy of a line with OCR slips inside words repaired, for recognising headers."""
    line = re.sub(r"(?<=[A-Za-z])[01]|[01](?=[A-Za-z])", lambda m: "o" if m.group(0) == "0" else "l", line)
    return line.replace("rn", "m")


def has_amount(line: str) -> bool:
    return bool(re.search(r"\d\s*(mg|mcg|g|iu|ug|billion|million|cfu)\b", line, re.IGNORECASE))


def _lines(text: str) -> list[str]:
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean(_STRAY.sub(" ", raw.replace("\t", " ")))
        out.append(repair_ocr(line).strip(" .:;"))
    return out


def split_label(text: str) -> LabelParts:
    """Sort label lines into rows, excipients, directions, serving, statements."""
    parts = LabelParts()
    lines = _lines(text)
    section = "body"
    panel_seen = any(_SECTION["panel"].match(ocr_words(line)) for line in lines)
    in_panel = not panel_seen
    past_panel = False  # the inactive list has begun: the panel, if any, is over
    pending = ""
    for i, line in enumerate(lines):
        if not line:
            if section in ("other", "directions", "warning"):
                section = "body"
            continue
        probe = ocr_words(line)
        kind = next((k for k, rx in _SECTION.items() if rx.match(probe)), None)
        if kind == "panel":
            in_panel, section, parts.had_panel = True, "body", True
            rest = _SECTION["panel"].sub("", probe).strip()
            if not rest:
                continue
            line, kind = rest, next((k for k, rx in _SECTION.items() if rx.match(rest)), None)
        if kind == "other":
            section, in_panel, past_panel = "other", False, True
            parts.other.extend(_split_list(_SECTION["other"].sub("", line)))
            continue
        if kind == "directions":
            section = "directions"
            parts.directions += " " + line
            continue
        if kind == "ingredients" and not (panel_seen and in_panel):
            section = "body"
            for member in _split_list(_SECTION["ingredients"].sub("", line)):
                parts.rows.append(Row(member))
            continue
        if kind == "warning":
            section = "warning"
            if _FREE.search(line):
                parts.statements.append(line)
            continue
        if kind == "serving":
            parts.serving = line
            continue
        if kind in ("header", "footnote"):
            continue
        if _FREE.search(line) and not has_amount(line):
            parts.statements.append(line)
            continue
        if section == "other" and not has_amount(line):
            parts.other.extend(_split_list(line))
            continue
        if section == "directions":
            parts.directions += " " + line
            continue
        if section == "warning":
            continue
        if _MACRO.match(line):
            parts.macronutrients.append(line)
            continue
        # A line with an amount after the panel (past the inactive list) is an active row: dropping it, or
        # calling it inactive, would leave an active unchecked without a word. Before the panel it is the title.
        if (not in_panel and not (past_panel and has_amount(line))) or not re.search(r"[A-Za-z]{2}", line):
            continue
        section = "body"
        pending = _add_row(parts, line, pending, lines[i + 1] if i + 1 < len(lines) else "")
    if pending:
        parts.rows.append(Row(pending))
    return parts


def _add_row(parts: LabelParts, line: str, pending: str, following: str) -> str:
    """Place one panel line: a new row, a wrapped part of one, a qualifier, or blend members."""
    prev = parts.rows[-1] if parts.rows else None
    starts_lower = line[:1].islower() or line[:1] in "(,"
    if _QUALIFIER.match(line) and prev is not None and not pending:
        prev.qualifiers.append(line.strip("() "))
        return ""
    head = line.split(":", 1)[0]
    if ":" in line and _BLEND.search(head) and not has_amount(head):
        if pending:
            parts.rows.append(Row(pending))
        parts.rows.append(Row(head.strip(), members=_split_list(line.split(":", 1)[1])))
        return ""
    if has_amount(line) or re.match(r"^\d", line):
        if pending and (starts_lower or re.match(r"^\d", line)):
            parts.rows.append(Row(f"{pending} {line}"))
        else:
            if pending:
                parts.rows.append(Row(pending))
            parts.rows.append(Row(line))
        return ""
    if prev is not None and _BLEND.search(prev.text) and not pending and (":" not in line or "," in line):
        prev.members.extend(_split_list(line))
        return ""
    if pending:
        if starts_lower or pending.endswith((",", "-", "(", " and", " with")):
            return f"{pending} {line}"
        parts.rows.append(Row(pending))
    if following and (has_amount(following) and (following[:1].islower() or following[:1] in "(" or
                                                 re.match(r"^\d", following))):
        return line
    if line.endswith((",", "-", "(", " and", " with")):
        return line
    if ":" in line and _BLEND.search(line.split(":", 1)[0]):
        name, members = line.split(":", 1)
        parts.rows.append(Row(name.strip(), members=_split_list(members)))
        return ""
    parts.rows.append(Row(line))
    return ""


def _split_list(text: str) -> list[str]:
    """Comma or semicolon separated names, keeping commas inside parentheses."""
    items, depth, current = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    out = []
    for item in items:
        item = re.sub(r"^\s*(and|&)\s+", "", item.strip(" .:*"))
        if item:
            out.append(item)
    return out
