"""`suppcheck lookup NAME`: what the graph knows of one supplement or drug."""

from __future__ import annotations

import typer

from suppcheck_cli.common import Format, handle_errors, write


@handle_errors
def lookup(
    name: str = typer.Argument(..., help="Supplement or drug name"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown"),
) -> None:
    """Show names, effects, properties and curated interactions of one supplement or drug."""
    from suppcheck.engine import default_checker
    from suppcheck.explaining import describe

    desc = describe(default_checker(), name)
    if fmt is Format.json:
        write(desc.model_dump_json(indent=2))
        return
    from suppcheck_cli.render import description

    text = description(desc, fmt.value)
    if text:
        write(text)
