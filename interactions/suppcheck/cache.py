"""The compiled graph on disk, keyed by the hash of the Turtle files and checked against its own checksum.

A cache file is one header line of JSON (format, graph hash, sha256 of the body) and the body: the
compiled records as JSON. A file whose body does not match its checksum, whose header is not for
this graph, or whose records do not have the expected shape is discarded; the caller then compiles
the Turtle again and rewrites the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from suppcheck.errors import KnowledgeError

CACHE_FORMAT = 4
# The compiled graph is about 1 MB; a file far larger than that is not one of ours.
MAX_BYTES = 64 * 1024 * 1024

T = TypeVar("T")


class RecordShapeError(KnowledgeError):
    """Compiled records lack a key or hold a value of the wrong type or outside its controlled list."""


def cache_dir() -> Path | None:
    """$SUPPCHECK_CACHE_DIR, else the user cache folder; None when caching is switched off."""
    explicit = os.environ.get("SUPPCHECK_CACHE_DIR")
    if explicit == "":
        return None
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "suppcheck"


def cache_path(digest: str) -> Path | None:
    folder = cache_dir()
    return folder / f"graph-{CACHE_FORMAT}-{digest[:24]}.json" if folder else None


def read_cache(digest: str, build: Callable[[dict[str, Any]], T]) -> T | None:
    """`build(records)` for this graph's cached records; None when absent, altered, or of the wrong shape."""
    path = cache_path(digest)
    if path is None:
        return None
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        with path.open("rb") as handle:
            data = handle.read()
    except OSError:
        return None
    records = _verified_records(data, digest)
    if records is None:
        return None
    try:
        return build(records)
    except RecordShapeError:
        return None


def _verified_records(data: bytes, digest: str) -> dict[str, Any] | None:
    """The records when the header names this graph and the body matches its checksum."""
    head, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("format") != CACHE_FORMAT or header.get("graph") != digest:
            return None
        if header.get("content") != hashlib.sha256(body).hexdigest():
            return None
        records = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(records, dict) or records.get("sha256") != digest:
        return None
    return records


def write_cache(digest: str, records: dict[str, Any]) -> None:
    """Write atomically; a read-only or missing home only costs the next run a parse."""
    path = cache_path(digest)
    if path is None:
        return
    body = json.dumps(records, separators=(",", ":")).encode("ascii")
    header = json.dumps({"format": CACHE_FORMAT, "graph": digest, "content": hashlib.sha256(body).hexdigest()})
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".graph-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(header.encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            _remove(tmp)


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
