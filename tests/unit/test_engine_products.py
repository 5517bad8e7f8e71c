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


ALTERNATIVES = PRODUCT + """
rule:antithrombotic--surgery a sc:PharmacodynamicRule ;
    sc:supplementProperty prop:antiplatelet ; sc:context ctx:surgery ; sc:severity "moderate" ;
    sc:title "{supplement} before surgery" ; sc:effect "more bleeding" ;
    sc:management "Stop {supplement} before surgery." ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
supp:bleedroot sc:alternative [ sc:text "Bleedroot tea in food amounts" ; sc:context ctx:surgery ;
        sc:evidenceLevel "theoretical" ; dcterms:source src:test-source ] ,
    [ sc:text "Ask what bleedroot is taken for" ; sc:evidenceLevel "theoretical" ; dcterms:source src:test-source ] .
"""


def test_a_finding_carries_the_alternatives_for_its_concern(make_checker):
    checker = make_checker(ALTERNATIVES)
    surgery = checker.check(supplements=["bleedroot"], context=["surgery"]).findings
    assert sorted(a.text for a in surgery[0].alternatives) == ["Ask what bleedroot is taken for",
                                                                "Bleedroot tea in food amounts"]
    with_drug = checker.check(drugs=["thinnin"], supplements=["bleedroot"]).findings
    assert [a.text for a in with_drug[0].alternatives] == ["Ask what bleedroot is taken for"], "the surgery one is scoped"
    assert with_drug[0].alternatives[0].sources[0].title == "Test fixture source"


def test_the_table_and_markdown_say_what_to_take_instead(make_checker):
    from suppcheck_cli.render import markdown

    result = make_checker(ALTERNATIVES).check(supplements=["bleedroot"], context=["surgery"])
    text = markdown(result)
    assert "Instead: Bleedroot tea in food amounts [1]" in text and "[1] Test fixture source" in text


def test_the_library_batch_gives_one_outcome_per_label_in_order_on_workers():
    import suppcheck

    texts = ["Supplement Facts\nGinkgo biloba leaf extract 120 mg", "Directions: take one capsule daily with food.",
             "St John's wort extract 300 mg"] * 3
    one = suppcheck.check_labels(texts, {"drugs": ["warfarin"]}, workers=1)
    two = suppcheck.check_labels(texts, {"drugs": ["warfarin"]}, workers=2)
    assert len(one) == len(two) == len(texts)
    assert [o.error is None for o in one] == [True, False, True] * 3
    assert [o.result.model_dump() if o.result else o.error for o in one] == \
           [o.result.model_dump() if o.result else o.error for o in two]
