"""Checks the knowledge tests of drug families share: a name resolves to its drug, a medication line reads as its
drugs, a pair's findings, a drug's classes."""

from __future__ import annotations

from suppcheck.models import Role

DRUG = "https://w3id.org/suppcheck/drug/"


def pair(result, supplement: str, drug: str) -> list:
    """The findings of a check that join this supplement and this drug (by name)."""
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


def assert_resolves(checker, text: str, expected: str) -> None:
    """A drug line's name resolves, recognised, to the drug of this name."""
    res = checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


def line_names(checker, line: str) -> list[str]:
    """The drugs a medication line is read as: its match, or its parts' matches."""
    item, _ = checker.item(line, Role.drug)
    return [item.match.name] if item.match is not None else [
        c.match.name for c in item.components if c.match is not None]


def iri(name: str) -> str:
    return DRUG + name.replace(" ", "-")


def closure(checker, name: str) -> set[str]:
    """A drug's classes and their broader classes, by their last path segment."""
    return {c.rsplit("/", 1)[-1] for c in checker.kb.class_closure.get(iri(name), ())}


def one_finding(checker, drug: str, supplement: str, name: str, drug_name: str | None = None):
    """The one finding of a drug line with a supplement line (the supplement by its graph name; the drug by its graph
    name, which is the line unless given)."""
    [f] = pair(checker.check(drugs=[drug], supplements=[supplement]), name, drug_name or drug)
    return f


def finding_of(checker, drug: str, supplement: str, name: str, severity: str, words: str):
    """The one finding of a drug (by its name) with a supplement line: at this severity, with these words in its
    title."""
    f = one_finding(checker, drug, supplement, name)
    assert f.severity.value == severity, (drug, supplement, f.severity.value, f.title)
    assert words in f.title, (drug, supplement, f.title)
    return f


def assert_supplement_line_whole(checker, line: str, entity: str) -> None:
    """A supplement line is recognised as this entity, every word read, and is not among the lines not checked."""
    result = checker.check(drugs=["warfarin"], supplements=[line])
    item = next(i for i in result.items if i.input == line)
    assert item.status.value == "recognized" and item.match.name == entity, item
    assert not (item.reading and item.reading.unread), item.reading
    assert line not in result.summary.not_checked


def read_line(checker, line: str):
    """The one item a drug line is read as."""
    [item] = checker.check(drugs=[line], supplements=[]).items
    return item


def set_drugs(item) -> set[str]:
    """The drugs a line naming a regimen or a product is read as."""
    return {c.match.name for c in item.components if c.match is not None and c.match.method in ("regimen", "product")}


def hits(checker, drug: str, supplement: str) -> dict[str, str]:
    """The severity of each drug's finding with the supplement, by drug name."""
    result = checker.check(drugs=[drug], supplements=[supplement])
    return {f.drug.name: f.severity.value for f in result.findings if f.drug is not None}
