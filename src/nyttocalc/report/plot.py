"""A chart as data: what it shows, not how it is drawn.

A ``Plot`` is built once by a report (payback curves, a tornado, a histogram) and drawn by
``terminal_plot`` (plotext, in a terminal, a pipe or Markdown) and by ``svg`` (the HTML report).
Each carries its data as a ``Table`` too: the text alternative for a reader who cannot see it.
Axis values are written by ``numbers``, so a chart reads ``2,75 mkr`` where the tables do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from nyttocalc.core.figures import Unit
from nyttocalc.report import numbers
from nyttocalc.report.document import Table


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

    def value_text(self, x: float, unit: Unit | None) -> str:
        """A value along an axis, written as the tables write it."""
        if unit is None:
            return numbers.number(x, self.lang, 2)
        if unit in numbers.MONEY:
            return numbers.amount(x, self.lang)
        return numbers.figure(x, unit, self.lang)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values from at most ``low`` to at least ``high``, about ``count`` of them, each a
    multiple of 1, 2 or 5 times a power of ten.

    >>> nice_ticks(0, 2_750_000)
    [0.0, 1000000.0, 2000000.0, 3000000.0]
    >>> nice_ticks(-0.8, 0.4, 4)
    [-1.0, -0.5, 0.0, 0.5]
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0]
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [round(i * step, 12) + 0.0 for i in range(first, last + 1)]


def extent(plot: Plot) -> tuple[float, float, float, float]:
    """The x and y ranges the data need (finite points, the level, and 0 for bars)."""
    xs = [x for s in plot.series for x, _ in s.points if math.isfinite(x)]
    ys = [y for s in plot.series for _, y in s.points if math.isfinite(y)]
    if plot.level is not None:
        ys.append(plot.level)
    if plot.kind is not Kind.LINES:
        ys.append(0.0)
    return (min(xs, default=0.0), max(xs, default=1.0), min(ys, default=0.0),
            max(ys, default=1.0))
