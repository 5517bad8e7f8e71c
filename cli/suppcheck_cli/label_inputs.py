"""Where label texts come from: files, folders, standard input, JSON Lines and CSV batches.

Every label named comes out once, as a text or as an error row saying why it was not read: a batch of
N labels gives N items, whatever is wrong with some of them.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from suppcheck.errors import InputError
from suppcheck.regimen_io import decode

MIB = 1024 * 1024
MAX_FILE = 200 * MIB  # one file, or standard input, read whole (a JSON Lines file is read line by line instead)
CSV_FIELD_LIMIT = 16 * MIB  # above the largest label read (2,000,000 characters), below memory trouble
MAX_LINE = CSV_FIELD_LIMIT  # one line of a JSON Lines file, which is read line by line with no limit on its size
# The extra parsing spent finding rows again after unclosed quotes, as a multiple of the file's size: a file
# built so that every line reopens a quote would otherwise cost quadratic time.
_CSV_REPARSE_BUDGET = 8
_JSON_BLANK = " \t\r"
_SURROGATE = re.compile("[\ud800-\udfff]")


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
            yield from _from_stdin()
        else:
            yield from _from_path(Path(source), source)


def _from_stdin() -> Iterator[LabelInput]:
    """Standard input, read up to MAX_FILE: past that, one error row and nothing of it read."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield LabelInput("<stdin>", error="there is no standard input to read")
        return
    data = stream.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        yield LabelInput("<stdin>", error=f"standard input larger than {MAX_FILE // MIB} MiB: nothing of it was "
                                          "read; give the labels as files or split the batch")
        return
    yield from _from_bytes("<stdin>", data, None)


def _from_path(path: Path, name: str) -> Iterator[LabelInput]:
    try:
        info = path.stat()
    except FileNotFoundError:
        yield LabelInput(name, error="no such file or folder")
        return
    except OSError as exc:
        yield LabelInput(name, error=f"cannot be read: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _from_folder(path)
    else:
        yield from _from_file(path)


def _from_folder(root: Path) -> Iterator[LabelInput]:
    """Each file under the folder, in path order; links to folders already read are not followed again."""
    found = _walk(root)
    if not found:
        yield LabelInput(str(root), error="the folder holds no files (hidden files are skipped)")
    for path, problem in found:
        if problem:
            yield LabelInput(str(path), error=problem)
        else:
            yield from _from_file(path)


def _walk(root: Path) -> list[tuple[Path, str | None]]:
    """(file, None) for every non-hidden file under root, (path, why) for what could not be walked."""
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                # A link back up the tree (a loop) or a second way into a folder already read.
                found.append((folder, "a link to a folder that is already read: not read again"))
                continue
            seen.add(key)
            with os.scandir(folder) as entries:
                children = sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, f"the folder cannot be read: {exc.strerror or exc}"))
            continue
        folders = []
        for entry in children:
            if _is_dir(entry):
                folders.append(Path(entry.path))
            else:
                found.append((Path(entry.path), None))
        stack.extend(reversed(folders))
    return sorted(found, key=lambda pair: pair[0])


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _from_file(path: Path) -> Iterator[LabelInput]:
    """A regular file, read with a bound; devices, pipes and sockets are never opened for reading."""
    name = str(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            yield LabelInput(name, error="not a regular file (a device, pipe or socket): not read")
            return
        # O_NONBLOCK: if the path became a pipe since the check, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                yield LabelInput(name, error="not a regular file (a device, pipe or socket): not read")
                return
            if path.suffix.lower() in (".jsonl", ".ndjson") and handle.peek(2)[:2] not in (b"\xff\xfe", b"\xfe\xff"):
                yield from _nonempty(name, _jsonl_stream(name, handle))
                return
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        yield LabelInput(name, error=f"cannot be read: {exc.strerror or exc}")
        return
    if len(data) > MAX_FILE:
        yield LabelInput(name, error=f"larger than {MAX_FILE // MIB} MiB: nothing of it was read")
        return
    yield from _from_bytes(name, data, path.suffix.lower())


def _from_bytes(name: str, data: bytes, suffix: str | None) -> Iterator[LabelInput]:
    try:
        text = decode(data, name)
    except InputError as exc:
        yield LabelInput(name, error=str(exc))
        return
    if suffix in (".jsonl", ".ndjson") or (suffix is None and _looks_jsonl(text)):
        yield from _nonempty(name, _jsonl(name, text))
    elif suffix == ".csv":
        yield from _nonempty(name, _csv(name, text))
    else:
        yield LabelInput(name, text=text)


def _nonempty(name: str, rows: Iterator[LabelInput]) -> Iterator[LabelInput]:
    """A batch that holds no label is an error row, not an empty (and so passing) result."""
    empty = True
    for row in rows:
        empty = False
        yield row
    if empty:
        yield LabelInput(name, error="the batch holds no labels")


def _looks_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    return first == "{"


def _jsonl(name: str, text: str) -> Iterator[LabelInput]:
    """One item per non-blank line; lines end at LF only (U+2028 and U+0085 may stand inside a JSON string)."""
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip(_JSON_BLANK):
            continue
        yield _json_line(f"{name}:{n}", line)


def _jsonl_stream(name: str, handle) -> Iterator[LabelInput]:
    """A JSON Lines file read line by line (UTF-8, lines end at LF), so a batch of any size is read in bounded
    memory; a line that is not UTF-8, or longer than MAX_LINE, is an error row and the next line is read."""
    n = 0
    while True:
        try:
            raw = handle.readline(MAX_LINE + 1)
        except OSError as exc:
            yield LabelInput(f"{name}:{n + 1}", error=f"cannot be read: {exc.strerror or exc}; the rest of the file "
                                                     "was not read")
            return
        if not raw:
            return
        n += 1
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while True:  # the rest of the line, not kept
                more = handle.readline(MIB)
                if not more or more.endswith(b"\n"):
                    break
            yield LabelInput(f"{name}:{n}", error=f"the line is longer than {MAX_LINE // MIB} MiB: not read")
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield LabelInput(f"{name}:{n}", error=f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
                                                 "of the line; save the file as UTF-8")
            continue
        if line.strip(_JSON_BLANK + "\n"):
            yield _json_line(f"{name}:{n}", line.rstrip("\n"))


def _json_line(where: str, line: str) -> LabelInput:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return LabelInput(where, error=f"malformed JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return LabelInput(where, error="malformed JSON: nested too deeply to read")
    except ValueError:  # an integer of thousands of digits, past Python's conversion limit
        return LabelInput(where, error="malformed JSON: a number too long to read")
    if not isinstance(row, dict):
        return LabelInput(where, error="each line must be a JSON object with id and text")
    return _row(where, row)


def _csv(name: str, text: str) -> Iterator[LabelInput]:
    """One item per data row; a row that cannot be split (an unclosed quote, a bad field) is an error row."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    lines = _physical_lines(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    header = _header(lines[first]) if first is not None else None
    if header is None or "text" not in header:
        yield LabelInput(name, error="a CSV batch needs a header with the columns id and text")
        return
    ends = list(itertools.accumulate(len(line) for line in lines))
    budget = _CSV_REPARSE_BUDGET * len(text) + 4 * MIB
    index = first + 1
    while index < len(lines):
        broken = yield from _csv_rows(name, header, lines, index)
        if broken is None:
            return
        opened, seen, problem = broken  # 0-based: the line the broken row starts on, the line the problem showed on
        if seen is None:  # the end of the file came inside the quote: find where the next row seems to start
            index = _next_row_start(lines, opened + 1, len(header))
            budget -= ends[-1] - (ends[index - 1] if index else 0)
        elif "expected after" in problem:  # the quote that closed early opened the next row, on this line
            index = seen
        else:  # a field too large: the rest of the row is not read again as rows of its own
            index = _next_row_start(lines, seen + 1, len(header))
        if budget < 0 and index < len(lines):
            yield LabelInput(f"{name}:{opened + 1}", error=f"an unclosed quote in the row on line {opened + 1}: lines "
                                                          f"{opened + 1} to {len(lines)} were not read (too many "
                                                          "unclosed quotes to find the rows again)")
            return
        yield LabelInput(f"{name}:{opened + 1}", error=_unclosed(opened, seen, index, len(lines), problem))


def _unclosed(opened: int, seen: int | None, index: int, total: int, problem: str) -> str:
    """The error of a row spread over lines that could not be split, naming the lines left unread."""
    first, last = opened + 1, index
    skipped = f"line {first} was" if last == first else f"lines {first} to {last} were"
    if seen is None:
        return (f"an unclosed quote: the quoted field opened in the row on line {first} never closes; {skipped} "
                "not read" + (f", line {index + 1} is read as the next row" if index < total else ""))
    if "expected after" in problem:
        what = f"a quoted field opened in the row on line {first} closes on line {seen + 1} with text after the quote"
        problem = "a quote left open?"
    else:
        what = f"the row on line {first} breaks on line {seen + 1}"
    after = f", line {index + 1} is read as the next row" if index < total else ""
    return f"malformed CSV: {what} ({problem}); {skipped} not read{after}"


def _physical_lines(text: str) -> list[str]:
    """The lines of the text, each ending in LF (CRLF and a lone CR count as one line end)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line + "\n" for line in lines]


def _header(line: str) -> list[str] | None:
    try:
        return [h.strip(" \t") for h in next(csv.reader([line], strict=True))]
    except (csv.Error, StopIteration):
        return None


def _next_row_start(lines: list[str], index: int, width: int) -> int:
    """The first line from index on that reads as a row of the header's width on its own, else the end."""
    for i in range(index, len(lines)):
        try:
            if len(next(csv.reader([lines[i]]), [])) == width:
                return i
        except csv.Error:
            continue
    return len(lines)


def _csv_rows(name: str, header: list[str], lines: list[str],
              start: int) -> Generator[LabelInput, None, tuple[int, int | None, str] | None]:
    """The rows from lines[start] on; at a row over several lines that cannot be split, returns the (0-based)
    line it starts on, the line the problem showed on (None: the file ended inside a quote) and the problem.

    Strict parsing finds a quote that never closes (the file ends inside it) and a quote that closes
    with text after it: the usual sign that an unclosed quote ran into the next row, which then starts
    on the line where that was seen.
    """
    reader = csv.reader((lines[i] for i in range(start, len(lines))), strict=True)
    number = start  # 0-based: the line the next row starts on
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            seen = start + reader.line_num - 1
            if "unexpected end of data" in str(exc):
                return number, None, str(exc)
            if seen > number:
                return number, seen, str(exc)
            yield LabelInput(f"{name}:{number + 1}", error=f"malformed CSV: {exc}")
            number = seen + 1
            continue
        if fields:
            yield _csv_row(f"{name}:{number + 1}", header, fields)
        number = start + reader.line_num


def _csv_row(where: str, header: list[str], fields: list[str]) -> LabelInput:
    if len(fields) > len(header):
        return LabelInput(where, error=f"the row has {len(fields)} fields and the header {len(header)}: "
                                       "quote a text that holds commas")
    return _row(where, dict(zip(header, fields, strict=False)))  # a short row lacks its last fields


def _row(where: str, row: dict) -> LabelInput:
    ident = row.get("id")
    text = row.get("text")
    if ident in (None, ""):
        ident = where
    elif isinstance(ident, bool) or not isinstance(ident, (str, int, float)):
        return LabelInput(where, error="the id must be a string or a number")
    if any(isinstance(value, str) and _SURROGATE.search(value) for value in (ident, text)):
        # JSON can spell half of a UTF-16 pair alone: not a character, and it cannot be written out.
        return LabelInput(where, error="malformed JSON: a lone surrogate escape (such as \\ud800) is not a character")
    if not isinstance(text, str) or not text.strip():
        return LabelInput(str(ident), error="no label text (the text field is missing or empty)")
    return LabelInput(str(ident), text=text)
