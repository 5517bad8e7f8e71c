"""A named product is read as its ingredients, each checked, each finding naming the product line."""

from __future__ import annotations

PRODUCT = """
drug:thinnin a sc:Drug ; skos:prefLabel "thinnin" ;
    sc:hasProperty [ sc:property prop:anticoagulant ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source ] .
supp:bleedroot a sc:Supplement ; skos:prefLabel "bleedroot" ; sc:category "botanical" ;
    sc:hasProperty [ sc:property prop:antiplatelet ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source ] .
supp:calmleaf a sc:Supplement ; skos:prefLabel "calmleaf" ; sc:category "botanical" .
<https://w3id.org/suppcheck/product/calmflamend> a sc:Product ; skos:prefLabel "Calmflamend" ;
    skos:altLabel "Calm-Flamend" ; sc:productIngredient supp:bleedroot, supp:calmleaf ;
    dcterms:source src:test-source .
rule:antithrombotic--anticoagulant a sc:PharmacodynamicRule ;
    sc:supplementProperty prop:antiplatelet ; sc:drugProperty prop:anticoagulant ; sc:severity "moderate" ;
    sc:title "{supplement} adds to the bleeding risk of {drug}" ; sc:effect "more bleeding" ;
    sc:management "Avoid {supplement} with {drug}." ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
"""


def test_a_product_line_is_read_as_its_ingredients(make_checker):
    checker = make_checker(PRODUCT)
    result = checker.check(drugs=["thinnin"], supplements=["Calmflamend 2 capsules daily"])
    item = result.items[1]
    assert [c.match.name for c in item.components] == ["bleedroot", "calmleaf"]
    assert all(c.match.method == "product" for c in item.components)
    assert any("its ingredients: bleedroot, calmleaf" in n for n in item.reading.notes)
    [finding] = result.findings
    assert finding.supplement.input == "Calmflamend 2 capsules daily" and finding.supplement.name == "bleedroot"
    assert result.summary.not_checked == []


def test_a_product_named_among_other_things_is_expanded_too(make_checker):
    checker = make_checker(PRODUCT)
    result = checker.check(drugs=["thinnin"], supplements=["Calm-Flamend + bleedroot tea"])
    names = [c.match.name for c in result.items[1].components if c.match]
    assert {"Calmflamend", "bleedroot", "calmleaf"} <= set(names)
    assert [c.match.method for c in result.items[1].components if c.match and c.match.name == "calmleaf"] == ["product"]
    assert result.findings and result.findings[0].severity.value == "moderate"


def test_stats_count_products(make_checker):
    assert make_checker(PRODUCT).kb.stats()["products"] == 1
