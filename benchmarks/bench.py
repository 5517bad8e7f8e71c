"""Speed figures against the targets the README's "Speed" section names. Prints numbers; asserts nothing.

    python benchmarks/bench.py
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

DRUGS = ["imatinib 400 mg daily", "warfarin 5 mg daily", "apixaban 5 mg BID", "ibrutinib 420 mg daily",
         "tamoxifen 20 mg daily", "docetaxel 75 mg/m2 IV q3w", "tacrolimus 1 mg BID", "ondansetron 8 mg tid",
         "sertraline 50 mg daily", "irinotecan 180 mg/m2 q2w"]
SUPPLEMENTS = ["St John's wort 300 mg three times daily", "ginkgo 120 mg daily", "fish oil 4 g daily",
               "vitamin E 800 IU daily", "turmeric 1000 mg bid", "green tea extract 500 mg daily",
               "goldenseal 1 g tid", "milk thistle 140 mg tid", "soy isoflavones 100 mg daily", "melatonin 3 mg qhs"]


def timed(fn, repeat: int, before=None) -> list[float]:
    """Wall times of `fn`; `before` runs first, untimed, each time (forgetting what the last run remembered)."""
    out = []
    for _ in range(repeat):
        if before is not None:
            before()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _bytecode() -> None:
    """Compile the packages' bytecode first, as installing a wheel does: where PYTHONDONTWRITEBYTECODE is
    set (as in some containers), an editable install would otherwise compile every module on every start."""
    import compileall
    import importlib.util

    for name in ("suppcheck", "suppcheck_cli"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=1, legacy=False)
    print(f"bytecode compiled before timing (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")


def main() -> None:
    _bytecode()
    cache = tempfile.mkdtemp(prefix="suppcheck-bench-")
    os.environ["SUPPCHECK_CACHE_DIR"] = cache
    t = time.perf_counter()
    from suppcheck import Checker, KnowledgeBase

    import_s = time.perf_counter() - t
    cold = timed(lambda: KnowledgeBase.load(use_cache=False), 3)
    KnowledgeBase.load()  # writes the cache
    warm = timed(lambda: KnowledgeBase.load(), 20)
    kb = KnowledgeBase.load()
    checker = Checker(kb)
    stats = kb.stats()
    result = checker.check(drugs=DRUGS, supplements=SUPPLEMENTS)
    checks = timed(lambda: checker.check(drugs=DRUGS, supplements=SUPPLEMENTS), 300)

    firsts = timed(lambda: checker.check(drugs=DRUGS, supplements=SUPPLEMENTS), 100, before=checker.clear_memos)
    # Where a first check's time goes: reading the lines (every memo of input forgotten), what a check does with
    # its lines already read (pairs reasoned, findings built), and what it does once its pairs are reasoned
    # (findings, concern groups and summary built; the pairs remembered).
    from suppcheck.models import Role

    reads = timed(lambda: [checker.item(line, role) for role, lines in ((Role.drug, DRUGS), (Role.supplement, SUPPLEMENTS))
                           for line in lines], 100, before=checker.clear_memos)
    checker.check(drugs=DRUGS, supplements=SUPPLEMENTS)
    reasoned = timed(lambda: checker.check(drugs=DRUGS, supplements=SUPPLEMENTS), 100,
                     before=lambda: checker.clear_memos(items=False))
    builds = timed(lambda: checker.check(drugs=DRUGS, supplements=SUPPLEMENTS), 100,
                   before=lambda: checker.clear_memos(pairs=False))
    exe = shutil.which("suppcheck")
    args = [exe] if exe else [sys.executable, "-m", "suppcheck_cli.app"]
    cmd = [*args, "check", "--format", "json", *sum((["-d", d] for d in DRUGS), []), *sum((["-s", s] for s in SUPPLEMENTS), [])]
    subprocess.run(cmd, capture_output=True, check=False)
    cli = timed(lambda: subprocess.run(cmd, capture_output=True, check=False), 7)
    recognised = sum(1 for i in result.items if i.status.value == "recognized")
    print(f"graph: {stats['triples']} triples, {stats['supplements']} supplements, {stats['drugs']} drugs, "
          f"{stats['curated_interactions']} curated interactions")
    print(f"import suppcheck:                       {import_s * 1000:8.1f} ms")
    print(f"graph load, cold (parse Turtle):        {statistics.median(cold) * 1000:8.1f} ms (median of {len(cold)})")
    print(f"graph load, compiled cache:             {statistics.median(warm) * 1000:8.1f} ms "
          f"(median of {len(warm)}; target 10 ms: {statistics.median(warm) * 1000 / 10:4.1f} x the target)")
    print(f"library check, 10 drugs x 10 supps:     {statistics.median(checks) * 1e6:8.1f} us (median of {len(checks)}; "
          f"{recognised}/20 items recognised, {len(result.findings)} findings; target 100 us: "
          f"{statistics.median(checks) * 1e6 / 100:4.1f} x the target)")
    print(f"  the same, first sight (memos cleared):{statistics.median(firsts) * 1e6:8.1f} us (median of {len(firsts)}: "
          f"names resolved and pairs reasoned from scratch; target 500 us: "
          f"{statistics.median(firsts) * 1e6 / 500:4.1f} x the target)")
    print(f"    of which reading the 20 lines:      {statistics.median(reads) * 1e6:8.1f} us (median of {len(reads)})")
    print(f"    lines already read, the rest:       {statistics.median(reasoned) * 1e6:8.1f} us (median of "
          f"{len(reasoned)}: pairs reasoned, findings, concern groups and summary built)")
    print(f"    and, pairs reasoned, the rest:      {statistics.median(builds) * 1e6:8.1f} us (median of {len(builds)}: "
          f"{len(result.findings)} findings, concern groups and summary built)")
    print(f"CLI check, cold process, cached graph:  {statistics.median(cli) * 1000:8.1f} ms (median of {len(cli)}; "
          "target < 500 ms, aim 250 ms)")
    bare = cold_start(args)
    sizes = growth(checker, kb)
    # The in-process figures against the same run's bare Python start, as the command-line targets are stated: a
    # machine that runs at half the speed doubles both, and the ratio stays.
    first = statistics.median(firsts) * 1000
    print(f"as a share of bare python's start ({bare:.1f} ms): first check 10 x 10 with doses {first / bare:.3f} x "
          f"(target 0.5 ms = {0.5 / bare:.3f} x here), 140 x 140 {sizes[140] / bare:.2f} x (target 50 ms = "
          f"{50 / bare:.2f} x here), compiled cache load {statistics.median(warm) * 1000 / bare:.2f} x "
          f"(target 10 ms = {10 / bare:.2f} x here)")
    label_throughput(checker, args, cache)
    shutil.rmtree(cache, ignore_errors=True)


def cold_start(args: list[str], rounds: int = 15) -> float:
    """Whole-process times next to a bare Python start measured in the same run, and their ratios. The commands
    take turns, round after round, so that a machine that slows down or speeds up meanwhile moves the bare
    start and the commands alike."""
    rows = [("bare python start", [sys.executable, "-c", "pass"], None),
            ("suppcheck --help", [*args, "--help"], 6), ("suppcheck --version", [*args, "--version"], 6),
            ("suppcheck check (1 drug, 1 supp, table)", [*args, "check", "-d", "imatinib", "-s", "St John's wort"], 8)]
    times: dict[str, list[float]] = {name: [] for name, _cmd, _target in rows}
    for _name, cmd, _target in rows:
        subprocess.run(cmd, capture_output=True, check=False)
    for _ in range(rounds):
        for name, cmd, _target in rows:
            times[name] += timed(lambda cmd=cmd: subprocess.run(cmd, capture_output=True, check=False), 1)
    bare = statistics.median(times["bare python start"]) * 1000
    print(f"bare python start:                      {bare:8.1f} ms (median of {rounds}, taking turns with the commands)")
    for name, _cmd, target in rows[1:]:
        ms = statistics.median(times[name]) * 1000
        print(f"{name + ':':<40}{ms:8.1f} ms = {ms / bare:5.1f} x bare python (target {target} x)")
    return bare


SIZE_SERIES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "size_series.json")


def growth(checker, kb) -> dict[int, float]:
    """Check time against regimen size: n drugs x n supplements, first sight (memos cleared).

    The regimens are a fixed list (`size_series.json`: 140 drugs and 140 supplements of the graph, by name, at
    even steps), so that a graph that grows does not change what is timed; a size below 140 takes the list at
    even steps. A name the graph no longer holds is checked as an unrecognised line, and the count says so."""
    import json

    with open(SIZE_SERIES, encoding="utf-8") as f:
        series = json.load(f)
    medians: dict[int, float] = {}
    for n in (1, 10, 50, 100, 140):
        d = series["drugs"][:: max(1, len(series["drugs"]) // n)][:n]
        s = series["supplements"][:: max(1, len(series["supplements"]) // n)][:n]
        result = checker.check(drugs=d, supplements=s)
        known = sum(1 for i in result.items if i.status.value != "unrecognized")

        # fifteen runs each: on a shared machine a burst of other work moves a median of seven
        times = timed(lambda d=d, s=s: checker.check(drugs=d, supplements=s), 15, before=checker.clear_memos)
        ms = medians[n] = statistics.median(times) * 1000
        target = f" (target 50 ms: {ms / 50:4.1f} x the target)" if n == 140 else ""
        print(f"check {n:>3} x {n:<3} first sight:             {ms:8.2f} ms{target}; {len(result.findings)} findings, "
              f"{known}/{2 * n} items known, {ms * 1000 / max(len(result.findings), 1):5.1f} us a finding")
    return medians


def label_throughput(checker, args: list[str], cache: str) -> None:
    """Labels per second: library (read + check against a regimen) and the CLI on a JSON Lines batch."""
    import json
    from pathlib import Path

    from suppcheck.errors import SuppcheckError
    from suppcheck.labels import check_label
    from suppcheck.models import Regimen

    folder = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "labels"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    # Vary each copy so nothing is served from the name memo that a real batch would not also hit.
    batch = [f"{t}\nLot {i}" for i in range(72) for t in texts]
    regimen = Regimen(drugs=DRUGS)
    t = time.perf_counter()
    errors = 0
    for text in batch:
        try:
            check_label(checker, text, regimen)
        except SuppcheckError:
            errors += 1  # a label with nothing readable is an error row, as in the CLI
    lib = len(batch) / (time.perf_counter() - t)
    # The CLI on a large JSON Lines file (four times the library's batch), read as a stream: whole-process time,
    # start and worker start-up included, and the process's peak memory.
    import resource

    path = Path(cache) / "labels.jsonl"
    big = [f"{t}\nLot {i}" for i in range(288) for t in texts]
    path.write_text("\n".join(json.dumps({"id": str(i), "text": x}) for i, x in enumerate(big)), encoding="utf-8")
    cmd = [*args, "label", str(path), "--format", "json", *sum((["-d", d] for d in DRUGS), [])]
    t = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run(cmd, stdout=sink, stderr=subprocess.DEVNULL, check=False)
    cli = len(big) / (time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # The same batch with every amount changed from one copy to the next: no row, item or pair is met twice, so
    # nothing of one label's reading or reasoning serves another (names are still resolved once).
    amounts = re.compile(r"(\d+)(\s*(?:mg|mcg|g|IU)\b)")
    varied = [amounts.sub(lambda m, i=i: f"{int(m.group(1)) + i}{m.group(2)}", t) + f"\nLot {i}"
              for i in range(288) for t in texts]
    path.write_text("\n".join(json.dumps({"id": str(i), "text": x}) for i, x in enumerate(varied)), encoding="utf-8")
    t = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run(cmd, stdout=sink, stderr=subprocess.DEVNULL, check=False)
    distinct = len(varied) / (time.perf_counter() - t)
    print(f"label screening, library:               {lib:8.0f} labels/s ({len(batch)} labels, {errors} error rows, "
          "10-drug regimen; target > 500)")
    print(f"label screening, CLI JSON Lines batch:  {cli:8.0f} labels/s (whole process, {len(big)} labels, "
          f"{path.stat().st_size / 1e6:.0f} MB in, {os.cpu_count()} cores; target 4,000: {cli / 4000:4.2f} of the "
          f"target; largest process {peak:.0f} MB)")
    print(f"  the same, every amount different:     {distinct:8.0f} labels/s (no row, item or pair met twice: "
          f"{distinct / 4000:4.2f} of the target)")


if __name__ == "__main__":
    main()
