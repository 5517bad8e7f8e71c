"""Over-the-counter drugs added together (real graph): guaifenesin, doxylamine, pyrilamine, trimethoprim and miconazole.

Their names, brands and salts resolve to them; "Unisom" alone is ambiguous between the doxylamine and the
diphenhydramine products; the warnings recorded as properties reach the family rules (sedation, potassium); the
azole class brings miconazole the curated red yeast rice entry; and pairs the graph has no fact for stay silent.
None of their labels names a category of perpetrator or a supplement that acts on them, so no label instruction is
recorded or tested.
"""

from __future__ import annotations

import pytest
from drugcheck import line_names
from drugcheck import pair as _pair
from suppcheck.models import Role


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("guaifenesin", "guaifenesin"),
    ("Mucinex", "guaifenesin"),
    ("guaifenesin ER", "guaifenesin"),
    ("doxylamine", "doxylamine"),
    ("doxylamine succinate", "doxylamine"),
    ("Unisom SleepTabs", "doxylamine"),
    ("pyrilamine", "pyrilamine"),
    ("pyrilamine maleate", "pyrilamine"),
    ("mepyramine", "pyrilamine"),
    ("trimethoprim", "trimethoprim"),
    ("Primsol", "trimethoprim"),
    ("miconazole", "miconazole"),
    ("miconazole nitrate", "miconazole"),
    ("Oravig", "miconazole"),
    ("Monistat 7", "miconazole"),
    # the Unisom products that hold diphenhydramine
    ("Unisom SleepGels", "diphenhydramine"),
    ("Unisom SleepMelts", "diphenhydramine"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    res = real_checker.resolve(text, "drug")
    assert res.status.value == "recognized", (text, res.candidates)
    assert res.match.name == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Mucinex 600 mg twice daily", "guaifenesin"),
    ("doxylamine 25 mg at bedtime", "doxylamine"),
    ("Unisom SleepTabs 1 tablet at bedtime", "doxylamine"),
    ("trimethoprim 100 mg BID", "trimethoprim"),
    ("Oravig 50 mg buccal tablet daily", "miconazole"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    assert line_names(real_checker, line) == [expected], line


@pytest.mark.parametrize("line", ["Unisom", "Unisom 25 mg at bedtime"])
def test_the_bare_unisom_brand_is_ambiguous(real_checker, line):
    item, _ = real_checker.item(line, Role.drug)
    assert item.status.value == "ambiguous"
    assert {"doxylamine", "diphenhydramine"} <= {c.name for c in item.candidates}


@pytest.mark.parametrize("line", ["TMP-SMX", "Bactrim DS", "trimethoprim/sulfamethoxazole", "co-trimoxazole"])
def test_the_sulfamethoxazole_combination_is_still_its_own_drug(real_checker, line):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == "trimethoprim-sulfamethoxazole"


def test_a_cream_of_miconazole_is_read_as_a_form_for_the_skin(real_checker):
    item, _ = real_checker.item("miconazole cream twice daily", Role.drug)
    assert item.match.name == "miconazole"
    assert any("a form for the skin" in n for n in item.reading.notes)


# ----------------------------------------------------------------------------- properties and classes
@pytest.mark.parametrize(("line", "drug"), [
    ("Unisom SleepTabs 25 mg at bedtime", "doxylamine"),
    ("pyrilamine maleate 15 mg", "pyrilamine"),
])
def test_a_sedating_antihistamine_with_valerian_is_moderate(real_checker, line, drug):
    result = real_checker.check(drugs=[line], supplements=["valerian 450 mg at bedtime"])
    [f] = _pair(result, "valerian", drug)
    assert f.severity.value == "moderate"
    assert "sedation" in f.title


def test_trimethoprim_with_a_potassium_supplement_is_moderate(real_checker):
    result = real_checker.check(drugs=["trimethoprim 100 mg twice daily"], supplements=["potassium 99 mg"])
    [f] = _pair(result, "potassium", "trimethoprim")
    assert f.severity.value == "moderate"
    assert "potassium" in f.title


def test_miconazole_as_an_azole_meets_the_red_yeast_rice_entry(real_checker):
    result = real_checker.check(drugs=["Oravig 50 mg daily"], supplements=["red yeast rice 1200 mg"])
    [f] = _pair(result, "red yeast rice", "miconazole")
    assert f.severity.value == "major"
    assert "Azole antifungals" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize(("drug", "supplement"), [
    # no metabolic route or property of guaifenesin is recorded
    ("Mucinex", "St John's wort"),
    ("guaifenesin", "fish oil"),
    # nothing links trimethoprim to a bleeding or an antioxidant supplement
    ("trimethoprim", "fish oil"),
    # no substrate fact is recorded for miconazole, nor any for doxylamine
    ("miconazole", "St John's wort"),
    ("doxylamine", "St John's wort"),
])
def test_pairs_without_a_fact_stay_silent(real_checker, drug, supplement):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == drug]
