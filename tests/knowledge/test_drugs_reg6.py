"""Drugs added with the combination products (real graph): fluticasone furoate (apart from fluticasone propionate),
ampicillin and sulbactam (UNASYN), chlordiazepoxide and clidinium (LIBRAX).

Their names and medication lines resolve to them; fluticasone furoate carries the BREO ELLIPTA caution with strong
CYP3A4 inhibitors (no supplement in the graph is graded a strong CYP3A4 inhibitor, so grapefruit, a moderate one, is
reasoned as minor, not given the label's words); chlordiazepoxide meets sedating supplements; pairs without a fact
stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import pair as _pair
from suppcheck.models import Role

DRUG = "https://w3id.org/suppcheck/drug/"


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("fluticasone furoate", "fluticasone furoate"), ("Arnuity Ellipta", "fluticasone furoate"),
    ("Arnuity", "fluticasone furoate"), ("Veramyst", "fluticasone furoate"),
    ("Flonase Sensimist", "fluticasone furoate"), ("Flonase Sensimist Allergy Relief", "fluticasone furoate"),
    ("fluticasone propionate", "fluticasone"), ("Flonase", "fluticasone"), ("Flovent HFA", "fluticasone"),
    ("ampicillin", "ampicillin"), ("ampicillin sodium", "ampicillin"),
    ("sulbactam", "sulbactam"), ("sulbactam sodium", "sulbactam"),
    ("chlordiazepoxide", "chlordiazepoxide"), ("chlordiazepoxide hydrochloride", "chlordiazepoxide"),
    ("Librium", "chlordiazepoxide"),
    ("clidinium", "clidinium"), ("clidinium bromide", "clidinium"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Arnuity Ellipta 100 mcg 1 inhalation daily", "fluticasone furoate"),
    ("Flonase Sensimist 2 sprays each nostril daily", "fluticasone furoate"),
    ("fluticasone furoate nasal spray 27.5 mcg", "fluticasone furoate"),
    ("ampicillin 2 g IV every 4 hours", "ampicillin"),
    ("Librium 10 mg three times daily", "chlordiazepoxide"),
    ("chlordiazepoxide 25 mg PO TID", "chlordiazepoxide"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.drug)
    assert item.match is not None and item.match.name == expected, line
    assert not (item.reading and item.reading.unread)


# ----------------------------------------------------------------------------- fluticasone furoate
def test_fluticasone_furoate_carries_the_breo_caution_with_strong_cyp3a4_inhibitors(real_checker):
    [ins] = real_checker.kb.label_instructions[DRUG + "fluticasone-furoate"]
    assert (ins.instruction, ins.action, ins.strength) == ("monitor", "inhibition", "strong")
    assert ins.target.endswith("CYP3A4")
    assert ins.label_text.startswith("Caution should be exercised when considering the coadministration of BREO ELLIPTA")


def test_grapefruit_is_reasoned_as_minor_not_given_the_strong_inhibitor_caution(real_checker):
    # grapefruit is a moderate CYP3A4 inhibitor in the graph: outside the label's category, it meets the minor
    # CYP3A4 substrate by inference only
    result = real_checker.check(drugs=["Arnuity Ellipta 100 mcg daily"], supplements=["grapefruit juice"])
    [f] = _pair(result, "grapefruit", "fluticasone furoate")
    assert f.severity.value == "minor"
    assert "the label says" not in f.title


def test_fluticasone_propionate_keeps_its_own_facts(real_checker):
    [ins] = real_checker.kb.label_instructions[DRUG + "fluticasone"]
    assert "ritonavir" in ins.label_text and "BREO" not in ins.label_text


# ----------------------------------------------------------------------------- chlordiazepoxide
@pytest.mark.parametrize(("supplement", "name"), [
    ("valerian 450 mg at bedtime", "valerian"),   # rule: CNS depressant with CNS depressant
    ("melatonin 5 mg at bedtime", "melatonin"),   # curated entry for benzodiazepines
])
def test_chlordiazepoxide_meets_a_sedating_supplement(real_checker, supplement, name):
    result = real_checker.check(drugs=["chlordiazepoxide 10 mg three times daily"], supplements=[supplement])
    [f] = _pair(result, name, "chlordiazepoxide")
    assert f.severity.value == "moderate"


def test_st_johns_wort_with_chlordiazepoxide_is_minor(real_checker):
    # a minor CYP3A4 substrate (ketoconazole cut its clearance by 38%): induction is reasoned, not labelled
    result = real_checker.check(drugs=["chlordiazepoxide 10 mg"], supplements=["St John's wort 300 mg three times daily"])
    [f] = _pair(result, "St John's wort", "chlordiazepoxide")
    assert f.severity.value == "minor"


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    ("sulbactam", "probiotics"),        # a beta-lactamase inhibitor, not under the antibiotic class
    ("ampicillin", "vitamin C 500 mg"),  # no fact links them
    ("clidinium", "St John's wort"),    # no enzyme role recorded
    ("fluticasone furoate", "goldenseal"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
