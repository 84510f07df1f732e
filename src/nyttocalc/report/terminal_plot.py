"""Draw a ``Plot`` as text with plotext: axes with values and units, a legend, colour only
where asked (plotext writes colour codes even into a pipe: they are stripped here otherwise).

plotext is an optional extra (``pip install 'nyttocalc[report]'``), imported only when a chart
is drawn. Without colour each series has its own marker, so the chart reads in black and white.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Hashable, Iterable
from typing import Any

from nyttocalc.core.figures import Unit
from nyttocalc.report import extras
from nyttocalc.report.plot import Kind, Plot, extent, nice_ticks

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
    for index, series in enumerate(plot.series):
        points = [(x, y) for x, y in series.points if math.isfinite(y)]
        plt.plot([x for x, _ in points], [y for _, y in points],
                 label=series.name, **_style(index, colour))
    if plot.level is not None:
        plt.plot([x_low, x_high], [plot.level, plot.level],
                 marker="─", label=plot.level_name, **({"color": "gray"} if colour else {}))
    if plot.marks:
        plt.scatter([m.x for m in plot.marks], [m.y for m in plot.marks],
                    marker="×", label=plot.marks[0].name,
                    **({"color": "black"} if colour else {}))
    _ticks(plt, plot, "x", x_low, x_high, plot.x_unit)
    _ticks(plt, plot, "y", min(y_low, 0.0), y_high, plot.y_unit)


def _bars(plt: Any, plot: Plot, colour: bool) -> None:
    series = plot.series[0]
    plt.bar(list(plot.categories), [y for _, y in series.points], marker="█",
            **({"color": "blue"} if colour else {}))
    _, _, _, y_high = extent(plot)
    _ticks(plt, plot, "y", 0.0, y_high, plot.y_unit)
    # plotext would pick the labelled bars itself, differently from run to run. Right to left:
    # where two labels would overlap, the last bar's (often "later") is the one drawn.
    every = max(1, len(plot.categories) // 12)
    shown = list(range(0, len(plot.categories), every))[::-1]
    plt.xticks([i + 1 for i in shown], [plot.categories[i] for i in shown])


def _tornado(plt: Any, plot: Plot, colour: bool) -> None:
    # plotext puts the first bar at the bottom: the largest swing goes on top.
    for index, (series, marker) in enumerate(zip(plot.series, TORNADO, strict=False)):
        plt.bar(list(reversed(plot.categories)), [y for _, y in reversed(series.points)],
                orientation="h", marker=marker, **({"color": COLOURS[index]} if colour else {}))
    _, _, y_low, y_high = extent(plot)
    _ticks(plt, plot, "x", y_low, y_high, plot.y_unit)


def _ticks(plt: Any, plot: Plot, axis: str, low: float, high: float,
           unit: Unit | None) -> None:
    ticks = nice_ticks(low, high)
    labels = [plot.value_text(t, unit) for t in ticks]
    setter = plt.xticks if axis == "x" else plt.yticks
    setter(ticks, labels)
    limits = plt.xlim if axis == "x" else plt.ylim
    limits(ticks[0], ticks[-1])
