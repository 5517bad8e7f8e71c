"""Where the curated graph lives, and its fingerprint."""

from __future__ import annotations

import hashlib
import os
from importlib.resources import files
from pathlib import Path


def knowledge_dir() -> Path:
    """The folder of the graph: $SUPPCHECK_KB_DIR when set (curators, tests), else the bundled package data."""
    override = os.environ.get("SUPPCHECK_KB_DIR")
    return Path(override) if override else Path(str(files("suppcheck_kb")))


def graph_files(directory: Path | None = None) -> list[Path]:
    """Every Turtle file of the graph except the SHACL shapes, in a stable order."""
    root = directory or knowledge_dir()
    return sorted(p for p in root.rglob("*.ttl") if p.name != "shapes.ttl")


def graph_hash(paths: list[Path]) -> str:
    """sha256 over the files' relative names and bytes: the key of the compiled cache."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
