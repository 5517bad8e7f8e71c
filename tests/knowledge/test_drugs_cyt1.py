"""Infused and injected cytotoxics (real graph): mitomycin, decitabine and decitabine-cedazuridine, fludarabine,
cladribine, pentostatin, pralatrexate, eribulin, ixabepilone, lurbinectedin, busulfan, thiotepa, bleomycin and
dactinomycin.

Names and brands resolve to the right drug (INQOVI is its own drug, not intravenous decitabine). The label facts
recorded reach the findings their rules give: marrow suppression with fish oil, liver toxicity with green tea
extract, kidney toxicity with germanium, neuropathy with high-dose vitamin B6, QT with liquorice, antifolate with
folic acid, seizures with ginkgo extract; thiotepa's "monitor" instruction for CYP3A4 inducers with St John's wort;
ixabepilone's CYP3A4 role with St John's wort. Class membership gives the finding a sibling gets. Pairs without a fact
stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("mitomycin", "mitomycin"),
    ("Mutamycin", "mitomycin"),
    ("Jelmyto", "mitomycin"),
    ("Zusduri", "mitomycin"),
    ("decitabine", "decitabine"),
    ("Dacogen", "decitabine"),
    ("Inqovi", "decitabine-cedazuridine"),
    ("decitabine and cedazuridine", "decitabine-cedazuridine"),
    ("fludarabine", "fludarabine"),
    ("fludarabine phosphate", "fludarabine"),
    ("cladribine", "cladribine"),
    ("pentostatin", "pentostatin"),
    ("Nipent", "pentostatin"),
    ("pralatrexate", "pralatrexate"),
    ("Folotyn", "pralatrexate"),
    ("eribulin", "eribulin"),
    ("Halaven", "eribulin"),
    ("eribulin mesylate", "eribulin"),
    ("ixabepilone", "ixabepilone"),
    ("Ixempra", "ixabepilone"),
    ("lurbinectedin", "lurbinectedin"),
    ("Zepzelca", "lurbinectedin"),
    ("busulfan", "busulfan"),
    ("Busulfex", "busulfan"),
    ("Myleran", "busulfan"),
    ("thiotepa", "thiotepa"),
    ("Tepadina", "thiotepa"),
    ("bleomycin", "bleomycin"),
    ("dactinomycin", "dactinomycin"),
    ("Cosmegen", "dactinomycin"),
    ("actinomycin D", "dactinomycin"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Halaven 1.4 mg/m2 IV days 1 and 8 q21d", "eribulin"),
    ("Inqovi 1 tab PO daily days 1-5 q28d", "decitabine-cedazuridine"),
    ("Myleran 2 mg daily", "busulfan"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


@pytest.mark.parametrize(("drug", "classes"), [
    ("eribulin", {"non-taxane-microtubule-inhibitor", "cytotoxic-chemotherapy"}),
    ("ixabepilone", {"non-taxane-microtubule-inhibitor", "cytotoxic-chemotherapy"}),
    ("decitabine-cedazuridine", {"hypomethylating-agent", "cytotoxic-chemotherapy"}),
    ("pralatrexate", {"antifolate", "antimetabolite"}),
    ("thiotepa", {"alkylating-agent", "cytotoxic-chemotherapy"}),
])
def test_class_membership(real_checker, drug, classes):
    closure = {c.rsplit("/", 1)[-1] for c in real_checker.kb.class_closure.get(
        f"https://w3id.org/suppcheck/drug/{drug}", ())}
    assert classes <= closure, closure
    # the new microtubule inhibitors stay outside the taxanes, whose entries rest on taxane trials
    assert "taxane" not in closure


# ----------------------------------------------------------------------------- label warnings as properties
@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "word"), [
    ("mitomycin", "fish oil 3 g", "fish oil", "minor", "bleeding"),                 # boxed: marrow suppression
    ("mitomycin", "germanium", "germanium", "moderate", "kidney"),                  # boxed: HUS, renal failure
    ("decitabine", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("Inqovi", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("fludarabine", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("cladribine", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("pralatrexate", "folic acid 1 mg", "folic acid", "moderate", "counteract"),    # antifolate
    ("pralatrexate", "green tea extract 800 mg", "green tea", "moderate", "liver"),
    ("eribulin", "liquorice 2 g", "licorice", "moderate", "QT"),                    # EU SmPC 4.4
    ("eribulin", "vitamin B6 200 mg", "vitamin B6", "moderate", "neuropathy"),
    ("ixabepilone", "vitamin B6 200 mg", "vitamin B6", "moderate", "neuropathy"),
    ("lurbinectedin", "green tea extract 800 mg", "green tea", "moderate", "liver"),
    ("busulfan", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("thiotepa", "fish oil 3 g", "fish oil", "minor", "bleeding"),
    ("dactinomycin", "green tea extract 800 mg", "green tea", "moderate", "liver"),
    ("dactinomycin", "germanium", "germanium", "moderate", "kidney"),
])
def test_label_warnings_reach_their_rule(real_checker, drug, supplement, name, severity, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    expected = real_checker.resolve(drug, "drug").match.name
    [f] = _pair(result, name, expected)
    assert f.severity.value == severity
    assert word in f.title


def test_busulfan_seizure_warning_reaches_ginkgo(real_checker):
    # EU SmPC 4.4: anticonvulsant prophylaxis; ginkgo extract carries a (case-report) seizure property
    result = real_checker.check(drugs=["busulfan"], supplements=["ginkgo extract 120 mg"])
    [f] = _pair(result, "ginkgo", "busulfan")
    assert any("seizure" in n for n in f.notes) or "seizure" in f.title


# ----------------------------------------------------------------------------- exposure
def test_thiotepa_label_says_monitor_with_cyp3a4_inducers(real_checker):
    # Swiss product information: inducers raise the active metabolite; monitor clinically (theoretical: minor)
    result = real_checker.check(drugs=["thiotepa"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "thiotepa")
    assert f.severity.value == "minor"
    assert "the label says monitor" in f.title


def test_ixabepilone_cyp3a4_substrate_with_st_johns_wort(real_checker):
    # rifampin lowered ixabepilone AUC by 43% (label 7): a minor sensitivity to induction
    result = real_checker.check(drugs=["ixabepilone"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "ixabepilone")
    assert f.severity.value == "minor"
    assert "lower ixabepilone exposure" in f.title


# ----------------------------------------------------------------------------- class membership
@pytest.mark.parametrize("drug", ["decitabine", "Inqovi", "fludarabine", "eribulin", "bleomycin", "pentostatin"])
def test_cytotoxic_class_entry_reaches_like_a_sibling(real_checker, drug):
    # the curated acai entry for cytotoxic chemotherapy reaches the new drugs as it reaches azacitidine
    sibling = real_checker.check(drugs=["azacitidine"], supplements=["acai"])
    [s] = _pair(sibling, "acai", "azacitidine")
    result = real_checker.check(drugs=[drug], supplements=["acai"])
    expected = real_checker.resolve(drug, "drug").match.name
    [f] = _pair(result, "acai", expected)
    assert f.severity == s.severity
    assert f.title == s.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    ("pentostatin", "St John's wort"),      # no enzyme role or instruction read
    ("bleomycin", "grapefruit"),
    ("eribulin", "grapefruit"),             # no CYP3A4 fact recorded
    ("eribulin", "vitamin B6 25 mg"),       # below the neuropathy threshold
    ("decitabine", "echinacea"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None]
