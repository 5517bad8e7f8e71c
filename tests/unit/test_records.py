"""The contract's records dump exactly as their pydantic twins do, and validate through them."""

from __future__ import annotations

import pytest
from suppcheck.models import CheckResult, Regimen, RegimenEntry, Severity


@pytest.fixture(scope="module")
def result(real_checker_module):
    return real_checker_module.check(drugs=["imatinib 400 mg daily", "warfarin 5 mg", "apixaban"],
                                     supplements=["St John's wort 300 mg three times daily", "fish oil 4 g daily",
                                                  "ginkgo", "turmeric 1 g", "unknownium"],
                                     context=["surgery"])


@pytest.fixture(scope="module")
def real_checker_module():
    from suppcheck import Checker, KnowledgeBase

    return Checker(KnowledgeBase.load(use_cache=False))


def test_a_result_dumps_as_its_pydantic_twin_does(result):
    twin = CheckResult.pydantic_model().model_validate(result.model_dump())
    assert twin.model_dump_json() == result.model_dump_json()
    assert twin.model_dump_json(indent=2) == result.model_dump_json(indent=2)
    assert twin.model_dump(mode="json") == result.model_dump(mode="json")


def test_a_result_round_trips_through_json(result):
    again = CheckResult.model_validate_json(result.model_dump_json())
    assert again == result
    assert again.findings[0].severity in Severity


def test_records_are_frozen_and_coerce_as_the_contract_says(result):
    with pytest.raises(TypeError):
        result.findings[0].title = "changed"
    assert isinstance(result.findings[0].severity, Severity)
    assert all(isinstance(i.match.score, float) for i in result.items if i.match)


def test_input_is_validated_by_the_twin():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Regimen.model_validate({"drugs": ["warfarin"], "extra": 1})
    with pytest.raises(ValidationError):
        RegimenEntry.model_validate({"name": ""})
    assert Regimen.model_validate({"surgery_date": "2027-01-05"}).surgery_date.isoformat() == "2027-01-05"


def test_counts_that_do_not_match_the_findings_are_refused(result):
    data = result.model_dump(mode="json")
    data["summary"]["counts"]["major"] += 1
    with pytest.raises(ValueError):
        CheckResult.model_validate(data)


def test_inputs_built_directly_are_checked_as_the_contract_says():
    from suppcheck.errors import InputError

    with pytest.raises(InputError, match="expected a list"):
        Regimen(drugs="warfarin")  # never read letter by letter
    with pytest.raises(InputError, match=r"drugs\[0\]"):
        Regimen(drugs=[1])
    with pytest.raises(InputError):
        RegimenEntry(name="")
    regimen = Regimen(supplements=[{"name": "ginkgo", "dose": "120 mg"}], surgery_date="2027-01-02")
    assert isinstance(regimen.supplements[0], RegimenEntry) and regimen.surgery_date.isoformat() == "2027-01-02"


def test_json_text_is_the_standard_encoding_with_remembered_findings():
    import json

    from suppcheck.engine import default_checker
    from suppcheck.records import _TEXT_MEMO, json_text

    checker = default_checker()
    regimen = dict(drugs=["warfarin 5 mg daily", "imatinib 400 mg"], supplements=["ginkgo 120 mg", "fish oil 4 g",
                                                                                  "St John's wort"],
                   context=["surgery"])
    result = checker.check(**regimen)
    assert result.findings
    assert json_text(result) == json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
    assert json_text(result, compact=True) == result.model_dump_json()
    again = checker.check(**regimen)
    assert again.findings[0] is result.findings[0]  # the same finding object: its text is written once
    assert _TEXT_MEMO[(id(again.findings[0]), False)][0] is again.findings[0]
    assert json_text(again) == json_text(result)


def test_json_text_escapes_terminal_controls_and_keeps_the_values():
    import json

    from suppcheck.engine import default_checker
    from suppcheck.records import json_text

    result = default_checker().check(drugs=["warfarin\u202e"], supplements=["ginkgo\x85 120 mg"])
    text = json_text(result)
    assert "\u202e" not in text and "\x85" not in text and "\\u202e" in text and "\\u0085" in text
    assert json.loads(text) == result.model_dump(mode="json")


def test_json_text_of_a_label_reading_and_odd_text_is_the_standard_encoding():
    """Field by field, the writer gives the encoder's bytes for floats, counts, empty lists, nested records,
    quotes, backslashes, non-Latin letters and controls (a label reading holds all of them)."""
    import json
    from pathlib import Path

    from suppcheck.engine import default_checker
    from suppcheck.labels import check_label
    from suppcheck.records import json_text

    checker = default_checker()
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))][:6]
    texts.append('Supplement Facts\nGinkgo "biloba" \\ leaf 120 mg\nЖень-шень 200 mg\n銀杏 40 mg\tx\x85')
    for text in texts:
        reading, result = check_label(checker, text, None)
        for record in (reading, result):
            assert json_text(record) == json.dumps(record.model_dump(mode="json"), ensure_ascii=False).replace(
                "\x85", "\\u0085")
            assert json_text(record, compact=True) == record.model_dump_json()
    assert any(i.amount is not None and isinstance(i.amount, float) for i in reading.ingredients)
