"""Procarbazine and prescription lithium (real graph), and the MAO-inhibitor class.

Names resolve to the right entity: "lithium", "lithium carbonate" and "Lithobid" on a drug line are the drug, while
"lithium orotate" stays the supplement. The label facts recorded reach their findings with supplements the graph
holds with the matching property (St John's wort and tryptophan named by the lithium label; 5-HTP and St John's wort
as serotonergic; valerian as a CNS depressant; fish oil with procarbazine's bleeding risk; green tea extract with its
liver toxicity), lithium orotate adds lithium to the drug, and pairs without a fact stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import pair as _pair


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("procarbazine", "procarbazine"),
    ("procarbazine hydrochloride", "procarbazine"),
    ("Matulane", "procarbazine"),
    ("lithium", "lithium"),
    ("lithium carbonate", "lithium"),
    ("lithium citrate", "lithium"),
    ("Lithobid", "lithium"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


def test_lithium_orotate_stays_the_supplement(real_checker):
    res = real_checker.resolve("lithium orotate", "supplement")
    assert res.status.value == "recognized", res.candidates
    assert res.match.name == "lithium orotate"


@pytest.mark.parametrize(("line", "expected"), [
    ("Matulane 50 mg capsules, 100 mg daily days 1-7", "procarbazine"),
    ("Lithobid 450 mg twice daily", "lithium"),
    ("lithium carbonate 300 mg three times daily", "lithium"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


def test_procarbazine_is_an_alkylating_agent_and_an_mao_inhibitor(real_checker):
    kb = real_checker.kb
    closure = {c.rsplit("/", 1)[-1] for c in kb.class_closure.get(
        "https://w3id.org/suppcheck/drug/procarbazine", ())}
    assert {"mao-inhibitor", "alkylating-agent", "cytotoxic-chemotherapy"} <= closure, closure
    # not placed under antidepressants: antidepressant-class entries must not reach it
    assert "antidepressant" not in closure


# ----------------------------------------------------------------------------- lithium
@pytest.mark.parametrize(("supplement", "name"), [
    # label 5.6 names St. John's Wort and tryptophan among the serotonergic products: monitor
    ("St John's wort", "St John's wort"),
    ("L-tryptophan 1 g at night", "L-tryptophan"),
])
def test_lithium_label_names_the_supplement(real_checker, supplement, name):
    result = real_checker.check(drugs=["lithium 300 mg three times daily"], supplements=[supplement])
    [f] = _pair(result, name, "lithium")
    assert f.severity.value == "moderate"
    assert f"the label says monitor with {name}" in f.title


def test_lithium_with_5htp_is_serotonergic(real_checker):
    # 5-HTP is not named by the label; the serotonergic rule reaches it through the label's warning (5.6)
    result = real_checker.check(drugs=["lithium carbonate 300 mg"], supplements=["5-HTP 100 mg"])
    [f] = _pair(result, "5-HTP", "lithium")
    assert f.severity.value == "moderate"
    assert "serotonergic" in f.title


def test_lithium_orotate_with_prescription_lithium(real_checker):
    result = real_checker.check(drugs=["Lithobid 450 mg twice daily"], supplements=["lithium orotate 5 mg"])
    [f] = _pair(result, "lithium orotate", "lithium")
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"
    assert "adds lithium" in f.title


# ----------------------------------------------------------------------------- procarbazine
@pytest.mark.parametrize(("supplement", "name", "word"), [
    ("valerian 600 mg", "valerian", "sedation"),            # label: CNS depression and possible potentiation
    ("fish oil 3 g", "fish oil", "bleeding"),               # label: thrombopenia, bleeding tendencies
    ("green tea extract 800 mg", "green tea", "liver"),     # label: hepatic dysfunction; toxicity hematologic and hepatic
    ("St John's wort", "St John's wort", "serotonergic"),   # label: MAO inhibitory activity (theoretical)
    ("5-HTP 100 mg", "5-HTP", "serotonergic"),
])
def test_procarbazine_label_facts_reach_their_rule(real_checker, supplement, name, word):
    result = real_checker.check(drugs=["Matulane 100 mg daily"], supplements=[supplement])
    [f] = _pair(result, name, "procarbazine")
    assert f.severity.value == "moderate"
    assert word in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    ("procarbazine", "grapefruit"),          # no CYP fact for procarbazine
    ("procarbazine", "L-theanine 200 mg"),   # MAO-inhibitor class is not under antidepressants
    ("lithium", "vitamin D 1000 IU"),        # nothing links them
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
