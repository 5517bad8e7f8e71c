"""Named regimens and fixed combinations read as their drugs, the liposomal product names, and isotretinoin (real graph)."""

from __future__ import annotations

import pytest


def _read(checker, line: str):
    [item] = checker.check(drugs=[line], supplements=[]).items
    return item


def _drugs(item) -> set[str]:
    return {c.match.name for c in item.components if c.match is not None}


@pytest.mark.parametrize("line, expected", [
    ("ABVD", {"doxorubicin", "bleomycin", "vinblastine", "dacarbazine"}),
    ("AVD", {"doxorubicin", "vinblastine", "dacarbazine"}),
    ("A+AVD", {"brentuximab vedotin", "doxorubicin", "vinblastine", "dacarbazine"}),
    ("BV-AVD", {"brentuximab vedotin", "doxorubicin", "vinblastine", "dacarbazine"}),
    ("BEACOPP", {"bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine", "prednisone"}),
    ("escalated BEACOPP", {"bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine",
                           "prednisone"}),
    ("eBEACOPP", {"bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine", "prednisone"}),
    ("BrECADD", {"brentuximab vedotin", "etoposide", "cyclophosphamide", "doxorubicin", "dacarbazine", "dexamethasone"}),
    ("PCV chemotherapy", {"procarbazine", "lomustine", "vincristine"}),
    ("BEP", {"bleomycin", "etoposide", "cisplatin"}),
    ("R-CVP", {"rituximab", "cyclophosphamide", "vincristine", "prednisone"}),
    ("DA-EPOCH-R", {"etoposide", "prednisone", "vincristine", "cyclophosphamide", "doxorubicin", "rituximab"}),
    ("EPOCH-R", {"etoposide", "prednisone", "vincristine", "cyclophosphamide", "doxorubicin", "rituximab"}),
    ("Pola-R-CHP", {"polatuzumab vedotin", "rituximab", "cyclophosphamide", "doxorubicin", "prednisone"}),
    ("R-ICE", {"rituximab", "ifosfamide", "carboplatin", "etoposide"}),
    ("hyper-CVAD", {"cyclophosphamide", "vincristine", "doxorubicin", "dexamethasone", "methotrexate", "cytarabine"}),
    ("7+3 with daunorubicin", {"cytarabine", "daunorubicin"}),
    ("7+3 with idarubicin", {"cytarabine", "idarubicin"}),
    ("FLAG-IDA", {"fludarabine", "cytarabine", "idarubicin"}),
    ("dose-dense MVAC", {"methotrexate", "vinblastine", "doxorubicin", "cisplatin"}),
    ("ddMVAC", {"methotrexate", "vinblastine", "doxorubicin", "cisplatin"}),
    ("TPF", {"docetaxel", "cisplatin", "fluorouracil"}),
    ("nivo/ipi", {"nivolumab", "ipilimumab"}),
    ("ipi/nivo", {"nivolumab", "ipilimumab"}),
    ("STRIDE regimen", {"tremelimumab", "durvalumab"}),
    ("tremelimumab/durvalumab", {"tremelimumab", "durvalumab"}),
    ("Opdualag", {"nivolumab", "relatlimab"}),
    ("Vyxeos", {"daunorubicin", "cytarabine"}),
    ("CPX-351", {"daunorubicin", "cytarabine"}),
])
def test_a_regimen_line_is_read_as_all_its_drugs(real_checker, line, expected):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert _drugs(item) == expected
    assert not item.reading.unread


@pytest.mark.parametrize("line", ["7+3", "3+7"])
def test_seven_plus_three_is_ambiguous_between_daunorubicin_and_idarubicin(real_checker, line):
    item = _read(real_checker, line)
    assert item.status.value == "ambiguous"
    assert {c.name for c in item.candidates} == {"7+3 with daunorubicin", "7+3 with idarubicin"}
    assert _drugs(item) == {"cytarabine", "daunorubicin", "idarubicin"}


@pytest.mark.parametrize("line", ["RICE", "PCV", "STRIDE"])
def test_words_and_shared_acronyms_are_not_read_as_regimens(real_checker, line):
    assert _read(real_checker, line).status.value != "recognized"


@pytest.mark.parametrize("line", ["EP", "VAC", "ICE", "AC", "TC"])
def test_short_acronyms_still_name_nothing(real_checker, line):
    assert _read(real_checker, line).status.value == "unrecognized"


def test_a_regimen_finding_reaches_its_drugs(real_checker):
    result = real_checker.check(drugs=["BEACOPP"], supplements=["St John's wort 300 mg three times daily"])
    assert result.findings
    assert {"etoposide", "doxorubicin"} & {f.drug.name for f in result.findings if f.drug is not None}


@pytest.mark.parametrize("line, drug", [
    ("Onivyde", "irinotecan"), ("liposomal irinotecan", "irinotecan"), ("irinotecan liposome injection", "irinotecan"),
    ("Marqibo", "vincristine"), ("vincristine sulfate liposome injection", "vincristine"),
    ("isotretinoin", "isotretinoin"), ("Accutane", "isotretinoin"), ("Absorica", "isotretinoin"),
    ("13-cis-retinoic acid", "isotretinoin"),
])
def test_liposomal_products_and_isotretinoin_resolve(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


def _vitamin_a(checker, drug: str, supplement: str):
    result = checker.check(drugs=[drug], supplements=[supplement])
    return [f for f in result.findings if f.drug is not None and f.supplement.name == "vitamin A"]


def test_vitamin_a_with_isotretinoin_follows_the_label(real_checker):
    [finding] = _vitamin_a(real_checker, "isotretinoin 40 mg daily", "vitamin A 10,000 IU daily")
    assert finding.severity.value == "major"
    assert finding.kind.value == "pharmacodynamic"
    assert "label" in finding.title
    assert "additive" in finding.effect


def test_beta_carotene_is_not_the_label_s_vitamin_a(real_checker):
    result = real_checker.check(drugs=["Absorica"], supplements=["beta-carotene 15 mg daily"])
    assert not [f for f in result.findings if f.drug is not None and f.drug.name == "isotretinoin"]


@pytest.mark.parametrize(("line", "also", "unread"), [
    ("Biktarvy warfarin", "warfarin", []),           # a second drug after a set's name is a part too
    ("FOLFOX zzzz", None, ["zzzz"]),                  # an unknown word after it is reported, never dropped
    ("FOLFOX bev", None, ["bev"]),
])
def test_words_after_a_regimen_name_are_read_never_dropped(real_checker, line, also, unread):
    from suppcheck.models import Role

    item, parties = real_checker.item(line, Role.drug)
    names = {c.match.name for c in item.components if c.match is not None}
    if also:
        assert also in names and any(p.entity.endswith("/" + also) for p in parties)
    assert item.reading.unread == unread
    if unread:
        assert line in real_checker.check(drugs=[line], supplements=["ginkgo"]).summary.not_checked
