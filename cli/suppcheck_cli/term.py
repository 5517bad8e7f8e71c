"""A small terminal writer for the check report: styled lines, a titled panel and a boxed table, drawn with
the same box characters as before, with no third-party import, so that `suppcheck check` starts quickly.

Text is measured in terminal cells (wide East Asian characters take two, combining marks none) and wrapped
at spaces, a word longer than its cell folded; every line fits the width. Colour only on a terminal, and
never when NO_COLOR is set or TERM is "dumb".
"""

from __future__ import annotations

import os
import sys
import unicodedata

STYLES = {"bold": "1", "dim": "2", "bold red": "1;31", "red": "31", "yellow": "33", "cyan": "36"}
Segment = tuple[str, str]  # a paragraph and its style ("" for none)


def cells(text: str) -> int:
    """Width of text in terminal cells."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(ch) for ch in text)


def _char_cells(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u2060\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells: words kept whole where they fit, longer ones folded."""
    width = max(width, 1)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            size = cells(word)
            if line and used + 1 + size <= width:
                line, used = f"{line} {word}", used + 1 + size
                continue
            if line:
                out.append(line)
            while size > width:  # fold a word longer than the line
                head, taken = _take(word, width)
                out.append(head)
                word, size = word[len(head):], size - taken
            line, used = word, size
        out.append(line)
    return out


def _take(word: str, width: int) -> tuple[str, int]:
    taken, end = 0, 0
    for end, ch in enumerate(word):
        size = _char_cells(ch)
        if taken + size > width and end:
            return word[:end], taken
        taken += size
    return word, taken


def pad(text: str, width: int) -> str:
    return text + " " * max(width - cells(text), 0)


class Writer:
    """Where the report goes, how wide it is, and whether it is coloured."""

    def __init__(self, stream=None, width: int | None = None) -> None:
        self.stream = stream or sys.stdout
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.color = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        if width is None:
            width = _tty_width(self.stream) if tty else None
        self.width = width or piped_width()
        self._out: list[str] = []

    def style(self, text: str, style: str) -> str:
        code = STYLES.get(style) if self.color else None
        return f"\x1b[{code}m{text}\x1b[0m" if code and text else text

    def line(self, text: str = "", style: str = "", mark: tuple[str, str] | None = None) -> None:
        """A paragraph, wrapped to the width; `mark` styles one phrase of it where a line holds it whole."""
        lead = len(text) - len(text.lstrip(" "))
        for part in wrap(text, self.width - lead):
            part = " " * lead + part
            if mark and mark[0] and mark[0] in part and self.color:
                part = part.replace(mark[0], self.style(mark[0], mark[1]), 1)
                mark = None
            self._out.append(self.style(part, style))

    def panel(self, body: list[str], title: str, border: str) -> None:
        """A rounded box the width of the output, its title centred in the top edge."""
        inner = self.width - 4
        label = f" {title} "
        left = max((self.width - 2 - cells(label)) // 2, 0)
        right = max(self.width - 2 - cells(label) - left, 0)
        edge = self.style
        self._out.append(edge("╭" + "─" * left, border) + label + edge("─" * right + "╮", border))
        for paragraph in body:
            for part in wrap(paragraph, inner):
                self._out.append(edge("│", border) + " " + pad(part, inner) + " " + edge("│", border))
        self._out.append(edge("╰" + "─" * (self.width - 2) + "╯", border))

    def table(self, columns: list[tuple[str, int | None, int]], rows: list[list[list[Segment]]]) -> None:
        """A boxed table as wide as the output, a line between rows.

        columns: (heading, fixed width or None, share of the remaining width); a cell is a list of
        (paragraph, style) segments.
        """
        n = len(columns)
        room = self.width - (n + 1) - 2 * n
        flexible = [i for i, (_, w, _) in enumerate(columns) if not w]
        # On a narrow output the fixed columns after the first give way (to 8 cells at least), so that each
        # flexible column keeps 8 cells and every line still fits the width.
        over = sum(w for _, w, _ in columns if w) + 8 * len(flexible) - room
        for k in range(len(columns) - 1, 0, -1):
            head, w, share = columns[k]
            if over > 0 and w and w > 8:
                cut = min(over, w - 8)
                columns = [*columns[:k], (head, w - cut, share), *columns[k + 1:]]
                over -= cut
        fixed = sum(w for _, w, _ in columns if w)
        shares = sum(s for _, w, s in columns if not w) or 1
        left = max(room - fixed, n)
        widths, given = [], 0
        for i, (_, w, share) in enumerate(columns):
            if w:
                widths.append(w)
            else:
                size = left * share // shares if i != flexible[-1] else left - given
                widths.append(max(size, 1))
                given += widths[-1]
        bar = lambda a, b, c, fill: a + b.join(fill * (w + 2) for w in widths) + c  # noqa: E731
        self._out.append(bar("┏", "┳", "┓", "━"))
        heads = [wrap(h, w) for (h, _, _), w in zip(columns, widths, strict=True)]
        for k in range(max(len(h) for h in heads)):
            self._out.append("┃" + "┃".join(" " + self.style(pad(h[k] if k < len(h) else "", w), "bold") + " "
                                            for h, w in zip(heads, widths, strict=True)) + "┃")
        self._out.append(bar("┡", "╇", "┩", "━"))
        for r, row in enumerate(rows):
            if r:
                self._out.append(bar("├", "┼", "┤", "─"))
            drawn = [[(part, style) for text, style in cell for part in wrap(text, w)]
                     for cell, w in zip(row, widths, strict=True)]
            for k in range(max(len(d) for d in drawn)):
                self._out.append("│" + "│".join(
                    " " + (self.style(d[k][0], d[k][1]) + " " * (w - cells(d[k][0])) if k < len(d) else " " * w) + " "
                    for d, w in zip(drawn, widths, strict=True)) + "│")
        self._out.append(bar("└", "┴", "┘", "─"))

    def flush(self) -> None:
        self.stream.write("\n".join(self._out) + "\n")
        self.stream.flush()
        self._out = []


def _tty_width(stream) -> int | None:
    try:
        return max(os.get_terminal_size(stream.fileno()).columns, 40)
    except (OSError, ValueError, AttributeError):
        return None


def piped_width() -> int:
    """Piped output: $COLUMNS when it is a sane number, else 100."""
    try:
        width = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return 100
    return width if 40 <= width <= 400 else 100
