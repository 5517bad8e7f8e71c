"""The curated graph: every file parses, the whole graph conforms to shapes.ttl, integrity holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from suppcheck.kbfiles import graph_files, knowledge_dir
from suppcheck.validation import validate_knowledge

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"


@pytest.mark.parametrize("path", graph_files(), ids=lambda p: p.name)
def test_every_file_parses(path):
    rdflib.Graph().parse(path, format="turtle")


def test_whole_graph_is_valid():
    problems, triples = validate_knowledge()
    assert triples > 0
    assert not problems, "\n".join(str(p) for p in problems[:50]) + "\n(see knowledge/README.md)"


def _shape_names() -> list[str]:
    text = (knowledge_dir() / "shapes.ttl").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"^scsh:(\w+) a sh:NodeShape", text, re.MULTILINE)))


def test_every_shape_has_a_valid_and_an_invalid_fixture():
    names = _shape_names()
    assert len(names) >= 10
    for name in names:
        assert (FIXTURES / "valid" / f"{name}.ttl").is_file(), f"add tests/fixtures/shapes/valid/{name}.ttl"
        assert (FIXTURES / "invalid" / f"{name}.ttl").is_file(), f"add tests/fixtures/shapes/invalid/{name}.ttl"


@pytest.mark.parametrize("name", _shape_names())
def test_shape_accepts_valid_and_rejects_invalid(tmp_path, name):
    from tests_support import build_fixture_dir

    # A fixture is a fragment: it need not hold a supplement as a graph to check against must.
    valid, _ = validate_knowledge(build_fixture_dir(tmp_path / "v", FIXTURES / "valid" / f"{name}.ttl"),
                                  complete=False)
    assert not valid, f"valid fixture for {name} rejected: " + "; ".join(map(str, valid))
    invalid, _ = validate_knowledge(build_fixture_dir(tmp_path / "i", FIXTURES / "invalid" / f"{name}.ttl"),
                                    complete=False)
    assert invalid, f"invalid fixture for {name} was accepted"


def test_each_supplement_and_drug_lives_in_its_own_file():
    for folder in ("supplements", "drugs"):
        for path in (knowledge_dir() / folder).glob("*.ttl"):
            if path.name.startswith("_"):
                continue
            text = path.read_text(encoding="utf-8")
            kinds = re.findall(r"a sc:(Supplement|Drug)\b", text)
            assert len(kinds) == 1, f"{folder}/{path.name}: one monograph per file (found {len(kinds)})"


@pytest.mark.parametrize(("body", "message"), [
    ('drug:a a sc:Drug ; skos:prefLabel "a" ; sc:rxcui "1001" .\ndrug:b a sc:Drug ; skos:prefLabel "b" ; sc:rxcui "1001" .',
     "RxCUI 1001 is given to several drugs"),
    ('drug:a a sc:Drug ; skos:prefLabel "a" ; sc:rxcui "RX-1" .', "not an RxNorm concept identifier"),
])
def test_an_rxcui_names_one_drug_and_is_a_number(tmp_path, body, message):
    from tests_support import build_kb_dir

    problems, _ = validate_knowledge(build_kb_dir(tmp_path / "kb", body), complete=False)
    assert any(message in p.message for p in problems), problems


def test_stats_count_the_drugs_with_an_rxcui():
    from suppcheck import KnowledgeBase

    stats = KnowledgeBase.load(use_cache=False).stats()
    assert 0 < stats["drugs_with_rxcui"] <= stats["drugs"]


REACH = """
supp:herba a sc:Supplement ; skos:prefLabel "herba" ; sc:category "botanical" ;
    sc:hasProperty [ sc:property prop:antiplatelet ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source ] .
drug:thinnin a sc:Drug ; skos:prefLabel "thinnin" ;
    sc:hasProperty [ sc:property prop:anticoagulant ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source ] .
rule:fires a sc:PharmacodynamicRule ; sc:supplementProperty prop:antiplatelet ; sc:drugProperty prop:anticoagulant ;
    sc:severity "moderate" ; sc:title "t" ; sc:effect "e" ; sc:management "m" ; sc:evidenceLevel "clinical" ;
    dcterms:source src:test-source .
"""
RULE = """rule:r a sc:PharmacodynamicRule ; sc:supplementProperty prop:{s} ; sc:{side} {o} ; sc:severity "moderate" ;
    sc:title "t" ; sc:effect "e" ; sc:management "m" ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
"""


@pytest.mark.parametrize(("extra", "message"), [
    (RULE.format(s="antiplatelet", side="drugProperty", o="prop:qt-prolonging"),
     "reads prop:qt-prolonging on a drug, which no drug carries"),
    (RULE.format(s="serotonergic", side="drugProperty", o="prop:anticoagulant"), "can produce no finding"),
    ("prop:orphan a sc:PharmacodynamicProperty ; skos:prefLabel \"orphan\" .", "no rule reads this property"),
    ("ctx:lonely a sc:Context ; skos:prefLabel \"lonely\" .", "no rule or curated interaction reads this context"),
])
def test_reachability_names_the_rule_property_or_context_and_the_fix(tmp_path, extra, message):
    from tests_support import build_kb_dir

    problems, _ = validate_knowledge(build_kb_dir(tmp_path / "kb", REACH + extra))
    assert any(message in p.message for p in problems), [p.message for p in problems]


CLASS_ENTRY = """ix:herba--cls a sc:CuratedInteraction ; sc:supplement supp:herba ; sc:appliesToClass cls:{entry} ;
    sc:kind "pharmacodynamic" ; sc:severity "minor" ; sc:title "t" ; sc:effect "e" ; sc:management "m" ;
    sc:managementFor [ sc:appliesToClass cls:{given} ; sc:management "m for the class" ] ;
    sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
"""


@pytest.mark.parametrize(("entry", "given", "unusable"), [
    ("anticoagulant", "vitamin-k-antagonist", False),  # narrower than the entry's class
    ("anticoagulant", "anticoagulant", False),
    ("antiplatelet", "vitamin-k-antagonist", True),  # a class the entry never reaches
])
def test_a_curated_entrys_class_management_must_be_for_drugs_it_reaches(tmp_path, entry, given, unusable):
    from tests_support import build_kb_dir

    problems, _ = validate_knowledge(build_kb_dir(tmp_path / "kb", REACH + CLASS_ENTRY.format(entry=entry, given=given)))
    found = [p for p in problems if "sc:managementFor" in p.message]
    assert bool(found) is unusable, [p.message for p in problems]
    if unusable:
        assert "cls:vitamin-k-antagonist" in found[0].message and "can never be used" in found[0].message


def test_the_real_graph_has_no_rule_that_cannot_fire_and_nothing_unread():
    from suppcheck.validation import parse_all, reachability_problems

    graph, origin, _ = parse_all(graph_files())
    assert reachability_problems(graph, origin) == []


def test_a_product_and_a_supplement_cannot_share_a_name(tmp_path):
    from tests_support import build_kb_dir

    body = ('supp:huangqin a sc:Supplement ; skos:prefLabel "huangqin" ; skos:altLabel "PHY-test" ; '
            'sc:category "botanical" .\n'
            '<https://w3id.org/suppcheck/product/phy-test> a sc:Product ; skos:prefLabel "PHY-test" ; '
            'sc:productIngredient supp:huangqin ; dcterms:source src:test-source .\n')
    problems, _ = validate_knowledge(build_kb_dir(tmp_path / "kb", body), complete=False)
    assert any("belongs to several entities" in p.message for p in problems), problems


def test_each_source_is_defined_once():
    """Two nodes with one id merge silently in the graph (two addresses, two comments): the text must not."""
    import collections

    counts = collections.Counter(
        m for path in (knowledge_dir() / "sources").glob("*.ttl")
        for m in re.findall(r"^(src:\S+) a bibo:", path.read_text(encoding="utf-8"), re.MULTILINE))
    assert not [s for s, n in counts.items() if n > 1], [s for s, n in counts.items() if n > 1]


def test_each_source_is_cited_or_named(real_checker):
    """A source that no claim cites and no file names is a reference nobody checks against anything: it goes.

    A source named only in a comment stays: it records what was read for an entity that holds no claim
    from it (what a reference said about a supplement, where nothing could be graded)."""
    base = "https://w3id.org/suppcheck/source/"
    sources = {path: path.read_text(encoding="utf-8") for path in (knowledge_dir() / "sources").glob("*.ttl")}
    defined = {m for text in sources.values() for m in re.findall(r"^(src:\S+) a bibo:", text, re.MULTILINE)}
    assert len(defined) > 500
    uncited = {s for s in defined if base + s.removeprefix("src:") not in real_checker.kb.sources}
    others = "\n".join(p.read_text(encoding="utf-8") for p in graph_files() if p not in sources)
    unnamed = sorted(s for s in uncited if not re.search(re.escape(s) + r"(?![\w.-])", others))
    assert not unnamed, unnamed


def test_no_curated_entry_or_label_instruction_carries_a_placeholder(real_checker):
    """Only rules fill in {supplement}, {drug} and {context}: a curated entry's text is shown as written."""
    import re

    kb = real_checker.kb
    texts = [(ix.id, t) for ixs in kb.interactions_by_supplement.values() for ix in ixs
             for t in (ix.title, ix.effect, ix.management, ix.summary, *(m for _c, m in ix.class_management))]
    texts += [(drug, t) for drug, lis in kb.label_instructions.items() for li in lis
              for t in (li.label_text or "", li.note or "", li.effect or "")]
    wrong = [(where.rsplit("/", 1)[-1], t[:80]) for where, t in texts if re.search(r"\{(supplement|drug|context)\}", t)]
    assert len(texts) > 1000
    assert not wrong, wrong[:10]
