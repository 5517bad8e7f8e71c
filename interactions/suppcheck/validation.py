"""Validate the curated graph: Turtle syntax, SHACL shapes, and integrity checks SHACL cannot make."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from suppcheck.kbfiles import graph_files, knowledge_dir

SC = "https://w3id.org/suppcheck/vocab#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_CLASSES = ("Supplement", "Drug", "DrugClass", "Target", "Context", "PharmacodynamicProperty", "Constituent")
REFERENCE_PREDICATES = ("drug", "supplement", "appliesToClass", "context", "target", "property", "drugClass",
                        "hasConstituent", "viaConstituent", "supplementProperty", "drugProperty")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the graph, with where it is and how to fix it."""

    file: str
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.subject}: {self.message}"


def _short(node: object) -> str:
    text = str(node)
    for prefix, ns in (("sc:", SC), ("drug:", "https://w3id.org/suppcheck/drug/"),
                       ("supp:", "https://w3id.org/suppcheck/supplement/"),
                       ("src:", "https://w3id.org/suppcheck/source/"),
                       ("ix:", "https://w3id.org/suppcheck/interaction/")):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text


def parse_all(files: list[Path]) -> tuple[object, dict[object, str], list[Problem]]:
    """Parse every file into one graph; remember which file defined each subject."""
    import rdflib

    graph = rdflib.Graph()
    origin: dict[object, str] = {}
    problems: list[Problem] = []
    for path in files:
        single = rdflib.Graph()
        try:
            single.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            problems.append(Problem(path.name, "-", f"Turtle syntax error: {exc}".replace("\n", " ")))
            continue
        for s in set(single.subjects()):
            origin.setdefault(s, str(path.relative_to(path.parents[1])) if path.parent.name != "suppcheck_kb" else path.name)
        graph += single
    return graph, origin, problems


def _where(graph, origin, node) -> str:
    """The file of a node; for a blank node, the file of the subject that holds it."""
    from rdflib import BNode

    if node in origin and not isinstance(node, BNode):
        return origin[node]
    for s in graph.subjects(None, node):
        return _where(graph, origin, s)
    return origin.get(node, "?")


def shacl_problems(graph, origin) -> list[Problem]:
    """Run shapes.ttl over the graph."""
    import rdflib
    from pyshacl import validate

    shapes = rdflib.Graph().parse(knowledge_dir() / "shapes.ttl", format="turtle")
    conforms, report, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    problems = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        message = str(report.value(result, sh.resultMessage) or "shape violated")
        path = report.value(result, sh.resultPath)
        subject = _holder(graph, focus)
        problems.append(Problem(_where(graph, origin, focus), subject,
                                f"{message}" + (f" (path {_short(path)})" if path is not None else "")))
    return sorted(set(problems), key=str)


def _holder(graph, node) -> str:
    from rdflib import BNode

    if isinstance(node, BNode):
        for s, p in graph.subject_predicates(node):
            return f"{_holder(graph, s)} {_short(p)} [...]"
    return _short(node)


def integrity_problems(graph, origin) -> list[Problem]:
    """Dangling references, colliding names, sources defined twice, doses without units."""
    import rdflib
    from rdflib import URIRef

    problems: list[Problem] = []
    typed = set(graph.subjects(rdflib.RDF.type, None))
    for pred in REFERENCE_PREDICATES:
        for s, o in graph.subject_objects(URIRef(SC + pred)):
            if isinstance(o, URIRef) and o not in typed:
                problems.append(Problem(_where(graph, origin, s), _holder(graph, s),
                                        f"sc:{pred} points to {_short(o)}, which no file defines; "
                                        "define it or fix the name"))
    for o in set(graph.objects(None, URIRef(DCT + "source"))):
        if (o, URIRef(DCT + "title"), None) not in graph:
            problems.append(Problem(_where(graph, origin, o), _short(o),
                                    "source is cited but not defined; add it to sources/ with title, venue, year and PMID/DOI/URL"))
    for claim in set(graph.objects(None, URIRef(SC + "modulates"))) | set(graph.objects(None, URIRef(SC + "hasProperty"))):
        has_dose = (claim, URIRef(SC + "minDailyDose"), None) in graph
        has_unit = (claim, URIRef(SC + "doseUnit"), None) in graph
        if has_dose != has_unit:
            problems.append(Problem(_where(graph, origin, claim), _holder(graph, claim),
                                    "sc:minDailyDose and sc:doseUnit go together"))
    names: dict[str, set] = defaultdict(set)
    for cls in ("Supplement", "Drug"):
        for entity in graph.subjects(rdflib.RDF.type, URIRef(SC + cls)):
            for pred in (SKOS + "prefLabel", SKOS + "altLabel", SC + "latinName"):
                for label in graph.objects(entity, URIRef(pred)):
                    names[_normal(str(label))].add(entity)
    for name, entities in sorted(names.items()):
        if len(entities) > 1 and not _all_ambiguous(graph, entities, name):
            listed = ", ".join(sorted(_short(e) for e in entities))
            problems.append(Problem(_where(graph, origin, sorted(entities)[0]), listed,
                                    f"the name '{name}' belongs to several entities; keep it on one, or mark it "
                                    "sc:ambiguousName on each if it truly names several (ginseng)"))
    return problems


def _all_ambiguous(graph, entities, name) -> bool:
    from rdflib import URIRef

    pred = URIRef(SC + "ambiguousName")
    return all(any(_normal(str(x)) == name for x in graph.objects(e, pred)) for e in entities)


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("\u2019", "'").replace("'", "")).strip()


def validate_knowledge(directory: Path | None = None) -> tuple[list[Problem], int]:
    """All problems in the graph, and its triple count."""
    files = graph_files(directory)
    graph, origin, problems = parse_all(files)
    problems += shacl_problems(graph, origin)
    problems += integrity_problems(graph, origin)
    return problems, len(graph)


if __name__ == "__main__":
    found, triples = validate_knowledge()
    for problem in found:
        print(problem)
    print(f"{len(found)} problems, {triples} triples")
