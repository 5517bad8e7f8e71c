"""Hormonal contraceptives added together (real graph): ethinyl estradiol, levonorgestrel, etonogestrel,
desogestrel, drospirenone and norgestimate, the class cls:hormonal-contraceptive (norethindrone is a member too), and
the curated St John's wort entry for the class.

Their names and brands resolve to them; St John's wort gives the class entry (major, clinical) for every member,
with the labels' words (ORTHO TRI-CYCLEN highlights, the Mirena interaction section) kept among the notes; a pair
the graph has no fact for stays silent.
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair
from suppcheck.models import Role

SJW = "St John's wort 300 mg three times daily"
CLASS_TITLE = "St John's wort lowers contraceptive hormone exposure and may make hormonal contraception fail"


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("ethinyl estradiol", "ethinyl estradiol"),
    ("ethinylestradiol", "ethinyl estradiol"),
    ("ethinyloestradiol", "ethinyl estradiol"),
    ("levonorgestrel", "levonorgestrel"),
    ("Plan B One-Step", "levonorgestrel"),
    ("Plan B", "levonorgestrel"),
    ("Mirena", "levonorgestrel intrauterine system"),
    ("Kyleena", "levonorgestrel intrauterine system"),
    ("Skyla", "levonorgestrel intrauterine system"),
    ("Liletta", "levonorgestrel intrauterine system"),
    ("levonorgestrel IUD", "levonorgestrel intrauterine system"),
    ("etonogestrel", "etonogestrel"),
    ("Nexplanon", "etonogestrel"),
    ("Implanon", "etonogestrel"),
    ("desogestrel", "desogestrel"),
    ("drospirenone", "drospirenone"),
    ("norgestimate", "norgestimate"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


def test_ethinyl_estradiol_is_not_estradiol(real_checker):
    assert real_checker.resolve("estradiol", "drug").match.name == "estradiol"
    assert real_checker.resolve("ethinyl estradiol", "drug").match.name == "ethinyl estradiol"


@pytest.mark.parametrize(("line", "expected"), [
    ("Plan B One-Step 1.5 mg once", "levonorgestrel"),
    ("Mirena IUD", "levonorgestrel intrauterine system"),
    ("Kyleena IUD", "levonorgestrel intrauterine system"),
    ("Nexplanon implant", "etonogestrel"),
    ("Nexplanon 68 mg implant left arm", "etonogestrel"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line
    item, _ = real_checker.item(line, Role.drug)
    assert not (item.reading.unread if item.reading else []), item.reading


# ----------------------------------------------------------------------------- class
@pytest.mark.parametrize("drug", ["ethinyl estradiol", "levonorgestrel", "etonogestrel", "desogestrel",
                                  "drospirenone", "norgestimate", "norethindrone"])
def test_members_of_the_hormonal_contraceptive_class(real_checker, drug):
    iri = real_checker.resolve(drug, "drug").match.id
    classes = real_checker.kb.entities[iri].classes
    assert any(c.endswith("/hormonal-contraceptive") for c in classes), classes


def test_the_estrogen_keeps_its_chemical_class(real_checker):
    iri = real_checker.resolve("ethinyl estradiol", "drug").match.id
    assert any(c.endswith("/estrogen") for c in real_checker.kb.entities[iri].classes)


# ----------------------------------------------------------------------------- St John's wort
@pytest.mark.parametrize("drug", ["ethinyl estradiol", "levonorgestrel", "etonogestrel", "desogestrel",
                                  "drospirenone", "norgestimate", "norethindrone"])
def test_st_johns_wort_gives_the_class_entry_for_every_member(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=[SJW])
    [f] = _pair(result, "St John's wort", drug)
    assert f.severity.value == "major"
    assert f.title == CLASS_TITLE
    assert f.evidence.level.value == "clinical"
    assert f.evidence.basis.value == "curated"
    assert "14663455" in " ".join(str(src) for src in f.evidence.sources)
    assert "non-hormonal" in f.management


def test_the_combined_pill_label_stays_among_the_notes(real_checker):
    """The ORTHO TRI-CYCLEN highlights (counsel a back-up method with enzyme inducers) are recorded as monitor:
    the stricter class entry heads the finding and the label's words stay in its notes."""
    result = real_checker.check(drugs=["norgestimate"], supplements=[SJW])
    [f] = _pair(result, "St John's wort", "norgestimate")
    assert f.title == CLASS_TITLE
    assert any("the label says monitor with CYP3A4 inducers" in n for n in f.notes), f.notes


def test_the_mirena_label_names_st_johns_wort(real_checker):
    """The intrauterine system is not in the class of hormonal contraceptives (the class entry rests on studies of
    pills): its label's monitor, which gives no action and no effect on contraception, speaks for it."""
    result = real_checker.check(drugs=["Mirena"], supplements=[SJW])
    [f] = _pair(result, "St John's wort", "levonorgestrel intrauterine system")
    assert f.title != CLASS_TITLE
    assert "the label says monitor with St John's wort" in f.title, f.title
    assert f.severity.value != "major"


def test_plan_b_is_in_the_class(real_checker):
    result = real_checker.check(drugs=["Plan B One-Step"], supplements=[SJW])
    [f] = _pair(result, "St John's wort", "levonorgestrel")
    assert f.title == CLASS_TITLE
    assert f.severity.value == "major"


def test_medroxyprogesterone_keeps_its_own_label(real_checker):
    """Depo-subQ provera's label (avoid St John's wort) is not a member's and still speaks for it."""
    result = real_checker.check(drugs=["medroxyprogesterone"], supplements=[SJW])
    [f] = _pair(result, "St John's wort", "medroxyprogesterone")
    assert f.severity.value == "major"
    assert "the label says avoid" in f.title


# ----------------------------------------------------------------------------- silence
@pytest.mark.parametrize(("drug", "supplement"), [
    ("Nexplanon", "vitamin D 2000 IU daily"),
    ("ethinyl estradiol", "fish oil 1 g daily"),
])
def test_no_fact_no_finding(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert [f for f in result.findings if f.drug is not None] == []
