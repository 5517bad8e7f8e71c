"""FHIR R4 in and out: a regimen from MedicationStatement / MedicationRequest resources, findings as
DetectedIssue resources. Uses the R4B models of fhir.resources (the `server` extra)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from suppcheck.dosing import parse_item
from suppcheck.engine import Checker
from suppcheck.errors import InputError, SuppcheckError
from suppcheck.models import CheckResult, Role, Status

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ACTCODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
NOT_CURRENT = {"MedicationStatement": {"entered-in-error", "stopped", "completed", "not-taken"},
               "MedicationRequest": {"entered-in-error", "stopped", "completed", "cancelled", "draft-cancelled"}}
SEVERITY = {"major": "high", "moderate": "moderate", "minor": "low"}
_FREQ_UNITS = {"d": 1.0, "wk": 1 / 7, "h": 24.0, "mo": 1 / 30}


@dataclass
class FhirItem:
    """One medication line read from a resource, with the reference that names it."""

    reference: str
    text: str
    role: Role
    rxcui: str | None = None


@dataclass
class FhirRegimen:
    items: list[FhirItem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    patient: str | None = None


def _models():
    try:
        from fhir.resources.R4B.bundle import Bundle
        from fhir.resources.R4B.medication import Medication
        from fhir.resources.R4B.medicationrequest import MedicationRequest
        from fhir.resources.R4B.medicationstatement import MedicationStatement
    except ImportError as exc:  # the server extra is optional
        raise SuppcheckError("FHIR support needs the server extra: pip install 'suppcheck[server]'") from exc
    return {"Bundle": Bundle, "Medication": Medication, "MedicationRequest": MedicationRequest,
            "MedicationStatement": MedicationStatement}


def _validate(data: dict[str, Any], where: str) -> None:
    """Validate with the FHIR R4B models; the message names the resource and field."""
    from pydantic import ValidationError

    models = _models()
    kind = data.get("resourceType")
    if kind not in models:
        raise InputError(f"expected a Bundle, MedicationStatement or MedicationRequest, not {kind!r}", where=where)
    try:
        models[kind].model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError(f"FHIR {kind} does not validate: {loc}: {first['msg']}", where=where) from exc


def read_fhir(data: dict[str, Any] | str | bytes, where: str = "<fhir>") -> FhirRegimen:
    """Read a Bundle (or one MedicationStatement/MedicationRequest) into regimen lines."""
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise InputError(f"malformed JSON: {exc}", where=where) from exc
    if not isinstance(data, dict):
        raise InputError("a FHIR resource is a JSON object", where=where)
    _validate(data, where)
    out = FhirRegimen()
    resources: list[tuple[str, dict[str, Any]]] = []
    index: dict[str, dict[str, Any]] = {}
    if data["resourceType"] == "Bundle":
        for n, entry in enumerate(data.get("entry") or []):
            res = entry.get("resource") or {}
            ref = entry.get("fullUrl") or (f"{res.get('resourceType')}/{res['id']}" if res.get("id") else f"entry-{n}")
            resources.append((ref, res))
            if res.get("id"):
                index[f"{res.get('resourceType')}/{res['id']}"] = res
            if entry.get("fullUrl"):
                index[entry["fullUrl"]] = res
    else:
        resources.append((f"{data['resourceType']}/{data.get('id', '0')}", data))
    for ref, res in resources:
        kind = res.get("resourceType")
        if kind not in ("MedicationStatement", "MedicationRequest"):
            continue
        status = res.get("status")
        if status in NOT_CURRENT[kind]:
            out.skipped.append((ref, f"status {status}: not current therapy"))
            continue
        subject = (res.get("subject") or {}).get("reference")
        out.patient = out.patient or subject
        names = _medication_names(res, index)
        if not names:
            out.skipped.append((ref, "no medication name or code"))
            continue
        dose = _dose_text(res)
        for name, rxcui in names:
            role = Role.drug if kind == "MedicationRequest" or rxcui else Role.supplement
            out.items.append(FhirItem(ref, f"{name} {dose}".strip(), role, rxcui))
    return out


def _concept_name(concept: dict[str, Any] | None) -> tuple[str | None, str | None]:
    if not concept:
        return None, None
    rxcui = next((c.get("code") for c in concept.get("coding") or [] if c.get("system") == RXNORM), None)
    display = next((c.get("display") for c in concept.get("coding") or [] if c.get("display")), None)
    return concept.get("text") or display, rxcui


def _medication_names(res: dict[str, Any], index: dict[str, dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The product name, or for a referenced Medication with ingredients, each ingredient."""
    name, rxcui = _concept_name(res.get("medicationCodeableConcept"))
    if name or rxcui:
        return [(name or f"RxNorm {rxcui}", rxcui)]
    ref = (res.get("medicationReference") or {}).get("reference", "")
    med = None
    if ref.startswith("#"):
        med = next((c for c in res.get("contained") or [] if c.get("id") == ref[1:]), None)
    elif ref:
        med = index.get(ref)
    if not med:
        display = (res.get("medicationReference") or {}).get("display")
        return [(display, None)] if display else []
    ingredients = []
    for ing in med.get("ingredient") or []:
        iname, ircui = _concept_name(ing.get("itemCodeableConcept"))
        if iname or ircui:
            ingredients.append((iname or f"RxNorm {ircui}", ircui))
    if ingredients:
        return ingredients
    name, rxcui = _concept_name(med.get("code"))
    return [(name or f"RxNorm {rxcui}", rxcui)] if name or rxcui else []


def _dose_text(res: dict[str, Any]) -> str:
    dosages = res.get("dosage") or res.get("dosageInstruction") or []
    if not dosages:
        return ""
    d = dosages[0]
    if d.get("text"):
        return d["text"]
    qty = next((r.get("doseQuantity") for r in d.get("doseAndRate") or [] if r.get("doseQuantity")), None)
    if not qty or qty.get("value") is None:
        return ""
    text = f"{qty['value']:g} {qty.get('unit') or qty.get('code') or ''}".strip()
    repeat = (d.get("timing") or {}).get("repeat") or {}
    freq, period, unit = repeat.get("frequency"), repeat.get("period"), repeat.get("periodUnit")
    if freq and period and unit in _FREQ_UNITS:
        per_day = freq / period * _FREQ_UNITS[unit]
        words = {1.0: "daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
        text += " " + words.get(per_day, "weekly" if abs(per_day - 1 / 7) < 1e-9 else "")
    return text.strip()


def check_fhir(checker: Checker, data: dict[str, Any] | str | bytes, context: list[str] | None = None,
               where: str = "<fhir>") -> tuple[CheckResult, FhirRegimen]:
    """Check the current medications of a FHIR Bundle; coded drugs resolve by RxNorm code first."""
    regimen = read_fhir(data, where)
    if not regimen.items:
        raise InputError("no current MedicationStatement or MedicationRequest with a medication", where=where)
    prepared = []
    for item in regimen.items:
        role = item.role
        iri = checker.kb.rxcui_index.get(item.rxcui) if item.rxcui else None
        if iri is None:
            res = checker.resolve(parse_item(item.text).name, None)
            kind = checker.kb.entities[res.entities[0]].kind if res.entities else None
            role = Role(kind) if kind in ("drug", "supplement") else role
            prepared.append(checker.item(item.text, role))
        else:
            prepared.append(checker.coded_item(item.text, role, iri))
    return checker.check_prepared(prepared, checker.contexts(context or [])), regimen


def to_fhir_bundle(result: CheckResult, regimen: FhirRegimen | None = None) -> dict[str, Any]:
    """A collection Bundle: DetectedIssue per finding, an OperationOutcome for what was not checked."""
    entries: list[dict[str, Any]] = []
    refs: dict[str, str] = {}
    if regimen is not None:
        for item in regimen.items:
            refs.setdefault(item.text, item.reference)
    for n, item in enumerate(result.items):
        if item.input not in refs:
            stmt_id = f"item-{n + 1}"
            refs[item.input] = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, stmt_id + item.input)}"
            entries.append({"fullUrl": refs[item.input], "resource": {
                "resourceType": "MedicationStatement", "id": stmt_id, "status": "active",
                "medicationCodeableConcept": {"text": item.input},
                "subject": {"reference": (regimen.patient if regimen and regimen.patient else "Patient/unknown")}}})
    for f in result.findings:
        implicated = [{"reference": refs[f.supplement.input], "display": f.supplement.name}]
        if f.drug:
            implicated.append({"reference": refs[f.drug.input], "display": f.drug.name})
        issue: dict[str, Any] = {
            "resourceType": "DetectedIssue", "status": "final",
            "code": {"coding": [{"system": ACTCODE, "code": "NHP", "display": "natural health product alert"}],
                     "text": f.kind.value},
            "severity": SEVERITY[f.severity.value], "implicated": implicated,
            "detail": _detail(f),
            "evidence": [{"code": [{"text": _citation(s)}]} for s in f.evidence.sources],
            "mitigation": [{"action": {"text": f.management}}],
        }
        if regimen and regimen.patient:
            issue["patient"] = {"reference": regimen.patient}
        if f.evidence.sources[0].url:
            issue["reference"] = f.evidence.sources[0].url
        entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": issue})
    outcome = _outcome(result, regimen)
    if outcome:
        entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": outcome})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    _models()["Bundle"].model_validate(bundle)
    return bundle


def _detail(f) -> str:
    context = f" ({f.context})" if f.context else ""
    notes = " ".join(f"Note: {n}." for n in f.notes[:3])
    text = (f"{f.title}{context}. {f.effect}. Evidence: {f.evidence.level.value}, {f.evidence.basis.value}. "
            f"{f.evidence.summary} {notes}")
    return " ".join(text.split())


def _citation(source) -> str:
    ident = f"PMID {source.pmid}" if source.pmid else (f"doi:{source.doi}" if source.doi else source.url or "")
    return f"{source.title}. {source.venue or ''} {source.year or ''}. {ident}".replace(" .", ".").strip()


def _outcome(result: CheckResult, regimen: FhirRegimen | None) -> dict[str, Any] | None:
    issues = []
    for item in result.items:
        if item.status is Status.unrecognized:
            issues.append({"severity": "warning", "code": "not-found",
                           "diagnostics": f"'{item.input}' is not in the knowledge graph: NOT CHECKED"})
        elif item.status is Status.ambiguous:
            names = ", ".join(c.name for c in item.candidates)
            issues.append({"severity": "information", "code": "multiple-matches",
                           "diagnostics": f"'{item.input}' is ambiguous; checked as each of: {names}"})
    for ref, reason in (regimen.skipped if regimen else []):
        issues.append({"severity": "information", "code": "informational", "diagnostics": f"{ref} skipped: {reason}"})
    if not issues:
        return None
    issues.append({"severity": "information", "code": "informational", "diagnostics": result.summary.coverage})
    return {"resourceType": "OperationOutcome", "issue": issues}


def operation_outcome(message: str, code: str = "invalid") -> dict[str, Any]:
    """An error as an OperationOutcome (for HTTP 4xx answers)."""
    return {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": code, "diagnostics": message}]}
