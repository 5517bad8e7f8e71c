"""Light, frozen records for the data contract, with the pydantic methods integrators use.

A check builds thousands of these objects, and a command-line check should not pay for a validation
framework it does not need: building and importing pydantic's models costs more than the check itself. So
the contract's classes are plain records. Each has a pydantic twin, built from the same annotations and
field descriptions on first need, which serves validation of untrusted input (`model_validate`), the JSON
Schema (`model_json_schema`) and the web service's documentation. A record dumps to the same JSON as its
twin (the tests compare them).
"""

from __future__ import annotations

import json
import re
import sys
import types
from datetime import date
from enum import Enum
from typing import Any, ClassVar

from suppcheck.text import lazy_re

_MISSING: Any = object()


class FieldSpec:
    """What `Field(...)` declares: a default (or a factory) and the pydantic field arguments."""

    __slots__ = ("default", "factory", "kwargs")

    def __init__(self, default: Any = _MISSING, default_factory: Any = None, **kwargs: Any) -> None:
        self.default, self.factory, self.kwargs = default, default_factory, kwargs


def Field(default: Any = _MISSING, *, default_factory: Any = None, **kwargs: Any) -> Any:  # noqa: N802
    """Declare a field as pydantic's `Field` does (description, min_length, default, default_factory)."""
    return FieldSpec(default, default_factory, **kwargs)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any, mode: str) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [v if type(v) in _SCALARS else _plain(v, mode) for v in value]
    if isinstance(value, Record):
        return value.model_dump(mode=mode)
    if isinstance(value, Enum):
        return value.value if mode == "json" else value
    if isinstance(value, dict):
        return {k: _plain(v, mode) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, mode) for v in value]
    if isinstance(value, date) and mode == "json":
        return value.isoformat()
    return value


def _float_text(value: float) -> str:
    # pydantic writes floats as Python's repr does, and infinities and NaN as null.
    if value != value or value in (float("inf"), float("-inf")):
        return "null"
    return repr(value)


def _json(value: Any, out: list[str], indent: int | None, depth: int) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, Enum):
        _json(value.value, out, indent, depth)
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(_float_text(value))
    elif isinstance(value, date):
        out.append('"' + value.isoformat() + '"')
    elif isinstance(value, Record):
        _pairs([(name, getattr(value, name)) for name in value._field_names], out, indent, depth)
    elif isinstance(value, dict):
        _pairs([(str(k), v) for k, v in value.items()], out, indent, depth)
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        out.append("[")
        for n, v in enumerate(value):
            if n:
                out.append(",")
            if indent is not None:
                out.append("\n" + " " * (indent * (depth + 1)))
            _json(v, out, indent, depth + 1)
        if indent is not None:
            out.append("\n" + " " * (indent * depth))
        out.append("]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _pairs(pairs: list[tuple[str, Any]], out: list[str], indent: int | None, depth: int) -> None:
    if not pairs:
        out.append("{}")
        return
    out.append("{")
    for n, (key, v) in enumerate(pairs):
        if n:
            out.append(",")
        if indent is not None:
            out.append("\n" + " " * (indent * (depth + 1)))
        out.append(json.dumps(key, ensure_ascii=False))
        out.append(": " if indent is not None else ":")
        _json(v, out, indent, depth + 1)
    if indent is not None:
        out.append("\n" + " " * (indent * depth))
    out.append("}")


_TEXT_MEMO: dict[tuple[int, bool], tuple[Any, str]] = {}
_TEXT_MEMO_LIMIT = 50_000


def json_text(value: Any, compact: bool = False) -> str:
    """The JSON text of a record (or list of records): the same as `json.dumps(value.model_dump(mode="json"),
    ensure_ascii=False)`, or with separators "," and ":" when `compact` (as `model_dump_json()` writes), except
    that C1 controls and bidirectional overrides are written as \\uXXXX escapes (see `escape_controls`).

    Records of a class marked `_remember_text` (findings, sources) are frozen and shared between results, so
    their text is written once and remembered by identity: a batch that meets the same finding a thousand
    times writes it once.
    """
    if isinstance(value, Record):
        return _record_text(value, compact)
    if type(value) in (list, tuple):
        sep = "," if compact else ", "
        return "[" + sep.join(json_text(v, compact) for v in value) + "]"
    return _dumps(_plain(value, "json"), compact)


# The standard encoder with json.dumps's settings, made once (json.dumps makes one at each call with arguments).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ENCODE_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _dumps(value: Any, compact: bool) -> str:
    return escape_controls(_ENCODE_COMPACT(value) if compact else _ENCODE(value))


# C1 controls and bidirectional overrides pass through JSON encoders unescaped; a terminal may act on them.
_RAW_CONTROLS = lazy_re("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """JSON text with C1 controls and bidirectional overrides written as \\uXXXX escapes (the same values)."""
    if text.isascii() and "\x7f" not in text:  # both checks run at memory speed
        return text
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _record_text(record: Record, compact: bool) -> str:
    cls = type(record)
    remember = cls._remember_text
    if remember:
        hit = _TEXT_MEMO.get((id(record), compact))
        if hit is not None and hit[0] is record:
            return hit[1]
    plan = _TEXT_PLANS.get(cls)
    if plan is None:
        plan = _text_plan(cls)
    values = record.__dict__
    sep, colon = (",", ":") if compact else (", ", ": ")
    parts = []
    for name, kind in plan:
        value = values[name]
        if kind == 0 or value is None:
            text = _value_text(value, compact)
        elif kind == 1:
            text = _record_text(value, compact) if isinstance(value, Record) else _value_text(value, compact)
        elif value:
            text = "[" + sep.join(_record_text(v, compact) if isinstance(v, Record) else _value_text(v, compact)
                                  for v in value) + "]"
        else:
            text = "[]"
        parts.append('"' + name + '"' + colon + text)
    text = "{" + sep.join(parts) + "}" if parts else "{}"
    if remember:
        if len(_TEXT_MEMO) > _TEXT_MEMO_LIMIT:
            _TEXT_MEMO.clear()
        _TEXT_MEMO[(id(record), compact)] = (record, text)
    return text


# The standard encoder's own string writer (its C one where there is one): what it writes for a string alone
# and for a string in a list or a mapping.
_ENCODE_STR = json.encoder.encode_basestring


def _value_text(value: Any, compact: bool) -> str:
    """A field's JSON text, as the standard encoder writes it: strings, lists of strings, enums, integers,
    booleans and null directly, anything else through the encoder."""
    kind = type(value)
    if kind is str:
        return escape_controls(_ENCODE_STR(value))
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if (kind is list or kind is tuple) and all(type(v) is str for v in value):
        if not value:
            return "[]"
        return "[" + ("," if compact else ", ").join(escape_controls(_ENCODE_STR(v)) for v in value) + "]"
    if isinstance(value, Enum) and type(value._value_) is str:
        return escape_controls(_ENCODE_STR(value._value_))
    return _dumps(value if kind in _SCALARS else _plain(value, "json"), compact)


_TEXT_PLANS: dict[type, tuple[tuple[str, int], ...]] = {}


def _text_plan(cls: type[Record]) -> tuple[tuple[str, int], ...]:
    """Per field: 0 write it whole, 1 a record (written by its own plan), 2 a list of records."""
    plan = []
    for name, (hint, written) in _field_hints(cls, _names_record).items():
        if written is not None:
            hint = _evaluated(written)
        options = [a for a in (_args(hint) if _origin(hint) in (types.UnionType, _TYPING_UNION) else (hint,))
                   if a is not type(None)]
        record = next((a for a in options if _is_record(a)), None)
        listed = next((_args(a)[0] for a in options if _origin(a) is list and _args(a) and _is_record(_args(a)[0])),
                      None)
        if record is not None and len(options) == 1:
            plan.append((name, 1))
        elif listed is not None and len(options) == 1:
            plan.append((name, 2))
        else:
            plan.append((name, 0))
    out = tuple(plan)
    _TEXT_PLANS[cls] = out
    return out


def _is_record(hint: Any) -> bool:
    return _origin(hint) is None and isinstance(hint, type) and issubclass(hint, Record)


# Field annotations are strings (postponed evaluation). What a record needs of them (which fields hold enums,
# floats or records) is read by evaluating only the annotations whose words name such a type, in the module
# of the class that declares the field: `typing.get_type_hints` over every class costs a command's first
# check several milliseconds.
_WORDS = lazy_re(r"[A-Za-z_]\w*")
_TYPING_UNION = object()  # typing.Union, once typing is loaded (see _origin)


def _field_hints(cls: type[Record], wanted) -> dict[str, tuple[Any, tuple | None]]:
    """Each field's annotation: (None, (its text, the declaring module's namespace, the class, the field)) for
    a string whose words `wanted` accepts in that namespace; (None, None) for a string it does not; (the
    object, None) for an annotation that is not a string."""
    declared: dict[str, tuple[Any, dict]] = {}
    for klass in reversed(cls.__mro__):
        annotations = klass.__dict__.get("__annotations__")
        if annotations:
            namespace = getattr(sys.modules.get(klass.__module__), "__dict__", {})
            for name, annotation in annotations.items():
                declared[name] = (annotation, namespace)
    out: dict[str, tuple[Any, tuple | None]] = {}
    for name in cls._fields:
        annotation, namespace = declared.get(name, (None, {}))
        if not isinstance(annotation, str):
            out[name] = (annotation, None)
        elif any(wanted(namespace.get(word, _BUILTIN_TYPES.get(word))) for word in _WORDS.findall(annotation)):
            out[name] = (None, (annotation, namespace, cls, name))
        else:
            out[name] = (None, None)
    return out


_BUILTIN_TYPES = {"float": float, "list": list, "int": int, "str": str, "bool": bool, "dict": dict, "tuple": tuple}


def _evaluated(written: tuple) -> Any:
    text, namespace, cls, name = written
    try:
        return eval(text, namespace)  # noqa: S307 - the class's own annotation, in its own module
    except Exception:  # a form only typing resolves: ask it, at its higher cost
        import typing

        return typing.get_type_hints(cls).get(name)


def _names_enum_or_float(value: Any) -> bool:
    return value is float or (isinstance(value, type) and issubclass(value, Enum))


def _names_record(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, Record)


def _origin(hint: Any) -> Any:
    """`typing.get_origin` for the annotations records use: X | Y, list[X] and the like, typing's own forms."""
    if isinstance(hint, types.UnionType):
        return types.UnionType
    if isinstance(hint, types.GenericAlias):
        return hint.__origin__
    if type(hint).__module__ == "typing":
        import typing

        origin = typing.get_origin(hint)
        return _TYPING_UNION if origin is typing.Union else origin
    return None


def _args(hint: Any) -> tuple:
    """`typing.get_args` for the same forms."""
    if isinstance(hint, (types.UnionType, types.GenericAlias)):
        return hint.__args__
    if type(hint).__module__ == "typing":
        import typing

        return typing.get_args(hint)
    return ()


class Record:
    """A frozen record: keyword construction with defaults, equality by value, and the pydantic methods
    `model_dump`, `model_dump_json`, `model_copy`, `model_validate`, `model_validate_json`,
    `model_construct` and `model_json_schema`."""

    __slots__ = ()
    _fields: ClassVar[dict[str, FieldSpec]] = {}
    _field_names: ClassVar[tuple[str, ...]] = ()
    _enums: ClassVar[dict[str, type] | None] = None
    _twin: ClassVar[Any] = None
    _pydantic_config: ClassVar[dict[str, Any]] = {}
    _remember_text: ClassVar[bool] = False  # see json_text

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldSpec] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "_fields", {}))
        for name in cls.__dict__.get("__annotations__", {}):
            if name.startswith("_") or name == "model_config":
                continue
            value = cls.__dict__.get(name, _MISSING)
            spec = value if isinstance(value, FieldSpec) else FieldSpec(value)
            fields[name] = spec
            if name in cls.__dict__:
                delattr(cls, name)
        cls._fields = fields
        cls._field_names = tuple(fields)
        cls._enums = None
        cls._twin = None
        if "__init__" not in cls.__dict__:
            cls.__init__ = Record.__init__

    def __init__(self, **data: Any) -> None:
        # The first construction of a class writes its own constructor (below) and hands over to it; each
        # subclass starts with this one again (see __init_subclass__), never with its base's written one.
        type(self)._compile_init()
        type(self).__init__(self, **data)

    @classmethod
    def _compile_init(cls) -> None:
        """Give the class a constructor written out for its fields: keyword arguments, defaults, and the
        coercion of enum and float fields, without a loop over the fields at every construction."""
        enums = cls._enums if cls._enums is not None else cls._enum_fields()
        env: dict[str, Any] = {"_MISSING": _MISSING, "_cls_name": cls.__name__}
        params, body = [], ["_values = self.__dict__"]  # locals start with _: no field name does
        for n, (name, spec) in enumerate(cls._fields.items()):
            params.append(f"{name}=_MISSING")
            if spec.factory is not None:
                env[f"_f{n}"] = spec.factory
                body.append(f"if {name} is _MISSING: {name} = _f{n}()")
            elif spec.default is not _MISSING:
                env[f"_d{n}"] = spec.default
                body.append(f"if {name} is _MISSING: {name} = _d{n}")
            else:
                body.append(f"if {name} is _MISSING: raise TypeError(_cls_name + ': {name} is required')")
            kind = enums.get(name)
            if kind is not None:
                env[f"_k{n}"] = kind
                body.append(f"elif {name} is not None and type({name}) is not _k{n}: {name} = _k{n}({name})")
            body.append(f"_values[{name!r}] = {name}")
        body.append("self._check()")
        signature = ", ".join(["self", "*", *params, "**_unknown"])
        body.insert(0, "if _unknown: raise TypeError(_cls_name + ': unknown field(s) ' + ', '.join(sorted(_unknown)))")
        source = f"def __init__({signature}):\n    " + "\n    ".join(body)
        exec(source, env)  # noqa: S102 - written from the class's own field names
        cls.__init__ = env["__init__"]

    def _check(self) -> None:
        """Cross-field checks a subclass needs (as pydantic's model validators do)."""

    @classmethod
    def _enum_fields(cls) -> dict[str, type]:
        enums: dict[str, Any] = {}
        for name, (hint, written) in _field_hints(cls, _names_enum_or_float).items():
            if written is not None:
                hint = _evaluated(written)
            for arg in (*_args(hint), hint):
                if isinstance(arg, type) and issubclass(arg, Enum):
                    enums[name] = arg
                elif arg is float:  # pydantic stores an int given for a float as a float
                    enums[name] = _to_float
        cls._enums = enums
        return enums

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(_hashable(self.__dict__[n]) for n in self._field_names)))

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={self.__dict__[n]!r}" for n in self._field_names)
        return f"{type(self).__name__}({inner})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.__dict__)))

    # --------------------------------------------------------------------- pydantic's methods
    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        values = self.__dict__
        out = {}
        for name in self._field_names:
            value = values[name]
            out[name] = value if type(value) in _SCALARS else _plain(value, mode)
        return out

    def model_dump_json(self, indent: int | None = None) -> str:
        out: list[str] = []
        _json(self, out, indent, 0)
        return "".join(out)

    def model_copy(self, update: dict[str, Any] | None = None) -> Record:
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        if update:
            new.__dict__.update(update)
        return new

    @classmethod
    def model_construct(cls, **data: Any) -> Record:
        """Build without checks, as pydantic's model_construct does (defaults filled in)."""
        new = object.__new__(cls)
        for name, spec in cls._fields.items():
            if name in data:
                new.__dict__[name] = data[name]
            elif spec.factory is not None:
                new.__dict__[name] = spec.factory()
            elif spec.default is not _MISSING:
                new.__dict__[name] = spec.default
        return new

    @classmethod
    def pydantic_model(cls) -> Any:
        """The pydantic twin of this record (built on first need)."""
        if cls.__dict__.get("_twin") is None:
            cls._twin = _build_twin(cls)
        return cls._twin

    @classmethod
    def model_validate(cls, data: Any) -> Record:
        """Validate untrusted data with the pydantic twin (raises pydantic's ValidationError), then build."""
        if isinstance(data, cls):
            return data
        if isinstance(data, Record):
            data = data.model_dump()
        record = from_twin(cls, cls.pydantic_model().model_validate(data))
        record._check()
        return record

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Record:
        record = from_twin(cls, cls.pydantic_model().model_validate_json(text))
        record._check()
        return record

    @classmethod
    def model_json_schema(cls, mode: str = "validation") -> dict[str, Any]:
        return cls.pydantic_model().model_json_schema(mode=mode)


def _to_float(value: Any) -> Any:
    return float(value) if type(value) is int else value


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _rebuild(cls: type[Record], values: dict[str, Any]) -> Record:
    new = object.__new__(cls)
    new.__dict__.update(values)
    return new


def from_twin(cls: type[Record], model: Any) -> Record:
    """A record from a validated pydantic twin instance, nested records included."""
    import typing  # validation of untrusted input only: a check does not load typing

    hints = typing.get_type_hints(cls)
    values = {}
    for name in cls._field_names:
        values[name] = _from_twin_value(hints.get(name), getattr(model, name))
    return _rebuild(cls, values)


def _from_twin_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        args = _args(hint)
        inner = args[0] if args else None
        return [_from_twin_value(inner, v) for v in value]
    kind = getattr(type(value), "__record__", None)
    if kind is not None:
        return from_twin(kind, value)
    return value


def _build_twin(cls: type[Record]) -> Any:
    """A pydantic model with the record's name, fields, descriptions and defaults."""
    import pydantic

    module = sys.modules[cls.__module__]
    namespace = dict(vars(module))
    for name, value in vars(module).items():
        if isinstance(value, type) and issubclass(value, Record) and value is not Record and value._fields:
            namespace[name] = _Lazy(value)
    annotations = {}
    for klass in reversed(cls.__mro__):
        annotations.update(getattr(klass, "__annotations__", {}))
    fields: dict[str, Any] = {}
    for name, spec in cls._fields.items():
        hint = _resolve(annotations[name], namespace)
        kwargs = dict(spec.kwargs)
        if spec.factory is not None:
            kwargs["default_factory"] = spec.factory
        elif spec.default is not _MISSING:
            kwargs["default"] = spec.default
        fields[name] = (hint, pydantic.Field(**kwargs))
    config = pydantic.ConfigDict(**cls._pydantic_config)
    twin = pydantic.create_model(cls.__name__, __config__=config, __doc__=cls.__doc__,
                                 __module__=cls.__module__, **fields)
    twin.__record__ = cls
    validator = cls.__dict__.get("_twin_validator")
    if validator is not None:
        twin = pydantic.create_model(cls.__name__, __base__=twin, __module__=cls.__module__,
                                     __validators__={"_record_check": pydantic.model_validator(mode="after")(validator)})
        twin.__record__ = cls
    return twin


class _Lazy:
    """Stands for a record class in annotations being resolved: the twin, built on use."""

    def __init__(self, cls: type[Record]) -> None:
        self.cls = cls


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    if not isinstance(annotation, str):
        return annotation
    words = set(re.findall(r"\w+", annotation))
    twins = {name: value.cls.pydantic_model() for name, value in namespace.items() if isinstance(value, _Lazy)
             and name in words}
    scope = {**namespace, **twins}
    return eval(annotation, scope)  # noqa: S307 - the module's own annotations, not input
