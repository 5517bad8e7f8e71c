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


def _every_record_class():
    import importlib
    import pkgutil

    import suppcheck
    from suppcheck.records import Record

    for module in pkgutil.iter_modules(suppcheck.__path__):
        if module.name not in ("server",):
            importlib.import_module(f"suppcheck.{module.name}")
    found, todo = [], [Record]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_field_types_are_read_as_typing_reads_them():
    """Which fields coerce to an enum or a float, and which hold records, is read without typing's full
    annotation pass; for every record class of the package it agrees with typing.get_type_hints."""
    import types
    import typing
    from enum import Enum

    from suppcheck import records

    classes = _every_record_class()
    assert len(classes) > 20
    coerced = nested = 0
    for cls in classes:
        hints = typing.get_type_hints(cls)
        expected = {}
        for name in cls._fields:
            hint = hints.get(name)
            for arg in (*typing.get_args(hint), hint):
                if isinstance(arg, type) and issubclass(arg, Enum):
                    expected[name] = arg
                elif arg is float:
                    expected[name] = records._to_float
        cls._enums = None
        assert cls._enum_fields() == expected, cls
        plan = []
        for name in cls._field_names:
            hint = hints.get(name)
            options = [a for a in (typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType)
                                   else (hint,)) if a is not type(None)]
            single = len(options) == 1 and options[0]
            if single is not False and typing.get_origin(single) is None and isinstance(single, type) \
                    and issubclass(single, records.Record):
                plan.append((name, 1))
            elif single is not False and typing.get_origin(single) is list and typing.get_args(single) \
                    and isinstance(typing.get_args(single)[0], type) and issubclass(typing.get_args(single)[0], records.Record):
                plan.append((name, 2))
            else:
                plan.append((name, 0))
        records._TEXT_PLANS.pop(cls, None)
        assert records._text_plan(cls) == tuple(plan), cls
        coerced += bool(expected)
        nested += any(kind for _name, kind in plan)
    assert coerced > 5 and nested > 5  # the comparison saw enums, floats and nested records
