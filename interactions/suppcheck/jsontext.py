"""JSON read strictly: duplicate keys, NaN and Infinity, deep nesting and oversized numbers are input errors."""

from __future__ import annotations

import json
import math
from typing import Any

from suppcheck.errors import InputError


class DuplicateKey(ValueError):
    """A key given twice in one JSON object: which value was meant cannot be told."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def loads_strict(text: str | bytes, where: str, duplicate: str = "the key '{key}' is given twice") -> Any:
    """json.loads that refuses what no sender means: each refusal is an InputError that says where."""
    try:
        return json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", where=where) from None
    except DuplicateKey as exc:
        raise InputError(duplicate.format(key=_clip(_printable(exc.key))), where=where) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply", where=where) from None
    except ValueError as exc:  # also UnicodeDecodeError and Python's integer digit limit
        raise InputError(f"malformed JSON: {_clip(' '.join(str(exc).split()), 300)}", where=where) from None


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {_clip(text, 40)} is out of range")
    return number


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
