"""What a command prints, before it is drawn: a title, header lines, and its tables, text charts
and plots, each text already in the reader's language; and the header every printout starts with.

Built once, then drawn by ``render`` for a terminal, by ``plain`` as plain text, or as Markdown;
the report page (``page``) lays out the same printouts as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nyttocalc.report.language.labels import label
from nyttocalc.run import RunInfo

if TYPE_CHECKING:
    from nyttocalc.report.charts.plot import Plot


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    numeric_from: int = 1  # columns from this index on are right-aligned numbers
    derivations: bool = False  # rows are (figure, formula, arithmetic): drawn as lines
    ratios: tuple[int, ...] = ()  # relative widths of the columns after the first, which is
    # as wide as its longest name: for tables whose text must wrap to fit
    # A heat map: per row, per column after the first, the cell's magnitude from 0 to 1 (None:
    # not a number). Drawn as a background colour where the terminal has colour.
    shades: tuple[tuple[float | None, ...], ...] = ()
    anchors: tuple[str, ...] = ()  # where a page links to a row: an id per row
    stacks: bool = False  # on a phone, one block per row (a short table a reader must see whole)


@dataclass(frozen=True)
class Chart:
    """Lines of a text chart (see ``charts``), drawn as they are."""

    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Printout:
    """What one command prints: a title, header lines, then its tables, charts and plots."""

    title: str
    header: tuple[str, ...]
    tables: tuple[Table | Chart | Plot, ...] = field(default_factory=tuple)


def run_header(run: RunInfo, lang: str) -> tuple[str, ...]:
    """The scenario file, and the --set overrides of this run."""
    lines: tuple[str, ...] = (f"{label('header.scenario', lang)}: {run.file}",)
    if run.overrides:
        lines += (f"{label('header.overrides', lang)}: "
                  + "; ".join(f"--set {o}" for o in run.overrides),)
    return lines
