"""`suppcheck kg ...`: validate, count, query and export the knowledge graph."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from suppcheck_cli.common import GRAPH, USAGE, Format, handle_errors, write

kg_app = typer.Typer(help="Validate, count, query and export the knowledge graph.", no_args_is_help=True,
                     add_completion=False)


class ExportFormat(str, Enum):
    turtle = "turtle"
    jsonld = "json-ld"
    nt = "nt"


def _graph():
    from suppcheck.compiler import parse_graph
    from suppcheck.kbfiles import graph_files

    return parse_graph(graph_files())


@kg_app.command()
@handle_errors
def validate() -> None:
    """Run the SHACL shapes and integrity checks over the whole graph."""
    from suppcheck.validation import validate_knowledge

    problems, triples = validate_knowledge()
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problems in {triples} triples; see knowledge/README.md for the format.", err=True)
        raise typer.Exit(GRAPH)
    typer.echo(f"graph valid: {triples} triples, SHACL shapes and integrity checks pass")


@kg_app.command()
@handle_errors
def stats(fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json")) -> None:
    """Count supplements, drugs, targets, curated interactions, sources and triples."""
    from suppcheck.engine import default_checker

    data = default_checker().kb.stats()
    if fmt is Format.json:
        write(json.dumps(data, indent=2))
    elif fmt is Format.markdown:
        write("\n".join(["| what | count |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in data.items())]))
    else:
        from suppcheck_cli.render import stats as render_stats

        render_stats(data)


@kg_app.command()
@handle_errors
def query(
    sparql: str | None = typer.Argument(None, help="A SPARQL SELECT, ASK or CONSTRUCT query"),
    file: Path | None = typer.Option(None, "--file", help="Read the query from a file"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (tab-separated) or json"),
) -> None:
    """Run a read-only SPARQL query over the graph (prefixes sc:, skos:, dcterms: ... are predefined)."""
    from suppcheck.errors import InputError

    if bool(sparql) == bool(file):
        raise InputError("give a query or --file, not both and not neither", where="kg query")
    text = file.read_text(encoding="utf-8") if file else sparql
    graph = _graph()
    prefixes = {"sc": "https://w3id.org/suppcheck/vocab#", "skos": "http://www.w3.org/2004/02/skos/core#",
                "dcterms": "http://purl.org/dc/terms/", "bibo": "http://purl.org/ontology/bibo/",
                "supp": "https://w3id.org/suppcheck/supplement/", "drug": "https://w3id.org/suppcheck/drug/",
                "tgt": "https://w3id.org/suppcheck/target/", "prop": "https://w3id.org/suppcheck/property/",
                "cls": "https://w3id.org/suppcheck/class/", "ctx": "https://w3id.org/suppcheck/context/",
                "ix": "https://w3id.org/suppcheck/interaction/", "src": "https://w3id.org/suppcheck/source/"}
    try:
        result = graph.query(text, initNs=prefixes)
    except Exception as exc:  # rdflib's SPARQL parser raises pyparsing and other errors
        raise InputError(f"SPARQL error: {str(exc).splitlines()[0]}", where="kg query") from exc
    if result.type == "ASK":
        write(json.dumps(bool(result.askAnswer)))
        return
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        write(result.graph.serialize(format="turtle"))
        return
    names = [str(v) for v in result.vars]
    rows = [[None if v is None else str(v) for v in row] for row in result]
    if fmt is Format.json:
        write(json.dumps([dict(zip(names, r, strict=True)) for r in rows], indent=2))
    else:
        write("\n".join(["\t".join(names), *("\t".join(v or "" for v in r) for r in rows)]))


@kg_app.command()
@handle_errors
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.turtle, "--format", "-f", help="turtle, json-ld or nt"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout"),
) -> None:
    """Export the whole graph as one Turtle, JSON-LD or N-Triples document."""
    text = _graph().serialize(format=fmt.value)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            from suppcheck_cli.render import error

            error(f"{output}: cannot write: {exc.strerror}")
            raise typer.Exit(USAGE) from None
    else:
        write(text)
