"""Supportive-care, radiopharmaceutical and fusion-protein drugs added together (real graph): mesna, dexrazoxane,
amifostine, palifermin, triptorelin, lanreotide, lutetium Lu 177 dotatate, lutetium Lu 177 vipivotide tetraxetan,
radium Ra 223 dichloride, netupitant-palonosetron and fosnetupitant-palonosetron (AKYNZEO), tagraxofusp and
denileukin diftitox.

Their names and brands resolve to them (the AKYNZEO capsule and injection to their own entities); class membership
gives triptorelin and lanreotide the findings goserelin and octreotide get, and the AKYNZEO forms the serotonergic
finding palonosetron gets; netupitant's rifampicin study grades its sensitivity to induction, so St John's wort is
major; the warnings recorded as properties reach their family rules (myelosuppression with fish oil, hypotension
with garlic, liver injury with green tea extract); and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("mesna", "mesna"),
    ("Mesnex", "mesna"),
    ("dexrazoxane", "dexrazoxane"),
    ("Zinecard", "dexrazoxane"),
    ("Totect", "dexrazoxane"),
    ("amifostine", "amifostine"),
    ("Ethyol", "amifostine"),
    ("palifermin", "palifermin"),
    ("Kepivance", "palifermin"),
    ("triptorelin", "triptorelin"),
    ("Trelstar", "triptorelin"),
    ("triptorelin pamoate", "triptorelin"),
    ("lanreotide", "lanreotide"),
    ("Somatuline Depot", "lanreotide"),
    ("lutetium Lu 177 dotatate", "lutetium Lu 177 dotatate"),
    ("Lutathera", "lutetium Lu 177 dotatate"),
    ("lutetium Lu 177 vipivotide tetraxetan", "lutetium Lu 177 vipivotide tetraxetan"),
    ("Pluvicto", "lutetium Lu 177 vipivotide tetraxetan"),
    ("177Lu-PSMA-617", "lutetium Lu 177 vipivotide tetraxetan"),
    ("radium Ra 223 dichloride", "radium Ra 223 dichloride"),
    ("Xofigo", "radium Ra 223 dichloride"),
    ("radium-223", "radium Ra 223 dichloride"),
    ("Akynzeo", "netupitant-palonosetron"),
    ("netupitant and palonosetron", "netupitant-palonosetron"),
    ("NEPA", "netupitant-palonosetron"),
    ("Akynzeo for injection", "fosnetupitant-palonosetron"),
    ("fosnetupitant and palonosetron", "fosnetupitant-palonosetron"),
    ("tagraxofusp", "tagraxofusp"),
    ("Elzonris", "tagraxofusp"),
    ("tagraxofusp-erzs", "tagraxofusp"),
    ("denileukin diftitox", "denileukin diftitox"),
    ("Lymphir", "denileukin diftitox"),
    ("denileukin diftitox-cxdl", "denileukin diftitox"),
    # palonosetron alone stays its own drug
    ("Aloxi", "palonosetron"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Akynzeo 1 capsule 1 hour before chemo", "netupitant-palonosetron"),
    ("Lutathera 7.4 GBq IV every 8 weeks", "lutetium Lu 177 dotatate"),
    ("Trelstar 22.5 mg IM every 24 weeks", "triptorelin"),
    ("Somatuline Depot 120 mg deep SC every 4 weeks", "lanreotide"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


@pytest.mark.parametrize(("drug", "classes"), [
    ("netupitant-palonosetron", {"nk1-antagonist", "5ht3-antagonist", "antiemetic"}),
    ("fosnetupitant-palonosetron", {"nk1-antagonist", "5ht3-antagonist", "antiemetic"}),
    ("triptorelin", {"gnrh-agent", "endocrine-therapy"}),
    ("lanreotide", {"somatostatin-analogue"}),
    ("lutetium-lu-177-dotatate", {"radiopharmaceutical"}),
    ("radium-ra-223-dichloride", {"radiopharmaceutical"}),
    ("mesna", {"cytoprotective-agent"}),
    ("tagraxofusp", {"cytotoxic-fusion-protein"}),
])
def test_class_membership(real_checker, drug, classes):
    closure = {c.rsplit("/", 1)[-1] for c in real_checker.kb.class_closure.get(
        f"https://w3id.org/suppcheck/drug/{drug}", ())}
    assert classes <= closure, closure
    # radiopharmaceuticals and cytoprotective agents are not chemotherapy: its class entries must not reach them
    assert "cytotoxic-chemotherapy" not in closure


# ----------------------------------------------------------------------------- class siblings
@pytest.mark.parametrize(("line", "new", "sibling", "supplement", "name"), [
    ("Trelstar 11.25 mg", "triptorelin", "goserelin", "DHEA 25 mg", "DHEA"),          # GnRH agents: hormones
    ("Trelstar 11.25 mg", "triptorelin", "goserelin", "liquorice", "licorice"),       # ADT and QT: low potassium
    ("Somatuline Depot 120 mg", "lanreotide", "octreotide", "niacin 1 g", "niacin"),  # glucose control
    ("Akynzeo", "netupitant-palonosetron", "palonosetron", "5-HTP 100 mg", "5-HTP"),  # 5-HT3 serotonin syndrome
    ("Akynzeo for injection", "fosnetupitant-palonosetron", "palonosetron", "5-HTP 100 mg", "5-HTP"),
])
def test_new_drug_gets_the_siblings_finding(real_checker, line, new, sibling, supplement, name):
    mine = _pair(real_checker.check(drugs=[line], supplements=[supplement]), name, new)
    theirs = _pair(real_checker.check(drugs=[sibling], supplements=[supplement]), name, sibling)
    assert mine and theirs, (line, sibling, supplement)
    assert {(f.kind, f.severity) for f in mine} == {(f.kind, f.severity) for f in theirs}


# ----------------------------------------------------------------------------- netupitant as a CYP3A4 substrate
def test_st_johns_wort_lowers_netupitant(real_checker):
    # rifampicin cut netupitant AUC by 83% (ratio 0.17): sensitive to induction, so a strong inducer is major
    result = real_checker.check(drugs=["Akynzeo"], supplements=["St John's wort 300 mg three times daily"])
    found = [f for f in _pair(result, "St John's wort", "netupitant-palonosetron")
             if f.kind.value == "pharmacokinetic"]
    assert found and found[0].severity.value == "major"


# ----------------------------------------------------------------------------- label warnings as properties
@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity", "word"), [
    ("Ethyol", "amifostine", "garlic 1200 mg", "garlic", "moderate", "blood-pressure"),
    ("Elzonris", "tagraxofusp", "green tea extract 800 mg", "green tea", "moderate", "liver"),
    ("Lymphir", "denileukin diftitox", "green tea extract 800 mg", "green tea", "moderate", "liver"),
    ("Zinecard", "dexrazoxane", "fish oil 3 g", "fish oil", "minor", ""),
    ("Lutathera", "lutetium Lu 177 dotatate", "fish oil 3 g", "fish oil", "minor", ""),
    ("Pluvicto", "lutetium Lu 177 vipivotide tetraxetan", "fish oil 3 g", "fish oil", "minor", ""),
    ("Xofigo", "radium Ra 223 dichloride", "fish oil 3 g", "fish oil", "minor", ""),
])
def test_label_warnings_reach_their_rule(real_checker, drug, name, supplement, supp_name, severity, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    [f] = _pair(result, supp_name, name)
    assert f.severity.value == severity
    assert word in f.title


def test_lutathera_gets_the_myelosuppression_finding_dexrazoxane_gets(real_checker):
    a = _pair(real_checker.check(drugs=["Lutathera"], supplements=["fish oil 3 g"]), "fish oil",
              "lutetium Lu 177 dotatate")
    b = _pair(real_checker.check(drugs=["Zinecard"], supplements=["fish oil 3 g"]), "fish oil", "dexrazoxane")
    assert a and b and a[0].severity == b[0].severity


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    ("mesna", "St John's wort"),          # no enzyme or property fact
    ("Kepivance", "grapefruit"),          # protein: no CYP metabolism
    ("Xofigo", "grapefruit"),             # no CYP fact for radium
    ("Trelstar", "grapefruit"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    name = real_checker.resolve(drug, "drug").match.name
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == name]
