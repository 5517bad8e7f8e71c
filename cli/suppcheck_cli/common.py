"""What every command shares: output formats, exit codes, and turning errors into messages."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

import typer
from suppcheck.models import Severity

OK, FINDING, USAGE, UNRECOGNIZED, GRAPH = 0, 1, 2, 3, 4
EXIT_CODES_HELP = ("Exit status: 0 ran (read the report); 1 a finding at or above --fail-on; 2 usage or input "
                   "error; 3 an item was not recognised (the report is still printed); 4 the graph failed to "
                   "load or validate.")

F = TypeVar("F", bound=Callable[..., object])


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


# --fail-on takes the severities of the contract.
FailOn = Severity


def handle_errors(func: F) -> F:
    """Expected errors become a message on stderr and an exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from suppcheck.errors import InputError, KnowledgeError, SuppcheckError, UnknownItemError

        from suppcheck_cli.render import error

        try:
            return func(*args, **kwargs)
        except KnowledgeError as exc:
            error(f"the knowledge graph failed to load: {exc}")
            raise typer.Exit(GRAPH) from None
        except UnknownItemError as exc:
            error(str(exc))
            raise typer.Exit(UNRECOGNIZED) from None
        except (InputError, SuppcheckError) as exc:
            error(str(exc))
            raise typer.Exit(USAGE) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(OK) from None

    return wrapper  # type: ignore[return-value]


def write(text: str) -> None:
    """Plain text to stdout, untouched by rich (JSON, Markdown)."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
