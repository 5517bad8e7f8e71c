"""Label batches on every core: the same reading and check as one label at a time, on worker processes,
with the outcomes in input order."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from suppcheck.models import CheckResult, Regimen

PARALLEL_FROM = 400  # below this many labels, starting worker processes costs more than it saves


@dataclass(frozen=True)
class LabelOutcome:
    """What one label gave: its reading and check result, or the error that stopped it."""

    reading: object | None
    result: CheckResult | None
    error: str | None


def screen_one(checker, text: str, regimen: Regimen) -> LabelOutcome:
    """One label; a label that cannot be read is an error outcome, never an exception."""
    from suppcheck.errors import SuppcheckError
    from suppcheck.labels import check_label

    try:
        reading, result = check_label(checker, text or "", regimen)
    except SuppcheckError as exc:
        return LabelOutcome(None, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad label must not stop a batch of thousands
        return LabelOutcome(None, None, f"could not be read ({type(exc).__name__})")
    return LabelOutcome(reading, result, None)


_WORKER: dict = {}


def _init_worker(regimen: Regimen, checker=None) -> None:
    """Each worker has the checker once: the parent's own when the worker is a fork of it (with the graph,
    the label reader and what the parent has already reasoned), else the compiled graph loaded afresh."""
    import gc

    from suppcheck.engine import default_checker

    _WORKER["checker"] = checker or default_checker()
    _WORKER["regimen"] = regimen
    # What the worker starts with (the graph, the reader, the memos) lives as long as the worker: out of the
    # collector's sight, it is neither scanned again nor copied from the parent by the collector's writes.
    gc.freeze()


def _work(text: str) -> LabelOutcome:
    return screen_one(_WORKER["checker"], text, _WORKER["regimen"])


@dataclass(frozen=True)
class LabelJSON:
    """One label's outcome as JSON text (rendered where it was checked) and the counts a batch summary needs."""

    label: str | bytes | None  # the reading, as JSON (UTF-8 bytes when it comes from a worker process)
    result: str | bytes | None  # the check result, as JSON (likewise)
    error: str | None
    severities: tuple[str, ...] = ()
    not_checked: int = 0
    unread: int = 0
    incomplete: bool = False


def as_json(outcome: LabelOutcome) -> LabelJSON:
    from suppcheck.records import json_text

    if outcome.error is not None:
        return LabelJSON(None, None, outcome.error)
    reading, result = outcome.reading, outcome.result
    return LabelJSON(json_text(reading), json_text(result), None,
                     tuple(f.severity.value for f in result.findings), len(reading.not_checked), len(reading.unread),
                     bool(result.summary.not_checked or reading.not_checked or reading.unread))


def _work_json(text: str) -> LabelJSON:
    # Sent to the parent as UTF-8 bytes, which it writes as they are: no decoding and encoding again there.
    done = as_json(_work(text))
    if done.label is None:
        return done
    return LabelJSON(done.label.encode("utf-8"), done.result.encode("utf-8"), None, done.severities,
                     done.not_checked, done.unread, done.incomplete)


def check_labels(texts: Iterable[str], regimen: Regimen | None = None, workers: int | None = None,
                 checker=None) -> Iterator[LabelOutcome]:
    """Each label's outcome, in input order. `workers`: processes to use (default one per CPU for batches of
    PARALLEL_FROM labels or more, else this process). `texts` may be a stream of any length: it is read a
    bounded window ahead; a None in it (a label not read) gives None in its place."""
    return _screen(texts, regimen, workers, checker, lambda outcome: outcome, False)


def check_labels_json(texts: Iterable[str], regimen: Regimen | None = None, workers: int | None = None,
                      checker=None) -> Iterator[LabelJSON]:
    """As `check_labels`, each outcome rendered as JSON where it was checked: a batch written as JSON Lines
    spends the parent's time on writing, not on copying records between processes and rendering them."""
    return _screen(texts, regimen, workers, checker, as_json, True)


CHUNK = 128  # labels sent to a worker at a time (fewer for a short batch, so every worker gets some)
WINDOW = 4  # chunks in flight per worker: input read ahead and output held back stay bounded


def _work_many(texts: list[str | None], rendered: bool) -> list:
    there = _work_json if rendered else _work
    return [None if text is None else there(text) for text in texts]


def _screen(texts, regimen, workers, checker, here, rendered: bool) -> Iterator:
    """`here(outcome)` for each label, screened in this process or on worker processes, in input order.

    `texts` may be a stream: it is read a bounded window ahead, so a batch of any size is screened in
    bounded memory. A None in it stands for a label that was not read: None comes out in its place.
    """
    import itertools

    from suppcheck.engine import default_checker

    stream = iter(texts)
    regimen = regimen or Regimen()
    head = list(itertools.islice(stream, PARALLEL_FROM))
    n = workers or ((os.cpu_count() or 1) if len(head) >= PARALLEL_FROM else 1)
    checker = checker or default_checker()
    if n <= 1 or len(head) < 2:
        for text in itertools.chain(head, stream):
            yield None if text is None else here(screen_one(checker, text, regimen))
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # The first label is screened here: the label reader is loaded and the regimen's lines are read before the
    # workers start, so each worker (a fork of this process, where the system has fork) begins with them.
    yield None if head[0] is None else here(screen_one(checker, head[0], regimen))
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork") if fork else None
    rest = itertools.chain(head[1:], stream)
    size = CHUNK if len(head) >= PARALLEL_FROM else max(1, min(CHUNK, len(head) // (n * 4)))
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_init_worker,
                             initargs=(regimen, checker if fork else None)) as pool:
        window: deque = deque()
        while True:
            chunk = list(itertools.islice(rest, size))
            if chunk:
                window.append(pool.submit(_work_many, chunk, rendered))
            if window and (not chunk or len(window) >= WINDOW * n):
                yield from window.popleft().result()
            if not chunk and not window:
                return
