"""FHIR R4 in and out, validated with the R4B models of fhir.resources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.detectedissue import DetectedIssue
from fhir.resources.R4B.operationoutcome import OperationOutcome
from suppcheck import InputError
from suppcheck.fhir import check_fhir, read_fhir, to_fhir_bundle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fhir"


def test_bundle_in_skips_stopped_and_reads_contained_ingredients():
    regimen = read_fhir((FIXTURES / "bundle.json").read_text(encoding="utf-8"))
    assert ("MedicationStatement/ms2", "status stopped: not current therapy") in regimen.skipped
    texts = [i.text for i in regimen.items]
    assert "St John's wort 300 mg three times daily" in texts
    assert {"turmeric", "Zorblax root"} <= set(texts)
    assert regimen.patient == "Patient/p1"


def test_round_trip_detected_issues_validate(real_checker):
    result, regimen = check_fhir(real_checker, (FIXTURES / "bundle.json").read_text(encoding="utf-8"))
    bundle = to_fhir_bundle(result, regimen)
    Bundle.model_validate(bundle)
    issues = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DetectedIssue"]
    for issue in issues:
        DetectedIssue.model_validate(issue)
    top = issues[0]
    assert top["severity"] == "high"
    assert {r["reference"] for r in top["implicated"]} == {"MedicationStatement/ms1",
                                                          "urn:uuid:11111111-1111-1111-1111-111111111111"}
    assert top["mitigation"][0]["action"]["text"].startswith("Avoid")
    assert any("PMID 15470331" in c["text"] for e in top["evidence"] for c in e["code"])
    [outcome] = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "OperationOutcome"]
    OperationOutcome.model_validate(outcome)
    text = json.dumps(outcome)
    assert "Zorblax root" in text and "NOT CHECKED" in text and "ms2 skipped" in text


def test_flags_to_fhir_bundle_carries_statements_for_references(real_checker):
    result = real_checker.check(drugs=["imatinib"], supplements=["St John's wort"])
    bundle = to_fhir_bundle(result)
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("MedicationStatement") == 2 and kinds.count("DetectedIssue") == 1
    urls = {e["fullUrl"] for e in bundle["entry"]}
    issue = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DetectedIssue")
    assert {r["reference"] for r in issue["implicated"]} <= urls


def test_rxnorm_code_resolves_first(make_checker):
    checker = make_checker("""drug:tinib a sc:Drug ; skos:prefLabel "tinib" ; sc:rxcui "999001" .
supp:herba a sc:Supplement ; skos:prefLabel "herba" ; sc:category "botanical" .
""")
    data = {"resourceType": "MedicationStatement", "id": "x", "status": "active", "subject": {"reference": "Patient/1"},
            "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                      "code": "999001", "display": "Brandname 10 MG tablet"}]}}
    result, _ = check_fhir(checker, data)
    assert result.items[0].match.name == "tinib" and result.items[0].match.method == "code"


@pytest.mark.parametrize(("data", "message"), [
    ({"resourceType": "Patient", "id": "1"}, "expected a Bundle"),
    ({"resourceType": "MedicationStatement", "status": "active"}, "does not validate"),
    ("{nope", "malformed JSON"),
])
def test_bad_fhir_is_an_input_error(real_checker, data, message):
    with pytest.raises(InputError, match=message):
        check_fhir(real_checker, data)


def test_single_request_with_unresolvable_medication_is_not_checked(real_checker):
    data = {"resourceType": "MedicationRequest", "id": "r1", "status": "active", "intent": "order",
            "subject": {"reference": "Patient/1"}, "medicationReference": {"reference": "#gone"}}
    result, regimen = check_fhir(real_checker, data)
    [item] = result.items
    assert item.input == "MedicationRequest/r1: medication reference #gone could not be resolved"
    assert item.status.value == "unrecognized" and item.role.value == "drug"
    assert result.summary.not_checked == [item.input]
    assert [(i.reference, i.resolved) for i in regimen.items] == [("MedicationRequest/r1", False)]


def _coded_request(rid: str, code: str) -> dict:
    return {"fullUrl": f"urn:uuid:00000000-0000-0000-0000-{int(rid):012d}",
            "resource": {"resourceType": "MedicationRequest", "id": rid, "status": "active", "intent": "order",
                         "subject": {"reference": "Patient/p1"},
                         "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                                   "code": code}]}}}


def test_a_bundle_coded_only_in_rxnorm_is_checked_by_code(real_checker):
    """Every drug of the graph that carries an RxCUI resolves from a code alone, with no text or display."""
    coded = sorted((code, e) for e in real_checker.kb.of_kind("drug") for code in e.rxcui)
    assert len(coded) >= 100
    entries = [_coded_request(str(n), code) for n, (code, _) in enumerate(coded, 1)]
    entries.append({"fullUrl": "urn:uuid:00000000-0000-0000-0000-999999999999",
                    "resource": {"resourceType": "MedicationStatement", "id": "s1", "status": "active",
                                 "subject": {"reference": "Patient/p1"},
                                 "medicationCodeableConcept": {"text": "St John's wort 300 mg three times daily"}}})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    result, _ = check_fhir(real_checker, bundle)
    drugs = [i for i in result.items if i.role.value == "drug"]
    assert len(drugs) == len(coded)
    for item, (code, entity) in zip(drugs, coded, strict=True):
        assert item.match is not None and item.match.id == entity.id and item.match.method == "code", (code, item)
    imatinib = next(e for c, e in coded if c == "282388")
    assert any(f.drug and f.drug.id == imatinib.id and f.supplement.name == "St John's wort"
               and f.severity.value == "major" for f in result.findings)


def test_the_operation_outcome_always_says_drug_drug_is_not_evaluated(real_checker):
    result = real_checker.check(drugs=["imatinib", "warfarin"], supplements=["St John's wort"])
    bundle = to_fhir_bundle(result)
    [outcome] = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "OperationOutcome"]
    OperationOutcome.model_validate(outcome)
    assert any("Drug-drug interactions are NOT evaluated: the 2 drugs" in i["diagnostics"] for i in outcome["issue"])
