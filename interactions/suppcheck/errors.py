"""The few exceptions suppcheck raises; each message says what happened and how to fix it."""

from __future__ import annotations


class SuppcheckError(Exception):
    """Base class of every suppcheck error."""


class InputError(SuppcheckError):
    """The regimen or label input is malformed; `where` says which file, line or field."""

    def __init__(self, message: str, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class UnknownItemError(SuppcheckError):
    """A name could not be resolved; `suggestions` lists close names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"'{name}' is not in the knowledge graph.{hint}")


class KnowledgeError(SuppcheckError):
    """The graph failed to load or validate; `file` and `line` say where."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
        super().__init__(f"{where}{message}")
