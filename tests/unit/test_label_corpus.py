"""Real supplement label texts (panels, leaflets, listings, prose): actives found, nothing else taken for one."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from suppcheck.labels import LabelReading, read_label

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "label_corpus"
EXPECTED = {name: want for path in sorted(CORPUS.glob("expected-*.json"))
            for name, want in json.loads(path.read_text(encoding="utf-8")).items()}
FOUND_TARGET = 0.95


def key(text: str) -> str:
    """Lower case words only: 'Mentha spicata* (spearmint) leaf' -> 'mentha spicata spearmint leaf'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def label_text(name: str) -> str:
    """The label as pasted: the corpus file without its leading comment lines (source, product, note)."""
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def entities(reading: LabelReading) -> set[str]:
    """The graph names read: a recognised ingredient's match, a near name's candidates."""
    out = set()
    for ing in reading.ingredients:
        if ing.match:
            out.add(ing.match.name)
        elif ing.status.value == "ambiguous":
            out.update(c.name for c in ing.candidates)
    return out


def reported_as_active(reading: LabelReading, not_active: str, actives: set[str]) -> str | None:
    """The ingredient that reports a non-active (excipient, statement, drug, prose word) as an active, if any."""
    wanted, graph_name = key(not_active), not_active.lower()
    for ing in reading.ingredients:
        names = {c.name.lower() for c in ([ing.match] if ing.match else ing.candidates)}
        if key(ing.name) == wanted or graph_name in names:
            return ing.name
        # A row that holds the non-active among its words counts, unless it reads as an expected active.
        if re.search(rf"\b{re.escape(wanted)}\b", key(ing.name)) and not names & {a.lower() for a in actives}:
            return ing.name
    return None


def kept_as_unrecognised(reading: LabelReading, unknown: str) -> bool:
    """Kept and flagged: not recognised, or ambiguous with no entity taken for it."""
    return any((ing.status.value == "unrecognized" or (ing.status.value == "ambiguous" and ing.match is None))
               and key(unknown) in key(ing.name) for ing in reading.ingredients)


@pytest.fixture(scope="module")
def readings(real_checker) -> dict[str, LabelReading]:
    return {name: read_label(real_checker, label_text(name)) for name in EXPECTED}


def test_the_corpus_is_whole():
    files = sorted(p.name for p in CORPUS.glob("[ab]*.txt"))
    assert len(files) >= 80 and files == sorted(EXPECTED)
    for name in files:
        head = (CORPUS / name).read_text(encoding="utf-8").split("\n")[:2]
        assert head[0].startswith("# source:") and head[1].startswith("# product:"), name


def test_actives_are_found(readings):
    found = total = 0
    missed = {}
    for name, want in EXPECTED.items():
        seen = entities(readings[name])
        total += len(want["actives"])
        found += sum(a in seen for a in want["actives"])
        if any(a not in seen for a in want["actives"]):
            missed[name] = [a for a in want["actives"] if a not in seen]
    print(f"\nlabel corpus: {found}/{total} expected actives found ({found / total:.1%}); missed: {missed}")
    assert found / total >= FOUND_TARGET, f"{found}/{total} found; missed {missed}"


def test_no_excipient_statement_or_prose_word_is_reported_as_an_active(readings):
    wrong = {}
    count = 0
    for name, want in EXPECTED.items():
        hits = [f"{n} <- {hit!r}" for n in want["not_actives"]
                if (hit := reported_as_active(readings[name], n, set(want["actives"])))]
        count += len(want["not_actives"])
        if hits:
            wrong[name] = hits
    print(f"\nlabel corpus: {sum(map(len, wrong.values()))} of {count} non-actives reported as actives")
    assert not wrong


def test_unknown_actives_are_kept_as_unrecognised_never_dropped(readings):
    lost = {name: [u for u in want["unknown"] if not kept_as_unrecognised(readings[name], u)]
            for name, want in EXPECTED.items()}
    lost = {name: names for name, names in lost.items() if names}
    total = sum(len(w["unknown"]) for w in EXPECTED.values())
    print(f"\nlabel corpus: {total - sum(map(len, lost.values()))}/{total} unknown actives kept as unrecognised")
    assert not lost
    for name, reading in readings.items():
        unrecognised = {i.name for i in reading.ingredients if i.status.value == "unrecognized"}
        assert set(reading.not_checked) >= unrecognised, name


def test_amounts_are_read_where_names_run_into_them(readings):
    """Panels whose names and amounts have no space between them, one value per line, or dot leaders."""
    def amounts(name: str) -> dict[str, tuple[float | None, str | None]]:
        return {i.match.name: (i.amount, i.unit) for i in readings[name].ingredients if i.match}

    glued = amounts("a13-multi-fluoride-drops-dailymed.txt")
    assert glued["vitamin A"] == (450, "mcg") and glued["vitamin B6"] == (0.4, "mg")
    assert glued["vitamin B12"] == (2, "mcg") and glued["vitamin D"] == (10, "mcg")
    per_line = amounts("a18-multi-salusa45.txt")
    assert per_line["selenium"] == (55, "mcg") and per_line["green tea"] == (25, "mg")
    leaders = amounts("a14-multi-citracal-prenatal.txt")
    assert leaders["iron"] == (27, "mg") and leaders["vitamin A"] == (2700, "IU")
    assert amounts("a01-turmeric-vendio.txt")["turmeric"] == (500, "mg"), "a bracketed strength is not the dose"


@pytest.mark.parametrize("text", ["a\n" * 100_000, "Ginkgo 1 mg " * 20_000, "(" * 100_000 + "Ginkgo 60 mg",
                                  "Burdock Root - Alterative. It is used for the skin.\n" * 10_000])
def test_reading_stays_linear_in_the_length_of_the_text(real_checker, text):
    read_label(real_checker, "Ginkgo 60 mg")  # warm the name index
    started = time.perf_counter()
    read_label(real_checker, text)
    assert time.perf_counter() - started < 5, "each line looked ahead over the rest, or each amount counted back"
