"""Where `suppcheck` starts: `--help` and `--version` answer at once, without loading the library or the
command-line framework; every other command goes to the full application (`suppcheck_cli.app`)."""

from __future__ import annotations

import os
import sys

HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")


def version_line() -> str:
    """The package version and the bundled graph's version (owl:versionInfo of vocab.ttl)."""
    import re

    from suppcheck_cli import __version__ as package

    graph = "unknown"
    override = os.environ.get("SUPPCHECK_KB_DIR")
    if override:
        vocab = os.path.join(override, "vocab.ttl")
    else:
        import suppcheck_kb

        vocab = os.path.join(os.path.dirname(suppcheck_kb.__file__), "vocab.ttl")
    try:
        with open(vocab, encoding="utf-8") as handle:
            found = re.search(r'owl:versionInfo\s+"([^"]+)"', handle.read())
        graph = found.group(1) if found else graph
    except OSError:
        pass
    return f"suppcheck {package} (graph {graph})"


def main() -> None:
    args = sys.argv[1:]
    try:
        if args in ([], ["--help"]) and os.path.exists(HELP_FILE):
            with open(HELP_FILE, encoding="utf-8") as handle:
                sys.stdout.write(handle.read())
            return
        if args == ["--version"]:
            sys.stdout.write(version_line() + "\n")
            return
    except (BrokenPipeError, OSError):  # a closed or full standard output: as the application does
        raise SystemExit(5) from None
    from suppcheck_cli.app import main as full

    full()


if __name__ == "__main__":
    if "--write-help" in sys.argv:
        # Regenerate help.txt from the application's own help, at 80 columns and without colour.
        os.environ["COLUMNS"], os.environ["NO_COLOR"], os.environ["TERM"] = "80", "1", "dumb"
        from typer.testing import CliRunner

        from suppcheck_cli.app import app

        text = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"},
                                  prog_name="suppcheck").stdout
        with open(HELP_FILE, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        main()
