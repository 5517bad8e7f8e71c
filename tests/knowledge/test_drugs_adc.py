"""Antibody-drug conjugates added together (real graph): brentuximab, enfortumab, polatuzumab, tisotumab and
telisotuzumab vedotin, sacituzumab govitecan, gemtuzumab and inotuzumab ozogamicin, loncastuximab tesirine,
mirvetuximab soravtansine, datopotamab deruxtecan and belantamab mafodotin.

Their names and brands resolve to them; they sit in the antibody-drug conjugate class as trastuzumab deruxtecan does;
the label instructions recorded (strong CYP3A4 inhibitors: monitor) are on the drugs; the MMAE payload's CYP3A4 role
reaches St John's wort; the warnings recorded as properties reach the family rules (liver, bleeding, neuropathy
where a rule reads it); and pairs the graph has no fact for stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("brentuximab vedotin", "brentuximab vedotin"),
    ("Adcetris", "brentuximab vedotin"),
    ("enfortumab vedotin-ejfv", "enfortumab vedotin"),
    ("Padcev", "enfortumab vedotin"),
    ("polatuzumab vedotin-piiq", "polatuzumab vedotin"),
    ("Polivy", "polatuzumab vedotin"),
    ("tisotumab vedotin-tftv", "tisotumab vedotin"),
    ("Tivdak", "tisotumab vedotin"),
    ("sacituzumab govitecan-hziy", "sacituzumab govitecan"),
    ("Trodelvy", "sacituzumab govitecan"),
    ("Mylotarg", "gemtuzumab ozogamicin"),
    ("Besponsa", "inotuzumab ozogamicin"),
    ("Zynlonta", "loncastuximab tesirine"),
    ("mirvetuximab soravtansine-gynx", "mirvetuximab soravtansine"),
    ("Elahere", "mirvetuximab soravtansine"),
    ("Datroway", "datopotamab deruxtecan"),
    ("Blenrep", "belantamab mafodotin"),
    ("Emrelis", "telisotuzumab vedotin"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Padcev 1.25 mg/kg IV days 1, 8, 15", "enfortumab vedotin"),
    ("Trodelvy 10 mg/kg IV days 1 and 8 q21d", "sacituzumab govitecan"),
    ("Adcetris 1.8 mg/kg IV q3w", "brentuximab vedotin"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


@pytest.mark.parametrize("drug", [
    "brentuximab-vedotin", "enfortumab-vedotin", "polatuzumab-vedotin", "tisotumab-vedotin",
    "telisotuzumab-vedotin", "sacituzumab-govitecan", "gemtuzumab-ozogamicin", "inotuzumab-ozogamicin",
    "loncastuximab-tesirine", "mirvetuximab-soravtansine", "datopotamab-deruxtecan", "belantamab-mafodotin",
])
def test_classed_as_their_sibling_trastuzumab_deruxtecan(real_checker, drug):
    kb = real_checker.kb
    closure = {c.rsplit("/", 1)[-1] for c in kb.class_closure.get(f"https://w3id.org/suppcheck/drug/{drug}", ())}
    sibling = {c.rsplit("/", 1)[-1] for c in kb.class_closure.get(
        "https://w3id.org/suppcheck/drug/trastuzumab-deruxtecan", ())}
    assert {"antibody-drug-conjugate", "monoclonal-antibody"} <= closure, closure
    assert {"antibody-drug-conjugate", "monoclonal-antibody"} <= sibling


# ----------------------------------------------------------------------------- MMAE and CYP3A4
@pytest.mark.parametrize(("line", "drug"), [
    ("Adcetris 1.8 mg/kg", "brentuximab vedotin"),
    ("Padcev", "enfortumab vedotin"),
    ("Polivy", "polatuzumab vedotin"),
    ("Tivdak", "tisotumab vedotin"),
])
def test_st_johns_wort_may_lower_mmae(real_checker, line, drug):
    result = real_checker.check(drugs=[line], supplements=["St John's wort 900 mg"])
    [f] = _pair(result, "St John's wort", drug)
    assert "lower" in f.title and "CYP3A4" in f.title


# ----------------------------------------------------------------------------- warnings as properties
@pytest.mark.parametrize(("line", "drug", "supplement", "name", "word"), [
    ("Besponsa", "inotuzumab ozogamicin", "green tea extract 800 mg", "green tea", "liver"),
    ("Mylotarg", "gemtuzumab ozogamicin", "green tea extract 800 mg", "green tea", "liver"),
    ("Zynlonta", "loncastuximab tesirine", "green tea extract 800 mg", "green tea", "liver"),
    ("Adcetris", "brentuximab vedotin", "green tea extract 800 mg", "green tea", "liver"),
    ("Tivdak", "tisotumab vedotin", "fish oil 3 g", "fish oil", "bleeding"),
    ("Trodelvy", "sacituzumab govitecan", "fish oil 3 g", "fish oil", "bleeding"),
])
def test_label_warnings_reach_their_rule(real_checker, line, drug, supplement, name, word):
    result = real_checker.check(drugs=[line], supplements=[supplement])
    [f] = _pair(result, name, drug)
    assert f.severity.value in {"minor", "moderate", "major"}
    assert word in f.title


def test_tivdak_bleeding_risk_is_as_for_another_bleeding_risk_drug(real_checker):
    # the same rule and severity as for pazopanib, which carries prop:bleeding-risk from its label
    a = _pair(real_checker.check(drugs=["Tivdak"], supplements=["fish oil 3 g"]), "fish oil", "tisotumab vedotin")
    b = _pair(real_checker.check(drugs=["pazopanib"], supplements=["fish oil 3 g"]), "fish oil", "pazopanib")
    assert a and b and a[0].severity == b[0].severity


# ----------------------------------------------------------------------------- label instructions
@pytest.mark.parametrize("drug", ["brentuximab-vedotin", "polatuzumab-vedotin", "tisotumab-vedotin"])
def test_strong_cyp3a4_inhibitor_instruction_is_monitor(real_checker, drug):
    lis = real_checker.kb.label_instructions.get(f"https://w3id.org/suppcheck/drug/{drug}", ())
    found = {(li.target.rsplit("/", 1)[-1] if li.target else None, li.action, li.strength, li.instruction)
             for li in lis}
    assert ("CYP3A4", "inhibition", "strong", "monitor") in found, found


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    ("Blenrep", "St John's wort"),          # no enzyme role recorded for belantamab mafodotin
    ("Datroway", "grapefruit"),             # nor for datopotamab deruxtecan
    ("Trodelvy", "vitamin D 1000 IU"),      # nothing links them
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name in {
        "belantamab mafodotin", "datopotamab deruxtecan", "sacituzumab govitecan"}]
