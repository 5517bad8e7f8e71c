"""suppcheck: supplement-drug interaction checking for cancer care, over a curated, sourced graph.

    >>> import suppcheck
    >>> result = suppcheck.check(drugs=["imatinib 400 mg daily"], supplements=["St John's wort"])
    >>> result.findings[0].severity.value
    'major'
"""

from __future__ import annotations

from suppcheck.engine import Checker, default_checker
from suppcheck.errors import InputError, KnowledgeError, SuppcheckError, UnknownItemError
from suppcheck.kb import KnowledgeBase
from suppcheck.models import (
    SCHEMA_VERSION,
    CheckResult,
    Evidence,
    Finding,
    Item,
    Regimen,
    RegimenEntry,
    Severity,
    Source,
    Status,
)

__version__ = "0.1.0"


def check(drugs: list[str | RegimenEntry] | None = None, supplements: list[str | RegimenEntry] | None = None,
          context: list[str] | None = None) -> CheckResult:
    """Check a regimen against the bundled graph (loaded once per process)."""
    return default_checker().check(drugs=drugs, supplements=supplements, context=context)


def read_label(text: str):
    """The active ingredients, excipients and directions of one supplement label text."""
    from suppcheck.labels import read_label as _read

    return _read(default_checker(), text)


def check_label(text: str, regimen: Regimen | dict | None = None) -> CheckResult:
    """Check the actives of a label against a regimen (drugs, supplements, context), as `check` does."""
    from suppcheck.labels import check_label as _check
    from suppcheck.regimen_io import regimen_from_data

    if isinstance(regimen, dict):
        regimen = regimen_from_data(regimen)
    return _check(default_checker(), text, regimen)[1]


def check_labels(texts, regimen: Regimen | dict | None = None, workers: int | None = None) -> list:
    """Read and check many labels, on worker processes for large batches; one outcome per text, in order,
    each with `reading`, `result` and `error` (a label that cannot be read is an error, never dropped)."""
    from suppcheck.batch import check_labels as _check_labels
    from suppcheck.regimen_io import regimen_from_data

    if isinstance(regimen, dict):
        regimen = regimen_from_data(regimen)
    return list(_check_labels(texts, regimen, workers))


def explain(supplement: str, drug: str):
    """The finding for one pair and every graph fact behind it."""
    from suppcheck.explaining import explain as _explain

    return _explain(default_checker(), supplement, drug)


def lookup(name: str):
    """What the graph knows of one supplement or drug."""
    from suppcheck.explaining import describe

    return describe(default_checker(), name)


__all__ = [
    "SCHEMA_VERSION", "CheckResult", "Checker", "Evidence", "Finding", "InputError", "Item", "KnowledgeBase",
    "KnowledgeError", "Regimen", "RegimenEntry", "Severity", "Source", "Status", "SuppcheckError",
    "UnknownItemError", "check", "check_label", "check_labels", "explain", "lookup", "read_label",
]
