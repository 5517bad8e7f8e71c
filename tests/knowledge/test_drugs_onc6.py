"""Anticancer and supportive oncology drugs added together (real graph): ensartinib, taletrectinib, sunvozertinib,
zongertinib, imlunestrant, trilaciclib, uridine triacetate and glucarpidase.

Their names, brands, salts and code names resolve to them; the label instruction recorded (taletrectinib: avoid
grapefruit) gives its severity; the warnings recorded as properties reach the family rules (hepatotoxicity of
taletrectinib and zongertinib, photosensitivity of taletrectinib, estrogen-axis endocrine therapy for imlunestrant);
and pairs the graph has no fact for stay silent (trilaciclib is an infusion outside the kinase-inhibitor class
entries; the antidotes carry no enzyme claim).
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("ensartinib", "ensartinib"),
    ("Ensacove", "ensartinib"),
    ("ensartinib hydrochloride", "ensartinib"),
    ("taletrectinib", "taletrectinib"),
    ("Ibtrozi", "taletrectinib"),
    ("taletrectinib adipate", "taletrectinib"),
    ("sunvozertinib", "sunvozertinib"),
    ("Zegfrovy", "sunvozertinib"),
    ("zongertinib", "zongertinib"),
    ("Hernexeos", "zongertinib"),
    ("BI 1810631", "zongertinib"),
    ("imlunestrant", "imlunestrant"),
    ("Inluriyo", "imlunestrant"),
    ("imlunestrant tosylate", "imlunestrant"),
    ("trilaciclib", "trilaciclib"),
    ("Cosela", "trilaciclib"),
    ("uridine triacetate", "uridine triacetate"),
    ("Vistogard", "uridine triacetate"),
    ("Xuriden", "uridine triacetate"),
    ("glucarpidase", "glucarpidase"),
    ("Voraxaze", "glucarpidase"),
    # code names and the enzyme name, each read on a page cited in the drug file
    ("X-396", "ensartinib"),
    ("DS-6051b", "taletrectinib"),
    ("AB-106", "taletrectinib"),
    ("DZD9008", "sunvozertinib"),
    ("LY3484356", "imlunestrant"),
    ("G1T28", "trilaciclib"),
    ("carboxypeptidase G2", "glucarpidase"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Ensacove 225 mg once daily", "ensartinib"),
    ("Ibtrozi 600 mg daily on an empty stomach", "taletrectinib"),
    ("Zegfrovy 200 mg daily", "sunvozertinib"),
    ("Hernexeos 120 mg once daily", "zongertinib"),
    ("Inluriyo 400 mg daily", "imlunestrant"),
    ("Cosela 240 mg/m2 IV before chemo", "trilaciclib"),
    ("Vistogard 10 g every 6 hours", "uridine triacetate"),
    ("Voraxaze 50 units/kg IV once", "glucarpidase"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize("supplement", ["grapefruit juice", "grapefruit"])
def test_taletrectinib_label_avoid_grapefruit_gives_major(real_checker, supplement):
    # US label, section 2: "Avoid food or drink containing grapefruit during treatment with IBTROZI."
    result = real_checker.check(drugs=["Ibtrozi 600 mg daily"], supplements=[supplement])
    [f] = _pair(result, "grapefruit", "taletrectinib")
    assert f.severity.value == "major"
    assert "the label says avoid grapefruit" in f.title


# ----------------------------------------------------------------------------- properties from the warnings
@pytest.mark.parametrize("drug", ["taletrectinib", "zongertinib"])
def test_hepatotoxic_drug_with_green_tea_extract_is_moderate(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["green tea extract 800 mg"])
    [f] = _pair(result, "green tea", drug)
    assert f.severity.value == "moderate"
    assert "liver" in f.title


def test_taletrectinib_photosensitivity_reaches_st_johns_wort(real_checker):
    # the exposure concern (class entry for kinase inhibitors) leads; the photosensitivity rule stays in the notes
    result = real_checker.check(drugs=["taletrectinib"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "taletrectinib")
    assert f.severity.value == "major"
    assert any("photosensitivity of taletrectinib" in n for n in f.notes)


def test_imlunestrant_with_soy_isoflavones_may_counteract(real_checker):
    # prop:hormone-therapy-estrogen meets an estrogenic supplement (theoretical rule, so minor when inferred)
    result = real_checker.check(drugs=["Inluriyo 400 mg daily"], supplements=["soy isoflavones"])
    [f] = _pair(result, "soy isoflavones", "imlunestrant")
    assert f.severity.value == "minor"
    assert "may counteract imlunestrant" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # an infusion outside the kinase-inhibitor class entries, with no CYP claim recorded
    ("trilaciclib", "St John's wort"),
    ("trilaciclib", "grapefruit"),
    # no interaction section read for imlunestrant, and SERDs carry no grapefruit entry
    ("imlunestrant", "grapefruit"),
    # the antidotes carry no enzyme or property claim; glucarpidase's label names leucovorin, not folic acid
    ("uridine triacetate", "St John's wort"),
    ("glucarpidase", "folic acid 1 mg"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
