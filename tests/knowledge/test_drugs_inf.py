"""Anti-infective, immunology and urate-lowering comorbidity drugs added together (real graph): nitrofurantoin,
fosfomycin, rifaximin, fidaxomicin, mupirocin, ketoconazole, terbinafine, voclosporin, avacopan, pegloticase,
ravulizumab, deucravacitinib, secukinumab, ixekizumab, risankizumab, guselkumab, sarilumab, abatacept, golimumab,
certolizumab pegol, belimumab and anifrolumab.

Their names and brands resolve to them; those whose labels warn of serious infections are immunosuppressants and get
the immunostimulant rule and the immunosuppressant class entries as mycophenolate mofetil does; voclosporin's label
avoids grapefruit and its nephrotoxicity reaches the kidney rule as cyclosporine's does; the liver warnings of
ketoconazole, avacopan and risankizumab reach the liver rule; oral antibacterials get the probiotic entry as amoxicillin
does, while mupirocin ointment and ravulizumab (a complement inhibitor) stay silent.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, closure, line_names, pair


@pytest.mark.parametrize(("text", "expected"), [
    ("Macrobid", "nitrofurantoin"), ("Macrodantin", "nitrofurantoin"), ("Monurol", "fosfomycin"),
    ("Xifaxan", "rifaximin"), ("Dificid", "fidaxomicin"), ("Bactroban", "mupirocin"), ("Nizoral", "ketoconazole"),
    ("Lamisil", "terbinafine"), ("Lupkynis", "voclosporin"), ("Tavneos", "avacopan"), ("Krystexxa", "pegloticase"),
    ("Ultomiris", "ravulizumab"), ("Sotyktu", "deucravacitinib"), ("Cosentyx", "secukinumab"), ("Taltz", "ixekizumab"),
    ("Skyrizi", "risankizumab"), ("risankizumab-rzaa", "risankizumab"), ("Tremfya", "guselkumab"),
    ("Kevzara", "sarilumab"), ("Orencia", "abatacept"), ("Simponi Aria", "golimumab"), ("Cimzia", "certolizumab pegol"),
    ("Benlysta", "belimumab"), ("Saphnelo", "anifrolumab"), ("anifrolumab-fnia", "anifrolumab"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Macrobid 100 mg twice daily", "nitrofurantoin"),
    ("Cimzia 200 mg every 2 weeks", "certolizumab pegol"),
    ("Lupkynis 23.7 mg twice daily", "voclosporin"),
    ("Krystexxa 8 mg IV every 2 weeks", "pegloticase"),
])
def test_medication_lines_read_as_the_drug(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected]


@pytest.mark.parametrize("drug", ["golimumab", "certolizumab pegol", "secukinumab", "ixekizumab", "risankizumab",
                                  "guselkumab", "sarilumab", "abatacept", "belimumab", "anifrolumab",
                                  "deucravacitinib", "voclosporin", "avacopan"])
def test_an_immunosuppressant_gets_echinacea_as_mycophenolate_does(real_checker, drug):
    sibling = pair(real_checker.check(drugs=["mycophenolate mofetil"], supplements=["echinacea"]),
                   "echinacea", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=[drug], supplements=["echinacea"]), "echinacea", drug)
    assert found and [f.severity.value for f in found] == [f.severity.value for f in sibling]
    assert "immunosuppressant" in closure(real_checker, drug)


@pytest.mark.parametrize(("line", "drug"), [("Simponi", "golimumab"), ("Orencia", "abatacept"),
                                            ("Sotyktu 6 mg daily", "deucravacitinib")])
def test_astragalus_entry_for_immunosuppressants_reaches_them(real_checker, line, drug):
    sibling = pair(real_checker.check(drugs=["mycophenolate mofetil"], supplements=["astragalus"]),
                   "astragalus", "mycophenolate mofetil")
    found = pair(real_checker.check(drugs=[line], supplements=["astragalus"]), "astragalus", drug)
    assert found and [f.title for f in found] == [f.title for f in sibling]


def test_mangosteen_entry_for_calcineurin_inhibitors_reaches_voclosporin(real_checker):
    sibling = pair(real_checker.check(drugs=["tacrolimus"], supplements=["mangosteen"]), "mangosteen", "tacrolimus")
    found = pair(real_checker.check(drugs=["Lupkynis"], supplements=["mangosteen"]), "mangosteen", "voclosporin")
    assert found and [f.title for f in found] == [f.title for f in sibling]


def test_voclosporin_label_avoids_grapefruit(real_checker):
    result = real_checker.check(drugs=["Lupkynis 23.7 mg twice daily"], supplements=["grapefruit juice"])
    [f] = pair(result, "grapefruit", "voclosporin")
    assert f.severity.value == "major"
    assert f.kind.value == "pharmacokinetic"


def test_chaga_adds_to_voclosporin_kidney_toxicity_as_to_cyclosporine(real_checker):
    sibling = pair(real_checker.check(drugs=["cyclosporine"], supplements=["chaga"]), "chaga", "cyclosporine")
    found = pair(real_checker.check(drugs=["Lupkynis"], supplements=["chaga"]), "chaga", "voclosporin")
    assert found and any("kidney" in f.title for f in found)
    assert [f.severity.value for f in found] == [f.severity.value for f in sibling]


@pytest.mark.parametrize(("line", "drug"), [("ketoconazole 200 mg daily", "ketoconazole"),
                                            ("Tavneos 30 mg twice daily", "avacopan"), ("Skyrizi", "risankizumab")])
def test_kava_adds_to_the_liver_warnings(real_checker, line, drug):
    found = pair(real_checker.check(drugs=[line], supplements=["kava"]), "kava", drug)
    assert any("liver" in f.title for f in found)


@pytest.mark.parametrize(("line", "drug"), [("Macrobid 100 mg twice daily", "nitrofurantoin"),
                                            ("Xifaxan 550 mg twice daily", "rifaximin"),
                                            ("Monurol 3 g once", "fosfomycin"), ("Dificid 200 mg", "fidaxomicin")])
def test_oral_antibacterials_get_the_probiotic_entry_as_amoxicillin_does(real_checker, line, drug):
    sibling = pair(real_checker.check(drugs=["amoxicillin"], supplements=["probiotics"]), "probiotics", "amoxicillin")
    found = pair(real_checker.check(drugs=[line], supplements=["probiotics"]), "probiotics", drug)
    assert found and [f.title for f in found] == [f.title for f in sibling]


def test_mupirocin_ointment_and_ravulizumab_stay_silent(real_checker):
    """Negative controls: an ointment is outside the antibiotic class, and a complement inhibitor is no
    immunosuppressant in the graph."""
    assert not pair(real_checker.check(drugs=["Bactroban ointment"], supplements=["probiotics"]),
                    "probiotics", "mupirocin")
    assert not pair(real_checker.check(drugs=["Ultomiris"], supplements=["echinacea"]), "echinacea", "ravulizumab")
    assert "immunosuppressant" not in closure(real_checker, "ravulizumab")
