"""`suppcheck check` with plainly given options runs without the command-line framework, and gives exactly
what the full application gives; anything else goes to the application."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from suppcheck_cli.fast import check_options
from tests_support import heavy_modules_loaded

FULL = [sys.executable, "-c", "import sys; sys.argv[0] = 'suppcheck'; from suppcheck_cli.app import main; main()"]
FAST = [sys.executable, "-m", "suppcheck_cli.fast"]

_UUID = re.compile(r"urn:uuid:[0-9a-f-]{36}")
LINES = [
    ["check", "-d", "imatinib 400 mg daily", "-s", "St John's wort 300 mg three times daily"],
    ["check", "--drug", "warfarin", "--supplement", "ginkgo", "--supplement", "fish oil 4 g", "--format", "json"],
    ["check", "-d", "apixaban", "-s", "turmeric", "-c", "surgery", "--surgery-date", "2027-01-20",
     "--date", "2027-01-02", "-f", "note"],
    ["check", "-s", "unknownium", "-d", "tamoxifen", "--fail-on", "minor", "--format=markdown"],
    ["check", "-d", "ibrutinib", "-s", "fish oil", "--fail-on", "moderate", "-f", "handout", "--date", "2027-01-02",
     "--contact", "Clinic 555-0100"],
    ["check", "-d", "imatinib", "--date", "not-a-date"],
    ["check", "-", "-s", "ginkgo"],
    ["check", "-d", "imatinib", "-f", "fhir"],
]


def _run(command: list[str], stdin: str, env: dict) -> tuple[int, str, str]:
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, check=False, timeout=120)
    return done.returncode, _UUID.sub("urn:uuid:*", done.stdout), done.stderr


@pytest.mark.parametrize("line", LINES, ids=[" ".join(x[1:4]) for x in LINES])
def test_the_fast_path_gives_what_the_application_gives(line, tmp_path):
    env = dict(os.environ, SUPPCHECK_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="100", NO_COLOR="1")
    stdin = "drugs: [warfarin]\n"
    assert check_options(line[1:]) is not None, "this line should take the fast path"
    fast = _run([*FAST, *line], stdin, env)
    full = _run([*FULL, *line], stdin, env)
    assert fast == full
    assert fast[0] in (0, 1, 2, 3)


@pytest.mark.parametrize("args", [
    ["--help"], ["-d"], ["-d", "warfarin", "--bogus"], ["-f", "JSON", "-d", "warfarin"], ["a.yaml", "b.yaml"],
    ["--fail-on", "none", "-d", "warfarin"], ["-d", "--supplement"], ["-dwarfarin"], ["--date", "1", "--date", "2"],
])
def test_anything_not_plain_goes_to_the_application(args):
    assert check_options(args) is None


def test_a_fast_check_loads_neither_the_framework_nor_pydantic_nor_rdflib(tmp_path):
    code = ("import sys, io, contextlib\nsys.argv = ['suppcheck', 'check', '-d', 'imatinib', '-s', \"St John's wort\"]\n"
            "from suppcheck_cli import fast\nout = io.StringIO()\n"
            "try:\n    with contextlib.redirect_stdout(out):\n        fast.main()\nexcept SystemExit as e:\n"
            "    assert e.code == 0, e.code\nassert 'MAJOR' in out.getvalue().upper()")
    assert heavy_modules_loaded(tmp_path, code) == []


def test_a_fast_check_loads_neither_openssl_nor_pathlib_nor_tempfile(tmp_path):
    """A check by flags with a current cache checks the fast part by its CRC-32 and walks the graph folder with
    strings: hashlib (and OpenSSL behind it), pathlib and tempfile are for writing or re-reading the cache."""
    code = ("import sys, io, contextlib\nsys.argv = ['suppcheck', 'check', '-d', 'imatinib', '-s', \"St John's wort\"]\n"
            "from suppcheck_cli import fast\nout = io.StringIO()\n"
            "try:\n    with contextlib.redirect_stdout(out):\n        fast.main()\nexcept SystemExit as e:\n"
            "    assert e.code == 0, e.code\nassert 'MAJOR' in out.getvalue().upper()")
    assert heavy_modules_loaded(tmp_path, code, ("hashlib", "_hashlib", "pathlib", "tempfile")) == []
