"""Exit codes, error messages and plain output: what every command shares, without the command-line
framework (the fast start path of `check` uses it too)."""

from __future__ import annotations

import sys

OK, FINDING, USAGE, UNRECOGNIZED, GRAPH, INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_CODES_HELP = ("Exit status: 0 ran (read the report); 1 a finding at or above --fail-on; 2 usage or input "
                   "error; 3 an item was not recognised or not fully read (the report is still printed); 4 the "
                   "graph failed to load or validate; 5 an internal error or a service that could not start.")


def code_for_error(exc: Exception) -> int:
    """Say what went wrong on stderr, in one line, and give the exit code for it (no traceback ever)."""
    from suppcheck.errors import InputError, KnowledgeError, SuppcheckError, UnknownItemError

    from suppcheck_cli.render import error

    if isinstance(exc, KnowledgeError):
        error(f"the knowledge graph failed to load: {exc}")
        return GRAPH
    if isinstance(exc, UnknownItemError):
        error(str(exc))
        return UNRECOGNIZED
    if isinstance(exc, (InputError, SuppcheckError)):
        error(str(exc))
        return USAGE
    if isinstance(exc, BrokenPipeError):
        _quiet_stdout()
        return OK
    if isinstance(exc, OSError):
        # stdout closed or full (/dev/full): the report could not be written, which is not "done".
        _quiet_stdout()
        error(f"could not write the output: {exc.strerror or exc}")
        return INTERNAL
    # an internal fault: one line, never a traceback, never exit 1
    error(f"internal error ({type(exc).__name__}): {_one_line(exc)}; please report it")
    return INTERNAL


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


def write(text: str, escaped: bool = False) -> None:
    """Plain text to stdout, untouched by rich (JSON, Markdown); C1 and bidi controls written as \\uXXXX
    (`escaped`: the text was written so already, as `suppcheck.records.json_text` does)."""
    global _RAW_CONTROLS
    if _RAW_CONTROLS is None:
        import re

        _RAW_CONTROLS = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    if not escaped and (not text.isascii() or "\x7f" in text):  # both checks run at memory speed
        text = _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def write_bytes(line: bytes) -> None:
    """A line already encoded (UTF-8) and escaped (see `write`), written to stdout's byte stream as it is."""
    sys.stdout.flush()
    sys.stdout.buffer.write(line if line.endswith(b"\n") else line + b"\n")
    sys.stdout.buffer.flush()
