"""Human formats of the consult report: a plain-text note, Markdown, a self-contained HTML page and a
patient handout. Every format has the same order: header, not checked, regimen as read, action plan,
concerns, findings, sources."""

from __future__ import annotations

import html
import textwrap

from suppcheck.models import Finding
from suppcheck.report import Report, action_text

REMINDER = ("No finding is not proof of safety: suppcheck covers only what its graph knows. Decision support, "
            "not a substitute for clinical judgement.")
WIDTH = 80


def cite(s) -> str:
    ids = ", ".join(x for x in (f"PMID {s.pmid}" if s.pmid else None, f"doi:{s.doi}" if s.doi else None) if x)
    where = " ".join(str(x) for x in (s.venue, s.year) if x)
    return f"{s.title}. {where}. {ids or s.url or ''}".strip()


def _partner(f: Finding) -> str:
    return f.drug.name if f.drug else (f.context_label or f.context or "any regimen")


def _header(r: Report) -> list[tuple[str, str]]:
    rows = [("Date", r.today.isoformat()), ("Graph", f"suppcheck graph {r.version} ({r.triples} triples)")]
    if r.contexts:
        rows.append(("Contexts", ", ".join(r.contexts)))
    if r.surgery_date:
        rows.append(("Surgery date", r.surgery_date.isoformat()))
    return rows


# ----------------------------------------------------------------------------------------------- note
def note(r: Report, width: int = WIDTH) -> str:
    """Plain text for an EHR note: no markup, every line at most `width` characters."""
    out: list[str] = []

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=first if first is not None else indent,
                                 subsequent_indent=indent, break_long_words=True, break_on_hyphens=False) or [""])

    def heading(text: str) -> None:
        out.extend(["", text.upper(), "-" * min(len(text), width)])

    para("SUPPLEMENT-DRUG INTERACTION CHECK (suppcheck)")
    for k, v in _header(r):
        para(f"{k}: {v}", "  ", "")
    heading("Not checked")
    for text, state in r.not_checked:
        para(f"{text}: {state}", "    ", "  - ")
    para(r.drug_drug, "    ", "  - ")
    heading("Regimen as read")
    for text, how, notes in r.regimen:
        para(f"{text} -> {how}", "    ", "  - ")
        for n in notes:
            para(n, "      ", "    . ")
    heading("Action plan per supplement")
    for row in r.plan:
        para(f"{row.input} [{row.names}]: {action_text(row)}", "    ", "  - ")
        para(f"Why: {row.reason}", "      ", "    ")
        if row.monitor and row.action not in ("continue", "no concern known"):
            para(f"What to do: {row.monitor}", "      ", "    ")
    if r.concerns:
        heading("Concerns")
        for c in r.concerns:
            names = ", ".join(x.name for x in c.contributors)
            para(f"{c.severity.value.upper()} {c.concern}: {names}. {c.management}", "    ", "  - ")
    heading("Findings")
    if not r.findings:
        para("No supplement-drug or supplement-context interaction found among the recognised items.", "  ", "  ")
    for f in r.findings:
        para(f"{f.severity.value.upper()}: {f.supplement.name} + {_partner(f)}: {f.title}", "    ", "  - ")
        para(f"Effect: {f.effect}", "      ", "    ")
        para(f"What to do: {f.management}", "      ", "    ")
        for a in f.alternatives:
            para(f"Instead: {a.text} [{r.refs(a.sources)}]", "      ", "    ")
        para(f"Evidence: {f.evidence.level.value}, {f.evidence.basis.value} [{r.refs(f.evidence.sources)}]",
             "      ", "    ")
    heading("Sources")
    for n, s in enumerate(r.sources, 1):
        para(f"[{n}] {cite(s)}", "      ", "  ")
    out.append("")
    para(REMINDER)
    return "\n".join(line.rstrip() for line in out) + "\n"


# ----------------------------------------------------------------------------------------------- Markdown
def _md(text: str) -> str:
    """Text safe in Markdown: no HTML, no table pipes, no emphasis characters taken as markup."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]()|#!":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def markdown(r: Report) -> str:
    """Markdown without HTML: sections and lists, so it reads as plain text too."""
    lines = ["# Supplement-drug interaction check", ""]
    lines += [f"- **{k}:** {_md(v)}" for k, v in _header(r)]
    lines += ["", "## Not checked", ""]
    lines += [f"- {_md(t)}: {_md(s)}" for t, s in r.not_checked] + [f"- {_md(r.drug_drug)}"]
    lines += ["", "## Regimen as read", ""]
    for text, how, notes in r.regimen:
        lines.append(f"- {_md(text)}: {_md(how)}")
        lines += [f"    - {_md(n)}" for n in notes]
    lines += ["", "## Action plan per supplement", ""]
    for row in r.plan:
        lines.append(f"- **{_md(row.input)}** ({_md(row.names)}): **{_md(action_text(row))}**. {_md(row.reason)}")
        if row.monitor and row.action not in ("continue", "no concern known"):
            lines.append(f"    - What to do: {_md(row.monitor)}")
    if r.concerns:
        lines += ["", "## Concerns", ""]
        for c in r.concerns:
            names = ", ".join(x.name for x in c.contributors)
            lines.append(f"- **{c.severity.value.upper()}** {_md(c.concern)}: {_md(names)}. {_md(c.management)}")
    lines += ["", "## Findings", ""]
    if not r.findings:
        lines.append("No supplement-drug or supplement-context interaction found among the recognised items.")
    for f in r.findings:
        pair = f"{_md(f.supplement.name)} + {_md(_partner(f))}"
        lines.append(f"- **{f.severity.value.upper()}** {pair}: {_md(f.title)}")
        lines.append(f"    - Effect: {_md(f.effect)}")
        lines.append(f"    - What to do: {_md(f.management)}")
        lines += [f"    - Instead: {_md(a.text)} \\[{r.refs(a.sources)}\\]" for a in f.alternatives]
        lines += [f"    - Note: {_md(n)}" for n in f.notes]
        refs = r.refs(f.evidence.sources)
        lines.append(f"    - Evidence: {f.evidence.level.value}, {f.evidence.basis.value} \\[{refs}\\]")
    lines += ["", "## Sources", ""] + [f"{n}. {_md(cite(s))}" for n, s in enumerate(r.sources, 1)]
    lines += ["", f"_{_md(REMINDER)}_", ""]
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------- HTML
_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111}
body{margin:1.5rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #888;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eee}.major{background:#f8c9c4}.moderate{background:#fde8b0}.minor{background:#e3efd9}
.none{background:#fff}
.notchecked{border:2px solid #a00;padding:.5rem .8rem;background:#fff5f5}.small{font-size:.85rem;color:#333}
@media print{body{margin:0;max-width:none}a{color:#000}}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def page(r: Report, title: str = "Supplement-drug interaction check") -> str:
    """One self-contained, printable page (no external assets) with an interaction matrix."""
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>", f"<h1>{_e(title)}</h1>", "<dl>"]
    out += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _header(r)] + ["</dl>"]
    out += ['<section class="notchecked" aria-labelledby="nc"><h2 id="nc">Not checked</h2><ul>']
    out += [f"<li><strong>{_e(t)}</strong>: {_e(s)}</li>" for t, s in r.not_checked]
    out += [f"<li>{_e(r.drug_drug)}</li></ul></section>"]
    out += ['<h2>Regimen as read</h2><table><thead><tr><th scope="col">Line</th><th scope="col">Read as</th>'
            '<th scope="col">Notes</th></tr></thead><tbody>']
    for text, how, notes in r.regimen:
        out.append(f"<tr><td>{_e(text)}</td><td>{_e(how)}</td><td>{'<br>'.join(_e(n) for n in notes)}</td></tr>")
    out += ["</tbody></table>", '<h2>Action plan per supplement</h2><table><thead><tr><th scope="col">Supplement</th>'
            '<th scope="col">Action</th><th scope="col">Why</th><th scope="col">What to do</th></tr></thead><tbody>']
    for row in r.plan:
        cls = row.severity or "none"
        out.append(f'<tr class="{cls}"><td>{_e(row.input)}<br><span class="small">{_e(row.names)}</span></td>'
                   f"<td><strong>{_e(action_text(row))}</strong></td><td>{_e(row.reason)}</td>"
                   f"<td>{_e(row.monitor if row.action not in ('continue', 'no concern known') else '')}</td></tr>")
    out.append("</tbody></table>")
    out += _matrix(r)
    if r.concerns:
        out.append("<h2>Concerns</h2><ul>")
        for c in r.concerns:
            names = ", ".join(x.name for x in c.contributors)
            out.append(f'<li class="{c.severity.value}"><strong>{c.severity.value.upper()}</strong> {_e(c.concern)}: '
                       f"{_e(names)}. {_e(c.management)}</li>")
        out.append("</ul>")
    out.append("<h2>Findings</h2>")
    if not r.findings:
        out.append("<p>No supplement-drug or supplement-context interaction found among the recognised items.</p>")
    for f in r.findings:
        out.append(f'<article class="{f.severity.value}"><h3>{f.severity.value.upper()}: {_e(f.supplement.name)} + '
                   f"{_e(_partner(f))}</h3><p><strong>{_e(f.title)}</strong>. {_e(f.effect)}</p>"
                   f"<p>What to do: {_e(f.management)}</p>")
        out += [f"<p>Instead: {_e(a.text)} [{r.refs(a.sources)}]</p>" for a in f.alternatives]
        out.append(f'<p class="small">Evidence: {f.evidence.level.value}, {f.evidence.basis.value} '
                   f"[{r.refs(f.evidence.sources)}]</p></article>")
    out.append("<h2>Sources</h2><ol>")
    out += [f"<li>{_e(cite(s))}</li>" for s in r.sources]
    out += ["</ol>", f'<p class="small">{_e(REMINDER)}</p>', "</body></html>", ""]
    return "\n".join(out)


def _matrix(r: Report) -> list[str]:
    """Supplements by drugs and contexts, each cell coloured by the severity of its finding."""
    supps = list(dict.fromkeys(f.supplement.name for f in r.findings)) or \
        [row.names for row in r.plan if row.action != "not checked"]
    partners = list(dict.fromkeys([i.match.name for i in r.result.items if i.role.value == "drug" and i.match]
                                  + [c.match.name for i in r.result.items if i.role.value == "drug"
                                     for c in i.components if c.match] + r.contexts))
    if not supps or not partners:
        return []
    cells = {(f.supplement.name, _partner(f)): f for f in r.findings}
    out = ['<h2>Interaction matrix</h2><table class="matrix"><thead><tr><th scope="col">Supplement</th>']
    out += [f'<th scope="col">{_e(p)}</th>' for p in partners] + ["</tr></thead><tbody>"]
    for s in supps:
        row = [f'<tr><th scope="row">{_e(s)}</th>']
        for p in partners:
            f = cells.get((s, p))
            row.append(f'<td class="{f.severity.value}">{f.severity.value}</td>' if f else '<td class="none">-</td>')
        out.append("".join(row) + "</tr>")
    out.append("</tbody></table>")
    return out


# ----------------------------------------------------------------------------------------------- handout
_SIGNS = {
    "bleeding": "bruises you cannot explain, bleeding gums, nosebleeds that do not stop, blood in urine or stool, "
                "black stools",
    "liver": "yellow skin or eyes, dark urine, pain on the right side of your belly",
    "serotonin": "feeling restless or confused, shaking, fast heartbeat, high temperature",
    "sedation": "feeling very sleepy or hard to wake, slow or shallow breathing",
    "potassium": "weak muscles, a slow or uneven heartbeat",
    "blood pressure": "bad headache, dizziness or fainting",
    "glucose": "shaking, sweating, feeling faint (low blood sugar)",
}
_FOODS = ("grapefruit", "Seville orange", "starfruit", "pomelo")
_PLAIN = {"stop": "Stop", "hold": "Stop before surgery", "separate": "Take at a different time",
          "review": "Ask before taking", "continue": "You may keep taking", "no concern known": "No problem found",
          "not checked": "We could not check"}


def handout(r: Report, contact: str | None = None) -> str:
    """A patient handout in plain language: what to stop, when, what to keep, foods, warning signs."""
    lines = ["YOUR SUPPLEMENTS AND YOUR CANCER CARE", "", f"Date: {r.today.isoformat()}"]
    if r.surgery_date:
        lines.append(f"Your surgery date: {r.surgery_date.isoformat()}")
    lines += ["", "Your care team checked the vitamins, herbs and other products you take.", ""]
    for row in r.plan:
        what = _PLAIN[row.action]
        if row.action == "hold":
            when = f"Stop on {row.stop_by.isoformat()}." if row.stop_by else "Ask your surgeon when to stop."
            lines.append(f"- {row.input}: {what}. {when} Start again only when your surgeon says so.")
        elif row.action == "stop":
            lines.append(f"- {row.input}: {what}. Do not take it during your treatment.")
        elif row.action == "separate":
            lines.append(f"- {row.input}: {what}. Keep it {row.hours:g} hours away from your medicine.")
        elif row.action == "review":
            lines.append(f"- {row.input}: {what}. Talk with your care team first.")
        elif row.action == "not checked":
            lines.append(f"- {row.input}: {what}. Show us the bottle.")
        else:
            lines.append(f"- {row.input}: {what}.")
    foods = [food for food in _FOODS if any(food.lower() in f.supplement.name.lower() and f.drug
                                            for f in r.findings)]
    if foods:
        lines += ["", "Foods to avoid:", f"- Do not eat or drink {', '.join(foods)} in any form."]
    signs = [s for key, s in _SIGNS.items()
             if any(key in (c.concern or "").lower() for c in r.concerns)
             or any(key in f.title.lower() or key in f.effect.lower() for f in r.findings)]
    if signs:
        lines += ["", "Call your care team right away if you have:"] + [f"- {s}" for s in signs]
    lines += ["", "Bring every bottle to each visit, also new ones.",
              "Do not start a new product before you ask us.",
              "This check looks at supplements with your medicines. It does not check your medicines with each "
              "other. Your pharmacist does that."]
    if r.not_checked:
        lines.append("Some products could not be checked. We need to see their labels.")
    if contact:
        lines += ["", f"Questions? Call {contact}."]
    return "\n".join(lines) + "\n"
