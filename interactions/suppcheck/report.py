"""The consult report: one model that every human format renders, in the order a clinician reads it.

Header (date, graph version, contexts, surgery date); what was not checked, first, with the standing
line that drug-drug interactions are not evaluated; the regimen as read; an action plan per supplement
(stop, hold from-to, separate, review, continue, no concern known), with stop-by dates when a surgery
date is given; concern groups; the findings with their evidence; the sources.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from suppcheck.kb import KnowledgeBase
from suppcheck.models import CheckResult, Concern, Finding, Item, Role, Source, Status
from suppcheck.structs import field, record
from suppcheck.text import lazy_re

METHODS = {"exact": "by name", "normalized": "by name, spelling normalised", "code": "by RxNorm code",
           "regimen": "a drug of a named regimen", "product": "an ingredient of a named product"}
ACTION_ORDER = ("not checked", "stop", "hold", "separate", "review", "continue", "no concern known")
_HOURS = lazy_re(r"(\d+(?:\.\d+)?)\s*(?:h\b|hours?\b)", re.IGNORECASE)
_STOP_WORDS = lazy_re(r"\b(stop|stopping|avoid|do not take|discontinue)\b", re.IGNORECASE)
_SEPARATE = lazy_re(r"\b(separate|apart|before or|after taking|hours? (?:before|after))\b", re.IGNORECASE)


@record
class PlanRow:
    """What to do with one supplement line."""

    input: str
    names: str
    action: str
    reason: str
    monitor: str = ""
    stop_by: date | None = None
    washout_days: float | None = None
    hours: float | None = None
    severity: str | None = None


@record
class Report:
    result: CheckResult
    today: date
    version: str
    triples: int
    contexts: list[str]
    surgery_date: date | None
    not_checked: list[tuple[str, str]]
    drug_drug: str
    regimen: list[tuple[str, str, list[str]]]
    plan: list[PlanRow]
    concerns: list[Concern]
    findings: list[Finding]
    sources: list[Source] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    def refs(self, sources: list[Source]) -> str:
        return ",".join(str(self.numbers[source_key(s)]) for s in sources)


def source_key(s: Source) -> str:
    return s.pmid or s.doi or s.url or s.title


def how_read(item: Item) -> str:
    """One line on how an item was read: what it matched and how, its dose a day, route and parts."""
    if item.components:
        parts = [c.match.name if c.match else f"{c.input} ({c.status.value})" for c in item.components]
        what = "parts: " + ", ".join(parts)
    elif item.match:
        what = f"{item.match.name} ({METHODS.get(item.match.method, item.match.method)}"
        what += ", a near name: checked as this, confirm it)" if item.status is Status.ambiguous else ")"
    elif item.candidates:
        what = f"{item.status.value}: " + " or ".join(c.name for c in item.candidates[:3]) + "?"
    else:
        what = "not recognised: not checked" if item.status is Status.unrecognized else item.status.value
    dose = item.dose
    if dose and dose.per_day is not None and dose.unit:
        what += f"; {dose.per_day:g} {dose.unit} a day"
    elif dose and dose.amount is not None and dose.unit:
        what += f"; {dose.amount:g} {dose.unit} a dose"
    if dose and dose.route:
        what += f"; {dose.route}"
    if item.reading and item.reading.unread:
        what += "; not read: " + ", ".join(item.reading.unread)
    return what


def item_states(result: CheckResult) -> list[tuple[str, str]]:
    """Each item that was not wholly recognised, with what happened to it."""
    out = []
    for i in result.items:
        cands = ", ".join(x.name for x in i.candidates)
        unread = i.reading.unread if i.reading else []
        if i.status is Status.unrecognized:
            out.append((i.input, "NOT CHECKED (not recognised)" + (f"; did you mean: {cands}?" if cands else "")))
            continue
        if unread:
            read = ", ".join(c.match.name for c in i.components if c.match)
            out.append((i.input, f"READ ONLY IN PART: checked {read or 'part of it'}; NOT CHECKED: " + "; ".join(unread)))
        if i.status is Status.ambiguous:
            names = cands or ", ".join(x.name for c in i.components for x in c.candidates)
            out.append((i.input, f"ambiguous, checked as each of: {names}"))
    return out


def _entities(item: Item) -> list[str]:
    ids = [c.match.id for c in item.components if c.match] or ([item.match.id] if item.match else [])
    ids += [c.id for c in item.candidates] if item.status is Status.ambiguous and not item.components else []
    return list(dict.fromkeys(ids))


def _plan_row(item: Item, findings: list[Finding], kb: KnowledgeBase, surgery: date | None) -> PlanRow:
    names = ", ".join(kb.name_of(i) for i in _entities(item)) or item.input
    if item.status is Status.unrecognized:
        return PlanRow(item.input, item.input, "not checked",
                       "not recognised: ask what it is and read its label; it was not checked")
    mine = sorted((f for f in findings if f.supplement.input == item.input), key=lambda f: -f.severity.rank)
    washouts = [w for w in (kb.washout_days(e) for e in _entities(item)) if w is not None]
    washout = max((w.days for w in washouts), default=None)
    stop_by = surgery - timedelta(days=int(-(-washout // 1))) if surgery and washout is not None else None
    if not mine:
        if stop_by:
            return PlanRow(item.input, names, "hold", f"stop {washout:g} days before surgery (perioperative guidance)",
                           stop_by=stop_by, washout_days=washout)
        partial = " (read in part: the rest was not checked)" if item.reading and item.reading.unread else ""
        return PlanRow(item.input, names, "no concern known",
                       "no interaction with this regimen in the graph" + partial)
    top = mine[0]
    reason = "; ".join(dict.fromkeys(f.title for f in mine[:3]))
    surgery_finding = any(f.context == "surgery" for f in mine)
    if top.severity.value == "major":
        return PlanRow(item.input, names, "stop", reason, top.management, stop_by, washout, severity="major")
    if surgery and (surgery_finding or stop_by):
        return PlanRow(item.input, names, "hold", reason, top.management, stop_by, washout, severity=top.severity.value)
    text = " ".join(f.management for f in mine)
    hours = _HOURS.search(text) if _SEPARATE.search(text) else None
    if hours:
        return PlanRow(item.input, names, "separate", reason, top.management, hours=float(hours.group(1)),
                       severity=top.severity.value)
    if top.severity.value == "moderate" or _STOP_WORDS.search(text):
        return PlanRow(item.input, names, "review", reason, top.management, severity=top.severity.value)
    return PlanRow(item.input, names, "continue", reason, top.management, severity="minor")


def build_report(result: CheckResult, kb: KnowledgeBase, today: date | None = None,
                 surgery_date: date | None = None, contexts: list[str] | None = None) -> Report:
    """The report every human format renders."""
    today = today or date.today()
    plan = [_plan_row(i, result.findings, kb, surgery_date) for i in result.items if i.role is Role.supplement]
    plan.sort(key=lambda r: ACTION_ORDER.index(r.action))
    numbers: dict[str, int] = {}
    sources: list[Source] = []
    for f in result.findings:
        for s in [*f.evidence.sources, *(s for a in f.alternatives for s in a.sources)]:
            if source_key(s) not in numbers:
                numbers[source_key(s)] = len(numbers) + 1
                sources.append(s)
    labels = [kb.name_of(c) for c in contexts or []]
    return Report(result=result, today=today, version=result.knowledge.version, triples=result.knowledge.triples,
                  contexts=labels, surgery_date=surgery_date, not_checked=item_states(result),
                  drug_drug=result.summary.drug_drug,
                  regimen=[(i.input, how_read(i), [n for n in (i.reading.notes if i.reading else ())
                                                    if not n.startswith("read only in part")]) for i in result.items],
                  plan=plan, concerns=result.concerns, findings=result.findings, sources=sources, numbers=numbers)


def action_text(row: PlanRow) -> str:
    """The action in a few words, with its dates or hours."""
    if row.action == "hold":
        start = f"from {row.stop_by.isoformat()}" if row.stop_by else "before surgery, as the surgeon advises"
        return f"HOLD {start} until the surgeon says to restart"
    if row.action == "stop":
        extra = f" (at the latest {row.stop_by.isoformat()} before surgery)" if row.stop_by else ""
        return "STOP during treatment" + extra
    if row.action == "separate":
        return f"SEPARATE by {row.hours:g} h"
    return {"review": "REVIEW with the prescriber", "continue": "CONTINUE", "no concern known": "NO CONCERN KNOWN",
            "not checked": "NOT CHECKED"}[row.action]
