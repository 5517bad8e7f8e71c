"""What every command shares: output formats, exit codes, and turning errors into messages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

import typer
from suppcheck.models import Severity

from suppcheck_cli.outcome import (  # noqa: F401 - shared by the commands
    EXIT_CODES_HELP,
    FINDING,
    GRAPH,
    INTERNAL,
    OK,
    UNRECOGNIZED,
    USAGE,
    code_for_error,
    write,
)

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
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            raise typer.Exit(code_for_error(exc)) from None

    return wrapper  # type: ignore[return-value]


