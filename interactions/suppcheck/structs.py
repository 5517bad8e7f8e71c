"""Plain record classes for the hot path: fields from annotations, `__init__`, `__repr__`, `__eq__`, and, when
frozen, immutability and a hash. It does what the standard `dataclasses` decorator does for the records the
checker builds, without importing it (and `inspect` behind it), which a cold `suppcheck check` would pay for.

    @record(frozen=True, slots=True)
    class Claim:
        subject: str
        note: str | None = None
        notes: list[str] = field(default_factory=list)
"""

from __future__ import annotations

from typing import Any

_MISSING = object()


class Field:
    __slots__ = ("default", "default_factory", "init", "repr")

    def __init__(self, default: Any = _MISSING, default_factory: Any = None, init: bool = True,
                 repr: bool = True) -> None:  # noqa: A002 - the dataclasses spelling
        self.default, self.default_factory, self.init, self.repr = default, default_factory, init, repr


def field(*, default: Any = _MISSING, default_factory: Any = None, init: bool = True, repr: bool = True) -> Any:  # noqa: A002
    return Field(default, default_factory, init, repr)


def _fields(cls: type) -> list[tuple[str, Field]]:
    out: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        out.update(getattr(base, "__record_fields__", {}))
    for name in cls.__dict__.get("__annotations__", {}):
        value = cls.__dict__.get(name, _MISSING)
        out[name] = value if isinstance(value, Field) else Field(default=value)
    return list(out.items())


def record(cls: type | None = None, *, frozen: bool = False, slots: bool = False, eq: bool = True):
    """Class decorator: the record's methods from its annotated fields (see the module's doc)."""
    if cls is None:
        return lambda c: record(c, frozen=frozen, slots=slots, eq=eq)
    fields = _fields(cls)
    names = [n for n, _ in fields]
    env: dict[str, Any] = {"_MISSING": _MISSING}
    params, body = [], []
    setter = "object.__setattr__(self, {n!r}, {v})" if frozen else "self.{n} = {v}"
    for name, f in fields:
        if not f.init:
            if f.default_factory is not None:
                env[f"_f_{name}"] = f.default_factory
                body.append(setter.format(n=name, v=f"_f_{name}()"))
            elif f.default is not _MISSING:
                env[f"_d_{name}"] = f.default
                body.append(setter.format(n=name, v=f"_d_{name}"))
            continue
        if f.default_factory is not None:
            env[f"_f_{name}"] = f.default_factory
            params.append(f"{name}=_MISSING")
            body.append(setter.format(n=name, v=f"_f_{name}() if {name} is _MISSING else {name}"))
        elif f.default is not _MISSING:
            env[f"_d_{name}"] = f.default
            params.append(f"{name}=_d_{name}")
            body.append(setter.format(n=name, v=name))
        else:
            params.append(name)
            body.append(setter.format(n=name, v=name))
    if "__post_init__" in cls.__dict__ or any("__post_init__" in b.__dict__ for b in cls.__mro__[1:-1]):
        body.append("self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n    " + ("\n    ".join(body) or "pass")
    exec(source, env)  # noqa: S102 - generated from the class's own field names
    shown = [n for n, f in fields if f.repr]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in shown) + ")"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in names)

    namespace = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    for name, _f in fields:
        if isinstance(namespace.get(name), Field) or (slots and name in namespace):
            namespace.pop(name, None)
    namespace.update(__init__=env["__init__"], __repr__=__repr__, __record_fields__=dict(fields))
    if eq:
        namespace["__eq__"] = __eq__
        if frozen:
            namespace["__hash__"] = lambda self: hash(tuple(getattr(self, n) for n in names))
        else:
            namespace["__hash__"] = None
    if frozen:
        def __setattr__(self, name: str, value: Any) -> None:
            raise AttributeError(f"cannot assign to field '{name}' of a frozen {type(self).__name__}")

        def __delattr__(self, name: str) -> None:
            raise AttributeError(f"cannot delete field '{name}' of a frozen {type(self).__name__}")

        namespace.update(__setattr__=__setattr__, __delattr__=__delattr__)
    if slots:
        namespace["__slots__"] = tuple(n for n in names if not any(n in getattr(b, "__slots__", ()) for b in cls.__mro__[1:]))
        if frozen:  # pickling a frozen slotted record
            namespace["__getstate__"] = lambda self: tuple(getattr(self, n) for n in names)
            namespace["__setstate__"] = lambda self, state: [object.__setattr__(self, n, v)
                                                               for n, v in zip(names, state, strict=True)]
    new = type(cls)(cls.__name__, cls.__bases__, namespace)
    new.__qualname__ = cls.__qualname__
    return new
