"""Running `suppcheck label` once its options are read: shared by the command-line application and by the
fast start path, which reads plainly given options itself so that a batch need not load the framework."""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections import Counter

from suppcheck_cli.outcome import FINDING, OK, UNRECOGNIZED, USAGE, write, write_bytes

SEVERITY_RANK = {"minor": 0, "moderate": 1, "major": 2}
# Labels read before the first row is written. A longer batch is read as a stream, in bounded memory (see _Ids).
LOOKAHEAD = 10_000
FORMATS = ("table", "json", "markdown")


def _document(ident: str, reading, result, error: str | None, warnings: list[str]) -> dict:
    return {"id": ident, "label": reading.model_dump(mode="json") if reading else None,
            "result": result.model_dump(mode="json") if result else None, "error": error, "warnings": warnings}


def run(inputs: list[str], regimen: str | None, drug: list[str], context: list[str], fmt: str,
        fail_on=None, workers: int | None = None) -> int:
    """Screen the labels named, write each row in the format asked, and give the exit code."""
    from suppcheck.engine import default_checker

    from suppcheck_cli.check_run import load_input
    from suppcheck_cli.label_inputs import iter_inputs

    reg = load_input(regimen, drug, [], context)
    checker = default_checker()
    checker.contexts(reg.context)  # an unknown context is a usage error before any work
    entries = iter_inputs(inputs or [])
    head = list(itertools.islice(entries, LOOKAHEAD + 1))
    streamed = len(head) > LOOKAHEAD
    labels = itertools.chain(head, entries) if streamed else head
    batch = len(head) > 1
    ids = _Ids(head, streamed)
    counts = {"labels": 0, "screened": 0, "errors": 0, "major": 0, "moderate": 0, "minor": 0,
              "not_checked": 0, "part_read": 0, "incomplete": 0}
    worst, started = -1, time.perf_counter()
    rows = []
    progress = _progress(None if streamed else len(head)) if batch and sys.stderr.isatty() else None
    if batch and fmt == "json":
        # JSON Lines: each label is rendered where it was checked; this process writes the lines.
        for entry, done in _json_outcomes(labels, reg, workers, checker):
            counts["labels"] += 1
            if done.error:
                counts["errors"] += 1
            else:
                counts["screened"] += 1
                counts["not_checked"] += done.not_checked
                counts["part_read"] += done.unread
                counts["incomplete"] += done.incomplete
                for severity in done.severities:
                    counts[severity] += 1
                    worst = max(worst, SEVERITY_RANK[severity])
            line = _json_line(entry.id, done, ids.warnings(entry.id))
            if isinstance(line, bytes):
                write_bytes(line)
            else:
                write(line, escaped=True)
            if progress:
                progress[0].advance(progress[1])
        if progress:
            progress[0].stop()
        _finish(fmt, batch, rows, counts, time.perf_counter() - started, ids.repeated)
        return _exit(counts, worst, fail_on)
    for entry, (reading, result, error) in _outcomes(labels, reg, workers if batch else 1, checker):
        counts["labels"] += 1
        if error:
            counts["errors"] += 1
        else:
            counts["screened"] += 1
            counts["not_checked"] += len(reading.not_checked)
            counts["part_read"] += len(reading.unread)
            counts["incomplete"] += bool(result.summary.not_checked or reading.not_checked or reading.unread)
            for f in result.findings:
                counts[f.severity.value] += 1
                worst = max(worst, SEVERITY_RANK[f.severity.value])
        _emit(fmt, batch, entry.id, reading, result, error, ids.warnings(entry.id), rows)
        if progress:
            progress[0].advance(progress[1])
    if progress:
        progress[0].stop()
    elapsed = time.perf_counter() - started
    _finish(fmt, batch, rows, counts, elapsed, ids.repeated)
    return _exit(counts, worst, fail_on)



def _paired(labels, screen, placeholder):
    """(entry, outcome) per label, in input order, the labels read as a stream: entries not read (their error
    set) go through the screen as None and come back as `placeholder(entry)`."""
    from collections import deque

    pending: deque = deque()

    def texts():
        for entry in labels:
            pending.append(entry)
            yield None if entry.error is not None else (entry.text or "")

    for outcome in screen(texts()):
        entry = pending.popleft()
        yield entry, (placeholder(entry) if outcome is None else outcome)


def _outcomes(labels, reg, workers: int | None, checker):
    """(entry, (reading, result, error)) per label, in input order; labels not read keep their error."""
    from suppcheck.batch import LabelOutcome, check_labels

    for entry, outcome in _paired(labels, lambda texts: check_labels(texts, reg, workers, checker),
                                  lambda entry: LabelOutcome(None, None, entry.error)):
        yield entry, (outcome.reading, outcome.result, outcome.error)


def _json_outcomes(labels, reg, workers: int | None, checker):
    """(entry, outcome rendered as JSON) per label (see `suppcheck.batch.check_labels_json`), in input order."""
    from suppcheck.batch import LabelJSON, check_labels_json

    return _paired(labels, lambda texts: check_labels_json(texts, reg, workers, checker),
                   lambda entry: LabelJSON(None, None, entry.error))


def _json_line(ident: str, done, warnings: list[str]) -> str | bytes:
    """The same line as json.dumps of the row's document, put together from the parts rendered by the worker,
    with C1 controls and bidirectional overrides escaped (as `write` does) in every part; bytes (UTF-8) when
    the parts came as bytes from a worker process."""
    from suppcheck.records import escape_controls

    head = escape_controls(f'{{"id": {json.dumps(ident, ensure_ascii=False)}, "label": ')
    tail = escape_controls(f', "error": {json.dumps(done.error, ensure_ascii=False)}, '
                           f'"warnings": {json.dumps(warnings, ensure_ascii=False)}}}')
    if isinstance(done.label, bytes):
        return b"".join((head.encode("utf-8"), done.label, b', "result": ', done.result, tail.encode("utf-8")))
    return head + (done.label or "null") + ', "result": ' + (done.result or "null") + tail


class _Ids:
    """Ids used by more than one label of a batch: such labels are reported apart, each row saying so.

    A batch read whole is known before its first row is written, so every row of a repeated id says so. A
    batch longer than LOOKAHEAD labels is read as a stream: a row says so when its id was used before it or
    repeats within the first LOOKAHEAD labels; the summary names every repeated id.
    """

    def __init__(self, head: list, streamed: bool) -> None:
        self.streamed = streamed
        self.ahead = Counter(entry.id for entry in head)
        self.seen: Counter = Counter()

    @property
    def repeated(self) -> dict[str, int]:
        counts = self.seen if self.streamed else self.ahead
        return {ident: n for ident, n in counts.items() if n > 1}

    def warnings(self, ident: str) -> list[str]:
        self.seen[ident] += 1
        if not self.streamed:
            if self.ahead[ident] < 2:
                return []
            return [f"the id '{_shown(ident)}' is used by {self.ahead[ident]} labels in this batch: each is reported "
                    "on its own row, none is merged; give each label its own id"]
        if self.seen[ident] < 2 and self.ahead[ident] < 2:
            return []
        return [f"the id '{_shown(ident)}' is used by more than one label in this batch: each is reported on its own "
                "row, none is merged; give each label its own id"]


def _shown(ident: str) -> str:
    """An id as it may go into a message: printable, and short (the summary goes to a terminal)."""
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in ident)
    return text if len(text) <= 60 else text[:59] + "…"


def _emit(fmt: str, batch: bool, ident: str, reading, result, error, warnings: list[str], rows: list) -> None:
    if fmt == "json":
        doc = _document(ident, reading, result, error, warnings)
        write(json.dumps(doc, ensure_ascii=False) if batch else json.dumps(doc, indent=2, ensure_ascii=False))
        return
    if warnings:
        ident = f"{ident} (id repeated)"
    if batch and fmt == "table":
        rows.append((ident, reading, result, error))
        return
    from suppcheck_cli import render

    if fmt == "markdown":
        write(render.label_markdown(ident, reading, result, error))
    else:
        render.label_table(ident, reading, result, error)


def _finish(fmt: str, batch: bool, rows: list, counts: dict, elapsed: float, repeated: dict[str, int]) -> None:
    if not batch:
        return
    line = (f"{counts['labels']} labels: {counts['screened']} screened, {counts['errors']} errors; findings "
            f"major {counts['major']}, moderate {counts['moderate']}, minor {counts['minor']}; "
            f"{counts['not_checked']} actives not recognised")
    if counts["part_read"]:
        rows_read = "1 row" if counts["part_read"] == 1 else f"{counts['part_read']} rows"
        line += f"; {rows_read} read only in part"
    if repeated:
        shown = ", ".join(f"'{_shown(ident)}'" for ident in list(repeated)[:5]) + (" ..." if len(repeated) > 5 else "")
        ids = "1 id" if len(repeated) == 1 else f"{len(repeated)} ids"
        line += f"; {ids} used by more than one label ({shown}): {sum(repeated.values())} rows kept apart, not merged"
    line += f"; {elapsed:.2f} s"
    if fmt == "table":
        from suppcheck_cli import render

        render.label_batch(rows, line)
    else:
        print(line, file=sys.stderr)


def _progress(total: int | None):
    from rich.progress import Progress

    from suppcheck_cli.render import console

    progress = Progress(console=console(stderr=True), transient=True)
    progress.start()
    return progress, progress.add_task("screening labels", total=total)


def _exit(counts: dict, worst: int, fail_on) -> int:
    if counts["errors"]:
        return USAGE
    if counts["incomplete"]:
        return UNRECOGNIZED
    if fail_on is not None and worst >= SEVERITY_RANK[fail_on.value]:
        return FINDING
    return OK
