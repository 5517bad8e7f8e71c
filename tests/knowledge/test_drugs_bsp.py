"""Bispecific T-cell engagers and CAR T-cell therapies (real graph).

Names resolve to the right drug (generic with and without the US suffix, US and EU brands, a code name). The engagers
sit in the T-cell engager class under the bispecific and monoclonal antibodies, the CAR T-cell products in the CAR-T
class. Their facts reach the findings a sibling with the same property gets: fish oil with a myelosuppressive drug
(azacitidine), kava with a hepatotoxic drug (blinatumomab's label 5.7, as bicalutamide's label). Pairs without a fact
stay silent: St John's wort and grapefruit with antibodies not handled by CYP enzymes, and fish oil with tarlatamab,
whose warnings were not read.
"""

from __future__ import annotations

import pytest
from drugcheck import assert_resolves, line_names
from drugcheck import iri as _iri
from drugcheck import pair as _pair

ENGAGERS = ["blinatumomab", "teclistamab", "elranatamab", "talquetamab", "linvoseltamab", "tarlatamab",
            "epcoritamab", "glofitamab", "mosunetuzumab", "tebentafusp"]
CAR_T = ["tisagenlecleucel", "axicabtagene ciloleucel", "brexucabtagene autoleucel", "lisocabtagene maraleucel",
         "idecabtagene vicleucel", "ciltacabtagene autoleucel"]
# the drugs given prop:myelosuppressive (label text or the class reviews read); tarlatamab and tebentafusp are not
MYELOSUPPRESSIVE = [d for d in ENGAGERS if d not in ("tarlatamab", "tebentafusp")] + CAR_T


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("text", "expected"), [
    ("blinatumomab", "blinatumomab"), ("Blincyto", "blinatumomab"),
    ("teclistamab-cqyv", "teclistamab"), ("Tecvayli", "teclistamab"),
    ("elranatamab-bcmm", "elranatamab"), ("Elrexfio", "elranatamab"),
    ("talquetamab-tgvs", "talquetamab"), ("Talvey", "talquetamab"),
    ("linvoseltamab-gcpt", "linvoseltamab"), ("Lynozyfic", "linvoseltamab"),
    ("tarlatamab-dlle", "tarlatamab"), ("Imdelltra", "tarlatamab"), ("AMG757", "tarlatamab"),
    ("epcoritamab-bysp", "epcoritamab"), ("Epkinly", "epcoritamab"), ("Tepkinly", "epcoritamab"),
    ("glofitamab-gxbm", "glofitamab"), ("Columvi", "glofitamab"),
    ("mosunetuzumab-axgb", "mosunetuzumab"), ("Lunsumio", "mosunetuzumab"),
    ("tebentafusp-tebn", "tebentafusp"), ("Kimmtrak", "tebentafusp"),
    ("tisagenlecleucel", "tisagenlecleucel"), ("Kymriah", "tisagenlecleucel"),
    ("axicabtagene ciloleucel", "axicabtagene ciloleucel"), ("Yescarta", "axicabtagene ciloleucel"),
    ("brexucabtagene autoleucel", "brexucabtagene autoleucel"), ("Tecartus", "brexucabtagene autoleucel"),
    ("lisocabtagene maraleucel", "lisocabtagene maraleucel"), ("Breyanzi", "lisocabtagene maraleucel"),
    ("idecabtagene vicleucel", "idecabtagene vicleucel"), ("Abecma", "idecabtagene vicleucel"),
    ("ciltacabtagene autoleucel", "ciltacabtagene autoleucel"), ("Carvykti", "ciltacabtagene autoleucel"),
])
def test_names_resolve_to_the_drug(real_checker, text, expected):
    assert_resolves(real_checker, text, expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("Blincyto 28 mcg/day continuous IV infusion", "blinatumomab"),
    ("Tecvayli 1.5 mg/kg SC weekly", "teclistamab"),
    ("Columvi 30 mg IV every 21 days", "glofitamab"),
    ("Kimmtrak 68 mcg IV weekly", "tebentafusp"),
    ("Carvykti infusion", "ciltacabtagene autoleucel"),
])
def test_medication_lines_resolve(real_checker, line, expected):
    names = line_names(real_checker, line)
    assert names == [expected], line


# ----------------------------------------------------------------------------- classes
@pytest.mark.parametrize("name", ENGAGERS)
def test_engagers_are_bispecific_antibodies(real_checker, name):
    closure = {c.rsplit("/", 1)[-1] for c in real_checker.kb.class_closure.get(_iri(name), ())}
    assert {"t-cell-engager", "bispecific-antibody", "monoclonal-antibody"} <= closure, closure
    assert "car-t" not in closure


@pytest.mark.parametrize("name", CAR_T)
def test_car_t_products_are_in_the_car_t_class(real_checker, name):
    closure = {c.rsplit("/", 1)[-1] for c in real_checker.kb.class_closure.get(_iri(name), ())}
    assert "car-t" in closure, closure
    assert "monoclonal-antibody" not in closure


def test_engagers_are_not_cyp_handled_and_car_t_products_carry_no_cyp_claim(real_checker):
    kb = real_checker.kb
    for name in ENGAGERS:
        assert kb.no_cyp.get(_iri(name)), name
    for name in CAR_T:
        assert not kb.no_cyp.get(_iri(name)), name


# ----------------------------------------------------------------------------- findings a sibling gets
def _severity(real_checker, drug: str, supplement: str, name: str):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, name, drug)
    assert len(found) == 1, (drug, supplement, [f.title for f in result.findings])
    return found[0].severity.value


@pytest.mark.parametrize("name", MYELOSUPPRESSIVE)
def test_fish_oil_with_a_myelosuppressive_drug_as_with_azacitidine(real_checker, name):
    sibling = _severity(real_checker, "azacitidine", "fish oil", "fish oil")
    assert _severity(real_checker, name, "fish oil", "fish oil") == sibling


def test_kava_with_blinatumomab_as_with_a_hepatotoxic_sibling(real_checker):
    sibling = _severity(real_checker, "bicalutamide", "kava", "kava")
    result = real_checker.check(drugs=["blinatumomab"], supplements=["kava"])
    [f] = _pair(result, "kava", "blinatumomab")
    assert f.severity.value == sibling
    assert "blinatumomab" in f.title


# ----------------------------------------------------------------------------- negative controls
@pytest.mark.parametrize("name", ["teclistamab", "glofitamab", "tebentafusp"])
def test_st_johns_wort_and_grapefruit_give_nothing_with_an_engager(real_checker, name):
    result = real_checker.check(drugs=[name], supplements=["St John's wort", "grapefruit"])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == name]


def test_fish_oil_gives_nothing_with_tarlatamab(real_checker):
    # no warning of tarlatamab's was read beyond CRS, so it carries no myelosuppressive property
    result = real_checker.check(drugs=["Imdelltra"], supplements=["fish oil"])
    assert not _pair(result, "fish oil", "tarlatamab")
