"""Running `suppcheck check` once its options are read: shared by the command-line application and by the
fast start path, which reads the common options itself so that a check need not load the framework."""

from __future__ import annotations

import sys
from enum import Enum

from suppcheck_cli.outcome import FINDING, OK, UNRECOGNIZED, write


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    note = "note"
    html = "html"
    handout = "handout"
    fhir = "fhir"


def parse_day(text: str | None, option: str):
    """A YYYY-MM-DD date, or an input error naming the option."""
    from datetime import date

    from suppcheck.errors import InputError

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"'{text[:40]}' is not a date: give it as YYYY-MM-DD", where=option) from None

SEVERITY_RANK = {"minor": 0, "moderate": 1, "major": 2}


def read_text(file: str) -> str:
    """The text of a regimen file, or of standard input for '-'."""
    from suppcheck.errors import InputError
    from suppcheck.regimen_io import decode, read_file, read_stream

    if file == "-":
        return decode(read_stream(sys.stdin.buffer), "<stdin>")
    from pathlib import Path  # a file named: a check by flags alone need not load pathlib

    path = Path(file)
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise InputError("a regimen file ends in .yaml, .yml or .json", where=file)
    return decode(read_file(path), file)


def is_fhir(text: str) -> bool:
    return text.lstrip().startswith("{") and '"resourceType"' in text


def load_input(file: str | None, drugs: list[str], supplements: list[str], contexts: list[str],
               text: str | None = None):
    """Merge a regimen file (or '-' for stdin) with the flags into one Regimen."""
    from suppcheck.models import Regimen
    from suppcheck.regimen_io import parse_regimen_text

    base = Regimen()
    if file:
        where = "<stdin>" if file == "-" else file
        base = parse_regimen_text(text if text is not None else read_text(file), where=where)
    return Regimen(drugs=[*base.drugs, *drugs], supplements=[*base.supplements, *supplements],
                   context=[*base.context, *contexts], surgery_date=base.surgery_date)


def run(file: str | None, drug: list[str], supplement: list[str], context: list[str], fmt: CheckFormat,
        fail_on=None, surgery_date: str | None = None, today: str | None = None, contact: str | None = None) -> int:
    """Check the regimen, write the report in the format asked, and give the exit code."""
    from suppcheck.engine import default_checker
    from suppcheck.errors import InputError

    surgery = parse_day(surgery_date, "--surgery-date")
    day = parse_day(today, "--date")
    if surgery is not None and not any(c.strip().lower() == "surgery" for c in context):
        context = [*context, "surgery"]
    checker = default_checker()
    text = read_text(file) if file else None
    fhir_regimen = None
    if text is not None and is_fhir(text):
        from suppcheck.fhir import check_fhir

        if drug or supplement:
            raise InputError("a FHIR input carries the whole regimen: leave out --drug and --supplement", where=file)
        result, fhir_regimen = check_fhir(checker, text, context, where=file or "<stdin>")
    else:
        regimen = load_input(file, drug, supplement, context, text)
        if surgery is None and regimen.surgery_date is not None:  # a surgery date in the regimen file
            surgery = regimen.surgery_date
            if not any(c.strip().lower() == "surgery" for c in regimen.context):
                regimen = regimen.model_copy(update={"context": [*regimen.context, "surgery"]})
            context = [*context, "surgery"] if "surgery" not in context else context
        result = checker.check_regimen(regimen)
    if fmt is CheckFormat.fhir:
        import json

        from suppcheck.fhir import to_fhir_bundle

        write(json.dumps(to_fhir_bundle(result, fhir_regimen), indent=2, ensure_ascii=False))
    elif fmt is CheckFormat.json:
        write(result.model_dump_json(indent=2))
    else:
        from suppcheck.report import build_report

        contexts = checker.contexts(list(context))
        report = build_report(result, checker.kb, today=day, surgery_date=surgery, contexts=contexts)
        if fmt is CheckFormat.table:
            from suppcheck_cli.render import table

            table(result, report)
        else:
            from suppcheck_cli import report_render

            renderers = {CheckFormat.markdown: report_render.markdown, CheckFormat.note: report_render.note,
                         CheckFormat.html: report_render.page,
                         CheckFormat.handout: lambda r: report_render.handout(r, contact)}
            write(renderers[fmt](report))
    return exit_code(result, fail_on)


def exit_code(result, fail_on) -> int:
    """3 when an item was not recognised (an incomplete check), else 1 at or above --fail-on, else 0."""
    if result.summary.not_checked:
        return UNRECOGNIZED
    if fail_on is not None and any(SEVERITY_RANK[f.severity.value] >= SEVERITY_RANK[fail_on.value]
                                   for f in result.findings):
        return FINDING
    return OK
