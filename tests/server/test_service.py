"""The real CDS Hooks service on a loopback port, called over HTTP."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import httpx
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fhir"
INDICATORS = {"info", "warning", "critical"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests_support import live_service

    yield from live_service(tmp_path_factory)


def test_discovery(server):
    base, _ = server
    services = httpx.get(f"{base}/cds-services").json()["services"]
    hooks = {s["hook"] for s in services}
    assert {"order-select", "order-sign"} <= hooks
    for s in services:
        assert s["id"] and s["description"] and "{{context.patientId}}" in json.dumps(s["prefetch"])


def test_order_sign_cards(server):
    base, log = server
    request = json.loads((FIXTURES / "order-sign.json").read_text(encoding="utf-8"))
    response = httpx.post(f"{base}/cds-services/suppcheck-order-sign", json=request)
    assert response.status_code == 200
    cards = response.json()["cards"]
    assert cards
    for card in cards:
        assert len(card["summary"]) <= 140 and card["indicator"] in INDICATORS
        assert card["source"]["label"] == "suppcheck" and "graph" in card["source"]["topic"]["display"]
        assert card["detail"] and "drug-drug interactions are not evaluated" in card["detail"]
    top = cards[0]
    assert top["indicator"] == "critical" and "imatinib" in top["summary"]
    assert "PMID 15470331" in top["detail"]
    [suggestion] = top["suggestions"]
    assert suggestion["actions"][0] == {"type": "delete", "description": "Remove St John's wort",
                                        "resourceId": "MedicationRequest/draft-sjw"}
    assert top["selectionBehavior"] == "at-most-one"
    assert "St John" not in log.read_text(), "no medication names in the logs"


def test_nothing_to_say_is_an_empty_card_list(server):
    base, _ = server
    request = {"hook": "order-select", "hookInstance": "x", "context": {"patientId": "1", "draftOrders": {
        "resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
            "resourceType": "MedicationRequest", "id": "d1", "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/1"}, "medicationCodeableConcept": {"text": "ondansetron 8 mg"}}}]}},
        "prefetch": {"medicationStatements": None}}
    response = httpx.post(f"{base}/cds-services/suppcheck-order-select", json=request)
    assert response.status_code == 200 and response.json() == {"cards": []}


@pytest.mark.parametrize(("path", "content", "status"), [
    ("/cds-services/suppcheck-order-sign", b"{not json", 400),
    ("/cds-services/no-such-hook", b"{}", 404),
    ("/cds-services/suppcheck-order-sign", json.dumps({"hook": "order-sign", "context": {"draftOrders": {
        "resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
            "resourceType": "MedicationRequest", "status": "draft"}}]}}}).encode(), 422),
    ("/cds-services/suppcheck-order-sign", b"[" + b"1," * 1_200_000 + b"1]", 413),
    ("/check", b"{\"drugs\": 5}", 422),
    ("/check", b"{\"drugs\": []}", 422),
])
def test_bad_requests_get_a_clear_4xx(server, path, content, status):
    base, _ = server
    response = httpx.post(f"{base}{path}", content=content, headers={"content-type": "application/json"})
    assert response.status_code == status
    body = response.json()
    assert body.get("resourceType") == "OperationOutcome" or "error" in body
    assert "Traceback" not in response.text


def test_plain_check_endpoint_returns_the_contract(server):
    base, _ = server
    response = httpx.post(f"{base}/check", json={"drugs": ["imatinib 400 mg daily"], "supplements": ["St John's wort"]})
    assert response.status_code == 200
    doc = response.json()
    assert doc["schema_version"] == "1" and doc["findings"][0]["severity"] == "major"
    assert "/check" in httpx.get(f"{base}/openapi.json").json()["paths"]


def test_the_log_has_no_query_string_request_text_or_traceback(server):
    base, log = server
    assert httpx.get(f"{base}/cds-services?medication=ginkgo-in-the-url").status_code == 200
    assert httpx.post(f"{base}/cds-services/ginkgo-in-the-path", json={}).status_code == 404
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=3) as conn:  # a client that hangs up mid-body
        conn.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"drugs\": [\"ginkgo-in-a-body")
    assert httpx.post(f"{base}/check", content=b"[" * 100 + b"]" * 100).status_code == 400
    time.sleep(0.3)
    text = log.read_text()
    assert '"GET /cds-services HTTP/1.1" 200' in text and '"POST (other path) HTTP/1.1" 404' in text
    assert "ginkgo" not in text and "Traceback" not in text and "ERROR" not in text
