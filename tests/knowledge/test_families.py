"""For each drug family, findings that follow from the curated roles of its drugs (real graph)."""

from __future__ import annotations

import pytest
from suppcheck.inference import PK_TABLE
from suppcheck.models import Role

CLS = "https://w3id.org/suppcheck/class/"
CYP3A4 = "https://w3id.org/suppcheck/target/CYP3A4"
SEVERITY = ("minor", "moderate", "major")
FAMILIES = ["kinase-inhibitor", "cytotoxic-chemotherapy", "endocrine-therapy", "proteasome-inhibitor",
            "immunosuppressant", "benzodiazepine", "opioid", "statin", "anticoagulant", "antiemetic", "bcl2-inhibitor",
            "parp-inhibitor"]


def _members(kb, family: str) -> list[str]:
    return sorted(d for d, classes in kb.class_closure.items() if CLS + family in classes)


def _cyp3a4_substrates(kb, family: str) -> list[tuple[str, str]]:
    out = []
    for drug in _members(kb, family):
        roles = [c for c in kb.substrates.get(drug, []) if c.target == CYP3A4 and c.evidence != "preclinical"]
        if roles:
            best = max(roles, key=lambda c: ("minor", "moderate", "sensitive").index(c.sensitivity))
            out.append((drug, best.sensitivity))
    return out


@pytest.mark.parametrize("family", FAMILIES)
def test_cyp3a4_inducer_lowers_every_cyp3a4_substrate_of_the_family(real_checker, family):
    kb = real_checker.kb
    sjw = real_checker.item("St John's wort 300 mg three times daily", Role.supplement)[1][0]
    [strength] = [c.strength for c, _, _ in real_checker.reasoner.effective_modulations(sjw)
                  if c.target == CYP3A4 and c.action == "induction"]
    substrates = _cyp3a4_substrates(kb, family)
    if family not in ("anticoagulant", "antiemetic", "parp-inhibitor", "statin", "opioid",
                      "benzodiazepine", "immunosuppressant", "bcl2-inhibitor", "proteasome-inhibitor"):
        assert len(substrates) >= 3, f"{family}: too few CYP3A4 substrates curated"
    assert substrates, f"{family}: no CYP3A4 substrate curated"
    for drug, sensitivity in substrates:
        name = kb.name_of(drug)
        result = real_checker.check(drugs=[name], supplements=["St John's wort 300 mg three times daily"])
        findings = [f for f in result.findings if f.drug and f.drug.id == drug]
        assert findings, f"St John's wort + {name} ({sensitivity} CYP3A4 substrate): no finding"
        finding = findings[0]
        expected = PK_TABLE[(strength, sensitivity)]
        if finding.evidence.basis.value == "inferred":
            assert any(m.target == "CYP3A4" and m.action == "induction" for m in finding.mechanisms)
            text = " ".join([finding.effect, *finding.notes])
            assert "decreased" in text or "lower" in text or "conversion" in text
            assert SEVERITY.index(finding.severity.value) >= expected, f"{name}: {finding.severity.value}"


def test_cyp2d6_inhibition_lowers_active_tamoxifen(real_checker):
    result = real_checker.check(drugs=["tamoxifen 20 mg daily"], supplements=["goldenseal"])
    [finding] = [f for f in result.findings if f.drug]
    # Tamoxifen is activated by CYP2D6: inhibiting it must lower active drug, not raise exposure.
    assert "lower active tamoxifen" in finding.title
    assert "less conversion of tamoxifen to its active form" in finding.effect


def test_antiplatelet_supplements_add_to_every_anticoagulant(real_checker):
    kb = real_checker.kb
    for drug in _members(kb, "anticoagulant"):
        name = kb.name_of(drug)
        result = real_checker.check(drugs=[name], supplements=["ginkgo 120 mg twice daily"])
        assert [f for f in result.findings if f.drug], f"ginkgo + {name}: no bleeding finding"


def test_monoclonal_antibodies_have_no_pharmacokinetic_findings(real_checker):
    kb = real_checker.kb
    # Antibody-drug conjugates carry a small-molecule payload that enzymes do handle: not part of this check.
    conjugates = set(_members(kb, "antibody-drug-conjugate"))
    antibodies = [d for d in _members(kb, "monoclonal-antibody") if d not in conjugates]
    assert len(antibodies) >= 8
    for drug in antibodies:
        assert kb.no_cyp.get(drug) or not kb.substrates.get(drug), kb.name_of(drug)
        result = real_checker.check(drugs=[kb.name_of(drug)], supplements=["St John's wort", "goldenseal", "grapefruit juice"])
        assert not [f for f in result.findings if f.drug and f.kind.value == "pharmacokinetic"], kb.name_of(drug)


def test_a_drug_modulator_raises_a_supplement_substrate(real_checker):
    result = real_checker.check(drugs=["fluvoxamine 100 mg daily"], supplements=["melatonin 3 mg at bedtime"])
    [finding] = [f for f in result.findings if f.drug]
    assert finding.drug.name == "fluvoxamine" and finding.supplement.name == "melatonin"
    assert finding.severity.value in ("moderate", "major")


@pytest.mark.parametrize("supplement", ["guarana extract 500 mg daily", "yerba mate tea"])
def test_caffeine_bearing_herbs_meet_cyp1a2_inhibitors_through_their_caffeine(real_checker, supplement):
    result = real_checker.check(drugs=["fluvoxamine 100 mg daily"], supplements=[supplement])
    [finding] = [f for f in result.findings if f.drug]
    assert finding.severity.value == "moderate" and "caffeine" in finding.title
    assert finding.evidence.level.value == "theoretical", "the herb itself was not studied"
    # ciprofloxacin about doubles caffeine exposure (caffeine itself is curated minor with it): the same here
    result = real_checker.check(drugs=["ciprofloxacin 500 mg BID"], supplements=[supplement])
    [finding] = [f for f in result.findings if f.drug]
    assert finding.severity.value == "minor" and "caffeine" in finding.title
    other = real_checker.check(drugs=["amoxicillin 500 mg TID"], supplements=[supplement])
    assert not [f for f in other.findings if f.drug and "CYP1A2" in f.title], "no CYP1A2 inhibitor, no finding"


def test_a_ugt1a1_inhibitor_meets_irinotecan_whose_active_metabolite_ugt1a1_clears(real_checker):
    kb = real_checker.kb
    roles = [r for r in kb.substrates["https://w3id.org/suppcheck/drug/irinotecan"] if r.target.endswith("/UGT1A1")]
    assert roles and not roles[0].prodrug, "SN-38 is cleared by UGT1A1: inhibition raises the active drug"
    [finding] = [f for f in real_checker.check(drugs=["irinotecan 180 mg/m2"], supplements=["epimedium"]).findings
                 if f.drug]
    assert finding.severity.value == "minor" and "in vitro only" in finding.title, "icaritin's UGT1A1 data are in vitro"
    assert not [f for f in real_checker.check(drugs=["oxaliplatin 85 mg/m2"], supplements=["epimedium"]).findings
                if f.drug and "UGT1A1" in f.title]
