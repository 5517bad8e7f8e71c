"""A faulty graph folder, an edited compiled cache and hostile `kg query` input fail safe.

Every graph fault is exit 4 with one message naming the file and the fix, never a traceback and never
"no interaction found"; a cache that does not match its checksum or its shape is rebuilt from Turtle.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from suppcheck import Checker, KnowledgeBase, cache
from suppcheck.compiler import GraphProblems
from suppcheck.errors import KnowledgeError
from suppcheck.kbfiles import graph_files, graph_hash, knowledge_dir
from suppcheck_cli.app import app
from tests_support import build_kb_dir
from typer.testing import CliRunner

SJW = "supplements/st-johns-wort.ttl"
XSD_DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"
IMATINIB_SOURCES = "    dcterms:source src:pmid15470331, src:doi-10.1592-phco.24.16.1508.50958 ."
CYP3A4_CLAIM_SOURCES = "        dcterms:source src:doi-10.1016-s0009-9236-01-00127-8, src:pmid11180019, src:pmid31742659 ] ;"
IRINOTECAN_DOSE = 'sc:minDailyDose 900.0 ; sc:doseUnit "mg" ; sc:form "extract" ;\n    sc:summary "In a randomised'


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the real graph folder, never edited."""
    folder = tmp_path_factory.mktemp("pristine") / "kb"
    shutil.copytree(knowledge_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


@pytest.fixture(scope="module")
def compiled(pristine) -> tuple[str, dict]:
    """The real graph's hash and compiled records (compiled once for the cache tests)."""
    from suppcheck.compiler import compile_graph, parse_graph

    files = graph_files(pristine)
    records = compile_graph(parse_graph(files, pristine), files, pristine)
    digest = graph_hash(files)
    records["sha256"] = digest
    return digest, records


def _copy(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(pristine, folder)
    return folder


def _edit(folder: Path, rel: str, old: str, new: str) -> None:
    path = folder / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds the text this test edits: {old[:60]}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _cli(monkeypatch, folder: Path | None, *args: str):
    """Run the CLI in-process on a graph folder, with a fresh default checker."""
    if folder is not None:
        monkeypatch.setenv("SUPPCHECK_KB_DIR", str(folder))
    monkeypatch.setattr("suppcheck.engine._default", None)
    return CliRunner().invoke(app, list(args))


def _sjw_imatinib(kb: KnowledgeBase) -> str:
    [finding] = Checker(kb).check(drugs=["imatinib"], supplements=["St John's wort"]).findings
    return finding.severity.value


def _assert_graph_error(result, *fragments: str) -> None:
    text = " ".join(result.stderr.split())
    assert result.exit_code == 4, f"exit {result.exit_code}: {result.stderr or result.stdout}"
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert text.startswith("error: the knowledge graph failed to load:") and text.count("error:") == 1
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} missing from: {text}"


# ---------------------------------------------------------------------------------------------- the cache
def _forge(digest: str, body: object) -> None:
    """Write a cache file whose checksum matches its body: only the shape check can refuse it."""
    raw = cache.encode(body)
    header = {"format": cache.CACHE_FORMAT, "graph": digest, "content": hashlib.sha256(raw).hexdigest()}
    path = cache.cache_path(digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(json.dumps(header).encode() + b"\n" + raw)


def _sjw_interactions(records: dict) -> list[dict]:
    return [ix for ix in records["interactions"] if ix["supplement"].endswith("/st-johns-wort")]


def test_an_edited_cache_is_discarded_rebuilt_and_rewritten(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert _sjw_imatinib(KnowledgeBase.load(pristine)) == "major"
    [path] = (tmp_path / "cache").glob("graph-*.bin")
    data = path.read_bytes()
    assert data.count(b"major") >= 1
    path.write_bytes(data.replace(b"major", b"minor"))
    assert _sjw_imatinib(KnowledgeBase.load(pristine)) == "major"
    assert _content(path.read_bytes()) == _content(data), "the discarded cache was not rewritten"


def test_a_cache_of_the_wrong_shape_no_longer_breaks_later_commands(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    digest = graph_hash(graph_files(pristine))
    _forge(digest, [])
    for _ in range(2):
        result = _cli(monkeypatch, pristine, "check", "-d", "imatinib", "-s", "St John's wort", "-f", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["findings"][0]["severity"] == "major"
    assert cache.read_cache(digest, KnowledgeBase.from_records) is not None, "the cache was not repaired"


def test_a_forged_cache_of_the_right_shape_is_read(compiled, tmp_path, monkeypatch):
    """The guard for the shape tests below: the forging itself gives a cache the loader reads."""
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    _forge(digest, records)
    assert _sjw_imatinib(cache.read_cache(digest, KnowledgeBase.from_records)) == "major"


def _set(path: tuple, value):
    def mutate(records: dict) -> dict:
        node = records
        for key in path[:-1]:
            node = node[key]
        if value is KeyError:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return records

    return mutate


MISSHAPEN = {
    "a list": lambda r: [],
    "only its sha256": lambda r: {"sha256": r["sha256"]},
    "entities as a list": _set(("entities",), []),
    "an entity without kind": lambda r: _set(("entities", next(iter(r["entities"])), "kind"), KeyError)(r),
    "numbers among names": lambda r: _set(("entities", next(iter(r["entities"])), "alt"), [1, 2])(r),
    "sources as text": _set(("interactions", 0, "sources"), "src:pmid15470331"),
    "no sources": _set(("interactions", 0, "sources"), []),
    "an undefined source": _set(("interactions", 0, "sources"), ["https://w3id.org/suppcheck/source/nowhere"]),
    "a mechanism as text": _set(("interactions", 0, "mechanisms"), ["CYP3A4"]),
    "an unknown severity": _set(("interactions", 0, "severity"), "catastrophic"),
    "an unknown evidence level": _set(("modulations", 0, "evidence"), "anecdotal"),
    "a dose as text": _set(("modulations", 0, "min_dose"), "900"),
    "a dose not a number": _set(("modulations", 0, "min_dose"), float("nan")),
    "a flag as text": _set(("rules", 0, "cumulative"), "yes"),
    "a year as text": lambda r: _set(("sources", next(iter(r["sources"])), "year"), "2019")(r),
    "a count as a flag": _set(("triples",), True),
    "rules as an object": _set(("rules",), {}),
}


@pytest.mark.parametrize("name", MISSHAPEN)
def test_a_cache_with_valid_checksum_but_wrong_shape_is_discarded(compiled, tmp_path, monkeypatch, name):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    _forge(digest, MISSHAPEN[name](copy.deepcopy(records)))
    assert cache.read_cache(digest, KnowledgeBase.from_records) is None


def _forge_written_by(digest: str, body: object, shapes: str) -> None:
    raw = cache.encode(body)
    header = {"format": cache.CACHE_FORMAT, "graph": digest, "content": hashlib.sha256(raw).hexdigest(),
              "shapes": shapes}
    cache.cache_path(digest).write_bytes(json.dumps(header).encode() + b"\n" + raw)


@pytest.mark.parametrize("name", ["no sources", "an undefined source", "rules as an object"])
def test_records_written_by_code_of_other_shapes_are_checked_one_by_one(compiled, tmp_path, monkeypatch, name):
    """Only records this very code checked and wrote skip the per-record checks; other writers' do not."""
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    from suppcheck.kb import SHAPES_DIGEST

    cache.write_cache(digest, records, SHAPES_DIGEST)
    assert json.loads(cache.cache_path(digest).read_bytes().partition(b"\n")[0])["shapes"] == SHAPES_DIGEST
    _forge_written_by(digest, MISSHAPEN[name](copy.deepcopy(records)), "another version")
    assert cache.read_cache(digest, KnowledgeBase.from_records, KnowledgeBase._from_own_records,
                            SHAPES_DIGEST) is None


def test_a_load_reads_back_its_own_cache_on_the_trusted_path(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    KnowledgeBase.load(pristine)  # compiles, checks and writes
    calls = []
    real = KnowledgeBase._from_fast.__func__
    monkeypatch.setattr(KnowledgeBase, "_from_fast", classmethod(lambda cls, f: calls.append(1) or real(cls, f)))
    assert _sjw_imatinib(KnowledgeBase.load(pristine)) == "major" and calls == [1]


def test_the_fast_part_gives_the_same_graph_as_the_checked_records(pristine, tmp_path, monkeypatch):
    """Records made on demand from the fast part equal those built from the compiled records, field by field."""
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    compiled = KnowledgeBase.load(pristine, use_cache=False)
    KnowledgeBase.load(pristine)
    fast = KnowledgeBase.load(pristine)
    assert type(fast.entities).__name__ == "_Rows", "the second load did not come from the fast part"
    for name in ("entities", "kinds", "modulations", "substrates", "properties", "no_cyp", "interactions", "rules",
                 "names", "interactions_by_supplement", "class_closure", "rxcui_index", "label_instructions",
                 "alternatives", "washouts", "version", "sha256", "triples", "sources"):
        assert getattr(fast, name) == getattr(compiled, name), name
    assert fast.stats() == compiled.stats()


def _content(data: bytes) -> tuple:
    """A cache file's records (their bytes, which are the same for the same graph) and its fast part (by
    content: its bytes share repeated objects and vary from build to build)."""
    head, _, body = data.partition(b"\n")
    header = json.loads(head)
    length = header["fast"][0]
    fast = cache.decode(body[-length:])
    sections = {key: _decoded(value) for key, value in fast.items()}
    return header["graph"], header["content"], body[:-length], sections


def _decoded(value: object) -> object:
    """A fast-part value with every blob in it decoded (sections, and the per-key rows within them)."""
    if type(value) is bytes:
        return _decoded(cache.decode(value))
    if type(value) is dict:
        return {key: _decoded(item) for key, item in value.items()}
    if type(value) is list:
        return [_decoded(item) for item in value]
    return value


def _fast_span(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    length = json.loads(data.partition(b"\n")[0])["fast"][0]
    return len(data) - length, len(data)


def test_a_damaged_fast_part_is_read_the_checked_way_and_repaired(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    KnowledgeBase.load(pristine)
    [path] = tmp_path.glob("graph-*.bin")
    good = path.read_bytes()
    start, end = _fast_span(path)
    fast = good[start:end]
    assert fast.count(b"major") >= 1
    path.write_bytes(good[:start] + fast.replace(b"major", b"minor"))
    checked = []
    real = KnowledgeBase.from_records.__func__
    monkeypatch.setattr(KnowledgeBase, "from_records", classmethod(lambda cls, r: checked.append(1) or real(cls, r)))
    assert _sjw_imatinib(KnowledgeBase.load(pristine)) == "major"
    assert checked, "the damaged fast part was used"
    assert _content(path.read_bytes()) == _content(good), "the fast part was not rewritten"


def test_a_fast_part_with_a_valid_checksum_but_foreign_rows_falls_back_to_the_checked_records(pristine, tmp_path,
                                                                                              monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    KnowledgeBase.load(pristine)
    [path] = tmp_path.glob("graph-*.bin")
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    header = json.loads(head)
    digest = header["graph"]
    for foreign in ({"sha256": digest}, {"sha256": digest, "entities": [1, 2], "version": "x", "triples": 1},
                    [1, 2, 3]):
        extra = cache.encode(foreign)
        records = body[:-header["fast"][0]]
        forged = dict(header, fast=[len(extra), cache.fast_checksum(extra)])
        path.write_bytes(json.dumps(forged).encode() + b"\n" + records + extra)
        assert _sjw_imatinib(KnowledgeBase.load(pristine)) == "major", foreign


@pytest.mark.parametrize("content", [b"[]", b"\x00\xff" * 50, b'{"format": 2}\n{}', b""],
                         ids=["old-style list", "binary", "header without checksum", "empty"])
def test_a_cache_file_that_is_not_one_is_discarded(compiled, tmp_path, monkeypatch, content):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    cache.write_cache(digest, records)
    path = cache.cache_path(digest)
    good = path.read_bytes()
    assert cache.read_cache(digest, KnowledgeBase.from_records) is not None
    path.write_bytes(content)
    assert cache.read_cache(digest, KnowledgeBase.from_records) is None
    path.write_bytes(good[: len(good) // 2])
    assert cache.read_cache(digest, KnowledgeBase.from_records) is None


def test_a_cache_with_a_recomputed_checksum_still_needs_its_hash(compiled, tmp_path, monkeypatch):
    """A cache written for another graph is never read for this one."""
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    other = "0" * 64
    _forge(other, records)
    os.replace(cache.cache_path(other), cache.cache_path(digest))
    assert cache.read_cache(digest, KnowledgeBase.from_records) is None


# --------------------------------------------------------------------------------------- faulty graphs
FAULTS = {
    "interaction without source": (SJW, IMATINIB_SOURCES, "    .",
                                   [f"{SJW}:", "ix:st-johns-wort--imatinib", "dcterms:source"]),
    "undefined source": (SJW, "src:pmid15470331, src:doi", "src:nowhere-1999, src:doi",
                         ["ix:st-johns-wort--imatinib", "src:nowhere-1999", "no file defines"]),
    "claim without source": (SJW, CYP3A4_CLAIM_SOURCES, "        ] ;",
                             ["st-johns-wort.ttl", "supp:st-johns-wort sc:modulates [...]", "dcterms:source"]),
    "rule without source": ("rules/pharmacodynamic.ttl", "    dcterms:source src:pmid28182323 .", "    .",
                            ["rules/pharmacodynamic.ttl", "rule:", "dcterms:source"]),
    "bad severity": (SJW, 'sc:severity "major"', 'sc:severity "catastrophic"',
                     ["ix:st-johns-wort--imatinib", "'catastrophic'", "major, minor, moderate, none"]),
    "bad evidence": (SJW, 'sc:evidenceLevel "clinical" ;\n    sc:summary "In 12',
                     'sc:evidenceLevel "anecdotal" ;\n    sc:summary "In 12', ["'anecdotal'", "case-report"]),
    "ill-typed dose": (SJW, IRINOTECAN_DOSE, IRINOTECAN_DOSE.replace("900.0", f'"abc"^^{XSD_DECIMAL}'),
                       ["ix:st-johns-wort--irinotecan", "sc:minDailyDose 'abc' is not an amount"]),
    "dose as plain text": (SJW, IRINOTECAN_DOSE, IRINOTECAN_DOSE.replace("900.0", '"900"'),
                           ["ix:st-johns-wort--irinotecan", "sc:minDailyDose '900' is not an amount"]),
    "non-numeric year": ("sources/articles.ttl", '"10.1016/j.clpt.2004.06.007" ;\n    sc:venue "Clinical Pharmacology & Therapeutics" ; sc:year 2004',
                         '"10.1016/j.clpt.2004.06.007" ;\n    sc:venue "Clinical Pharmacology & Therapeutics" ; sc:year "MMIV"',
                         ["sources/articles.ttl:", "src:pmid15470331", "'MMIV' is not a year"]),
    "boolean as text": (SJW, "supp:st-johns-wort\n    skos:altLabel", 'supp:st-johns-wort owl:deprecated "yes" ;\n'
                        "    skos:altLabel", ["supp:st-johns-wort", "owl:deprecated 'yes' is not true or false"]),
}


@pytest.mark.parametrize("name", FAULTS)
def test_a_graph_fault_is_exit_4_naming_file_and_claim(pristine, tmp_path, monkeypatch, name):
    rel, old, new, fragments = FAULTS[name]
    folder = _copy(pristine, tmp_path)
    if "owl:" in new:
        _edit(folder, rel, "@prefix", "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix")
    _edit(folder, rel, old, new)
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    result = _cli(monkeypatch, folder, "check", "-d", "imatinib", "-s", "St John's wort", "-s", "fish oil")
    _assert_graph_error(result, *fragments)
    assert not list((tmp_path / "cache").glob("graph-*")), "a refused graph reached the cache"


def _line(folder: Path, rel: str, opening: str) -> int:
    lines = (folder / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(opening))


def test_the_message_gives_file_and_line(pristine, tmp_path):
    folder = _copy(pristine, tmp_path)
    _edit(folder, SJW, IMATINIB_SOURCES, "    .")
    _edit(folder, "sources/articles.ttl", '"10.1016/j.clpt.2004.06.007" ;\n    sc:venue "Clinical Pharmacology & Therapeutics" ; sc:year 2004',
          '"10.1016/j.clpt.2004.06.007" ;\n    sc:venue "Clinical Pharmacology & Therapeutics" ; sc:year "MMIV"')
    with pytest.raises(GraphProblems) as caught:
        KnowledgeBase.load(folder, use_cache=False)
    where = {subject: place for place, subject, _ in caught.value.problems}
    assert where["ix:st-johns-wort--imatinib"] == f"{SJW}:{_line(folder, SJW, 'ix:st-johns-wort--imatinib a')}"
    assert where["src:pmid15470331"] == f"sources/articles.ttl:{_line(folder, 'sources/articles.ttl', 'src:pmid15470331')}"


def test_every_problem_is_listed_not_only_the_first(pristine, tmp_path):
    folder = _copy(pristine, tmp_path)
    _edit(folder, SJW, IMATINIB_SOURCES, "    .")
    _edit(folder, SJW, IRINOTECAN_DOSE, IRINOTECAN_DOSE.replace("900.0", '"900"'))
    _edit(folder, "rules/pharmacodynamic.ttl", "    dcterms:source src:pmid28182323 .", "    .")
    with pytest.raises(GraphProblems) as caught:
        KnowledgeBase.load(folder, use_cache=False)
    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("3 problems:")


def test_kg_stats_refuses_a_faulty_graph_too(pristine, tmp_path, monkeypatch):
    folder = _copy(pristine, tmp_path)
    _edit(folder, SJW, IMATINIB_SOURCES, "    .")
    _assert_graph_error(_cli(monkeypatch, folder, "kg", "stats"), "ix:st-johns-wort--imatinib")


def _dangling(folder: Path) -> None:
    (folder / "x.ttl").symlink_to(folder / "nowhere.ttl")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "drugs" / "pipe.ttl")


def _only_vocab(folder: Path) -> None:
    for path in folder.iterdir():
        if path.name != "vocab.ttl":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _empty(folder: Path) -> None:
    shutil.rmtree(folder)
    folder.mkdir()


FOLDER_FAULTS = {
    "dangling link": (_dangling, ["x.ttl", "not a regular file"]),
    "named pipe": (_fifo, ["drugs/pipe.ttl", "not a regular file"]),
    "only vocab.ttl": (_only_vocab, ["no supplement and no drug"]),
    "empty folder": (_empty, ["no Turtle files"]),
}


@pytest.mark.parametrize("name", FOLDER_FAULTS)
@pytest.mark.parametrize("command", [["check", "-d", "imatinib", "-s", "St John's wort"], ["kg", "stats"]],
                         ids=["check", "stats"])
def test_an_unusable_graph_folder_is_exit_4(pristine, tmp_path, monkeypatch, name, command):
    make, fragments = FOLDER_FAULTS[name]
    folder = _copy(pristine, tmp_path)
    make(folder)
    started = time.monotonic()
    _assert_graph_error(_cli(monkeypatch, folder, *command), *fragments)
    assert time.monotonic() - started < 30, "the load waited on a file that cannot be read"


def test_graph_hash_turns_a_read_error_into_a_knowledge_error(tmp_path):
    (tmp_path / "gone.ttl").mkdir()
    with pytest.raises(KnowledgeError, match="cannot be read"):
        graph_hash([tmp_path / "gone.ttl"])


def test_a_folder_named_ttl_is_not_a_graph_file(pristine, tmp_path, monkeypatch):
    folder = _copy(pristine, tmp_path)
    (folder / "odd.ttl").mkdir()
    assert folder / "odd.ttl" not in graph_files(folder)
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", "")
    result = _cli(monkeypatch, folder, "check", "-d", "imatinib", "-s", "St John's wort", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["findings"][0]["severity"] == "major"


# ------------------------------------------------------------------------------------------- kg validate
def _small_graph(tmp_path: Path) -> Path:
    return build_kb_dir(tmp_path / "small", """supp:quietleaf a sc:Supplement ; skos:prefLabel "quietleaf" ;
    sc:category "botanical" .
""")


def test_kg_validate_without_shapes_says_so(tmp_path, monkeypatch):
    folder = _small_graph(tmp_path)
    assert _cli(monkeypatch, folder, "kg", "validate").exit_code == 0
    (folder / "shapes.ttl").unlink()
    result = _cli(monkeypatch, folder, "kg", "validate")
    assert result.exit_code == 4 and "shapes.ttl is missing" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_kg_validate_calls_an_empty_folder_invalid(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    result = _cli(monkeypatch, tmp_path / "empty", "kg", "validate")
    assert result.exit_code == 4 and "no Turtle files" in result.stdout


def test_kg_validate_reports_a_dangling_link(tmp_path, monkeypatch):
    folder = _small_graph(tmp_path)
    _dangling(folder)
    result = _cli(monkeypatch, folder, "kg", "validate")
    assert result.exit_code == 4 and "x.ttl: -: not a regular file" in result.stdout


# ---------------------------------------------------------------------------------------------- kg query
@pytest.mark.parametrize(("query", "message"), [
    ("SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://192.0.2.1/q> { ?s ?p ?o } } }", "SERVICE is refused"),
    ("SELECT * FROM <http://192.0.2.1/g> WHERE { ?s ?p ?o } LIMIT 1", "FROM and FROM NAMED are refused"),
    ("SELECT * FROM NAMED <http://192.0.2.1/g> WHERE { ?s ?p ?o } LIMIT 1", "FROM and FROM NAMED are refused"),
    ("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }", "updates are refused"),
    ("DROP ALL", "updates are refused"),
    ("LOAD <http://192.0.2.1/g.ttl>", "updates are refused"),
])
def test_kg_query_refuses_what_leaves_or_changes_the_graph(monkeypatch, query, message):
    result = _cli(monkeypatch, None, "kg", "query", query)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("query", [
    'SELECT (REGEX("zzmarker", "(") AS ?x) WHERE {}',
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1 OFFSET 99999999999999999999999",
    "SELECT ?zzmarker WHERE { ?zzmarker zz:marker ?o }",
    "SELECT ?zzmarker WHERE { ?zzmarker",
])
def test_kg_query_errors_are_exit_2_without_traceback_or_the_query(monkeypatch, query):
    result = _cli(monkeypatch, None, "kg", "query", query)
    assert result.exit_code == 2, result.stdout
    assert "SPARQL error" in result.stderr and "Traceback" not in result.stdout + result.stderr
    assert "zzmarker" not in result.stderr.replace("zz:", "") and query not in result.stderr


def test_kg_query_stops_at_its_time_limit(monkeypatch):
    started = time.monotonic()
    result = _cli(monkeypatch, None, "kg", "query", "--timeout", "1",
                  "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert result.exit_code == 2 and "took longer than 1 s" in result.stderr
    assert time.monotonic() - started < 15


def test_kg_query_still_answers_within_its_limit(monkeypatch):
    result = _cli(monkeypatch, None, "kg", "query", "ASK { supp:st-johns-wort a sc:Supplement }")
    assert result.exit_code == 0 and result.stdout.strip() == "true"


def test_old_cache_files_are_pruned_when_a_new_one_is_written(compiled, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    digest, records = compiled
    for n in range(12):  # earlier graphs of this format, and files of an older format
        (tmp_path / f"graph-{cache.CACHE_FORMAT}-{n:024d}.bin").write_bytes(b"old")
        os.utime(tmp_path / f"graph-{cache.CACHE_FORMAT}-{n:024d}.bin", (1000 + n, 1000 + n))
    (tmp_path / "graph-1-000000000000000000000000.bin").write_bytes(b"older format")
    (tmp_path / "index-1.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("not ours")
    cache.write_cache(digest, records)
    left = sorted(p.name for p in tmp_path.iterdir())
    ours = [n for n in left if n.startswith(f"graph-{cache.CACHE_FORMAT}-")]
    assert cache.cache_path(digest).name in ours and len(ours) == cache.INDEX_ENTRIES
    assert f"graph-{cache.CACHE_FORMAT}-{11:024d}.bin" in ours and f"graph-{cache.CACHE_FORMAT}-{0:024d}.bin" not in ours
    assert "graph-1-000000000000000000000000.bin" not in left and "index-1.json" not in left
    assert "notes.txt" in left
    assert cache.read_cache(digest, KnowledgeBase.from_records) is not None


def test_a_load_from_the_fast_part_decodes_a_section_only_when_it_is_used(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    KnowledgeBase.load(pristine)
    kb = KnowledgeBase.load(pristine)
    assert {"entities", "names", "interactions", "washouts"} <= set(kb._lazy), "sections decoded at load"
    assert _sjw_imatinib(kb) == "major"
    assert "entities" not in kb._lazy and "names" not in kb._lazy
    assert "washouts" in kb._lazy, "a check without surgery decoded the stop-before-surgery times"


FORGED_ENTITIES = {
    "a section that is not a mapping": lambda rows: [1, 2, 3],
    "rows that do not decode": lambda rows: {iri: b"\x00\xff not a row" for iri in rows},
    "rows that do not fit an entity": lambda rows: {iri: cache.encode_fast((1, 2)) for iri in rows},
}


@pytest.mark.parametrize("forgery", FORGED_ENTITIES)
def test_a_forged_section_or_row_with_a_valid_checksum_is_a_graph_error_not_a_traceback(pristine, tmp_path,
                                                                                       monkeypatch, forgery):
    """A section is decoded when first used, and each key's rows (their own blob) when the key is first asked
    for: one that does not decode or fit its record stops the command with advice, never a traceback."""
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path))
    KnowledgeBase.load(pristine)
    [path] = tmp_path.glob("graph-*.bin")
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    fast = cache.decode(body[-header["fast"][0]:])
    fast["entities"] = cache.encode_fast(FORGED_ENTITIES[forgery](cache.decode(fast["entities"])))
    extra = cache.encode_fast(fast)
    forged = dict(header, fast=[len(extra), cache.fast_checksum(extra)])
    path.write_bytes(json.dumps(forged).encode() + b"\n" + body[:-header["fast"][0]] + extra)
    result = _cli(monkeypatch, pristine, "check", "-d", "imatinib", "-s", "St John's wort")
    assert result.exit_code == 4, result.stdout + result.stderr
    assert "cache" in result.stderr and "Traceback" not in result.stderr
