"""The check report's own terminal writer: widths in cells, wrapping, boxes and colour."""

from __future__ import annotations

import io

import pytest
from suppcheck_cli.term import Writer, cells, wrap


@pytest.mark.parametrize("text, width", [
    ("St John's wort may lower tamoxifen exposure (CYP3A4 induction)", 12),
    ("人参 ginseng 当归 dong quai 丹参 danshen", 7),
    ("a" * 50, 8),
    ("e\u0301e\u0301e\u0301 combining marks take no cell", 5),
    ("", 10),
])
def test_every_wrapped_line_fits_and_no_text_is_lost(text, width):
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_cells_count_wide_characters_twice():
    assert cells("丹参") == 4 and cells("abc") == 3 and cells("e\u0301") == 1


def _rows():
    return [[[("MAJOR", "bold red")], [("St John's wort + 丹参 tamoxifen", "")],
             [("A title", "bold"), ("an effect " * 12, ""), ("- a note", "dim")], [("Avoid the combination.", "")]]]


@pytest.mark.parametrize("width, pair", [(40, 12), (40, 26), (80, 26), (137, 12)])
def test_a_table_is_exactly_as_wide_as_the_output(width, pair):
    out = io.StringIO()
    w = Writer(out, width=width)
    w.table([("Severity", 8, 0), ("Pair", pair, 0), ("Why", None, 4), ("What to do", None, 4)], _rows())
    w.panel(["a line that is long enough to wrap inside the box " * 3], "Not checked", "red")
    w.flush()
    lines = out.getvalue().splitlines()
    assert {cells(line) for line in lines} == {width}, [cells(line) for line in lines]
    assert lines[0].startswith("┏") and lines[-1].startswith("╰")
    assert "\x1b[" not in out.getvalue(), "no colour when the output is not a terminal"


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = _Tty()
    w = Writer(out, width=60)
    w.line("major finding", "bold red")
    w.flush()
    assert out.getvalue().startswith("\x1b[1;31mmajor finding")
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Tty()
    w = Writer(plain, width=60)
    w.line("major finding", "bold red")
    w.flush()
    assert plain.getvalue() == "major finding\n"
