"""Citations a reviewer can open: every source URL is on a reviewed host."""

from __future__ import annotations

import shutil

from suppcheck.kbfiles import knowledge_dir
from suppcheck.validation import allowed_hosts, parse_all, validate_knowledge


def test_the_bundled_graph_cites_only_reviewed_hosts():
    from suppcheck.kbfiles import graph_files
    from suppcheck.validation import host_problems

    root = knowledge_dir()
    graph, origin, _ = parse_all(graph_files(root), root)
    assert len(allowed_hosts(graph)) >= 20, "hosts.ttl did not load"
    problems = host_problems(graph, origin)
    assert not problems, "\n".join(map(str, problems[:20]))


def test_a_source_on_a_mirror_is_rejected(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(knowledge_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    sources = folder / "sources" / "labels.ttl"
    text = sources.read_text(encoding="utf-8")
    start = text.index("https://dailymed.nlm.nih.gov")
    sources.write_text(text[:start] + "https://m.laoslucius.com/copy" + text[text.index('"', start):], encoding="utf-8")
    problems, _ = validate_knowledge(folder)
    assert any("laoslucius.com" in str(p) and "reviewed list" in str(p) for p in problems)
