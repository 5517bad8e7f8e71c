"""`suppcheck label`: files, folders, stdin, JSON Lines and CSV batches, error rows, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from suppcheck_cli.app import app
from typer.testing import CliRunner

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_single_label_table_with_regimen(tmp_path):
    regimen = tmp_path / "r.yaml"
    regimen.write_text("drugs: [imatinib 400 mg daily]\n", encoding="utf-8")
    result = run("label", str(LABELS / "09-st-johns-wort-ocr.txt"), "--regimen", str(regimen))
    assert result.exit_code == 0, result.stderr
    for text in ("St John's wort", "300 mg", "MAJOR", "imatinib", "Excipients"):
        assert text in result.stdout


def test_single_label_json_document():
    result = run("label", str(LABELS / "01-turmeric-bioperine.txt"), "--drug", "warfarin", "--format", "json")
    doc = json.loads(result.stdout)
    assert set(doc) == {"id", "label", "result", "error", "warnings"} and doc["warnings"] == []
    names = {i["match"]["name"] for i in doc["label"]["ingredients"]}
    assert names == {"turmeric", "black pepper (piperine)"}
    assert doc["result"]["schema_version"] == "1"


def test_folder_batch_is_json_lines_one_per_label():
    result = run("label", str(LABELS), "--format", "json")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(list(LABELS.glob("*.txt")))
    assert all(doc["error"] is None for doc in lines)
    assert "labels:" in result.stderr


def test_jsonl_batch_with_bad_rows_keeps_going(tmp_path):
    batch = tmp_path / "batch.jsonl"
    good = (LABELS / "08-ginkgo.txt").read_text(encoding="utf-8")
    rows = [json.dumps({"id": "a", "text": good}), "{not json", json.dumps({"id": "c"}),
            json.dumps({"id": "d", "text": good}), json.dumps([1, 2])]
    batch.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("label", str(batch), "--drug", "warfarin", "--format", "json")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 5, "one row out for every row in"
    assert [d["error"] is None for d in docs] == [True, False, False, True, False]
    assert docs[2]["id"] == "c" and "no label text" in docs[2]["error"]
    assert result.exit_code == 2


def test_csv_batch_and_table_summary(tmp_path):
    path = tmp_path / "batch.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["p1", (LABELS / "13-garlic.txt").read_text(encoding="utf-8")])
        writer.writerow(["p2", (LABELS / "20-biotin.txt").read_text(encoding="utf-8")])
    result = run("label", str(path), "--drug", "apixaban")
    assert result.exit_code == 0, result.stderr
    assert "p1" in result.stdout and "p2" in result.stdout and "2 labels: 2 screened, 0 errors" in result.stdout


def test_stdin_and_missing_inputs():
    text = (LABELS / "24-nac.txt").read_text(encoding="utf-8")
    ok = run("label", "-", "--format", "json", input=text)
    assert ok.exit_code == 0 and json.loads(ok.stdout)["label"]["ingredients"][0]["match"]["name"] == "N-acetylcysteine"
    none = run("label")
    assert none.exit_code == 2 and "give label files" in none.stderr


def test_unrecognised_active_exits_3():
    result = run("label", "-", "--format", "json", input="Supplement Facts\nZorblax root extract 100 mg\n")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["label"]["not_checked"] == ["Zorblax root extract"]


def test_markdown_label():
    result = run("label", str(LABELS / "21-menopause.txt"), "-d", "tamoxifen", "--format", "markdown")
    assert result.stdout.startswith("# Label") and "| red clover | 80 mg | 80 mg |" in result.stdout
    assert "tamoxifen" in result.stdout


def test_empty_label_with_a_drug_is_an_error_not_a_pass():
    result = run("label", "-", "--drug", "warfarin", input="")
    assert result.exit_code == 2
    assert "the label text is empty" in result.stdout and "No interaction found" not in result.stdout


def test_jsonl_one_line_per_label_with_unicode_separators(tmp_path):
    batch = tmp_path / "batch.jsonl"
    text = (LABELS / "08-ginkgo.txt").read_text(encoding="utf-8").replace("\n", "\u2028", 2)
    batch.write_text("\n".join(json.dumps({"id": f"g{n}", "text": text}, ensure_ascii=False) for n in range(3)) + "\n",
                     encoding="utf-8")
    result = run("label", str(batch), "--format", "json")
    docs = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [d["id"] for d in docs] == ["g0", "g1", "g2"] and result.exit_code == 0
    assert "3 labels: 3 screened, 0 errors" in result.stderr


def test_table_batch_summary_names_repeated_ids_and_part_read_rows(tmp_path):
    path = tmp_path / "batch.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["p1", "Supplement Facts\nGarlic 4.000 mg"])
        writer.writerow(["p1", (LABELS / "20-biotin.txt").read_text(encoding="utf-8")])
    result = run("label", str(path), "--drug", "apixaban")
    summary = " ".join(result.stdout.split())
    assert "2 labels: 2 screened, 0 errors" in summary and "1 row read only in part" in summary
    assert "1 id used by more than one label ('p1')" in summary and result.stdout.count("p1 (id repeated)") == 2
    assert result.exit_code == 3


def test_the_batch_table_names_each_label_by_its_own_name(monkeypatch):
    from pathlib import Path

    monkeypatch.setenv("COLUMNS", "100")
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
    result = runner.invoke(app, ["label", str(folder), "-d", "warfarin"])
    for path in sorted(folder.glob("*.txt")):
        assert path.name in result.stdout, f"{path.name} is not shown whole"
    assert "…" not in result.stdout


def test_a_batch_on_worker_processes_gives_the_same_rows_in_the_same_order(tmp_path):
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": f"{i}-{n}", "text": t}) for i in range(3)
                               for n, t in enumerate(texts)) + "\n{not json}\n", encoding="utf-8")
    one = runner.invoke(app, ["label", str(batch), "-f", "json", "-d", "warfarin", "--workers", "1"])
    two = runner.invoke(app, ["label", str(batch), "-f", "json", "-d", "warfarin", "--workers", "2"])
    assert one.exit_code == two.exit_code
    assert one.stdout == two.stdout and one.stdout.count("\n") == 3 * len(texts) + 1


def test_a_json_lines_row_put_together_from_the_workers_parts_is_the_documents_own_dump():
    """Batch rows are rendered where each label was checked; each must equal json.dumps of the row's document."""
    from suppcheck.batch import as_json, screen_one
    from suppcheck.engine import default_checker
    from suppcheck.models import Regimen
    from suppcheck_cli.label_cmd import _document, _json_line

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))] + ["", "nothing to read here"]
    checker, regimen = default_checker(), Regimen(drugs=["warfarin", "imatinib"])
    for n, text in enumerate(texts):
        outcome = screen_one(checker, text, regimen)
        ident, warnings = f"id-{n} \u00fc\"", ["the id 'x' is used by 2 labels"]
        expected = json.dumps(_document(ident, outcome.reading, outcome.result, outcome.error, warnings),
                              ensure_ascii=False)
        assert _json_line(ident, as_json(outcome), warnings) == expected
        assert json.loads(expected)["error"] == outcome.error
