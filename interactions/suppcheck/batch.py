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
    from suppcheck.engine import default_checker

    _WORKER["checker"] = checker or default_checker()
    _WORKER["regimen"] = regimen


def _work(text: str) -> LabelOutcome:
    return screen_one(_WORKER["checker"], text, _WORKER["regimen"])


@dataclass(frozen=True)
class LabelJSON:
    """One label's outcome as JSON text (rendered where it was checked) and the counts a batch summary needs."""

    label: str | None  # the reading, as JSON
    result: str | None  # the check result, as JSON
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
    return as_json(_work(text))


def check_labels(texts: Iterable[str], regimen: Regimen | None = None, workers: int | None = None,
                 checker=None) -> Iterator[LabelOutcome]:
    """Each label's outcome, in input order. `workers`: processes to use (default one per CPU for batches of
    PARALLEL_FROM labels or more, else this process)."""
    return _screen(texts, regimen, workers, checker, lambda outcome: outcome, _work)


def check_labels_json(texts: Iterable[str], regimen: Regimen | None = None, workers: int | None = None,
                      checker=None) -> Iterator[LabelJSON]:
    """As `check_labels`, each outcome rendered as JSON where it was checked: a batch written as JSON Lines
    spends the parent's time on writing, not on copying records between processes and rendering them."""
    return _screen(texts, regimen, workers, checker, as_json, _work_json)


def _screen(texts, regimen, workers, checker, here, there) -> Iterator:
    """`here(outcome)` for each label screened in this process, or `there(text)` on worker processes."""
    from suppcheck.engine import default_checker

    texts = list(texts)
    regimen = regimen or Regimen()
    n = workers or ((os.cpu_count() or 1) if len(texts) >= PARALLEL_FROM else 1)
    if n <= 1 or len(texts) < 2:
        checker = checker or default_checker()
        for text in texts:
            yield here(screen_one(checker, text, regimen))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    checker = checker or default_checker()
    # The first label is screened here: the label reader is loaded and the regimen's lines are read before the
    # workers start, so each worker (a fork of this process, where the system has fork) begins with them.
    yield here(screen_one(checker, texts[0], regimen))
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork") if fork else None
    chunk = max(1, min(64, len(texts) // (n * 8) or 1))
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_init_worker,
                             initargs=(regimen, checker if fork else None)) as pool:
        yield from pool.map(there, texts[1:], chunksize=chunk)
