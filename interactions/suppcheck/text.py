"""Text normalisation shared by name matching and item parsing."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2007": " ", "\u202f": " ",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u00b5": "u", "\u03bc": "u", "\u00b2": "2"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


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
