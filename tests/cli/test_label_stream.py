"""`suppcheck label` batches: the start without the framework gives what the application gives, a batch is
read as a stream in bounded memory with its rows in input order, and JSON Lines files are read line by line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from suppcheck_cli import label_inputs, label_run
from suppcheck_cli.fast import label_options
from tests_support import heavy_modules_loaded

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
FULL = [sys.executable, "-c", "import sys; sys.argv[0] = 'suppcheck'; from suppcheck_cli.app import main; main()"]
FAST = [sys.executable, "-m", "suppcheck_cli.fast"]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(LABELS.glob("*.txt"))]


def _jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("tail", [["-f", "json"], ["--format=markdown", "--fail-on", "moderate"], [],
                                  ["-f", "json", "-w", "2", "-c", "surgery"]])
def test_the_fast_label_path_gives_what_the_application_gives(tail, tmp_path):
    batch = _jsonl(tmp_path / "b.jsonl", [(f"l{n}", t) for n, t in enumerate(_texts()[:6])])
    line = ["label", str(batch), str(LABELS / "01-turmeric-bioperine.txt"), "-d", "warfarin", "-d", "imatinib", *tail]
    assert label_options(line[1:]) is not None, "this line should take the fast path"
    env = dict(os.environ, SUPPCHECK_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="100", NO_COLOR="1")

    def run(command):
        done = subprocess.run([*command, *line], capture_output=True, text=True, env=env, check=False, timeout=300)
        seconds = re.compile(r"\d+\.\d\d s")  # the batch summary ends with the seconds taken
        return done.returncode, seconds.sub("N s", done.stdout), seconds.sub("N s", done.stderr)

    fast, full = run(FAST), run(FULL)
    assert fast == full
    assert fast[0] in (0, 1)


@pytest.mark.parametrize("args", [["--help"], ["-w", "0", "a.txt"], ["-w", "x", "a.txt"], ["-f", "yaml", "a.txt"],
                                  ["a.txt", "--bogus"], ["-d"], [], ["a.txt", "-f", "json", "-f", "table"]])
def test_label_lines_that_are_not_plain_go_to_the_application(args):
    assert label_options(args) is None


def test_a_fast_label_batch_loads_neither_the_framework_nor_pydantic_nor_rdflib(tmp_path):
    batch = _jsonl(tmp_path / "b.jsonl", [(f"l{n}", t) for n, t in enumerate(_texts()[:3])])
    code = (f"import sys, io, contextlib\nsys.argv = ['suppcheck', 'label', {str(batch)!r}, '-d', 'warfarin', "
            "'-f', 'json']\nfrom suppcheck_cli import fast\nout = io.StringIO()\n"
            "try:\n    with contextlib.redirect_stdout(out):\n        fast.main()\nexcept SystemExit as e:\n"
            "    assert e.code in (0, 1), e.code\nassert len(out.getvalue().splitlines()) == 3")
    assert heavy_modules_loaded(tmp_path, code) == []


def test_a_long_batch_is_streamed_with_rows_in_order_and_repeated_ids_flagged(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(label_run, "LOOKAHEAD", 3)
    texts = _texts()
    ids = ["a", "b", "a", "c", "d", "b", "e"]
    batch = _jsonl(tmp_path / "b.jsonl", [(i, texts[n]) for n, i in enumerate(ids)])
    code = label_run.run([str(batch)], None, ["warfarin"], [], "json", None, 1)
    out, err = capsys.readouterr()
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ids
    # a repeats within the labels read ahead: both rows say so; b repeats later: its second row says so.
    assert [bool(d["warnings"]) for d in docs] == [True, False, True, False, False, True, False]
    assert "2 ids used by more than one label ('a', 'b'): 4 rows kept apart" in err
    assert err.startswith("7 labels: 7 screened") and code in (0, 1, 3)


def test_a_batch_is_read_only_a_bounded_window_ahead_of_its_output():
    from suppcheck import batch

    texts = _texts()
    taken = []

    def stream():
        for n in range(3000):
            taken.append(n)
            yield texts[n % len(texts)] + f"\nLot {n}"

    ahead = []
    for n, outcome in enumerate(batch.check_labels(stream(), None, workers=2)):
        assert outcome is not None
        ahead.append(len(taken) - n)
    assert len(ahead) == 3000
    bound = batch.PARALLEL_FROM + batch.CHUNK * batch.WINDOW * 2 + 1
    assert max(ahead) <= bound, "the whole input was read before the output"


def test_json_lines_are_read_line_by_line_and_a_bad_line_loses_nothing_else(tmp_path, monkeypatch):
    monkeypatch.setattr(label_inputs, "MAX_LINE", 300)
    good = json.dumps({"id": "ok", "text": "Ginkgo biloba leaf extract 120 mg"}).encode()
    long = json.dumps({"id": "long", "text": "Ginkgo " * 100}).encode()
    path = tmp_path / "b.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + b'{"id": "x", "text": "caf\xe9"}\n' + long + b"\n\n" + good + b"\n")
    rows = list(label_inputs.iter_inputs([str(path)]))
    assert [(r.id, r.error is None) for r in rows] == [("ok", True), (f"{path}:2", False), (f"{path}:3", False),
                                                      ("ok", True)]
    assert "not UTF-8" in rows[1].error and "longer than" in rows[2].error
