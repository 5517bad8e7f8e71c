"""Comorbidity and supportive drugs of consult lists (real graph): stomach remedies sold without prescription,
corticosteroids given by injection and put on the skin, skin antibacterials and antiseptics, an oral multiple
sclerosis drug, inhaled bronchodilators and a nasal antihistamine.

Bismuth subsalicylate carries the bleeding concern of its Drug Facts; triamcinolone is a corticosteroid cleared by
CYP3A4 (ritonavir case series); dimethyl fumarate carries the label's lymphopenia and infections (immunosuppressant)
and liver injury; azelastine carries the somnolence of its label. Each fact gives its finding with a supplement as a
sibling drug gets it, and negative controls stay silent (a cream, an anti-foaming agent, drugs whose label was not
read).
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("bismuth subsalicylate", "bismuth subsalicylate"), ("Pepto-Bismol", "bismuth subsalicylate"),
    ("Pepto Bismol", "bismuth subsalicylate"), ("Pink Bismuth", "bismuth subsalicylate"),
    ("simethicone", "simethicone"), ("Gas-X", "simethicone"), ("Mylicon", "simethicone"),
    ("triamcinolone", "triamcinolone"), ("triamcinolone acetonide", "triamcinolone"), ("Kenalog-40", "triamcinolone"),
    ("Nasacort", "triamcinolone"), ("Zilretta", "triamcinolone"),
    ("clobetasol", "clobetasol"), ("clobetasol propionate", "clobetasol"), ("Temovate", "clobetasol"),
    ("Clobex", "clobetasol"),
    ("silver sulfadiazine", "silver sulfadiazine"), ("Silvadene", "silver sulfadiazine"),
    ("bacitracin", "bacitracin"), ("bacitracin zinc", "bacitracin"),
    ("chlorhexidine", "chlorhexidine"), ("chlorhexidine gluconate", "chlorhexidine"), ("Peridex", "chlorhexidine"),
    ("Hibiclens", "chlorhexidine"),
    ("dimethyl fumarate", "dimethyl fumarate"), ("Tecfidera", "dimethyl fumarate"),
    ("ipratropium", "ipratropium"), ("ipratropium bromide", "ipratropium"), ("Atrovent HFA", "ipratropium"),
    ("olodaterol", "olodaterol"), ("Striverdi Respimat", "olodaterol"),
    ("azelastine", "azelastine"), ("Astelin", "azelastine"), ("Astepro", "azelastine"),
])
def test_names_resolve(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Pepto-Bismol 525 mg as needed for diarrhea", "bismuth subsalicylate"),
    ("Gas-X 125 mg after meals", "simethicone"),
    ("Kenalog-40 40 mg IM once", "triamcinolone"),
    ("triamcinolone 0.1% cream twice daily", "triamcinolone"),
    ("clobetasol 0.05% ointment twice daily", "clobetasol"),
    ("silver sulfadiazine 1% cream daily", "silver sulfadiazine"),
    ("bacitracin ointment to wound", "bacitracin"),
    ("chlorhexidine 0.12% oral rinse 15 mL twice daily", "chlorhexidine"),
    ("Tecfidera 240 mg twice daily", "dimethyl fumarate"),
    ("ipratropium 0.5 mg nebulized every 6 hours", "ipratropium"),
    ("Striverdi Respimat 2 inhalations daily", "olodaterol"),
    ("azelastine 2 sprays each nostril twice daily", "azelastine"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


def test_ginkgo_adds_to_the_bleeding_concern_of_pepto_bismol_as_for_celecoxib(real_checker):
    sibling = pair(real_checker.check(drugs=["celecoxib"], supplements=["ginkgo 120 mg"]), "ginkgo", "celecoxib")
    found = pair(real_checker.check(drugs=["Pepto-Bismol 525 mg"], supplements=["ginkgo 120 mg"]),
                 "ginkgo", "bismuth subsalicylate")
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling] == ["moderate"]
    assert "bleeding risk of bismuth subsalicylate" in found[0].title
    assert found[0].evidence.level.value == "theoretical"


def test_triamcinolone_is_a_corticosteroid_and_gets_the_liquorice_entry_as_prednisone_does(real_checker):
    assert "corticosteroid" in closure(real_checker, "triamcinolone")
    sibling = pair(real_checker.check(drugs=["prednisone"], supplements=["licorice root"]), "licorice", "prednisone")
    found = pair(real_checker.check(drugs=["Kenalog-40 40 mg IM"], supplements=["licorice root"]),
                 "licorice", "triamcinolone")
    assert [(f.severity.value, f.title) for f in found] == [(f.severity.value, f.title) for f in sibling]
    assert found


def test_grapefruit_may_raise_injected_triamcinolone_through_cyp3a4(real_checker):
    [f] = pair(real_checker.check(drugs=["Kenalog-40 40 mg IM"], supplements=["grapefruit juice"]),
               "grapefruit", "triamcinolone")
    assert f.severity.value == "moderate"
    assert f.kind.value == "pharmacokinetic"
    assert "CYP3A4" in f.title


def test_a_triamcinolone_cream_is_shown_as_minor(real_checker):
    """Negative control: the facts are for the injection; a cream gives little drug to the blood."""
    [f] = pair(real_checker.check(drugs=["triamcinolone 0.1% cream"], supplements=["grapefruit juice"]),
               "grapefruit", "triamcinolone")
    assert f.severity.value == "minor"


def test_clobetasol_stays_outside_the_corticosteroid_entries(real_checker):
    """Negative control: the corticosteroid entries speak of the drug in the blood, not of a cream."""
    assert "corticosteroid" not in closure(real_checker, "clobetasol")
    assert not pair(real_checker.check(drugs=["Temovate 0.05% cream"], supplements=["licorice root"]),
                    "licorice", "clobetasol")


@pytest.mark.parametrize("drug", ["silver sulfadiazine", "bacitracin", "chlorhexidine"])
def test_skin_antibacterials_do_not_get_the_probiotic_entry_of_oral_antibiotics(real_checker, drug):
    """Negative control, as for mupirocin: the probiotic entry is written for antibiotics that reach the gut."""
    assert "topical-antibacterial" in closure(real_checker, drug)
    assert "antibiotic" not in closure(real_checker, drug)
    assert pair(real_checker.check(drugs=["amoxicillin"], supplements=["Lactobacillus probiotic"]),
                "probiotics", "amoxicillin")
    assert not pair(real_checker.check(drugs=[drug], supplements=["Lactobacillus probiotic"]), "probiotics", drug)


def test_echinacea_may_oppose_dimethyl_fumarate_as_it_does_tofacitinib(real_checker):
    sibling = pair(real_checker.check(drugs=["tofacitinib"], supplements=["echinacea"]), "echinacea", "tofacitinib")
    found = pair(real_checker.check(drugs=["Tecfidera 240 mg twice daily"], supplements=["echinacea"]),
                 "echinacea", "dimethyl fumarate")
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling]
    assert found and "may oppose dimethyl fumarate" in found[0].title


def test_astragalus_entry_for_immunosuppressants_reaches_dimethyl_fumarate(real_checker):
    [f] = pair(real_checker.check(drugs=["Tecfidera 240 mg twice daily"], supplements=["astragalus"]),
               "astragalus", "dimethyl fumarate")
    assert "immunosuppressive" in f.title


def test_green_tea_extract_adds_to_the_liver_risk_of_dimethyl_fumarate(real_checker):
    found = pair(real_checker.check(drugs=["Tecfidera 240 mg twice daily"], supplements=["green tea extract"]),
                 "green tea", "dimethyl fumarate")
    assert any(f.severity.value == "moderate" and "liver toxicity of dimethyl fumarate" in f.title for f in found)


def test_valerian_adds_to_the_sedation_of_azelastine_as_of_cetirizine(real_checker):
    sibling = pair(real_checker.check(drugs=["cetirizine"], supplements=["valerian 450 mg"]), "valerian", "cetirizine")
    found = pair(real_checker.check(drugs=["azelastine 2 sprays each nostril twice daily"],
                                    supplements=["valerian 450 mg"]), "valerian", "azelastine")
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling] == ["moderate"]
    assert "sedation of azelastine" in found[0].title


@pytest.mark.parametrize(("drug", "supplement"), [
    ("Gas-X 125 mg", "calcium carbonate 600 mg"),
    ("Atrovent HFA 2 puffs four times daily", "valerian 450 mg"),
    ("Striverdi Respimat 2 inhalations daily", "St John's wort 300 mg three times daily"),
])
def test_drugs_with_names_and_class_only_stay_silent(real_checker, drug, supplement):
    """Negative control: simethicone is no antacid, and no fact was read for ipratropium or olodaterol."""
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert [i.status.value for i in result.items] == ["recognized", "recognized"]
    assert not [f for f in result.findings if f.drug is not None]
