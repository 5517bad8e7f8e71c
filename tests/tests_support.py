"""Helpers shared by test modules (importable because tests/ is on the path)."""

from __future__ import annotations

import shutil
from pathlib import Path

from suppcheck.kbfiles import knowledge_dir

VOCAB_FILES = ("vocab.ttl", "shapes.ttl", "targets.ttl", "properties.ttl", "contexts.ttl", "classes.ttl")
PREFIXES = """@prefix sc: <https://w3id.org/suppcheck/vocab#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix bibo: <http://purl.org/ontology/bibo/> .
@prefix supp: <https://w3id.org/suppcheck/supplement/> .
@prefix con: <https://w3id.org/suppcheck/constituent/> .
@prefix drug: <https://w3id.org/suppcheck/drug/> .
@prefix cls: <https://w3id.org/suppcheck/class/> .
@prefix tgt: <https://w3id.org/suppcheck/target/> .
@prefix prop: <https://w3id.org/suppcheck/property/> .
@prefix ctx: <https://w3id.org/suppcheck/context/> .
@prefix ix: <https://w3id.org/suppcheck/interaction/> .
@prefix rule: <https://w3id.org/suppcheck/rule/> .
@prefix src: <https://w3id.org/suppcheck/source/> .
"""
TEST_SOURCE = """src:test-source a bibo:Document ; dcterms:title "Test fixture source" ;
    bibo:uri "https://example.org/test" ; sc:venue "suppcheck tests" ; sc:year 2026 .
"""


def build_kb_dir(root: Path, body: str) -> Path:
    """A graph folder with the real vocabulary files and `body` (fictional test entities)."""
    root.mkdir(parents=True)
    for name in VOCAB_FILES:
        shutil.copy(knowledge_dir() / name, root / name)
    (root / "test.ttl").write_text(PREFIXES + TEST_SOURCE + body, encoding="utf-8")
    return root


def build_fixture_dir(root: Path, fixture: Path) -> Path:
    return build_kb_dir(root, fixture.read_text(encoding="utf-8"))


def fhir_bundle(meds: list[tuple[str, str, str]]) -> dict:
    """A FHIR collection Bundle of (resourceType, medication text, status) entries for one patient."""
    entries = []
    for n, (kind, text, status) in enumerate(meds):
        res = {"resourceType": kind, "id": f"m{n}", "status": status, "subject": {"reference": "Patient/p1"},
               "medicationCodeableConcept": {"text": text}}
        if kind == "MedicationRequest":
            res["intent"] = "order"
        entries.append({"resource": res})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def live_service(tmp_path_factory, ready_path: str = "/cds-services"):
    """`suppcheck serve` on a free loopback port, its log (stdout and stderr) in a file: yields (base URL, log)."""
    import os
    import subprocess
    import sys
    import time

    import httpx
    import pytest

    port = free_port()
    env = dict(os.environ, SUPPCHECK_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    log = tmp_path_factory.mktemp("log") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "suppcheck_cli.app", "serve", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}{ready_path}", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.terminate()
        pytest.fail("the service did not start: " + log.read_text())
    try:
        yield base, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def in_process_server(app, **config):
    """An ASGI app on a loopback uvicorn in this process: yields (host, port), stops it after."""
    import threading
    import time

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off",
                                           **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def product_ingredients(checker, line: str) -> set[str]:
    """The ingredient names a supplement line naming a product is read as (components matched by product)."""
    item = checker.check(supplements=[line]).items[0]
    return {c.match.name for c in item.components if c.match and c.match.method == "product"}


HEAVY_MODULES = ("typer", "click", "pydantic", "rdflib", "pyshacl", "pyoxigraph")


def heavy_modules_loaded(tmp_path: Path, code: str, heavy: tuple[str, ...] = HEAVY_MODULES) -> list[str]:
    """Run `code` in a fresh interpreter, after one command has compiled the graph cache, and give the top-level
    packages of `heavy` it loaded. `code` ends by leaving sys.modules as the command left it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, SUPPCHECK_CACHE_DIR=str(tmp_path / "cache"))
    warm = [sys.executable, "-m", "suppcheck_cli.fast", "check", "-d", "imatinib", "-s", "ginkgo"]
    assert subprocess.run(warm, env=env, capture_output=True, check=False).returncode == 0  # compiles the cache
    report = f"\nprint(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(heavy)!r})))\n"
    out = subprocess.run([sys.executable, "-c", code + report], env=env, capture_output=True, text=True,
                         check=True).stdout
    return eval(out.strip().splitlines()[-1])  # noqa: S307 - the list printed just above
