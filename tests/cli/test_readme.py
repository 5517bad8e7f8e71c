"""Every README example that needs no server or private file runs, without a traceback."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from suppcheck_cli.app import app
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NEEDS_OTHER_FILES = ("serve", "product.txt", "photos-ocr", "batch.", "bundle.json", "graph.jsonld", "regimen.json",
                     "export/", "meds.csv")  # a population export: tests/screen runs the command on generated ones


def _commands() -> list[str]:
    out = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            line = line.strip()
            is_command = line.startswith("$ suppcheck ") or (line.startswith("suppcheck ") and "graph 20" not in line)
            line = line.removeprefix("$ ")
            if is_command and not any(x in line for x in NEEDS_OTHER_FILES):
                out.append(line.split("  #")[0].strip())
    return out


def test_readme_has_examples():
    assert len(_commands()) >= 8


@pytest.mark.parametrize("command", _commands())
def test_readme_example_runs(command, tmp_path, monkeypatch):
    yaml_block = re.search(r"```yaml\n# regimen.yaml\n(.*?)```", README, re.DOTALL).group(1)
    (tmp_path / "regimen.yaml").write_text(yaml_block, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [a.replace("tests/fixtures", str(ROOT / "tests" / "fixtures")) for a in shlex.split(command)[1:]]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 3), f"{command}: exit {result.exit_code}: {result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.strip()


# ------------------------------------------------------------------------- shown output stays true
# An example shown with its output ("$ suppcheck ..." followed by what it prints) is re-run here and
# must print exactly what the README shows. `python tests/cli/test_readme.py --write` regenerates them.
SHOWN = re.compile(r"```\n\$ (suppcheck [^\n]+)\n\n(.*?)```", re.DOTALL)


def _shown_output(command: str) -> str:
    import os

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        result = CliRunner().invoke(app, shlex.split(command)[1:])
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old
    return result.stdout


def test_readme_shows_real_output():
    shown = SHOWN.findall(README)
    assert shown, "the README shows at least one example with its output"
    for command, output in shown:
        assert "--date" in command, "an example with shown output fixes its date, so it can be reproduced"
        assert _shown_output(command) == output, f"README output of `{command}` is out of date; run " \
                                                 "python tests/cli/test_readme.py --write"


# ------------------------------------------------------------------------- the JSON contract example
# The README's JSON example is a real run, shortened the same way every time (see `_shortened`).
JSON_COMMAND = ["check", "--drug", "imatinib 400 mg daily", "--supplement", "St John's wort 300 mg three times daily",
                "--format", "json"]
JSON_BLOCK = re.compile(r"(<!-- json-example -->\n```json\n)(.*?)(```)", re.DOTALL)


def _shortened() -> str:
    import json

    doc = json.loads(CliRunner().invoke(app, JSON_COMMAND).stdout)
    doc["knowledge"]["sha256"] = doc["knowledge"]["sha256"][:16] + "..."
    for f in doc["findings"]:
        f["evidence"]["summary"] = f["evidence"]["summary"][:160] + "..."
        f["evidence"]["sources"] = f["evidence"]["sources"][:1]
        f["notes"] = f["notes"][:1]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def test_the_json_example_is_a_real_run():
    found = JSON_BLOCK.search(README)
    assert found, "the JSON contract example is marked <!-- json-example -->"
    assert found.group(2) == _shortened(), "the JSON example is out of date; run python tests/cli/test_readme.py --write"


# ------------------------------------------------------------------------- the CDS Hooks example
CDS_BLOCK = re.compile(r"(<!-- cds-example -->\n```json\n)(.*?)(```)", re.DOTALL)


def _first_card() -> str:
    import json

    from suppcheck.engine import default_checker
    from suppcheck_cli.service import _cards

    request = json.loads((ROOT / "tests" / "fixtures" / "fhir" / "order-sign.json").read_text(encoding="utf-8"))
    card = _cards(default_checker(), "order-sign", request)[0]
    card["uuid"] = "…"
    for suggestion in card.get("suggestions", []):
        suggestion["uuid"] = "…"
    return json.dumps({"cards": [card]}, indent=2, ensure_ascii=False) + "\n"


def test_the_cds_example_is_a_real_answer():
    found = CDS_BLOCK.search(README)
    assert found, "the CDS Hooks example is marked <!-- cds-example -->"
    assert found.group(2) == _first_card(), "the CDS example is out of date; run python tests/cli/test_readme.py --write"


if __name__ == "__main__":
    import sys

    if "--write" in sys.argv:
        text = README
        for command, output in SHOWN.findall(README):
            text = text.replace(f"$ {command}\n\n{output}", f"$ {command}\n\n{_shown_output(command)}")
        text = JSON_BLOCK.sub(lambda m: m.group(1) + _shortened() + m.group(3), text)
        text = CDS_BLOCK.sub(lambda m: m.group(1) + _first_card() + m.group(3), text)
        (ROOT / "README.md").write_text(text, encoding="utf-8")
