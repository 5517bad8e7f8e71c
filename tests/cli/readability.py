"""Flesch-Kincaid grade level, the standard US readability formula, for the patient handout test."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def syllables(word: str) -> int:
    word = word.lower()
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def grade(text: str) -> float:
    """0.39 x words per sentence + 11.8 x syllables per word - 15.59; a line, a colon or a full stop ends a sentence."""
    sentences = [s for s in re.split(r"[.!?:\n]+", text) if _WORD.search(s)]
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        return 0.0
    return 0.39 * len(words) / len(sentences) + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
