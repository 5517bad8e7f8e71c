"""The web page of `suppcheck serve`: a form to check a regimen or screen a supplement label, the consult
report and the patient handout.

GET / is the form; POST /report answers with the consult report (the HTML renderer of `--format html`,
over the same report model); POST /handout with the patient handout. Plain HTML forms posted as
application/x-www-form-urlencoded: no JavaScript, no external assets, nothing fetched from elsewhere.
The limits are the service's (a 2 MiB body, 10 s to send it, 10 s for the check, 20,000 lines); bad
input gets an HTML page that says what was wrong, with a 4xx status. Nothing of the form is logged:
the access log has the path and status only, and errors are shown to the user, never written to a log.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from suppcheck.engine import Checker
from suppcheck.errors import SuppcheckError
from suppcheck.report import Report, build_report

from suppcheck_cli import report_render
from suppcheck_cli.service import MAX_BODY, HttpError, _plain, _read_body

PATHS = ("/", "/report", "/handout")
MAX_FIELDS = 64  # the form has fewer than 20; more is not this form
MAX_CONTACT = 200  # characters of the clinic's contact line
FORM_TYPE = "application/x-www-form-urlencoded"
SINGLE = ("drugs", "supplements", "label", "surgery_date", "contact")
COMMON_CONTEXTS = ("radiation", "surgery", "neutropenia", "thrombocytopenia", "lab-testing")
HEADERS = {
    # A report holds a medication list: never cached, never sent on as a referrer, never framed.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
}
TITLE = "suppcheck: supplement-drug interaction check"


@dataclass
class FormInput:
    """What the form sent, as text, so that a page can show it again."""

    drugs: str = ""
    supplements: str = ""
    label: str = ""
    contexts: list[str] = field(default_factory=list)
    surgery_date: str = ""
    contact: str = ""


class FormError(Exception):
    """Input the check refused: the form is shown again, with the message and what was typed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def mount_web(app: FastAPI, checker: Checker, pool: ThreadPoolExecutor, *, check_timeout: float,
              body_timeout: float) -> None:
    """Add the page's routes to the service's app; checks run in the service's thread pool."""
    contexts = _contexts(checker)

    async def answer(request: Request, render: Callable[[Report, FormInput], str]) -> Response:
        try:
            form = await _read_form(request, body_timeout)
        except HttpError as exc:
            headers = {"connection": "close"} if exc.status in (408, 413) else None
            return _html(error_page(exc.status, exc.message), exc.status, headers)
        future = asyncio.get_running_loop().run_in_executor(pool, lambda: _report(checker, form))
        try:
            report = await asyncio.wait_for(future, timeout=check_timeout)
        except TimeoutError:
            message = f"the check took longer than {check_timeout:g} s; try again, or check fewer lines at a time"
            return _html(error_page(503, message), 503)
        except FormError as exc:
            return _html(form_page(contexts, form, exc.message), 422)
        return _html(render(report, form))

    @app.get("/", response_class=HTMLResponse, summary="The web page: a form to check a regimen or a label")
    async def form() -> Response:
        return _html(form_page(contexts))

    @app.post("/report", response_class=HTMLResponse, summary="The consult report of the form's regimen (HTML)")
    async def report(request: Request) -> Response:
        return await answer(request, report_page)

    @app.post("/handout", response_class=HTMLResponse, summary="The patient handout of the form's regimen (HTML)")
    async def handout(request: Request) -> Response:
        return await answer(request, handout_page)

    @app.get("/report", include_in_schema=False)
    @app.get("/handout", include_in_schema=False)
    async def back_to_form() -> Response:
        return RedirectResponse("/", status_code=303)


def _html(body: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={**HEADERS, **(headers or {})})


def _contexts(checker: Checker) -> list[tuple[str, str]]:
    """(id, display name) of every context of the graph: the common five first, then the others by name."""
    known = {e.id.rsplit("/", 1)[-1]: e.name for e in checker.kb.of_kind("context")}
    first = [c for c in COMMON_CONTEXTS if c in known]
    rest = sorted((c for c in known if c not in first), key=lambda c: known[c].lower())
    return [(c, known[c]) for c in [*first, *rest]]


# ---------------------------------------------------------------------------------------------- input
async def _read_form(request: Request, timeout: float) -> FormInput:
    """The posted form: URL-encoded UTF-8, within the service's body limits."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != FORM_TYPE:
        raise HttpError(415, f"this page takes the form as {FORM_TYPE}, as a browser sends it; "
                             "programs can use POST /check with JSON", fhir=False)
    raw = await _read_body(request, fhir=False, timeout=timeout)
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict",
                          max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise HttpError(400, "the form was not sent as UTF-8 text", fhir=False) from None
    except ValueError:
        raise HttpError(400, f"the form has more than {MAX_FIELDS} fields", fhir=False) from None
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    for key in SINGLE:
        if len(values.get(key, ())) > 1:
            raise HttpError(400, f"the field '{key}' was sent more than once", fhir=False)
    one = {key: values.get(key, [""])[0] for key in SINGLE}
    return FormInput(drugs=one["drugs"], supplements=one["supplements"], label=one["label"],
                     contexts=list(dict.fromkeys(v for v in values.get("context", []) if v.strip())),
                     surgery_date=one["surgery_date"].strip(), contact=one["contact"])


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _report(checker: Checker, form: FormInput) -> Report:
    """Check the form's regimen (and label), as `suppcheck check` and `suppcheck label` do; runs off the loop."""
    from suppcheck.labels import check_label
    from suppcheck.regimen_io import regimen_from_data

    surgery = None
    if form.surgery_date:
        try:
            surgery = date.fromisoformat(form.surgery_date)
        except ValueError:
            raise FormError(f"the surgery date '{_plain(form.surgery_date)[:40]}' is not a date: "
                            "give it as YYYY-MM-DD") from None
    contact = " ".join(_plain(form.contact).split())
    if len(contact) > MAX_CONTACT:
        raise FormError(f"the contact line is longer than {MAX_CONTACT} characters")
    contexts = list(form.contexts)
    if surgery is not None and "surgery" not in contexts:
        contexts.append("surgery")
    drugs, supplements = _lines(form.drugs), _lines(form.supplements)
    try:
        regimen = regimen_from_data({"drugs": drugs, "supplements": supplements, "context": contexts}, where="form")
        if form.label.strip():
            result = check_label(checker, form.label, regimen)[1]
        elif not drugs and not supplements:
            raise FormError("nothing to check: type at least one drug or supplement, one per line, "
                            "or paste a supplement label's text")
        else:
            result = checker.check_regimen(regimen)
        return build_report(result, checker.kb, surgery_date=surgery, contexts=checker.contexts(contexts))
    except SuppcheckError as exc:
        raise FormError(str(exc)) from None


# ---------------------------------------------------------------------------------------------- pages
_CSS = """
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111;background:#fff;margin:1.5rem auto;
max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}
a{color:#0b3d91}label{font-weight:600;display:block;margin-top:1rem}
.hint{color:#333;font-size:.95rem;margin:.2rem 0 .4rem}
textarea,input[type=text],input[type=date]{font:inherit;color:#111;background:#fff;border:2px solid #555;
border-radius:4px;padding:.4rem;width:100%;box-sizing:border-box}
fieldset{border:2px solid #555;border-radius:4px;margin-top:1.2rem;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .3rem}
fieldset label{display:inline;font-weight:400;margin:0 0 0 .3rem}
.choice{margin:.35rem 0}.choice input{width:1.1rem;height:1.1rem;vertical-align:middle}
button{font:inherit;font-weight:600;color:#fff;background:#0b3d91;border:2px solid #0b3d91;border-radius:4px;
padding:.5rem 1.1rem;margin:1.2rem .6rem 0 0;cursor:pointer}
button.second{color:#0b3d91;background:#fff}
:focus-visible{outline:3px solid #b34700;outline-offset:2px}
.error{border:2px solid #a00;background:#fff5f5;padding:.5rem 1rem;margin:1rem 0}
.error h2{margin-top:.3rem;color:#8b0000}
.tools{border-bottom:1px solid #999;padding-bottom:.6rem;margin-bottom:1rem}
.tools form{display:inline}.tools button{margin:0 .6rem .3rem 0}
.safety{border-left:4px solid #555;padding:.2rem .8rem;color:#222}
@media print{.tools{display:none}body{margin:0;max-width:none}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _head(title: str, extra_css: str = "") -> list[str]:
    return ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title><style>{_CSS}{extra_css}</style></head><body>"]


def form_page(contexts: list[tuple[str, str]], form: FormInput | None = None, error: str | None = None) -> str:
    """The form, empty or filled again with what was sent and the reason it could not be checked."""
    form = form or FormInput()
    out = _head(("Not checked: " if error else "") + TITLE)
    out.append("<main>")
    out.append(f"<h1>{_e(TITLE)}</h1>")
    if error:
        out += ['<div class="error" role="alert" aria-labelledby="error-title">',
                '<h2 id="error-title">The regimen could not be checked</h2>', f"<p>{_e(error)}</p>",
                "<p>Nothing was checked. Correct the form below and check again.</p></div>"]
    out += ['<p class="safety">Decision support for clinicians and pharmacists, not a substitute for clinical '
            "judgement. suppcheck knows only what its graph holds: what it cannot recognise is reported as "
            "<strong>not checked</strong>. Drug-drug interactions are not evaluated.</p>",
            '<form method="post" action="/report" accept-charset="utf-8">',
            "<h2>Regimen</h2>",
            '<label for="drugs">Drugs</label>',
            '<p class="hint" id="drugs-hint">One per line, with the dose if known: "imatinib 400 mg daily". '
            "A regimen name such as FOLFOX is read as its drugs.</p>",
            f'<textarea id="drugs" name="drugs" rows="5" aria-describedby="drugs-hint" spellcheck="false">'
            f"{_textarea(form.drugs)}</textarea>",
            '<label for="supplements">Supplements</label>',
            '<p class="hint" id="supplements-hint">One per line, with the dose if known: '
            '"St John\'s wort 300 mg three times daily", "fish oil 1000 mg 4 capsules daily".</p>',
            f'<textarea id="supplements" name="supplements" rows="6" aria-describedby="supplements-hint" '
            f'spellcheck="false">{_textarea(form.supplements)}</textarea>',
            '<label for="label">Supplement label to screen (optional)</label>',
            '<p class="hint" id="label-hint">Paste the text of a product label (the Supplement Facts panel, '
            "ingredients and directions): each active it lists is checked against the drugs and supplements "
            "above.</p>",
            f'<textarea id="label" name="label" rows="6" aria-describedby="label-hint" spellcheck="false">'
            f"{_textarea(form.label)}</textarea>",
            '<fieldset><legend>Contexts</legend>']
    for cid, name in contexts:
        checked = " checked" if cid in form.contexts else ""
        out.append(f'<div class="choice"><input type="checkbox" id="context-{_e(cid)}" name="context" '
                   f'value="{_e(cid)}"{checked}><label for="context-{_e(cid)}">{_e(name)}</label></div>')
    out += ["</fieldset>",
            '<label for="surgery_date">Surgery date (optional)</label>',
            '<p class="hint" id="surgery_date-hint">YYYY-MM-DD. Adds the surgery context and gives the date by '
            "which to stop each supplement that should be stopped before surgery.</p>",
            f'<input type="date" id="surgery_date" name="surgery_date" value="{_e(form.surgery_date)}" '
            'aria-describedby="surgery_date-hint">',
            '<label for="contact">Contact line for the handout (optional)</label>',
            '<p class="hint" id="contact-hint">Printed at the end of the patient handout: '
            '"the oncology pharmacy, 555-0100".</p>',
            f'<input type="text" id="contact" name="contact" value="{_e(form.contact)}" maxlength="{MAX_CONTACT}" '
            'aria-describedby="contact-hint" autocomplete="off">',
            '<div><button type="submit">Check</button>'
            '<button type="submit" class="second" formaction="/handout">Patient handout</button></div>',
            "</form>",
            f'<p class="hint">Limits: {MAX_BODY // 1024 // 1024} MiB of text in all and 20,000 lines; a line over '
            "1,000 characters is not read. What you type is not stored or logged.</p>",
            "</main></body></html>", ""]
    return "\n".join(out)


def _textarea(text: str) -> str:
    # A newline right after <textarea> is dropped by the HTML parser: one more keeps a leading one.
    return ("\n" if text.startswith(("\n", "\r")) else "") + _e(text)


def _hidden(form: FormInput) -> str:
    """The form's input again, for the button that turns a report into a handout (or back)."""
    fields = [("drugs", form.drugs), ("supplements", form.supplements), ("label", form.label),
              ("surgery_date", form.surgery_date), ("contact", form.contact)]
    fields += [("context", c) for c in form.contexts]
    # Hidden inputs keep line breaks; an encoded \r\n would come back as one line break, as sent.
    return "".join(f'<input type="hidden" name="{name}" value="{_e(value)}">' for name, value in fields if value)


def _tools(form: FormInput, to: str) -> str:
    target, label = ("/handout", "Patient handout") if to == "handout" else ("/report", "Clinician report")
    return ('<nav class="tools" aria-label="Page tools"><a href="/">New check</a> &middot; '
            f'<form method="post" action="{target}" accept-charset="utf-8">{_hidden(form)}'
            f'<button type="submit">{label}</button></form>'
            "<span>To print, use your browser's Print command (Ctrl+P, or Cmd+P on a Mac); "
            "these buttons are left out of the printout.</span></nav>")


def report_page(report: Report, form: FormInput) -> str:
    """The consult report as `--format html` renders it, with a button for the handout and a new check."""
    page = report_render.page(report)
    css = ("@media print{.tools{display:none}}.tools{border-bottom:1px solid #999;padding-bottom:.6rem}"
           ".tools form{display:inline}.tools a{color:#0b3d91}.tools button{font:inherit;font-weight:600;color:#fff;"
           "background:#0b3d91;border:2px solid #0b3d91;border-radius:4px;padding:.3rem .9rem;margin:0 .6rem .3rem;"
           "cursor:pointer}:focus-visible{outline:3px solid #b34700;outline-offset:2px}")
    page = page.replace("</style>", css + "</style>", 1)
    head, body = page.split("<body>", 1)
    body, tail = body.rsplit("</body>", 1)
    return f"{head}<body>{_tools(form, 'handout')}<main>{body}</main></body>{tail}"


def handout_page(report: Report, form: FormInput) -> str:
    """The patient handout (the text of `--format handout`) as a page: headings, lists, large type."""
    text = report_render.handout(report, " ".join(_plain(form.contact).split()) or None)
    lines = text.splitlines()
    out = _head("Your supplements and your cancer care", "body{font-size:18px}")
    out += [_tools(form, "report"), "<main>", f"<h1>{_e(lines[0].capitalize())}</h1>"]
    in_list = False
    for line in lines[1:]:
        if line.startswith("- "):
            out.append(("" if in_list else "<ul>") + f"<li>{_e(line[2:])}</li>")
            in_list = True
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if not line.strip():
            continue
        out.append(f"<h2>{_e(line)}</h2>" if line.endswith(":") else f"<p>{_e(line)}</p>")
    out += ["</ul>"] if in_list else []
    out += ["</main></body></html>", ""]
    return "\n".join(out)


def error_page(status: int, message: str) -> str:
    """A request that could not be read: what was wrong, and the way back to the form."""
    out = _head(f"Error {status}: {TITLE}")
    out += ["<main>", f"<h1>{_e(TITLE)}</h1>", '<div class="error" role="alert" aria-labelledby="error-title">',
            f'<h2 id="error-title">The request could not be checked (error {status})</h2>', f"<p>{_e(message)}</p>",
            "<p>Nothing was checked.</p></div>", '<p><a href="/">Back to the form</a></p>',
            "</main></body></html>", ""]
    return "\n".join(out)
