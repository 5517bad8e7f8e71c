"""`suppcheck check`: a regimen from flags, a YAML/JSON file, or standard input."""

from __future__ import annotations

import typer

from suppcheck_cli.check_run import CheckFormat, load_input, run  # noqa: F401 - load_input is shared
from suppcheck_cli.common import FailOn, handle_errors


@handle_errors
def check(
    file: str | None = typer.Argument(None, help="Regimen file (.yaml, .yml, .json), or - for standard input"),
    drug: list[str] = typer.Option([], "--drug", "-d", help="A drug, with its dose if known (repeatable)"),
    supplement: list[str] = typer.Option([], "--supplement", "-s", help="A supplement, with its dose (repeatable)"),
    context: list[str] = typer.Option([], "--context", "-c",
                                      help="radiation, surgery, neutropenia, thrombocytopenia, lab-testing (repeatable)"),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f",
                                    help="table, json, markdown, note (plain text for an EHR note, 80 columns), "
                                         "html (a printable page), handout (for the patient), or fhir"),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity"),
    surgery_date: str | None = typer.Option(None, "--surgery-date",
                                            help="YYYY-MM-DD: adds the surgery context and turns stop-before-surgery "
                                                 "times into stop-by dates"),
    today: str | None = typer.Option(None, "--date", help="YYYY-MM-DD: the report's date (default: today)"),
    contact: str | None = typer.Option(None, "--contact", help="The clinic's contact line, for the handout"),
) -> None:
    """Check a regimen for supplement-drug interactions."""
    raise typer.Exit(run(file, drug, supplement, context, fmt, fail_on, surgery_date, today, contact))
