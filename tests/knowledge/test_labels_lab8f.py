"""Label instructions for irinotecan, vincristine and vinorelbine (real graph).

Each row is an instruction recorded from a label text that was read; the negative controls are supplements the
label does not speak to (or names without an instruction), which keep their non-label finding.
"""

from __future__ import annotations

import pytest
from drugcheck import finding_of, pair


@pytest.mark.parametrize(("drug", "supplement", "name", "severity", "words"), [
    # EU package leaflet of ONIVYDE pegylated liposomal: avoid grapefruit and grapefruit juice
    ("irinotecan", "grapefruit juice", "grapefruit", "major", "avoid"),
    # US vincristine sulfate injection label: caution with CYP3A inhibitors (itraconazole reports)
    ("vincristine", "grapefruit", "grapefruit", "moderate", "monitor"),
    ("vincristine", "goldenseal 1 g", "goldenseal", "moderate", "monitor"),
    # Swiss product information of a vinorelbine capsule: caution; Hypericum perforatum named among CYP3A4 inducers
    ("vinorelbine", "St John's wort", "St John's wort", "minor", "monitor"),
])
def test_label_instructions_reach_the_supplement(real_checker, drug, supplement, name, severity, words):
    finding_of(real_checker, drug, supplement, name, severity, words)


def test_a_product_the_leaflet_names_without_an_instruction_keeps_its_curated_finding(real_checker):
    # the ONIVYDE leaflet only asks to tell the doctor about St John's wort: the curated SN-38 finding stands
    result = real_checker.check(drugs=["irinotecan"], supplements=["St John's wort"])
    [f] = pair(result, "St John's wort", "irinotecan")
    assert f.severity.value == "major"
    assert "SN-38" in f.title


def test_the_vincristine_label_says_nothing_of_inducers(real_checker):
    # the caution is for CYP3A inhibitors only: St John's wort keeps its inferred induction finding
    result = real_checker.check(drugs=["vincristine"], supplements=["St John's wort"])
    [f] = pair(result, "St John's wort", "vincristine")
    assert f.severity.value == "moderate"
    assert "label" not in f.title
