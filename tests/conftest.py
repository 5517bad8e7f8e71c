"""Shared fixtures: a small graph written in the test (fictional entities), and the real bundled graph."""

from __future__ import annotations

import pytest
from suppcheck import Checker, KnowledgeBase
from tests_support import build_kb_dir


@pytest.fixture
def make_checker(tmp_path):
    """Build a Checker over a small graph written in the test."""

    def make(body: str) -> Checker:
        return Checker(KnowledgeBase.load(build_kb_dir(tmp_path / "kb", body), use_cache=False))

    return make


@pytest.fixture(scope="session")
def real_checker() -> Checker:
    """The bundled graph, as users get it."""
    return Checker(KnowledgeBase.load(use_cache=False))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SUPPCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
