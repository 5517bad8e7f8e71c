"""Label instructions of opioids, benzodiazepines and sleep drugs (real graph).

Midazolam's Swiss product information (Dormicum tablets) asks for a lower dose with CYP3A4 inhibitors and a higher one
with CYP3A4 inducers: grapefruit and goldenseal (graded CYP3A4 inhibitors) and St John's wort (a CYP3A4 inducer) keep
their curated moderate findings, which now quote it. Buprenorphine's (Subutex) and trazodone's texts speak only of
strong CYP3A4 inhibitors, a category no supplement of the graph falls into: grapefruit, a moderate inhibitor, keeps
the inferred finding with buprenorphine (or none with trazodone), and St John's wort is not lowered.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words", "label_words"), [
    # any CYP3A4 inhibitor: a lower dose of oral midazolam must be used
    ("midazolam", "grapefruit juice", "grapefruit", "moderate", "raises", "a lower dose must be used"),
    ("midazolam", "goldenseal 1 g", "goldenseal", "moderate", "raises", "a lower dose must be used"),
    # any CYP3A4 inducer: a higher dose is needed
    ("midazolam", "St John's wort", "St John's wort", "moderate", "lowers", "a higher dose is needed"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words,
                                                 label_words):
    f = finding_of(real_checker, drug, supplement, name, severity, words)
    assert label_words in f.evidence.summary


def test_strong_inhibitor_instruction_leaves_grapefruit_with_buprenorphine_to_inference(real_checker):
    result = real_checker.check(drugs=["buprenorphine"], supplements=["grapefruit"])
    [f] = pair(result, "grapefruit", "buprenorphine")
    assert f.severity.value == "moderate"
    assert "CYP3A4 inhibition" in f.title
    assert "Subutex" not in f.evidence.summary


def test_st_johns_wort_with_buprenorphine_is_not_lowered(real_checker):
    result = real_checker.check(drugs=["buprenorphine"], supplements=["St John's wort"])
    [f] = pair(result, "St John's wort", "buprenorphine")
    assert f.severity.value == "moderate"


def test_trazodone_strong_inhibitor_instruction_does_not_reach_grapefruit(real_checker):
    result = real_checker.check(drugs=["trazodone"], supplements=["grapefruit"])
    assert pair(result, "grapefruit", "trazodone") == []
