"""`suppcheck screen`: every patient of a FHIR Bulk Data export or a flat table, one row each."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from suppcheck_cli.common import INTERNAL, OK, handle_errors


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class _Bar:
    """The progress bar on standard error (only when it is a terminal)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description:<9}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                            MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.task = None
        self.bar.start()

    def phase(self, name: str, total: float) -> None:
        if self.task is not None:
            self.bar.remove_task(self.task)
        self.task = self.bar.add_task(name, total=max(total, 1))

    def advance(self, amount: float = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, amount)

    def close(self) -> None:
        self.bar.stop()


@handle_errors
def screen(
    input: str = typer.Argument(..., help="A FHIR Bulk Data export folder (MedicationStatement, MedicationRequest, "
                                          "Medication, Patient .ndjson, gzip accepted) or a flat table (.csv or "
                                          ".parquet with patient_id, role, text, and optional dose, status, context)"),
    out: str = typer.Option(..., "--out", "-o", help="Output: one row per patient, .ndjson (or .jsonl) or .parquet"),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (worker processes) or dask"),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1,
                                       help="Worker processes (local engine, or a local Dask cluster); "
                                            "default: one per CPU"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); "
                                                                   "without it --engine dask starts a local cluster"),
    report: str | None = typer.Option(None, "--report", help="Also write a summary page (.html, self-contained)"),
    work_dir: str | None = typer.Option(None, "--work-dir", help="Folder for the partition files (about the size "
                                                                 "of the input); default: the system's temporary folder"),
) -> None:
    """Screen a population: check every patient's regimen, one row per patient.

    Exit status: 0 ran (read the output); 2 usage or input error; 4 the graph failed to load; 5 an
    internal error, a Dask scheduler that could not be reached, or output that could not be written.
    """
    from suppcheck.screen import EngineError, Progress
    from suppcheck.screen import screen as run

    from suppcheck_cli.render import error

    progress = _Bar() if sys.stderr is not None and sys.stderr.isatty() else Progress()
    try:
        summary = run(input, out, engine=engine.value, workers=workers, scheduler=scheduler, report=report,
                      work_dir=work_dir, progress=progress)
    except EngineError as exc:
        progress.close()
        error(str(exc))
        raise typer.Exit(INTERNAL) from None
    sys.stderr.write(summary.line() + (f"; summary page {report}" if report else "") + "\n")
    if summary.internal:
        error(f"{summary.internal} patients could not be checked because of an internal error (their rows say so); "
              "please report it")
        raise typer.Exit(INTERNAL)
    raise typer.Exit(OK)
