"""Draw a ``Plot`` as text with plotext: axes with values and units, a legend, colour only
where asked (plotext writes colour codes even into a pipe: they are stripped here otherwise).

plotext is an optional extra (``pip install 'nyttocalc[report]'``), imported only when a chart
is drawn. Without colour each series has its own marker, so the chart reads in black and white.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from nyttocalc.core.figures import Unit
from nyttocalc.report import extras
from nyttocalc.report.charts.axes import extent, nice_ticks
from nyttocalc.report.language.labels import label
from nyttocalc.report.tables.printout import Kind, Plot

MARKERS = ("•", "+", "o", "x", "*", "#")
COLOURS = ("blue", "red", "green", "orange", "magenta", "cyan")
HEIGHT = 20
TORNADO = ("░", "█")  # the low end's bars, the high end's
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def available() -> bool:
    return extras.available("plotext")


def draw(plot: Plot, width: int, colour: bool) -> list[str]:
    """The chart's lines: its title, the y axis' name, plotext's canvas, the x axis' name (for
    the tornado: the values' name) and the tornado's legend. The title and names are written
    here, wrapped to ``width``: plotext leaves out any that is wider than its canvas."""
    import plotext as plt

    _keep_order()
    plt.clf()
    plt.theme("clear")
    plt.plotsize(width, HEIGHT if plot.kind is not Kind.TORNADO
                 else max(8, 3 * len(plot.categories) + 3))
    if plot.kind is Kind.LINES:
        _lines(plt, plot, colour)
    elif plot.kind is Kind.BARS:
        _bars(plt, plot, colour)
    else:
        _tornado(plt, plot, colour)
    text = plt.build()
    plt.clf()
    if not colour:
        text = _ANSI.sub("", text)
    canvas = [line.rstrip() for line in text.splitlines() if _ANSI.sub("", line).strip()]
    if not canvas:  # plotext leaves out a canvas its tick labels leave no room for
        return [*_wrapped(plot.title, width, centred=True),
                *_wrapped(label("plot.too_wide", plot.lang, width=width), width)]
    width = min(width, max(len(_ANSI.sub("", line)) for line in canvas))  # plotext may narrow
    if plot.kind is Kind.TORNADO:  # values run across; a legend inside would cover a bar
        above, below = [], [plot.y_label]
        legend = ["   ".join(f"{m} {s.name}" for m, s in zip(TORNADO, plot.series,
                                                              strict=False))]
    else:
        above, below, legend = [plot.y_label], [plot.x_label], []
    return [*_wrapped(plot.title, width, centred=True), *_wrapped(above, width), *canvas,
            *_wrapped(below, width, centred=True), *legend]


def _keep_order() -> None:
    """plotext 5 drops duplicate ticks through a set, which leaves them in the order of their
    labels' hashes, so of PYTHONHASHSEED; where two labels would overlap, it draws the one that
    comes first. Make it keep the order it is given (as a line it leaves commented out does),
    so that every run draws the same labels."""
    from plotext import _utility

    _utility.no_duplicates = _unique


def _unique(items: Iterable[Hashable]) -> list[Hashable]:
    return list(dict.fromkeys(items))


def _wrapped(text: str | list[str], width: int, centred: bool = False) -> list[str]:
    """Lines of at most ``width`` characters, broken between words; centred if asked."""
    lines = [line for part in ([text] if isinstance(text, str) else text)
             for line in textwrap.wrap(part, width)]
    return [line.center(width).rstrip() if centred else line for line in lines]


def _style(index: int, colour: bool) -> dict[str, str]:
    marker = MARKERS[index % len(MARKERS)]
    return {"marker": marker, "color": COLOURS[index % len(COLOURS)]} if colour else {
        "marker": marker}


def _lines(plt: Any, plot: Plot, colour: bool) -> None:
    x_low, x_high, y_low, y_high = extent(plot)
    x = _axis(plt, plot, "x", x_low, x_high, plot.x_unit)
    y = _axis(plt, plot, "y", min(y_low, 0.0), y_high, plot.y_unit)
    for index, series in enumerate(plot.series):
        points = [(a, b) for a, b in series.points if math.isfinite(b)]
        plt.plot([x(a) for a, _ in points], [y(b) for _, b in points],
                 label=series.name, **_style(index, colour))
    if plot.level is not None:
        plt.plot([x(x_low), x(x_high)], [y(plot.level), y(plot.level)],
                 marker="─", label=plot.level_name, **({"color": "gray"} if colour else {}))
    if plot.marks:
        plt.scatter([x(m.x) for m in plot.marks], [y(m.y) for m in plot.marks],
                    marker="×", label=plot.marks[0].name,
                    **({"color": "black"} if colour else {}))


def _bars(plt: Any, plot: Plot, colour: bool) -> None:
    series = plot.series[0]
    _, _, y_low, y_high = extent(plot)
    y = _axis(plt, plot, "y", y_low, y_high, plot.y_unit)
    plt.bar(list(plot.categories), [y(b) for _, b in series.points], marker="█",
            **({"color": "blue"} if colour else {}))
    # plotext would pick the labelled bars itself, differently from run to run. Right to left:
    # where two labels would overlap, the last bar's (often "later") is the one drawn.
    every = max(1, len(plot.categories) // 12)
    shown = list(range(0, len(plot.categories), every))[::-1]
    plt.xticks([i + 1 for i in shown], [plot.categories[i] for i in shown])


def _tornado(plt: Any, plot: Plot, colour: bool) -> None:
    _, _, y_low, y_high = extent(plot)
    x = _axis(plt, plot, "x", y_low, y_high, plot.y_unit)
    # plotext puts the first bar at the bottom: the largest swing goes on top.
    for index, (series, marker) in enumerate(zip(plot.series, TORNADO, strict=False)):
        plt.bar(list(reversed(plot.categories)), [x(b) for _, b in reversed(series.points)],
                orientation="h", marker=marker, **({"color": COLOURS[index]} if colour else {}))


def _axis(plt: Any, plot: Plot, axis: str, low: float, high: float,
          unit: Unit | None) -> Callable[[float], float]:
    """Set an axis' ticks (labelled as the tables write them) and limits; returns what to give
    plotext for a value along it. plotext's arithmetic overflows on a range of 10^300 and
    divides by nothing on one of 10^-320: there, every value is divided by the same power of
    two, which brings the ticks near 1 and changes no digit of any value."""
    ticks = nice_ticks(low, high, label=lambda v: plot.value_text(v, unit))
    labels = [plot.value_text(t, unit) for t in ticks]
    largest = max(abs(ticks[0]), abs(ticks[-1]))
    shift = 0 if _PLOTEXT_RANGE[0] <= largest <= _PLOTEXT_RANGE[1] else math.frexp(largest)[1]

    def place(value: float) -> float:
        return math.ldexp(value, -shift)

    setter = plt.xticks if axis == "x" else plt.yticks
    setter([place(t) for t in ticks], labels)
    limits = plt.xlim if axis == "x" else plt.ylim
    limits(place(ticks[0]), place(ticks[-1]))
    return place


_PLOTEXT_RANGE = (2.0 ** -40, 2.0 ** 40)  # the largest tick's size plotext draws as it is
