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
