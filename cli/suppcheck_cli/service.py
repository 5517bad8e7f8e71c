"""The CDS Hooks service and a plain JSON check endpoint: a thin HTTP front end over the library.

Discovery at GET /cds-services; order-select, order-sign and patient-view hooks at
POST /cds-services/{id}; POST /check takes the library's regimen JSON and returns the check result.
GET / is the web page (suppcheck_cli.web): a form, the consult report and the handout.
Request bodies are never logged; the access log has method, path (no query string) and status.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from suppcheck.engine import Checker
from suppcheck.errors import InputError, SuppcheckError
from suppcheck.fhir import ACTCODE, check_fhir, operation_outcome
from suppcheck.jsontext import loads_strict
from suppcheck.models import CheckResult, Finding, Status
from suppcheck.regimen_io import regimen_from_data

MAX_BODY = 2 * 1024 * 1024
MAX_DEPTH = 64  # CDS Hooks requests nest about 12 deep; far deeper JSON is hostile
MAX_DIGITS = 50  # a longer number is no dose or code, and costs time to convert
BODY_TIMEOUT = 10.0  # seconds to receive the whole body
CHECK_TIMEOUT = 10.0  # seconds for one check, waiting time included
HEADER_TIMEOUT = 10.0  # seconds to receive a request's headers
CHECK_THREADS = 4
LIMIT_CONCURRENCY = 200  # open connections and requests per worker before answering 503
PROJECT_URL = "https://w3id.org/suppcheck"
PREFETCH = {"medicationStatements": "MedicationStatement?patient={{context.patientId}}&status=active",
            "medicationRequests": "MedicationRequest?patient={{context.patientId}}&status=active"}
SERVICES = {
    "suppcheck-order-select": ("order-select", "Supplement-drug interactions of the selected orders"),
    "suppcheck-order-sign": ("order-sign", "Supplement-drug interactions of the orders about to be signed"),
    "suppcheck-patient-view": ("patient-view", "Supplement-drug interactions of the active medication list"),
}
ROUTES = {"/", "/report", "/handout", "/cds-services", "/check", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc",
          *(f"/cds-services/{sid}" for sid in SERVICES)}

log = logging.getLogger("suppcheck.service")

# A JSON string, closed or running to the end of the text: the pattern never fails, so a scan is linear.
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\(?:.|\Z))*+(?:"|\Z)', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+")
_MARKDOWN = re.compile(r"([\\`*_\[\]~@|#!])")
_LINK_START = re.compile(r"(?i)(://|\bwww\.)")


class HttpError(Exception):
    """An answer other than 200: a status and a message for the client."""

    def __init__(self, status: int, message: str, fhir: bool = True) -> None:
        super().__init__(message)
        self.status, self.message, self.fhir = status, message, fhir


class _HangUp(Exception):
    """The client went away before its request was read."""


def create_app(checker: Checker | None = None, *, check_timeout: float = CHECK_TIMEOUT,
               body_timeout: float = BODY_TIMEOUT) -> FastAPI:
    """The ASGI app; the graph is loaded once, here, per process."""
    checker = checker or Checker()
    # Checks share the Checker from several threads: its memos are only read, set and cleared whole
    # (never iterated), each step atomic under the GIL, and its results are immutable.
    pool = ThreadPoolExecutor(max_workers=CHECK_THREADS, thread_name_prefix="suppcheck-check")
    install_access_log_filter()
    app = FastAPI(title="suppcheck", version="1",
                  description="Supplement-drug interaction checking for cancer care (CDS Hooks and JSON). "
                              "Decision support, not a substitute for clinical judgement.")
    app.add_middleware(_Guard)

    async def off_loop(work: Callable[[], bytes], fhir: bool) -> Response:
        """Run a check in the thread pool, so one slow check never holds the event loop."""
        future = asyncio.get_running_loop().run_in_executor(pool, work)
        try:
            content = await asyncio.wait_for(future, timeout=check_timeout)
        except TimeoutError:
            raise HttpError(503, f"the check took longer than {check_timeout:g} s; try again or split the "
                                 "request", fhir=fhir) from None
        return Response(content, media_type="application/json")

    @app.exception_handler(HttpError)
    async def _http_error(_request: Request, exc: HttpError) -> JSONResponse:
        body = operation_outcome(exc.message) if exc.fhir else {"error": exc.message}
        # The rest of a late or oversized body is not worth waiting for: close the connection.
        headers = {"connection": "close"} if exc.status in (408, 413) else None
        return JSONResponse(body, status_code=exc.status, headers=headers)

    @app.get("/cds-services", summary="CDS Hooks discovery")
    async def discovery() -> dict[str, Any]:
        return {"services": [{"hook": hook, "id": sid, "title": "suppcheck", "description": desc,
                              "prefetch": PREFETCH} for sid, (hook, desc) in SERVICES.items()]}

    @app.post("/cds-services/{service_id}", summary="CDS Hooks service call")
    async def hook(service_id: str, request: Request) -> Response:
        if service_id not in SERVICES:
            raise HttpError(404, f"no CDS service '{_clip(_plain(service_id), 80)}'; see GET /cds-services")
        raw = await _read_body(request, fhir=True, timeout=body_timeout)
        hook_name = SERVICES[service_id][0]
        return await off_loop(lambda: _dumps({"cards": _cards(checker, hook_name, parse_json(raw, fhir=True))}),
                              fhir=True)

    @app.post("/check", summary="Check a regimen (the library's regimen JSON) and return the check result",
              response_model=CheckResult.pydantic_model())
    async def check(request: Request) -> Response:
        raw = await _read_body(request, fhir=False, timeout=body_timeout)
        return await off_loop(lambda: _check_json(checker, parse_json(raw, fhir=False)), fhir=False)

    from suppcheck_cli.web import mount_web  # the web page: GET /, POST /report, POST /handout

    mount_web(app, checker, pool, check_timeout=check_timeout, body_timeout=body_timeout)
    return app


def _check_json(checker: Checker, body: Any) -> bytes:
    if not isinstance(body, dict):
        raise HttpError(400, "the body must be a JSON object with drugs, supplements and context", fhir=False)
    try:
        result = checker.check_regimen(regimen_from_data(body, where="body"))
    except SuppcheckError as exc:
        raise HttpError(422, str(exc), fhir=False) from None
    return result.model_dump_json().encode("utf-8")


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------------------------- request body
async def _read_body(request: Request, fhir: bool, timeout: float) -> bytes:
    """The body, bounded in size and in the time the client may take to send it."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise HttpError(413, f"request body over {MAX_BODY // 1024} KiB", fhir=fhir)
    chunks, size = [], 0
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise HttpError(413, f"request body over {MAX_BODY // 1024} KiB", fhir=fhir)
                chunks.append(chunk)
    except TimeoutError:
        raise HttpError(408, f"the request body did not arrive within {timeout:g} s", fhir=fhir) from None
    except ClientDisconnect:
        raise _HangUp() from None
    return b"".join(chunks)


def parse_json(raw: bytes, fhir: bool) -> Any:
    """Strict JSON: UTF-8, bounded nesting and numbers, no duplicate keys, no lone surrogates."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"the body is not UTF-8 (byte {exc.start})", fhir=fhir) from None
    if not text.strip():
        raise HttpError(400, "empty body: expected a JSON object", fhir=fhir)
    outside_strings = _JSON_STRING.sub('""', text)
    if _depth(outside_strings) > MAX_DEPTH:
        raise HttpError(400, f"JSON nested more than {MAX_DEPTH} levels deep", fhir=fhir)
    if _LONG_NUMBER.search(outside_strings):
        raise HttpError(400, f"a number with more than {MAX_DIGITS} digits", fhir=fhir)
    try:
        data = loads_strict(text, "", duplicate="duplicate key '{key}' in a JSON object")
    except InputError as exc:
        raise HttpError(400, str(exc), fhir=fhir) from None
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        raise HttpError(400, "not valid Unicode: a string holds a lone surrogate escape (\\ud800-\\udfff)",
                        fhir=fhir)
    return data


def _depth(text: str) -> int:
    return max(accumulate(map(_DEPTH_STEP.__getitem__, _NOT_BRACKET.sub("", text))), default=0)


def _has_lone_surrogate(data: Any) -> bool:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# ---------------------------------------------------------------------------------------------- CDS Hooks
def _cards(checker: Checker, hook: str, body: Any) -> list[dict[str, Any]]:
    if not isinstance(body, dict) or body.get("hook") not in (None, hook):
        raise HttpError(400, f"expected a CDS Hooks request for the {hook} hook")
    context = body.get("context") or {}
    prefetch = body.get("prefetch") or {}
    if not isinstance(context, dict) or not isinstance(prefetch, dict):
        raise HttpError(400, "context and prefetch must be JSON objects")
    draft = context.get("draftOrders") if hook != "patient-view" else None
    entries: list[dict[str, Any]] = []
    draft_refs: set[str] = set()
    for name, source in [("draftOrders", draft), *(("prefetch." + str(k), v) for k, v in prefetch.items())]:
        if source is None:
            continue
        for entry in _bundle_entries(name, source):
            entries.append(entry)
            if source is draft:
                res = entry.get("resource") or {}
                draft_refs.add(entry.get("fullUrl") or f"{res.get('resourceType')}/{res.get('id')}")
    if not entries:
        return []
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    try:
        result, regimen = check_fhir(checker, bundle, where="request")
    except InputError as exc:
        if "no current" in str(exc):
            return []
        raise HttpError(422, str(exc)) from None
    except SuppcheckError as exc:
        raise HttpError(422, str(exc)) from None
    refs = {item.text: item.reference for item in regimen.items}
    cards = []
    for concern, members in result.rows():
        members = [f for f in members if hook == "patient-view" or
                   {refs.get(f.supplement.input), refs.get(f.drug.input) if f.drug else None} & draft_refs]
        if not members:
            continue
        if concern is None or len(members) == 1:
            cards += [_card(checker, f, refs, draft_refs) for f in members]
        else:
            cards.append(_concern_card(checker, concern, members, refs, draft_refs))
    unknown = [i.input for i in result.items if i.status is Status.unrecognized]
    if unknown:
        cards.append(_not_checked_card(checker, unknown, result.summary.coverage))
    return cards


def _bundle_entries(name: str, source: Any) -> list[dict[str, Any]]:
    """The entries of a draftOrders or prefetch Bundle, each a JSON object with an object resource."""
    if not isinstance(source, dict) or source.get("resourceType") != "Bundle":
        raise HttpError(422, "draftOrders and prefetch values must be FHIR Bundles")
    entries = source.get("entry")
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise HttpError(422, f"{_clip(_plain(name), 60)}: Bundle.entry must be a list")
    for n, entry in enumerate(entries):
        where = f"{_clip(_plain(name), 60)}.entry[{n}]"
        if not isinstance(entry, dict):
            raise HttpError(422, f"{where} must be a JSON object, not {_json_type(entry)}")
        if not isinstance(entry.get("resource", {}), dict):
            raise HttpError(422, f"{where}.resource must be a JSON object, not {_json_type(entry['resource'])}")
        if not isinstance(entry.get("fullUrl", ""), str):
            raise HttpError(422, f"{where}.fullUrl must be a string")
    return entries


def _json_type(value: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number", list: "a list",
             type(None): "null", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def indicator(f: Finding) -> str:
    """critical only when the advice is to avoid; warning for other major and well-evidenced moderate."""
    if f.severity.value == "major" and "avoid" in f.management.lower()[:40]:
        return "critical"
    if f.severity.value == "major" or (f.severity.value == "moderate"
                                       and f.evidence.level.value in ("clinical", "case-report")):
        return "warning"
    return "info"


def _card(checker: Checker, f: Finding, refs: dict[str, str], draft_refs: set[str]) -> dict[str, Any]:
    ind = indicator(f)
    card: dict[str, Any] = {"uuid": str(uuid.uuid4()), "indicator": ind,
                            "summary": _clip(f"{f.severity.value.capitalize()}: {f.title}"),
                            "detail": _markdown(f), "source": _source(checker)}
    supp_ref = refs.get(f.supplement.input)
    if supp_ref in draft_refs and "/" in supp_ref and not supp_ref.startswith("urn:"):
        card["suggestions"] = [{"label": _clip(f"Remove the {f.supplement.name} order"), "uuid": str(uuid.uuid4()),
                                "isRecommended": ind == "critical",
                                "actions": [{"type": "delete", "description": f"Remove {f.supplement.name}",
                                             "resourceId": supp_ref}]}]
        card["selectionBehavior"] = "at-most-one"
    return card


def _concern_card(checker: Checker, concern, members: list[Finding], refs: dict[str, str],
                  draft_refs: set[str]) -> dict[str, Any]:
    """Several supplements adding to one concern with one drug or context: one card, not one per pair."""
    worst = max(members, key=lambda f: f.severity.rank)
    partner = concern.drug.name if concern.drug else (concern.context_label or concern.context or "")
    names = ", ".join(f.supplement.name for f in members)
    lines = [f"**{len(members)} supplements add to {concern.concern} with {partner}**: {names}.", "",
             f"**What to do:** {concern.management}", ""]
    lines += [f"- **{f.supplement.name}** ({f.severity.value}, {f.evidence.level.value}): {f.title}" for f in members]
    card = {"uuid": str(uuid.uuid4()), "indicator": indicator(worst),
            "summary": _clip(f"{worst.severity.value.capitalize()}: {concern.concern} with {partner}: {names}"),
            "detail": "\n".join(lines), "source": _source(checker)}
    removable = [(f, refs.get(f.supplement.input)) for f in members]
    removable = [(f, r) for f, r in removable if r in draft_refs and "/" in r and not r.startswith("urn:")]
    if removable:
        card["suggestions"] = [{"label": _clip(f"Remove the {f.supplement.name} order"), "uuid": str(uuid.uuid4()),
                                "isRecommended": False,
                                "actions": [{"type": "delete", "description": f"Remove {f.supplement.name}",
                                             "resourceId": r}]} for f, r in removable]
        card["selectionBehavior"] = "any"
    return card


DRUG_DRUG_NOTE = ("_suppcheck checks supplements against drugs and contexts; drug-drug interactions are not "
                  "evaluated: check the orders with a drug-drug interaction reference._")


def _not_checked_card(checker: Checker, unknown: list[str], coverage: str) -> dict[str, Any]:
    """Every unrecognised item by name: the summary as far as it fits, the detail in full."""
    shown = [escape_text(u) for u in unknown]
    detail = ["These medications are not in the suppcheck knowledge graph, so they were **not checked**:", ""]
    detail += [f"- {u}" for u in shown]
    detail += ["", coverage, "", DRUG_DRUG_NOTE]
    return {"uuid": str(uuid.uuid4()), "indicator": "info", "summary": _clip(f"Not checked: {', '.join(shown)}"),
            "detail": "\n".join(detail), "source": _source(checker)}


def _markdown(f: Finding) -> str:
    """The card detail; notes can quote the request (a name, a dose), so they are escaped."""
    pair = f"{f.supplement.name} + {f.drug.name if f.drug else (f.context_label or f.context or 'any regimen')}"
    lines = [f"**{pair}**: {f.effect}.", "", f"**What to do:** {f.management}", ""]
    if f.mechanisms:
        lines.append("**Mechanism:** " + ", ".join(f"{m.target} {m.action}" + (f" ({m.strength})" if m.strength else "")
                                                   for m in f.mechanisms))
    lines += [f"**Evidence:** {f.evidence.level.value}, {f.evidence.basis.value}. {f.evidence.summary}", ""]
    lines += [f"- {escape_text(n)}" for n in f.notes]
    lines += ["", "**Sources:**"]
    for s in f.evidence.sources:
        ident = f"PMID {s.pmid}" if s.pmid else (s.doi or "")
        lines.append(f"- [{s.title}]({s.url}) {s.venue or ''} {s.year or ''} {ident}".rstrip())
    lines += ["", DRUG_DRUG_NOTE]
    return "\n".join(lines)


def escape_text(text: str) -> str:
    """Text from a request made inert in a card: one line, no control characters, Markdown and HTML escaped."""
    text = " ".join(_plain(text).split())
    text = _MARKDOWN.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Bare URLs become live links in GitHub-flavoured Markdown; an escaped character breaks the pattern.
    return _LINK_START.sub(lambda m: ":\\/\\/" if m.group(1) == "://" else m.group(1)[:3] + "\\.", text)


def _plain(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _source(checker: Checker) -> dict[str, Any]:
    return {"label": "suppcheck", "url": PROJECT_URL,
            "topic": {"system": ACTCODE, "code": "NHP",
                      "display": f"natural health product alert (suppcheck graph {checker.kb.version})"}}


def _clip(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------- errors, logs
class _Guard:
    """Outside the routes: a hang-up is logged at debug, an internal fault as one line without request text."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except (_HangUp, ClientDisconnect):
            log.debug("client closed the connection before its request was read")
        except Exception as exc:  # an internal fault: one line; its message may quote the request, so not shown
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            log.error("internal error (%s) at %s:%s in %s", type(exc).__name__, frame.filename.rsplit("/", 1)[-1],
                      frame.lineno, frame.name)
            if not started:
                body = operation_outcome(f"internal error ({type(exc).__name__})", "exception")
                await JSONResponse(body, status_code=500)(scope, receive, send)


class AccessLogFilter(logging.Filter):
    """Access log lines keep method, path and status: the query string and unlisted paths are dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (args[0], args[1], path if path in ROUTES else "(other path)", args[3], args[4])
        return True


def install_access_log_filter() -> None:
    """On uvicorn's access logger, however the app is started (suppcheck serve or uvicorn --factory)."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, AccessLogFilter) for f in logger.filters):
        logger.addFilter(AccessLogFilter())


try:  # uvicorn's h11 protocol, with a bound on the time a client may take to send its headers
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol
except ImportError:  # pragma: no cover - the server extra is missing; `suppcheck serve` says so
    H11Protocol = None  # type: ignore[assignment,misc]

if H11Protocol is not None:

    class HeaderTimeoutProtocol(H11Protocol):  # type: ignore[misc,valid-type]
        """Closes a connection whose request headers have not all arrived within `header_timeout` seconds."""

        header_timeout = HEADER_TIMEOUT
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_header_timer()

        def data_received(self, data: bytes) -> None:
            if self._header_timer is None and self.conn.their_state is h11.IDLE:
                self._arm_header_timer()
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._cancel_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

        def _arm_header_timer(self) -> None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

        def _cancel_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_late(self) -> None:
            self._header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                log.debug("closed a connection whose request headers did not arrive in time")
                self.transport.close()


def app_factory() -> FastAPI:
    """For `uvicorn --factory`: each worker process builds its app and loads the graph once."""
    return create_app()
