"""Population screening: a FHIR Bulk Data export or a flat table in, one row per patient out.

The input is read once, as a stream, and each record is written to one of a number of partition files
on disk, chosen by a hash of its patient id; Medications that resources refer to are looked up in an
on-disk index and travel with the resource, so each partition holds everything its patients need.
Each partition is then checked by `screen_partition` (the same function in every engine), which
groups its records by patient, reads each patient's regimen as `check` reads a FHIR Bundle
(statuses that are not current therapy skipped) and writes one row per patient, sorted by patient.
The sorted partition outputs are merged into the output, so the rows come out in the same order
whatever the engine or the number of workers. Memory is bounded by the size of one partition per
worker, not by the size of the input.

A line that cannot be read becomes an error on its patient's row when the patient can still be told
(a truncated line that names its subject, a resource with a dose that is not a number), and a row of
its own, naming the file and line, when it cannot. Nothing is dropped.
"""

from __future__ import annotations

import csv
import gzip
import heapq
import io
import json
import math
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suppcheck.errors import InputError, SuppcheckError

SEVERITIES = ("major", "moderate", "minor")
BULK_TYPES = ("MedicationStatement", "MedicationRequest", "Medication", "Patient")
_BULK_FILE = re.compile(r"^(MedicationStatement|MedicationRequest|Medication|Patient)(?:[._-][\w.-]*?)?\.(?:ndjson|jsonl)"
                        r"(\.gz)?$")
FLAT_REQUIRED = ("patient_id", "role", "text")
FLAT_OPTIONAL = ("dose", "status", "context")
OUTPUT_KINDS = {".ndjson": "ndjson", ".jsonl": "ndjson", ".parquet": "parquet"}
# A partition holds about this much input; a worker holds one partition at a time.
PARTITION_BYTES = 16 * 1024 * 1024
MIN_PARTITIONS, MAX_PARTITIONS = 8, 256
MAX_LINE_BYTES = 8 * 1024 * 1024  # a longer line is not a medication resource
MAX_MEDICATIONS_PER_RESOURCE = 64
_SUBJECT = re.compile(r'"subject"\s*:\s*\{[^{}]*?"reference"\s*:\s*"(?:[^"\\]*/)?Patient/([^"\\/]+)"')


class EngineError(SuppcheckError):
    """The engine could not run: a scheduler that cannot be reached, workers with another graph."""


# ---------------------------------------------------------------------------------------------- summary
@dataclass
class ScreenSummary:
    """What a screening run found, for the summary line and the summary page."""

    input: str = ""
    output: str = ""
    engine: str = "local"
    workers: int = 1
    partitions: int = 0
    graph_version: str = ""
    graph_sha256: str = ""
    rows: int = 0
    patients: int = 0
    unattributed: int = 0  # rows for lines that name no patient
    error_rows: int = 0
    internal: int = 0
    medications: int = 0
    skipped: int = 0
    by_highest: Counter = field(default_factory=Counter)  # major, moderate, minor, none
    findings: Counter = field(default_factory=Counter)  # per severity
    pairs: Counter = field(default_factory=Counter)  # (pair, severity)
    concerns: Counter = field(default_factory=Counter)  # (concern with X, severity)
    unrecognised: Counter = field(default_factory=Counter)
    closest: Counter = field(default_factory=Counter)  # (name as written, name read)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, stats: dict[str, Any]) -> None:
        for key in ("rows", "patients", "unattributed", "error_rows", "internal", "medications", "skipped"):
            setattr(self, key, getattr(self, key) + stats[key])
        for key in ("by_highest", "findings", "pairs", "concerns", "unrecognised", "closest"):
            getattr(self, key).update(stats[key])

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The summary line printed at the end of a run."""
        highest = " · ".join(f"{s} {self.by_highest.get(s, 0):,}" for s in (*SEVERITIES, "none"))
        errors = f"; {self.error_rows:,} rows with an error" if self.error_rows else ""
        lone = f" ({self.unattributed:,} of them lines that name no patient)" if self.unattributed else ""
        return (f"screened {self.patients:,} patients, {self.rows:,} rows in {self.seconds:.1f} s "
                f"({self.per_second:,.0f} rows/s, {self.engine}, {self.workers} worker{'s' * (self.workers != 1)}); "
                f"highest severity: {highest}{errors}{lone}; graph {self.graph_version}; wrote {self.output}")


class Progress:
    """What a run reports as it goes; the command draws it as a bar, the library ignores it."""

    def phase(self, name: str, total: float) -> None:  # noqa: B027 - a no-op by default
        pass

    def advance(self, amount: float = 1) -> None:  # noqa: B027
        pass

    def close(self) -> None:  # noqa: B027
        pass


# ---------------------------------------------------------------------------------------------- reading
@dataclass
class _Source:
    path: Path
    name: str  # as error messages give it
    kind: str  # a bulk resource type, or "csv" / "parquet"


def find_sources(path: Path) -> list[_Source]:
    """The files of a Bulk Data export folder, or the one flat table."""
    if not path.exists():
        raise InputError("no such file or folder", where=str(path))
    if path.is_dir():
        found = []
        for entry in sorted(path.iterdir()):
            m = _BULK_FILE.match(entry.name)
            if m and entry.is_file():
                found.append(_Source(entry, entry.name, m.group(1)))
        if not any(s.kind in ("MedicationStatement", "MedicationRequest") for s in found):
            raise InputError("a Bulk Data export folder needs MedicationStatement.ndjson or MedicationRequest.ndjson "
                             "(gzip accepted)", where=str(path))
        order = {kind: n for n, kind in enumerate(("Medication", "Patient", "MedicationStatement", "MedicationRequest"))}
        return sorted(found, key=lambda s: (order[s.kind], s.name))
    if not path.is_file():
        raise InputError("not a regular file or folder", where=str(path))
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz")):
        return [_Source(path, path.name, "csv")]
    if name.endswith(".parquet"):
        return [_Source(path, path.name, "parquet")]
    raise InputError("the input is a Bulk Data export folder, a .csv (or .csv.gz) or a .parquet file", where=str(path))


def _size_estimate(sources: list[_Source]) -> int:
    total = 0
    for s in sources:
        size = s.path.stat().st_size
        total += size * 8 if s.path.name.endswith(".gz") or s.kind == "parquet" else size
    return total


def partition_count(sources: list[_Source]) -> int:
    """Depends on the input only, so every engine cuts the input the same way."""
    return max(MIN_PARTITIONS, min(MAX_PARTITIONS, math.ceil(_size_estimate(sources) / PARTITION_BYTES)))


class _Counted(io.RawIOBase):
    """A file whose bytes read are counted, for the progress bar (before decompression)."""

    def __init__(self, handle, progress: Progress) -> None:
        self.handle, self.progress = handle, progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.handle.readinto(buffer)
        self.progress.advance(n or 0)
        return n


def _open_binary(path: Path, progress: Progress):
    raw = io.BufferedReader(_Counted(path.open("rb"), progress), 1 << 20)
    return gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw


def _lines(source: _Source, progress: Progress) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text or None, problem) for each non-blank line; an unreadable line is never skipped."""
    with _open_binary(source.path, progress) as handle:
        n = 0
        try:
            for n, raw in enumerate(handle, 1):  # noqa: B007 - n is used after the loop
                if len(raw) > MAX_LINE_BYTES:
                    yield n, None, f"a line of more than {MAX_LINE_BYTES // (1024 * 1024)} MiB"
                    continue
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield n, None, "not UTF-8 text"
                    continue
                if text.strip():
                    yield n, text.rstrip("\r\n"), ""
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip stream
            yield n + 1, None, f"the file could not be read past this point ({_clip(str(exc), 120)})"


class _Partitions:
    """Partition files on disk; a record goes to the partition of its patient."""

    def __init__(self, folder: Path, count: int) -> None:
        self.paths = [folder / f"in-{i:04d}.txt" for i in range(count)]
        self.files = [p.open("w", encoding="utf-8", newline="\n") for p in self.paths]

    def put(self, key: str, header: list[Any], raw: str = "") -> None:
        index = zlib.crc32(key.encode("utf-8", "backslashreplace")) % len(self.files)
        self.files[index].write(json.dumps(header) + "\t" + raw + "\n")

    def close(self) -> None:
        for f in self.files:
            f.close()


class _MedicationIndex:
    """Medication resources by reference, in SQLite on disk (a formulary can be large); a small cache in front."""

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / "medications.sqlite")
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE med (ref TEXT PRIMARY KEY, body TEXT)")
        self.cache: dict[str, Any] = {}
        self.pending: list[tuple[str, str]] = []
        self.count = 0

    def add(self, ref: str, body: str) -> None:
        self.pending.append((ref, body))
        self.count += 1
        if len(self.pending) >= 10_000:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT OR IGNORE INTO med VALUES (?, ?)", self.pending)
        self.pending.clear()

    def get(self, ref: str) -> Any:
        if ref in self.cache:
            return self.cache[ref]
        row = self.db.execute("SELECT body FROM med WHERE ref = ?", (ref,)).fetchone()
        value = json.loads(row[0]) if row else None
        if len(self.cache) > 20_000:
            self.cache.clear()
        self.cache[ref] = value
        return value

    def closure(self, res: dict[str, Any]) -> dict[str, Any]:
        """The Medications a resource refers to, following ingredient references (bounded)."""
        if not self.count:
            return {}
        stack = [_ref_of(res.get("medicationReference"))]
        for contained in _as_list(res.get("contained")):
            stack += [_ref_of(_as_dict(i).get("itemReference")) for i in _as_list(_as_dict(contained).get("ingredient"))]
        out: dict[str, Any] = {}
        while stack and len(out) < MAX_MEDICATIONS_PER_RESOURCE:
            ref = stack.pop()
            if not ref or ref.startswith("#") or ref in out:
                continue
            med = self.get(ref)
            if med is None:
                continue
            out[ref] = med
            stack += [_ref_of(_as_dict(i).get("itemReference")) for i in _as_list(_as_dict(med).get("ingredient"))]
        return out

    def close(self) -> None:
        self.db.close()


def _ref_of(value: Any) -> str:
    ref = _as_dict(value).get("reference")
    return ref.strip() if isinstance(ref, str) else ""


def _patient_of(res: dict[str, Any], kind: str) -> str | None:
    """The patient a resource belongs to: the Patient's id, or the subject reference's id."""
    if kind == "Patient":
        rid = res.get("id")
        return rid.strip() if isinstance(rid, str) and rid.strip() else None
    ref = _ref_of(res.get("subject")).split("/_history/")[0]
    parts = ref.rsplit("/", 2)
    if len(parts) >= 2 and parts[-2] == "Patient" and parts[-1]:
        return parts[-1]
    return None


def _partition_bulk(sources: list[_Source], parts: _Partitions, meds: _MedicationIndex, progress: Progress) -> None:
    for number, source in enumerate(sources):
        for line, text, problem in _lines(source, progress):
            where = [source.name, line, number]
            res = None
            if text is not None:
                try:
                    res = json.loads(text)
                except (ValueError, RecursionError):
                    problem = "not valid JSON (a truncated or malformed line)"
            if res is not None and not isinstance(res, dict):
                problem, res = "not a JSON object", None
            if res is None:
                salvaged = _SUBJECT.search(text) if text is not None and source.kind != "Medication" else None
                _put_error(parts, salvaged.group(1) if salvaged else None, where, problem)
                continue
            kind = res.get("resourceType")
            if kind != source.kind:
                pid = _patient_of(res, kind) if kind in BULK_TYPES else None
                _put_error(parts, pid, where, f"a {_clip(str(kind), 40)} resource in the {source.kind} file")
                continue
            if kind == "Medication":
                rid = res.get("id")
                if isinstance(rid, str) and rid.strip():
                    meds.add(f"Medication/{rid.strip()}", text)
                else:
                    _put_error(parts, None, where, "a Medication without an id cannot be referred to")
                continue
            if source.kind != "Medication" and meds.pending:
                meds.flush()
            pid = _patient_of(res, kind)
            if pid is None:
                _put_error(parts, None, where, f"the {kind} names no Patient as its subject")
            elif kind == "Patient":
                parts.put(pid, ["P", pid, *where, None])
            else:
                parts.put(pid, ["R", pid, *where, meds.closure(res)], text)


def _put_error(parts: _Partitions, pid: str | None, where: list[Any], problem: str) -> None:
    key = pid if pid is not None else f"{where[0]}:{where[1]}"
    parts.put(key, ["E", pid, *where, problem])


def _flat_rows(source: _Source, progress: Progress) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line or row number, the row's fields or None, problem) for each row of a CSV or Parquet table."""
    if source.kind == "parquet":
        yield from _parquet_rows(source, progress)
        return
    handle = _open_binary(source.path, progress)
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    try:
        reader = csv.reader(text)
        try:
            header = next(reader, None)
        except UnicodeDecodeError:
            raise InputError("the CSV is not UTF-8 text", where=source.name) from None
        columns = _columns([h.strip().lower().lstrip("\ufeff") for h in header or []], source.name)
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                yield reader.line_num, None, f"the CSV could not be read ({_clip(str(exc), 120)})"
                if isinstance(exc, UnicodeDecodeError):
                    break
                continue
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            row = {name: fields[i] if i < len(fields) else "" for name, i in columns.items()}
            if len(fields) != len(header):
                yield line, row, f"{len(fields)} fields where the header has {len(header)}"
                continue
            yield line, row, ""
    finally:
        text.close()


def _columns(header: list[str], where: str) -> dict[str, int]:
    missing = [c for c in FLAT_REQUIRED if c not in header]
    if missing:
        raise InputError(f"the table needs the columns {', '.join(FLAT_REQUIRED)} (missing: {', '.join(missing)}); "
                         f"optional: {', '.join(FLAT_OPTIONAL)}", where=where)
    return {c: header.index(c) for c in (*FLAT_REQUIRED, *FLAT_OPTIONAL) if c in header}


def _parquet_rows(source: _Source, progress: Progress) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    pq = _pyarrow_parquet()
    try:
        table = pq.ParquetFile(source.path)
    except Exception as exc:  # pyarrow's errors for a file that is not Parquet
        raise InputError(f"not a Parquet file ({_clip(str(exc), 120)})", where=source.name) from None
    names = [n.lower() for n in table.schema_arrow.names]
    _columns(names, source.name)
    wanted = [table.schema_arrow.names[names.index(c)] for c in (*FLAT_REQUIRED, *FLAT_OPTIONAL) if c in names]
    per_byte = source.path.stat().st_size / max(table.metadata.num_rows, 1)
    n = 0
    for batch in table.iter_batches(batch_size=65_536, columns=wanted):
        for row in batch.to_pylist():
            n += 1
            yield n, {k.lower(): v for k, v in row.items()}, ""
        progress.advance(batch.num_rows * per_byte)


def _partition_flat(source: _Source, parts: _Partitions, progress: Progress) -> None:
    for line, row, problem in _flat_rows(source, progress):
        where = [source.name, line, 0]
        pid = _cell(row.get("patient_id")) if row is not None else ""
        if problem or row is None:
            _put_error(parts, pid or None, where, problem)
        elif not pid:
            _put_error(parts, None, where, "no patient_id")
        else:
            parts.put(pid, ["F", pid, *where, {k: _cell(row.get(k)) for k in ("role", "text", "dose", "status",
                                                                               "context")}])


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


# ---------------------------------------------------------------------------------------------- checking
_WORKER: dict[str, Any] = {}
_WORKER_LOCK = threading.Lock()


def load_graph() -> str:
    """Load the compiled graph in this process once (each worker calls it at start); its hash."""
    with _WORKER_LOCK:
        if "checker" not in _WORKER:
            from suppcheck.engine import Checker

            _WORKER["checker"] = Checker()
        return _WORKER["checker"].kb.sha256


def _validation_available() -> bool:
    try:
        import fhir.resources  # noqa: F401
    except ImportError:
        return False
    return True


def screen_partition(data: bytes, validate: bool = True) -> tuple[bytes, dict[str, Any]]:
    """Check one partition: its records grouped by patient, one row each, sorted; and its statistics.

    Every engine runs this function on the same partitions. `data` is a partition file's bytes; the
    answer's lines are `sort key <TAB> row JSON`.
    """
    load_graph()
    if validate and not _validation_available():
        raise EngineError("FHIR validation needs fhir.resources on every worker: pip install 'suppcheck[server]'")
    checker = _WORKER["checker"]
    groups: dict[str, list[tuple[list[Any], str]]] = {}
    lone: list[list[Any]] = []
    for raw in data.split(b"\n"):
        if not raw:
            continue
        head, _, body = raw.decode("utf-8").partition("\t")
        header = json.loads(head)
        if header[1] is None:
            lone.append(header)
        else:
            groups.setdefault(header[1], []).append((header, body))
    stats = _new_stats()
    stats["graph"] = checker.kb.sha256
    out: list[tuple[str, str]] = []
    with _WORKER_LOCK:  # one checker per process; its memos are not for concurrent use
        for pid, records in groups.items():
            records.sort(key=lambda r: (r[0][4], r[0][3]))
            try:
                row = _patient_row(checker, pid, records, validate, stats)
            except Exception as exc:  # a fault in one patient's check is that row's error, not the run's end
                stats["internal"] += 1
                row = _empty_row(pid, f"internal error ({type(exc).__name__}) while checking this patient; "
                                      "please report it")
            _count(row, stats)
            out.append(("0" + json.dumps(pid), json.dumps(row, ensure_ascii=False)))
    for header in lone:
        kind, _pid, src, line, _n, problem = header
        row = _empty_row(None, f"{src} line {line}: {problem}; this line names no patient")
        stats["unattributed"] += 1
        _count(row, stats)
        out.append((f"1{json.dumps(src)}\x00{line:012d}", json.dumps(row, ensure_ascii=False)))
    out.sort()
    return "".join(f"{key}\t{row}\n" for key, row in out).encode("utf-8", "backslashreplace"), stats


def _new_stats() -> dict[str, Any]:
    return {"rows": 0, "patients": 0, "unattributed": 0, "error_rows": 0, "internal": 0, "medications": 0,
            "skipped": 0, "by_highest": Counter(), "findings": Counter(), "pairs": Counter(), "concerns": Counter(),
            "unrecognised": Counter(), "closest": Counter()}


def _count(row: dict[str, Any], stats: dict[str, Any]) -> None:
    stats["rows"] += 1
    if row["patient_id"] is not None:
        stats["patients"] += 1
        stats["by_highest"][row["highest_severity"] or "none"] += 1
    stats["error_rows"] += row["error"] is not None
    stats["medications"] += row["medications"]
    stats["skipped"] += row["skipped"]
    for f in row["findings"]:
        stats["findings"][f["severity"]] += 1
        stats["pairs"][(f["pair"], f["severity"])] += 1
    for c in row["concerns"]:
        stats["concerns"][(f"{c['concern']} with {c['with']}", c["severity"])] += 1


def _empty_row(pid: str | None, error: str | None) -> dict[str, Any]:
    return {"patient_id": pid, "highest_severity": None, "counts": dict.fromkeys(SEVERITIES, 0), "medications": 0,
            "skipped": 0, "findings": [], "concerns": [], "not_checked": [], "error": error}


def _patient_row(checker, pid: str, records: list[tuple[list[Any], str]], validate: bool,
                 stats: dict[str, Any]) -> dict[str, Any]:
    from suppcheck.fhir import FhirRegimen
    from suppcheck.models import Item, Status

    regimen = FhirRegimen()
    errors: list[str] = []
    unread: list[str] = []
    contexts: list[str] = []
    budget = [_max_items()]
    for header, body in records:
        kind, _pid, src, line, _n, extra = header
        where = f"{src} line {line}"
        if kind == "P":
            continue
        if kind == "E":
            errors.append(f"{where}: {extra}")
            unread.append(f"{where}: not read")
        elif kind == "R":
            try:
                _read_bulk(body, extra, where, validate, regimen, budget)
            except InputError as exc:
                errors.append(str(exc))
                unread.append(f"{where}: not read")
        else:
            _read_flat(extra, where, regimen, contexts, errors, unread)
    prepared = []
    for item in regimen.items:
        try:
            prepared.append(_prepare(checker, item))
        except InputError as exc:
            errors.append(f"{item.reference}: {exc}")
            prepared.append((Item(input=item.text, role=item.role, status=Status.unrecognized), []))
    iris = []
    for name in dict.fromkeys(contexts):
        try:
            iris.append(checker.contexts([name])[0])
        except InputError as exc:
            errors.append(str(exc))
    row = _empty_row(pid, None)
    row["medications"] = len(regimen.items)
    row["skipped"] = len(regimen.skipped)
    if prepared:
        try:
            result = checker.check_prepared(prepared, iris)
        except InputError as exc:
            errors.append(str(exc))
            result = None
        if result is not None:
            _fill(row, result, stats, {i.text for i in regimen.items if not i.resolved})
    row["not_checked"] = sorted({*row["not_checked"], *unread})
    row["error"] = "; ".join(dict.fromkeys(errors)) or None
    return row


def _max_items() -> int:
    from suppcheck.engine import MAX_ITEMS

    return MAX_ITEMS


_TOKEN = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_SHAPES: dict[str, str | None] = {}


def _vet(res: dict[str, Any], where: str, validate: bool) -> None:
    """`check`'s refusals (surrogates, NaN, deep nesting) and FHIR validation, remembered per shape.

    Resources that differ only in a plain id and a plain Patient reference (FHIR ids: letters, digits,
    '-' and '.', up to 64) validate alike, so the verdict on one shape stands for all of them.
    """
    from suppcheck.fhir import _check_tree, _validate

    shape = res
    rid, ref = res.get("id"), _ref_of(res.get("subject"))
    if (isinstance(rid, str) and _TOKEN.fullmatch(rid)) or (ref.startswith("Patient/") and _TOKEN.fullmatch(ref[8:])):
        shape = dict(res)
        if isinstance(rid, str) and _TOKEN.fullmatch(rid):
            shape["id"] = "x"
        if ref.startswith("Patient/") and _TOKEN.fullmatch(ref[8:]) and res["subject"] == {"reference": ref}:
            shape["subject"] = {"reference": "Patient/x"}
    try:
        key = json.dumps(shape, sort_keys=True, ensure_ascii=False) + ("+v" if validate else "")
    except (TypeError, ValueError):
        key = None
    if key is not None and key in _SHAPES:
        verdict = _SHAPES[key]
        if verdict is not None:
            raise InputError(verdict, where=where)
        return
    try:
        _check_tree(res, where)
        if validate:
            _validate(res, where)
        verdict = None
    except InputError as exc:
        verdict = str(exc)[len(where) + 2:] if str(exc).startswith(f"{where}: ") else str(exc)
        if key is None or len(key) > 4096:
            raise
    if key is not None and len(key) <= 4096:
        if len(_SHAPES) > 200_000:
            _SHAPES.clear()
        _SHAPES[key] = verdict
    if verdict is not None:
        raise InputError(verdict, where=where)


def _read_bulk(body: str, meds: dict[str, Any], where: str, validate: bool, regimen, budget: list[int]) -> None:
    """One MedicationStatement or MedicationRequest, read as `check` reads it from a Bundle."""
    from suppcheck.fhir import _parse_json, _read_resource

    res = _parse_json(body, where)
    if not isinstance(res, dict):
        raise InputError("a FHIR resource is a JSON object", where=where)
    _vet(res, where, validate)
    rid = res.get("id")
    ref = f"{res['resourceType']}/{rid.strip() if isinstance(rid, str) and rid.strip() else where}"
    _read_resource(ref, res, meds, regimen, budget, where)


NOT_CURRENT_FLAT = {"entered-in-error", "stopped", "completed", "not-taken", "cancelled", "draft-cancelled"}


def _read_flat(row: dict[str, str], where: str, regimen, contexts: list[str], errors: list[str],
               unread: list[str]) -> None:
    """One row of a flat table: a drug or supplement line (text and dose), or a context."""
    from suppcheck.fhir import FhirItem
    from suppcheck.models import Role

    for name in re.split(r"[;,|]", row.get("context") or ""):
        if name.strip():
            contexts.append(name.strip())
    role, text, dose = row.get("role", "").lower(), row.get("text", ""), row.get("dose", "")
    if (row.get("status") or "").lower() in NOT_CURRENT_FLAT:
        regimen.skipped.append((where, f"status {row['status']}: not current therapy"))
        return
    if role == "context":
        if text:
            contexts.append(text)
        return
    if not role and not text and contexts:
        return  # a row that only gives contexts
    if role not in ("drug", "supplement"):
        errors.append(f"{where}: role '{_clip(role, 40)}' is not drug, supplement or context")
        unread.append(f"{where}: not read")
        return
    if not text:
        errors.append(f"{where}: the {role} has no text")
        unread.append(f"{where}: not read")
        return
    regimen.items.append(FhirItem(where, f"{text} {dose}".strip(), Role(role)))


def _prepare(checker, item):
    from suppcheck.fhir import _prepare as prepare

    return prepare(checker, item)


_DOSE_TAIL = re.compile(r"\s+\d[\d.,]*\s*(?:-\s*\d[\d.,]*\s*)?(?:x\s*)?(?:mg|g|mcg|µg|iu|ml|units?|capsules?|caps|caplets?|"
                        r"tablets?|tabs|softgels?|cups?|drops?|scoops?|gummies|sachets?|teaspoons?|tsp|tbsp)\b.*$", re.IGNORECASE)


def _name_only(text: str) -> str:
    """A line's name without its dose, for counting names (case and spacing folded)."""
    return _clip(_DOSE_TAIL.sub("", text).strip().lower() or text.lower(), 80)


def _fill(row: dict[str, Any], result, stats: dict[str, Any], unreadable: set[str]) -> None:
    """The row's findings, concerns and what was not checked, from a check result."""
    from suppcheck.models import Status

    s = result.summary
    row["highest_severity"] = s.highest_severity.value if s.highest_severity else None
    row["counts"] = {k: s.counts.get(k, 0) for k in SEVERITIES}
    row["findings"] = [{"pair": f"{f.supplement.name} + {f.drug.name if f.drug else (f.context_label or f.context)}"
                        if (f.drug or f.context) else f"{f.supplement.name} (advisory)",
                        "severity": f.severity.value, "title": f.title, "kind": f.kind.value,
                        "evidence_level": f.evidence.level.value, "evidence_basis": f.evidence.basis.value}
                       for f in result.findings]
    row["concerns"] = [{"concern": c.concern, "severity": c.severity.value,
                        "with": c.drug.name if c.drug else (c.context_label or c.context or ""),
                        "supplements": [m.name for m in c.contributors if m.role.value == "supplement"]}
                       for c in result.concerns]
    row["not_checked"] = list(s.not_checked)
    for item in result.items:
        if item.status is Status.unrecognized and item.input not in unreadable:
            stats["unrecognised"][_name_only(item.input)] += 1
        elif item.status is Status.ambiguous and len(item.candidates) == 1:
            stats["closest"][(_name_only(item.input), item.candidates[0].name)] += 1
        if item.reading is not None:
            for part in item.reading.unread:
                stats["unrecognised"][_clip(part.lower(), 80)] += 1


# ---------------------------------------------------------------------------------------------- engines
def _screen_file(in_path: str, out_path: str, validate: bool) -> dict[str, Any]:
    """The local engine's task: a partition file in, its rows to a file."""
    data = Path(in_path).read_bytes()
    rows, stats = screen_partition(data, validate)
    Path(out_path).write_bytes(rows)
    return stats


def _run_local(inputs: list[Path], outputs: list[Path], workers: int, validate: bool,
               done: Callable[[dict[str, Any]], None]) -> None:
    if workers <= 1:
        for i, o in zip(inputs, outputs, strict=True):
            done(_screen_file(str(i), str(o), validate))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=load_graph) as pool:
            futures = [pool.submit(_screen_file, str(i), str(o), validate) for i, o in zip(inputs, outputs, strict=True)]
            for future in as_completed(futures):
                done(future.result())
    except BrokenProcessPool as exc:
        raise EngineError(f"a worker process ended unexpectedly ({_clip(str(exc), 120)})") from None


def _run_dask(inputs: list[Path], outputs: list[Path], workers: int, scheduler: str | None, validate: bool,
              done: Callable[[dict[str, Any]], None], timeout: float = 15.0) -> int:
    """The same partition function on a Dask distributed cluster; the number of workers it had."""
    try:
        import logging

        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SuppcheckError("the Dask engine needs the scale extra: pip install 'suppcheck[scale]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=f"{timeout}s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"could not reach the Dask scheduler{' at ' + scheduler if scheduler else ''}: "
                          f"{_clip(str(exc), 160)}") from None
    try:
        hashes = client.run(load_graph)  # each worker loads the compiled graph once, now
        n = max(len(hashes), 1)
        window = 2 * n
        queue = list(zip(inputs, outputs, strict=True))
        running = as_completed()
        targets: dict[str, Path] = {}

        def submit() -> None:
            src, dst = queue.pop(0)
            future = client.submit(screen_partition, src.read_bytes(), validate, pure=False)
            targets[future.key] = dst
            running.add(future)

        while queue and running.count() < window:
            submit()
        for future in running:
            rows, stats = future.result()
            targets.pop(future.key).write_bytes(rows)
            done(stats)
            if queue:
                submit()
        return n
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------------------------------------- output
ROW_FIELDS = ("patient_id", "highest_severity", "counts", "medications", "skipped", "findings", "concerns",
              "not_checked", "error")


def output_kind(path: Path) -> str:
    kind = OUTPUT_KINDS.get(path.suffix.lower())
    if kind is None:
        raise InputError("the output ends in .ndjson, .jsonl or .parquet", where=str(path))
    return kind


def _pyarrow_parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise SuppcheckError("Parquet needs the scale extra: pip install 'suppcheck[scale]'") from None
    return pq


def parquet_schema():
    import pyarrow as pa

    finding = pa.struct([(n, pa.string()) for n in ("pair", "severity", "title", "kind", "evidence_level",
                                                    "evidence_basis")])
    concern = pa.struct([("concern", pa.string()), ("severity", pa.string()), ("with", pa.string()),
                         ("supplements", pa.list_(pa.string()))])
    return pa.schema([("patient_id", pa.string()), ("highest_severity", pa.string()),
                      ("counts", pa.struct([(s, pa.int32()) for s in SEVERITIES])),
                      ("medications", pa.int32()), ("skipped", pa.int32()), ("findings", pa.list_(finding)),
                      ("concerns", pa.list_(concern)), ("not_checked", pa.list_(pa.string())), ("error", pa.string())])


def _part_rows(path: Path) -> Iterator[tuple[str, str]]:
    with path.open("r", encoding="utf-8", newline="\n") as handle:
        for line in handle:
            key, _, row = line.rstrip("\n").partition("\t")
            yield key, row


def _merge(parts: list[Path], output: Path, kind: str, summary: ScreenSummary, progress: Progress) -> None:
    """The sorted partition outputs merged into one file, written beside it and then moved into place."""
    tmp = output.with_name(f".{output.name}.partial")
    merged = heapq.merge(*(_part_rows(p) for p in parts))
    try:
        if kind == "ndjson":
            with tmp.open("w", encoding="utf-8", newline="\n") as handle:
                for _key, row in merged:
                    handle.write(row + "\n")
                    progress.advance()
        else:
            import pyarrow as pa

            pq = _pyarrow_parquet()
            schema = parquet_schema().with_metadata({"suppcheck.graph.version": summary.graph_version,
                                                      "suppcheck.graph.sha256": summary.graph_sha256})
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                batch: list[dict[str, Any]] = []
                for _key, row in merged:
                    batch.append(json.loads(row))
                    if len(batch) >= 20_000:
                        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                        progress.advance(len(batch))
                        batch = []
                if batch:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    progress.advance(len(batch))
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_rows(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a screening output (NDJSON or Parquet), as dicts."""
    path = Path(path)
    if output_kind(path) == "parquet":
        return _pyarrow_parquet().read_table(path).to_pylist()
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# ---------------------------------------------------------------------------------------------- the run
def screen(input: str | Path, output: str | Path, engine: str = "local", workers: int | None = None,
           scheduler: str | None = None, report: str | Path | None = None, work_dir: str | Path | None = None,
           progress: Progress | None = None, validate: bool | None = None,
           connect_timeout: float = 15.0) -> ScreenSummary:
    """Screen every patient of a Bulk Data export or a flat table; one row per patient in `output`.

    `engine` is "local" (worker processes on this machine) or "dask" (a Dask distributed cluster at
    `scheduler`, or a local one when it is None). `validate` (default: when fhir.resources is
    installed) validates each FHIR resource with the R4B models, as `check` does.
    """
    start = time.perf_counter()
    progress = progress or Progress()
    src, out = Path(input), Path(output)
    kind = output_kind(out)
    if report is not None and Path(report).suffix.lower() not in (".html", ".htm"):
        raise InputError("the summary page is an .html file", where=str(report))
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine '{_clip(engine, 40)}': local or dask", where="--engine")
    if scheduler and engine != "dask":
        raise InputError("--scheduler is for --engine dask", where="--scheduler")
    if kind == "parquet":
        _pyarrow_parquet()
    if not out.parent.is_dir():
        raise InputError("the output's folder does not exist", where=str(out))
    sources = find_sources(src)
    if any(s.kind == "parquet" for s in sources):
        _pyarrow_parquet()
    workers = max(1, workers or os.cpu_count() or 1)
    if validate is None:
        validate = _validation_available()
    graph_sha = load_graph()  # a graph that does not load stops the run here (KnowledgeError)
    checker = _WORKER["checker"]
    summary = ScreenSummary(input=str(src), output=str(out), engine=engine if not scheduler else f"dask {scheduler}",
                            workers=workers, graph_version=checker.kb.version, graph_sha256=graph_sha)
    folder = Path(tempfile.mkdtemp(prefix="suppcheck-screen-", dir=work_dir))
    try:
        count = partition_count(sources)
        summary.partitions = count
        parts = _Partitions(folder, count)
        progress.phase("reading", sum(s.path.stat().st_size for s in sources))
        meds = _MedicationIndex(folder)
        try:
            if sources[0].kind in ("csv", "parquet"):
                _partition_flat(sources[0], parts, progress)
            else:
                _partition_bulk(sources, parts, meds, progress)
        finally:
            parts.close()
            meds.close()
        summary.phases["reading"] = time.perf_counter() - start
        outputs = [folder / f"out-{i:04d}.txt" for i in range(count)]
        progress.phase("checking", count)

        def done(stats: dict[str, Any]) -> None:
            if stats["graph"] != graph_sha:
                raise EngineError(f"a worker checked with another graph (sha256 {stats['graph'][:12]}…, here "
                                  f"{graph_sha[:12]}…); install the same suppcheck on every worker")
            summary.add(stats)
            progress.advance()

        if engine == "dask":
            summary.workers = _run_dask(parts.paths, outputs, workers, scheduler, validate, done, connect_timeout)
        else:
            _run_local(parts.paths, outputs, workers, validate, done)
        summary.phases["checking"] = time.perf_counter() - start - summary.phases["reading"]
        progress.phase("writing", summary.rows)
        _merge(outputs, out, kind, summary, progress)
        summary.seconds = time.perf_counter() - start
        summary.phases["writing"] = summary.seconds - summary.phases["reading"] - summary.phases["checking"]
        if report is not None:
            write_report(Path(report), summary)
        return summary
    finally:
        progress.close()
        shutil.rmtree(folder, ignore_errors=True)


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clip(value: str, limit: int) -> str:
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def iter_rows(path: str | Path) -> Iterable[dict[str, Any]]:
    """The rows of an NDJSON screening output, one at a time."""
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------------------------------------- the summary page
_COLOURS = {"major": "#b3261e", "moderate": "#c96a00", "minor": "#b59a00", "none": "#5f7f5f"}
TOP = 15


def severity_chart_svg(summary: ScreenSummary) -> str:
    """Patients by highest severity, as an inline SVG (matplotlib, no external assets)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    labels = [*SEVERITIES, "none"]
    values = [summary.by_highest.get(k, 0) for k in labels]
    fig, ax = plt.subplots(figsize=(6.4, 2.6), dpi=100)
    try:
        bars = ax.barh(["major", "moderate", "minor", "no finding"], values, color=[_COLOURS[k] for k in labels])
        ax.invert_yaxis()
        ax.set_xlabel("patients")
        ax.set_title("Patients by highest severity", loc="left", fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
        top = max(values, default=0) or 1
        ax.set_xlim(0, top * 1.18)
        for bar, value in zip(bars, values, strict=True):
            share = 100 * value / summary.patients if summary.patients else 0
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, f"{value:,} ({share:.1f}%)",
                    va="center", fontsize=9)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def report_html(summary: ScreenSummary) -> str:
    """The summary page: counts, the chart, the most frequent pairs, concerns and unrecognised names."""
    from html import escape

    def table(head: list[str], rows: list[list[Any]], empty: str) -> str:
        if not rows:
            return f"<p class=empty>{escape(empty)}</p>"
        cells = "".join("<tr>" + "".join(f"<td class={'num' if isinstance(c, int) else 'sev-' + c if c in _COLOURS else 'txt'}>"
                                          f"{f'{c:,}' if isinstance(c, int) else escape(str(c))}</td>" for c in row)
                        + "</tr>" for row in rows)
        return ("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
                + cells + "</tbody></table>")

    def ranked(counter: Counter) -> list[tuple[Any, int]]:
        return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:TOP]

    def by_label(counter: Counter) -> list[list[Any]]:
        """(label, severity) counts as one line per label: the severities seen, most severe first, and the total."""
        labels: dict[str, Counter] = {}
        for (label, severity), n in counter.items():
            labels.setdefault(label, Counter())[severity] += n
        top = sorted(labels.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:TOP]
        return [[label, next(k for k in SEVERITIES if seen.get(k)),
                 ", ".join(f"{k} {seen[k]:,}" for k in SEVERITIES if seen.get(k)), sum(seen.values())]
                for label, seen in top]

    s = summary
    per_highest = [[label, s.by_highest.get(k, 0), f"{100 * s.by_highest.get(k, 0) / s.patients:.1f}%" if s.patients
                    else "0.0%"] for k, label in (("major", "major"), ("moderate", "moderate"), ("minor", "minor"),
                                                   ("none", "no finding"))]
    findings = [[k, s.findings.get(k, 0)] for k in SEVERITIES]
    pairs = by_label(s.pairs)
    concerns = by_label(s.concerns)
    names = [[name, n] for name, n in ranked(s.unrecognised)]
    closest = [[written, read, n] for (written, read), n in ranked(s.closest)]
    facts = [("Input", s.input), ("Output", s.output), ("Patients", f"{s.patients:,}"), ("Rows", f"{s.rows:,}"),
             ("Rows with an error", f"{s.error_rows:,}"), ("Lines that name no patient", f"{s.unattributed:,}"),
             ("Medication lines checked", f"{s.medications:,}"), ("Skipped (not current therapy)", f"{s.skipped:,}"),
             ("Graph", f"{s.graph_version} (sha256 {s.graph_sha256[:16]}…)"),
             ("Run", f"{s.engine}, {s.workers} worker{'s' * (s.workers != 1)}, {s.seconds:.1f} s, "
                     f"{s.per_second:,.0f} rows/s")]
    css = """body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:60rem;color:#1d1d1d;
padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.8rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{padding:.25rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;width:7rem}
td.sev-major{color:#b3261e;font-weight:600}td.sev-moderate{color:#a35400;font-weight:600}td.sev-minor{color:#7a6800}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0}dt{color:#555}dd{margin:0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.chart svg{max-width:100%;height:auto}
.note{color:#555;font-size:.9rem;border-left:3px solid #ccc;padding-left:.7rem}.empty{color:#777}
@media print{body{margin:0}}"""
    body = [
        "<h1>suppcheck population screen</h1>",
        f"<p class=note>Decision support, not a substitute for clinical judgement. Covers only what the suppcheck "
        f"knowledge graph (version {escape(s.graph_version)}) knows; a patient with no finding is not proven safe. "
        "Drug-drug interactions are not evaluated.</p>",
        "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts) + "</dl>",
        "<h2 id=severity>Patients by highest severity</h2>",
        "<div class=grid><div>" + table(["highest severity", "patients", "share"], per_highest, "No patients.")
        + "<h3>Findings by severity</h3>" + table(["severity", "findings"], findings, "No findings.")
        + "</div><div class=chart>" + severity_chart_svg(s) + "</div></div>",
        "<h2 id=pairs>Most frequent pairs</h2>"
        "<p>A supplement with a drug or a clinical context, or alone for an advisory; a pair's severity can differ "
        "between patients with the dose.</p>"
        + table(["pair", "highest", "patients by severity", "patients"], pairs, "No findings."),
        "<h2 id=concerns>Most frequent concerns</h2>"
        "<p>Two or more supplements adding to one concern with the same drug or context.</p>"
        + table(["concern", "highest", "patients by severity", "patients"], concerns,
                "No concern that two or more supplements add to."),
        "<h2 id=unrecognised>Most frequent unrecognised names</h2>"
        "<p>Names that were not checked: not in the graph, or words on a line that named nothing known.</p>"
        + table(["name", "lines"], names, "Every name was recognised."),
        "<h2 id=closest>Misspellings read as the closest name</h2>"
        + table(["as written", "read as", "lines"], closest, "None."),
    ]
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>suppcheck population screen</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{css}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def write_report(path: Path, summary: ScreenSummary) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(report_html(summary), encoding="utf-8")
    os.replace(tmp, path)
