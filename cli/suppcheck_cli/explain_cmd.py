"""`suppcheck explain SUPPLEMENT DRUG`: the evidence chain of one pair, with its sources."""

from __future__ import annotations

import typer

from suppcheck_cli.common import Format, handle_errors, write


@handle_errors
def explain(
    supplement: str = typer.Argument(..., help="Supplement name"),
    drug: str = typer.Argument(..., help="Drug name, or a context (radiation, surgery ...)"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown"),
) -> None:
    """Explain why a supplement and a drug (or context) interact, fact by fact, with sources."""
    from suppcheck.engine import default_checker
    from suppcheck.explaining import explain as build

    exp = build(default_checker(), supplement, drug)
    if fmt is Format.json:
        write(exp.model_dump_json(indent=2))
        return
    from suppcheck_cli.render import explanation

    text = explanation(exp, fmt.value)
    if text:
        write(text)
