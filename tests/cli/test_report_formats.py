"""The consult report in every human format: order, not-checked first, the drug-drug line, and each
format's own promise (plain note at 80 columns, Markdown without HTML, a self-contained page with a
matrix, a handout a patient can read)."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from readability import grade
from suppcheck_cli.app import app
from typer.testing import CliRunner

runner = CliRunner()
REGIMEN = ["--drug", "imatinib 400 mg daily", "--drug", "warfarin", "--drug", "FOLFOX",
           "--supplement", "fish oil 1000 mg 4 capsules daily", "--supplement", "St John's wort 300 mg TID",
           "--supplement", "ginkgo 120 mg BID", "--supplement", "vitamin D 1000 IU daily",
           "--supplement", "moonberry tea", "--context", "radiation", "--date", "2026-12-07"]


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("fmt", ["note", "markdown", "html", "handout", "table"])
def test_every_format_puts_what_was_not_checked_first(fmt):
    result = run("check", *REGIMEN, "--format", fmt)
    assert result.exit_code == 3, result.stderr  # moonberry tea is not recognised
    text = html.unescape(result.stdout) if fmt == "html" else result.stdout
    assert "moonberry tea" in text
    if fmt == "handout":
        assert "It does not check your medicines with each other" in " ".join(text.split())
    else:
        assert "Drug-drug interactions are NOT evaluated: the 5 drugs listed" in " ".join(text.split())
        first = text.index("moonberry tea")
        assert first < text.index("St John's wort 300 mg TID"), "not checked comes before everything else"
        assert first < text.lower().index("findings") if "findings" in text.lower() else True


def test_the_note_is_plain_text_within_80_columns():
    text = run("check", *REGIMEN, "--format", "note").stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert not re.search(r"\*\*|<[a-z/]|\|", text), "no markup in a note for the EHR"
    order = [text.index(h) for h in ("NOT CHECKED", "REGIMEN AS READ", "ACTION PLAN PER SUPPLEMENT", "FINDINGS",
                                     "SOURCES")]
    assert order == sorted(order)


def test_the_markdown_has_no_html():
    text = run("check", *REGIMEN, "--format", "markdown").stdout
    assert not re.search(r"<\s*/?\s*[a-zA-Z]", text), "no HTML tags in Markdown"
    assert "## Action plan per supplement" in text and "**STOP during treatment**" in text


def test_the_page_is_self_contained_with_a_cell_per_pair():
    text = run("check", *REGIMEN, "--format", "html").stdout
    assert text.startswith("<!doctype html>") and "<style>" in text
    assert not re.search(r"<(?:script|link|img)\b|src=|@import|url\(", text), "no external assets"
    matrix = text[text.index('<table class="matrix">'):]
    matrix = matrix[:matrix.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", matrix, re.S)
    partners = re.findall(r'<th scope="col">', rows[0])[1:]
    assert len(partners) >= 6  # imatinib, warfarin, the three drugs of FOLFOX and radiation therapy
    for row in rows[1:]:
        assert len(re.findall(r"<td class=", row)) == len(partners), "one cell per supplement and partner"
    assert 'class="major">major</td>' in matrix


def test_the_handout_is_plain_language_at_grade_8_or_below():
    text = run("check", *REGIMEN, "--format", "handout", "--contact", "the oncology pharmacy, 555-0100").stdout
    assert grade(text) <= 8.0, grade(text)
    assert "Bring every bottle to each visit" in text and "555-0100" in text
    assert "St John's wort 300 mg TID: Stop." in text


def test_a_surgery_date_gives_stop_by_dates(make_checker):
    from suppcheck.report import build_report
    from suppcheck_cli.report_render import handout, note

    checker = make_checker("""
supp:bleedroot a sc:Supplement ; skos:prefLabel "bleedroot" ; sc:category "botanical" ;
    sc:stopBeforeSurgery [ sc:days 7.0 ; sc:evidenceLevel "theoretical" ; dcterms:source src:test-source ] ;
    sc:hasProperty [ sc:property prop:antiplatelet ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source ] .
supp:calmleaf a sc:Supplement ; skos:prefLabel "calmleaf" ; sc:category "botanical" ;
    sc:stopBeforeSurgery [ sc:days 1.5 ; sc:evidenceLevel "theoretical" ; dcterms:source src:test-source ] .
rule:antithrombotic--surgery a sc:PharmacodynamicRule ;
    sc:supplementProperty prop:antiplatelet ; sc:context ctx:surgery ; sc:severity "moderate" ;
    sc:title "{supplement} before surgery" ; sc:effect "more bleeding" ;
    sc:management "Stop {supplement} before surgery." ; sc:evidenceLevel "clinical" ; dcterms:source src:test-source .
""")
    result = checker.check(supplements=["bleedroot", "calmleaf"], context=["surgery"])
    report = build_report(result, checker.kb, today=date(2026, 12, 7), surgery_date=date(2027, 1, 15),
                          contexts=checker.contexts(["surgery"]))
    plan = {row.input: row for row in report.plan}
    assert plan["bleedroot"].action == "hold" and plan["bleedroot"].stop_by == date(2027, 1, 8)
    assert plan["calmleaf"].stop_by == date(2027, 1, 13), "36 hours rounds up to 2 days before"
    assert "Stop on 2027-01-08." in handout(report) and "HOLD from 2027-01-08" in note(report)


def test_json_context_is_the_contract_id_and_the_label_is_additive():
    import json

    doc = json.loads(run("check", "--supplement", "ginkgo", "--context", "surgery", "--format", "json").stdout)
    finding = next(f for f in doc["findings"] if f["context"])
    assert finding["context"] == "surgery" and finding["context_label"].startswith("upcoming surgery")
    assert doc["summary"]["drug_drug"].startswith("Drug-drug interactions are not evaluated")


def test_a_surgery_date_gives_real_stop_by_dates_from_the_graph():
    text = run("check", "--drug", "apixaban", "--supplement", "garlic 1000 mg daily", "--supplement", "ginkgo 120 mg daily",
               "--supplement", "vitamin D 1000 IU daily", "--surgery-date", "2027-01-15", "--date", "2026-12-07",
               "--format", "handout").stdout
    # garlic and ginkgo: stop 14 days before surgery (the longest sourced time), so on 2027-01-01
    assert "garlic 1000 mg daily: Stop" in text and "2027-01-01" in text
    assert grade(text) <= 8.0
    note = run("check", "--drug", "apixaban", "--supplement", "garlic 1000 mg daily", "--surgery-date", "2027-01-15",
               "--date", "2026-12-07", "--format", "note").stdout
    assert "2027-01-01" in note


def test_a_surgery_date_in_the_regimen_file_gives_stop_by_dates(tmp_path):
    regimen = tmp_path / "regimen.yaml"
    regimen.write_text("drugs: [apixaban]\nsupplements: [garlic 1000 mg daily]\nsurgery_date: 2027-01-15\n",
                       encoding="utf-8")
    text = run("check", str(regimen), "--date", "2026-12-07", "--format", "note").stdout
    assert "Surgery date: 2027-01-15" in text and "HOLD from 2027-01-01" in text
    regimen.write_text("drugs: [apixaban]\nsurgery_date: next week\n", encoding="utf-8")
    bad = run("check", str(regimen))
    assert bad.exit_code == 2 and "surgery_date" in bad.stderr


def test_the_table_at_80_columns_never_cuts_a_name(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    text = run("check", "--drug", "paclitaxel", "--drug", "trastuzumab deruxtecan", "--supplement", "acetyl-L-carnitine",
               "--supplement", "St John's wort").stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "acetyl-L-carnitine" in text.replace("│", " ").split("Severity", 1)[1], "the pair column holds the name whole"
    assert "REVIEW with the prescriber" in text, "a minor finding whose advice is to stop is not 'continue'"
