"""Compile the Turtle graph into plain records (JSON-ready), the only place that reads triples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from suppcheck.errors import KnowledgeError

SC = "https://w3id.org/suppcheck/vocab#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
BIBO = "http://purl.org/ontology/bibo/"
OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_TYPES = {"Supplement": "supplement", "Drug": "drug", "Context": "context", "Target": "target",
                "DrugClass": "class", "PharmacodynamicProperty": "property", "Constituent": "constituent"}


def parse_graph(files: list[Path]):
    """Parse the Turtle files into one rdflib graph; a syntax error names its file and line."""
    import rdflib

    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib's parser raises several unrelated exception types
            line = getattr(exc, "lines", None)
            raise KnowledgeError(f"Turtle syntax error: {exc}".splitlines()[0], file=path.name,
                                 line=line if isinstance(line, int) else None) from exc
    return graph


class _Reader:
    """Small helpers over one rdflib graph."""

    def __init__(self, graph) -> None:
        from rdflib import URIRef

        self.g = graph
        self.U = URIRef

    def values(self, node, pred: str) -> list:
        return sorted(self.g.objects(node, self.U(pred)), key=str)

    def value(self, node, pred: str) -> Any:
        found = self.values(node, pred)
        return found[0].toPython() if found and hasattr(found[0], "toPython") else (found[0] if found else None)

    def text(self, node, pred: str) -> str | None:
        found = self.values(node, pred)
        return str(found[0]) if found else None

    def iris(self, node, pred: str) -> list[str]:
        return [str(o) for o in self.values(node, pred)]

    def subjects_of_type(self, local: str) -> list:
        return sorted(self.g.subjects(self.U(RDF_TYPE), self.U(SC + local)), key=str)


def _conditions(r: _Reader, node) -> dict[str, Any]:
    dose = r.value(node, SC + "minDailyDose")
    return {
        "min_dose": float(dose) if dose is not None else None,
        "dose_unit": r.text(node, SC + "doseUnit"),
        "form": r.text(node, SC + "form"),
    }


def _claim(r: _Reader, subject, node) -> dict[str, Any]:
    claim = {
        "subject": str(subject),
        "evidence": r.text(node, SC + "evidenceLevel") or "theoretical",
        "note": r.text(node, SC + "note"),
        "sources": r.iris(node, DCT + "source"),
        "via": r.text(node, SC + "viaConstituent"),
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
                "classes": r.iris(node, SC + "drugClass"),
                "broader": r.iris(node, SKOS + "broader"),
                "route": r.text(node, SC + "route"),
                "rxcui": [str(x) for x in r.values(node, SC + "rxcui")],
                "constituents": r.iris(node, SC + "hasConstituent"),
                "usual_dose": r.text(node, SC + "usualDose"),
                "definition": r.text(node, SKOS + "definition"),
                "deprecated": bool(r.value(node, OWL + "deprecated")),
            }
    return entities


def _claims(r: _Reader) -> dict[str, list[dict[str, Any]]]:
    from rdflib import URIRef

    out: dict[str, list[dict[str, Any]]] = {"modulations": [], "substrates": [], "properties": [], "no_cyp": []}
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "modulates")), key=str):
        claim = _claim(r, subject, node)
        claim.update(target=r.text(node, SC + "target"), action=r.text(node, SC + "action"),
                     strength=r.text(node, SC + "strength") or "unknown")
        out["modulations"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "substrateOf")), key=str):
        claim = _claim(r, subject, node)
        claim.update(target=r.text(node, SC + "target"), sensitivity=r.text(node, SC + "sensitivity") or "minor",
                     prodrug=bool(r.value(node, SC + "prodrug")))
        out["substrates"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "hasProperty")), key=str):
        claim = _claim(r, subject, node)
        claim.update(property=r.text(node, SC + "property"))
        out["properties"].append(claim)
    for subject, node in sorted(r.g.subject_objects(URIRef(SC + "noCypMetabolism")), key=str):
        out["no_cyp"].append(_claim(r, subject, node))
    for key in out:
        out[key].sort(key=lambda c: (c["subject"], c.get("target") or "", c.get("property") or "", c["evidence"]))
    return out


def _mechanisms(r: _Reader, node) -> list[dict[str, str]]:
    mechs = [{"target": r.text(m, SC + "target"), "action": r.text(m, SC + "action")}
             for m in r.values(node, SC + "mechanism")]
    return sorted(mechs, key=lambda m: (m["target"] or "", m["action"] or ""))


def _interactions(r: _Reader) -> list[dict[str, Any]]:
    out = []
    for node in r.subjects_of_type("CuratedInteraction"):
        record = {
            "id": str(node),
            "supplement": r.text(node, SC + "supplement"),
            "drugs": r.iris(node, SC + "drug"),
            "classes": r.iris(node, SC + "appliesToClass"),
            "context": r.text(node, SC + "context"),
            "kind": r.text(node, SC + "kind") or "pharmacodynamic",
            "severity": r.text(node, SC + "severity") or "minor",
            "title": r.text(node, SC + "title") or "",
            "mechanisms": _mechanisms(r, node),
            "mechanism_text": r.text(node, SC + "mechanismText"),
            "effect": r.text(node, SC + "effect") or "",
            "management": r.text(node, SC + "management") or "",
            "evidence": r.text(node, SC + "evidenceLevel") or "theoretical",
            "summary": r.text(node, SC + "summary") or "",
            "sources": r.iris(node, DCT + "source"),
        }
        record.update(_conditions(r, node))
        out.append(record)
    return out


def _rules(r: _Reader) -> list[dict[str, Any]]:
    out = []
    for node in r.subjects_of_type("PharmacodynamicRule"):
        out.append({
            "id": str(node),
            "supplement_properties": r.iris(node, SC + "supplementProperty"),
            "drug_properties": r.iris(node, SC + "drugProperty"),
            "contexts": r.iris(node, SC + "context"),
            "severity": r.text(node, SC + "severity") or "minor",
            "title": r.text(node, SC + "title") or "",
            "effect": r.text(node, SC + "effect") or "",
            "management": r.text(node, SC + "management") or "",
            "evidence": r.text(node, SC + "evidenceLevel") or "theoretical",
            "summary": r.text(node, SC + "summary") or "",
            "cumulative": bool(r.value(node, SC + "cumulative")),
            "sources": r.iris(node, DCT + "source"),
        })
    return out


def _sources(r: _Reader) -> dict[str, dict[str, Any]]:
    from rdflib import URIRef

    out = {}
    for node in sorted(set(r.g.objects(None, URIRef(DCT + "source"))), key=str):
        pmid = r.text(node, BIBO + "pmid")
        doi = r.text(node, BIBO + "doi")
        url = r.text(node, BIBO + "uri")
        if not url and pmid:
            url = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        elif not url and doi:
            url = f"https://doi.org/{doi}"
        year = r.value(node, SC + "year")
        out[str(node)] = {"pmid": pmid, "doi": doi, "url": url, "title": r.text(node, DCT + "title") or str(node),
                          "venue": r.text(node, SC + "venue"), "year": int(year) if year is not None else None}
    return out


def compile_graph(graph) -> dict[str, Any]:
    """Turn the rdflib graph into the records the engine uses."""
    r = _Reader(graph)
    version = r.text(r.U("https://w3id.org/suppcheck/vocab"), OWL + "versionInfo") or "unversioned"
    records: dict[str, Any] = {
        "version": version,
        "triples": len(graph),
        "entities": _entities(r),
        "interactions": _interactions(r),
        "rules": _rules(r),
        "sources": _sources(r),
    }
    records.update(_claims(r))
    return records
