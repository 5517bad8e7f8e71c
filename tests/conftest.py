"""Shared fixtures: a small graph written in the test (fictional entities), and the real bundled graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from suppcheck import Checker, KnowledgeBase
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


def build_kb_dir(tmp_path: Path, body: str) -> Path:
    """A graph folder with the real vocabulary files and `body` (fictional test entities)."""
    root = tmp_path / "kb"
    root.mkdir()
    for name in VOCAB_FILES:
        shutil.copy(knowledge_dir() / name, root / name)
    (root / "test.ttl").write_text(PREFIXES + TEST_SOURCE + body, encoding="utf-8")
    return root


@pytest.fixture
def make_checker(tmp_path):
    """Build a Checker over a small graph written in the test."""

    def make(body: str) -> Checker:
        return Checker(KnowledgeBase.load(build_kb_dir(tmp_path, body), use_cache=False))

    return make


@pytest.fixture(scope="session")
def real_checker() -> Checker:
    """The bundled graph, as users get it."""
    return Checker(KnowledgeBase.load(use_cache=False))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
