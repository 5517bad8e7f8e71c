"""The web page of `suppcheck serve`: the form, the report, the handout, bad input and the logs."""

from __future__ import annotations

import logging
import re
import socket
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from fastapi.testclient import TestClient
from suppcheck_cli.service import MAX_BODY, create_app

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
FORM = "application/x-www-form-urlencoded"
REGIMEN = {"drugs": "imatinib 400 mg daily\r\nwarfarin 5 mg daily",
           "supplements": "St John's wort 300 mg three times daily\r\nginkgo 120 mg daily\r\nzzqx root",
           "context": ["radiation"], "surgery_date": "2027-01-15", "contact": "the oncology pharmacy, 555-0100"}
NAMES = ("imatinib", "warfarin", "St John", "ginkgo", "zzqx", "555-0100")


@pytest.fixture(scope="module")
def client(real_checker) -> TestClient:
    return TestClient(create_app(real_checker), raise_server_exceptions=True)


class Page(HTMLParser):
    """What a test needs of a page: labels and their inputs, hidden fields, scripts, external references."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.label_for: list[str] = []
        self.controls: dict[str, dict[str, str | None]] = {}
        self.hidden: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.refs: list[str] = []
        self.lang: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "label" and a.get("for"):
            self.label_for.append(a["for"])
        if tag in ("input", "textarea", "select") and a.get("type") != "hidden":
            self.controls[a.get("id") or ""] = a
        if tag == "input" and a.get("type") == "hidden":
            self.hidden.append((a["name"], a.get("value") or ""))
        self.refs += [v for k, v in attrs if k in ("src", "href", "action", "formaction") and v]


def _post(client: TestClient, path: str, data: dict | list[tuple[str, str]]) -> httpx.Response:
    """Post a form as a browser does: URL-encoded UTF-8 (a list of pairs keeps repeated fields)."""
    return client.post(path, content=urlencode(data, doseq=True), headers={"content-type": FORM})


def test_the_form_has_every_field_labelled_and_no_script_or_external_asset(client, real_checker):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = Page(response.text)
    assert page.lang == "en" and "h1" in page.tags and "main" in page.tags
    assert {"drugs", "supplements", "label", "surgery_date", "contact"} <= set(page.controls)
    for ident in page.controls:
        assert ident and ident in page.label_for, f"the control {ident!r} has no <label for=...>"
    contexts = {e.id.rsplit("/", 1)[-1] for e in real_checker.kb.of_kind("context")}
    assert {"radiation", "surgery", "neutropenia", "thrombocytopenia", "lab-testing"} <= contexts
    assert {f"context-{c}" for c in contexts} <= set(page.controls)
    assert page.controls["surgery_date"]["type"] == "date"
    assert "script" not in page.tags and "<script" not in response.text.lower()
    assert all(ref.startswith("/") for ref in page.refs), page.refs
    assert not re.search(r"https?://|//[a-z]", response.text.split("<body>", 1)[0]), "no external asset in <head>"
    assert 'method="post"' in response.text and 'formaction="/handout"' in response.text
    assert response.headers["cache-control"] == "no-store"
    assert "script-src" not in response.headers["content-security-policy"]


def test_a_regimen_gives_the_report_not_checked_first_then_the_action_plan(client):
    response = _post(client, "/report", REGIMEN)
    assert response.status_code == 200
    text = response.text
    assert Page(text).lang == "en"
    order = [text.index(s) for s in ("Not checked", "Regimen as read", "Action plan per supplement", "Findings",
                                     "Sources")]
    assert order == sorted(order)
    assert text.index("zzqx root") < text.index("Regimen as read"), "the unrecognised line is listed first"
    assert "drug-drug interactions are not evaluated" in text.lower()
    assert "MAJOR: St John&#x27;s wort + imatinib" in text
    assert "STOP during treatment" in text and "Surgery date</dt><dd>2027-01-15" in text
    assert "radiation therapy" in text and "upcoming surgery" in text, "the contexts are in the header"
    assert 'class="matrix"' in text and "<script" not in text.lower()
    assert response.headers["cache-control"] == "no-store"


def test_the_report_is_the_html_renderer_of_format_html(client, real_checker):
    from suppcheck.report import build_report
    from suppcheck_cli.report_render import page

    form = {"drugs": "imatinib 400 mg daily", "supplements": "St John's wort 300 mg three times daily"}
    text = _post(client, "/report", form).text
    result = real_checker.check(drugs=[form["drugs"]], supplements=[form["supplements"]])
    rendered = page(build_report(result, real_checker.kb))
    body = rendered.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    assert body in text


def test_the_report_carries_the_input_to_the_handout_and_back(client):
    report = _post(client, "/report", REGIMEN)
    hidden = Page(report.text).hidden
    assert ("context", "radiation") in hidden and ("surgery_date", "2027-01-15") in hidden
    handout = _post(client, "/handout", hidden)
    assert handout.status_code == 200
    text = handout.text
    assert "<h1>Your supplements and your cancer care</h1>" in text
    assert "St John&#x27;s wort 300 mg three times daily: Stop." in text
    assert "ginkgo 120 mg daily: Stop before surgery." in text, "the second supplement line came through"
    assert "Your surgery date: 2027-01-15" in text and "Questions? Call the oncology pharmacy, 555-0100." in text
    assert "Bring every bottle to each visit" in text
    back = _post(client, "/report", Page(text).hidden)
    assert back.status_code == 200 and "MAJOR: St John&#x27;s wort + imatinib" in back.text


def test_the_handout_button_of_the_form(client):
    response = _post(client, "/handout", {"drugs": "imatinib", "supplements": "St John's wort"})
    assert response.status_code == 200
    assert "<li>St John&#x27;s wort: Stop. Do not take it during your treatment.</li>" in response.text


def test_a_pasted_label_is_screened_against_the_regimen(client):
    label = (LABELS / "01-turmeric-bioperine.txt").read_text(encoding="utf-8")
    response = _post(client, "/report", {"drugs": "warfarin 5 mg daily", "label": label})
    assert response.status_code == 200
    assert "Turmeric Root Extract" in response.text and "turmeric + warfarin" in response.text


@pytest.mark.parametrize(("data", "says"), [
    ({"drugs": "", "supplements": "  \r\n "}, "nothing to check"),
    ({"drugs": "imatinib", "context": "moonlight"}, "unknown context"),
    ({"drugs": "imatinib", "surgery_date": "15/01/2027"}, "is not a date"),
    ({"drugs": "imatinib", "supplements": "fish oil -4 g"}, "negative dose"),
    ({"drugs": "imatinib", "contact": "x" * 300}, "longer than 200"),
    ({"label": "Free of gluten, soy and dairy."}, "nothing was checked"),
])
def test_refused_input_shows_the_form_again_with_why(client, data, says):
    response = _post(client, "/report", data)
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and says in response.text.lower()
    assert "Traceback" not in response.text and "<form" in response.text
    if data.get("drugs"):
        assert f">{data['drugs']}</textarea>" in response.text, "what was typed is kept"


def test_markup_in_the_input_is_shown_as_text(client):
    evil = '<script>alert(1)</script>"><img src=x>'
    for path in ("/report", "/handout"):
        text = _post(client, path, {"drugs": "imatinib", "supplements": evil, "contact": evil}).text
        assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    text = _post(client, "/report", {"drugs": evil + "\n" + "x" * 5000, "context": "moonlight"}).text
    assert "<script>" not in text and "<img" not in text
    assert '>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;\n' + "x" * 5000 + "</textarea>" in text


@pytest.mark.parametrize(("body", "content_type", "status", "says"), [
    (b'{"drugs": ["imatinib"]}', "application/json", 415, "application/x-www-form-urlencoded"),
    (b"drugs=imatinib", "multipart/form-data; boundary=x", 415, "as a browser sends it"),
    (b"drugs=%ff%fe", FORM, 400, "not sent as utf-8"),
    (b"drugs=\xff", FORM, 400, "not sent as utf-8"),
    (b"drugs=imatinib&supplements=ginkgo%ED%A0%80", FORM, 400, "not sent as utf-8"),
    (b"drugs=imatinib&drugs=warfarin", FORM, 400, "more than once"),
    (b"&".join(b"f%d=1" % n for n in range(100)), FORM, 400, "more than 64 fields"),
    (b"drugs=" + b"a" * (MAX_BODY + 1), FORM, 413, "over 2048 kib"),
])
def test_a_request_that_cannot_be_read_gets_an_error_page(client, caplog, body, content_type, status, says):
    with caplog.at_level(logging.DEBUG):
        response = client.post("/report", content=body, headers={"content-type": content_type})
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert says in response.text.lower() and 'href="/"' in response.text and "Traceback" not in response.text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_get_of_the_report_goes_back_to_the_form(client):
    response = client.get("/report", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_a_slow_check_is_a_503_page(real_checker):
    class Slow(type(real_checker)):
        def check_regimen(self, regimen):
            time.sleep(1)
            return super().check_regimen(regimen)

    slow = Slow(real_checker.kb)
    response = TestClient(create_app(slow, check_timeout=0.05)).post("/report", data={"drugs": "imatinib"})
    assert response.status_code == 503 and "took longer than" in response.text and "<h1>" in response.text


def test_nothing_of_the_regimen_is_logged_in_process(client, caplog):
    with caplog.at_level(logging.DEBUG):
        _post(client, "/report", REGIMEN)
        _post(client, "/handout", REGIMEN)
        _post(client, "/report", {**REGIMEN, "context": "moonlight"})
    for name in NAMES:
        assert name.lower() not in caplog.text.lower()


# ---------------------------------------------------------------------------------------------- the real service
@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """`suppcheck serve` on a free loopback port, its log (stdout and stderr) in a file."""
    from tests_support import live_service

    yield from live_service(tmp_path_factory, "/")


def test_the_service_log_has_paths_and_statuses_only(live):
    base, log = live
    assert httpx.post(f"{base}/report", data=REGIMEN).status_code == 200
    assert httpx.post(f"{base}/handout", data=REGIMEN).status_code == 200
    assert httpx.post(f"{base}/report", data={**REGIMEN, "surgery_date": "soon"}).status_code == 422
    assert httpx.post(f"{base}/report?drugs=imatinib", data={"drugs": "warfarin"}).status_code == 200
    time.sleep(0.3)
    text = log.read_text()
    assert '"POST /report HTTP/1.1" 200' in text and '"POST /handout HTTP/1.1" 200' in text
    assert '"POST /report HTTP/1.1" 422' in text
    for name in NAMES:
        assert name.lower() not in text.lower(), f"{name} appears in the service log"
    assert "Traceback" not in text


@pytest.fixture(scope="module")
def quick(real_checker):
    """The app on a loopback uvicorn in this process, with half a second to send a body."""
    from tests_support import in_process_server

    yield from in_process_server(create_app(real_checker, body_timeout=0.5), access_log=False)


def test_a_slow_form_gets_a_408_page(quick):
    request = (b"POST /report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               b"Content-Length: 100\r\n\r\ndrugs=imat")
    with socket.create_connection(quick, timeout=3) as conn:
        conn.sendall(request)
        chunks = []
        try:
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        except TimeoutError:
            pass
    answer = b"".join(chunks)
    assert answer.startswith(b"HTTP/1.1 408") and b"text/html" in answer
    assert b"did not arrive within" in answer and b'href="/"' in answer
