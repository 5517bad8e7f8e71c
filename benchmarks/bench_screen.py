"""Throughput and peak memory of `suppcheck screen` on a synthetic FHIR Bulk export.

    python benchmarks/bench_screen.py [--patients 10000] [--configs local:1,local:2,dask:2] [--work DIR]

Generates the export once per size and seed (benchmarks/synth_bulk.py), then runs the command as a
separate process for each configuration, sampling the resident memory of the command and all its
worker processes every 0.1 s. Reports rows (patients plus lines that name no patient) per second,
wall time and peak memory: of the command process alone, and of the whole process tree. Prints a
Markdown table and writes the figures as JSON beside the export.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _synth():
    spec = importlib.util.spec_from_file_location("synth_bulk", HERE / "synth_bulk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree_rss(proc) -> tuple[int, int]:
    """(RSS of the process, RSS of it and every descendant), in bytes."""
    import psutil

    try:
        own = proc.memory_info().rss
        total = own
        for child in proc.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        return own, total
    except psutil.Error:
        return 0, 0


def run(export: Path, out: Path, engine: str, workers: int) -> dict:
    import psutil

    cmd = [sys.executable, "-c", "from suppcheck_cli.app import main; main()", "screen", str(export), "--out", str(out),
           "--engine", engine, "--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            own, total = _tree_rss(ps)
            peak[0], peak[1] = max(peak[0], own), max(peak[1], total)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _stdout, stderr = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{engine}:{workers} exited {proc.returncode}: {stderr.strip()[-500:]}")
    with out.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle)
    return {"engine": engine, "workers": workers, "rows": rows, "wall_s": round(wall, 2),
            "rows_per_s": round(rows / wall, 1), "peak_rss_command_mb": round(peak[0] / 2**20),
            "peak_rss_tree_mb": round(peak[1] / 2**20), "summary": stderr.strip().splitlines()[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--configs", default="local:1,local:2,dask:2",
                        help="engine:workers, comma-separated (default local:1,local:2,dask:2)")
    parser.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/suppcheck-bench-screen")
    args = parser.parse_args(argv)
    work = Path(args.work)
    export = work / f"bulk-{args.patients}-{args.seed}"
    if not (export / "synth-manifest.json").exists():
        t = time.perf_counter()
        manifest = _synth().generate(export, args.patients, args.seed)
        print(f"generated {args.patients:,} patients ({manifest['resources']:,} resources, "
              f"{sum(f.stat().st_size for f in export.glob('*.ndjson')) / 2**20:.0f} MiB) in "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
    manifest = json.loads((export / "synth-manifest.json").read_text(encoding="utf-8"))
    results = []
    for config in args.configs.split(","):
        engine, workers = config.split(":")
        out = work / f"out-{args.patients}-{engine}-{workers}.ndjson"
        result = run(export, out, engine, int(workers))
        assert result["rows"] == manifest["rows"], (result["rows"], manifest["rows"])
        results.append(result)
        print(f"{engine}:{workers} {result['rows_per_s']:,.0f} rows/s", file=sys.stderr)
        out.unlink()
    print(f"\n{args.patients:,} synthetic patients ({manifest['resources']:,} resources, {manifest['rows']:,} rows), "
          f"{os.cpu_count()} CPUs\n")
    print("| engine | workers | wall (s) | patients/s | peak RSS, command (MB) | peak RSS, all processes (MB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['engine']} | {r['workers']} | {r['wall_s']} | {r['rows_per_s']:,.0f} | {r['peak_rss_command_mb']} "
              f"| {r['peak_rss_tree_mb']} |")
    (work / f"bench-{args.patients}.json").write_text(json.dumps({"patients": args.patients, "cpus": os.cpu_count(),
                                                                   "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
