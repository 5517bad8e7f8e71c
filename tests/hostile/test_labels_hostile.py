"""Hostile label input: nothing cut or merged without a word, one row out per label in, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suppcheck.errors import InputError
from suppcheck.labels import MAX_LABEL_CHARS, check_label, read_label
from suppcheck.labeltext import repair_ocr
from suppcheck.models import Regimen
from suppcheck_cli import label_inputs
from suppcheck_cli.app import app
from typer.testing import CliRunner

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
SJW_LABEL = "Supplement Facts\nSt. John's Wort extract 300 mg"
IMATINIB = Regimen(drugs=["imatinib"])
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def rows_of(result) -> list[dict]:
    """The JSON documents printed: one indented document for one label, else one per line."""
    text = result.stdout.strip()
    try:
        return [json.loads(text)] if text else []
    except json.JSONDecodeError:
        # split at LF only: U+2028 may stand unescaped inside a document
        return [json.loads(line) for line in text.split("\n") if line.strip()]


def majors(doc: dict) -> list[dict]:
    findings = doc["result"]["findings"] if doc["result"] else []
    return [f for f in findings if f["severity"] == "major" and f["drug"] and f["drug"]["name"] == "imatinib"]


# ----------------------------------------------------------------------------- long labels are read whole
@pytest.mark.parametrize("size", [199_000, 201_000, 1_000_000])
def test_text_past_the_old_cut_is_read(real_checker, size):
    filler = ("Other ingredients: cellulose, water.\n" * (size // 36 + 1))[:size]
    _, result = check_label(real_checker, "Supplement Facts\n" + filler + "\nSt. John's Wort extract 300 mg\n", IMATINIB)
    assert [f.severity.value for f in result.findings if f.drug] == ["major"], "the row after the filler was not read"


def test_a_label_past_the_bound_is_refused_whole_never_cut(real_checker):
    text = SJW_LABEL + "\n" + "x" * MAX_LABEL_CHARS
    with pytest.raises(InputError, match="nothing of it was read"):
        read_label(real_checker, text)
    result = run("label", "-", "--drug", "imatinib", "--format", "json", input=text)
    assert result.exit_code == 2 and "more than the 2,000,000" in rows_of(result)[0]["error"]


# ----------------------------------------------------------------------------- labels from which nothing is read
@pytest.mark.parametrize("text", ["", "   \n\t ", "\n\n\n", "Keep out of reach of children.",
                                  "These statements have not been evaluated by the Food and Drug Administration.",
                                  "Other ingredients: gelatin, rice flour."])
@pytest.mark.parametrize("extra", [["--drug", "warfarin"], ["--drug", "imatinib", "--context", "surgery"], []])
def test_a_label_with_no_ingredient_is_an_error_row(text, extra):
    result = run("label", "-", "--format", "json", *extra, input=text)
    assert result.exit_code == 2, result.stdout
    [doc] = rows_of(result)
    assert doc["result"] is None and "no ingredient could be read" in doc["error"]


def test_an_empty_label_in_a_batch_is_one_error_row_and_the_batch_goes_on(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join(json.dumps(row) for row in [{"id": "empty", "text": "These statements ... FDA."},
                                                            {"id": "sjw", "text": SJW_LABEL}]) + "\n")
    result = run("label", str(batch), "--drug", "imatinib", "--format", "json")
    empty, sjw = rows_of(result)
    assert "no ingredient" in empty["error"] and majors(sjw) and result.exit_code == 2


# ----------------------------------------------------------------------------- JSON Lines
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_unicode_line_separators_inside_a_json_string_do_not_split_it(tmp_path, sep):
    lines = [json.dumps({"id": f"u{n}", "text": f"Supplement Facts\nGinkgo{sep}extract 60 mg"}, ensure_ascii=False)
             for n in range(5)] + [json.dumps({"id": "sjw", "text": SJW_LABEL})]
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = rows_of(run("label", str(batch), "--drug", "imatinib", "--format", "json"))
    assert [d["id"] for d in docs] == ["u0", "u1", "u2", "u3", "u4", "sjw"]
    assert all(d["error"] is None for d in docs) and majors(docs[-1])


@pytest.mark.parametrize("bad", ["[" * 100_000 + "]" * 100_000, '{"id": "n", "text": ' + "9" * 5000 + "}",
                                 '{"id": ' + "[" * 50_000 + "]" * 50_000 + ', "text": "x"}', "-" + "1" * 5000])
def test_a_deep_or_huge_number_line_is_one_error_row(tmp_path, bad):
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join([json.dumps({"id": "a", "text": SJW_LABEL}), bad,
                                json.dumps({"id": "b", "text": SJW_LABEL})]) + "\r\n", encoding="utf-8")
    result = run("label", str(batch), "--drug", "imatinib", "--format", "json")
    a, broken, b = rows_of(result)
    assert broken["id"] == f"{batch}:2" and broken["error"].startswith("malformed JSON")
    assert majors(a) and majors(b) and result.exit_code == 2


def test_an_empty_batch_is_an_error_row_not_a_pass(tmp_path):
    for name, text in {"e.jsonl": "\n  \n", "e.csv": "id,text\n\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run("label", str(tmp_path / name), "--drug", "imatinib", "--format", "json")
        assert result.exit_code == 2 and rows_of(result)[0]["error"] == "the batch holds no labels"


# ----------------------------------------------------------------------------- CSV
def csv_rows(tmp_path, text: str) -> tuple[list[dict], int]:
    path = tmp_path / "b.csv"
    path.write_text(text, encoding="utf-8")
    result = run("label", str(path), "--drug", "imatinib", "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return rows_of(result), result.exit_code


def test_csv_unclosed_quote_is_an_error_row_naming_its_line_and_the_next_row_is_read(tmp_path):
    docs, code = csv_rows(tmp_path, 'id,text\na,"Supplement Facts\nGinkgo 60 mg\n'
                                    "b,Supplement Facts St. John's Wort extract 300 mg\n")
    assert [d["id"] for d in docs] == [f"{tmp_path / 'b.csv'}:2", "b"] and code == 2
    assert "unclosed quote" in docs[0]["error"] and "line 2" in docs[0]["error"]
    assert majors(docs[1])


def test_csv_unclosed_quote_that_runs_into_the_next_quoted_row_is_not_merged(tmp_path):
    docs, code = csv_rows(tmp_path, 'id,text\na,"Supplement Facts\nGinkgo 60 mg\nb,"Supplement Facts\n'
                                    "St. John's Wort extract 300 mg\"\nc,Ginkgo 60 mg\n")
    assert [d["id"] for d in docs] == [f"{tmp_path / 'b.csv'}:2", "b", "c"] and code == 2
    assert "line 2" in docs[0]["error"] and majors(docs[1])
    assert [i["name"] for i in docs[1]["label"]["ingredients"]] == ["St. John's Wort extract"], "no text of a in b"


def test_csv_field_past_the_csv_module_limit_is_read(tmp_path):
    text = "Supplement Facts\nSt. John's Wort extract 300 mg\nOther ingredients: " + "cellulose, " * 20_000
    docs, _ = csv_rows(tmp_path, 'id,text\nbig,"' + text + '"\nb,"' + SJW_LABEL + '"\n')
    assert [d["id"] for d in docs] == ["big", "b"] and majors(docs[0]) and majors(docs[1])


def test_csv_field_past_the_raised_limit_is_one_error_row(tmp_path):
    docs, code = csv_rows(tmp_path, 'id,text\na,"' + "x" * (label_inputs.CSV_FIELD_LIMIT + 10) + '"\nb,"'
                          + SJW_LABEL + '"\n')
    assert len(docs) == 2 and "field larger than field limit" in docs[0]["error"] and majors(docs[1])
    assert code == 2


def test_csv_quote_problems_and_extra_fields_are_error_rows(tmp_path):
    docs, code = csv_rows(tmp_path, 'id,text\na,"Ginkgo" 60 mg\nb,Supplement Facts, Ginkgo 60 mg\nc,"' + SJW_LABEL
                          + '"\n')
    assert [d["error"] is None for d in docs] == [False, False, True] and code == 2
    assert "3 fields" in docs[1]["error"] and majors(docs[2])


def test_csv_every_line_reopening_a_quote_stays_linear(tmp_path):
    started = time.perf_counter()
    docs, code = csv_rows(tmp_path, "id,text\n" + 'x","\n' * 20_000)
    assert time.perf_counter() - started < 10
    assert code == 2 and all(d["error"] for d in docs) and "were not read" in docs[-1]["error"]


# ----------------------------------------------------------------------------- duplicate ids
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_repeated_ids_are_flagged_not_merged(tmp_path, fmt):
    batch = tmp_path / "b.jsonl"
    rows = [{"id": "p1", "text": SJW_LABEL}, {"id": "p2", "text": SJW_LABEL}, {"id": "p1", "text": "Ginkgo 60 mg"}]
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("label", str(batch), "--drug", "imatinib", "--format", fmt)
    summary = result.stderr if fmt == "json" else result.stdout
    assert "1 id used by more than one label ('p1'): 2 rows kept apart, not merged" in " ".join(summary.split())
    if fmt == "json":
        docs = rows_of(result)
        assert [d["id"] for d in docs] == ["p1", "p2", "p1"]
        assert [bool(d["warnings"]) for d in docs] == [True, False, True]
        assert "used by 2 labels" in docs[0]["warnings"][0] and majors(docs[0])
    else:
        assert result.stdout.count("p1 (id repeated)") == 2


# ----------------------------------------------------------------------------- OCR repair is linear
@pytest.mark.parametrize("row", ["1" * 20_000, "1" * 20_000 + " mg", "O" * 20_000 + " mg", "1," * 10_000 + " mg",
                                 "1." * 10_000 + " mg", "l" * 20_000 + "0 mg"])
def test_repair_of_a_20000_digit_row_is_fast(row):
    started = time.perf_counter()
    repair_ocr("Ginkgo " + row)
    assert time.perf_counter() - started < 0.2


@pytest.mark.parametrize("text", [
    "Supplement Facts\nSt. John's Wort extract " + "3" * 20_000 + " mg",
    "Supplement Facts\nSt. John's Wort extract 300 mg\nServing Size " + "1" * 20_000 + " capsules",
    "Supplement Facts\nSt. John's Wort extract 300 mg\nDirections: take " + "2" * 20_000 + " capsules daily",
])
def test_a_label_with_a_20000_digit_line_is_read_in_well_under_a_second(real_checker, text):
    read_label(real_checker, "Supplement Facts\nGinkgo 60 mg")  # warm the name index
    started = time.perf_counter()
    _, result = check_label(real_checker, text, IMATINIB)
    assert time.perf_counter() - started < 0.5
    assert [f.severity.value for f in result.findings if f.drug] == ["major"]


def test_an_amount_that_cannot_be_read_is_said_and_the_row_still_checked():
    result = run("label", "-", "--drug", "imatinib", "--format", "json",
                 input="Supplement Facts\nSt. John's Wort extract " + "3" * 20_000 + " mg\n")
    assert result.exit_code == 3, "a row read only in part is 'not fully read'"
    [doc] = rows_of(result)
    [ing] = doc["label"]["ingredients"]
    assert ing["match"]["name"] == "St John's wort" and ing["amount"] is None
    assert "more than 9 digits" in ing["unread"][0] and doc["label"]["unread"] == [ing["text"]]
    assert majors(doc) and doc["result"]["summary"]["not_checked"] == [ing["text"]]


# ----------------------------------------------------------------------------- devices, pipes, stdin, folders
def test_devices_and_pipes_are_error_rows_not_reads(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    label = tmp_path / "sjw.txt"
    label.write_text(SJW_LABEL, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "zero").symlink_to("/dev/zero")
    proc = subprocess.run([sys.executable, "-m", "suppcheck_cli.app", "label", "/dev/zero", str(fifo), str(folder),
                           str(label), "--drug", "imatinib", "--format", "json"],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["/dev/zero", str(fifo), str(folder / "zero"), str(label)], proc.stderr
    assert all("not a regular file" in d["error"] for d in docs[:3]) and majors(docs[3])
    assert proc.returncode == 2


def test_standard_input_is_read_with_a_bound(monkeypatch):
    monkeypatch.setattr(label_inputs, "MAX_FILE", 1024 * 1024)
    result = run("label", "-", "--drug", "imatinib", "--format", "json", input=SJW_LABEL + "\n" + "x" * (1024 * 1024))
    [doc] = rows_of(result)
    assert result.exit_code == 2 and doc["error"].startswith("standard input larger than 1 MiB")
    ok = run("label", "-", "--drug", "imatinib", "--format", "json", input=SJW_LABEL)
    assert majors(rows_of(ok)[0])


def test_folder_links_are_not_followed_round_a_loop(tmp_path):
    root = tmp_path / "labels"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "sjw.txt").write_text(SJW_LABEL, encoding="utf-8")
    (root / "sub" / "up").symlink_to("..")
    (root / "self").symlink_to(".")
    (root / ".hidden.txt").write_text(SJW_LABEL, encoding="utf-8")
    result = run("label", str(root), "--drug", "imatinib", "--format", "json")
    docs = rows_of(result)
    assert [Path(d["id"]).relative_to(root).as_posix() for d in docs] == ["self", "sub/sjw.txt", "sub/up"]
    assert "already read" in docs[0]["error"] and "already read" in docs[2]["error"] and majors(docs[1])


# ----------------------------------------------------------------------------- property: count out == count in
FIXTURE_TEXTS = [(LABELS / name).read_text(encoding="utf-8") for name in
                 ("08-ginkgo.txt", "13-garlic.txt", "24-nac.txt", "23-ocr-noise.txt")]
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\r", "\x0b", "\x1e"]


def _label_line(n: int, text: str, sep: str) -> str:
    return json.dumps({"id": f"label-{n}", "text": text.replace("\n", sep, 1)}, ensure_ascii=False)


good_lines = st.builds(_label_line, st.integers(0, 10**6), st.sampled_from(FIXTURE_TEXTS),
                       st.sampled_from(["\n", *SEPARATORS]))
garbage_lines = st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=40)
nasty_lines = st.sampled_from(["[" * 100_000 + "]" * 100_000, "{" * 5000, "9" * 5000, '{"id": 1e999999, "text": 5}',
                               '{"id": "n", "text": ' + "9" * 5000 + "}", "null", "[]", '"x"', "{}", '{"text": ""}',
                               '{"id": [1], "text": "Ginkgo 60 mg"}', '{"id": true, "text": "Ginkgo 60 mg"}',
                               "\u2028", "\ufeff{}", '{"id": "x", "text": "\\ud800"}'])
others = st.lists(st.one_of(good_lines, garbage_lines, nasty_lines), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None)
@given(before=others, after=others, crlf=st.booleans())
def test_every_line_in_gives_one_row_out_and_a_known_major_survives(before, after, crlf):
    known = json.dumps({"id": "known-sjw", "text": SJW_LABEL})
    lines = [*before, known, *after]
    count_in = sum(1 for line in lines if line.strip(" \t\r"))
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "batch.jsonl"
        batch.write_text(("\r\n" if crlf else "\n").join(lines) + "\n", encoding="utf-8", newline="")
        result = run("label", str(batch), "--drug", "imatinib", "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    docs = rows_of(result)
    assert len(docs) == count_in, "one row out for every non-blank line in"
    [sjw] = [d for d in docs if d["id"] == "known-sjw"]
    assert majors(sjw), "the known label lost its major finding"
    assert result.exit_code in (0, 2, 3)
    if any(d["error"] for d in docs):
        assert result.exit_code == 2, "a label that could not be read makes the run exit 2"
