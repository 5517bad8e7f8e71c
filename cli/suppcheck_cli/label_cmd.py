"""`suppcheck label`: what a supplement label contains and what that hits in the regimen."""

from __future__ import annotations

import typer

from suppcheck_cli.common import FailOn, Format, handle_errors
from suppcheck_cli.label_run import _document, _json_line, run  # noqa: F401 - shared with tests

PARALLEL_FROM = 400  # as suppcheck.batch.PARALLEL_FROM (kept here so --help needs no library import)


@handle_errors
def label(
    inputs: list[str] = typer.Argument(None, help="Label text files, folders, .jsonl/.csv batches (id, text), or -"),
    regimen: str | None = typer.Option(None, "--regimen", "-r", help="Regimen file (.yaml, .yml, .json) to check against"),
    drug: list[str] = typer.Option([], "--drug", "-d", help="A drug of the regimen (repeatable)"),
    context: list[str] = typer.Option([], "--context", "-c", help="radiation, surgery, neutropenia, ... (repeatable)"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json (JSON Lines for batches) or markdown"),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity"),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, max=64,
                                       help="Worker processes for a batch (default: one per CPU for batches of "
                                            f"{PARALLEL_FROM} labels or more, else 1); rows stay in input order"),
) -> None:
    """Read supplement labels (Supplement Facts panels, pasted or OCR'd) and check their actives.

    Exit status: 0 done; 1 a finding at or above --fail-on; 2 bad usage, or a label that could not be
    read (its error row says why; the rest are screened); 3 an active ingredient was not recognised, or
    a row was read only in part.
    """
    raise typer.Exit(run(inputs or [], regimen, drug, context, fmt.value, fail_on, workers))
