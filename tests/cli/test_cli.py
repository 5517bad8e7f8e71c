"""The command line: help, formats, exit codes, errors on stderr, bad input never a traceback."""

from __future__ import annotations

import json
import re

import pytest
from suppcheck_cli.app import app
from typer.testing import CliRunner

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.mark.parametrize("command", [[], ["check"], ["explain"], ["lookup"], ["kg"], ["kg", "validate"],
                                     ["kg", "stats"], ["kg", "query"], ["kg", "export"]])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_help_documents_exit_codes():
    assert "3 an item was not recognised" in " ".join(run("check", "--help").stdout.split())


def test_check_json_gives_major_pk_finding_with_pmid():
    result = run("check", "--drug", "imatinib", "--supplement", "St John's wort", "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    finding = doc["findings"][0]
    assert finding["severity"] == "major" and finding["kind"] == "pharmacokinetic"
    assert any(m["target"] == "CYP3A4" for m in finding["mechanisms"])
    assert any(s["pmid"] for s in finding["evidence"]["sources"])


def test_unknown_supplement_exits_3_and_is_listed():
    result = run("check", "--drug", "imatinib", "--supplement", "moonbeam tonic xq", "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["summary"]["not_checked"] == ["moonbeam tonic xq"]


def test_fail_on_gives_exit_1():
    result = run("check", "-d", "imatinib", "-s", "St John's wort", "--fail-on", "major", "--format", "json")
    assert result.exit_code == 1


def test_table_and_markdown_show_severity_sources_and_reminder():
    table = run("check", "-d", "imatinib", "-s", "St John's wort", "-s", "qqq unknown")
    assert table.exit_code == 3
    for text in ("MAJOR", "Sources", "PMID", "NOT CHECKED", "not proof of safety", "Graph version"):
        assert text in table.stdout
    md = run("check", "-d", "imatinib", "-s", "St John's wort", "--format", "markdown")
    assert md.stdout.startswith("# Supplement-drug interaction check") and "- **MAJOR** St John" in md.stdout


def test_regimen_file_yaml_and_stdin(tmp_path):
    regimen = tmp_path / "regimen.yaml"
    regimen.write_text("drugs:\n  - imatinib 400 mg daily\n  - {name: warfarin, dose: 5 mg daily}\n"
                       "supplements:\n  - St John's wort 300 mg three times daily\ncontext: [radiation]\n",
                       encoding="utf-8")
    result = run("check", str(regimen), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [i["input"] for i in doc["items"]][:2] == ["imatinib 400 mg daily", "warfarin 5 mg daily"]
    piped = run("check", "-", "--format", "json", input=json.dumps({"drugs": ["imatinib"], "supplements": ["SJW"]}))
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout)["findings"][0]["severity"] == "major"


@pytest.mark.parametrize(("content", "message"), [
    ("drugs: [imatinib\nsupplements: x", "malformed YAML at line"),
    ("- imatinib\n- ginkgo\n", "top level must be a mapping"),
    ("drugs: [imatinib]\nsupplement: [ginkgo]\n", "unknown key"),
    ("drugs: 5\n", "drugs"),
    ("drugs: [{name: imatinib, dosage: 4}]\n", "unknown key"),
    ("", "empty"),
    ("drugs: []\nsupplements: []\n", "empty"),
    ("drugs: [imatinib]\ncontext: [moonlight]\n", "unknown context"),
])
def test_malformed_regimen_exits_2_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_files_exit_2(tmp_path):
    missing = run("check", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("drugs: [caf\xe9ine]\n".encode("latin-1"))
    result = run("check", str(latin1))
    assert result.exit_code == 2 and "not UTF-8" in result.stderr
    badjson = tmp_path / "r.json"
    badjson.write_text('{"drugs": ["imatinib",]}', encoding="utf-8")
    result = run("check", str(badjson))
    assert result.exit_code == 2 and "malformed JSON" in result.stderr
    txt = tmp_path / "r.txt"
    txt.write_text("imatinib", encoding="utf-8")
    assert run("check", str(txt)).exit_code == 2


def test_odd_unicode_is_read_right():
    result = run("check", "-d", "imatinib\u00a0400\u00a0mg", "-s", "St\u00a0John\u2019s wort", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"][0]["severity"] == "major"


def test_large_regimen_from_stdin():
    regimen = {"drugs": ["imatinib"] * 5000, "supplements": ["ginkgo"] * 4999 + ["St John's wort"]}
    result = run("check", "-", "--format", "json", input=json.dumps(regimen))
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["items"]) == 10000


def test_explain_and_lookup():
    exp = run("explain", "St John's wort", "imatinib", "--format", "json")
    assert exp.exit_code == 0, exp.stderr
    doc = json.loads(exp.stdout)
    assert doc["finding"]["severity"] == "major" and doc["facts"]
    look = run("lookup", "Hypericum perforatum", "--format", "json")
    assert look.exit_code == 0
    assert json.loads(look.stdout)["name"] == "St John's wort"
    unknown = run("lookup", "zzzzqqq")
    assert unknown.exit_code == 3 and "not in the knowledge graph" in unknown.stderr


def test_kg_stats_json_has_integer_counts():
    result = run("kg", "stats", "--format", "json")
    assert result.exit_code == 0
    stats = json.loads(result.stdout)
    for key in ("supplements", "drugs", "targets", "curated_interactions", "sources", "triples"):
        assert isinstance(stats[key], int) and stats[key] > 0


def test_kg_query_and_bad_query():
    ok = run("kg", "query", "SELECT ?s WHERE { ?s a sc:Supplement } LIMIT 3", "--format", "json")
    assert ok.exit_code == 0 and len(json.loads(ok.stdout)) == 3
    bad = run("kg", "query", "SELECT WHERE {")
    assert bad.exit_code == 2 and "SPARQL error" in bad.stderr


def test_kg_export_jsonld(tmp_path):
    out = tmp_path / "graph.jsonld"
    result = run("kg", "export", "--format", "json-ld", "--output", str(out))
    assert result.exit_code == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


def test_version_prints_the_package_and_graph_versions():
    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"suppcheck \S+ \(graph \d{4}\.\d+\.\d+\)\n", result.stdout), result.stdout


def test_the_fast_start_answers_help_and_version_like_the_application(capsys, monkeypatch):
    import sys
    from importlib.metadata import version

    from suppcheck_cli import __version__, fast

    assert __version__ == version("suppcheck"), "suppcheck_cli.__version__ follows pyproject.toml"
    with open(fast.HELP_FILE, encoding="utf-8") as handle:
        stored = handle.read()
    fresh = runner.invoke(app, ["--help"], env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"},
                          prog_name="suppcheck").stdout
    assert stored == fresh, "help.txt is out of date: run python cli/suppcheck_cli/fast.py --write-help"
    for args, expected in ((["--help"], stored), ([], stored)):
        monkeypatch.setattr(sys, "argv", ["suppcheck", *args])
        fast.main()
        assert capsys.readouterr().out == expected
    monkeypatch.setattr(sys, "argv", ["suppcheck", "--version"])
    fast.main()
    assert capsys.readouterr().out == run("--version").stdout


def test_help_and_version_load_neither_the_library_nor_the_framework():
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['suppcheck', '--help']; from suppcheck_cli import fast; fast.main(); "
            "sys.argv = ['suppcheck', '--version']; fast.main(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('suppcheck', 'typer', 'rich', 'pydantic', 'rdflib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_check_and_label_load_neither_rdflib_nor_pyshacl_nor_the_turtle_parser_when_the_cache_is_current(tmp_path):
    from tests_support import heavy_modules_loaded

    code = ("import sys\nfrom typer.testing import CliRunner\nfrom suppcheck_cli.app import app\n"
            "r = CliRunner().invoke(app, ['check', '-d', 'imatinib', '-s', \"St John's wort\", '--format', 'json'])\n"
            "assert r.exit_code == 0, r.stdout\n"
            "r = CliRunner().invoke(app, ['label', '-', '-d', 'warfarin'], input='Ginkgo biloba extract 120 mg')")
    assert heavy_modules_loaded(tmp_path, code, ("rdflib", "pyshacl", "pyoxigraph")) == []
