"""`suppcheck check`: a regimen from flags, a YAML/JSON file, or standard input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from suppcheck_cli.common import FINDING, OK, UNRECOGNIZED, FailOn, Format, handle_errors, write

SEVERITY_RANK = {"minor": 0, "moderate": 1, "major": 2}


def load_input(file: Optional[str], drugs: list[str], supplements: list[str], contexts: list[str]):
    """Merge a regimen file (or '-' for stdin) with the flags into one Regimen."""
    from suppcheck.errors import InputError
    from suppcheck.models import Regimen
    from suppcheck.regimen_io import decode, parse_regimen_text, read_file

    base = Regimen()
    if file == "-":
        data = sys.stdin.buffer.read()
        base = parse_regimen_text(decode(data, "<stdin>"), where="<stdin>")
    elif file:
        path = Path(file)
        if path.suffix.lower() not in (".yaml", ".yml", ".json"):
            raise InputError("a regimen file ends in .yaml, .yml or .json", where=file)
        base = parse_regimen_text(decode(read_file(path), file), where=file)
    return Regimen(drugs=[*base.drugs, *drugs], supplements=[*base.supplements, *supplements],
                   context=[*base.context, *contexts])


@handle_errors
def check(
    file: Optional[str] = typer.Argument(None, help="Regimen file (.yaml, .yml, .json), or - for standard input"),
    drug: list[str] = typer.Option([], "--drug", "-d", help="A drug, with its dose if known (repeatable)"),
    supplement: list[str] = typer.Option([], "--supplement", "-s", help="A supplement, with its dose (repeatable)"),
    context: list[str] = typer.Option([], "--context", "-c",
                                      help="radiation, surgery, neutropenia, thrombocytopenia, lab-testing (repeatable)"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown"),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity"),
) -> None:
    """Check a regimen for supplement-drug interactions."""
    from suppcheck.engine import default_checker

    regimen = load_input(file, drug, supplement, context)
    result = default_checker().check_regimen(regimen)
    if fmt is Format.json:
        write(result.model_dump_json(indent=2))
    elif fmt is Format.markdown:
        from suppcheck_cli.render import markdown

        write(markdown(result))
    else:
        from suppcheck_cli.render import table

        table(result)
    raise typer.Exit(exit_code(result, fail_on))


def exit_code(result, fail_on: Optional[FailOn]) -> int:
    """3 when an item was not recognised (an incomplete check), else 1 at or above --fail-on, else 0."""
    if result.summary.not_checked:
        return UNRECOGNIZED
    if fail_on is not None and any(SEVERITY_RANK[f.severity.value] >= SEVERITY_RANK[fail_on.value]
                                   for f in result.findings):
        return FINDING
    return OK
