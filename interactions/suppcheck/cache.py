"""The compiled graph on disk, keyed by the hash of the Turtle files and checked against its own checksum.

A cache file is one header line of JSON (format, graph hash, sha256 of the records) and the body: the
compiled records in Python's `marshal` form (plain dicts, lists, strings and numbers; loading it runs no
code, and it loads several times faster than JSON), then, when the code that wrote them had checked them, the
same graph as positional rows of the loader's own records (the "fast" part, with its own length and CRC-32
in the header). A load by code of the same record shapes reads only the fast part, from the end of the file;
any other reader, or a fast part that fails its checksum, reads the records and checks them one by one. A
file whose body does not match its checksum, whose header is not for this graph, or whose records do not
have the expected shape is discarded; the caller then compiles the Turtle again and rewrites the file.

The fast part's checksum is a CRC-32, not a sha256: it is there to catch a file damaged or cut short, which a
CRC-32 and the length do, and a command's start then loads neither OpenSSL (about 4 ms) nor hashes 2 MB with
it. Neither checksum could stop a file forged on purpose (its header carries its own checksum), so nothing is
lost: such a file is refused by its shape, as before, or holds what its writer could have written anyway.
The paths of the fast read are plain strings, so that a command's start need not load pathlib either.
"""

from __future__ import annotations

import contextlib
import gc
import json
import marshal
import os
import stat
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from suppcheck.errors import KnowledgeError

CACHE_FORMAT = 14
# The compiled graph is about 1 MB; a file far larger than that is not one of ours.
MAX_BYTES = 64 * 1024 * 1024
# File fingerprints remembered with their graph hash (one per graph folder in use).
INDEX_ENTRIES = 8

T = TypeVar("T")

if TYPE_CHECKING:
    from pathlib import Path


class RecordShapeError(KnowledgeError):
    """Compiled records lack a key or hold a value of the wrong type or outside its controlled list."""


def _folder() -> str | None:
    """$SUPPCHECK_CACHE_DIR, else the user cache folder; None when caching is switched off."""
    explicit = os.environ.get("SUPPCHECK_CACHE_DIR")
    if explicit == "":
        return None
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "suppcheck")


def cache_dir() -> Path | None:
    """$SUPPCHECK_CACHE_DIR, else the user cache folder; None when caching is switched off."""
    folder = _folder()
    if folder is None:
        return None
    from pathlib import Path

    return Path(folder)


def _file_name(digest: str) -> str | None:
    folder = _folder()
    return os.path.join(folder, f"graph-{CACHE_FORMAT}-{digest[:24]}.bin") if folder else None


def cache_path(digest: str) -> Path | None:
    name = _file_name(digest)
    if name is None:
        return None
    from pathlib import Path

    return Path(name)


def _our_file(digest: str) -> str | None:
    """This graph's cache file, when it is a regular file of a plausible size (never a pipe or a device)."""
    name = _file_name(digest)
    try:
        if name is None:
            return None
        st = os.stat(name)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
    except (OSError, ValueError):
        return None
    return name


def fast_checksum(body: bytes) -> str:
    """The fast part's checksum as its header records it (see the module's note)."""
    return f"crc32:{zlib.crc32(body):08x}"


def read_cache(digest: str, build: Callable[[dict[str, Any]], T], own: Callable[[dict[str, Any]], T] | None = None,
               shapes: str | None = None) -> T | None:
    """`build(records)` for this graph's cached records; None when absent, altered, or of the wrong shape.

    `own(records)` instead when the header says the records were written by code with these `shapes` (which
    checked them before writing): it may skip the per-record checks. A header without it gets `build`."""
    path = _our_file(digest)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    # Tens of thousands of small containers are made and none is garbage: the cycle collector, run over
    # and over while they are made, would only cost time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        verified = _verified_records(data, digest)
        if verified is None:
            return None
        records, written_by = verified
        if own is not None and shapes is not None and written_by == shapes:
            return own(records)
        return build(records)
    except RecordShapeError:
        return None
    finally:
        if collecting:
            gc.enable()


def read_fast(digest: str, shapes: str) -> Any:
    """The fast part of this graph's cache file, when the code that wrote it had these record shapes and the
    part matches its own checksum; None otherwise (the caller then reads the records the checked way)."""
    path = _our_file(digest)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            header = json.loads(handle.readline(4096))
            if (not isinstance(header, dict) or header.get("format") != CACHE_FORMAT or header.get("graph") != digest
                    or header.get("shapes") != shapes):
                return None
            length, checksum = header["fast"]
            if type(length) is not int or not 0 < length <= MAX_BYTES:
                return None
            handle.seek(-length, os.SEEK_END)
            body = handle.read(length)
        if len(body) != length or fast_checksum(body) != checksum:
            return None
        fast = decode(body)
        return fast if isinstance(fast, dict) and fast.get("sha256") == digest else None
    except (OSError, ValueError, KeyError, TypeError, EOFError, RecursionError):
        return None


def _verified_records(data: bytes, digest: str) -> tuple[dict[str, Any], str | None] | None:
    """The records, and the shapes of the code that wrote them, when the header names this graph and the body
    matches its checksum."""
    head, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("format") != CACHE_FORMAT or header.get("graph") != digest:
            return None
        fast = header.get("fast")
        if fast is not None:
            if not (isinstance(fast, list) and fast and type(fast[0]) is int and 0 < fast[0] <= len(body)):
                return None
            body = body[:-fast[0]]
        if header.get("content") != _sha256(body):
            return None
        records = decode(body)
    except (ValueError, EOFError, TypeError, RecursionError):
        return None
    if not isinstance(records, dict) or records.get("sha256") != digest:
        return None
    shapes = header.get("shapes")
    return records, shapes if isinstance(shapes, str) else None


def _sha256(body: bytes) -> str:
    import hashlib  # the checked read and writes only: a command's start does not load OpenSSL

    return hashlib.sha256(body).hexdigest()


def known_digest(stat_key: str | None) -> str | None:
    """The graph hash remembered for files with this fingerprint (names, sizes, modification times)."""
    folder = _folder()
    if folder is None or stat_key is None:
        return None
    try:
        with open(os.path.join(folder, f"index-{CACHE_FORMAT}.json"), "rb") as handle:
            index = json.loads(handle.read(1 << 20))
    except (OSError, ValueError, RecursionError):
        return None
    digest = index.get(stat_key) if isinstance(index, dict) else None
    return digest if isinstance(digest, str) and len(digest) == 64 else None


def remember_digest(stat_key: str | None, digest: str) -> None:
    """Remember the graph hash of these files, so the next load need not read them to find its cache."""
    folder = cache_dir()
    if folder is None or stat_key is None:
        return
    index: dict[str, str] = {}
    try:
        with (folder / f"index-{CACHE_FORMAT}.json").open("rb") as handle:
            old = json.loads(handle.read(1 << 20))
        if isinstance(old, dict):
            # a few graph folders side by side (a curator's copy, the bundled graph): keep the latest few
            index = {k: v for k, v in old.items() if isinstance(k, str) and isinstance(v, str) and k != stat_key}
            index = dict(list(index.items())[-(INDEX_ENTRIES - 1):])
    except (OSError, ValueError, RecursionError):
        index = {}
    index[stat_key] = digest
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when a file is written: a command's start need not load it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(index, handle)
        os.replace(tmp, folder / f"index-{CACHE_FORMAT}.json")
    except OSError:
        if tmp:
            _remove(tmp)


def encode(records: dict[str, Any]) -> bytes:
    """The body of a cache file. Format version 2 writes no back-references, so the same records always give
    the same bytes (later versions share repeated objects by identity, which varies from build to build)."""
    return marshal.dumps(records, 2)


def encode_fast(fast: Any) -> bytes:
    """The fast part of a cache file. It is written with marshal's back-references (version 4): every IRI
    repeated across the records is read back once and shared, which reads in about half the time. Its bytes
    vary from build to build, so it carries its own checksum and is compared by content, never by bytes."""
    return marshal.dumps(fast, 4)


def decode(body: bytes) -> Any:
    """The records of a cache body; ValueError, EOFError or TypeError when it is not one."""
    return marshal.loads(body)


def write_cache(digest: str, records: dict[str, Any], shapes: str | None = None, fast: Any = None) -> None:
    """Write atomically; a read-only or missing home only costs the next run a parse.

    `shapes`: the record shapes of the code writing them, which checked them first (see `read_cache`);
    `fast`: with them, the loader's own records as positional rows (see `read_fast`)."""
    path = cache_path(digest)
    if path is None:
        return
    body = encode(records)
    fields: dict[str, Any] = {"format": CACHE_FORMAT, "graph": digest, "content": _sha256(body)}
    if shapes is not None:
        fields["shapes"] = shapes
        if fast is not None:
            extra = encode_fast(fast)
            fields["fast"] = [len(extra), fast_checksum(extra)]
            body += extra
    header = json.dumps(fields)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".graph-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(header.encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            _remove(tmp)
        return
    _prune(path.parent, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    """Each edit of the graph writes a new file of about 2 MB: keep the newest few of this format (one per
    graph folder the index remembers) and none of another format, so the folder does not grow for ever."""
    try:
        ours = sorted((p for p in folder.glob(f"graph-{CACHE_FORMAT}-*.bin") if p != keep),
                      key=lambda p: p.stat().st_mtime, reverse=True)
        stale = ours[INDEX_ENTRIES - 1:] + [p for p in folder.glob("graph-*.bin")
                                             if not p.name.startswith(f"graph-{CACHE_FORMAT}-")]
        stale += [p for p in folder.glob("index-*.json") if p.name != f"index-{CACHE_FORMAT}.json"]
    except OSError:
        return
    for old in stale:
        _remove(str(old))


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
