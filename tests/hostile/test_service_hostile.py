"""Hostile requests to the CDS Hooks service and POST /check: a clear 4xx, never a 500 or a traceback."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from suppcheck import Checker
from suppcheck_cli.app import app as cli_app
from suppcheck_cli.service import HeaderTimeoutProtocol, create_app
from typer.testing import CliRunner

SIGN = "/cds-services/suppcheck-order-sign"
VIEW = "/cds-services/suppcheck-patient-view"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202e]")


@pytest.fixture(scope="module")
def checker(real_checker: Checker) -> Checker:
    return real_checker


@pytest.fixture(scope="module")
def client(checker: Checker) -> TestClient:
    return TestClient(create_app(checker), raise_server_exceptions=True)


def _order(text: str, rid: str = "d1", dose: str | None = None) -> dict[str, Any]:
    resource = {"resourceType": "MedicationRequest", "id": rid, "status": "draft", "intent": "order",
                "subject": {"reference": "Patient/1"}, "medicationCodeableConcept": {"text": text}}
    if dose is not None:
        resource["dosageInstruction"] = [{"doseAndRate": [{"doseQuantity": {"value": "DOSE", "unit": "mg"}}]}]
    return resource


def _sign(entries: Any) -> dict[str, Any]:
    return {"hook": "order-sign", "hookInstance": "h", "context": {"patientId": "1", "draftOrders": {
        "resourceType": "Bundle", "type": "collection", "entry": entries}}}


def _view(*texts: str) -> dict[str, Any]:
    entries = [{"resource": {"resourceType": "MedicationStatement", "id": f"m{n}", "status": "active",
                             "subject": {"reference": "Patient/1"}, "medicationCodeableConcept": {"text": t}}}
               for n, t in enumerate(texts)]
    return {"hook": "patient-view", "hookInstance": "h", "context": {"patientId": "1"},
            "prefetch": {"medicationStatements": {"resourceType": "Bundle", "type": "searchset", "entry": entries}}}


def _sign_dose(number: str) -> bytes:
    return json.dumps(_sign([{"resource": _order("warfarin", dose="x")}])).replace('"DOSE"', number).encode()


DEEP = b"[" * 1000 + b"]" * 1000
LONG = "9" * 400
CASES = [  # (name, path, body, status, what the message says)
    ("deep JSON, CDS", SIGN, DEEP, 400, "nested more than 64"),
    ("deep JSON, check", "/check", b'{"drugs": ' + DEEP + b"}", 400, "nested more than 64"),
    ("lone surrogate, CDS", SIGN, json.dumps(_sign([{"resource": _order("x")}])).replace('"x"', '"\\ud800"').encode(),
     400, "not valid Unicode"),
    ("lone surrogate, check", "/check", b'{"drugs": ["warfarin\\udfff"], "supplements": ["fish oil"]}', 400,
     "not valid Unicode"),
    ("UTF-8 encoded surrogate", "/check", b'{"drugs": ["warfarin\xed\xa0\x80"]}', 400, "not UTF-8"),
    ("entry a string", SIGN, json.dumps(_sign(["abc"])).encode(), 422, "entry[0] must be a JSON object, not a string"),
    ("entry a number", SIGN, json.dumps(_sign([5])).encode(), 422, "entry[0] must be a JSON object, not a number"),
    ("entry a list", SIGN, json.dumps(_sign([[1]])).encode(), 422, "entry[0] must be a JSON object, not a list"),
    ("resource a string", SIGN, json.dumps(_sign([{"resource": "x"}])).encode(), 422,
     "entry[0].resource must be a JSON object"),
    ("resource a list", SIGN, json.dumps(_sign([{"resource": [1]}])).encode(), 422,
     "entry[0].resource must be a JSON object"),
    ("entry an object", SIGN, json.dumps(_sign({"resource": {}})).encode(), 422, "Bundle.entry must be a list"),
    ("fullUrl a list", SIGN, json.dumps(_sign([{"fullUrl": [1], "resource": _order("x")}])).encode(), 422,
     "fullUrl must be a string"),
    ("400-digit dose, check", "/check", f'{{"drugs": [{{"name": "warfarin", "dose": {LONG}}}]}}'.encode(), 400,
     "more than 50 digits"),
    ("1e400 dose, check", "/check", b'{"drugs": [{"name": "warfarin", "dose": 1e400}]}', 400, "out of range"),
    ("400-digit doseQuantity", SIGN, _sign_dose(LONG), 400, "more than 50 digits"),
    ("1e400 doseQuantity", SIGN, _sign_dose("1e400"), 400, "out of range"),
    ("NaN doseQuantity", SIGN, _sign_dose("NaN"), 400, "NaN is not a JSON value"),
    ("duplicate key, check", "/check", b'{"supplements": ["fish oil"], "drugs": ["warfarin"], "supplements": []}',
     400, "duplicate key 'supplements'"),
    ("duplicate key, CDS", SIGN, b'{"hook": "order-sign", "context": {}, "context": {}}', 400,
     "duplicate key 'context'"),
    ("empty body", "/check", b"", 400, "empty body"),
    ("not UTF-8", SIGN, b"\xff\xfe{\x00}\x00", 400, "not UTF-8"),
    ("over 20,000 items", "/check", json.dumps({"drugs": ["warfarin"] * 20_001}).encode(), 422,
     "more than the 20000"),
]


@pytest.mark.parametrize(("path", "body", "status", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_requests_get_a_4xx_that_says_why(client, caplog, path, body, status, says):
    response = client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    doc = response.json()
    message = doc["issue"][0]["diagnostics"] if path.startswith("/cds") else doc["error"]
    if path.startswith("/cds"):
        assert doc["resourceType"] == "OperationOutcome"
    assert says in message
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_user_text_in_cards_is_escaped(client):
    evil = "[click](http://evil.example) <img src=x onerror=alert(1)> www.evil.example \x07\u202e`x`"
    response = client.post(VIEW, json=_view("warfarin", f"ginseng {evil}", f"zzqx {evil}"))
    assert response.status_code == 200
    cards = response.json()["cards"]
    ginseng = [c for c in cards if "ginseng" in c["detail"] and "ambiguous" in c["detail"]]
    [not_checked] = [c for c in cards if c["summary"].startswith("Not checked")]
    assert ginseng, "the ambiguity note quotes the request"
    for card in [*ginseng, not_checked]:
        for text in (card["summary"], card["detail"]):
            assert "<img" not in text and "](http://evil" not in text and "www.evil" not in text
            assert "http://evil" not in text and not CONTROL.search(text.replace("\n", ""))
    for text in [not_checked["detail"], *(c["detail"] for c in ginseng)]:
        assert "\\[click\\](http:\\/\\/evil.example) &lt;img src=x onerror=alert(1)&gt; www\\.evil" in text
    assert "zzqx \\[click\\]" in not_checked["summary"]


def test_every_unrecognised_item_is_named_in_the_not_checked_card(client):
    names = [f"zzqx unknown product number {n}" for n in range(12)]
    response = client.post(VIEW, json=_view("warfarin", *names))
    [card] = [c for c in response.json()["cards"] if c["summary"].startswith("Not checked")]
    assert len(card["summary"]) <= 140
    assert all(f"- {name}" in card["detail"] for name in names)


def test_an_internal_fault_is_one_log_line_without_request_text(checker, caplog):
    class Broken(Checker):
        def check_regimen(self, regimen):
            raise RuntimeError("ginkgo-from-the-request")

    client = TestClient(create_app(Broken(checker.kb)), raise_server_exceptions=False)
    response = client.post("/check", json={"drugs": ["warfarin"], "supplements": ["ginkgo"]})
    assert response.status_code == 500 and response.json()["resourceType"] == "OperationOutcome"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert "RuntimeError" in errors[0].getMessage() and "ginkgo" not in caplog.text


class _Slow(Checker):
    def check_regimen(self, regimen):
        time.sleep(1.5)
        return super().check_regimen(regimen)


def test_a_slow_check_times_out_and_does_not_hold_other_requests(checker):
    app = create_app(_Slow(checker.kb), check_timeout=0.5)

    async def run() -> tuple[httpx.Response, httpx.Response, float]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            slow = asyncio.create_task(http.post("/check", json={"drugs": ["warfarin"]}))
            await asyncio.sleep(0.1)
            start = time.monotonic()
            quick = await http.get("/cds-services")
            took = time.monotonic() - start
            return await slow, quick, took

    slow, quick, took = asyncio.run(run())
    assert quick.status_code == 200 and took < 0.4, "the event loop was held by a running check"
    assert slow.status_code == 503 and "longer than 0.5 s" in slow.json()["error"]


def test_a_client_hang_up_logs_no_error(checker, caplog):
    app = create_app(checker)
    messages = iter([{"type": "http.request", "body": b'{"drugs": [', "more_body": True}, {"type": "http.disconnect"}])
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/check", "raw_path": b"/check", "query_string": b"", "root_path": "",
             "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    with caplog.at_level(logging.DEBUG):
        asyncio.run(app(scope, receive, send))
    assert not [r for r in caplog.records if r.levelno > logging.DEBUG or r.exc_info]
    assert not sent, "nothing to answer a client that left"


# ------------------------------------------------------------------------------------- a real server on loopback
class _QuickHeaders(HeaderTimeoutProtocol):
    header_timeout = 0.5


@pytest.fixture(scope="module")
def live(checker: Checker) -> Iterator[tuple[str, int]]:
    from tests_support import in_process_server

    yield from in_process_server(create_app(checker, body_timeout=0.5), http=_QuickHeaders, access_log=True,
                                 timeout_keep_alive=5)


def _raw(address: tuple[str, int], data: bytes, wait: float = 3.0, close_after: bool = False) -> bytes:
    with socket.create_connection(address, timeout=wait) as conn:
        conn.sendall(data)
        if close_after:
            return b""
        chunks = []
        try:
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        except TimeoutError:
            pass
        return b"".join(chunks)


def test_slow_headers_are_cut_off(live):
    start = time.monotonic()
    answer = _raw(live, b"POST /check HTTP/1.1\r\nHost: x\r\n")
    assert answer == b"" and time.monotonic() - start < 2.5, "the connection should be closed, not held"


def test_a_slow_body_gets_408(live):
    answer = _raw(live, b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        b"Content-Length: 100\r\n\r\n{\"drugs\"")
    assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive within" in answer


def test_keep_alive_requests_still_work(live):
    request = b"GET /cds-services HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection(live, timeout=3) as conn:
        for _ in range(2):
            conn.sendall(request)
            time.sleep(0.7)  # longer than the header bound: idle between requests is keep-alive's business
            assert conn.recv(65536).startswith(b"HTTP/1.1 200")


def test_a_real_hang_up_logs_no_traceback(live, caplog):
    with caplog.at_level(logging.DEBUG):
        _raw(live, b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"drugs\": [", close_after=True)
        time.sleep(0.3)
        assert httpx.get(f"http://{live[0]}:{live[1]}/cds-services").status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


def test_the_access_log_has_no_query_string_or_unknown_path(live, caplog):
    base = f"http://{live[0]}:{live[1]}"
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        httpx.get(f"{base}/cds-services?medication=ginkgo-secret")
        httpx.post(f"{base}/cds-services/ginkgo-secret", json={})
    access = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any('"GET /cds-services HTTP/1.1" 200' in line for line in access), access
    assert any('"POST (other path) HTTP/1.1" 404' in line for line in access), access
    assert "ginkgo-secret" not in caplog.text


# ------------------------------------------------------------------------------------- suppcheck serve
def test_serve_on_a_port_in_use_exits_5_with_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "suppcheck_cli.app", "serve", "--port", str(port)],
                             capture_output=True, text=True, timeout=60)
    assert run.returncode == 5, run.stderr
    assert run.stderr.strip().splitlines() == [f"error: port {port} is in use; choose another with --port"]


def test_serve_without_the_server_extra_exits_5(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(cli_app, ["serve", "--port", "1"])
    assert result.exit_code == 5 and "server extra" in result.output


def test_concurrent_checks_give_the_answers_of_serial_ones(checker):
    regimens = [{"drugs": ["imatinib 400 mg daily", "warfarin"], "supplements": [s]}
                for s in ("St John's wort", "fish oil 3 g daily", "ginseng", "ginkgo 120 mg", "turmeric", "zzqx")] * 3

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(Checker(checker.kb))),
                                     base_url="http://t") as http:
            return await asyncio.gather(*(http.post("/check", json=r) for r in regimens))

    answers = asyncio.run(run())
    for regimen, answer in zip(regimens, answers, strict=True):
        assert answer.status_code == 200
        serial = json.loads(checker.check(drugs=regimen["drugs"], supplements=regimen["supplements"]).model_dump_json())
        assert answer.json() == serial
