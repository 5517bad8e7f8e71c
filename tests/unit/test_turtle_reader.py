"""The Turtle reader (Oxigraph's parser, rdflib terms) gives the graph rdflib's own parser gives."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.compare import to_isomorphic
from suppcheck.compiler import parse_graph
from suppcheck.errors import KnowledgeError
from suppcheck.kbfiles import knowledge_dir

# Every kind of term the graph's files use, and some they may: typed numbers, booleans, a date, a language tag,
# escapes, a long string, nested blank nodes and a list.
TERMS = '''@prefix sc: <https://w3id.org/suppcheck/vocab#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
sc:a skos:prefLabel "St John\\u2019s wort" ; skos:altLabel "Johanniskraut"@de, "hyperici herba"@la ;
    sc:year 2014 ; sc:fold 0.83 ; sc:ratio 1.5e2 ; sc:flag true ; sc:when "2024-05-01"^^xsd:date ;
    sc:note """two
lines with "quotes" and a tab\\t""" ;
    sc:claim [ sc:target sc:b ; sc:inner [ sc:x 1 ] ] , [ sc:target sc:c ] ;
    sc:list ( sc:b sc:c "d" ) .
'''


def _rdflib(path):
    return rdflib.Graph().parse(path, format="turtle")


def test_terms_read_as_rdflib_reads_them(tmp_path):
    path = tmp_path / "terms.ttl"
    path.write_text(TERMS, encoding="utf-8")
    ours, theirs = parse_graph([path]), _rdflib(path)
    assert len(ours) == len(theirs) == 22
    assert to_isomorphic(ours) == to_isomorphic(theirs)
    label = next(ours.objects(None, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))
    assert label.datatype is None and label.language is None  # a plain string, as rdflib makes it


@pytest.mark.parametrize("name", ["vocab.ttl", "shapes.ttl", "drugs/imatinib.ttl", "supplements/st-johns-wort.ttl",
                                  "sources/labels.ttl"])
def test_graph_files_read_as_rdflib_reads_them(name):
    path = knowledge_dir() / name
    ours, theirs = parse_graph([path]), _rdflib(path)
    assert len(ours) == len(theirs) > 20
    assert to_isomorphic(ours) == to_isomorphic(theirs)


def test_blank_nodes_of_two_files_stay_apart_and_keep_their_file(tmp_path):
    text = '@prefix sc: <https://w3id.org/suppcheck/vocab#> .\nsc:{0} sc:claim _:b1 .\n_:b1 sc:x "{0}" .\n'
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    one.write_text(text.format("a"), encoding="utf-8")
    two.write_text(text.format("b"), encoding="utf-8")
    graph = parse_graph([one, two])
    claims = list(graph.objects(None, rdflib.URIRef("https://w3id.org/suppcheck/vocab#claim")))
    assert len(set(claims)) == 2  # the same label in two files is two nodes
    assert sorted(graph.origin[c].name for c in claims) == ["one.ttl", "two.ttl"]


def test_a_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text('@prefix sc: <https://w3id.org/suppcheck/vocab#> .\nsc:a sc:b "c" .\nsc:a sc:b "open .\n',
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        parse_graph([path], tmp_path)
    assert "Turtle syntax error" in str(caught.value)
    assert "broken.ttl:3" in str(caught.value)
