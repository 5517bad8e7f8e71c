"""Supportive and comorbidity drugs added together (real graph): nadolol, teriparatide, vilazodone, the triptans
rizatriptan, eletriptan, zolmitriptan and naratriptan, the cephalosporins cefuroxime and cefdinir, and nefazodone.

Their names, brands and salts resolve to them; the label instructions recorded (vilazodone with strong CYP3A4
inhibitors and inducers, eletriptan with potent CYP3A4 inhibitors) are in the graph and give their severity where
the graph grades a supplement in the label's category (St John's wort for strong CYP3A4 inducers); the warnings
recorded as properties reach the family rules (serotonergic triptans, a hepatotoxic and sedating nefazodone); the
green tea study with nadolol is a curated pair; and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair

DRUG = "https://w3id.org/suppcheck/drug/"


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("nadolol", "nadolol"),
    ("Corgard", "nadolol"),
    ("teriparatide", "teriparatide"),
    ("Forteo", "teriparatide"),
    ("Forsteo", "teriparatide"),
    ("Bonsity", "teriparatide"),
    ("vilazodone", "vilazodone"),
    ("Viibryd", "vilazodone"),
    ("vilazodone hydrochloride", "vilazodone"),
    ("rizatriptan", "rizatriptan"),
    ("Maxalt", "rizatriptan"),
    ("Maxalt-MLT", "rizatriptan"),
    ("rizatriptan benzoate", "rizatriptan"),
    ("eletriptan", "eletriptan"),
    ("Relpax", "eletriptan"),
    ("eletriptan hydrobromide", "eletriptan"),
    ("zolmitriptan", "zolmitriptan"),
    ("Zomig", "zolmitriptan"),
    ("Zomig-ZMT", "zolmitriptan"),
    ("naratriptan", "naratriptan"),
    ("Amerge", "naratriptan"),
    ("Naramig", "naratriptan"),
    ("cefuroxime", "cefuroxime"),
    ("Ceftin", "cefuroxime"),
    ("cefuroxime axetil", "cefuroxime"),
    ("Zinnat", "cefuroxime"),
    ("cefdinir", "cefdinir"),
    ("Omnicef", "cefdinir"),
    ("nefazodone", "nefazodone"),
    ("Serzone", "nefazodone"),
    ("nefazodone hydrochloride", "nefazodone"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Corgard 80 mg PO once daily", "nadolol"),
    ("Forteo 20 mcg subcutaneous injection once daily", "teriparatide"),
    ("Viibryd 40 mg PO qAM with breakfast", "vilazodone"),
    ("Maxalt-MLT 10 mg ODT as needed, may repeat in 2 h", "rizatriptan"),
    ("Relpax 20 mg tablet as needed, may repeat after 2 hours", "eletriptan"),
    ("Zomig 5 mg nasal spray as needed", "zolmitriptan"),
    ("naratriptan hydrochloride 2.5 mg, may repeat after 4 h", "naratriptan"),
    ("cefuroxime axetil 500 mg BID x 10 days", "cefuroxime"),
    ("Omnicef 600 mg once daily", "cefdinir"),
    ("nefazodone HCl 100 mg tablet twice daily", "nefazodone"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


# ----------------------------------------------------------------------------- label instructions
def _instructions(real_checker, drug):
    lis = real_checker.kb.label_instructions.get(DRUG + drug, ())
    return {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
            for li in lis}


@pytest.mark.parametrize(("drug", "expected"), [
    # VIIBRYD 2: not more than 20 mg once daily with a strong CYP3A4 inhibitor
    ("vilazodone", ("CYP3A4", "inhibition", "strong", "reduce-dose")),
    # VIIBRYD 7: consider up to twice the dose with strong CYP3A4 inducers for more than 14 days
    ("vilazodone", ("CYP3A4", "induction", "strong", "increase-dose")),
    # RELPAX 7.2 and 4: not within 72 hours of potent CYP3A4 inhibitors
    ("eletriptan", ("CYP3A4", "inhibition", "strong", "contraindicated")),
])
def test_label_instruction_is_recorded(real_checker, drug, expected):
    found = _instructions(real_checker, drug)
    assert expected in found, found


def test_vilazodone_with_st_johns_wort_is_major_and_speaks_of_the_label(real_checker):
    # the SSRI class entry (serotonin syndrome) is major; the label's strong-inducer instruction is in its notes
    result = real_checker.check(drugs=["Viibryd 40 mg daily"], supplements=["St John's wort 300 mg three times daily"])
    [f] = _pair(result, "St John's wort", "vilazodone")
    assert f.severity.value == "major"
    assert "serotonin" in f.title
    assert "vilazodone prescribing information speaks to strong CYP3A4 inducers" in f.evidence.summary


def test_eletriptan_with_grapefruit_is_moderate_exposure(real_checker):
    # grapefruit is a moderate CYP3A4 inhibitor in the graph, outside the label's potent-inhibitor category, and
    # eletriptan is a sensitive CYP3A4 substrate (contraindicated within 72 hours of potent CYP3A4 inhibitors)
    result = real_checker.check(drugs=["Relpax 40 mg"], supplements=["grapefruit juice"])
    [f] = _pair(result, "grapefruit", "eletriptan")
    assert f.severity.value == "moderate"
    assert "raise eletriptan exposure" in f.title


# ----------------------------------------------------------------------------- properties from the warnings
@pytest.mark.parametrize("drug", ["rizatriptan", "eletriptan", "zolmitriptan", "naratriptan", "vilazodone"])
def test_serotonergic_drug_with_5_htp_is_flagged(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["5-HTP 100 mg"])
    [f] = _pair(result, "5-HTP", drug)
    assert f.severity.value in {"moderate", "major"}
    assert "seroton" in f.title


def test_nefazodone_with_green_tea_extract_is_moderate_liver(real_checker):
    result = real_checker.check(drugs=["nefazodone 200 mg BID"], supplements=["green tea extract 1000 mg"])
    [f] = _pair(result, "green tea", "nefazodone")
    assert f.severity.value == "moderate"
    assert "liver" in f.title


def test_nefazodone_with_valerian_is_moderate_sedation(real_checker):
    result = real_checker.check(drugs=["nefazodone"], supplements=["valerian"])
    [f] = _pair(result, "valerian", "nefazodone")
    assert f.severity.value == "moderate"
    assert "sedation" in f.title


def test_nefazodone_is_a_strong_cyp3a4_inhibitor(real_checker):
    # oral midazolam AUC +444% (about 5.4-fold): strong by the FDA categories
    mods = real_checker.kb.modulations_of(DRUG + "nefazodone")
    assert any(m.target.endswith("/CYP3A4") and m.action == "inhibition" and m.strength == "strong"
               and m.evidence == "clinical" for m in mods), mods


@pytest.mark.parametrize(("drug", "target", "sensitivity"), [
    ("eletriptan", "CYP3A4", "sensitive"),    # contraindicated with potent CYP3A4 inhibitors
    ("zolmitriptan", "CYP1A2", "minor"),      # cimetidine AUC +48%
])
def test_substrate_roles(real_checker, drug, target, sensitivity):
    subs = real_checker.kb.substrates.get(DRUG + drug, ())
    assert any(s.target.endswith("/" + target) and s.sensitivity == sensitivity for s in subs), subs


def test_vilazodone_induction_fold_change_is_recorded(real_checker):
    # the label: strong CYP3A4 inducers lower vilazodone exposure by about 45%
    subs = real_checker.kb.substrates.get(DRUG + "vilazodone", ())
    assert [s.induction_fold for s in subs if s.target.endswith("/CYP3A4")] == [0.55]


# ----------------------------------------------------------------------------- curated pair
def test_nadolol_with_green_tea_is_moderate_curated(real_checker):
    result = real_checker.check(drugs=["Corgard 80 mg daily"], supplements=["green tea"])
    [f] = _pair(result, "green tea", "nadolol")
    assert f.severity.value == "moderate"
    assert f.evidence.basis == "curated"
    assert "nadolol" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement", "name"), [
    # rizatriptan is cleared by MAO-A, not CYP3A4
    ("rizatriptan", "grapefruit", "rizatriptan"),
    # zolmitriptan's CYP1A2 route is not one grapefruit reaches
    ("zolmitriptan", "grapefruit", "zolmitriptan"),
    # nadolol is excreted unchanged; nothing links it to St John's wort
    ("nadolol", "St John's wort", "nadolol"),
    # nothing links teriparatide to vitamin D, or cefuroxime to fish oil
    ("teriparatide", "vitamin D 1000 IU", "teriparatide"),
    ("cefuroxime", "fish oil 1 g", "cefuroxime"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement, name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == name]
