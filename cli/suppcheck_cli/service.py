"""The CDS Hooks service and a plain JSON check endpoint: a thin HTTP front end over the library.

Discovery at GET /cds-services; order-select, order-sign and patient-view hooks at
POST /cds-services/{id}; POST /check takes the library's regimen JSON and returns the check result.
Request bodies are never logged.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from suppcheck.engine import Checker
from suppcheck.errors import InputError, SuppcheckError
from suppcheck.fhir import ACTCODE, check_fhir, operation_outcome
from suppcheck.models import CheckResult, Finding, Status
from suppcheck.regimen_io import regimen_from_data

MAX_BODY = 2 * 1024 * 1024
PROJECT_URL = "https://w3id.org/suppcheck"
PREFETCH = {"medicationStatements": "MedicationStatement?patient={{context.patientId}}&status=active",
            "medicationRequests": "MedicationRequest?patient={{context.patientId}}&status=active"}
SERVICES = {
    "suppcheck-order-select": ("order-select", "Supplement-drug interactions of the selected orders"),
    "suppcheck-order-sign": ("order-sign", "Supplement-drug interactions of the orders about to be signed"),
    "suppcheck-patient-view": ("patient-view", "Supplement-drug interactions of the active medication list"),
}


class HttpError(Exception):
    def __init__(self, status: int, message: str, fhir: bool = True) -> None:
        super().__init__(message)
        self.status, self.message, self.fhir = status, message, fhir


def create_app(checker: Checker | None = None) -> FastAPI:
    """The ASGI app; the graph is loaded once, here, per process."""
    checker = checker or Checker()
    app = FastAPI(title="suppcheck", version="1",
                  description="Supplement-drug interaction checking for cancer care (CDS Hooks and JSON). "
                              "Decision support, not a substitute for clinical judgement.")

    @app.exception_handler(HttpError)
    async def _http_error(_request: Request, exc: HttpError) -> JSONResponse:
        body = operation_outcome(exc.message) if exc.fhir else {"error": exc.message}
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(operation_outcome(f"internal error ({type(exc).__name__})", "exception"), status_code=500)

    @app.get("/cds-services", summary="CDS Hooks discovery")
    async def discovery() -> dict[str, Any]:
        return {"services": [{"hook": hook, "id": sid, "title": "suppcheck", "description": desc,
                              "prefetch": PREFETCH} for sid, (hook, desc) in SERVICES.items()]}

    @app.post("/cds-services/{service_id}", summary="CDS Hooks service call")
    async def hook(service_id: str, request: Request) -> JSONResponse:
        if service_id not in SERVICES:
            raise HttpError(404, f"no CDS service '{service_id}'; see GET /cds-services")
        body = await _json_body(request, fhir=True)
        cards = _cards(checker, SERVICES[service_id][0], body)
        return JSONResponse({"cards": cards})

    @app.post("/check", summary="Check a regimen (the library's regimen JSON) and return the check result",
              response_model=CheckResult)
    async def check(request: Request) -> JSONResponse:
        body = await _json_body(request, fhir=False)
        if not isinstance(body, dict):
            raise HttpError(400, "the body must be a JSON object with drugs, supplements and context", fhir=False)
        try:
            result = checker.check_regimen(regimen_from_data(body, where="body"))
        except SuppcheckError as exc:
            raise HttpError(422, str(exc), fhir=False) from None
        return JSONResponse(json.loads(result.model_dump_json()))

    return app


async def _json_body(request: Request, fhir: bool) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise HttpError(413, f"request body over {MAX_BODY // 1024} KiB", fhir=fhir)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HttpError(413, f"request body over {MAX_BODY // 1024} KiB", fhir=fhir)
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks) or b"null")
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(400, f"malformed JSON: {exc}", fhir=fhir) from None


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
    for source in [draft, *prefetch.values()]:
        if source is None:
            continue
        if not isinstance(source, dict) or source.get("resourceType") != "Bundle":
            raise HttpError(422, "draftOrders and prefetch values must be FHIR Bundles")
        for entry in source.get("entry") or []:
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
    refs = {item.text: item.reference for item in regimen.items}
    cards = []
    for finding in result.findings:
        involved = {refs.get(finding.supplement.input), refs.get(finding.drug.input) if finding.drug else None}
        if hook != "patient-view" and not involved & draft_refs:
            continue
        cards.append(_card(checker, finding, refs, draft_refs))
    unknown = [i.input for i in result.items if i.status is Status.unrecognized]
    if unknown:
        cards.append({"uuid": str(uuid.uuid4()), "indicator": "info",
                      "summary": _clip(f"Not checked: {', '.join(unknown)}"),
                      "detail": "These medications are not in the suppcheck knowledge graph, so they were **not checked**. "
                                + result.summary.coverage,
                      "source": _source(checker)})
    return cards


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


def _markdown(f: Finding) -> str:
    pair = f"{f.supplement.name} + {f.drug.name if f.drug else (f.context or 'any regimen')}"
    lines = [f"**{pair}**: {f.effect}.", "", f"**What to do:** {f.management}", ""]
    if f.mechanisms:
        lines.append("**Mechanism:** " + ", ".join(f"{m.target} {m.action}" + (f" ({m.strength})" if m.strength else "")
                                                   for m in f.mechanisms))
    lines += [f"**Evidence:** {f.evidence.level.value}, {f.evidence.basis.value}. {f.evidence.summary}", ""]
    lines += [f"- {n}" for n in f.notes]
    lines += ["", "**Sources:**"]
    for s in f.evidence.sources:
        ident = f"PMID {s.pmid}" if s.pmid else (s.doi or "")
        lines.append(f"- [{s.title}]({s.url}) {s.venue or ''} {s.year or ''} {ident}".rstrip())
    return "\n".join(lines)


def _source(checker: Checker) -> dict[str, Any]:
    return {"label": "suppcheck", "url": PROJECT_URL,
            "topic": {"system": ACTCODE, "code": "NHP",
                      "display": f"natural health product alert (suppcheck graph {checker.kb.version})"}}


def _clip(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def app_factory() -> FastAPI:
    """For `uvicorn --factory`: each worker process builds its app and loads the graph once."""
    return create_app()
