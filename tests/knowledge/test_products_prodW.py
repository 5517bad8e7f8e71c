"""European, Ayurvedic and trial herbal combination products (sleep, mood, menopause, prostate, lipid, joint and
adaptogen combinations, Juice Plus+ from MSKCC), in the bundled graph: each line is read as its ingredients."""

from __future__ import annotations

import pytest
from tests_support import product_ingredients


@pytest.mark.parametrize("line, expected", [
    ("Ze 91019 2 tablets at bedtime", {"valerian", "hops"}),
    ("Alluna Sleep 2 tablets", {"valerian", "hops"}),
    ("Neurapas balance 6 tablets daily", {"St John's wort", "valerian", "passionflower"}),
    ("Feramin-Q 1 tablet daily", {"black cohosh", "St John's wort"}),
    ("Remifemin plus 2 tablets daily", {"black cohosh", "St John's wort"}),
    ("Prostagutt forte 1 capsule twice daily", {"saw palmetto", "stinging nettle"}),
    ("PRO 160/120", {"saw palmetto", "stinging nettle"}),
    ("Gincosan 2 capsules daily", {"ginkgo", "Asian ginseng"}),
    ("Juice Plus+ 4 capsules daily", {"beetroot juice", "bilberry", "cranberry", "elderberry", "vitamin B complex",
                                      "folic acid"}),
    ("NSF-3 1 tablet at bedtime", {"valerian", "passionflower", "hops"}),
    ("Cosamin DS 3 capsules daily", {"glucosamine", "chondroitin"}),
    ("Curcumin C3 Complex with BioPerine 2 capsules daily", {"turmeric", "black pepper (piperine)"}),
    ("Kan Jang 4 tablets daily", {"andrographis", "Siberian ginseng"}),
    ("ADAPT-232 270 mg", {"rhodiola", "schisandra", "Siberian ginseng"}),
    ("Armolipid Plus 1 tablet daily", {"red yeast rice", "berberine", "folic acid", "coenzyme Q10", "astaxanthin"}),
    ("Body Lipid 1 tablet daily", {"red yeast rice", "berberine", "coenzyme Q10"}),
    ("Articulin-F 2 capsules daily", {"ashwagandha", "boswellia", "turmeric", "zinc"}),
    ("Equiguard 2 capsules daily", {"epimedium", "schisandra", "ligustrum", "astragalus"}),
    ("Berberol 2 tablets daily", {"berberine", "milk thistle"}),
    ("RA-11 2 capsules twice daily", {"ashwagandha", "boswellia", "ginger", "turmeric"}),
    ("Artrex", {"ashwagandha", "boswellia", "ginger", "turmeric"}),
    ("Phytalgic 3 capsules daily", {"fish oil", "vitamin E", "stinging nettle"}),
    ("Aller-7 2 tablets daily", {"amla", "black pepper (piperine)", "ginger"}),
    ("Reumalex 4 tablets daily", {"white willow bark", "black cohosh"}),
    ("Chizukit 5 mL twice daily", {"echinacea", "propolis", "vitamin C"}),
    ("ImmunoGuard 12 tablets daily", {"andrographis", "Siberian ginseng", "schisandra", "licorice"}),
    ("FertilityBlend 3 capsules daily", {"chasteberry", "green tea", "L-arginine", "vitamin E", "vitamin B6", "vitamin B12",
                                         "folic acid", "iron", "magnesium", "zinc", "selenium"}),
    ("Euphytose 2 tablets daily", {"valerian", "passionflower", "hawthorn"}),
    ("Sympathyl 4 tablets daily", {"hawthorn", "magnesium"}),
    ("Gericomplex 2 capsules daily", {"Asian ginseng", "multivitamin"}),
    ("Progamet 1 tablet daily", {"pygeum", "stinging nettle"}),
    ("Lax-Asab 10 g every other day", {"peppermint", "ginger", "licorice"}),
])
def test_a_product_line_is_read_as_its_ingredients(real_checker, line, expected):
    assert product_ingredients(real_checker, line) == expected


def test_st_johns_wort_in_neurapas_balance_meets_imatinib(real_checker):
    line = "Neurapas balance 6 tablets daily"
    findings = real_checker.check(drugs=["imatinib"], supplements=[line]).findings
    sjw = [f for f in findings if f.supplement.name == "St John's wort"]
    assert sjw, "the St John's wort of Neurapas balance induces the CYP3A4 that clears imatinib"
    assert sjw[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_red_yeast_rice_in_armolipid_plus_meets_a_statin(real_checker):
    line = "Armolipid Plus 1 tablet daily"
    findings = real_checker.check(drugs=["simvastatin"], supplements=[line]).findings
    ryr = [f for f in findings if f.supplement.name == "red yeast rice"]
    assert ryr, "the red yeast rice (monacolin K) of Armolipid Plus duplicates statin therapy"
    assert all(f.supplement.input == line for f in findings)


def test_licorice_in_immunoguard_meets_abiraterone(real_checker):
    line = "ImmunoGuard 12 tablets daily"
    findings = real_checker.check(drugs=["abiraterone"], supplements=[line]).findings
    licorice = [f for f in findings if f.supplement.name == "licorice"]
    assert licorice, "the licorice of ImmunoGuard adds to the mineralocorticoid excess of abiraterone"
    assert licorice[0].severity.value in {"moderate", "major"}
    assert all(f.supplement.input == line for f in findings)


def test_ginseng_in_gincosan_meets_warfarin(real_checker):
    line = "Gincosan 2 capsules daily"
    findings = real_checker.check(drugs=["warfarin"], supplements=[line]).findings
    names = {f.supplement.name for f in findings}
    assert {"Asian ginseng", "ginkgo"} <= names, "both herbs of Gincosan reach warfarin findings"
    assert all(f.supplement.input == line for f in findings)
