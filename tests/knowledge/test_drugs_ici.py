"""Immunotherapies given by infusion, injection or instillation (real graph).

Eight checkpoint inhibitor antibodies (cemiplimab, dostarlimab, avelumab, tremelimumab, relatlimab, toripalimab,
tislelizumab, retifanlimab), two recombinant cytokines (aldesleukin, interferon alfa-2b), intravesical BCG live and the
oncolytic virus talimogene laherparepvec. Their names resolve; the checkpoint inhibitors get the class entries
pembrolizumab gets, at the same severity; the cytokines' label warnings reach sedating, blood-pressure-lowering,
liver-toxic and glucose-raising supplements through the graph's rules; none of them is a CYP substrate, so St John's
wort and grapefruit stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import closure as _closure
from drugcheck import pair as _pair
from suppcheck.models import Role

NEW_CHECKPOINT_INHIBITORS = ["cemiplimab", "dostarlimab", "avelumab", "tremelimumab", "relatlimab", "toripalimab",
                             "tislelizumab", "retifanlimab"]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("cemiplimab", "cemiplimab"), ("cemiplimab-rwlc", "cemiplimab"), ("Libtayo", "cemiplimab"),
    ("dostarlimab", "dostarlimab"), ("dostarlimab-gxly", "dostarlimab"), ("Jemperli", "dostarlimab"),
    ("avelumab", "avelumab"), ("Bavencio", "avelumab"), ("MSB0010718C", "avelumab"),
    ("tremelimumab", "tremelimumab"), ("tremelimumab-actl", "tremelimumab"), ("Imjudo", "tremelimumab"),
    ("relatlimab", "relatlimab"), ("relatlimab-rmbw", "relatlimab"),
    ("toripalimab", "toripalimab"), ("toripalimab-tpzi", "toripalimab"), ("Loqtorzi", "toripalimab"),
    ("Tuoyi", "toripalimab"),
    ("tislelizumab", "tislelizumab"), ("tislelizumab-jsgr", "tislelizumab"), ("Tevimbra", "tislelizumab"),
    ("retifanlimab", "retifanlimab"), ("retifanlimab-dlwr", "retifanlimab"), ("Zynyz", "retifanlimab"),
    ("aldesleukin", "aldesleukin"), ("Proleukin", "aldesleukin"), ("interleukin-2", "aldesleukin"),
    ("IL-2", "aldesleukin"),
    ("interferon alfa-2b", "interferon alfa-2b"), ("interferon alpha-2b", "interferon alfa-2b"),
    ("Intron A", "interferon alfa-2b"),
    ("BCG", "BCG live (intravesical)"), ("TICE BCG", "BCG live (intravesical)"),
    ("BCG live", "BCG live (intravesical)"), ("intravesical BCG", "BCG live (intravesical)"),
    ("bacillus Calmette-Guerin", "BCG live (intravesical)"),
    ("talimogene laherparepvec", "talimogene laherparepvec"), ("Imlygic", "talimogene laherparepvec"),
    ("T-VEC", "talimogene laherparepvec"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize("text", ["BCG", "IL-2", "Intron A", "T-VEC"])
def test_short_names_are_not_supplements(real_checker, text):
    # "BCG" and the other short names must name the drug only: no supplement is recognised by them
    res = real_checker.resolve(text, "supplement")
    assert res.status.value != "recognized" or res.match.name in {"BCG live (intravesical)", "aldesleukin",
                                                                   "interferon alfa-2b",
                                                                   "talimogene laherparepvec"}, res.match.name


@pytest.mark.parametrize(("line", "expected"), [
    ("Libtayo 350 mg IV q3w", ["cemiplimab"]),
    ("Jemperli 500 mg IV every 3 weeks", ["dostarlimab"]),
    ("Bavencio 800 mg IV q2w", ["avelumab"]),
    ("Loqtorzi 240 mg IV q3w", ["toripalimab"]),
    ("Tevimbra 200 mg IV q3w", ["tislelizumab"]),
    ("Zynyz 500 mg IV q4w", ["retifanlimab"]),
    ("Proleukin 600,000 IU/kg IV q8h", ["aldesleukin"]),
    ("Intron A 20 MIU/m2 IV 5 days/week", ["interferon alfa-2b"]),
    ("TICE BCG intravesical weekly x 6", ["BCG live (intravesical)"]),
    ("Imlygic intralesional q2w", ["talimogene laherparepvec"]),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == expected, line


def test_tremelimumab_with_durvalumab_reads_both(real_checker):
    item, _ = real_checker.item("Imjudo 300 mg IV once with durvalumab", Role.drug)
    names = [item.match.name] if item.match is not None else [
        c.match.name for c in item.components if c.match is not None]
    assert names == ["tremelimumab", "durvalumab"]


# ----------------------------------------------------------------------------- classes
@pytest.mark.parametrize("drug", NEW_CHECKPOINT_INHIBITORS)
def test_checkpoint_inhibitors_are_in_the_class(real_checker, drug):
    assert {"immune-checkpoint-inhibitor", "monoclonal-antibody"} <= _closure(real_checker, drug)


@pytest.mark.parametrize(("drug", "cls"), [
    ("aldesleukin", "cytokine-therapy"),
    ("interferon-alfa-2b", "cytokine-therapy"),
    ("bcg-live", "intravesical-bcg"),
    ("talimogene-laherparepvec", "oncolytic-virus"),
])
def test_other_immunotherapies_have_their_own_class(real_checker, drug, cls):
    closure = _closure(real_checker, drug)
    assert cls in closure
    # not antibodies: class entries for checkpoint inhibitors or antibodies must not reach them
    assert "immune-checkpoint-inhibitor" not in closure and "monoclonal-antibody" not in closure


@pytest.mark.parametrize("drug", NEW_CHECKPOINT_INHIBITORS)
@pytest.mark.parametrize("supplement", ["probiotics", "mistletoe", "cannabis"])
def test_checkpoint_class_entries_reach_the_new_drug_as_pembrolizumab(real_checker, drug, supplement):
    ref = _pair(real_checker.check(drugs=["pembrolizumab"], supplements=[supplement]), supplement, "pembrolizumab")
    new = _pair(real_checker.check(drugs=[drug], supplements=[supplement]), supplement, drug)
    assert len(ref) == 1 and len(new) == 1, (drug, supplement)
    assert new[0].severity == ref[0].severity
    assert new[0].title == ref[0].title


def test_class_entries_do_not_reach_the_cytokines(real_checker):
    result = real_checker.check(drugs=["aldesleukin", "BCG"], supplements=["probiotics"])
    assert not [f for f in result.findings if f.drug is not None
                and f.drug.name in {"aldesleukin", "BCG live (intravesical)"}]


# ----------------------------------------------------------------------------- cytokines' label warnings
@pytest.mark.parametrize(("supplement", "name", "words"), [
    # Swiss product information: antihypertensives potentiate the fall in blood pressure (capillary leak)
    ("garlic", "garlic", "blood-pressure-lowering effect of aldesleukin"),
    # boxed neurologic toxicity and the CNS interaction sentence
    ("valerian", "valerian", "sedation of aldesleukin"),
    # hepatotoxic drugs raise its liver toxicity
    ("green tea extract", "green tea", "liver toxicity of aldesleukin"),
])
def test_aldesleukin_warnings_reach_supplements(real_checker, supplement, name, words):
    [f] = _pair(real_checker.check(drugs=["Proleukin 600,000 IU/kg IV q8h"], supplements=[supplement]),
                name, "aldesleukin")
    assert f.severity.value == "moderate"
    assert words in f.title


@pytest.mark.parametrize(("supplement", "name", "words"), [
    ("niacin 1 g daily", "niacin", "raise blood glucose during interferon alfa-2b"),
    ("kava", "kava", "liver toxicity of interferon alfa-2b"),
])
def test_interferon_warnings_reach_supplements(real_checker, supplement, name, words):
    [f] = _pair(real_checker.check(drugs=["Intron A"], supplements=[supplement]), name, "interferon alfa-2b")
    assert f.severity.value == "moderate"
    assert words in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize("drug", NEW_CHECKPOINT_INHIBITORS + ["aldesleukin", "interferon alfa-2b", "BCG",
                                                             "talimogene laherparepvec"])
def test_no_cyp_finding(real_checker, drug):
    # proteins and live organisms: no CYP3A substrate role, so the inducer and the inhibitor stay silent
    result = real_checker.check(drugs=[drug], supplements=["St John's wort", "grapefruit"])
    assert not [f for f in result.findings if f.drug is not None and f.severity.value in {"moderate", "major"}]


def test_niacin_below_lipid_doses_is_silent_with_interferon(real_checker):
    result = real_checker.check(drugs=["interferon alfa-2b"], supplements=["niacin 250 mg daily"])
    assert not _pair(result, "niacin", "interferon alfa-2b")
