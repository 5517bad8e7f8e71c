"""`suppcheck screen`: bulk and flat inputs, every patient out exactly once, the engines agree, the summary page."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from suppcheck.screen import EngineError, read_rows, screen
from suppcheck_cli.app import app
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
PATIENTS = 160
runner = CliRunner()


def _synth():
    spec = importlib.util.spec_from_file_location("synth_bulk", ROOT / "benchmarks" / "synth_bulk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """A small synthetic export with malformed lines, its flat twin, and the screen of each."""
    root = tmp_path_factory.mktemp("screen")
    manifest = _synth().generate(root / "bulk", PATIENTS, seed=11, flat=root / "flat.csv", malformed=0.03,
                                 garbage=0.02)
    bulk_summary = screen(root / "bulk", root / "bulk.ndjson", workers=1)
    flat_summary = screen(root / "flat.csv", root / "flat.ndjson", workers=1)
    return {"root": root, "manifest": manifest, "bulk": read_rows(root / "bulk.ndjson"),
            "flat": read_rows(root / "flat.ndjson"), "bulk_summary": bulk_summary, "flat_summary": flat_summary}


def test_the_synthetic_export_is_reproducible(tmp_path, export):
    again = _synth().generate(tmp_path / "again", PATIENTS, seed=11, malformed=0.03, garbage=0.02)
    assert again == export["manifest"] | {"tainted": export["manifest"]["tainted"]}
    for name in ("MedicationStatement.ndjson", "MedicationRequest.ndjson", "Medication.ndjson", "Patient.ndjson"):
        assert (tmp_path / "again" / name).read_bytes() == (export["root"] / "bulk" / name).read_bytes()
    assert export["manifest"]["malformed_lines"] > 0 and export["manifest"]["garbage_lines"] > 0


def test_bulk_and_flat_inputs_give_the_same_rows_for_the_same_patients(export):
    tainted = set(export["manifest"]["tainted"])
    bulk = {r["patient_id"]: r for r in export["bulk"] if r["patient_id"]}
    flat = {r["patient_id"]: r for r in export["flat"]}
    compared = [p for p in flat if p not in tainted]
    assert len(compared) > PATIENTS * 0.6
    for pid in compared:
        assert bulk[pid] == flat[pid], pid
    # the comparison is not of empty rows: findings, concerns, skipped and not-checked lines are there
    rows = [bulk[p] for p in compared]
    assert sum(r["counts"]["major"] for r in rows) > 0 and any(r["concerns"] for r in rows)
    assert any(r["skipped"] for r in rows) and any(r["not_checked"] for r in rows)
    # patients with no medication at all are in the export's Patient.ndjson only, and still get a row
    absent = set(bulk) - set(flat) - tainted
    assert absent and all(bulk[p]["medications"] == 0 and bulk[p]["error"] is None for p in absent)


def test_count_in_equals_count_out_with_malformed_lines(export):
    manifest, rows = export["manifest"], export["bulk"]
    assert len(rows) == manifest["rows"] == PATIENTS + manifest["garbage_lines"]
    ids = [r["patient_id"] for r in rows if r["patient_id"] is not None]
    assert len(ids) == len(set(ids)) == PATIENTS
    assert set(ids) == {f"p{n:07d}" for n in range(PATIENTS)}
    lone = [r for r in rows if r["patient_id"] is None]
    assert len(lone) == manifest["garbage_lines"]
    assert all(re.match(r"Medication(Statement|Request)?\.ndjson line \d+: ", r["error"]) for r in lone)
    # a malformed line that still names its patient is an error on that patient's row, with file and line
    by_id = {r["patient_id"]: r for r in rows}
    for pid in manifest["tainted"]:
        assert re.search(r"\.ndjson line \d+: ", by_id[pid]["error"]), by_id[pid]
        assert any(n.endswith(": not read") for n in by_id[pid]["not_checked"])
    summary = export["bulk_summary"]
    assert summary.rows == len(rows) and summary.patients == PATIENTS and summary.unattributed == len(lone)


def test_rows_have_the_promised_fields(export):
    row = next(r for r in export["bulk"] if r["findings"] and " + " in r["findings"][0]["pair"])
    assert set(row) == {"patient_id", "highest_severity", "counts", "medications", "skipped", "findings", "concerns",
                        "not_checked", "error"}
    assert set(row["findings"][0]) == {"pair", "severity", "title", "kind", "evidence_level", "evidence_basis"}
    assert row["highest_severity"] == row["findings"][0]["severity"]
    assert sum(row["counts"].values()) == len(row["findings"])


def test_dask_output_equals_local_output_row_for_row(export, tmp_path):
    pytest.importorskip("dask.distributed")
    summary = screen(export["root"] / "bulk", tmp_path / "dask.ndjson", engine="dask", workers=2)
    assert summary.workers == 2
    assert read_rows(tmp_path / "dask.ndjson") == export["bulk"]
    assert (tmp_path / "dask.ndjson").read_bytes() == (export["root"] / "bulk.ndjson").read_bytes()


def test_two_local_workers_gzip_and_parquet_give_the_same_rows(export, tmp_path):
    pytest.importorskip("pyarrow")
    bulk = tmp_path / "gz"
    bulk.mkdir()
    for f in (export["root"] / "bulk").glob("*.ndjson"):
        with f.open("rb") as src, gzip.open(bulk / (f.name + ".gz"), "wb") as dst:
            shutil.copyfileobj(src, dst)
    screen(bulk, tmp_path / "out.parquet", workers=2)
    unzipped = [json.loads(json.dumps(r).replace(".ndjson.gz line", ".ndjson line"))
                for r in read_rows(tmp_path / "out.parquet")]
    assert unzipped == export["bulk"]
    # a flat Parquet table reads as the CSV does
    import pyarrow as pa
    import pyarrow.parquet as pq

    with (export["root"] / "flat.csv").open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    pq.write_table(pa.Table.from_pylist(table), tmp_path / "flat.parquet")
    screen(tmp_path / "flat.parquet", tmp_path / "flat-out.ndjson", workers=1)
    assert read_rows(tmp_path / "flat-out.ndjson") == export["flat"]


def test_flat_table_errors_name_file_and_line(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("patient_id,role,text,dose,status,context\n"
                     "a,drug,warfarin,5 mg daily,active,\n"
                     "a,supplement,ginkgo,120 mg daily,,surgery\n"
                     ",supplement,fish oil,,,\n"
                     "b,herb,ginkgo,,,\n"
                     "b,supplement,zzqx root,,,\n"
                     "c,supplement,ginkgo,,stopped,\n"
                     "d,context,no-such-context,,,\n"
                     "e,drug,imatinib,1,2,3,4\n", encoding="utf-8")
    screen(table, tmp_path / "out.ndjson", workers=1)
    rows = {r["patient_id"]: r for r in read_rows(tmp_path / "out.ndjson")}
    assert len(rows) == 6 and set(rows) == {"a", "b", "c", "d", "e", None}
    assert rows["a"]["highest_severity"] is not None and rows["a"]["error"] is None
    assert any("surgery" in f["pair"] for f in rows["a"]["findings"])  # the context column is read
    assert rows[None]["error"].startswith("t.csv line 4: no patient_id")
    assert rows["b"]["error"].startswith("t.csv line 5: role 'herb'") and "zzqx root" in rows["b"]["not_checked"]
    assert rows["c"]["skipped"] == 1 and rows["c"]["medications"] == 0
    assert "unknown context" in rows["d"]["error"]
    assert rows["e"]["error"].startswith("t.csv line 9: 7 fields")


def test_summary_page_has_its_sections(export, tmp_path):
    pytest.importorskip("matplotlib")
    page = tmp_path / "summary.html"
    screen(export["root"] / "bulk", tmp_path / "o.ndjson", workers=1, report=page)
    html = page.read_text(encoding="utf-8")
    for section in ("Patients by highest severity", "Findings by severity", "Most frequent pairs",
                    "Most frequent concerns", "Most frequent unrecognised names"):
        assert section in html
    assert "<svg" in html
    summary = export["bulk_summary"]
    assert summary.unrecognised, "the synthetic export holds unrecognised names"
    top_name, _ = summary.unrecognised.most_common(1)[0]
    assert top_name.replace("'", "&#x27;") in html
    assert not re.search(r"<(script|link|img|iframe)\b|\b(?:src|href)=(?![\"']?#)|url\((?!#)", html)  # self-contained: no external assets
    top_pair, _ = max(summary.pairs.items(), key=lambda kv: kv[1])
    assert top_pair[0].replace("'", "&#x27;") in html


def test_unreachable_scheduler_is_an_engine_error(export, tmp_path):
    pytest.importorskip("dask.distributed")
    with pytest.raises(EngineError):
        screen(export["root"] / "flat.csv", tmp_path / "x.ndjson", engine="dask", scheduler="tcp://127.0.0.1:9",
               connect_timeout=1)


def test_cli_summary_line_and_exit_codes(export, tmp_path):
    result = runner.invoke(app, ["screen", str(export["root"] / "flat.csv"), "--out", str(tmp_path / "o.ndjson"),
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert re.search(r"screened \d+ patients, \d+ rows", result.stderr)
    assert len(read_rows(tmp_path / "o.ndjson")) == len(export["flat"])
    for args in (["screen", str(tmp_path / "missing"), "--out", str(tmp_path / "o.ndjson")],
                 ["screen", str(export["root"] / "flat.csv"), "--out", str(tmp_path / "o.txt")],
                 ["screen", str(export["root"] / "flat.csv"), "--out", str(tmp_path / "o.ndjson"), "--scheduler", "x"],
                 ["screen", str(export["root"] / "flat.csv"), "--out", str(tmp_path / "o.ndjson"), "--report", "r.pdf"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("patient,drug\n1,warfarin\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(bad), "--out", str(tmp_path / "o.ndjson")])
    assert result.exit_code == 2 and "patient_id, role, text" in result.stderr


def test_cli_graph_that_does_not_load_exits_4(tmp_path, export):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "vocab.ttl").write_text("this is not turtle", encoding="utf-8")
    env = {"SUPPCHECK_KB_DIR": str(kb), "SUPPCHECK_CACHE_DIR": "", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", "from suppcheck_cli.app import main; main()", "screen",
                           str(export["root"] / "flat.csv"), "--out", str(tmp_path / "o.ndjson")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "o.ndjson").exists()


def test_output_is_replaced_whole(export, tmp_path):
    out = tmp_path / "o.ndjson"
    out.write_text("old\n", encoding="utf-8")
    screen(export["root"] / "flat.csv", out, workers=1)
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["patient_id"]
    assert not list(tmp_path.glob(".*partial"))
