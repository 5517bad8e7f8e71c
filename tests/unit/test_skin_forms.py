"""A cream, ointment or lotion of a drug the graph knows only as taken by mouth or by infusion: the line is
recognised, says so, and its findings are kept as minor; the same drug by mouth keeps its severity."""

from __future__ import annotations

import pytest

SUPPS = ["vitamin A 10000 IU daily", "folic acid 5 mg daily", "ginkgo 120 mg", "fish oil 4 g daily"]


def _drug_findings(checker, drug: str) -> dict[str, str]:
    result = checker.check(drugs=[drug], supplements=SUPPS)
    return {f.supplement.name: f.severity.value for f in result.findings if f.drug}


@pytest.mark.parametrize("skin,systemic,supplement", [
    ("tretinoin 0.05% cream", "tretinoin 45 mg/m2 daily", "vitamin A"),
    ("fluorouracil 5% cream twice daily", "fluorouracil 400 mg/m2 IV", "folic acid"),
])
def test_a_skin_form_keeps_its_findings_as_minor_and_says_why(real_checker, skin, systemic, supplement):
    oral = _drug_findings(real_checker, systemic)
    assert oral.get(supplement) in ("moderate", "major")
    topical = _drug_findings(real_checker, skin)
    assert topical.get(supplement) == "minor"
    assert set(topical.values()) == {"minor"}
    result = real_checker.check(drugs=[skin], supplements=SUPPS)
    item = result.items[0]
    assert item.status.value == "recognized" and "form for the skin" in " ".join(item.reading.notes)
    assert all(any("form for the skin" in n for n in f.notes) for f in result.findings if f.drug)


def test_a_drug_whose_entity_covers_the_skin_keeps_its_severity(real_checker):
    """Diclofenac's graph entity lists topical use among its routes: its findings stand as they are."""
    gel = _drug_findings(real_checker, "diclofenac 1% cream")
    tablets = _drug_findings(real_checker, "diclofenac 50 mg tid")
    assert gel and gel == tablets


def test_liquid_gels_and_supplement_creams_are_not_skin_forms_of_a_drug(real_checker):
    capsules = _drug_findings(real_checker, "ibuprofen liquid gels 400 mg")
    tablets = _drug_findings(real_checker, "ibuprofen 400 mg")
    assert capsules == tablets
    assert set(tablets.values()) & {"moderate", "major"}
    result = real_checker.check(drugs=["warfarin"], supplements=["arnica cream"])
    assert not any("form for the skin" in " ".join(i.reading.notes if i.reading else []) for i in result.items)



@pytest.mark.parametrize("line", ["Pulmicort Flexhaler 180 mcg 2 puffs BID", "budesonide neb 0.5 mg BID",
                                  "Rhinocort 2 sprays each nostril"])
def test_an_inhaled_form_of_a_drug_known_by_mouth_is_minor_and_says_so(real_checker, line):
    """Budesonide's label read is the capsules': grapefruit is 'avoid' for Entocort, and an inhaler or a nasal spray
    of it keeps the finding, as minor, with the reason."""
    oral = real_checker.check(drugs=["Entocort EC 9 mg daily"], supplements=["grapefruit"])
    assert any(f.severity.value == "major" for f in oral.findings if f.drug)
    inhaled = real_checker.check(drugs=[line], supplements=["grapefruit"])
    drug_findings = [f for f in inhaled.findings if f.drug]
    assert drug_findings and all(f.severity.value == "minor" for f in drug_findings)
    assert all(any("inhaled or nasal form" in n for n in f.notes) for f in drug_findings)
    assert "inhaled or nasal form" in " ".join(inhaled.items[0].reading.notes)


def test_a_drug_whose_entity_is_inhaled_keeps_its_severity(real_checker):
    """Albuterol's entity lists inhaled use: an inhaler line and a tablet line meet licorice alike."""
    def seen(line):
        return {(f.title, f.severity.value) for f in real_checker.check(drugs=[line], supplements=["licorice"]).findings
                if f.drug}
    inhaler, tablet = seen("ProAir HFA 2 puffs"), seen("albuterol 4 mg tablet")
    assert inhaler and inhaler == tablet and any(sev == "moderate" for _t, sev in inhaler)
