"""All terminal rendering: rich tables for people, Markdown for notes; JSON never passes through here."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from suppcheck.structs import record
from suppcheck.text import lazy_re

if TYPE_CHECKING:
    from suppcheck.explaining import Description, Explanation
    from suppcheck.models import CheckResult, Finding, Source

# Control characters (C0 but newline, DEL, C1) and bidirectional overrides: text a user typed must not
# move the cursor, retitle the window or reorder what a clinician reads.
_CONTROLS = lazy_re("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = lazy_re(r"([\\`*_{}\[\]()#+!|~])")


def plain(text: str) -> str:
    """Text with every control character shown as U+FFFD."""
    return _CONTROLS.sub("\ufffd", str(text))


def escape(text: str) -> str:
    """Text for a rich console: controls replaced, rich markup escaped."""
    from rich.markup import escape as markup_escape

    return markup_escape(plain(text))


def md(text: str) -> str:
    """Text for Markdown: controls replaced, HTML and Markdown syntax escaped, one line."""
    text = plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("://", "&#58;//").replace("www.", "www&#46;")  # no bare link goes live
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


COLORS = {"major": "bold red", "moderate": "yellow", "minor": "cyan"}
NONE_FOUND = ("No supplement-drug or supplement-context interaction found among the recognised items "
              "(drug-drug interactions are not checked).")
REMINDER = ("No finding is not proof of safety: suppcheck covers only what its graph knows. Decision support, "
            "not a substitute for clinical judgement.")


def console(stderr: bool = False):
    from rich.console import Console

    from suppcheck_cli.term import piped_width

    return Console(stderr=stderr, no_color=bool(os.environ.get("NO_COLOR")), highlight=False,
                   width=None if sys.stdout.isatty() else piped_width())


def error(message: str) -> None:
    """An error line on standard error."""

    console(stderr=True).print(f"[bold red]error:[/] {escape(' '.join(message.split()))}", soft_wrap=True)


def _cite(source: Source) -> str:
    ids = " ".join(x for x in (f"PMID {source.pmid}" if source.pmid else "",
                               f"doi:{source.doi}" if source.doi and not source.pmid else "",
                               source.url if not source.pmid and not source.doi else "") if x)
    return f"{source.title}. {source.venue or ''} {source.year or ''}. {ids}".replace(" .", ".").strip()


def _footnotes(findings: list[Finding]) -> tuple[dict[str, int], list[str]]:
    numbers: dict[str, int] = {}
    lines = []
    for f in findings:
        for s in [*f.evidence.sources, *(s for a in f.alternatives for s in a.sources)]:
            key = s.pmid or s.doi or s.url or s.title
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                lines.append(f"[{numbers[key]}] {_cite(s)}")
    return numbers, lines


def _refs(f: Finding, numbers: dict[str, int]) -> str:
    return ",".join(str(numbers[s.pmid or s.doi or s.url or s.title]) for s in f.evidence.sources)


def _instead(f: Finding, numbers: dict[str, int]) -> str:
    """The finding's alternatives, each with its source numbers, after its management."""
    return "".join(f" Instead: {a.text} [" + ",".join(str(numbers[s.pmid or s.doi or s.url or s.title])
                                                      for s in a.sources) + "]" for a in f.alternatives)


def _pair(f: Finding) -> str:
    other = f.drug.name if f.drug else (f.context_label or f.context or "any regimen")
    return f"{f.supplement.name} + {other}"


def table(result: CheckResult, report=None, stream=None) -> None:
    """The report in the terminal: header, not checked first, regimen as read, action plan, findings, sources.

    Drawn by the small writer in `term`, not by rich, so that a check at the prompt starts quickly."""
    from suppcheck.report import action_text

    from suppcheck_cli.term import Writer

    out = Writer(stream)
    k = result.knowledge
    head = f"graph {plain(k.version)} ({k.triples} triples)"
    if report is not None:
        head += f" · {report.today.isoformat()}"
        if report.contexts:
            head += " · contexts: " + plain(", ".join(report.contexts))
        if report.surgery_date:
            head += f" · surgery {report.surgery_date.isoformat()}"
    out.line("suppcheck " + head, mark=("suppcheck", "bold"))
    c = result.summary.counts
    states = _item_states(result)
    out.line(f"major {c['major']} · moderate {c['moderate']} · minor {c['minor']}"
             + (f" · NOT CHECKED {len(result.summary.not_checked)}" if result.summary.not_checked else ""))
    body = [f"{plain(text)}: {plain(state)}" for text, state in states] + [plain(result.summary.drug_drug)]
    out.panel(body, "Not checked", "red" if states else "yellow")
    readings = _reading_notes(result)
    if readings:
        out.line("Regimen as read", "bold")
        for text, how, item_notes in readings:
            out.line(f"- {plain(text)}: {plain(how)}")
            for note in item_notes:
                out.line(f"    · {plain(note)}")
    if report is not None and report.plan:
        out.line("Action plan per supplement", "bold")
        for row in report.plan:
            action = plain(action_text(row))
            out.line(f"- {plain(row.input)}: {action}. {plain(row.reason)}",
                     mark=(action, COLORS.get(row.severity or "", "")))
    numbers, notes = _footnotes(result.findings)
    if result.findings:
        narrow = out.width < 100
        rows = _rows(result, numbers)
        longest = max((len(w) for r in rows for w in r.pair.split()), default=8)
        columns = [("Severity", 8, 0), ("Pair", max(min(longest, 26), 12), 0), ("Why", None, 4),
                   ("What to do", None, 4)] + ([] if narrow else [("Evidence", None, 2)])
        grid = []
        for row in rows:
            why = [(plain(row.title), "bold"), (plain(row.effect), "")] + [(f"- {plain(n)}", "dim") for n in row.notes]
            todo = [(plain(row.management), "")]
            cells = [[(row.severity.upper(), COLORS[row.severity])], [(plain(row.pair), "")], why, todo]
            if narrow:
                todo.append((f"Evidence: {plain(row.evidence)}", "dim"))
            else:
                cells.append([(plain(row.evidence), "")])
            grid.append(cells)
        out.table(columns, grid)
    else:
        out.line(plain(NONE_FOUND))
    if notes:
        out.line("Sources", "bold")
        for line in notes:
            out.line(plain(line))
    out.line(f"{plain(REMINDER)} Graph version {plain(k.version)}.", "dim")
    out.flush()


@record
class _Row:
    severity: str
    pair: str
    title: str
    effect: str
    notes: list[str]
    management: str
    evidence: str


def _rows(result: CheckResult, numbers: dict[str, int]) -> list[_Row]:
    """One row per finding, except that the findings of a concern group make one row."""
    rows = []
    for concern, members in result.rows():
        if concern is None:
            f = members[0]
            rows.append(_Row(f.severity.value, _pair(f), f.title, f.effect, f.notes, f.management + _instead(f, numbers),
                             f"{f.evidence.level.value}, {f.evidence.basis.value} [{_refs(f, numbers)}]"))
        else:
            rows.append(_concern_row(concern, members, numbers))
    return rows


def _concern_row(concern, members: list, numbers: dict[str, int]) -> _Row:
    partner = concern.drug.name if concern.drug else (concern.context_label or concern.context or "")
    names = ", ".join(f.supplement.name for f in members)
    lines = [f"{f.supplement.name}: {f.title} ({f.severity.value}, {f.evidence.level.value})" for f in members]
    evidence = "; ".join(f"{f.supplement.name}: {f.evidence.level.value} [{_refs(f, numbers)}]" for f in members)
    instead = "".join(dict.fromkeys(_instead(f, numbers) for f in members))
    return _Row(concern.severity.value, f"{concern.concern}: {names} + {partner}",
                f"{len(members)} supplements add to {concern.concern} with {partner}", "; ".join(lines), [],
                concern.management + instead, evidence)


def _item_states(result: CheckResult) -> list[tuple[str, str]]:
    from suppcheck.report import item_states

    return item_states(result)


def _reading_notes(result: CheckResult) -> list[tuple[str, str, list[str]]]:
    """Each item once, as read, with its notes."""
    from suppcheck.report import how_read as _how_read

    return [(i.input, _how_read(i), [n for n in (i.reading.notes if i.reading else ())
                                     if not n.startswith("read only in part")]) for i in result.items]


def markdown(result: CheckResult) -> str:
    k = result.knowledge
    numbers, notes = _footnotes(result.findings)
    lines = ["# suppcheck report", "", f"Graph version {k.version} ({k.triples} triples).", ""]
    if result.findings:
        lines += ["| Severity | Pair | Why | What to do | Evidence |", "| --- | --- | --- | --- | --- |"]
        for row in _rows(result, numbers):
            why = f"**{row.title}**: {row.effect}" + "".join(f"<br>- {md(n)}" for n in row.notes)
            lines.append("| " + " | ".join(x.replace("|", "\\|").replace("\n", " ") for x in (
                row.severity.upper(), row.pair, why, row.management, row.evidence)) + " |")
    else:
        lines.append(NONE_FOUND)
    states = _item_states(result)
    if states:
        lines += ["", "## Not checked / ambiguous / read in part", ""]
        lines += [f"- {md(text)}: {md(state)}" for text, state in states]
    readings = _reading_notes(result)
    if readings:
        lines += ["", "## Regimen as read", ""]
        for text, how, item_notes in readings:
            lines += [f"- {md(text)}: {md(how)}"] + [f"    - {md(note)}" for note in item_notes]
    if notes:
        lines += ["", "## Sources", ""] + [f"{n}  " for n in notes]
    lines += ["", f"_{REMINDER}_", ""]
    return "\n".join(lines)


def explanation(exp: Explanation, fmt: str) -> str | None:
    if fmt == "markdown":
        lines = [f"# {exp.supplement} + {exp.drug}", ""]
        if exp.finding:
            f = exp.finding
            lines += [f"**{f.severity.value.upper()}**: {f.title}. {f.effect}", "", f"What to do: {f.management}", ""]
        else:
            lines += ["No finding for this pair in the graph.", ""]
        lines += ["## Facts considered", ""]
        for fact in exp.facts:
            refs = "; ".join(_cite(s) for s in fact.sources)
            lines.append(f"- {fact.statement} ({fact.evidence}). {refs}")
        lines += ["", f"_{exp.coverage}_", ""]
        return "\n".join(lines)

    out = console()
    out.print(f"[bold]{escape(exp.supplement)} + {escape(exp.drug)}[/]")
    if exp.finding:
        f = exp.finding
        out.print(f"[{COLORS[f.severity.value]}]{f.severity.value.upper()}[/] {escape(f.title)}: {escape(f.effect)}")
        out.print(f"What to do: {escape(f.management)}")
        for n in f.notes:
            out.print(f"[dim]- {escape(n)}[/]")
    else:
        out.print("No finding for this pair in the graph.")
    out.print("[bold]Facts considered[/]")
    for fact in exp.facts:
        out.print(f"- {escape(fact.statement)} [dim]({escape(fact.evidence)})[/]")
        for s in fact.sources:
            out.print(f"    [dim]{escape(_cite(s))}[/]", soft_wrap=True)
    out.print(f"[dim]{escape(exp.coverage)}[/]")
    return None


def _monograph_sections(desc: Description) -> list[tuple[str, list]]:
    """A monograph in the order a clinician reads it: concerns, interactions by severity, alternatives, facts."""
    sections: list[tuple[str, list]] = []
    if desc.ingredients:
        sections.append(("Ingredients" if desc.kind == "product" else "Drugs", desc.ingredients))
    sections.append(("Main safety concerns", desc.concerns))
    for severity in ("major", "moderate", "minor", "none"):
        group = [f for f in desc.interactions if f.severity == severity]
        if group:
            title = "No relevant interaction found (studied)" if severity == "none" else f"Interactions: {severity}"
            sections.append((title, group))
    if not desc.interactions:
        sections.append(("Curated interactions", []))
    if desc.alternatives:
        sections.append(("What to take instead", desc.alternatives))
    sections.append(("All facts, with their evidence", desc.facts))
    return sections


def description(desc: Description, fmt: str) -> str | None:
    sections = _monograph_sections(desc)
    if fmt == "markdown":
        lines = [f"# {desc.name} ({desc.kind})", "", "Names: " + ", ".join(desc.names), ""]
        lines += [f"- {k}: {v}" for k, v in desc.details.items()]
        for title, facts in sections:
            lines += ["", f"## {title}", ""] + ([f"- {_fact(f)}" for f in facts] or ["- none recorded"])
        return "\n".join(lines) + "\n"

    out = console()
    out.print(f"[bold]{escape(desc.name)}[/] ({desc.kind})  {escape(desc.id)}")
    out.print("Names: " + escape(", ".join(desc.names)))
    for k, v in desc.details.items():
        out.print(f"{escape(k)}: {escape(str(v))}")
    for title, facts in sections:
        out.print(f"[bold]{escape(title)}[/]" if facts else f"[bold]{escape(title)}[/]: none recorded")
        for f in facts:
            out.print(f"- {escape(_fact(f))}", soft_wrap=True)
    return None


def _fact(f) -> str:
    return f if isinstance(f, str) else f"{f.statement} ({f.evidence})"


def stats(data: dict[str, int]) -> None:
    from rich.table import Table

    grid = Table("what", "count")
    for k, v in data.items():
        grid.add_row(k, str(v))
    console().print(grid)


def _amount(value, unit) -> str:
    return f"{value:g} {unit}" if value is not None and unit else "-"


def _ingredient_notes(ing) -> str:
    """Qualifiers, blend, how the row was read and what of it was not read."""
    parts = [*ing.qualifiers, *([f"in {ing.blend}"] if ing.blend else []), *getattr(ing, "notes", [])]
    unread = [u for u in getattr(ing, "unread", []) if u not in parts]
    if unread:
        parts.append("NOT READ: " + "; ".join(unread))
    return "; ".join(parts)


def label_table(ident: str, reading, result, error: str | None) -> None:
    from rich.table import Table

    out = console()
    out.print(f"[bold]Label[/] {escape(ident)}")
    if error:
        out.print(f"[bold red]error:[/] {escape(error)}")
        return
    grid = Table("Ingredient on the label", "Recognised as", "Per serving", "Per day", "Notes", expand=True)
    for ing in reading.ingredients:
        if ing.match:
            what = escape(ing.match.name) + (f" [dim]({ing.match.method})[/]" if ing.match.method == "fuzzy" else "")
        elif ing.status.value == "ambiguous":
            what = "ambiguous: " + escape(", ".join(c.name for c in ing.candidates))
        else:
            what = "[bold red]NOT RECOGNISED[/]"
        notes = _ingredient_notes(ing)
        grid.add_row(escape(ing.name), what, _amount(ing.amount, ing.unit), _amount(ing.per_day, ing.unit), escape(notes))
    out.print(grid)
    if reading.serving:
        out.print(escape(reading.serving) + (f"; {reading.servings_per_day:g} servings a day from the directions"
                                             if reading.servings_per_day else "; directions do not say how often"))
    if reading.excipients:
        out.print("[dim]Excipients (not actives, not checked): " + escape(", ".join(reading.excipients)) + "[/]")
    if reading.statements:
        out.print("[dim]Statements (not actives): " + escape("; ".join(reading.statements)) + "[/]")
    table(result)


def label_markdown(ident: str, reading, result, error: str | None) -> str:
    lines = [f"# Label {md(ident)}", ""]
    if error:
        return "\n".join([*lines, f"Error: {md(error)}", ""])
    lines += ["| Ingredient | Recognised as | Per serving | Per day | Notes |", "| --- | --- | --- | --- | --- |"]
    for ing in reading.ingredients:
        what = ing.match.name if ing.match else ("ambiguous: " + ", ".join(c.name for c in ing.candidates)
                                                  if ing.status.value == "ambiguous" else "NOT RECOGNISED")
        notes = _ingredient_notes(ing)
        lines.append(f"| {md(ing.name)} | {md(what)} | {_amount(ing.amount, ing.unit)} | "
                     f"{_amount(ing.per_day, ing.unit)} | {md(notes)} |")
    if reading.excipients:
        lines += ["", "Excipients (not checked): " + md(", ".join(reading.excipients))]
    return "\n".join(lines) + "\n\n" + markdown(result)


def _distinct_names(idents: list[str]) -> list[str]:
    """Each label's identifier without the folder part all of them share ("a/b/01-x.txt" -> "01-x.txt")."""
    import os

    paths = [i for i in idents if os.sep in i or "/" in i]
    if len(paths) < 2:
        return idents
    common = os.path.commonpath([p.replace("\\", "/") for p in paths])
    if not common:
        return idents
    prefix = common.rstrip("/") + "/"
    return [i.replace("\\", "/")[len(prefix):] if i.replace("\\", "/").startswith(prefix) else i for i in idents]


def label_batch(rows: list, summary: str) -> None:
    from rich.table import Table

    grid = Table("Label", "Actives", "Not recognised", "Highest", "Findings", "Error", expand=True)
    grid.columns[0].overflow = "fold"  # each label by its own name, never an ellipsis shared by all
    names = _distinct_names([ident for ident, *_ in rows])
    grid.columns[0].min_width = min(max((len(n) for n in names), default=5), 40)
    for (_, reading, result, error), name in zip(rows, names, strict=True):
        if error:
            grid.add_row(escape(name), "-", "-", "-", "-", f"[red]{escape(error)}[/]")
            continue
        high = result.summary.highest_severity
        sev = f"[{COLORS[high.value]}]{high.value.upper()}[/]" if high else "none"
        c = result.summary.counts
        actives = list(dict.fromkeys(i.match.name for i in reading.ingredients if i.match))
        grid.add_row(escape(name), escape(", ".join(actives)),
                     escape(", ".join(reading.not_checked)) or "-", sev,
                     f"{c['major']}/{c['moderate']}/{c['minor']}", "")
    out = console()
    out.print(grid)
    out.print(escape(summary))
    out.print(f"[dim]{escape(REMINDER)}[/]")
