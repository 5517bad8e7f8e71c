"""FHIR R4 in and out: a regimen from MedicationStatement / MedicationRequest resources, findings as
DetectedIssue resources. Uses the R4B models of fhir.resources (the `server` extra)."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from suppcheck.dosing import parse_item
from suppcheck.engine import MAX_ITEMS, Checker
from suppcheck.errors import InputError, SuppcheckError
from suppcheck.inference import Party
from suppcheck.jsontext import loads_strict
from suppcheck.models import CheckResult, Item, Role, Status

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ACTCODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
NOT_CURRENT = {"MedicationStatement": {"entered-in-error", "stopped", "completed", "not-taken"},
               "MedicationRequest": {"entered-in-error", "stopped", "completed", "cancelled", "draft-cancelled"}}
SEVERITY = {"major": "high", "moderate": "moderate", "minor": "low"}
_FREQ_UNITS = {"d": 1.0, "wk": 1 / 7, "h": 24.0, "mo": 1 / 30}
MAX_BUNDLE_DEPTH = 8  # Bundles inside Bundles
MAX_INGREDIENT_DEPTH = 8  # Medications whose ingredients are Medications
MAX_JSON_DEPTH = 100  # FHIR resources nest far less; deeper input is hostile, refused before validation
MAX_DOSE = 1e9
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class FhirItem:
    """One medication line read from a resource, with the reference that names it."""

    reference: str
    text: str
    role: Role
    rxcui: str | None = None
    resolved: bool = True  # False: the medication could not be read; `text` says why


@dataclass
class FhirRegimen:
    items: list[FhirItem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    patient: str | None = None


@dataclass
class _Line:
    """A medication name (or the reason none could be read) found in a resource."""

    name: str | None = None
    rxcui: str | None = None
    problem: str | None = None



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
        raise InputError(f"expected a Bundle, MedicationStatement or MedicationRequest, not {_clip(kind)}",
                         where=where)
    try:
        models[kind].model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError(f"FHIR {kind} does not validate: {loc}: {_clip(first['msg'], 300)}", where=where) from None
    except RecursionError:
        raise InputError(f"FHIR {kind} is nested too deeply to read", where=where) from None
    except Exception as exc:  # the models raise more than ValidationError on odd input; it is still bad input
        raise InputError(f"FHIR {kind} could not be read ({type(exc).__name__}): {_clip(str(exc), 300)}",
                         where=where) from None


def _parse_json(text: str | bytes, where: str) -> Any:
    """json.loads that refuses duplicate keys, NaN/Infinity, deep nesting and oversized integers."""
    return loads_strict(text, where, duplicate="duplicate JSON key {key}")


def _check_tree(data: Any, where: str) -> None:
    """Refuse lone surrogates (not valid Unicode), NaN and nesting deeper than any FHIR resource needs."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise InputError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep", where=where)
        if isinstance(node, dict):
            for key, value in node.items():
                _check_string(key, where)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)
        elif isinstance(node, float) and not math.isfinite(node):
            raise InputError(f"{node} is not a finite number (JSON has no NaN or Infinity)", where=where)
        else:
            _check_string(node, where)


def _check_string(value: Any, where: str) -> None:
    if isinstance(value, str) and _SURROGATE.search(value):
        raise InputError(f"text {_clip(value.encode('utf-8', 'backslashreplace').decode())} is not valid Unicode "
                         "(a lone surrogate)", where=where)


def read_fhir(data: dict[str, Any] | str | bytes, where: str = "<fhir>") -> FhirRegimen:
    """Read a Bundle (or one MedicationStatement/MedicationRequest) into regimen lines.

    Every current medication resource gives at least one line; one that cannot be read gives a line
    with `resolved=False` whose text says why, so it is reported as not checked rather than dropped.
    """
    if isinstance(data, (str, bytes)):
        data = _parse_json(data, where)
    if not isinstance(data, dict):
        raise InputError("a FHIR resource is a JSON object", where=where)
    _check_tree(data, where)
    _validate(data, where)
    resources: list[tuple[str, dict[str, Any]]] = []
    index: dict[str, dict[str, Any]] = {}
    if data["resourceType"] == "Bundle":
        _collect(data, 0, "", resources, index, where)
    else:
        resources.append((f"{data['resourceType']}/{_str(data.get('id')) or '0'}", data))
    out = FhirRegimen()
    budget = [MAX_ITEMS]
    for ref, res in resources:
        _read_resource(ref, res, index, out, budget, where)
    return out


def _collect(bundle: dict[str, Any], depth: int, prefix: str, resources: list[tuple[str, dict[str, Any]]],
             index: dict[str, dict[str, Any]], where: str) -> None:
    """The resources of a Bundle, reading nested Bundles' entries too (bounded depth)."""
    if depth > MAX_BUNDLE_DEPTH:
        raise InputError(f"Bundles nested more than {MAX_BUNDLE_DEPTH} deep", where=where)
    for n, entry in enumerate(_list(bundle.get("entry"))):
        res = _dict(_dict(entry).get("resource"))
        if not res:
            continue
        full_url = _str(_dict(entry).get("fullUrl"))
        if res.get("resourceType") == "Bundle":
            _collect(res, depth + 1, f"{prefix}entry-{n}.", resources, index, where)
            continue
        rid = _str(res.get("id"))
        resources.append((full_url or (f"{res.get('resourceType')}/{rid}" if rid else f"{prefix}entry-{n}"), res))
        if rid:
            index.setdefault(f"{res.get('resourceType')}/{rid}", res)
        if full_url:
            index.setdefault(full_url, res)


def _read_resource(ref: str, res: dict[str, Any], index: dict[str, dict[str, Any]], out: FhirRegimen,
                   budget: list[int], where: str) -> None:
    kind = res.get("resourceType")
    if kind not in ("MedicationStatement", "MedicationRequest"):
        return
    status = res.get("status")
    if status in NOT_CURRENT[kind]:
        out.skipped.append((ref, f"status {status}: not current therapy"))
        return
    out.patient = out.patient or _str(_dict(res.get("subject")).get("reference")) or None
    label = _label(res, ref)
    _spend(budget, where)
    lines = _medication_lines(res, index, budget, label, where)
    dose = _dose_text(res, label, where)
    fallback = Role.drug if kind == "MedicationRequest" else Role.supplement
    for line in lines:
        if line.problem is not None:
            out.items.append(FhirItem(ref, f"{label}: {line.problem}", fallback, resolved=False))
        else:
            role = Role.drug if kind == "MedicationRequest" or line.rxcui else Role.supplement
            out.items.append(FhirItem(ref, f"{line.name} {dose}".strip(), role, line.rxcui))


def _medication_lines(res: dict[str, Any], index: dict[str, dict[str, Any]], budget: list[int], label: str,
                      where: str) -> list[_Line]:
    """The product name, or for a referenced Medication with ingredients, each ingredient; never empty."""
    if res.get("medicationCodeableConcept") is not None:
        return [_concept_line(res.get("medicationCodeableConcept"), "the medication code")]
    mref = _dict(res.get("medicationReference"))
    ref, display = _str(mref.get("reference")), _str(mref.get("display"))
    med = _lookup(ref, res, index)
    if med is None:
        if display:
            return [_Line(display)]
        return [_Line(problem=f"medication reference {_clip(ref)} could not be resolved" if ref
                      else "the medication reference has neither a reference nor a display")]
    return _medication(med, _clip(ref), med if not ref.startswith("#") else res, index, (id(med),), budget, where)


def _medication(med: dict[str, Any], label: str, container: dict[str, Any], index: dict[str, dict[str, Any]],
                path: tuple[int, ...], budget: list[int], where: str) -> list[_Line]:
    """The lines of one Medication: its ingredients (following references, never in a loop), else its code."""
    if len(path) > MAX_INGREDIENT_DEPTH:
        raise InputError(f"Medication ingredients nested more than {MAX_INGREDIENT_DEPTH} deep at {label}",
                         where=where)
    _spend(budget, where)
    kind = med.get("resourceType")
    if kind == "Substance":
        return [_concept_line(med.get("code"), label if label.startswith("Substance/") else f"Substance {label}")]
    if kind != "Medication":
        return [_Line(problem=f"medication reference {label} is a {_clip(kind)}, not a Medication")]
    lines: list[_Line] = []
    for ing in _list(med.get("ingredient")):
        ing = _dict(ing)
        if ing.get("itemCodeableConcept") is not None:
            what = f"an ingredient of {_medication_name(label)}"
            lines.append(_concept_line(ing.get("itemCodeableConcept"), what))
            _spend(budget, where)
            continue
        iref = _dict(ing.get("itemReference"))
        ref, display = _str(iref.get("reference")), _str(iref.get("display"))
        target = _lookup(ref, container, index)
        if target is None:
            lines.append(_Line(display) if display else
                         _Line(problem=f"ingredient reference {_clip(ref)} of {_medication_name(label)} "
                                       "could not be resolved"))
        elif id(target) in path:
            lines.append(_Line(problem=f"ingredient reference {_clip(ref)} of {_medication_name(label)} "
                                       "loops back to a Medication that contains it"))
        else:
            inner = container if ref.startswith("#") else target
            lines += _medication(target, _clip(ref), inner, index, (*path, id(target)), budget, where)
    if lines:
        return lines
    if med.get("code") is None:
        return [_Line(problem=f"{_medication_name(label)} has no code, text or ingredients")]
    return [_concept_line(med.get("code"), f"the code of {_medication_name(label)}")]


def _medication_name(label: str) -> str:
    return label if label.startswith("Medication/") else f"Medication {label}"


def _concept_line(concept: Any, what: str) -> _Line:
    name, rxcui = _concept_name(concept)
    if name or rxcui:
        return _Line(name or f"RxNorm {rxcui}", rxcui)
    codes = ", ".join(f"{_str(c.get('system')) or '?'}|{_str(c.get('code')) or '?'}"
                      for c in map(_dict, _list(_dict(concept).get("coding"))))
    detail = f" (only {_clip(codes)})" if codes else ""
    return _Line(problem=f"{what} has no text, display or RxNorm code{detail}")


def _concept_name(concept: Any) -> tuple[str | None, str | None]:
    codings = [_dict(c) for c in _list(_dict(concept).get("coding"))]
    rxcui = next((_str(c.get("code")) for c in codings if c.get("system") == RXNORM and _str(c.get("code"))), None)
    display = next((_str(c.get("display")) for c in codings if _str(c.get("display"))), None)
    return _str(_dict(concept).get("text")) or display, rxcui


def _lookup(ref: str, container: dict[str, Any], index: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A referenced resource: '#id' in the container's contained resources, else a Bundle entry."""
    if not ref:
        return None
    if ref.startswith("#"):
        return next((c for c in map(_dict, _list(container.get("contained"))) if c and c.get("id") == ref[1:]),
                    None)
    return index.get(ref)


def _spend(budget: list[int], where: str) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise InputError(f"more than {MAX_ITEMS} medication lines and ingredients to read", where=where)


def _dose_text(res: dict[str, Any], label: str, where: str) -> str:
    dosages = _list(res.get("dosage") or res.get("dosageInstruction"))
    if not dosages:
        return ""
    d = _dict(dosages[0])
    if _str(d.get("text")):
        return d["text"]
    qty = next((_dict(r).get("doseQuantity") for r in _list(d.get("doseAndRate"))
                if _dict(_dict(r).get("doseQuantity"))), None)
    if not qty or qty.get("value") is None:
        return ""
    value = _dose_number(qty["value"], label, where)
    text = f"{_number_text(value)} {_str(qty.get('unit')) or _str(qty.get('code'))}".strip()
    repeat = _dict(_dict(d.get("timing")).get("repeat"))
    freq, period, unit = _positive(repeat.get("frequency")), _positive(repeat.get("period")), repeat.get("periodUnit")
    if freq and period and unit in _FREQ_UNITS:
        per_day = freq / period * _FREQ_UNITS[unit]
        words = {1.0: "daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
        text += " " + words.get(per_day, "weekly" if abs(per_day - 1 / 7) < 1e-9 else "")
    return text.strip()


def _dose_number(value: Any, label: str, where: str) -> float:
    """A dose amount; a negative, non-finite or implausibly large one is an input error naming the resource."""
    try:
        number = float(Decimal(str(value))) if not isinstance(value, bool) else math.nan
    except (ArithmeticError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number):
        raise InputError(f"{label}: dose value {_clip(str(value))} is not a finite number", where=where)
    if number < 0:
        raise InputError(f"{label}: dose value {_clip(str(value))} is negative", where=where)
    if number > MAX_DOSE:
        raise InputError(f"{label}: dose value {_clip(str(value))} is over {MAX_DOSE:.0f}, not a plausible dose",
                         where=where)
    return number


def _number_text(number: float) -> str:
    """Plain decimal notation (the dose parser does not read '1e+06')."""
    if number.is_integer():
        return str(int(number))
    return format(Decimal(repr(number)), "f")


def _positive(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) and 0 < number < 1e6 else None


def _label(res: dict[str, Any], ref: str) -> str:
    """How a message names a resource: Type/id when it has an id, else its Bundle reference."""
    rid = _str(res.get("id"))
    return _clip(f"{res.get('resourceType')}/{rid}" if rid else ref)


def _clip(value: Any, limit: int = 120) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def check_fhir(checker: Checker, data: dict[str, Any] | str | bytes, context: list[str] | None = None,
               where: str = "<fhir>") -> tuple[CheckResult, FhirRegimen]:
    """Check the current medications of a FHIR Bundle; coded drugs resolve by RxNorm code first."""
    regimen = read_fhir(data, where)
    if not regimen.items:
        raise InputError("no current MedicationStatement or MedicationRequest", where=where)
    contexts = checker.contexts(context or [])
    return checker.check_prepared([_prepare(checker, item) for item in regimen.items], contexts), regimen


def _prepare(checker: Checker, item: FhirItem) -> tuple[Item, list[Party]]:
    """One regimen line as an item: unreadable ones are not checked, never dropped."""
    if not item.resolved:
        return Item(input=item.text, role=item.role, status=Status.unrecognized), []
    iri = checker.kb.rxcui_index.get(item.rxcui) if item.rxcui else None
    if iri is not None:
        return checker.coded_item(item.text, item.role, iri)
    res = checker.resolve(parse_item(item.text).name, None)
    kind = checker.kb.entities[res.entities[0]].kind if res.entities else None
    return checker.item(item.text, Role(kind) if kind in ("drug", "supplement") else item.role)


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
    context = f" ({f.context_label or f.context})" if f.context else ""
    notes = " ".join(f"Note: {n}." for n in f.notes[:3])
    text = (f"{f.title}{context}. {f.effect}. Evidence: {f.evidence.level.value}, {f.evidence.basis.value}. "
            f"{f.evidence.summary} {notes}")
    return " ".join(text.split())


def _citation(source) -> str:
    ident = f"PMID {source.pmid}" if source.pmid else (f"doi:{source.doi}" if source.doi else source.url or "")
    return f"{source.title}. {source.venue or ''} {source.year or ''}. {ident}".replace(" .", ".").strip()


def _outcome(result: CheckResult, regimen: FhirRegimen | None) -> dict[str, Any] | None:
    issues = []
    unread = {i.text for i in regimen.items if not i.resolved} if regimen else set()
    for item in result.items:
        if item.input in unread:
            issues.append({"severity": "warning", "code": "not-found", "diagnostics": f"{item.input}: NOT CHECKED"})
        elif item.status is Status.unrecognized:
            issues.append({"severity": "warning", "code": "not-found",
                           "diagnostics": f"'{item.input}' is not in the knowledge graph: NOT CHECKED"})
        elif item.status is Status.ambiguous:
            names = ", ".join(c.name for c in item.candidates)
            issues.append({"severity": "information", "code": "multiple-matches",
                           "diagnostics": f"'{item.input}' is ambiguous; checked as each of: {names}"})
    for ref, reason in (regimen.skipped if regimen else []):
        issues.append({"severity": "information", "code": "informational", "diagnostics": f"{ref} skipped: {reason}"})
    # What the check does not cover is always said: drug-drug interactions, and the graph's own limits.
    issues.append({"severity": "information", "code": "informational", "diagnostics": result.summary.drug_drug})
    issues.append({"severity": "information", "code": "informational", "diagnostics": result.summary.coverage})
    return {"resourceType": "OperationOutcome", "issue": issues}


def operation_outcome(message: str, code: str = "invalid") -> dict[str, Any]:
    """An error as an OperationOutcome (for HTTP 4xx answers)."""
    return {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": code, "diagnostics": message}]}
