"""Hostile FHIR input: no current medication is ever lost, malformed text is an input error, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.operationoutcome import OperationOutcome
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from suppcheck import InputError
from suppcheck.fhir import MAX_BUNDLE_DEPTH, check_fhir, read_fhir, to_fhir_bundle
from suppcheck.models import Status
from suppcheck_cli.app import app
from typer.testing import CliRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fhir"
PATIENT = {"reference": "Patient/p1"}
runner = CliRunner()


def statement(rid: str, **fields: Any) -> dict[str, Any]:
    return {"resourceType": "MedicationStatement", "id": rid, "status": "active", "subject": PATIENT, **fields}


def medication(rid: str, **fields: Any) -> dict[str, Any]:
    return {"resourceType": "Medication", "id": rid, **fields}


def bundle(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}


def ingredient_ref(ref: str) -> dict[str, Any]:
    return {"itemReference": {"reference": ref}}


SJW = statement("ms1", medicationCodeableConcept={"text": "St John's wort"})

UNRESOLVABLE = {
    "reference to nowhere": (
        [statement("ms3", medicationReference={"reference": "Medication/missing"})],
        "MedicationStatement/ms3: medication reference Medication/missing could not be resolved"),
    "missing contained": (
        [statement("ms3", medicationReference={"reference": "#med1"},
                   contained=[medication("other", code={"text": "ginkgo"})])],
        "MedicationStatement/ms3: medication reference #med1 could not be resolved"),
    "ingredients loop": (
        [statement("ms3", medicationReference={"reference": "Medication/A"}),
         medication("A", ingredient=[ingredient_ref("Medication/B")]),
         medication("B", ingredient=[ingredient_ref("Medication/A")])],
        "MedicationStatement/ms3: ingredient reference Medication/A of Medication/B loops back"),
    "self reference": (
        [statement("ms3", medicationReference={"reference": "Medication/A"}),
         medication("A", code={"text": "ginkgo"}, ingredient=[ingredient_ref("Medication/A")])],
        "MedicationStatement/ms3: ingredient reference Medication/A of Medication/A loops back"),
    "contained self reference": (
        [statement("ms3", medicationReference={"reference": "#m"},
                   contained=[medication("m", ingredient=[ingredient_ref("#m")])])],
        "MedicationStatement/ms3: ingredient reference #m of Medication #m loops back"),
    "no code and no text": (
        [statement("ms3", medicationReference={"reference": "Medication/A"}), medication("A", status="active")],
        "MedicationStatement/ms3: Medication/A has no code, text or ingredients"),
    "code without text or RxNorm": (
        [statement("ms3", medicationCodeableConcept={"coding": [{"system": "http://snomed.info/sct",
                                                                 "code": "412588001"}]})],
        "MedicationStatement/ms3: the medication code has no text, display or RxNorm code "
        "(only http://snomed.info/sct|412588001)"),
    "reference to a patient": (
        [statement("ms3", medicationReference={"reference": "Patient/p1"}), {"resourceType": "Patient", "id": "p1"}],
        "MedicationStatement/ms3: medication reference Patient/p1 is a Patient, not a Medication"),
    "ingredient to nowhere": (
        [statement("ms3", medicationReference={"reference": "Medication/A"}),
         medication("A", ingredient=[{"itemCodeableConcept": {"text": "ginkgo"}}, ingredient_ref("Medication/Z")])],
        "MedicationStatement/ms3: ingredient reference Medication/Z of Medication/A could not be resolved"),
}


@pytest.mark.parametrize("case", list(UNRESOLVABLE), ids=list(UNRESOLVABLE))
def test_unresolvable_current_medication_is_not_checked_never_dropped(real_checker, case):
    resources, text = UNRESOLVABLE[case]
    result, regimen = check_fhir(real_checker, bundle(SJW, *resources))
    [unread] = [i for i in result.items if i.input.startswith(text)]
    assert unread.status is Status.unrecognized
    assert unread.input in result.summary.not_checked
    [item] = [i for i in regimen.items if i.text == unread.input]
    assert item.reference == "MedicationStatement/ms3" and not item.resolved
    assert result.items[0].input == "St John's wort" and result.items[0].status is Status.recognized


def test_every_current_medication_appears_once_in_the_fixture(real_checker):
    result, regimen = check_fhir(real_checker, (FIXTURES / "unresolvable.json").read_text(encoding="utf-8"))
    assert [i.reference for i in regimen.items] == [
        "urn:uuid:22222222-2222-2222-2222-222222222222", "MedicationStatement/ms1", "MedicationStatement/ms3",
        "MedicationStatement/ms4", "MedicationStatement/ms5", "MedicationRequest/rx6", "MedicationStatement/ms7",
        "MedicationStatement/ms8"]
    assert [i.input for i in result.items] == [i.text for i in regimen.items]
    assert len(result.summary.not_checked) == 5
    assert ("MedicationStatement/ms9", "status stopped: not current therapy") in regimen.skipped
    assert result.findings and result.findings[0].severity.value == "major"


def test_fhir_output_names_unresolvable_references(real_checker):
    result, regimen = check_fhir(real_checker, (FIXTURES / "unresolvable.json").read_text(encoding="utf-8"))
    out = to_fhir_bundle(result, regimen)
    [outcome] = [e["resource"] for e in out["entry"] if e["resource"]["resourceType"] == "OperationOutcome"]
    OperationOutcome.model_validate(outcome)
    diagnostics = [i["diagnostics"] for i in outcome["issue"]]
    assert ("MedicationStatement/ms3: medication reference Medication/missing could not be resolved: NOT CHECKED"
            in diagnostics)
    assert sum("NOT CHECKED" in d for d in diagnostics) == 5
    # No stand-in MedicationStatement: the unreadable lines keep their own references.
    assert not [e for e in out["entry"] if e["resource"]["resourceType"] == "MedicationStatement"]


def test_nested_bundles_are_read_and_references_cross_them(real_checker):
    inner = bundle(statement("ms2", medicationReference={"reference": "Medication/A"}),
                   bundle(statement("ms3", medicationCodeableConcept={"text": "ginkgo"})))
    data = bundle(SJW, inner, medication("A", code={"text": "turmeric"}))
    result, regimen = check_fhir(real_checker, data)
    assert [i.input for i in result.items] == ["St John's wort", "turmeric", "ginkgo"]
    assert [i.reference for i in regimen.items] == [f"MedicationStatement/ms{n}" for n in (1, 2, 3)]


def nested(depth: int) -> dict[str, Any]:
    data = bundle(SJW)
    for _ in range(depth):
        data = bundle(data)
    return data


def test_nested_bundle_depth_is_bounded():
    assert [i.text for i in read_fhir(nested(MAX_BUNDLE_DEPTH)).items] == ["St John's wort"]
    with pytest.raises(InputError, match="Bundles nested more than 8 deep"):
        read_fhir(nested(MAX_BUNDLE_DEPTH + 1))


def test_ingredient_chains_are_bounded():
    chain = [medication(f"m{n}", ingredient=[ingredient_ref(f"Medication/m{n + 1}")]) for n in range(12)]
    data = bundle(statement("ms1", medicationReference={"reference": "Medication/m0"}), *chain,
                  medication("m12", code={"text": "ginkgo"}))
    with pytest.raises(InputError, match="ingredients nested more than 8 deep"):
        read_fhir(data)
    data = bundle(statement("ms1", medicationReference={"reference": "Medication/m9"}), *chain[9:],
                  medication("m12", code={"text": "ginkgo"}))
    assert [i.text for i in read_fhir(data).items] == ["ginkgo"]


def test_ingredient_fan_out_is_bounded():
    """Each Medication lists the next 30 times: 30**7 lines if expanded; refused after a bounded count."""
    meds = [medication(f"m{n}", ingredient=[ingredient_ref(f"Medication/m{n + 1}")] * 30) for n in range(7)]
    data = bundle(statement("ms1", medicationReference={"reference": "Medication/m0"}), *meds,
                  medication("m7", code={"text": "ginkgo"}))
    with pytest.raises(InputError, match="medication lines and ingredients"):
        read_fhir(data)


def test_combination_text_reaches_the_resolver_whole(real_checker):
    data = bundle(statement("ms1", medicationCodeableConcept={"text": "ginkgo and St John's wort"}))
    result, regimen = check_fhir(real_checker, data)
    assert [i.input for i in result.items] == ["ginkgo and St John's wort"]
    assert [i.text for i in regimen.items] == ["ginkgo and St John's wort"]


MS_TEXT = ('{"resourceType": "MedicationStatement", "id": "ms1", "status": "active", '
           '"subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": %s}%s}')
MALFORMED = {
    "deep nesting": ('{"resourceType": "Bundle", "type": "collection", "x": ' + "[" * 1000 + "]" * 1000 + "}",
                     "nested too deeply"),
    "5000-digit number": (MS_TEXT % ('"ginkgo"', ', "dosage": [{"doseAndRate": [{"doseQuantity": {"value": '
                                     + "9" * 5000 + "}}]}]"), "integer string conversion"),
    "lone surrogate": (MS_TEXT % ('"gink\\ud800go"', ""), "not valid Unicode"),
    "lone surrogate in a key": (MS_TEXT % ('"ginkgo"', ', "\\udfff": 1'), "not valid Unicode"),
    "duplicate key": (MS_TEXT % ('"ginkgo"', ', "status": "stopped"'), "duplicate JSON key status"),
    "NaN": (MS_TEXT % ('"ginkgo"', ', "dosage": [{"doseAndRate": [{"doseQuantity": {"value": NaN}}]}]'),
            "NaN is not a JSON value"),
    "negative dose": (MS_TEXT % ('"ginkgo"', ', "dosage": [{"doseAndRate": [{"doseQuantity": {"value": -300}}]}]'),
                      "MedicationStatement/ms1: dose value -300 is negative"),
    "absurd dose": (MS_TEXT % ('"ginkgo"', ', "dosage": [{"doseAndRate": [{"doseQuantity": {"value": 1e12}}]}]'),
                    "MedicationStatement/ms1: dose value 1000000000000.0 is over 1000000000"),
    "infinite dose": (MS_TEXT % ('"ginkgo"', ', "dosage": [{"doseAndRate": [{"doseQuantity": {"value": 1e999}}]}]'),
                      "the number 1e999 is out of range"),
}


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_malformed_text_is_an_input_error(case):
    text, message = MALFORMED[case]
    with pytest.raises(InputError, match=message):
        read_fhir(text)
    with pytest.raises(InputError, match=message):
        read_fhir(text.encode("utf-8"))


def test_already_parsed_hostile_data_is_an_input_error():
    """The service hands over parsed JSON: deep nesting, lone surrogates and NaN doses are refused there too."""
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(InputError, match="nested more than"):
        read_fhir({"resourceType": "Bundle", "type": "collection", "x": deep})
    with pytest.raises(InputError, match="not valid Unicode"):
        read_fhir(statement("ms1", medicationCodeableConcept={"text": "gink\ud800go"}))
    for value, message in ((float("nan"), "nan is not a finite number"), (float("-inf"), "-inf is not a finite"),
                           (-1, "ms1: dose value -1 is negative"), (5e9, "ms1: dose value 5000000000.0 is over"),
                           ("12abc", "does not validate"), (True, "does not validate")):
        dosage = [{"doseAndRate": [{"doseQuantity": {"value": value, "unit": "mg"}}]}]
        with pytest.raises(InputError, match=message):
            read_fhir(statement("ms1", medicationCodeableConcept={"text": "ginkgo"}, dosage=dosage))


def test_plausible_doses_are_written_plainly():
    for value, text in ((1_000_000, "ginkgo 1000000 mg"), (0.25, "ginkgo 0.25 mg"), (1e-7, "ginkgo 0.0000001 mg")):
        dosage = [{"doseAndRate": [{"doseQuantity": {"value": value, "unit": "mg"}}],
                   "timing": {"repeat": {"frequency": 2147483647, "period": 1e-300, "periodUnit": "d"}}}]
        [item] = read_fhir(statement("ms1", medicationCodeableConcept={"text": "ginkgo"}, dosage=dosage)).items
        assert item.text == text


# Building blocks of a current medication, readable or not: each gives exactly one line.
BLOCKS = [
    lambda n: [statement(f"s{n}", medicationCodeableConcept={"text": "ginkgo"})],
    lambda n: [statement(f"s{n}", medicationReference={"reference": f"Medication/gone{n}"})],
    lambda n: [statement(f"s{n}", medicationReference={"reference": "#x"})],
    lambda n: [statement(f"s{n}", medicationReference={"reference": f"Medication/a{n}"}),
               medication(f"a{n}", ingredient=[ingredient_ref(f"Medication/b{n}")]),
               medication(f"b{n}", ingredient=[ingredient_ref(f"Medication/a{n}")])],
    lambda n: [statement(f"s{n}", medicationReference={"reference": f"Medication/c{n}"}),
               medication(f"c{n}", form={"text": "tablet"})],
    lambda n: [{"resourceType": "MedicationRequest", "id": f"r{n}", "status": "unknown", "intent": "order",
                "subject": PATIENT, "medicationReference": {"reference": f"Medication/d{n}", "display": "turmeric"}}],
    lambda n: [statement(f"s{n}", status="stopped", medicationCodeableConcept={"text": "ginkgo"})],
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(BLOCKS) - 1), st.integers(0, 2)), min_size=1, max_size=8))
def test_count_out_equals_count_in(real_checker, plan):
    """However the blocks are mixed and nested, each current medication gives one item."""
    top: list[dict[str, Any]] = []
    inner: list[dict[str, Any]] = []
    current = 0
    for n, (kind, depth) in enumerate(plan):
        resources = BLOCKS[kind](n)
        current += kind != 6
        (top if depth == 0 else inner).extend(resources if depth < 2 else [bundle(*resources)])
    data = bundle(*top, bundle(*inner))
    if current == 0:
        with pytest.raises(InputError, match="no current"):
            check_fhir(real_checker, data)
        return
    result, regimen = check_fhir(real_checker, data)
    assert len(result.items) == len(regimen.items) == current
    assert len({i.reference for i in regimen.items}) == current


def write(tmp_path: Path, name: str, content: str | dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_cli_unresolvable_fixture_exits_3_and_prints_the_items():
    result = runner.invoke(app, ["check", str(FIXTURES / "unresolvable.json"), "--format", "json"])
    assert result.exit_code == 3, result.output
    doc = json.loads(result.stdout)
    assert len(doc["items"]) == 8 and len(doc["summary"]["not_checked"]) == 5
    table = runner.invoke(app, ["check", str(FIXTURES / "unresolvable.json")])
    assert table.exit_code == 3
    flat = " ".join(table.stdout.split())
    assert "MedicationStatement/ms7: Medication/D has no code, text or ingredients: NOT CHECKED" in flat


@pytest.mark.parametrize("case", list(UNRESOLVABLE), ids=list(UNRESOLVABLE))
def test_cli_each_unresolvable_case_exits_3(tmp_path, case):
    resources, text = UNRESOLVABLE[case]
    result = runner.invoke(app, ["check", write(tmp_path, "bundle.json", bundle(SJW, *resources)), "-f", "json"])
    assert result.exit_code == 3, result.output
    doc = json.loads(result.stdout)
    assert [i["status"] for i in doc["items"] if i["input"].startswith(text)] == ["unrecognized"]


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_cli_malformed_exits_2_without_traceback(tmp_path, case):
    text, message = MALFORMED[case]
    result = runner.invoke(app, ["check", write(tmp_path, "bundle.json", text)])
    assert result.exit_code == 2, result.output
    assert message.split(" ")[0] in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""


def test_cli_nested_bundle_too_deep_exits_2(tmp_path):
    result = runner.invoke(app, ["check", write(tmp_path, "bundle.json", nested(MAX_BUNDLE_DEPTH + 1))])
    assert result.exit_code == 2 and "Bundles nested more than 8 deep" in result.stderr


def test_cds_service_shows_not_checked_card(real_checker):
    from fastapi.testclient import TestClient
    from suppcheck_cli.service import create_app

    prefetch = bundle(SJW, statement("ms3", medicationReference={"reference": "Medication/missing"}))
    body = {"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "p1"},
            "prefetch": {"medicationStatements": prefetch}}
    with TestClient(create_app(real_checker)) as client:
        response = client.post("/cds-services/suppcheck-patient-view", json=body)
    assert response.status_code == 200, response.text
    summaries = [c["summary"] for c in response.json()["cards"]]
    assert any(s.startswith("Not checked") and "Medication/missing" in s for s in summaries), summaries
