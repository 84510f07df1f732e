"""What a command prints, before it is drawn: a title, header lines, and its tables, text charts
and plots, each text already in the reader's language; and the header every printout starts with.

Built once, then drawn by ``render`` for a terminal, by ``plain`` as plain text, or as Markdown;
the report page (``page``) lays out the same printouts as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure, Unit
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.run import RunInfo

if TYPE_CHECKING:
    from nyttocalc.core.curves import CurveFigures


@dataclass(frozen=True)
class Showing:
    """How a cell writes a figure: as its unit writes it (``numbers.figure``), or with
    ``decimals`` (a share as a percentage); where it is a number, inside ``around`` (``{} of
    14``) and with a "*" where it is above ``beyond`` (more than the participants)."""

    unit: Unit
    decimals: int | None = None
    around: str | None = None
    beyond: float | None = None
    words: tuple[str, str, str] | None = None  # said instead, below zero, at it, above it
    undefined: str | None = None  # said where it is no number (an efficiency of nothing)

    def text(self, value: float, lang: str) -> str:
        if self.undefined is not None and value != value:
            return self.undefined
        if self.words is not None:
            return self.words[2 if value > 0 else 0 if value < 0 else 1]
        finite = value == value and not is_never(value)
        if self.decimals is None or not finite:
            text = numbers.figure(value, self.unit, lang)
        elif self.unit is Unit.SHARE:
            text = numbers.percent(value, lang, self.decimals)
        else:
            text = numbers.number(value, lang, self.decimals)
        if finite:
            if self.around is not None:
                text = self.around.replace("{}", text)
            if self.beyond is not None and value > self.beyond:
                text += "*"
        return text


class Shown(str):
    """A cell's text that shows figures (the second and later in brackets: ``−1,95 mkr (0,29
    ggr)``), with the figures and how each is written: a page's script writes them again for
    other inputs."""

    figures: tuple[tuple[Figure, Showing], ...]

    def __new__(cls, figures: Sequence[tuple[Figure, Showing]], lang: str) -> Shown:
        texts = [how.text(figure.value, lang) for figure, how in figures]
        made = super().__new__(cls, texts[0] + "".join(f" ({t})" for t in texts[1:]))
        made.figures = tuple(figures)
        return made


def shown(figure: Figure, lang: str, **how: object) -> Shown:
    """One figure as a cell writes it (``Showing``'s fields as keywords)."""
    return Shown(((figure, Showing(figure.unit, **how)),), lang)  # type: ignore[arg-type]


class Echo(str):
    """A cell's text that says a number of the scenario (a subsidy rate, a horizon), alone or
    as the field ``name`` of the label ``key`` (and as the count ``raw`` its plural follows):
    a page's script says the number it is moved to. A ``fixed`` field of the label may be an
    ``Echo`` too: a second number of the scenario it says."""

    path: str
    value: float
    showing: Showing
    key: str | None
    name: str | None
    raw: str | None
    fixed: dict[str, object]

    def __new__(cls, path: str, value: float, showing: Showing, lang: str, key: str | None = None,
                name: str | None = None, raw: str | None = None, **fixed: object) -> Echo:
        text = showing.text(value, lang)
        if key is not None:
            text = label(key, lang, **fixed, **{name or "value": text},
                         **({raw: value} if raw else {}))
        made = super().__new__(cls, text)
        made.path, made.value, made.showing, made.key, made.name, made.raw, made.fixed = (
            path, value, showing, key, name, raw, fixed)
        return made


RATE = Showing(Unit.SHARE, decimals=0)  # a subsidy rate as a whole percentage: ``80 %``
YEARS = Showing(Unit.YEARS)


def rate_echo(rates: Sequence[float], rate: float, lang: str, key: str | None = None,
              **fixed: object) -> Echo:
    """A listed subsidy rate as a cell says it (``80 %``), or inside the label ``key`` as its
    field ``rate``."""
    return Echo(f"analysis.subsidy_rates.{list(rates).index(rate)}", rate, RATE, lang, key,
                "rate", None, **fixed)


def horizon_echo(horizons: Sequence[float], years: float, lang: str, key: str | None = None,
                 **fixed: object) -> Echo:
    """A listed horizon as a cell says it (``3``), or inside the label ``key`` as its field
    ``years`` (its plural by ``horizon``)."""
    return Echo(f"analysis.horizons_years.{list(horizons).index(years)}", years, YEARS, lang,
                key, "years", "horizon", **fixed)


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
    # Whether its rows, title and headings stay the same for other inputs, so that a page's
    # script may write its cells again (not so for the mixes, whose rows depend on the counts)
    follows: bool = True
    # Shown only where the figure (a party's cost) is above zero (True) or not (False): one of
    # two alternatives a page holds, its script showing the other where inputs make it so.
    when: tuple[Figure, bool] | None = None
    # Every note the table may have for other inputs (``notes`` are those it has for these):
    # a page holds them all, its script showing those that hold.
    may_note: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Note:
    """A table's note that holds where its figures say so: ``never`` where one of them is never
    (inf), ``beyond`` where one is a number above ``limit``, ``loss`` where the one figure is
    below zero; a loss's text says it (``amount``, negated) at its subsidy rate (``rate``)."""

    text: str
    kind: str
    figures: tuple[Figure, ...]
    limit: float | None = None
    rate: Echo | None = None

    @property
    def holds(self) -> bool:
        values = [f.value for f in self.figures]
        if self.kind == "never":
            return any(is_never(v) for v in values)
        if self.kind == "beyond":
            return any(v == v and not is_never(v) and v > (self.limit or 0) for v in values)
        return values[0] < 0



@dataclass(frozen=True)
class Curve:
    """What a page's script draws a party's payback curves again from, for other inputs: its
    name, its cost (``paid``: a party that pays nothing has no curves) and the core's curve
    figures (the cost in present value, the level the curves reach, and the figures per listed
    subsidy rate)."""

    party: str
    paid: Figure
    figures: CurveFigures


@dataclass(frozen=True)
class Chart:
    """Lines of a text chart (see ``charts``), drawn as they are; a payback curve that has no
    line to draw carries its ``curve``, for a page to draw it where other inputs give one."""

    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()
    curve: Curve | None = None


# ---- a chart as data: what it shows, not how it is drawn ---------------------------------------
# A ``Plot`` is built once by a report (payback curves, a tornado, a histogram) and drawn by
# ``charts.terminal`` and ``charts.svg``. Each carries its data as a ``Table`` too: the text
# alternative for a reader who cannot see it. Axis values are written by ``numbers``, so a
# chart reads ``2,75 mkr`` where the tables do.

class Kind(StrEnum):
    LINES = "lines"  # series of (x, y) points joined by lines
    BARS = "bars"  # one bar per category, from 0 (the first series)
    TORNADO = "tornado"  # per category a bar from the low to the high end, around 0


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Mark:
    """A point to point out, such as where a curve reaches the cost."""

    x: float
    y: float
    name: str


@dataclass(frozen=True)
class Plot:
    title: str
    kind: Kind
    x_label: str  # the axis' name with its unit
    y_label: str
    x_unit: Unit | None  # how to write values along the axis (None: plain numbers)
    y_unit: Unit | None
    series: tuple[Series, ...]
    table: Table  # the same data as a table
    lang: str
    categories: tuple[str, ...] = ()  # bars and tornado: one per bar, along the y axis
    level: float | None = None  # a horizontal reference line (the cost)
    level_name: str = ""
    marks: tuple[Mark, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    curve: Curve | None = None  # a payback curve's figures, for a page to draw it again

    def value_text(self, x: float, unit: Unit | None) -> str:
        """A value along an axis, written as the tables write it."""
        if unit is None:
            return numbers.number(x, self.lang, 2)
        if unit in numbers.MONEY:
            return numbers.amount(x, self.lang)
        return numbers.figure(x, unit, self.lang)


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
