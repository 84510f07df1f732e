"""Tables as plain text, for a pipe or a file: laid out here, not by rich.

What a script, a saved report or the docs' samples hold must not move when a dependency's
layout rules do (rich measures and wraps differently from one version to the next), and a number
and its unit are never split. The look is rich's "simple head": headers over a rule, columns three
spaces apart, numbers right-aligned, long text wrapped at spaces within its column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from nyttocalc.report.extras import INSTALL
from nyttocalc.report.tables.printout import Chart, Plot, Printout, Table

WIDTH = 160  # a wide terminal's width: what a report gets when it is not drawn on a terminal
PLOT_WIDTH = 100  # a chart's width in a pipe, a file or Markdown; at most this in a terminal
GAP = "   "


def plain_text(printout: Printout, width: int = WIDTH) -> str:
    """The printout as lines of at most ``width`` cells, without trailing spaces."""
    lines = _text([printout.title, *printout.header], width)
    for table in printout.tables:
        if isinstance(table, Plot):
            lines += _plot(table, width)
            continue
        lines += ["", *_text([table.title], width)]
        if isinstance(table, Chart):
            lines += [*table.lines, *_text(table.notes, width)]
        elif table.derivations:
            for name, formula, numbers in table.rows:
                lines += _text([name, f"    = {formula}", f"    = {numbers}"], width)
        else:
            lines += [*_table(table, width), *_text(table.notes, width)]
    return "".join(f"{line.rstrip()}\n" for line in lines)


def _plot(plot: Plot, width: int) -> list[str]:
    """A chart drawn by plotext, without colour; its table where plotext is not installed."""
    from nyttocalc.report.charts import terminal

    if not terminal.available():
        return ["", *_text([plot.table.title], width), *_table(plot.table, width),
                *_text([*plot.table.notes, missing_plotext()], width)]
    return ["", *terminal.draw(plot, PLOT_WIDTH, colour=False),
            *_text(plot.notes, width)]


def missing_plotext() -> str:
    return f"(The chart needs plotext: {INSTALL})"


def _text(paragraphs: Sequence[str], width: int) -> list[str]:
    return [line for paragraph in paragraphs for line in wrap(paragraph, width)]


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide East Asian characters two, combining
    marks none."""
    if text.isascii():  # most cells: one cell a character, counted without a lookup each
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def words(text: str) -> list[str]:
    """The parts of a line that may not be broken: split at spaces, never at no-break spaces."""
    return [word for word in text.split(" ") if word]


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` cells (its own line breaks
    kept; a word longer than the width stands alone on its line). Leading spaces stay."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        indent = paragraph[: len(paragraph) - len(paragraph.lstrip(" "))]
        line = indent
        for word in words(paragraph):
            if line.strip() and cells(line) + 1 + cells(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line.strip() else line + word
        lines.append(line)
    return lines


def _table(table: Table, width: int) -> list[str]:
    columns = list(zip(table.headers, *table.rows, strict=True))
    widths = _widths(table, columns, width)
    wrapped = [[wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
               for row in (table.headers, *table.rows)]
    head, *body = wrapped
    lines = _lines(head, widths, table.numeric_from, bottom=True)
    lines.append("─" * (sum(widths) + len(GAP) * (len(widths) - 1)))
    for row in body:
        lines += _lines(row, widths, table.numeric_from, bottom=False)
    return lines


def _lines(row: list[list[str]], widths: Sequence[int], numeric_from: int,
           bottom: bool) -> list[str]:
    """One table row as text lines: numbers right-aligned; a header's lines at the bottom."""
    height = max(len(cell) for cell in row)
    out = []
    for index in range(height):
        parts = []
        for column, (cell, w) in enumerate(zip(row, widths, strict=True)):
            offset = height - len(cell) if bottom else 0
            text = cell[index - offset] if 0 <= index - offset < len(cell) else ""
            pad = " " * (w - cells(text))
            parts.append(pad + text if column >= numeric_from else text + pad)
        out.append(GAP.join(parts).rstrip())
    return out


def _widths(table: Table, columns: list[tuple[str, ...]], width: int) -> list[int]:
    """Each column as wide as its widest line, the widest narrowed first until the table fits;
    never below its widest unbreakable word (a claim's id: its whole first line). A table
    with ratios fills the width, the columns after the first sharing it by their ratios."""
    least = [max(cells(w) for cell in column for line in cell.split("\n") for w in words(line)
                 or [""]) for column in columns]
    least[0] = max([least[0], *(cells(row[0].split("\n")[0]) for row in table.rows)])
    most = [max(cells(line) for cell in column for line in cell.split("\n"))
            for column in columns]
    room = width - len(GAP) * (len(columns) - 1)
    if table.ratios:
        return _shared(least, table.ratios, room)
    widths = list(most)
    while sum(widths) > room:
        narrowable = [i for i, w in enumerate(widths) if w > least[i]]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _shared(least: list[int], ratios: Sequence[int], room: int) -> list[int]:
    """The first column at its least; the room left shared by the others' ratios, none below
    its least (a column that would be is held there and the rest shared again)."""
    widths = list(least)
    free = [i for i in range(1, len(least)) if ratios[i]]
    while free:
        spare = room - sum(widths[i] for i in range(len(widths)) if i not in free)
        total = sum(ratios[i] for i in free)
        shares = {i: int(spare * ratios[i] / total) for i in free}
        short = [i for i in free if shares[i] < least[i]]
        if not short:
            for i in free:
                widths[i] = shares[i]
            for i in free[: spare - sum(shares.values())]:  # what rounding down left over
                widths[i] += 1
            break
        free = [i for i in free if i not in short]
    return widths
