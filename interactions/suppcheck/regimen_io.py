"""Read a regimen from YAML or JSON text or a file, with errors that say where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from suppcheck.errors import InputError
from suppcheck.models import Regimen

MAX_BYTES = 50 * 1024 * 1024


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an input error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text at byte {exc.start}", where=where) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
                         "save the file as UTF-8", where=where) from exc


def read_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", where=str(path))
    if path.is_dir():
        raise InputError("is a folder, not a regimen file", where=str(path))
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB", where=str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", where=str(path)) from exc


def parse_regimen_text(text: str, where: str = "<input>", fmt: str | None = None) -> Regimen:
    """Parse YAML (a superset of JSON) or JSON text into a Regimen."""
    data = _load(text, where, fmt)
    if data is None:
        raise InputError("the regimen is empty: give `drugs:` and/or `supplements:` lists", where=where)
    if not isinstance(data, dict):
        raise InputError(f"the top level must be a mapping with `drugs:`, `supplements:` and `context:`, "
                         f"not a {type(data).__name__}", where=where)
    return regimen_from_data(data, where)


def regimen_from_data(data: dict[str, Any], where: str = "<input>") -> Regimen:
    for key in ("drugs", "supplements", "context"):
        if data.get(key) is None and key in data:
            data = {**data, key: []}
        if isinstance(data.get(key), str):
            data = {**data, key: [data[key]]}
    try:
        return Regimen.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"] if not str(x).startswith(("str", "RegimenEntry")))
            msg = "unknown key (allowed: drugs, supplements, context; entries: name, dose, form)" \
                if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{loc or 'regimen'}: {msg}")
        raise InputError("; ".join(dict.fromkeys(problems)), where=where) from exc


def _load(text: str, where: str, fmt: str | None) -> Any:
    if fmt == "json" or (fmt is None and where.endswith(".json")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", where=where) from exc
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"malformed YAML{at}: {problem}", where=where) from exc


def load_regimen(path: str | Path) -> Regimen:
    """Read a regimen file (.yaml, .yml or .json)."""
    p = Path(path)
    return parse_regimen_text(decode(read_file(p), str(p)), where=str(p))
