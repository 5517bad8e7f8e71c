"""Where `suppcheck` starts: `--help` and `--version` answer at once, without loading the library or the
command-line framework; a `check` whose options are all plainly given runs without the framework too; every
other command line (help, an unknown or malformed option, any other command) goes to the full application
(`suppcheck_cli.app`), which gives the same results and the framework's own messages."""

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
    if args[:1] == ["check"]:
        options = check_options(args[1:])
        if options is not None:
            raise SystemExit(_run_check(options))
    if args[:1] == ["label"]:
        options = label_options(args[1:])
        if options is not None:
            raise SystemExit(_run_label(options))
    from suppcheck_cli.app import main as full

    full()


_CHECK_LISTS = {"--drug": "drug", "-d": "drug", "--supplement": "supplement", "-s": "supplement",
                "--context": "context", "-c": "context"}
_CHECK_VALUES = {"--format": "fmt", "-f": "fmt", "--fail-on": "fail_on", "--surgery-date": "surgery_date",
                 "--date": "today", "--contact": "contact"}
_FORMATS = ("table", "json", "markdown", "note", "html", "handout", "fhir")
_SEVERITIES = ("minor", "moderate", "major")


def _read(args: list[str], lists: dict, values: dict, options: dict, positional, repeatable: tuple = ()) -> dict | None:
    """Options as plainly given: `--name value`, `--name=value`, lists that repeat, values given once (those in
    `repeatable` may repeat, the last one counting), and positional arguments taken by `positional` (False:
    not plain). None when anything is not plain: the full application then reads the line."""
    seen: set[str] = set()
    n = 0
    while n < len(args):
        arg = args[n]
        if arg.startswith("--") and "=" in arg:
            name, value = arg.split("=", 1)
            n += 1
        elif arg in lists or arg in values:
            if n + 1 >= len(args):
                return None
            name, value = arg, args[n + 1]
            n += 2
        elif arg == "-" or not arg.startswith("-"):
            if not positional(arg):
                return None
            n += 1
            continue
        else:
            return None
        if value.startswith("-") and value != "-":
            return None
        if name in lists:
            options[lists[name]].append(value)
        elif name in values and (values[name] not in seen or values[name] in repeatable):
            seen.add(values[name])
            options[values[name]] = value
        else:
            return None  # an unknown option, or one given twice: the application says what it makes of it
    return options


def check_options(args: list[str]) -> dict | None:
    """The options of a `check` command line, or None when anything is not plainly one of them (help, an
    unknown option, a missing or odd value, a second file): the full application then reads it."""
    options: dict = {"file": None, "drug": [], "supplement": [], "context": [], "fmt": "table", "fail_on": None,
                     "surgery_date": None, "today": None, "contact": None}

    def file(arg: str) -> bool:
        if options["file"] is not None:
            return False
        options["file"] = arg
        return True

    if _read(args, _CHECK_LISTS, _CHECK_VALUES, options, file, repeatable=("fmt",)) is None:
        return None
    if options["fmt"] not in _FORMATS or options["fail_on"] not in (None, *_SEVERITIES):
        return None
    return options


_LABEL_LISTS = {"--drug": "drug", "-d": "drug", "--context": "context", "-c": "context"}
_LABEL_VALUES = {"--format": "fmt", "-f": "fmt", "--fail-on": "fail_on", "--regimen": "regimen", "-r": "regimen",
                 "--workers": "workers", "-w": "workers"}


def label_options(args: list[str]) -> dict | None:
    """The options of a `label` command line, or None when anything is not plainly one of them (as
    `check_options`): the full application then reads it, with its own messages."""
    options: dict = {"inputs": [], "regimen": None, "drug": [], "context": [], "fmt": None, "fail_on": None,
                     "workers": None}
    if _read(args, _LABEL_LISTS, _LABEL_VALUES, options, lambda arg: options["inputs"].append(arg) or True) is None:
        return None
    workers = options["workers"]
    if workers is not None:
        if not (workers.isascii() and workers.isdigit() and 1 <= int(workers) <= 64):
            return None
        options["workers"] = int(workers)
    options["fmt"] = options["fmt"] or "table"
    if not options["inputs"] or options["fmt"] not in ("table", "json", "markdown") or \
            options["fail_on"] not in (None, *_SEVERITIES):
        return None
    return options


def _run_label(options: dict) -> int:
    from suppcheck.models import Severity

    from suppcheck_cli.label_run import run

    options["fail_on"] = Severity(options["fail_on"]) if options["fail_on"] else None

    return _guarded(lambda: run(**options))


def _run_check(options: dict) -> int:
    from suppcheck.models import Severity

    from suppcheck_cli.check_run import CheckFormat, run

    options["fmt"] = CheckFormat(options["fmt"])
    options["fail_on"] = Severity(options["fail_on"]) if options["fail_on"] else None
    return _guarded(lambda: run(**options))


def _guarded(command) -> int:
    """A command's exit code; an error becomes one line on stderr and its exit code, as in the application."""
    from suppcheck_cli.outcome import code_for_error

    try:
        return command()
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        return 1
    except Exception as exc:  # as the application's handler does: one line on stderr, an exit code
        return code_for_error(exc)


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
