"""The `suppcheck` command: composes one module per command."""

from __future__ import annotations

import typer

from suppcheck_cli.check_cmd import check
from suppcheck_cli.common import EXIT_CODES_HELP
from suppcheck_cli.explain_cmd import explain
from suppcheck_cli.kg_cmd import kg_app
from suppcheck_cli.label_cmd import label
from suppcheck_cli.lookup_cmd import lookup
from suppcheck_cli.screen_cmd import screen
from suppcheck_cli.serve_cmd import serve

app = typer.Typer(
    help="Supplement-drug interaction checker for cancer care, over a curated, sourced knowledge graph. "
         "Decision support, not a substitute for clinical judgement. " + EXIT_CODES_HELP,
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
def _version(value: bool) -> None:
    """`suppcheck --version`: the package version and the bundled graph's version, then exit."""
    if not value:
        return
    from suppcheck_cli.fast import version_line

    print(version_line())
    raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the package and graph versions and exit")) -> None:
    """Supplement-drug interaction checker for cancer care."""


app.command(help="Check a regimen for supplement-drug interactions. " + EXIT_CODES_HELP)(check)
app.command()(explain)
app.command()(lookup)
app.command()(label)
app.command()(serve)
app.command()(screen)
app.add_typer(kg_app, name="kg")


def main() -> None:
    import sys

    if sys.stdout is None:  # started with standard output closed: nowhere to write the report
        if sys.stderr is not None:
            sys.stderr.write("error: standard output is closed; nothing can be written\n")
        raise SystemExit(5)
    try:
        app(prog_name="suppcheck")
    except Exception as exc:  # anything a command's own handler did not catch: exit 5, one line
        sys.stderr.write(f"error: internal error ({type(exc).__name__}); please report it\n")
        raise SystemExit(5) from None


if __name__ == "__main__":
    main()
