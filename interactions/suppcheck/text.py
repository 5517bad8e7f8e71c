"""Text normalisation shared by name matching and item parsing."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2007": " ", "\u202f": " ",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u00b5": "u", "\u03bc": "u", "\u00b2": "2"})


class LazyPattern:
    """A regular expression compiled when it is first used, then the compiled pattern's own methods.

    Compiling the package's patterns at import cost a command about 12 ms, much of it for patterns that a
    given input never reaches (a line without digits needs no dose pattern). After the first use, `search`,
    `match` and the others are the compiled pattern's bound methods, stored on the instance."""

    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.__dict__["_source"] = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        pattern, flags = self.__dict__["_source"]
        compiled = re.compile(pattern, flags)
        for method in self._METHODS:
            self.__dict__[method] = getattr(compiled, method)
        self.__dict__["compiled"] = compiled
        if flags & re.IGNORECASE and not _UPPER_LITERAL.search(pattern):
            # On ASCII text a case-blind search is the case-bound one on the text in lower case, and that is
            # about three times as fast with Python's engine (positions are the same; groups come in lower case).
            folded = re.compile(pattern, flags & ~re.IGNORECASE).search

            def find(text: str, pos: int = 0, _folded=folded, _blind=compiled.search):
                return _folded(text.lower(), pos) if text.isascii() else _blind(text, pos)
        else:
            find = folded = compiled.search
        self.__dict__["find"] = find
        self.__dict__["_folded"] = folded
        return self.__dict__[name] if name in self.__dict__ else getattr(compiled, name)

    def find_folded(self, low: str | None, text: str):
        """`find` for a text whose lower case the caller has made once (`folded`) for several patterns."""
        return self._folded(low) if low is not None else self.search(text)

    def has(self, text: str) -> bool:
        """Whether the pattern occurs in `text` (see `find`)."""
        return self.find(text) is not None

    def __repr__(self) -> str:
        return f"LazyPattern({self.__dict__['_source'][0]!r})"


def folded(text: str) -> str | None:
    """The lower case of an ASCII text, for `LazyPattern.find_folded`; None for other text."""
    return text.lower() if text.isascii() else None


# An upper-case letter that is not part of an escape (\\D, \\S, \\W, \\B, \\A, \\Z name classes, not letters).
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile`, deferred to the pattern's first use (see LazyPattern)."""
    return LazyPattern(pattern, flags)


_NON_WORD = lazy_re(r"[^a-z0-9]+")


def clean(text: str) -> str:
    """Unicode-normalise and straighten quotes, dashes and odd spaces; drop control characters."""
    if text.isascii() and text.isprintable():  # most names: nothing to normalise but the backtick
        return " ".join(text.replace("`", "'").split())
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def normalize(text: str) -> str:
    """The matching key of a name: lower case, accents and punctuation folded, apostrophes dropped."""
    text = clean(text).lower().replace("'", "")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()
