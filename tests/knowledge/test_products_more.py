"""Products added beside the curated rounds: each line is read as its ingredients, and an ingredient's finding
names the product line."""

from __future__ import annotations


def test_phlogenzym_is_read_as_bromelain_and_pancreatic_enzymes(real_checker):
    line = "Phlogenzym 2 tablets three times daily"
    result = real_checker.check(drugs=["apixaban 5 mg twice daily"], supplements=[line])
    item = result.items[1]
    assert {c.match.name for c in item.components if c.match.method == "product"} == {"bromelain",
                                                                                     "pancreatic enzymes"}
    bromelain = [f for f in result.findings if f.supplement.name == "bromelain"]
    assert bromelain and all(f.supplement.input == line for f in bromelain)


def test_the_graph_holds_at_least_150_products(real_checker):
    assert real_checker.kb.stats()["products"] >= 150


def test_every_product_of_the_graph_is_read_as_its_own_ingredients_by_its_name(real_checker):
    """Each product's name, as a line, gives exactly the ingredients its file lists (never the product itself,
    never another product's); a name clash or a lost ingredient fails here, for every product."""
    from tests_support import product_ingredients

    kb = real_checker.kb
    wrong = {}
    for product in kb.of_kind("product"):
        expected = {kb.name_of(part) for part in product.parts}
        got = product_ingredients(real_checker, product.name)
        if got != expected:
            wrong[product.name] = (sorted(got), sorted(expected))
    assert not wrong, wrong
