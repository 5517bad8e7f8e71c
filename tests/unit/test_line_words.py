"""Words before a name that only describe the product ("organic", "pure", "decaffeinated") are read, not
left over: the line is recognised as the product it names."""

from __future__ import annotations

import pytest


def _read_whole(checker, line: str, drug: str = "warfarin"):
    """The check of one supplement line with a drug, and the line's item, which must be read with nothing left over."""
    result = checker.check(drugs=[drug], supplements=[line])
    item = result.items[-1]
    assert item.status.value == "recognized", item
    assert not (item.reading and item.reading.unread), item.reading
    return result, item


@pytest.mark.parametrize("line,name", [("organic turmeric 500 mg", "turmeric"), ("pure fish oil 2 g", "fish oil"),
                                       ("organic green tea 3 cups", "green tea"),
                                       ("decaffeinated green tea 2 cups daily", "green tea"),
                                       ("Organic India ashwagandha 300 mg", "ashwagandha")])
def test_words_before_a_name_that_only_describe_the_product_are_read(real_checker, line, name):
    _result, item = _read_whole(real_checker, line)
    assert item.match.name == name, item


def test_a_describing_word_alone_names_nothing(real_checker):
    result = real_checker.check(drugs=["warfarin"], supplements=["organic"])
    assert result.items[-1].status.value == "unrecognized"


@pytest.mark.parametrize("line,entity", [("Vit D 50,000 IU weekly", "vitamin-d"), ("Mag citrate 200mg", "magnesium"),
                                         ("mag oxide 400 mg", "magnesium"), ("Ginger chews", "ginger"),
                                         ("Flaxseed 1 tbsp ground", "flaxseed"), ("Nattokinase 2000 FU", "nattokinase"),
                                         ("Mistletoe injections (Iscador) 3x/week", "mistletoe"),
                                         ("Medicinal mushrooms (turkey tail) 3 g", "turkey-tail")])
def test_shorthand_and_describing_words_leave_nothing_unread(real_checker, line, entity):
    result, item = _read_whole(real_checker, line)
    assert any(f.supplement.id.endswith("/" + entity) for f in result.findings) or \
        (item.match and item.match.id.endswith("/" + entity)) or \
        any(c.match and c.match.id.endswith("/" + entity) for c in item.components)


@pytest.mark.parametrize("line,entity", [("cranberries", "cranberry"), ("dried cranberries 1 cup", "cranberry"),
                                         ("flax seeds 1 tbsp", "flaxseed"), ("grapefruits", "grapefruit")])
def test_a_plural_of_a_name_the_graph_knows_is_read(real_checker, line, entity):
    _result, item = _read_whole(real_checker, line)
    assert item.match.id.endswith("/" + entity), item


def test_cranberries_reach_warfarin(real_checker):
    """The reason plurals matter: cranberry with warfarin is a curated pair."""
    plural = real_checker.check(drugs=["warfarin"], supplements=["cranberries daily"])
    singular = real_checker.check(drugs=["warfarin"], supplements=["cranberry daily"])
    assert [f.title for f in plural.findings] == [f.title for f in singular.findings] and plural.findings


@pytest.mark.parametrize("line,entity", [("a glass of grapefruit juice", "grapefruit"),
                                         ("8 oz grapefruit juice every morning", "grapefruit"),
                                         ("2 cups of green tea daily", "green-tea"),
                                         ("half a grapefruit daily", "grapefruit")])
def test_an_amount_written_before_the_name_is_read(real_checker, line, entity):
    result, item = _read_whole(real_checker, line, "imatinib")
    assert item.match.id.endswith("/" + entity), item
    if entity == "grapefruit":  # the reason it matters: grapefruit with imatinib is found
        assert any(f.supplement.id.endswith("/grapefruit") for f in result.findings)


@pytest.mark.parametrize("line", ["a", "one", "2 cups", "a glass of"])
def test_an_amount_alone_names_nothing(real_checker, line):
    result = real_checker.check(drugs=["imatinib"], supplements=[line])
    assert result.items[-1].status.value == "unrecognized"


def test_d3_and_k2_written_alone_are_the_vitamins(real_checker):
    """"D3+K2" is a common product: its K2 meets warfarin."""
    result, _item = _read_whole(real_checker, "D3+K2")
    assert any(f.supplement.id.endswith("/vitamin-k") and f.drug for f in result.findings)


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_compiled_pattern():
    import re

    from suppcheck import dosing
    from suppcheck.text import LazyPattern, lazy_re

    lazy = lazy_re(r"\b(\d+)\s*mg\b", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    compiled = re.compile(r"\b(\d+)\s*mg\b", re.IGNORECASE)
    text = "Fish oil 1000 MG, 2 mg of this"
    assert lazy.search(text).group(1) == compiled.search(text).group(1) == "1000"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("#", text) == compiled.sub("#", text)
    assert lazy.pattern == compiled.pattern and lazy.flags == compiled.flags
    assert vars(lazy)["search"].__self__ is vars(lazy)["compiled"]  # the compiled pattern's own bound method
    assert isinstance(dosing._DOSE, LazyPattern)
    assert dosing.parse_item("St John's wort 300 mg three times daily").dose.per_day == 900


@pytest.mark.parametrize("line,name", [("daily aspirin", "aspirin"), ("low dose aspirin 81 mg", "aspirin"),
                                       ("baby aspirin", "aspirin"), ("weekly paclitaxel", "paclitaxel"),
                                       ("extra strength Tylenol", "acetaminophen")])
def test_words_before_a_drug_that_say_how_it_is_taken_are_read(real_checker, line, name):
    result = real_checker.check(drugs=[line], supplements=["fish oil"])
    item = result.items[0]
    assert item.status.value == "recognized" and item.match.name == name, item
    assert not (item.reading and item.reading.unread), item.reading


def test_a_name_that_begins_with_such_a_word_is_still_itself(real_checker):
    _result, item = _read_whole(real_checker, "low-dose naltrexone 4.5 mg nightly", drug="oxycodone")
    assert item.match.name == "low-dose naltrexone"
    _result, item = _read_whole(real_checker, "nightly melatonin 3 mg")
    assert item.match.name == "melatonin"


def test_a_regimen_written_with_a_slash_inside_a_longer_line_is_read_whole(real_checker):
    """"necitumumab + gem/cis": the split at "/" gave "gem" and "cis", which name nothing; joined, they are
    gemcitabine with cisplatin."""
    result = real_checker.check(drugs=["necitumumab + gem/cis"], supplements=["fish oil"])
    item = result.items[0]
    assert not (item.reading and item.reading.unread), item.reading
    names = {c.match.name for c in item.components if c.match}
    assert {"necitumumab", "gemcitabine", "cisplatin"} <= names
    # two products written with a slash stay two
    result = real_checker.check(drugs=["warfarin"], supplements=["ginkgo/St John's wort"])
    assert {c.match.name for c in result.items[1].components} == {"ginkgo", "St John's wort"}


def test_a_count_written_as_a_word_is_read(real_checker):
    """"Sinemet 25/100 three times daily": "three" was left unread, and the line reported as read only in part."""
    item = real_checker.check(drugs=["Sinemet 25/100 three times daily"], supplements=["iron"]).items[0]
    assert item.status.value == "recognized" and item.match.name == "carbidopa-levodopa"
    assert not (item.reading and item.reading.unread), item.reading
