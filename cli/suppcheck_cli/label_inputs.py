"""Where label texts come from: files, folders, standard input, JSON Lines and CSV batches."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from suppcheck.errors import InputError
from suppcheck.regimen_io import decode

TEXT_SUFFIXES = {".txt", ".text", ".md", ".label", ""}
MAX_FILE = 200 * 1024 * 1024


@dataclass
class LabelInput:
    """One label to screen, or the reason it could not be read."""

    id: str
    text: str | None = None
    error: str | None = None


def iter_inputs(sources: list[str]) -> Iterator[LabelInput]:
    """Every label named by the arguments, in order; unreadable ones come as error rows."""
    if not sources:
        raise InputError("give label files, folders, a .jsonl or .csv batch, or - for standard input", where="label")
    for source in sources:
        if source == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), None)
            continue
        path = Path(source)
        if not path.exists():
            yield LabelInput(source, error="no such file or folder")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield LabelInput(source, error="the folder holds no files")
            for file in files:
                yield from _from_file(file)
        else:
            yield from _from_file(path)


def _from_file(path: Path) -> Iterator[LabelInput]:
    try:
        if path.stat().st_size > MAX_FILE:
            yield LabelInput(str(path), error=f"larger than {MAX_FILE // (1024 * 1024)} MiB")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield LabelInput(str(path), error=f"cannot be read: {exc.strerror}")
        return
    yield from _from_bytes(str(path), data, path.suffix.lower())


def _from_bytes(name: str, data: bytes, suffix: str | None) -> Iterator[LabelInput]:
    try:
        text = decode(data, name)
    except InputError as exc:
        yield LabelInput(name, error=str(exc))
        return
    if suffix in (".jsonl", ".ndjson") or (suffix is None and _looks_jsonl(text)):
        yield from _jsonl(name, text)
    elif suffix == ".csv":
        yield from _csv(name, text)
    else:
        yield LabelInput(name, text=text)


def _looks_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    return first == "{"


def _jsonl(name: str, text: str) -> Iterator[LabelInput]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LabelInput(where, error=f"malformed JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield LabelInput(where, error="each line must be a JSON object with id and text")
            continue
        yield _row(where, row)


def _csv(name: str, text: str) -> Iterator[LabelInput]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            yield LabelInput(name, error="a CSV batch needs a header with the columns id and text")
            return
        for n, row in enumerate(reader, start=2):
            yield _row(f"{name}:{n}", row)
    except csv.Error as exc:
        yield LabelInput(name, error=f"malformed CSV: {exc}")


def _row(where: str, row: dict) -> LabelInput:
    ident = row.get("id")
    ident = str(ident) if ident not in (None, "") else where
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return LabelInput(ident, error="no label text (the text field is missing or empty)")
    return LabelInput(ident, text=text)
