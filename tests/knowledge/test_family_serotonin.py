"""Serotonin, photosensitivity, immune and neuropathy families (real graph).

Each test names the finding that a fact of families/serotonin.ttl, photosensitivity.ttl,
immune.ttl or neuropathy.ttl produces, and a negative control that must stay silent.
"""

from __future__ import annotations


def _pair(result, supplement: str, drug: str | None = None, context: str | None = None):
    out = []
    for f in result.findings:
        if f.supplement.name != supplement:
            continue
        if drug is not None and (f.drug is None or f.drug.name != drug):
            continue
        if context is not None and (f.drug is not None or context not in f.title):
            continue
        out.append(f)
    return out


def _text(f) -> str:
    return " ".join([f.title, f.effect, *f.notes]).lower()


# ----------------------------------------------------------------------------- serotonin
def test_l_tryptophan_adds_to_an_ssri(real_checker):
    result = real_checker.check(drugs=["fluoxetine 20 mg daily"], supplements=["L-tryptophan 1 g at night"])
    [f] = _pair(result, "L-tryptophan", "fluoxetine")
    assert "serotonergic" in f.title and "serotonin toxicity" in f.effect
    assert f.severity.value == "moderate"


def test_l_tryptophan_adds_to_tramadol(real_checker):
    result = real_checker.check(drugs=["tramadol 50 mg four times daily"], supplements=["tryptophan"])
    [f] = _pair(result, "L-tryptophan", "tramadol")
    assert "serotonergic" in f.title
    assert f.severity.value == "moderate"


def test_l_tryptophan_with_a_drug_that_is_not_serotonergic_is_silent(real_checker):
    result = real_checker.check(drugs=["letrozole"], supplements=["L-tryptophan 1 g"])
    assert not _pair(result, "L-tryptophan", "letrozole")


# ----------------------------------------------------------------------------- photosensitivity
def test_st_johns_wort_during_radiotherapy(real_checker):
    result = real_checker.check(drugs=[], supplements=["St John's wort 300 mg three times daily"],
                                context=["radiotherapy"])
    [f] = [f for f in result.findings if f.supplement.name == "St John's wort" and f.drug is None]
    assert "radiation" in f.title and "radiation recall" in f.effect
    assert f.severity.value == "moderate"


def test_st_johns_wort_adds_to_doxycycline_photosensitivity(real_checker):
    result = real_checker.check(drugs=["doxycycline 100 mg twice daily"], supplements=["St John's wort"])
    [f] = _pair(result, "St John's wort", "doxycycline")
    assert "photosensitivity" in f.title
    assert f.severity.value == "minor"


def test_st_johns_wort_adds_to_fluorouracil_photosensitivity(real_checker):
    result = real_checker.check(drugs=["fluorouracil"], supplements=["St John's wort"])
    found = _pair(result, "St John's wort", "fluorouracil")
    assert any("photosensitivity" in _text(f) for f in found), [f.title for f in found]


def test_photosensitising_drug_with_a_supplement_that_is_not_photosensitising_is_silent(real_checker):
    result = real_checker.check(drugs=["doxycycline 100 mg twice daily"], supplements=["melatonin 3 mg"])
    assert not any("photosensitivity" in _text(f) for f in result.findings)
    radiation = real_checker.check(drugs=[], supplements=["melatonin 3 mg"], context=["radiotherapy"])
    assert not radiation.findings


# ----------------------------------------------------------------------------- immune
def test_probiotics_with_a_central_line(real_checker):
    result = real_checker.check(drugs=[], supplements=["Lactobacillus rhamnosus GG"], context=["central line"])
    [f] = [f for f in result.findings if f.supplement.name == "probiotics" and f.drug is None]
    assert "central venous catheter" in f.title and "bloodstream infection" in f.effect
    assert f.severity.value == "moderate"


def test_probiotics_after_stem_cell_transplant(real_checker):
    result = real_checker.check(drugs=[], supplements=["probiotics"], context=["stem cell transplant"])
    [f] = [f for f in result.findings if f.supplement.name == "probiotics" and f.drug is None]
    assert "haematopoietic cell transplantation" in f.title and "bloodstream infection" in f.effect
    assert f.severity.value == "moderate"


def test_probiotics_with_a_checkpoint_inhibitor_is_minor_and_observational(real_checker):
    result = real_checker.check(drugs=["pembrolizumab"], supplements=["probiotics"])
    [f] = _pair(result, "probiotics", "pembrolizumab")
    assert "checkpoint" in f.title and "observational" in f.title
    assert f.severity.value == "minor"


def test_no_live_organism_no_catheter_finding(real_checker):
    result = real_checker.check(drugs=[], supplements=["echinacea"], context=["central line", "stem cell transplant"])
    assert not result.findings
    assert not _pair(real_checker.check(drugs=["letrozole"], supplements=["probiotics"]), "probiotics", "letrozole")


# ----------------------------------------------------------------------------- neuropathy
def test_acetyl_l_carnitine_worsens_taxane_neuropathy(real_checker):
    for drug in ("paclitaxel", "docetaxel"):
        result = real_checker.check(drugs=[drug], supplements=["ALCAR 1000 mg three times daily"])
        [f] = _pair(result, "acetyl-L-carnitine", drug)
        assert "worsens taxane-induced neuropathy" in f.title
        assert f.severity.value == "major"


def test_high_dose_pyridoxine_adds_to_neurotoxic_drugs(real_checker):
    for drug in ("oxaliplatin", "bortezomib", "vincristine"):
        result = real_checker.check(drugs=[drug], supplements=["pyridoxine 200 mg daily"])
        [f] = _pair(result, "vitamin B6", drug)
        assert "neuropathy" in f.title
        assert f.severity.value == "moderate"


def test_neuropathy_negative_controls(real_checker):
    # below the 100 mg/day threshold
    low = real_checker.check(drugs=["oxaliplatin"], supplements=["vitamin B6 50 mg daily"])
    assert not _pair(low, "vitamin B6", "oxaliplatin")
    # a drug that is not neurotoxic
    other = real_checker.check(drugs=["letrozole"], supplements=["vitamin B6 200 mg daily"])
    assert not _pair(other, "vitamin B6", "letrozole")
    # the trial studied taxanes only: no finding with a platinum drug
    platinum = real_checker.check(drugs=["oxaliplatin"], supplements=["acetyl-L-carnitine 3 g daily"])
    assert not _pair(platinum, "acetyl-L-carnitine", "oxaliplatin")
