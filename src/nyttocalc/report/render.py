"""Draw a ``Document`` as rich tables (for a terminal) or as Markdown (for sharing)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, TextIO

from nyttocalc.report.document import Chart, Document, Table
from nyttocalc.report.plot import Plot

if TYPE_CHECKING:
    from rich.console import Console

PIPED_WIDTH = 160  # rich would squeeze tables into 80 columns when output is not a terminal
PLOT_WIDTH = 100  # a chart's width in a pipe, a file or Markdown; at most this in a terminal


def to_terminal(document: Document, out: TextIO) -> None:
    """Draw rich tables on a terminal: its width, colour where it has it."""
    from rich.console import Console

    _draw(Console(file=out, highlight=False, soft_wrap=False), document)


def plain_text(document: Document) -> str:
    """The same tables as plain text, for a pipe or a file: a fixed width, no colour codes
    (whatever FORCE_COLOR says), and no trailing spaces, so saved reports diff cleanly."""
    from rich.console import Console

    buffer = io.StringIO()
    _draw(Console(file=buffer, width=PIPED_WIDTH, highlight=False, soft_wrap=False,
                  color_system=None), document)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _draw(console: Console, document: Document) -> None:
    from rich.text import Text

    console.print(Text(document.title, style="bold"))
    for line in document.header:
        console.print(Text(line))
    for table in document.tables:
        if isinstance(table, Plot):
            _plot(console, table)
            continue
        if isinstance(table, Chart):
            console.print()
            console.print(Text(table.title, style="bold"))
            for line in (*table.lines, *table.notes):
                console.print(Text(line))
            continue
        if table.derivations:
            _derivations(console, table)
            continue
        _table(console, table)


def _table(console: Console, table: Table) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    # Every string is wrapped in Text: scenario labels are data, never rich markup. The
    # title is a line of its own: rich would wrap a table title to the table's width.
    drawn = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                      expand=bool(table.ratios))
    # The first line of a first-column cell is a name (a claim id): never broken.
    names = max((len(row[0].split("\n")[0]) for row in table.rows), default=0)
    for index, header in enumerate(table.headers):
        numeric = index >= table.numeric_from
        first = index == 0
        drawn.add_column(Text(header), justify="right" if numeric else "left",
                         overflow="fold", min_width=names if first else None,
                         width=names if first and table.ratios else None,
                         ratio=table.ratios[index] if table.ratios and not first else None)
    for index, row in enumerate(table.rows):
        shades = table.shades[index] if table.shades else ()
        drawn.add_row(Text(row[0]), *(Text(cell, style=_heat(shade))
                                      for cell, shade in zip(row[1:], shades or
                                                             (None,) * len(row), strict=False)))
    console.print()
    console.print(Text(table.title, style="bold"))
    console.print(drawn)
    for note in table.notes:
        console.print(Text(note, style="dim"))


def _plot(console: Console, plot: Plot) -> None:
    """A chart in colour where the console has colour; its table where plotext is missing."""
    from rich.text import Text

    from nyttocalc.report import terminal_plot

    if not terminal_plot.available():
        _table(console, plot.table)
        console.print(Text(_missing_plotext(), style="dim"))
        return
    colour = console.color_system is not None and not console.no_color
    console.print()
    for line in terminal_plot.draw(plot, min(console.width, PLOT_WIDTH), colour):
        console.print(Text.from_ansi(line) if colour else Text(line))
    for note in plot.notes:
        console.print(Text(note, style="dim"))


def _missing_plotext() -> str:
    from nyttocalc.report.extras import INSTALL

    return f"(The chart needs plotext: {INSTALL})"


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
    from rich.text import Text

    console.print()
    console.print(Text(table.title, style="bold"))
    for name, formula, numbers in table.rows:
        console.print(Text(name, style="bold"))
        console.print(Text(f"    = {formula}"))
        console.print(Text(f"    = {numbers}"))


def markdown(document: Document) -> str:
    lines = [f"# {document.title}", ""]
    lines += [f"{_escape(line)}  " for line in document.header]
    for table in document.tables:
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
    from nyttocalc.report import terminal_plot

    if not terminal_plot.available():
        return [*_markdown_table(plot.table), f"_{_escape(_missing_plotext())}_  "]
    return ["", f"## {_escape(plot.title)}", "", "```",
            *terminal_plot.draw(plot, PLOT_WIDTH, colour=False), "```",
            *(f"_{_escape(note)}_  " for note in plot.notes)]


def _md_rule(index: int, table: Table) -> str:
    return "---:" if index >= table.numeric_from else ":---"


def _md_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_escape(cell).replace("\n", "<br>") for cell in cells) + " |"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
