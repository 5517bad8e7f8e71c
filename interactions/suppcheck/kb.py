"""The knowledge base: typed records and indexes built once from the compiled graph."""

from __future__ import annotations

import gc
import math
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from suppcheck import cache
from suppcheck.cache import RecordShapeError
from suppcheck.errors import KnowledgeError
from suppcheck.kbfiles import blake2b, graph_files, graph_hash, knowledge_folder, quick_scan, stat_key
from suppcheck.structs import field, record
from suppcheck.text import lazy_re, normalize

if TYPE_CHECKING:
    from pathlib import Path


@record(frozen=True, slots=True)
class Conditions:
    """Dose and form conditions under which a claim applies."""

    min_dose: float | None = None
    dose_unit: str | None = None
    form: str | None = None


@record(frozen=True, slots=True)
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
    parts: tuple[str, ...] = ()  # a regimen's drugs (FOLFOX: fluorouracil, leucovorin, oxaliplatin), a product's ingredients


@record(frozen=True, slots=True)
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
    # AUC ratio with a strong inducer in a clinical study, for a substrate role (sensitivity to induction)
    induction_fold: float | None = None


@record(frozen=True, slots=True)
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
    class_management: tuple[tuple[str, str], ...] = ()  # (class, management) for drugs of a narrower class

    @property
    def is_advisory(self) -> bool:
        return not self.drugs and not self.classes and not self.context


@record(frozen=True, slots=True)
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
    class_management: tuple[tuple[str, str], ...] = ()
    kind: str = "pharmacodynamic"


@record(frozen=True, slots=True)
class Alternative:
    """What to take or do instead of a supplement: always, or for a context or a drug class."""

    supplement: str
    text: str
    contexts: tuple[str, ...]
    classes: tuple[str, ...]
    evidence: str
    sources: tuple[str, ...]


@record(frozen=True, slots=True)
class Washout:
    """Days before surgery a supplement is stopped, with the source that says so."""

    supplement: str
    days: float
    evidence: str
    note: str | None
    sources: tuple[str, ...]


@record(frozen=True, slots=True)
class LabelInstruction:
    """What a drug's prescribing information says to do with a perpetrator category or a named product."""

    drug: str
    instruction: str
    target: str | None
    action: str | None
    strength: str | None
    products: tuple[str, ...]
    separate_hours: float | None
    fold_change: float | None
    label_text: str | None
    section: str | None
    evidence: str
    note: str | None
    sources: tuple[str, ...]
    kind: str = "pharmacokinetic"  # pharmacodynamic: the label speaks of the drug's effect, not its exposure
    effect: str | None = None  # the label's effect, in its words, for a pharmacodynamic instruction


@record
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
    # Each first word of a name, with the most words a name beginning with it has: a line's words are matched
    # only as long as some name could still match them.
    name_heads: dict[str, int] = field(default_factory=dict)
    interactions_by_supplement: dict[str, list[Interaction]] = field(default_factory=dict)
    class_closure: dict[str, frozenset[str]] = field(default_factory=dict)
    rxcui_index: dict[str, str] = field(default_factory=dict)
    label_instructions: dict[str, list[LabelInstruction]] = field(default_factory=dict)
    alternatives: dict[str, list[Alternative]] = field(default_factory=dict)
    washouts: dict[str, list[Washout]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # each entity's kind, without making the entity

    def __post_init__(self) -> None:
        # Entity names by IRI as asked for: a check asks for a name thousands of times (titles, summaries),
        # and an entity of a fast cache part is otherwise looked up through its lazy section each time.
        self._name_memo: dict[str, str] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, directory: Path | None = None, use_cache: bool = True) -> KnowledgeBase:
        """Load the bundled graph (or the one in `directory`), from the compiled cache when current."""
        root = directory or knowledge_folder()
        if use_cache:
            # The usual case, a current cache: one walk and the files' fingerprint find it, and its fast part
            # holds this code's own records.
            quick_files = quick_scan(root)
            if quick_files and quick_files[0] and quick_files[1]:
                known = cache.known_digest(quick_files[1])
                kb = cls._cached(known) if known else None
                if kb is not None:
                    return kb
        from pathlib import Path  # reading the Turtle or a cache not found at once: no command's usual start

        root = Path(root)
        files = graph_files(root)
        if not files:
            raise KnowledgeError("no Turtle files found; point SUPPCHECK_KB_DIR at the graph folder "
                                 "(knowledge/suppcheck_kb) or unset it", file=str(root))
        # The files' hash keys the compiled cache; a fingerprint of their names, sizes and modification
        # times finds it without reading them, and a changed file changes the fingerprint.
        quick = stat_key(files) if use_cache else None
        known = cache.known_digest(quick) if use_cache else None
        digest = known or graph_hash(files)
        kb = cls._cached(digest) if use_cache else None
        if kb is not None:
            if known is None:
                cache.remember_digest(quick, digest)
            return kb
        from suppcheck.compiler import compile_graph, parse_graph

        records = compile_graph(parse_graph(files, root), files, root)
        records["sha256"] = digest
        kb = cls.from_records(records)
        if use_cache:
            cache.write_cache(digest, records, SHAPES_DIGEST, kb.fast_form())
            cache.remember_digest(quick, digest)
        return kb

    @classmethod
    def _cached(cls, digest: str) -> KnowledgeBase | None:
        """This graph from its cache file: the fast part when this code wrote it, else the records checked one
        by one (and then the file is rewritten with a fast part); None when neither can be read."""
        # Some forty thousand containers are made and none is garbage: the cycle collector, run over and over
        # while they are made, would only cost time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            fast = cache.read_fast(digest, SHAPES_DIGEST)
            if fast is not None:
                return cls._from_fast(fast)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            pass  # a fast part this code did not write after all: the checked path decides
        finally:
            if collecting:
                gc.enable()
        seen: list[dict[str, Any]] = []

        def build(records: dict[str, Any]) -> KnowledgeBase:
            seen.append(records)
            return cls.from_records(records)

        def own(records: dict[str, Any]) -> KnowledgeBase:
            seen.append(records)
            return cls._from_own_records(records)

        kb = cache.read_cache(digest, build, own, SHAPES_DIGEST)
        if kb is not None and seen:
            cache.write_cache(digest, seen[0], SHAPES_DIGEST, kb.fast_form())
        return kb

    # The fast part of the cache: each record as the positional row of its class's fields (a claim's or an
    # interaction's dose conditions as a (min_dose, unit, form) row), grouped by what the engine looks them up
    # by. A record is made from its row when it is first asked for, so a check builds only the records of the
    # items it names. In the sections looked up by key (entities, claims, interactions, label instructions,
    # sources), each key's rows are their own small blob, decoded only when the key is asked for: a one-pair
    # check then decodes a few dozen rows, not the 2 MB of the whole graph's.
    def fast_form(self) -> dict[str, Any]:
        """This graph's records as positional rows (see `_from_fast`): what the cache's fast part holds."""
        def row(obj: Any) -> tuple:
            return tuple((v.min_dose, v.dose_unit, v.form) if isinstance(v, Conditions) else v
                         for v in map(getattr, repeat(obj), type(obj).__record_fields__))

        def groups(index: Mapping[str, list[Any]]) -> dict[str, list[tuple]]:
            return {key: [row(obj) for obj in objs] for key, objs in index.items()}

        position = {id(ix): n for n, ix in enumerate(self.interactions)}
        sections = {
            "entities": {iri: row(e) for iri, e in self.entities.items()},
            "kinds": self.kinds,
            **{key: groups(getattr(self, key)) for key in ("modulations", "substrates", "properties", "no_cyp",
                                                            "label_instructions", "alternatives", "washouts")},
            "interactions": [row(ix) for ix in self.interactions],
            "interactions_by_supplement": {supp: [position[id(ix)] for ix in ixs]
                                           for supp, ixs in self.interactions_by_supplement.items()},
            "names": self.names,
            "name_heads": self.name_heads,
            "rxcui_index": self.rxcui_index,
            "class_closure": {iri: tuple(sorted(classes)) for iri, classes in self.class_closure.items()},
        }
        for key in _ROW_BLOBS:
            value = sections[key]
            sections[key] = ({k: cache.encode_fast(v) for k, v in value.items()} if type(value) is dict
                             else [cache.encode_fast(v) for v in value])
        sources = {sid: cache.encode_fast(record) for sid, record in self.sources.items()}
        # Each section is its own marshalled blob, decoded when the section is first used (see __getattr__).
        return {"sha256": self.sha256, "version": self.version, "triples": self.triples,
                "rules": [row(r) for r in self.rules], "sources": cache.encode_fast(sources),
                **{key: cache.encode_fast(value) for key, value in sections.items()}}

    @classmethod
    def _from_fast(cls, fast: dict[str, Any]) -> KnowledgeBase:
        """Build from the cache's fast part, which this code wrote from records it had checked. Each section is
        decoded when it is first used, and each record made from its row when it is first asked for."""
        conditions: dict[tuple, Conditions] = {}

        def cond(row: tuple) -> Conditions:
            found = conditions.get(row)
            if found is None:
                found = conditions[row] = Conditions(*row)
            return found

        def claims(rows: list[tuple]) -> list[Claim]:
            return [Claim(*r[:5], cond(r[5]), *r[6:]) for r in rows]

        def interaction(r: tuple) -> Interaction:
            return Interaction(*r[:15], cond(r[15]), *r[16:])

        def plain(value: Any) -> Any:
            if type(value) is not dict:
                raise TypeError("a section of a fast cache part is not a mapping")
            return value

        kb = cls(version=fast["version"], sha256=fast["sha256"], triples=fast["triples"], entities={},
                 sources=_Sources(fast["sources"]))
        kb.rules = [Rule(*r) for r in fast["rules"]]
        decode = cache.decode
        makers = {
            "entities": lambda kb, rows: _Rows(rows, lambda b: Entity(*decode(b))),
            "kinds": lambda kb, rows: plain(rows),
            **{key: (lambda kb, rows: _Rows(rows, lambda b: claims(decode(b)))) for key in (
                "modulations", "substrates", "properties", "no_cyp")},
            "label_instructions": lambda kb, rows: _Rows(rows, lambda b: [LabelInstruction(*r) for r in decode(b)]),
            "alternatives": lambda kb, rows: _Rows(rows, lambda b: [Alternative(*r) for r in decode(b)]),
            "washouts": lambda kb, rows: _Rows(rows, lambda b: [Washout(*r) for r in decode(b)]),
            "interactions": lambda kb, rows: _Made(rows, lambda b: interaction(decode(b))),
            "interactions_by_supplement": lambda kb, rows: _Rows(
                rows, lambda ns, made=kb.interactions: [made[n] for n in ns]),
            "names": lambda kb, rows: plain(rows),
            "name_heads": lambda kb, rows: plain(rows),
            "rxcui_index": lambda kb, rows: plain(rows),
            "class_closure": lambda kb, rows: _Rows(rows, frozenset),
        }
        lazy = {}
        for key, make in makers.items():
            blob = fast[key]
            if type(blob) is not bytes:
                raise TypeError("a section of a fast cache part is not a blob")
            lazy[key] = (blob, make)
            kb.__dict__.pop(key, None)
        kb.__dict__["_lazy"] = lazy
        return kb

    def __getattr__(self, name: str) -> Any:
        """A section of a graph loaded from the cache's fast part, decoded on first use (then a plain attribute)."""
        lazy = self.__dict__.get("_lazy")
        if not lazy or name not in lazy:
            raise AttributeError(name)
        with _SECTION_LOCK:
            if name in self.__dict__:  # another thread decoded it meanwhile
                return self.__dict__[name]
            blob, make = lazy[name]
            try:
                value = make(self, cache.decode(blob))
            except (TypeError, ValueError, EOFError, KeyError, IndexError) as exc:
                raise KnowledgeError(f"the compiled graph cache is damaged ({name}: {type(exc).__name__}); delete "
                                     "the cache folder ($SUPPCHECK_CACHE_DIR or ~/.cache/suppcheck) and run again") from None
            self.__dict__[name] = value
            del lazy[name]
            return value

    @classmethod
    def _from_own_records(cls, records: dict[str, Any]) -> KnowledgeBase:
        """Build from records this code checked before it wrote them (the cache header says so, and the body
        matches its checksum): the per-record shape checks are skipped, nothing else."""
        _trust.on = True
        try:
            return cls.from_records(records)
        finally:
            _trust.on = False

    @classmethod
    def from_records(cls, records: dict[str, Any]) -> KnowledgeBase:
        """Build from compiled records; RecordShapeError when a key is missing or a value is of the wrong type."""
        _check_top(records)
        entities = {iri: _entity(iri, e) for iri, e in records["entities"].items()}
        _check_records(records["sources"].values(), SOURCE_KEYS)
        kb = cls(version=records["version"], sha256=records.get("sha256", ""), triples=records["triples"],
                 entities=entities, sources=records["sources"])
        for key in ("modulations", "substrates", "properties", "no_cyp"):
            index: dict[str, list[Claim]] = defaultdict(list)
            for claim in _claims(records[key], key):
                index[claim.subject].append(claim)
            setattr(kb, key, dict(index))
        kb.interactions = [_interaction(raw) for raw in _checked(records["interactions"], INTERACTION_KEYS,
                                                                  "interaction")]
        kb.rules = [_rule(raw) for raw in _checked(records["rules"], RULE_KEYS, "rule")]
        labels: dict[str, list[LabelInstruction]] = defaultdict(list)
        for raw in _checked(records["label_instructions"], LABEL_KEYS, "label instruction"):
            labels[raw["drug"]].append(_label_instruction(raw))
        kb.label_instructions = dict(labels)
        alternatives: dict[str, list[Alternative]] = defaultdict(list)
        for raw in _checked(records["alternatives"], ALTERNATIVE_KEYS, "alternative"):
            alternatives[raw["supplement"]].append(Alternative(
                raw["supplement"], raw["text"] or "", tuple(raw["contexts"]), tuple(raw["classes"]), raw["evidence"],
                tuple(raw["sources"])))
        kb.alternatives = dict(alternatives)
        washouts: dict[str, list[Washout]] = defaultdict(list)
        for raw in _checked(records["washouts"], WASHOUT_KEYS, "washout"):
            washouts[raw["supplement"]].append(Washout(raw["supplement"], float(raw["days"] or 0), raw["evidence"],
                                                       raw["note"], tuple(raw["sources"])))
        kb.washouts = dict(washouts)
        kb._check_sources(records)
        kb._index(_names(records.get("names"), entities))
        return kb

    def _check_sources(self, records: dict[str, Any]) -> None:
        """Every claim cites at least one defined source: a finding without one would be dropped unseen."""
        if _trust.on:
            return
        for key in ("modulations", "substrates", "properties", "no_cyp", "interactions", "rules",
                    "label_instructions", "alternatives", "washouts"):
            for raw in records[key]:
                if not raw["sources"] or not self.sources.keys() >= set(raw["sources"]):
                    raise RecordShapeError(f"a {key} record of {raw.get('id') or raw.get('subject') or raw.get('drug')} cites no "
                                           "defined source")

    def _index(self, names: dict[str, list[str]] | None = None) -> None:
        self.kinds = {iri: e.kind for iri, e in self.entities.items()}
        self.names = names if names is not None else name_index(self.entities)
        self.name_heads = name_heads(self.names)
        self.rxcui_index = {code: e.id for e in self.entities.values() for code in e.rxcui}
        by_supp: dict[str, list[Interaction]] = defaultdict(list)
        for ix in self.interactions:
            by_supp[ix.supplement].append(ix)
        self.interactions_by_supplement = dict(by_supp)
        self.class_closure = {iri: frozenset(self._closure(iri)) for iri, e in self.entities.items()
                              if e.kind == "drug"}

    def class_distance(self, drug: str) -> dict[str, int]:
        """How many steps each class of a drug is from it: 1 for its own classes, 2 for their broader ones."""
        found: dict[str, int] = {}
        frontier, step = list(self.entities[drug].classes) if drug in self.entities else [], 1
        while frontier and step < 32:
            nxt = []
            for c in frontier:
                if c not in found:
                    found[c] = step
                    nxt.extend(self.entities[c].broader if c in self.entities else ())
            frontier, step = nxt, step + 1
        return found

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
        found = self._name_memo.get(iri)
        if found is None:
            entity = self.entities.get(iri)
            if entity is None:
                return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            found = self._name_memo[iri] = entity.name
        return found

    def of_kind(self, kind: str) -> list[Entity]:
        entities = self.entities
        return [e for e in (entities[i] for i, k in self.kinds.items() if k == kind) if not e.deprecated]

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

    def alternatives_for(self, supplement: str, drug: str | None = None, context: str | None = None) -> list[Alternative]:
        """What to take instead of `supplement` for this concern: the unscoped ones, and those scoped to the
        context or to a class the drug belongs to."""
        found = self.alternatives.get(supplement)
        if not found:
            return []
        classes = self.class_closure.get(drug, frozenset()) if drug else frozenset()
        return [a for a in found
                if (not a.contexts and not a.classes) or (context and context in a.contexts)
                or not classes.isdisjoint(a.classes)]

    def washout_days(self, supplement: str) -> Washout | None:
        """The longest stop-before-surgery time the graph gives for a supplement (the cautious one), if any."""
        found = self.washouts.get(supplement)
        return max(found, key=lambda w: w.days) if found else None

    def stats(self) -> dict[str, int]:
        return {
            "supplements": len(self.of_kind("supplement")),
            "drugs": len(self.of_kind("drug")),
            "drugs_with_rxcui": sum(1 for e in self.of_kind("drug") if e.rxcui),
            "products": len(self.of_kind("product")),
            "targets": len(self.of_kind("target")),
            "drug_classes": len(self.of_kind("class")),
            "properties": len(self.of_kind("property")),
            "curated_interactions": len(self.interactions),
            "rules": len(self.rules),
            "label_instructions": sum(len(v) for v in self.label_instructions.values()),
            "claims": sum(len(v) for d in (self.modulations, self.substrates, self.properties, self.no_cyp)
                          for v in d.values()),
            "sources": len(self.sources),
            "triples": self.triples,
        }


_SECTION_LOCK = threading.RLock()


class _Rows(Mapping):
    """Records keyed by id or subject, each made from its cached row (or rows) when first asked for."""

    __slots__ = ("_rows", "_made", "_make")

    def __init__(self, rows: dict[str, Any], make: Any) -> None:
        if type(rows) is not dict:
            raise TypeError("a section of a fast cache part is not a mapping")
        self._rows, self._made, self._make = rows, {}, make

    def __getitem__(self, key: str) -> Any:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = _made_from(self._make, self._rows[key])
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._made.get(key)
        if found is None:
            rows = self._rows.get(key)
            if rows is None:
                return default
            found = self._made[key] = _made_from(self._make, rows)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} keys)"


class _Made(Sequence):
    """A list of records, each made from its cached row when first asked for (and then the same object)."""

    __slots__ = ("_rows", "_made", "_make")

    def __init__(self, rows: list[tuple], make: Any) -> None:
        if type(rows) is not list:
            raise TypeError("a section of a fast cache part is not a list")
        self._rows, self._made, self._make = rows, [None] * len(rows), make

    def __getitem__(self, n: Any) -> Any:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self._rows)))]
        found = self._made[n]
        if found is None:
            found = self._made[n] = _made_from(self._make, self._rows[n])
        return found

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"_Made({len(self)} records)"


# Sections whose keys' rows are each their own blob in the cache's fast part (see `fast_form`).
_ROW_BLOBS = ("entities", "modulations", "substrates", "properties", "no_cyp", "label_instructions",
              "alternatives", "washouts", "interactions")
_DAMAGED = (TypeError, ValueError, EOFError, KeyError, IndexError)


def _made_from(make: Any, rows: Any) -> Any:
    """A record made from its cached rows; a row that does not decode or fit (a forged file that passed its
    checksum) is a graph error that says what to do, never a traceback."""
    try:
        return make(rows)
    except _DAMAGED as exc:
        raise KnowledgeError(f"the compiled graph cache is damaged (a row: {type(exc).__name__}); delete the cache "
                             "folder ($SUPPCHECK_CACHE_DIR or ~/.cache/suppcheck) and run again") from None


class _Sources(Mapping):
    """The graph's sources: a blob of one small blob per source, each decoded when first asked for."""

    __slots__ = ("_blob", "_blobs", "_data")

    def __init__(self, blob: bytes) -> None:
        if type(blob) is not bytes:
            raise TypeError("the sources of a fast cache part are not a blob")
        self._blob, self._blobs, self._data = blob, None, {}

    def _index(self) -> dict[str, bytes]:
        if self._blobs is None:
            try:
                blobs = cache.decode(self._blob)
            except _DAMAGED:
                blobs = None
            if type(blobs) is not dict:
                raise KnowledgeError("the compiled cache's sources are damaged; delete the cache folder")
            self._blobs = blobs  # the blob stays: another thread may be decoding it at this moment
        return self._blobs

    def _one(self, key: str) -> dict[str, Any]:
        found = self._data.get(key)
        if found is None:
            blob = self._index()[key]
            try:
                found = cache.decode(blob)
            except _DAMAGED:
                found = None
            if type(found) is not dict:
                raise KnowledgeError("the compiled cache's sources are damaged; delete the cache folder")
            self._data[key] = found
        return found

    def _all(self) -> dict[str, dict[str, Any]]:
        index = self._index()
        if len(self._data) < len(index):
            for key in index:
                self._one(key)
            self._data = {key: self._data[key] for key in index}  # in the graph's order
        return self._data

    def __getitem__(self, key: str) -> dict[str, Any]:
        return self._one(key)

    def __contains__(self, key: object) -> bool:
        return key in self._index()

    def __iter__(self):
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())

    def __eq__(self, other: object) -> bool:
        return dict(self._all()) == (dict(other) if isinstance(other, Mapping) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"_Sources({len(self)} sources)"


# ---------------------------------------------------------------------- record shapes
# Controlled values of the vocabulary (vocab.ttl, shapes.ttl); the compiler checks the Turtle against
# them and the loader checks the compiled records, so a hand-edited cache cannot smuggle in others.
EVIDENCE_LEVELS = frozenset({"clinical", "case-report", "preclinical", "theoretical"})
SEVERITIES = frozenset({"minor", "moderate", "major"})
INTERACTION_SEVERITIES = SEVERITIES | {"none"}
KINDS = frozenset({"pharmacokinetic", "pharmacodynamic", "context"})
# A rule is pharmacodynamic unless it models absorption (binding in the gut), which is pharmacokinetic.
RULE_KINDS = frozenset({"pharmacodynamic", "pharmacokinetic"})
ACTIONS = frozenset({"inhibition", "induction"})
STRENGTHS = frozenset({"strong", "moderate", "weak", "none", "unknown"})
SENSITIVITIES = frozenset({"sensitive", "moderate", "minor"})
DOSE_UNITS = frozenset({"mg", "g", "mcg", "IU"})
FORMS = frozenset({"extract", "food", "any", "caffeinated", "smoked"})
INSTRUCTIONS = frozenset({"contraindicated", "avoid", "reduce-dose", "increase-dose", "separate", "monitor",
                          "no-adjustment"})
CATEGORY_STRENGTHS = frozenset({"strong", "moderate", "weak", "any"})
ENTITY_KINDS = frozenset({"supplement", "drug", "context", "target", "class", "property", "constituent",
                          "regimen", "product"})

_NONE = type(None)
_TYPES: dict[str, frozenset[type]] = {
    "str": frozenset({str}), "str?": frozenset({str, _NONE}), "strs": frozenset({list}), "list": frozenset({list}),
    "bool": frozenset({bool}), "int": frozenset({int}), "int?": frozenset({int, _NONE}),
    "num?": frozenset({int, float, _NONE}), "dict": frozenset({dict}),
}
_ONLY_STR = frozenset({str})


class _Shape:
    """The keys and value types of one kind of record; checks run in C where they can (load stays fast)."""

    def __init__(self, name: str, fields: dict[str, str]) -> None:
        self.name = name
        self.keys = tuple(fields)
        self.allowed = tuple(_TYPES[kind] for kind in fields.values())
        self.get = itemgetter(*self.keys)
        lists = tuple(k for k, kind in fields.items() if kind == "strs")
        self.lists = itemgetter(*lists, *lists[:1]) if lists else None  # two keys at least: always a tuple
        self.good: set[tuple[type, ...]] = set()

    def check(self, raw: Any) -> None:
        if _trust.on:
            return
        if type(raw) is not dict:
            raise RecordShapeError(f"a {self.name} record is {type(raw).__name__}, not an object")
        try:
            values = self.get(raw)
        except KeyError as exc:
            raise RecordShapeError(f"a {self.name} record lacks '{exc.args[0]}'") from None
        signature = tuple(map(type, values))
        if signature not in self.good:
            for key, kind, allowed in zip(self.keys, signature, self.allowed, strict=True):
                if kind not in allowed:
                    raise RecordShapeError(f"{self.name} field '{key}' holds {kind.__name__}")
            self.good.add(signature)
        if self.lists and not _ONLY_STR.issuperset(map(type, chain.from_iterable(self.lists(raw)))):
            raise RecordShapeError(f"a {self.name} record has a list holding something other than text")


_CONDITIONS = {"min_dose": "num?", "dose_unit": "str?", "form": "str?"}
_CLAIM = {"subject": "str", "evidence": "str", "sources": "strs", "note": "str?", "via": "str?", **_CONDITIONS}
CLAIM_KEYS = {
    "modulations": _Shape("modulation", {**_CLAIM, "target": "str", "action": "str", "strength": "str"}),
    "substrates": _Shape("substrate", {**_CLAIM, "target": "str", "sensitivity": "str", "prodrug": "bool",
                                                  "induction_fold": "num?"}),
    "properties": _Shape("property claim", {**_CLAIM, "property": "str"}),
    "no_cyp": _Shape("no-CYP claim", _CLAIM),
}
ENTITY_KEYS = _Shape("entity", {
    "kind": "str", "name": "str", "alt": "strs", "ambiguous": "strs", "latin": "str?", "category": "str?",
    "classes": "strs", "broader": "strs", "route": "str?", "rxcui": "strs", "constituents": "strs", "parts": "strs",
    "usual_dose": "str?", "definition": "str?", "deprecated": "bool"})
INTERACTION_KEYS = _Shape("interaction", {
    "id": "str", "supplement": "str", "drugs": "strs", "classes": "strs", "context": "str?", "kind": "str",
    "severity": "str", "title": "str", "mechanisms": "list", "mechanism_text": "str?", "effect": "str",
    "management": "str", "evidence": "str", "summary": "str", "sources": "strs", "class_management": "list",
    **_CONDITIONS})
MECHANISM_KEYS = _Shape("mechanism", {"target": "str", "action": "str"})
RULE_KEYS = _Shape("rule", {
    "id": "str", "supplement_properties": "strs", "drug_properties": "strs", "contexts": "strs",
    "severity": "str", "title": "str", "effect": "str", "management": "str", "evidence": "str",
    "summary": "str", "cumulative": "bool", "sources": "strs", "class_management": "list", "kind": "str"})
WASHOUT_KEYS = _Shape("washout", {
    "supplement": "str", "days": "num?", "evidence": "str", "note": "str?", "sources": "strs"})
ALTERNATIVE_KEYS = _Shape("alternative", {
    "supplement": "str", "text": "str?", "contexts": "strs", "classes": "strs", "evidence": "str", "sources": "strs"})
LABEL_KEYS = _Shape("label instruction", {
    "drug": "str", "instruction": "str", "target": "str?", "action": "str?", "strength": "str?", "products": "strs",
    "separate_hours": "num?", "fold_change": "num?", "label_text": "str?", "section": "str?", "evidence": "str",
    "note": "str?", "sources": "strs", "kind": "str", "effect": "str?"})
SOURCE_KEYS = _Shape("source", {"pmid": "str?", "doi": "str?", "url": "str?", "title": "str", "venue": "str?",
                                "year": "int?"})
TOP_KEYS = _Shape("graph", {"version": "str", "triples": "int", "entities": "dict", "sources": "dict",
                            "modulations": "list", "substrates": "list", "properties": "list", "no_cyp": "list",
                            "interactions": "list", "rules": "list", "label_instructions": "list",
                            "alternatives": "list", "washouts": "list"})


# What the shapes above are: a cache written by code with other shapes is checked record by record.
SHAPES_DIGEST = blake2b(repr([(s.name, s.keys, [sorted(t.__name__ for t in a) for a in s.allowed])
                                     for s in (*CLAIM_KEYS.values(), ENTITY_KEYS, INTERACTION_KEYS, MECHANISM_KEYS,
                                               RULE_KEYS, WASHOUT_KEYS, ALTERNATIVE_KEYS, LABEL_KEYS, SOURCE_KEYS,
                                               TOP_KEYS)]).encode(), digest_size=12).hexdigest()
# Set while records this code wrote itself are read back (per thread: a server may load in several).
class _Trust(threading.local):
    on = False


_trust = _Trust()

_BRACKETS = lazy_re(r"\([^()]*\)")
NAMED_KINDS = ("supplement", "drug", "context", "regimen", "product")


def name_index(entities) -> dict[str, list[str]]:
    """Every matching key (a normalised name, with and without its bracketed part) and the entities it names."""
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities.values():
        if entity.kind not in NAMED_KINDS or entity.deprecated:
            continue
        for label in (entity.name, *entity.alt, *entity.ambiguous):
            for variant in (label, _BRACKETS.sub(" ", label)):
                key = normalize(variant)
                if key:
                    names[key].add(entity.id)
    return {k: sorted(v) for k, v in names.items()}


def name_heads(names: Mapping[str, list[str]]) -> dict[str, int]:
    """Each first word of a matching key, with the most words a key that begins with it has."""
    heads: dict[str, int] = {}
    for key in names:
        head = key.partition(" ")[0]
        words = key.count(" ") + 1
        if heads.get(head, 0) < words:
            heads[head] = words
    return heads


def _names(raw: Any, entities: dict[str, Entity]) -> dict[str, list[str]] | None:
    """The compiled name index, checked: keys are text, values name entities that exist (else it is rebuilt)."""
    if raw is None or _trust.on:
        return raw
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, list) and v and
                                            all(isinstance(i, str) and i in entities for i in v)
                                            for k, v in raw.items()):
        raise RecordShapeError("the compiled name index is not a mapping of names to the graph's entities")
    return raw

def _check_top(records: Any) -> None:
    TOP_KEYS.check(records)
    if type(records.get("sha256", "")) is not str:
        raise RecordShapeError("the graph's sha256 is not text")


def _checked(raws: list[Any], shape: _Shape, what: str) -> list[dict[str, Any]]:
    if _trust.on:
        return raws
    for raw in raws:
        shape.check(raw)
        if raw["evidence"] not in EVIDENCE_LEVELS:
            raise RecordShapeError(f"a {what} record has evidence level {raw['evidence']!r}")
    return raws


def _check_records(raws: Any, shape: _Shape) -> None:
    for raw in raws:
        shape.check(raw)


def _allowed(value: Any, allowed: frozenset[str], what: str) -> Any:
    if value not in allowed:
        raise RecordShapeError(f"{what} {value!r} is not one of {', '.join(sorted(allowed))}")
    return value


def _label_instruction(raw: dict[str, Any]) -> LabelInstruction:
    _allowed(raw["instruction"], INSTRUCTIONS, "label instruction")
    if not raw["products"] and None in (raw["target"], raw["action"], raw["strength"]):
        raise RecordShapeError(f"a label instruction of {raw['drug']} names neither a product nor a category")
    if raw["action"] is not None:
        _allowed(raw["action"], ACTIONS, "label instruction action")
    if raw["strength"] is not None:
        _allowed(raw["strength"], CATEGORY_STRENGTHS, "label instruction strength")
    _allowed(raw["kind"], RULE_KINDS, "label instruction kind")
    if raw["kind"] == "pharmacodynamic" and (not raw["products"] or not raw["effect"]):
        raise RecordShapeError(f"a pharmacodynamic label instruction of {raw['drug']} needs a product and an effect")
    return LabelInstruction(raw["drug"], raw["instruction"], raw["target"], raw["action"], raw["strength"],
                            tuple(raw["products"]), raw["separate_hours"], raw["fold_change"], raw["label_text"],
                            raw["section"], raw["evidence"], raw["note"], tuple(raw["sources"]), raw["kind"],
                            raw["effect"])


def _conditions(raw: dict[str, Any]) -> Conditions:
    dose, unit, form = raw["min_dose"], raw["dose_unit"], raw["form"]
    if dose is not None and not 0 <= dose < math.inf:
        raise RecordShapeError(f"dose threshold {dose!r} is not a finite amount")
    if unit is not None:
        _allowed(unit, DOSE_UNITS, "dose unit")
    if form is not None:
        _allowed(form, FORMS, "form")
    return Conditions(dose, unit, form)


def _entity(iri: str, e: dict[str, Any]) -> Entity:
    ENTITY_KEYS.check(e)
    _allowed(e["kind"], ENTITY_KINDS, "entity kind")
    return Entity(iri, e["kind"], e["name"], tuple(e["alt"]), tuple(e["ambiguous"]), e["latin"], e["category"],
                  tuple(e["classes"]), tuple(e["broader"]), e["route"], tuple(e["rxcui"]),
                  tuple(e["constituents"]), e["usual_dose"], e["definition"], e["deprecated"], tuple(e["parts"]))


def _claims(raws: list[Any], key: str) -> list[Claim]:
    shape = CLAIM_KEYS[key]
    out = []
    for raw in _checked(raws, shape, shape.name):
        if key == "modulations":
            _allowed(raw["action"], ACTIONS, "action")
            _allowed(raw["strength"], STRENGTHS, "strength")
        elif key == "substrates":
            _allowed(raw["sensitivity"], SENSITIVITIES, "sensitivity")
        out.append(_claim(raw))
    return out


def _claim(raw: dict[str, Any]) -> Claim:
    return Claim(raw["subject"], raw["evidence"], tuple(raw["sources"]), raw["note"], raw["via"], _conditions(raw),
                 raw.get("target"), raw.get("action"), raw.get("strength"), raw.get("sensitivity"),
                 bool(raw.get("prodrug")), raw.get("property"), raw.get("induction_fold"))


def _interaction(raw: dict[str, Any]) -> Interaction:
    _allowed(raw["severity"], INTERACTION_SEVERITIES, "severity")
    _allowed(raw["kind"], KINDS, "kind")
    for m in raw["mechanisms"]:
        MECHANISM_KEYS.check(m)
        _allowed(m["action"], ACTIONS, "action")
    mechs = tuple((m["target"], m["action"]) for m in raw["mechanisms"])
    return Interaction(raw["id"], raw["supplement"], tuple(raw["drugs"]), tuple(raw["classes"]), raw["context"],
                       raw["kind"], raw["severity"], raw["title"], mechs, raw["mechanism_text"], raw["effect"],
                       raw["management"], raw["evidence"], raw["summary"], tuple(raw["sources"]), _conditions(raw),
                       tuple(_class_management(raw["class_management"])))


def _rule(raw: dict[str, Any]) -> Rule:
    _allowed(raw["severity"], SEVERITIES, "rule severity")
    return Rule(raw["id"], tuple(raw["supplement_properties"]), tuple(raw["drug_properties"]),
                tuple(raw["contexts"]), raw["severity"], raw["title"], raw["effect"], raw["management"],
                raw["evidence"], raw["summary"], raw["cumulative"], tuple(raw["sources"]),
                tuple(_class_management(raw["class_management"])), _allowed(raw["kind"], RULE_KINDS, "rule kind"))


def _class_management(raw: list[Any]) -> list[tuple[str, str]]:
    out = []
    for entry in raw:
        if type(entry) is not list or len(entry) != 2 or not all(type(x) is str for x in entry):
            raise RecordShapeError("a class management is not a (class, text) pair")
        out.append((entry[0], entry[1]))
    return out
