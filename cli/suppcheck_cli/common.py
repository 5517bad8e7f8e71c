"""What every command shares: output formats, exit codes, and turning errors into messages."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

import typer
from suppcheck.models import Severity

OK, FINDING, USAGE, UNRECOGNIZED, GRAPH, INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_CODES_HELP = ("Exit status: 0 ran (read the report); 1 a finding at or above --fail-on; 2 usage or input "
                   "error; 3 an item was not recognised or not fully read (the report is still printed); 4 the "
                   "graph failed to load or validate; 5 an internal error or a service that could not start.")

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
            _quiet_stdout()
            raise typer.Exit(OK) from None
        except OSError as exc:
            # stdout closed or full (/dev/full): the report could not be written, which is not "done".
            _quiet_stdout()
            error(f"could not write the output: {exc.strerror or exc}")
            raise typer.Exit(INTERNAL) from None
        except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # an internal fault: one line, never a traceback, never exit 1
            error(f"internal error ({type(exc).__name__}): {_one_line(exc)}; please report it")
            raise typer.Exit(INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _quiet_stdout() -> None:
    """After a write failed, point stdout at /dev/null so the interpreter's final flush stays silent."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# C1 controls and bidirectional overrides pass through JSON encoders unescaped; a terminal may act on them.
_RAW_CONTROLS = None


def write(text: str) -> None:
    """Plain text to stdout, untouched by rich (JSON, Markdown); C1 and bidi controls written as \\uXXXX."""
    global _RAW_CONTROLS
    if _RAW_CONTROLS is None:
        import re

        _RAW_CONTROLS = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    text = _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
