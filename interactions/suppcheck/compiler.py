"""Compile the Turtle graph into plain records (JSON-ready), the only place that reads triples.

The compiler checks every value it reads (controlled lists, numbers, references, sources) and
refuses the whole graph with one KnowledgeError listing every problem, so that a claim never
silently drops out of the checks and the compiled cache never holds a graph that failed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from suppcheck.errors import KnowledgeError
from suppcheck.kb import (
    ACTIONS,
    CATEGORY_STRENGTHS,
    DOSE_UNITS,
    EVIDENCE_LEVELS,
    FORMS,
    INSTRUCTIONS,
    INTERACTION_SEVERITIES,
    KINDS,
    RULE_KINDS,
    SENSITIVITIES,
    SEVERITIES,
    STRENGTHS,
)
from suppcheck.kbfiles import locate, relative_name

SC = "https://w3id.org/suppcheck/vocab#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
BIBO = "http://purl.org/ontology/bibo/"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_TYPES = {"Supplement": "supplement", "Drug": "drug", "Context": "context", "Target": "target",
                "DrugClass": "class", "PharmacodynamicProperty": "property", "Constituent": "constituent",
                "Regimen": "regimen", "Product": "product"}
NUMERIC_TYPES = {XSD + t for t in ("decimal", "integer", "double", "float", "nonNegativeInteger",
                                   "positiveInteger")}
PREFIXES = (("sc:", SC), ("supp:", "https://w3id.org/suppcheck/supplement/"),
            ("drug:", "https://w3id.org/suppcheck/drug/"), ("con:", "https://w3id.org/suppcheck/constituent/"),
            ("cls:", "https://w3id.org/suppcheck/class/"), ("tgt:", "https://w3id.org/suppcheck/target/"),
            ("prop:", "https://w3id.org/suppcheck/property/"), ("ctx:", "https://w3id.org/suppcheck/context/"),
            ("ix:", "https://w3id.org/suppcheck/interaction/"), ("rule:", "https://w3id.org/suppcheck/rule/"),
            ("src:", "https://w3id.org/suppcheck/source/"), ("dcterms:", DCT), ("skos:", SKOS), ("owl:", OWL),
            ("bibo:", BIBO))
MAX_LISTED = 20
FIX = "`suppcheck kg validate` lists problems; knowledge/README.md shows the format"


class GraphProblems(KnowledgeError):
    """The graph parsed but holds values the checker cannot use; `problems` lists (where, subject, message)."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        self.problems = problems
        lines = [": ".join(part for part in p if part) for p in problems]
        if len(lines) == 1:
            super().__init__(f"{lines[0]} ({FIX})")
            return
        listed = "; ".join(lines[:MAX_LISTED])
        more = f"; and {len(lines) - MAX_LISTED} more" if len(lines) > MAX_LISTED else ""
        super().__init__(f"{len(lines)} problems: {listed}{more} ({FIX})")


def short(node: object) -> str:
    """An IRI as curators write it (sc:severity, drug:imatinib)."""
    text = str(node)
    for prefix, ns in PREFIXES:
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for an ill-typed literal and warns on odd booleans; the checks report them."""
    logger = logging.getLogger("rdflib")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def parse_graph(files: list[Path], root: Path | None = None):
    """Parse the Turtle files into one rdflib graph; a syntax error names its file and line."""
    graph = new_graph()
    # Which file each blank node (a claim) came from: an entity may be described in several files (its
    # monograph and a mechanism family), so a problem in a claim is located by the claim, not its holder.
    origin: dict = {}
    graph.suppcheck_origin = graph.origin = origin
    add = graph.store.add
    reader = TurtleReader()
    with quiet_rdflib():
        for path in files:
            try:
                triples = reader.read(path)
            except OSError as exc:
                raise KnowledgeError(f"cannot be read ({exc.strerror or exc}); check the file's permissions "
                                     "or restore it", file=relative_name(path, root)) from None
            except SyntaxError as exc:
                raise KnowledgeError(f"Turtle syntax error: {syntax_message(exc)}", file=relative_name(path, root),
                                     line=exc.lineno if isinstance(exc.lineno, int) else None) from None
            bnode = reader.BNode
            for triple in triples:
                s = triple[0]
                if type(s) is bnode and s not in origin:
                    origin[s] = path
                add(triple, graph, quoted=False)
    reader.bind(graph)
    return graph


def new_graph(contexts: bool = False):
    """An empty rdflib graph. By default on rdflib's plain in-memory store: the graph is one context, so the
    context indexes of rdflib's default store would be kept for nothing (they were half the time of a parse);
    `contexts=True` for pyshacl, which runs only over a store that keeps them."""
    import rdflib

    return rdflib.Graph() if contexts else rdflib.Graph(store="SimpleMemory")


def syntax_message(exc: SyntaxError) -> str:
    text = str(exc.msg or exc).strip()
    return text.splitlines()[0] if text else "the file could not be read as Turtle"


class TurtleReader:
    """Reads a Turtle file with Oxigraph's parser (pyoxigraph), several times quicker than rdflib's own, into the
    rdflib terms rdflib's parser would have made (a plain string literal has no datatype), each distinct term made
    once. A file is read whole before any of it is used: a file with a syntax error adds nothing. Raises OSError
    or SyntaxError (anything else the parser raises is given as a SyntaxError)."""

    def __init__(self) -> None:
        import pyoxigraph
        import rdflib

        self.ox = pyoxigraph
        self.BNode = rdflib.BNode
        self._made: dict = {}
        self._uri, self._literal = rdflib.URIRef, rdflib.Literal
        self._named, self._blank = pyoxigraph.NamedNode, pyoxigraph.BlankNode
        self._plain = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
        self.prefixes: dict[str, str] = {}

    def read(self, path: Path) -> list[tuple]:
        term = self._term
        try:
            # fresh blank node identifiers for every file, as separate rdflib parses gave
            quads = self.ox.parse(path=path, format=self.ox.RdfFormat.TURTLE, rename_blank_nodes=True)
            triples = [(term(q.subject), term(q.predicate), term(q.object)) for q in quads]
        except (OSError, SyntaxError):
            raise
        except Exception as exc:  # the parser's own errors of another type: still the file's syntax
            raise SyntaxError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
        for prefix, namespace in quads.prefixes.items():
            self.prefixes.setdefault(prefix, namespace)
        return triples

    def bind(self, graph) -> None:
        """Give the graph the prefixes the files declare (sc:, drug:, src: ...), for an export to write."""
        for prefix, namespace in self.prefixes.items():
            graph.bind(prefix, namespace, override=False)

    def _term(self, t):
        found = self._made.get(t)
        if found is None:
            kind = type(t)
            if kind is self._named:
                found = self._uri(t.value)
            elif kind is self._blank:
                found = self.BNode(t.value)
            elif t.language:
                found = self._literal(t.value, lang=t.language)
            else:
                datatype = t.datatype.value
                found = self._literal(t.value) if datatype in self._plain else \
                    self._literal(t.value, datatype=self._uri(datatype))
            self._made[t] = found
        return found


class _Reader:
    """Helpers over one rdflib graph that note every value they cannot use."""

    def __init__(self, graph) -> None:
        from rdflib import BNode, Literal, URIRef

        self.g = graph
        self.U = URIRef
        self.Literal = Literal
        self.BNode = BNode
        self.problems: list[tuple[Any, str]] = []
        self.kinds: dict[str, set[str]] = {}
        for local, kind in ENTITY_TYPES.items():
            for node in graph.subjects(URIRef(RDF_TYPE), URIRef(SC + local)):
                self.kinds.setdefault(str(node), set()).add(kind)

    def problem(self, node, message: str) -> None:
        self.problems.append((node, message))

    def values(self, node, pred: str) -> list:
        return sorted(self.g.objects(node, self.U(pred)), key=str)

    def one(self, node, pred: str):
        """The single value of a single-valued property (a second one is a problem: which would win?)."""
        found = self.values(node, pred)
        if len(found) > 1:
            self.problem(node, f"{short(pred)} has {len(found)} values ({', '.join(map(str, found))}); keep one")
        return found[0] if found else None

    def text(self, node, pred: str) -> str | None:
        found = self.values(node, pred)
        return str(found[0]) if found else None

    def required(self, node, pred: str, what: str) -> str:
        found = self.one(node, pred)
        if found is None:
            self.problem(node, f"lacks {short(pred)}; add {what}")
            return ""
        return str(found)

    def choice(self, node, pred: str, allowed: frozenset[str], default: str | None = None) -> str:
        """A controlled value; missing takes `default` where the vocabulary defines one, else is a problem."""
        found = self.one(node, pred)
        if found is None and default is not None:
            return default
        value = "" if found is None else str(found)
        if value not in allowed:
            told = "lacks it" if found is None else f"is '{value}'"
            self.problem(node, f"{short(pred)} {told}; use one of {', '.join(sorted(allowed))}")
        return value

    def optional_choice(self, node, pred: str, allowed: frozenset[str]) -> str | None:
        return None if self.one(node, pred) is None else self.choice(node, pred, allowed)

    def number(self, node, pred: str) -> float | None:
        found = self.one(node, pred)
        if found is None:
            return None
        value = found.value if isinstance(found, self.Literal) and str(found.datatype) in NUMERIC_TYPES else None
        if value is None or not 0 <= float(value) < math.inf:
            self.problem(node, f"{short(pred)} '{found}' is not an amount; write a number such as 100 "
                               "or \"100\"^^xsd:decimal")
            return None
        return float(value)

    def year(self, node, pred: str) -> int | None:
        found = self.one(node, pred)
        if found is None:
            return None
        value = found.value if isinstance(found, self.Literal) else None
        if type(value) is not int and not (isinstance(value, str) and value.isdigit()):
            self.problem(node, f"{short(pred)} '{found}' is not a year; write it as a number such as 2019")
            return None
        return int(value)

    def flag(self, node, pred: str) -> bool:
        found = self.one(node, pred)
        if found is None:
            return False
        value = found.value if isinstance(found, self.Literal) else None
        if type(value) is not bool:
            self.problem(node, f"{short(pred)} '{found}' is not true or false")
            return False
        return value

    def refs(self, node, pred: str, kind: str, required: bool = False) -> list[str]:
        """IRIs that must name a defined entity of this kind (else the claim would never apply)."""
        found = [str(o) for o in self.values(node, pred)]
        if required and not found:
            self.problem(node, f"lacks {short(pred)}; add the {kind} it is about")
        for iri in found:
            if kind not in self.kinds.get(iri, ()):
                self.problem(node, f"{short(pred)} points to {short(iri)}, which no file defines as a {kind}; "
                                   "define it or fix the name")
        return found

    def ref(self, node, pred: str, kind: str, required: bool = False) -> str | None:
        self.one(node, pred)
        found = self.refs(node, pred, kind, required)
        return found[0] if found else None

    def sources(self, node) -> list[str]:
        """The claim's sources; without a defined one the engine would drop its finding unseen."""
        found = self.values(node, DCT + "source")
        if not found:
            self.problem(node, "has no dcterms:source; cite the source the claim rests on")
        for o in found:
            if (o, self.U(DCT + "title"), None) not in self.g:
                self.problem(node, f"cites {short(o)}, which no file defines; add it to sources/ with "
                                   "title, venue, year and PMID/DOI/URL")
        return [str(o) for o in found]

    def subjects_of_type(self, local: str) -> list:
        return sorted(self.g.subjects(self.U(RDF_TYPE), self.U(SC + local)), key=str)


def _conditions(r: _Reader, node) -> dict[str, Any]:
    if bool(r.values(node, SC + "minDailyDose")) != bool(r.values(node, SC + "doseUnit")):
        r.problem(node, "sc:minDailyDose and sc:doseUnit go together; give both or neither")
    return {"min_dose": r.number(node, SC + "minDailyDose"),
            "dose_unit": r.optional_choice(node, SC + "doseUnit", DOSE_UNITS),
            "form": r.optional_choice(node, SC + "form", FORMS)}


def _claim(r: _Reader, subject, node) -> dict[str, Any]:
    via = r.ref(node, SC + "viaConstituent", "constituent")
    claim = {
        "subject": str(subject),
        "evidence": r.choice(node, SC + "evidenceLevel", EVIDENCE_LEVELS),
        "note": r.text(node, SC + "note"),
        "sources": r.sources(node),
        "via": via,
    }
    claim.update(_conditions(r, node))
    return claim


def _entities(r: _Reader) -> dict[str, dict[str, Any]]:
    entities: dict[str, dict[str, Any]] = {}
    for local, kind in ENTITY_TYPES.items():
        for node in r.subjects_of_type(local):
            iri = str(node)
            alt = [str(x) for x in r.values(node, SKOS + "altLabel")]
            latin = r.text(node, SC + "latinName")
            entities[iri] = {
                "kind": kind,
                "name": r.text(node, SKOS + "prefLabel") or iri.rsplit("/", 1)[-1],
                "alt": alt + ([latin] if latin else []),
                "ambiguous": [str(x) for x in r.values(node, SC + "ambiguousName")],
                "latin": latin,
                "category": r.text(node, SC + "category"),
                "classes": r.refs(node, SC + "drugClass", "class"),
                "broader": r.refs(node, SKOS + "broader", "class"),
                "route": ", ".join(sorted(str(v) for v in r.values(node, SC + "route"))) or None,
                "rxcui": [str(x) for x in r.values(node, SC + "rxcui")],
                "constituents": r.refs(node, SC + "hasConstituent", "constituent"),
                "parts": r.refs(node, SC + "regimenDrug", "drug") + _ingredients(r, node),
                "usual_dose": r.text(node, SC + "usualDose"),
                "definition": r.text(node, SKOS + "definition"),
                "deprecated": r.flag(node, OWL + "deprecated"),
            }
    return entities


def _ingredients(r: _Reader, node) -> list[str]:
    """A product's ingredients: each a supplement of the graph, in a stable order."""
    found = sorted(str(o) for o in r.values(node, SC + "productIngredient"))
    for iri in found:
        if "supplement" not in r.kinds.get(iri, ()):
            r.problem(node, f"sc:productIngredient points to {short(iri)}, which no file defines as a supplement; "
                            "define it or fix the name")
    return found


def _claims(r: _Reader) -> dict[str, list[dict[str, Any]]]:
    from rdflib import URIRef

    out: dict[str, list[dict[str, Any]]] = {"modulations": [], "substrates": [], "properties": [], "no_cyp": []}
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "modulates")), key=str):
        claim = _claim(r, subject, node)
        claim.update(target=r.ref(node, SC + "target", "target", required=True) or "",
                     action=r.choice(node, SC + "action", ACTIONS),
                     strength=r.choice(node, SC + "strength", STRENGTHS, default="unknown"))
        out["modulations"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "substrateOf")), key=str):
        claim = _claim(r, subject, node)
        claim.update(target=r.ref(node, SC + "target", "target", required=True) or "",
                     sensitivity=r.choice(node, SC + "sensitivity", SENSITIVITIES, default="minor"),
                     prodrug=r.flag(node, SC + "prodrug"),
                     induction_fold=r.number(node, SC + "inductionFoldChange"))
        if claim["induction_fold"] is not None and not 0 < claim["induction_fold"] <= 1:
            r.problem(node, f"sc:inductionFoldChange {claim['induction_fold']:g} is not an AUC ratio with an "
                            "inducer; write the ratio with and without it, above 0 and at most 1 (0.14 for -86%)")
        if claim["induction_fold"] is not None and claim["prodrug"]:
            r.problem(node, "sc:inductionFoldChange is for the parent drug's exposure; a prodrug role says "
                            "nothing of it")
        out["substrates"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "hasProperty")), key=str):
        claim = _claim(r, subject, node)
        claim.update(property=r.ref(node, SC + "property", "property", required=True) or "")
        out["properties"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "noCypMetabolism")), key=str):
        out["no_cyp"].append(_claim(r, subject, node))
    for key in out:
        # Blank nodes are named afresh on each parse: ties are broken by the whole claim, so the compiled
        # graph (and its cache file) is the same on every build.
        out[key].sort(key=lambda c: (c["subject"], c.get("target") or "", c.get("property") or "", c["evidence"],
                                     json.dumps(c, sort_keys=True, default=str)))
    return out


def _mechanisms(r: _Reader, node) -> list[dict[str, str]]:
    mechs = [{"target": r.ref(m, SC + "target", "target", required=True) or "",
              "action": r.choice(m, SC + "action", ACTIONS)}
             for m in r.values(node, SC + "mechanism")]
    return sorted(mechs, key=lambda m: (m["target"], m["action"]))


def _interactions(r: _Reader) -> list[dict[str, Any]]:
    out = []
    for node in r.subjects_of_type("CuratedInteraction"):
        record = {
            "id": str(node),
            "supplement": r.ref(node, SC + "supplement", "supplement", required=True) or "",
            "drugs": r.refs(node, SC + "drug", "drug"),
            "classes": r.refs(node, SC + "appliesToClass", "class"),
            "context": r.ref(node, SC + "context", "context"),
            "kind": r.choice(node, SC + "kind", KINDS),
            "severity": r.choice(node, SC + "severity", INTERACTION_SEVERITIES),
            "title": r.required(node, SC + "title", "a one-line title"),
            "mechanisms": _mechanisms(r, node),
            "mechanism_text": r.text(node, SC + "mechanismText"),
            "effect": r.required(node, SC + "effect", "the clinical effect"),
            "management": r.required(node, SC + "management", "what to do"),
            "evidence": r.choice(node, SC + "evidenceLevel", EVIDENCE_LEVELS),
            "summary": r.text(node, SC + "summary") or "",
            "sources": r.sources(node),
            "class_management": _class_management(r, node),
        }
        record.update(_conditions(r, node))
        out.append(record)
    return out


def _class_management(r: _Reader, node: Any) -> list[list[str]]:
    """Management for the drugs of one class (sc:managementFor), in place of the node's own for them."""
    return sorted([r.ref(m, SC + "appliesToClass", "class", required=True) or "",
                   r.required(m, SC + "management", "what to do for that class")]
                  for m in r.values(node, SC + "managementFor"))


def _rules(r: _Reader) -> list[dict[str, Any]]:
    out = []
    for node in r.subjects_of_type("PharmacodynamicRule"):
        record = {
            "id": str(node),
            "supplement_properties": r.refs(node, SC + "supplementProperty", "property", required=True),
            "drug_properties": r.refs(node, SC + "drugProperty", "property"),
            "contexts": r.refs(node, SC + "context", "context"),
            "severity": r.choice(node, SC + "severity", SEVERITIES),
            "title": r.required(node, SC + "title", "a one-line title"),
            "effect": r.required(node, SC + "effect", "the clinical effect"),
            "management": r.required(node, SC + "management", "what to do"),
            "evidence": r.choice(node, SC + "evidenceLevel", EVIDENCE_LEVELS),
            "summary": r.text(node, SC + "summary") or "",
            "cumulative": r.flag(node, SC + "cumulative"),
            "kind": r.choice(node, SC + "kind", RULE_KINDS, default="pharmacodynamic"),
            "sources": r.sources(node),
            "class_management": _class_management(r, node),
        }
        if not record["drug_properties"] and not record["contexts"]:
            r.problem(node, "needs sc:drugProperty or sc:context, else it can never apply")
        out.append(record)
    return out


def _alternatives(r: _Reader) -> list[dict[str, Any]]:
    """What to take or do instead of a supplement, for a concern (a context or a drug class) or always."""
    from rdflib import URIRef

    out = []
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "alternative")), key=str):
        if "supplement" not in r.kinds.get(str(subject), ()):
            r.problem(node, "sc:alternative belongs on a supplement (sc:Supplement)")
        out.append({
            "supplement": str(subject),
            "text": r.required(node, SC + "text", "the alternative, in words a clinician can say"),
            "contexts": r.refs(node, SC + "context", "context"),
            "classes": r.refs(node, SC + "appliesToClass", "class"),
            "evidence": r.choice(node, SC + "evidenceLevel", EVIDENCE_LEVELS),
            "sources": sorted(r.sources(node)),
        })
    # Blank nodes are named afresh on every parse: order by content, so the compiled graph is reproducible.
    out.sort(key=lambda a: (a["supplement"], a["text"] or "", a["contexts"], a["classes"], a["sources"]))
    return out


def _washouts(r: _Reader) -> list[dict[str, Any]]:
    """How many days before surgery a supplement is stopped, as a perioperative source says."""
    from rdflib import URIRef

    out = []
    for subject, node in r.g.subject_objects(URIRef(SC + "stopBeforeSurgery")):
        if "supplement" not in r.kinds.get(str(subject), ()):
            r.problem(node, "sc:stopBeforeSurgery belongs on a supplement (sc:Supplement)")
        days = r.number(node, SC + "days")
        if days is None or days < 0 or days > 60:
            r.problem(node, "sc:stopBeforeSurgery needs sc:days, a number of days from 0 to 60")
        out.append({"supplement": str(subject), "days": days, "evidence": r.choice(node, SC + "evidenceLevel",
                                                                                  EVIDENCE_LEVELS),
                    "note": r.text(node, SC + "note"), "sources": sorted(r.sources(node))})
    out.sort(key=lambda w: (w["supplement"], w["days"] or 0, w["sources"]))
    return out


def _label_instructions(r: _Reader) -> list[dict[str, Any]]:
    """What each drug's label says to do with a perpetrator category or a named product."""
    from rdflib import URIRef

    out = []
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "labelInstruction")), key=str):
        record = {
            "drug": str(subject),
            "instruction": r.choice(node, SC + "instruction", INSTRUCTIONS),
            "target": r.ref(node, SC + "perpetratorTarget", "target"),
            "action": r.optional_choice(node, SC + "perpetratorAction", ACTIONS),
            "strength": r.optional_choice(node, SC + "perpetratorStrength", CATEGORY_STRENGTHS),
            "products": r.refs(node, SC + "perpetratorProduct", "supplement"),
            "separate_hours": r.number(node, SC + "separateHours"),
            "fold_change": r.number(node, SC + "foldChange"),
            "label_text": r.text(node, SC + "labelText"),
            "section": r.text(node, SC + "labelSection"),
            "evidence": r.choice(node, SC + "evidenceLevel", EVIDENCE_LEVELS),
            "note": r.text(node, SC + "note"),
            "sources": r.sources(node),
            "kind": r.choice(node, SC + "kind", RULE_KINDS, default="pharmacokinetic"),
            "effect": r.text(node, SC + "effect"),
        }
        category = (record["target"], record["action"], record["strength"])
        if record["kind"] == "pharmacodynamic" and (not record["products"] or not record["effect"]):
            r.problem(node, "a pharmacodynamic label instruction names its sc:perpetratorProduct and says the "
                            "label's sc:effect (categories of CYP or transporter perpetrators are pharmacokinetic)")
        if not record["products"] and None in category:
            r.problem(node, "names neither sc:perpetratorProduct nor a whole category (sc:perpetratorTarget, "
                            "sc:perpetratorAction and sc:perpetratorStrength)")
        if "drug" not in r.kinds.get(str(subject), ()):
            r.problem(node, "sc:labelInstruction belongs on a drug (sc:Drug)")
        out.append(record)
    out.sort(key=lambda rec: (rec["drug"], json.dumps(rec, sort_keys=True, default=str)))
    return out


def _sources(r: _Reader) -> dict[str, dict[str, Any]]:
    from rdflib import URIRef

    out = {}
    for node in sorted(set(r.g.objects(None, URIRef(DCT + "source"))), key=str):
        if (node, URIRef(DCT + "title"), None) not in r.g:
            continue  # reported on each claim that cites it
        pmid = r.text(node, BIBO + "pmid")
        doi = r.text(node, BIBO + "doi")
        url = r.text(node, BIBO + "uri")
        if not url and pmid:
            url = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        elif not url and doi:
            url = f"https://doi.org/{doi}"
        out[str(node)] = {"pmid": pmid, "doi": doi, "url": url, "title": r.text(node, DCT + "title") or str(node),
                          "venue": r.text(node, SC + "venue"), "year": r.year(node, SC + "year")}
    return out


def _coverage(r: _Reader, entities: dict[str, dict[str, Any]]) -> None:
    """Every finding pairs a supplement with something: a graph without one would find nothing, silently."""
    kinds = {e["kind"] for e in entities.values()}
    if "supplement" not in kinds:
        what = "no supplement" if "drug" in kinds else "no supplement and no drug"
        r.problem(None, f"the graph defines {what}, so every check would find nothing; point SUPPCHECK_KB_DIR "
                        "at the whole graph folder (knowledge/suppcheck_kb) or unset it")


def compile_graph(graph, files: list[Path] | None = None, root: Path | None = None,
                  complete: bool = True) -> dict[str, Any]:
    """Turn the rdflib graph into the records the engine uses; GraphProblems lists every value it cannot use.

    `complete`: the graph is meant to be checked against (not a fragment), so it must hold a supplement.
    """
    r = _Reader(graph)
    try:
        version = r.text(r.U("https://w3id.org/suppcheck/vocab"), OWL + "versionInfo") or "unversioned"
        entities = _entities(r)
        records: dict[str, Any] = {
            "version": version,
            "triples": len(graph),
            "entities": entities,
            "names": _name_index(entities),
            "interactions": _interactions(r),
            "rules": _rules(r),
            "label_instructions": _label_instructions(r),
            "alternatives": _alternatives(r),
            "washouts": _washouts(r),
            "sources": _sources(r),
        }
        records.update(_claims(r))
        if complete:
            _coverage(r, entities)
    except Exception as exc:  # a graph shape no check foresaw: still a graph fault, never a traceback
        raise KnowledgeError(f"the graph could not be compiled ({type(exc).__name__}: {exc}); {FIX}") from None
    if r.problems:
        raise GraphProblems(_located(r, files or [], root))
    return records



def _name_index(entities: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """The matching keys of every name, computed once here rather than at every load."""
    from types import SimpleNamespace

    from suppcheck.kb import name_index

    return name_index({iri: SimpleNamespace(id=iri, kind=e["kind"], deprecated=e["deprecated"], name=e["name"],
                                            alt=e["alt"], ambiguous=e["ambiguous"]) for iri, e in entities.items()})

def _located(r: _Reader, files: list[Path], root: Path | None) -> list[tuple[str, str, str]]:
    """Each problem as (file:line, subject, message); the file is the one whose line opens the subject."""
    holders = [(_holder(r, node), message, _claim_file(r, node)) for node, message in r.problems]
    places = locate(files, {iri for (iri, _), _, _ in holders if iri})
    out = []
    for (iri, label), message, file in holders:
        place = places.get(iri) if iri else None
        if file is not None and iri and (place is None or place[0] != file):
            place = locate([file], {iri}).get(iri) or (file, 0)
        where = f"{relative_name(place[0], root)}:{place[1]}" if place else ""
        out.append((where, label, message))
    return list(dict.fromkeys(out))


def _claim_file(r: _Reader, node, depth: int = 0):
    """The file a blank node (or the blank node holding it) was written in, when the parse recorded it."""
    origin = getattr(r.g, "suppcheck_origin", None) or {}
    while isinstance(node, r.BNode) and depth < 9:
        if node in origin:
            return origin[node]
        node = next(iter(r.g.subjects(None, node)), None)
        depth += 1
    return None


def _holder(r: _Reader, node, depth: int = 0) -> tuple[str | None, str]:
    """The IRI that holds a node (itself, or the subject of a blank node), and a label for the message."""
    if node is None:
        return None, ""
    if not isinstance(node, r.BNode):
        return str(node), short(node)
    for s, p in r.g.subject_predicates(node):
        if depth > 8:  # blank nodes nested this deep (or in a cycle) are not written by curators
            break
        iri, label = _holder(r, s, depth + 1)
        return iri, f"{label} {short(p)} [...]"
    return None, "[...]"
