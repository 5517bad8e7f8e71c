"""Validate the curated graph: Turtle syntax, SHACL shapes, and integrity checks SHACL cannot make."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from suppcheck.kbfiles import knowledge_dir, relative_name, scan

BIBO = "http://purl.org/ontology/bibo/"
SC = "https://w3id.org/suppcheck/vocab#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_CLASSES = ("Supplement", "Drug", "DrugClass", "Target", "Context", "PharmacodynamicProperty", "Constituent",
                  "Regimen")
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
    from suppcheck.compiler import short

    return short(node)


def parse_all(files: list[Path], root: Path | None = None) -> tuple[object, dict[object, str], list[Problem]]:
    """Parse every file into one graph; remember which file defined each subject. A file with a syntax error is
    left out whole, and said."""
    from suppcheck.compiler import TurtleReader, new_graph, quiet_rdflib, syntax_message

    graph = new_graph(contexts=True)  # the shapes run over it
    add = graph.store.add
    origin: dict[object, str] = {}
    problems: list[Problem] = []
    reader = TurtleReader()
    for path in files:
        name = relative_name(path, root)
        try:
            with quiet_rdflib():
                triples = reader.read(path)
        except OSError as exc:
            problems.append(Problem(name, "-", f"cannot be read ({exc.strerror or exc}); check the file's "
                                               "permissions or restore it"))
            continue
        except SyntaxError as exc:
            line = f" (line {exc.lineno})" if isinstance(exc.lineno, int) else ""
            problems.append(Problem(name, "-", f"Turtle syntax error{line}: {syntax_message(exc)}"))
            continue
        for triple in triples:
            origin.setdefault(triple[0], name)
            add(triple, graph, quoted=False)
    reader.bind(graph)
    return graph, origin, problems


def _where(graph, origin, node, depth: int = 0) -> str:
    """The file of a node; for a blank node, the file of the subject that holds it."""
    from rdflib import BNode

    if node in origin and not isinstance(node, BNode):
        return origin[node]
    for s in graph.subjects(None, node):
        if depth > 8:  # nested this deep, or a cycle of blank nodes
            break
        return _where(graph, origin, s, depth + 1)
    return origin.get(node, "?")


def shacl_problems(graph, origin, shapes_path: Path | None = None) -> list[Problem]:
    """Run shapes.ttl (of the graph's folder) over the graph."""
    import rdflib
    from pyshacl import validate

    from suppcheck.compiler import quiet_rdflib

    shapes_path = shapes_path or knowledge_dir() / "shapes.ttl"
    if not shapes_path.is_file():
        return [Problem("shapes.ttl", "-", f"shapes.ttl is missing from {shapes_path.parent}; restore it "
                                           "(knowledge/suppcheck_kb/shapes.ttl) so the graph can be checked")]
    try:
        with quiet_rdflib():
            shapes = rdflib.Graph().parse(shapes_path, format="turtle")
            conforms, report, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    except Exception as exc:  # an unreadable or broken shapes file, or a shape pyshacl cannot run
        return [Problem("shapes.ttl", "-", f"the shapes could not be run ({type(exc).__name__}: "
                                           f"{' '.join(str(exc).split())[:200]}); restore shapes.ttl")]
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


def _holder(graph, node, depth: int = 0) -> str:
    from rdflib import BNode

    if isinstance(node, BNode):
        for s, p in graph.subject_predicates(node):
            if depth > 8:  # nested this deep, or a cycle of blank nodes
                break
            return f"{_holder(graph, s, depth + 1)} {_short(p)} [...]"
        return "[...]"
    return _short(node)


def allowed_hosts(graph) -> set[str]:
    """The reviewed hosts of hosts.ttl."""
    from rdflib import URIRef

    return {str(h).lower() for h in graph.objects(None, URIRef(SC + "allowedHost"))}


def host_problems(graph, origin) -> list[Problem]:
    """A source cited on a host outside the reviewed list: a mirror, a copy or a site of no standing."""
    from urllib.parse import urlparse

    from rdflib import URIRef

    allowed = allowed_hosts(graph)
    if not allowed:
        return []  # a fragment without hosts.ttl (shape fixtures) is not checked for hosts
    problems = []
    for node, url in graph.subject_objects(URIRef(BIBO + "uri")):
        host = urlparse(str(url)).netloc.lower().split("@")[-1].split(":")[0].rstrip(".").removeprefix("www.")
        if not any(host == h or host.endswith("." + h) for h in allowed):
            problems.append(Problem(_where(graph, origin, node), _short(node),
                                    f"cited on {host or 'no host'}, which is not on the reviewed list (hosts.ttl): "
                                    "cite the document on its authoritative host (PubMed, DOI, DailyMed, the "
                                    "journal) or take the claim out"))
    return problems


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
                                    "source is cited but not defined; add it to sources/ with title, venue, "
                                    "year and PMID/DOI/URL"))
    for claim in set(graph.objects(None, URIRef(SC + "modulates"))) | set(graph.objects(None, URIRef(SC + "hasProperty"))):
        has_dose = (claim, URIRef(SC + "minDailyDose"), None) in graph
        has_unit = (claim, URIRef(SC + "doseUnit"), None) in graph
        if has_dose != has_unit:
            problems.append(Problem(_where(graph, origin, claim), _holder(graph, claim),
                                    "sc:minDailyDose and sc:doseUnit go together"))
    problems += host_problems(graph, origin)
    names: dict[str, set] = defaultdict(set)
    for cls in ("Supplement", "Drug", "Regimen", "Product"):
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
    codes: dict[str, set] = defaultdict(set)
    for entity, code in graph.subject_objects(URIRef(SC + "rxcui")):
        if not re.fullmatch(r"[1-9][0-9]{0,8}", str(code)):
            problems.append(Problem(_where(graph, origin, entity), _short(entity),
                                    f"sc:rxcui '{code}' is not an RxNorm concept identifier (digits only)"))
        codes[str(code)].add(entity)
    for code, entities in sorted(codes.items()):
        if len(entities) > 1:
            listed = ", ".join(sorted(_short(e) for e in entities))
            problems.append(Problem(_where(graph, origin, sorted(entities)[0]), listed,
                                    f"the RxCUI {code} is given to several drugs; an RxNorm code names one "
                                    "ingredient: keep it on the drug it names"))
    return problems


def reachability_problems(graph, origin) -> list[Problem]:
    """Rules that can never fire, and properties or contexts that nothing reads.

    A rule fires for a supplement carrying one of its supplement properties (directly or through a
    constituent) with a drug carrying one of its drug properties, or with one of its contexts. A property
    or context that no rule or curated interaction reads is dead weight unless the vocabulary marks it
    `sc:informational true` (read by the engine itself, or kept to describe an entity).
    """
    import rdflib
    from rdflib import URIRef

    rdf_type = rdflib.RDF.type
    if (None, rdf_type, URIRef(SC + "PharmacodynamicRule")) not in graph:
        return []  # a graph without rules (a small test graph) has nothing to reach
    carried: dict[tuple[str, object], bool] = {}
    kinds = {URIRef(SC + "Supplement"): "supplement", URIRef(SC + "Drug"): "drug"}
    constituent_of = defaultdict(set)
    for entity, constituent in graph.subject_objects(URIRef(SC + "hasConstituent")):
        constituent_of[constituent].add(entity)
    for holder, claim in graph.subject_objects(URIRef(SC + "hasProperty")):
        prop = graph.value(claim, URIRef(SC + "property"))
        for entity in {holder} | constituent_of.get(holder, set()):
            for kind in graph.objects(entity, rdf_type):
                if kind in kinds:
                    carried[(kinds[kind], prop)] = True
    read_props, read_contexts = set(), set()
    problems: list[Problem] = []
    broader = URIRef(SKOS + "broader")
    for ix in graph.subjects(rdf_type, URIRef(SC + "CuratedInteraction")):
        read_contexts.update(graph.objects(ix, URIRef(SC + "context")))
        # Management for a class must be for drugs the entry reaches: its own classes or narrower ones.
        classes = set(graph.objects(ix, URIRef(SC + "appliesToClass")))
        for given in graph.objects(ix, URIRef(SC + "managementFor")):
            cls = graph.value(given, URIRef(SC + "appliesToClass"))
            if cls is not None and not classes & ({cls} | set(graph.transitive_objects(cls, broader))):
                problems.append(Problem(_where(graph, origin, ix), _short(ix),
                                        f"sc:managementFor names {_short(cls)}, which is not one of the entry's "
                                        "classes or narrower than one, so it can never be used"))
    for rule in sorted(graph.subjects(rdf_type, URIRef(SC + "PharmacodynamicRule"))):
        sides = [("supplement", list(graph.objects(rule, URIRef(SC + "supplementProperty")))),
                 ("drug", list(graph.objects(rule, URIRef(SC + "drugProperty"))))]
        contexts = list(graph.objects(rule, URIRef(SC + "context")))
        read_contexts.update(contexts)
        for side, props in sides:
            read_props.update(props)
            for prop in props:
                if not carried.get((side, prop)):
                    problems.append(Problem(_where(graph, origin, rule), _short(rule),
                                            f"reads {_short(prop)} on a {side}, which no {side} carries; add a sourced "
                                            f"claim to a {side}, or take the property out of the rule"))
        fires = any(carried.get(("supplement", p)) for p in sides[0][1]) and (
            bool(contexts) or any(carried.get(("drug", p)) for p in sides[1][1]))
        if not fires:
            problems.append(Problem(_where(graph, origin, rule), _short(rule),
                                    "can produce no finding: no supplement and drug (or context) of the graph "
                                    "carry its properties; add the claims it needs or remove the rule"))
    informational = set(graph.subjects(URIRef(SC + "informational"), rdflib.Literal(True)))
    for prop in sorted(graph.subjects(rdf_type, URIRef(SC + "PharmacodynamicProperty"))):
        if prop not in read_props and prop not in informational:
            problems.append(Problem(_where(graph, origin, prop), _short(prop),
                                    "no rule reads this property; add a rule that pairs it, or mark it "
                                    "sc:informational true in properties.ttl with a comment saying who reads it"))
    for ctx in sorted(graph.subjects(rdf_type, URIRef(SC + "Context"))):
        if ctx not in read_contexts and ctx not in informational:
            problems.append(Problem(_where(graph, origin, ctx), _short(ctx),
                                    "no rule or curated interaction reads this context, so naming it changes "
                                    "nothing; add a rule for it, or mark it sc:informational true"))
    return problems


def _all_ambiguous(graph, entities, name) -> bool:
    from rdflib import URIRef

    pred = URIRef(SC + "ambiguousName")
    return all(any(_normal(str(x)) == name for x in graph.objects(e, pred)) for e in entities)


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("\u2019", "'").replace("'", "")).strip()


def compile_problems(graph, files: list[Path], root: Path, complete: bool = True) -> list[Problem]:
    """What the loader would refuse (controlled values, numbers, sources, references, coverage)."""
    from suppcheck.compiler import GraphProblems, compile_graph
    from suppcheck.errors import KnowledgeError

    try:
        compile_graph(graph, files, root, complete)
    except GraphProblems as exc:
        return [Problem(where or "-", subject or "-", message) for where, subject, message in exc.problems]
    except KnowledgeError as exc:
        return [Problem(exc.file or "-", "-", str(exc))]
    return []


def validate_knowledge(directory: Path | None = None, complete: bool = True) -> tuple[list[Problem], int]:
    """All problems in the graph, and its triple count; `complete=False` for a fragment (shape fixtures)."""
    root = directory or knowledge_dir()
    files, odd = scan(root)
    problems = [Problem(relative_name(p, root), "-", "not a regular file (a broken link, a pipe or a device); "
                                                     "remove it or point it at the Turtle file") for p in odd]
    if not files:
        return [*problems, Problem(str(root), "-", "no Turtle files: point SUPPCHECK_KB_DIR at the graph folder "
                                                   "(knowledge/suppcheck_kb) or unset it")], 0
    graph, origin, parse_problems = parse_all(files, root)
    problems += parse_problems
    problems += shacl_problems(graph, origin, root / "shapes.ttl")
    problems += integrity_problems(graph, origin)
    if complete:  # a fragment (a shape fixture) holds the vocabulary but not the entities that use it
        problems += reachability_problems(graph, origin)
    if not problems:
        # The shapes say it first and in more detail; the loader's own checks are the backstop.
        problems += compile_problems(graph, files, root, complete)
    return problems, len(graph)


if __name__ == "__main__":
    found, triples = validate_knowledge()
    for problem in found:
        print(problem)
    print(f"{len(found)} problems, {triples} triples")
