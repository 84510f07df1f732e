"""Draw a ``Printout`` as rich tables (for a terminal), as plain text (for a pipe or a file: see
``plain``) or as Markdown (for sharing)."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, TextIO

from nyttocalc.report.language.numbers import NBSP
from nyttocalc.report.tables.plain import PLOT_WIDTH, missing_plotext, plain_text
from nyttocalc.report.tables.printout import Chart, Plot, Printout, Table

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["markdown", "plain_text", "to_terminal"]

# rich breaks lines at any whitespace, the no-break space too ("400 / 000 kr"). While rich lays
# out, a no-break space is this private-use character, one cell wide and no whitespace to rich.
_KEEP = "\ue000"


def to_terminal(printout: Printout, out: TextIO) -> None:
    """Draw rich tables on a terminal: its width, colour where it has it."""
    # rich only here and below: 25 ms to import, which a pipe or a file (plain text) does without
    from rich.console import Console

    terminal = Console(file=out, highlight=False, soft_wrap=False)
    buffer = io.StringIO()
    _draw(Console(file=buffer, width=terminal.width, height=terminal.height,
                  color_system=terminal.color_system,  # type: ignore[arg-type]
                  force_terminal=terminal.is_terminal, no_color=terminal.no_color,
                  highlight=False, soft_wrap=False), printout)
    out.write(buffer.getvalue().replace(_KEEP, NBSP))


def _text(text: str, style: str = "") -> Text:
    """Scenario labels are data, never rich markup; no-break spaces hold (see ``_KEEP``)."""
    from rich.text import Text

    return Text(text.replace(NBSP, _KEEP), style=style)


def _longest_unbroken(cells: list[str]) -> int:
    """The widest run of a column's text that must not be broken: a word, or a number with its
    unit (joined by no-break spaces)."""
    return max((len(word) for cell in cells for word in re.split(r"[ \n]", cell)), default=0)


def _draw(console: Console, printout: Printout) -> None:
    console.print(_text(printout.title, "bold"))
    for line in printout.header:
        console.print(_text(line))
    for table in printout.tables:
        if isinstance(table, Plot):
            _plot(console, table)
            continue
        if isinstance(table, Chart):
            console.print()
            console.print(_text(table.title, "bold"))
            for line in (*table.lines, *table.notes):
                console.print(_text(line))
            continue
        if table.derivations:
            _derivations(console, table)
            continue
        _table(console, table)


def _table(console: Console, table: Table) -> None:
    from rich import box
    from rich.table import Table as RichTable

    # The title is a line of its own: rich would wrap a table title to the table's width.
    drawn = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                      expand=bool(table.ratios))
    # The first line of a first-column cell is a name (a claim id): never broken.
    names = max((len(row[0].split("\n")[0]) for row in table.rows), default=0)
    for index, header in enumerate(table.headers):
        numeric = index >= table.numeric_from
        first = index == 0
        least = max(_longest_unbroken([header, *(row[index] for row in table.rows)]),
                    names if first else 0)
        # In a table whose columns share the width by ratio, rich takes a column's `width`
        # as its least share (and the first column's as its width).
        drawn.add_column(_text(header), justify="right" if numeric else "left",
                         overflow="fold", min_width=least,
                         width=least if table.ratios else None,
                         ratio=table.ratios[index] if table.ratios and not first else None)
    for index, row in enumerate(table.rows):
        shades = table.shades[index] if table.shades else ()
        drawn.add_row(_text(row[0]), *(_text(cell, _heat(shade))
                                       for cell, shade in zip(row[1:], shades or
                                                              (None,) * len(row),
                                                              strict=False)))
    console.print()
    console.print(_text(table.title, "bold"))
    console.print(drawn)
    for note in table.notes:
        console.print(_text(note, "dim"))


def _plot(console: Console, plot: Plot) -> None:
    """A chart in colour where the console has colour; its table where plotext is missing."""
    from rich.text import Text

    from nyttocalc.report.charts import terminal

    if not terminal.available():
        _table(console, plot.table)
        console.print(_text(missing_plotext(), "dim"))
        return
    colour = console.color_system is not None and not console.no_color
    console.print()
    for line in terminal.draw(plot, min(console.width, PLOT_WIDTH), colour):
        console.print(Text.from_ansi(line) if colour else Text(line))
    for note in plot.notes:
        console.print(_text(note, "dim"))


def _heat(shade: float | None) -> str:
    """A background from pale to deep for a magnitude from 0 to 1; none for no number. rich
    leaves it out where there is no colour (a pipe, NO_COLOR)."""
    if shade is None:
        return ""
    level = min(max(shade, 0.0), 1.0)
    red, green, blue = (round(255 - level * (255 - a)) for a in (33, 102, 172))
    ink = "white" if level > 0.55 else "black"
    return f"{ink} on #{red:02x}{green:02x}{blue:02x}"


def _derivations(console: Console, table: Table) -> None:
    """One figure per block: its name, then "= formula", then "= the numbers = result"."""
    console.print()
    console.print(_text(table.title, "bold"))
    for name, formula, numbers in table.rows:
        console.print(_text(name, "bold"))
        console.print(_text(f"    = {formula}"))
        console.print(_text(f"    = {numbers}"))


def markdown(printout: Printout) -> str:
    lines = [f"# {printout.title}", ""]
    lines += [f"{_escape(line)}  " for line in printout.header]
    for table in printout.tables:
        if isinstance(table, Plot):
            lines += _markdown_plot(table)
            continue
        lines += ["", f"## {_escape(table.title)}", ""]
        if isinstance(table, Chart):
            lines += ["```", *table.lines, "```"]
            lines += [f"_{_escape(note)}_  " for note in table.notes]
            continue
        lines += _markdown_table(table)[3:]
    return "\n".join(lines) + "\n"


def _markdown_table(table: Table) -> list[str]:
    lines = ["", f"## {_escape(table.title)}", "", _md_row(table.headers),
             "|" + "|".join(_md_rule(i, table) for i in range(len(table.headers))) + "|"]
    lines += [_md_row(row) for row in table.rows]
    if table.notes:
        lines.append("")
        lines += [f"_{_escape(note)}_  " for note in table.notes]
    return lines


def _markdown_plot(plot: Plot) -> list[str]:
    from nyttocalc.report.charts import terminal

    if not terminal.available():
        return [*_markdown_table(plot.table), f"_{_escape(missing_plotext())}_  "]
    return ["", f"## {_escape(plot.title)}", "", "```",
            *terminal.draw(plot, PLOT_WIDTH, colour=False), "```",
            *(f"_{_escape(note)}_  " for note in plot.notes)]


def _md_rule(index: int, table: Table) -> str:
    return "---:" if index >= table.numeric_from else ":---"


def _md_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_escape(cell).replace("\n", "<br>") for cell in cells) + " |"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
