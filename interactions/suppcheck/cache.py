"""The compiled graph on disk, keyed by the hash of the Turtle files."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1


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


def read_cache(digest: str) -> dict[str, Any] | None:
    """The compiled records for this hash, or None when absent or unreadable."""
    path = cache_path(digest)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            records = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    return records if records.get("sha256") == digest else None


def write_cache(digest: str, records: dict[str, Any]) -> None:
    """Write atomically; a read-only or missing home only costs the next run a parse."""
    path = cache_path(digest)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".graph-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(records, handle, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        return
