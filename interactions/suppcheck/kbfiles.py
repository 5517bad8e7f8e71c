"""Where the curated graph lives, and its fingerprint."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from suppcheck.errors import KnowledgeError

if TYPE_CHECKING:
    from pathlib import Path

try:  # the fingerprint's hash, without loading OpenSSL at a command's start (hashlib does)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b as blake2b


def knowledge_folder() -> str:
    """The folder of the graph, as a string: $SUPPCHECK_KB_DIR when set (curators, tests), else the bundled
    package data."""
    override = os.environ.get("SUPPCHECK_KB_DIR")
    if override:
        return override
    import suppcheck_kb

    # The package's own folder (a regular install); importlib.resources (and the zip readers it loads, which
    # cost a command's start more than its check) only for a package that is not a folder on disk.
    where = getattr(suppcheck_kb, "__file__", None)
    if where and os.path.isdir(os.path.dirname(where)):
        return os.path.dirname(where)
    from importlib.resources import files

    return str(files("suppcheck_kb"))


def knowledge_dir() -> Path:
    """The folder of the graph (see `knowledge_folder`)."""
    from pathlib import Path

    return Path(knowledge_folder())


def relative_name(path: Path, root: Path | None = None) -> str:
    """A file's name as curators see it: relative to the graph folder when it lies inside."""
    try:
        return path.relative_to(root or knowledge_dir()).as_posix()
    except ValueError:
        return path.name


def scan(directory: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Regular Turtle files (shapes excluded), and entries named *.ttl that are neither file nor folder."""
    from pathlib import Path

    root = directory or knowledge_dir()
    regular: list[str] = []
    odd: list[str] = []
    try:
        _walk(str(root), regular, odd)
    except OSError as exc:
        raise KnowledgeError(f"the graph folder cannot be read ({exc.strerror or exc}); check that "
                             "SUPPCHECK_KB_DIR names a readable folder", file=str(root)) from None
    # sorted as paths are (part by part), on the strings: sorting Path objects costs more than the walk
    return ([Path(p) for p in sorted(regular, key=_parts)], [Path(p) for p in sorted(odd, key=_parts)])


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def _walk(folder: str, regular: list[str], odd: list[str]) -> None:
    """Collect *.ttl below `folder`; symlinked folders are not followed (a link loop cannot hang the load)."""
    if not os.path.isdir(folder):
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, regular, odd)
            elif not entry.name.endswith(".ttl"):
                continue
            elif entry.is_file():
                if entry.name != "shapes.ttl":
                    regular.append(entry.path)
            elif not entry.is_dir():
                # A broken link, a pipe or a device named *.ttl: reading it fails or blocks for ever.
                odd.append(entry.path)


def graph_files(directory: Path | None = None) -> list[Path]:
    """Every Turtle file of the graph except the SHACL shapes, in a stable order; folders are skipped."""
    root = directory or knowledge_dir()
    regular, odd = scan(root)
    if odd:
        names = ", ".join(relative_name(p, root) for p in odd)
        raise KnowledgeError("not a regular file (a broken link, a pipe or a device); remove it or point it "
                             "at the Turtle file", file=names)
    return regular


def quick_scan(directory: Path | str | None = None) -> tuple[list[str], str | None] | None:
    """The graph's Turtle files as strings and their fingerprint (`stat_key`), in one walk without making
    Path objects: what a load needs to find its cache. None when an odd entry needs `graph_files` to report it.

    Each folder's entries are visited in name order, which lists the files in the order `scan` sorts them
    (part by part), so no sort is needed afterwards."""
    regular: list[str] = []
    rows: list[str] = []
    try:
        if not _quick_walk(str(directory or knowledge_folder()), regular, rows):
            return None
    except OSError:
        return regular, None
    return regular, _fingerprint(rows)


def _quick_walk(folder: str, regular: list[str], rows: list[str]) -> bool:
    """`_walk` in name order, with each file's fingerprint row; False at an odd entry."""
    if not os.path.isdir(folder):
        return True
    with os.scandir(folder) as found:
        entries = sorted(found, key=_name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not _quick_walk(entry.path, regular, rows):
                return False
        elif not entry.name.endswith(".ttl"):
            continue
        elif entry.is_file():
            if entry.name != "shapes.ttl":
                st = entry.stat()
                regular.append(entry.path)
                rows.append(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n")
        elif not entry.is_dir():
            return False
    return True


def _name(entry: os.DirEntry) -> str:
    return entry.name


def stat_key(paths: list[Path]) -> str | None:
    """A cheap fingerprint of the files (names, sizes, modification times), to find their hash without
    reading them; None when a file cannot be examined."""
    rows = []
    try:
        for path in map(str, paths):
            st = os.stat(path)
            rows.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n")
    except OSError:
        return None
    return _fingerprint(rows)


def _fingerprint(rows: list[str]) -> str:
    return blake2b("".join(rows).encode("utf-8", "surrogateescape"), digest_size=32).hexdigest()


def graph_hash(paths: list[Path]) -> str:
    """sha256 over the files' relative names and bytes: the key of the compiled cache."""
    import hashlib

    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise KnowledgeError(f"cannot be read ({exc.strerror or exc}); check the file's permissions "
                                 "or restore it", file=relative_name(path)) from None
    return digest.hexdigest()


def locate(files: list[Path], iris: set[str]) -> dict[str, tuple[Path, int]]:
    """The file and line where each subject's description opens (its prefixed or full name starting a line).

    For messages about a graph that failed: a text search, so nothing is parsed a second time.
    """
    found: dict[str, tuple[Path, int]] = {}
    for path in files:
        if len(found) == len(iris):
            break
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        prefixes = re.findall(r"@prefix\s+([\w.-]*):\s*<([^>]*)>", text, re.IGNORECASE)
        lines = text.splitlines()
        for iri in iris - found.keys():
            names = [re.escape(f"<{iri}>")] + [re.escape(f"{p}:{iri[len(ns):]}") for p, ns in prefixes
                                                  if ns and iri.startswith(ns)]
            opening = re.compile(rf"^\s*(?:{'|'.join(names)})(?=[\s;,.]|$)")
            line = next((n for n, row in enumerate(lines, 1) if opening.match(row)), None)
            if line:
                found[iri] = (path, line)
    return found
