"""The knowledge base: typed records and indexes built once from the compiled graph."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suppcheck import cache
from suppcheck.errors import KnowledgeError
from suppcheck.kbfiles import graph_files, graph_hash
from suppcheck.text import normalize


@dataclass(frozen=True, slots=True)
class Conditions:
    """Dose and form conditions under which a claim applies."""

    min_dose: float | None = None
    dose_unit: str | None = None
    form: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    name: str
    alt: tuple[str, ...]
    ambiguous: tuple[str, ...]
    latin: str | None
    category: str | None
    classes: tuple[str, ...]
    broader: tuple[str, ...]
    route: str | None
    rxcui: tuple[str, ...]
    constituents: tuple[str, ...]
    usual_dose: str | None
    definition: str | None
    deprecated: bool


@dataclass(frozen=True, slots=True)
class Claim:
    """A sourced statement about one subject: a target effect, a substrate role or a property."""

    subject: str
    evidence: str
    sources: tuple[str, ...]
    note: str | None
    via: str | None
    conditions: Conditions
    target: str | None = None
    action: str | None = None
    strength: str | None = None
    sensitivity: str | None = None
    prodrug: bool = False
    property: str | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    id: str
    supplement: str
    drugs: tuple[str, ...]
    classes: tuple[str, ...]
    context: str | None
    kind: str
    severity: str
    title: str
    mechanisms: tuple[tuple[str, str], ...]
    mechanism_text: str | None
    effect: str
    management: str
    evidence: str
    summary: str
    sources: tuple[str, ...]
    conditions: Conditions

    @property
    def is_advisory(self) -> bool:
        return not self.drugs and not self.classes and not self.context


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    supplement_properties: tuple[str, ...]
    drug_properties: tuple[str, ...]
    contexts: tuple[str, ...]
    severity: str
    title: str
    effect: str
    management: str
    evidence: str
    summary: str
    cumulative: bool
    sources: tuple[str, ...]


@dataclass
class KnowledgeBase:
    """The compiled graph with the indexes the engine and the name matcher need."""

    version: str
    sha256: str
    triples: int
    entities: dict[str, Entity]
    sources: dict[str, dict[str, Any]]
    modulations: dict[str, list[Claim]] = field(default_factory=dict)
    substrates: dict[str, list[Claim]] = field(default_factory=dict)
    properties: dict[str, list[Claim]] = field(default_factory=dict)
    no_cyp: dict[str, list[Claim]] = field(default_factory=dict)
    interactions: list[Interaction] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)
    interactions_by_supplement: dict[str, list[Interaction]] = field(default_factory=dict)
    class_closure: dict[str, frozenset[str]] = field(default_factory=dict)
    rxcui_index: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, directory: Path | None = None, use_cache: bool = True) -> KnowledgeBase:
        """Load the bundled graph (or the one in `directory`), from the compiled cache when current."""
        files = graph_files(directory)
        if not files:
            raise KnowledgeError("no Turtle files found", file=str(directory) if directory else "suppcheck_kb")
        digest = graph_hash(files)
        records = cache.read_cache(digest) if use_cache else None
        if records is None:
            from suppcheck.compiler import compile_graph, parse_graph

            records = compile_graph(parse_graph(files))
            records["sha256"] = digest
            if use_cache:
                cache.write_cache(digest, records)
        return cls.from_records(records)

    @classmethod
    def from_records(cls, records: dict[str, Any]) -> KnowledgeBase:
        entities = {iri: _entity(iri, e) for iri, e in records["entities"].items()}
        kb = cls(version=records["version"], sha256=records.get("sha256", ""), triples=records["triples"],
                 entities=entities, sources=records["sources"])
        for key in ("modulations", "substrates", "properties", "no_cyp"):
            index: dict[str, list[Claim]] = defaultdict(list)
            for raw in records[key]:
                index[raw["subject"]].append(_claim(raw))
            setattr(kb, key, dict(index))
        kb.interactions = [_interaction(raw) for raw in records["interactions"]]
        kb.rules = [_rule(raw) for raw in records["rules"]]
        kb._index()
        return kb

    def _index(self) -> None:
        names: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            if entity.kind not in ("supplement", "drug", "context") or entity.deprecated:
                continue
            for label in (entity.name, *entity.alt, *entity.ambiguous):
                for variant in (label, re.sub(r"\([^()]*\)", " ", label)):
                    key = normalize(variant)
                    if key:
                        names[key].add(entity.id)
        self.names = {k: sorted(v) for k, v in names.items()}
        self.rxcui_index = {code: e.id for e in self.entities.values() for code in e.rxcui}
        by_supp: dict[str, list[Interaction]] = defaultdict(list)
        for ix in self.interactions:
            by_supp[ix.supplement].append(ix)
        self.interactions_by_supplement = dict(by_supp)
        self.class_closure = {iri: frozenset(self._closure(iri)) for iri, e in self.entities.items()
                              if e.kind == "drug"}

    def _closure(self, drug: str) -> set[str]:
        """Every class of a drug, with their broader classes."""
        seen: set[str] = set()
        todo = list(self.entities[drug].classes)
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            if c in self.entities:
                todo.extend(self.entities[c].broader)
        return seen

    # ------------------------------------------------------------------ queries
    def name_of(self, iri: str) -> str:
        entity = self.entities.get(iri)
        return entity.name if entity else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind and not e.deprecated]

    def properties_of(self, iri: str) -> list[Claim]:
        """Property claims of an entity and of its constituents."""
        own = list(self.properties.get(iri, []))
        for constituent in self.entities[iri].constituents if iri in self.entities else ():
            own.extend(self.properties.get(constituent, []))
        return own

    def modulations_of(self, iri: str) -> list[Claim]:
        own = list(self.modulations.get(iri, []))
        for constituent in self.entities[iri].constituents if iri in self.entities else ():
            own.extend(self.modulations.get(constituent, []))
        return own

    def stats(self) -> dict[str, int]:
        return {
            "supplements": len(self.of_kind("supplement")),
            "drugs": len(self.of_kind("drug")),
            "targets": len(self.of_kind("target")),
            "drug_classes": len(self.of_kind("class")),
            "properties": len(self.of_kind("property")),
            "curated_interactions": len(self.interactions),
            "rules": len(self.rules),
            "claims": sum(len(v) for d in (self.modulations, self.substrates, self.properties, self.no_cyp)
                          for v in d.values()),
            "sources": len(self.sources),
            "triples": self.triples,
        }


def _conditions(raw: dict[str, Any]) -> Conditions:
    return Conditions(raw.get("min_dose"), raw.get("dose_unit"), raw.get("form"))


def _entity(iri: str, e: dict[str, Any]) -> Entity:
    return Entity(iri, e["kind"], e["name"], tuple(e["alt"]), tuple(e["ambiguous"]), e["latin"], e["category"],
                  tuple(e["classes"]), tuple(e["broader"]), e["route"], tuple(e["rxcui"]),
                  tuple(e["constituents"]), e["usual_dose"], e["definition"], e["deprecated"])


def _claim(raw: dict[str, Any]) -> Claim:
    return Claim(raw["subject"], raw["evidence"], tuple(raw["sources"]), raw["note"], raw["via"], _conditions(raw),
                 raw.get("target"), raw.get("action"), raw.get("strength"), raw.get("sensitivity"),
                 bool(raw.get("prodrug")), raw.get("property"))


def _interaction(raw: dict[str, Any]) -> Interaction:
    mechs = tuple((m["target"], m["action"]) for m in raw["mechanisms"] if m["target"] and m["action"])
    return Interaction(raw["id"], raw["supplement"], tuple(raw["drugs"]), tuple(raw["classes"]), raw["context"],
                       raw["kind"], raw["severity"], raw["title"], mechs, raw["mechanism_text"], raw["effect"],
                       raw["management"], raw["evidence"], raw["summary"], tuple(raw["sources"]), _conditions(raw))


def _rule(raw: dict[str, Any]) -> Rule:
    return Rule(raw["id"], tuple(raw["supplement_properties"]), tuple(raw["drug_properties"]),
                tuple(raw["contexts"]), raw["severity"], raw["title"], raw["effect"], raw["management"],
                raw["evidence"], raw["summary"], raw["cumulative"], tuple(raw["sources"]))
