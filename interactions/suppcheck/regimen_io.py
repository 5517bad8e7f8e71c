"""Read a regimen from YAML or JSON text or a file, with errors that say where."""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING, Any

from suppcheck.errors import InputError
from suppcheck.jsontext import loads_strict
from suppcheck.models import Regimen

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32  # a regimen is two levels deep; anything past this is not a regimen
MAX_NUMBER_DIGITS = 30


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
    """The bytes of a regular file; devices, FIFOs and sockets are refused (they may never end)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", where=str(path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder, not a regimen file", where=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is not a regular file (a device, pipe or socket); save the regimen to a file or "
                         "pass it on standard input with -", where=str(path))
    if info.st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB", where=str(path))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", where=str(path)) from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB", where=str(path))
    return data


def read_stream(stream, where: str = "<stdin>") -> bytes:
    """At most MAX_BYTES from a stream (standard input); more is an input error, not a long wait."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", where=where) from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB", where=where)
    return data


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
    """A Regimen from parsed data; strings and nesting are checked before the model sees them."""
    if not isinstance(data, dict):
        raise InputError(f"a regimen is a mapping with drugs, supplements and context, not a {type(data).__name__}",
                         where=where)
    check_plain(data, where)
    for key in ("drugs", "supplements", "context"):
        if data.get(key) is None and key in data:
            data = {**data, key: []}
        if isinstance(data.get(key), str):
            data = {**data, key: [data[key]]}
    from pydantic import ValidationError

    try:
        return Regimen.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"] if not str(x).startswith(("str", "RegimenEntry")))
            msg = "unknown key (allowed: drugs, supplements, context, surgery_date; entries: name, dose, form)" \
                if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{loc or 'regimen'}: {msg}")
        raise InputError("; ".join(dict.fromkeys(problems)), where=where) from exc


def check_plain(value: Any, where: str, depth: int = 0) -> None:
    """Refuse what no regimen holds: deep nesting, lone surrogates, numbers of absurd length."""
    if depth > MAX_DEPTH:
        raise InputError(f"nested more than {MAX_DEPTH} levels deep; a regimen is a mapping of lists", where=where)
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            raise InputError("a text holds a lone surrogate (\\ud800-\\udfff), which is not valid Unicode", where=where)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if value.bit_length() > MAX_NUMBER_DIGITS * 4:
            raise InputError(f"a number with more than {MAX_NUMBER_DIGITS} digits", where=where)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_plain(key, where, depth + 1)
            check_plain(item, where, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_plain(item, where, depth + 1)


def loads_json(text: str, where: str) -> Any:
    """JSON with duplicate keys, deep nesting and huge numbers refused, each with where it is."""
    return loads_strict(text, where, duplicate="the key '{key}' is given twice; merge the two lists into one")


def _load(text: str, where: str, fmt: str | None) -> Any:
    if fmt == "json" or (fmt is None and where.endswith(".json")):
        return loads_json(text, where)
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"malformed YAML{at}: {problem}", where=where) from exc
    except RecursionError:
        raise InputError("YAML nested too deep to be a regimen", where=where) from None
    except ValueError as exc:
        raise InputError(f"malformed YAML: {' '.join(str(exc).split())[:120]}", where=where) from None


_LOADER = None


def _loader():
    """A safe YAML loader that refuses duplicate keys and aliases (an alias can blow a small file up)."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    class RegimenLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a regimen; "
                                                  "write the entries out", event.start_mark)
            return super().compose_node(parent, index)

        def construct_mapping(self, node, deep=False):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, (str, int, float, bool)) and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key}' is given twice; merge the two into one", key_node.start_mark)
                if isinstance(key, (str, int, float, bool)):
                    seen[key] = True
            return super().construct_mapping(node, deep=deep)

    _LOADER = RegimenLoader
    return _LOADER


def load_regimen(path: str | Path) -> Regimen:
    """Read a regimen file (.yaml, .yml or .json)."""
    from pathlib import Path  # only here: a check by flags imports this module without reading a file

    p = Path(path)
    return parse_regimen_text(decode(read_file(p), str(p)), where=str(p))
