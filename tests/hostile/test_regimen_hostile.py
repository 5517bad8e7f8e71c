"""Bad and hostile regimens: nothing on a line is ignored, bad input is a clear error, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
import suppcheck
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from suppcheck import InputError
from suppcheck.models import Status
from suppcheck_cli.app import app
from typer.testing import CliRunner

runner = CliRunner()
SJW = "https://w3id.org/suppcheck/supplement/st-johns-wort"
GINKGO = "https://w3id.org/suppcheck/supplement/ginkgo"


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def pairs(result) -> dict[tuple[str, str], str]:
    return {(f.supplement.id, f.drug.id if f.drug else f.context): f.severity.value for f in result.findings}


# ----------------------------------------------------------------------------- a line naming several things
@pytest.mark.parametrize("line", [
    "ginkgo and St John's wort", "ginkgo + St John's wort", "ginkgo/St John's wort", "ginkgo, St John's wort",
    "ginkgo & St John's wort", "ginkgo; St John's wort", "ginkgo with St John's wort", "ginkgo\nSt John's wort",
    "ginkgo 120 mg and St John's wort 300 mg three times daily", "St John's wort ginkgo",
])
def test_every_product_on_a_line_is_checked(real_checker, line):
    result = real_checker.check(drugs=["warfarin 5 mg daily"], supplements=[line])
    found = {f.supplement.id: f.severity.value for f in result.findings}
    assert found.get(SJW) == "major", f"{line!r}: the St John's wort finding is gone: {found}"
    assert GINKGO in found
    item = result.items[1]
    assert {c.match.id for c in item.components if c.match} >= {SJW, GINKGO}
    assert all(f.supplement.input == line for f in result.findings), "findings name the line as given"
    assert not result.summary.not_checked


def test_a_part_that_names_nothing_known_is_reported_and_exits_3():
    result = run("check", "--drug", "warfarin", "--supplement", "ginkgo and zzqx root", "--format", "json")
    assert result.exit_code == 3, result.stdout
    doc = json.loads(result.stdout)
    item = doc["items"][1]
    assert item["reading"]["unread"] == ["zzqx root"]
    assert doc["summary"]["not_checked"] == ["ginkgo and zzqx root"]
    assert any(f["supplement"]["id"] == GINKGO for f in doc["findings"]), "what was read is still checked"


def test_words_after_a_match_are_not_ignored(real_checker):
    result = real_checker.check(drugs=["warfarin"], supplements=["ginkgo zzqx"])
    assert result.items[1].reading.unread == ["zzqx"]
    assert result.summary.not_checked == ["ginkgo zzqx"]


@pytest.mark.parametrize("line", ["imatinib mesylate 400 mg PO daily with food", "EPA/DHA 1 g daily",
                                  "capecitabine 1000 mg/m2 BID d1-14", "hawthorn leaf and flower extract 250 mg",
                                  "turmeric root extract (curcumin 95%) 500 mg twice daily"])
def test_descriptive_words_and_names_with_separators_are_one_thing(real_checker, line):
    result = real_checker.check(drugs=[line] if "mg/m2" in line or "imatinib" in line else ["warfarin"],
                                supplements=[] if "mg/m2" in line or "imatinib" in line else [line])
    assert not result.summary.not_checked, result.items
    assert all(not i.components for i in result.items)


def test_two_drugs_on_one_line_are_both_checked(real_checker):
    result = real_checker.check(drugs=["carboplatin/paclitaxel"], supplements=["St John's wort"])
    assert {c.match.name for c in result.items[0].components} == {"carboplatin", "paclitaxel"}


# ----------------------------------------------------------------------------- doses
def test_a_dose_range_is_compared_at_its_upper_bound(real_checker):
    def titles(line: str) -> tuple[set[str], object]:
        result = real_checker.check(drugs=["warfarin"], supplements=[line])
        return {f.title for f in result.findings}, result

    low, _ = titles("biotin 5 mg daily")
    ranged, result = titles("biotin 5-20 mg daily")
    high, _ = titles("biotin 20 mg daily")
    assert ranged == high != low, (low, ranged, high)
    assert "upper bound" in result.items[1].reading.notes[0]


@pytest.mark.parametrize("line", ["fish oil -5 g daily", "fish oil " + "9" * 400 + " mg", "fish oil 4-2 g"])
def test_negative_absurd_and_backwards_doses_are_input_errors(line):
    result = run("check", "--supplement", line, "--drug", "warfarin")
    assert result.exit_code == 2
    assert "dose" in result.stderr and "Traceback" not in result.stderr


def test_a_dotted_thousands_dose_is_not_guessed(real_checker):
    result = real_checker.check(drugs=["warfarin"], supplements=["fish oil 4.000 mg daily"])
    item = result.items[1]
    assert item.dose.amount is None and "could be 4 or 4000 mg" in item.reading.notes[0]


# ----------------------------------------------------------------------------- regimen files
@pytest.mark.parametrize("text,fmt,needle", [
    ("drugs: [warfarin]\nsupplements: [\"St John's wort\"]\nsupplements: [ginkgo]\n", "yaml", "given twice"),
    ('{"drugs": ["warfarin"], "supplements": ["St John\'s wort"], "supplements": ["ginkgo"]}', "json", "given twice"),
    ("base: &a [ginkgo, ginkgo]\ndrugs: [warfarin]\nsupplements: *a\n", "yaml", "aliases"),
    ("drugs: " + "[" * 5000 + "]" * 5000 + "\n", "yaml", "nested"),
    ('{"drugs": ' + "[" * 5000 + "]" * 5000 + "}", "json", "nested"),
    ('{"drugs": ["warfarin"], "supplements": [' + "9" * 5000 + "]}", "json", "JSON"),
    ("drugs: [warfarin]\nsupplements: [" + "9" * 5000 + "]\n", "yaml", "YAML"),
    ('{"drugs": ["warfarin"], "supplements": ["\\ud800"]}', "json", "surrogate"),
    ('{"drugs": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["warfarin"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}', "json", "nested"),
])
def test_bad_regimen_files_are_input_errors_with_where(tmp_path, text, fmt, needle):
    path = tmp_path / f"regimen.{fmt}"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2, (result.exit_code, result.stdout[:300])
    assert needle in result.stderr and "Traceback" not in result.stderr


def test_duplicate_key_error_gives_the_line(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("drugs: [warfarin]\nsupplements: [\"St John's wort\"]\nsupplements: [ginkgo]\n", encoding="utf-8")
    assert "line 3" in run("check", str(path)).stderr


def test_devices_and_fifos_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "regimen.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    started = time.perf_counter()
    for path in (zero, fifo):
        result = run("check", str(path))
        assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert time.perf_counter() - started < 5


def test_standard_input_is_bounded(monkeypatch):
    from suppcheck import regimen_io

    monkeypatch.setattr(regimen_io, "MAX_BYTES", 1000)
    result = run("check", "-", input="drugs: [warfarin]\n" + "#" * 2000 + "\n")
    assert result.exit_code == 2 and "larger than" in result.stderr


# ----------------------------------------------------------------------------- names and the library
def test_a_huge_name_is_fast_and_not_recognised(real_checker):
    name = "ginkgo " + "word " * 24_000
    started = time.perf_counter()
    result = real_checker.check(drugs=["warfarin"], supplements=[name])
    assert time.perf_counter() - started < 2
    assert result.items[1].status is Status.unrecognized and result.summary.not_checked == [name]


def test_name_matching_grows_linearly(real_checker):
    def timed(words: int) -> float:
        real_checker.clear_memos()
        started = time.perf_counter()
        real_checker.check(drugs=["warfarin"], supplements=["xq " * words + "ginkgo"])
        return time.perf_counter() - started

    # the best of three: a collection of the test process's heap landing in one run is not the matcher's time
    assert min(timed(39) for _ in range(3)) < 0.5


def test_explain_works_after_lookup_and_twice():
    suppcheck.lookup("turmeric")
    first = suppcheck.explain("ginkgo", "warfarin")
    second = suppcheck.explain("ginkgo", "warfarin")
    assert first.finding.severity == second.finding.severity


@pytest.mark.parametrize("kwargs,where", [
    ({"drugs": 5}, "drugs"), ({"drugs": [b"warfarin"]}, "drugs[0]"), ({"supplements": [None]}, "supplements[0]"),
    ({"drugs": ["warfarin"], "supplements": [{"nam": "ginkgo"}]}, "supplements[0]"),
    ({"drugs": ["warfarin"], "context": 3}, "context"),
])
def test_wrong_library_types_are_input_errors_naming_the_argument(kwargs, where):
    with pytest.raises(InputError) as caught:
        suppcheck.check(**kwargs)
    assert caught.value.where == where


def test_a_string_where_a_list_is_expected_is_one_item():
    result = suppcheck.check(drugs="warfarin", supplements="ginkgo")
    assert [i.input for i in result.items] == ["warfarin", "ginkgo"]


# ----------------------------------------------------------------------------- output
def test_control_characters_never_reach_the_terminal():
    result = run("check", "--drug", "warfarin", "--supplement", "ginkgo \x1b]0;owned\x07 \x9b31m\u202e")
    for ch in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert ch not in result.stdout


def test_markdown_escapes_inputs():
    result = run("check", "--drug", "warfarin", "--supplement", "zzq <img src=x onerror=alert(1)> [a](http://x)",
                 "--format", "markdown")
    assert "<img" not in result.stdout and "](http://x)" not in result.stdout


def test_json_escapes_c1_controls():
    result = run("check", "--drug", "warfarin", "--supplement", "zz\x9b31m", "--format", "json")
    assert "\x9b" not in result.stdout and json.loads(result.stdout)["items"][1]["input"] == "zz\x9b31m"


def test_an_unwritable_output_exits_5_without_traceback():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "suppcheck_cli.app", "check", "--drug", "warfarin",
                               "--supplement", "ginkgo", "--format", "json"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    assert proc.returncode == 5 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_a_closed_stdout_exits_5_with_one_line():
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); from suppcheck_cli.app import main; "
                           "sys.argv = ['suppcheck', 'check', '--drug', 'warfarin']; main()"],
                          stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 5 and "Traceback" not in proc.stderr, proc.stderr


# ----------------------------------------------------------------------------- properties
_NOISE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_SEPARATORS = st.sampled_from([" and ", " + ", "/", ", ", " & ", "; ", " with ", "\n", " plus "])
_OTHERS = st.sampled_from(["ginkgo", "fish oil 1 g", "turmeric", "zzqx", "vitamin D 1000 IU", "", "green tea"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(_OTHERS, max_size=3), after=st.lists(_OTHERS, max_size=3), sep=_SEPARATORS,
       noise=st.lists(_NOISE, max_size=4), dose=st.sampled_from(["", " 300 mg", " 300 mg three times daily"]))
def test_a_known_major_pair_stays_major_whatever_surrounds_it(real_checker, before, after, sep, noise, dose):
    line = sep.join([*[b for b in before if b], "St John's wort" + dose, *[a for a in after if a]])
    supplements = [line, *[n for n in noise if n.strip()]]
    try:
        result = real_checker.check(drugs=["imatinib 400 mg daily"], supplements=supplements)
    except InputError:
        return  # a clear input error is allowed; a silent downgrade is not
    assert len(result.items) == 1 + len(supplements), "every input item appears once"
    assert [i.input for i in result.items[1:]] == supplements
    severities = [f.severity.value for f in result.findings if f.supplement.id == SJW and f.drug]
    assert "major" in severities, (line, severities)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.text(max_size=60), min_size=1, max_size=6))
def test_any_line_is_an_item_or_a_clear_input_error(real_checker, lines):
    try:
        result = real_checker.check(drugs=["warfarin"], supplements=lines)
    except InputError as exc:
        assert str(exc)
        return
    assert [i.input for i in result.items[1:]] == lines
    for item in result.items:
        unread = bool(item.reading and item.reading.unread)
        assert (item.status is Status.unrecognized or unread) == (item.input in result.summary.not_checked)


@settings(max_examples=40, deadline=None)
@given(doc=st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                        lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids, max_size=4),
                        max_leaves=20))
def test_any_json_regimen_is_checked_or_refused_clearly(doc):
    from suppcheck.regimen_io import parse_regimen_text

    try:
        regimen = parse_regimen_text(json.dumps(doc), where="r.json")
        suppcheck.check(drugs=regimen.drugs, supplements=regimen.supplements, context=regimen.context)
    except InputError as exc:
        assert str(exc)
