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


PREFIXES = {"sc": "https://w3id.org/suppcheck/vocab#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/", "bibo": "http://purl.org/ontology/bibo/",
            "supp": "https://w3id.org/suppcheck/supplement/", "drug": "https://w3id.org/suppcheck/drug/",
            "tgt": "https://w3id.org/suppcheck/target/", "prop": "https://w3id.org/suppcheck/property/",
            "cls": "https://w3id.org/suppcheck/class/", "ctx": "https://w3id.org/suppcheck/context/",
            "ix": "https://w3id.org/suppcheck/interaction/", "src": "https://w3id.org/suppcheck/source/"}
MAX_QUERY_CHARS = 100_000
MAX_ROWS = 100_000
# Parsing the graph again in a child started by "spawn" (no fork on this platform) is not query time.
STARTUP_LIMIT = 120.0
# The parsed graph handed to a forked query process (set just before the fork).
_FORKED_GRAPH = None


def _graph():
    from suppcheck.compiler import parse_graph
    from suppcheck.kbfiles import graph_files

    return parse_graph(graph_files())


def _query_text(sparql: str | None, file: Path | None) -> str:
    """The query from the argument or the file; the text itself never appears in a message."""
    from suppcheck.errors import InputError

    if bool(sparql) == bool(file):
        raise InputError("give a query or --file, not both and not neither", where="kg query")
    if file:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise InputError(f"cannot read the query file ({reason})", where="kg query") from None
    else:
        text = sparql or ""
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"the query is longer than {MAX_QUERY_CHARS} characters", where="kg query")
    return text


def _check_query(text: str) -> None:
    """Refuse what would leave the local graph (SERVICE, FROM, FROM NAMED) or change it (updates)."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from suppcheck.compiler import quiet_rdflib
    from suppcheck.errors import InputError

    with quiet_rdflib():
        try:
            tree = parseQuery(text)
        except Exception as exc:  # pyparsing's errors quote the query: only the position is kept
            if _parses(parseUpdate, text):
                raise InputError("updates are refused: kg query only reads the graph", where="kg query") from None
            raise InputError(f"SPARQL error: {_position(exc)}", where="kg query") from None
        names = _node_names(tree)
        if "ServiceGraphPattern" in names:
            raise InputError("SERVICE is refused: kg query never reaches the network; query the local graph",
                             where="kg query")
        if "DatasetClause" in names:
            raise InputError("FROM and FROM NAMED are refused: the query runs over the suppcheck graph only; "
                             "remove them", where="kg query")
        try:
            translateQuery(tree, initNs=PREFIXES)
        except Exception as exc:  # unknown prefix, bad aggregate ...
            raise InputError(f"SPARQL error: {_describe(exc)}", where="kg query") from None


def _parses(parser, text: str) -> bool:
    try:
        parser(text)
    except Exception:  # any parse failure means "not this kind of request"
        return False
    return True


def _position(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    return f"syntax error at line {line}, column {col}" if line and col else "the query could not be read"


def _describe(exc: BaseException) -> str:
    """An error in one short printable line (a fragment of the query at most, never control characters)."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in str(exc)).split())
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _node_names(tree) -> set[str]:
    """The names of every parse-tree node (CompValue), nested queries and FILTER EXISTS included."""
    names: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        name = getattr(node, "name", None)
        if isinstance(name, str):
            names.add(name)
        if isinstance(node, dict):
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            todo.extend(node)
    return names


def _run_limited(graph, text: str, fmt: str, timeout: float) -> str:
    """Evaluate in a child process that is killed after `timeout` s: rdflib cannot be interrupted otherwise."""
    import multiprocessing

    from suppcheck.errors import InputError
    from suppcheck.kbfiles import graph_files

    global _FORKED_GRAPH
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    _FORKED_GRAPH = graph
    files = None if "fork" in methods else graph_files()
    child = ctx.Process(target=_query_worker, args=(sender, text, fmt, files), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(STARTUP_LIMIT):
            raise RuntimeError("the query process did not start")
        kind, payload = receiver.recv()
        if kind == "ready":
            if not receiver.poll(timeout):
                raise InputError(f"the query took longer than {timeout:g} s; narrow it (LIMIT, fewer unbound "
                                 "patterns) or raise --timeout", where="kg query")
            kind, payload = receiver.recv()
    except EOFError:
        raise InputError("the query stopped without an answer (out of memory?); narrow it",
                         where="kg query") from None
    finally:
        _FORKED_GRAPH = None
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind != "ok":
        raise InputError(f"SPARQL error: {payload}", where="kg query")
    return payload


def _query_worker(sender, text: str, fmt: str, files: list[Path] | None) -> None:
    """In the child: evaluate the query (rdflib evaluates while the rows are read) and send the output."""
    from suppcheck.compiler import parse_graph, quiet_rdflib

    try:
        with quiet_rdflib():
            graph = _FORKED_GRAPH if files is None else parse_graph(files)
            sender.send(("ready", None))
            sender.send(("ok", _evaluate(graph, text, fmt)))
    except Exception as exc:  # any evaluation error is reported, never a traceback from the child
        sender.send(("error", _describe(exc)))
    finally:
        sender.close()


def _evaluate(graph, text: str, fmt: str) -> str:
    result = graph.query(text, initNs=PREFIXES)
    if result.type == "ASK":
        return json.dumps(bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = []
    for row in result:
        if len(rows) == MAX_ROWS:
            raise ValueError(f"more than {MAX_ROWS} rows; add LIMIT or narrow the query")
        rows.append([None if v is None else str(v) for v in row])
    if fmt == Format.json.value:
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], indent=2)
    return "\n".join(["\t".join(names), *("\t".join(v or "" for v in r) for r in rows)])


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
    sparql: str | None = typer.Argument(None, help="A SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query"),
    file: Path | None = typer.Option(None, "--file", help="Read the query from a file"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (tab-separated) or json"),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, max=3600.0,
                                  help="Stop the query after this many seconds (exit 2)"),
) -> None:
    """Run a read-only SPARQL query over the graph (prefixes sc:, skos:, dcterms: ... are predefined).

    SERVICE, FROM, FROM NAMED and updates are refused: the query reads the local graph only.
    """
    text = _query_text(sparql, file)
    _check_query(text)
    write(_run_limited(_graph(), text, fmt.value, timeout))


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
