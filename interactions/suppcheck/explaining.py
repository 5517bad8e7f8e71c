"""Explain a pair (the chain of graph facts and their sources) and describe one entity."""

from __future__ import annotations

from suppcheck.engine import Checker
from suppcheck.errors import InputError, UnknownItemError
from suppcheck.inference import Party
from suppcheck.models import Finding, Source, Status
from suppcheck.records import Field, Record


class Fact(Record):
    """One graph fact in an explanation, with its evidence and sources."""

    _pydantic_config = {"frozen": True}
    statement: str = Field(description="The fact, in words")
    evidence: str = Field(description="Evidence level of the fact")
    sources: list[Source] = Field(default_factory=list, description="Sources of the fact")
    used: bool = Field(default=True, description="False when the fact was considered but did not apply or was silenced")
    severity: str | None = Field(default=None, description="For an interaction: major, moderate, minor or none")


class Explanation(Record):
    _pydantic_config = {"frozen": True}
    supplement: str
    drug: str
    finding: Finding | None = Field(description="The finding for the pair, or null when there is none")
    facts: list[Fact] = Field(description="Every graph fact considered for the pair")
    coverage: str


class Description(Record):
    _pydantic_config = {"frozen": True}
    id: str
    name: str
    kind: str
    names: list[str]
    details: dict[str, str | None]
    facts: list[Fact]
    interactions: list[Fact] = Field(description="Curated interactions, most severe first")
    concerns: list[Fact] = Field(default_factory=list,
                                 description="The main safety concerns: pharmacodynamic properties and advisories")
    alternatives: list[Fact] = Field(default_factory=list, description="What to take or do instead, and when")
    ingredients: list[str] = Field(default_factory=list, description="A product's ingredients, or a regimen's drugs")


def _entity(checker: Checker, name: str, role: str | None) -> str:
    res = checker.resolve(name, role)
    if res.status is Status.recognized and res.match:
        return res.match.id
    if res.status is Status.ambiguous:
        options = ", ".join(c.name for c in res.candidates)
        raise InputError(f"'{name}' is ambiguous: it may be {options}; name one of them")
    raise UnknownItemError(name, [c.name for c in res.candidates])


def _sources(checker: Checker, ids) -> list[Source]:
    return [Source(**checker.kb.sources[s]) for s in ids if s in checker.kb.sources]


def _claim_facts(checker: Checker, iri: str) -> list[Fact]:
    kb = checker.kb
    facts = []
    for c in kb.modulations_of(iri):
        cond = _conditions_text(c.conditions)
        strength = "no meaningful effect on" if c.strength == "none" else f"{c.strength} {c.action} of"
        facts.append(Fact(statement=f"{kb.name_of(c.subject)}: {strength} {kb.name_of(c.target or '')}"
                                    f"{' (' + c.action + ')' if c.strength == 'none' else ''}{cond}"
                                    f"{': ' + c.note if c.note else ''}",
                          evidence=c.evidence, sources=_sources(checker, c.sources)))
    for c in kb.substrates.get(iri, []):
        facts.append(Fact(statement=f"{kb.name_of(iri)} is a {c.sensitivity} {kb.name_of(c.target or '')} substrate"
                                    f"{' (prodrug activated by it)' if c.prodrug else ''}{': ' + c.note if c.note else ''}",
                          evidence=c.evidence, sources=_sources(checker, c.sources)))
    for c in kb.properties_of(iri):
        facts.append(Fact(statement=f"{kb.name_of(c.subject)} is {kb.name_of(c.property or '')}"
                                    f"{_conditions_text(c.conditions)}{': ' + c.note if c.note else ''}",
                          evidence=c.evidence, sources=_sources(checker, c.sources)))
    for c in kb.no_cyp.get(iri, []):
        facts.append(Fact(statement=f"{kb.name_of(iri)} is not metabolised by CYP enzymes or handled by the "
                                    f"listed transporters{': ' + c.note if c.note else ''}",
                          evidence=c.evidence, sources=_sources(checker, c.sources)))
    return facts


def _conditions_text(cond) -> str:
    parts = []
    if cond.min_dose is not None:
        parts.append(f"at {cond.min_dose:g} {cond.dose_unit} a day or more")
    if cond.form in ("extract", "food"):
        parts.append(f"as {cond.form}")
    return f" ({', '.join(parts)})" if parts else ""


def explain(checker: Checker, supplement: str, drug: str) -> Explanation:
    """The finding for one supplement and one drug (or context), with every fact considered."""
    kb = checker.kb
    s = _entity(checker, supplement, "supplement")
    context = checker.resolver.resolve_context(drug)
    d = None if context else _entity(checker, drug, "drug")
    facts: list[Fact] = []
    curated, _ = checker.reasoner.curated(Party(supplement, s), d, context)
    for ix in curated:
        none = ", no relevant interaction" if ix.severity == "none" else ""
        management = checker.reasoner.management_for(ix.management, ix.class_management, d)
        facts.append(Fact(statement=f"curated: {ix.title} ({ix.severity}{none}). "
                                    f"{ix.summary} Management: {management}",
                          evidence=ix.evidence, sources=_sources(checker, ix.sources)))
    facts += _claim_facts(checker, s)
    if d:
        facts += _claim_facts(checker, d)
    for rule in kb.rules:
        if context and context in rule.contexts or d and rule.drug_properties:
            supp_props = {c.property for c in kb.properties_of(s)}
            drug_props = {c.property for c in kb.properties_of(d)} if d else set()
            if supp_props & set(rule.supplement_properties) and (context or drug_props & set(rule.drug_properties)):
                facts.append(Fact(statement=f"rule: {rule.effect}. {rule.management}", evidence=rule.evidence,
                                  sources=_sources(checker, rule.sources)))
    if context:
        result = checker.check(supplements=[supplement], drugs=[], context=[drug])
    else:
        result = checker.check(supplements=[supplement], drugs=[drug])
    finding = next((f for f in result.findings if f.drug or f.context), None)
    return Explanation(supplement=kb.name_of(s), drug=kb.name_of(d or context or ""), finding=finding, facts=facts,
                       coverage=result.summary.coverage)


def describe(checker: Checker, name: str) -> Description:
    """What the graph knows of one supplement, drug or product, as a clinician reads a monograph: what it is,
    its usual dose, its main safety concerns, then its interactions grouped by severity, each with evidence."""
    kb = checker.kb
    iri = _entity(checker, name, None)
    e = kb.entities[iri]
    details = {"what it is": e.definition, "category": e.category, "latin name": e.latin, "route": e.route,
               "usual dose": e.usual_dose, "classes": ", ".join(kb.name_of(c) for c in e.classes) or None,
               "constituents": ", ".join(kb.name_of(c) for c in e.constituents) or None}
    interactions = []
    for ix in kb.interactions:
        if ix.supplement == iri or iri in ix.drugs or set(ix.classes) & kb.class_closure.get(iri, frozenset()):
            partner = ", ".join(kb.name_of(x) for x in (*ix.drugs, *ix.classes)) or (
                kb.name_of(ix.context) if ix.context else "any regimen (advisory)")
            interactions.append(Fact(statement=f"{kb.name_of(ix.supplement)} + {partner}: {ix.title} ({ix.severity})",
                                     evidence=ix.evidence, sources=_sources(checker, ix.sources), severity=ix.severity))
    order = {"major": 0, "moderate": 1, "minor": 2, "none": 3}
    interactions.sort(key=lambda f: order.get(f.severity or "", 4))
    concerns = [Fact(statement=f"{kb.name_of(c.property or '')}{_conditions_text(c.conditions)}"
                               f"{': ' + c.note if c.note else ''}", evidence=c.evidence,
                     sources=_sources(checker, c.sources)) for c in kb.properties_of(iri)]
    concerns += [f for f in interactions if "any regimen (advisory)" in f.statement]
    alternatives = []
    for alt in kb.alternatives.get(iri, ()):
        when = ", ".join([*(kb.name_of(c) for c in alt.contexts), *(kb.name_of(c) for c in alt.classes)])
        alternatives.append(Fact(statement=f"{alt.text}{' (with ' + when + ')' if when else ''}", evidence=alt.evidence,
                                 sources=_sources(checker, alt.sources)))
    return Description(id=iri, name=e.name, kind=e.kind, names=[e.name, *e.alt, *e.ambiguous],
                       details={k: v for k, v in details.items() if v}, facts=_claim_facts(checker, iri),
                       interactions=interactions, concerns=concerns, alternatives=alternatives,
                       ingredients=[kb.name_of(p) for p in e.parts])
