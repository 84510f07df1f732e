"""Draw a ``Plot`` as inline SVG for the HTML report: no script, no network, prints as it shows.

Axes carry values written as the tables write them and the axis names with their units; series
differ by dash pattern and marker as well as by colour, so a chart reads in black and white.
Each chart is drawn in a ``Frame``: ``WIDE`` for a desktop and print, ``NARROW`` for a phone,
where the wide drawing, scaled down to the screen, would shrink its text below what one can
read. Margins follow the widest tick label, and tick labels that would touch are thinned, so no
two labels overlap.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from nyttocalc.report.charts.axes import extent, nice_ticks
from nyttocalc.report.tables.printout import Kind, Plot

COLOURS = ("#1f4e79", "#b03a2e", "#1e7b4a", "#7d5ba6", "#9a6a00", "#444444")
DASHES = ("", "8 4", "2 4", "10 4 2 4", "4 2", "1 3")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")
CHAR = 0.62  # a character's average width in ems (DejaVu Sans and Arial digits: 0.56-0.64)
Scale = Callable[[float], float]


@dataclass(frozen=True)
class Frame:
    """The drawing's size in SVG units, its margins and its type size."""

    width: int
    height: int  # of the plotting area and its axes; the legend and a tall tornado add to it
    font: int
    x_ticks: int  # about how many values along the x axis
    legend_columns: int
    right: int = 24
    top: int = 16
    bottom: int = 64

    def text_width(self, text: str) -> float:
        return len(text) * self.font * CHAR


WIDE = Frame(760, 400, 13, 8, 2)
NARROW = Frame(400, 340, 14, 4, 1, right=14)


def draw(plot: Plot, ident: str, frame: Frame = WIDE) -> str:
    """The chart as an ``<svg>`` element, described by its title for screen readers."""
    if plot.kind is Kind.LINES:
        body, legend, height = _lines(plot, frame)
    elif plot.kind is Kind.BARS:
        body, legend, height = _bars(plot, frame), [], frame.height
    else:
        body, legend, height = _tornado(plot, frame, f"{ident}-low")
    rows = math.ceil(len(legend) / frame.legend_columns)
    column = (frame.width - frame.right) // frame.legend_columns
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} '
             f'{height + 8 + 22 * rows}" font-size="{frame.font}" role="img" '
             f'aria-labelledby="{ident}-title" class="chart">',
             f'<title id="{ident}-title">{escape(plot.title)}</title>', *body]
    for index, item in enumerate(legend):
        x = 16 + (index % frame.legend_columns) * column
        y = height + 14 + 22 * (index // frame.legend_columns)
        parts.append(f'<g class="legend" transform="translate({x},{y})">{item}</g>')
    parts.append("</svg>")
    return "\n".join(parts)


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")


def _scale(low: float, high: float, start: float, end: float) -> Scale:
    span = high - low
    if math.isinf(span):  # ends further apart than the largest float: measured in halves
        return lambda v: start + (v / 2 - low / 2) / (high / 2 - low / 2) * (end - start)
    span = span or 1.0
    return lambda v: start + (v - low) / span * (end - start)


def _tick(frame: Frame, x: float, y: float, text: str) -> str:
    """A label centred under ``x``, moved in as far as it must to stay inside the drawing."""
    half = frame.text_width(text) / 2 + 2
    return _text(min(max(x, half), frame.width - half), y, text, extra='class="tick"')


def _wrapped(frame: Frame, text: str, room: float) -> list[str]:
    """``text`` in as few lines as fit ``room``, broken between words."""
    lines = [""]
    for word in text.split():
        longer = f"{lines[-1]} {word}".strip()
        if lines[-1] and frame.text_width(longer) > room:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _name(frame: Frame, x: float, y: float, lines: list[str], rotated: bool = False) -> str:
    """An axis name, one line under the other (rotated: beside it), centred on (x, y)."""
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else frame.font * 1.2:.1f}">'
                    f"{escape(line)}</tspan>" for i, line in enumerate(lines))
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotated else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" class="axis"{turn}>'
            f"{spans}</text>")


def _x_name(frame: Frame, middle: float, bottom: float, text: str) -> str:
    """The x axis' name under its tick labels, centred under the plot as far as it fits."""
    lines = _wrapped(frame, text, frame.width - 8)
    half = max(frame.text_width(line) for line in lines) / 2 + 4
    return _name(frame, min(max(middle, half), frame.width - half),
                 bottom + 2 * frame.font + 16, lines)


def _shown(positions: list[float], texts: list[str], frame: Frame) -> list[int]:
    """The indexes of the tick labels to write along the x axis: every k-th, k as small as keeps
    neighbours apart, and the last always (a histogram's "later" bar)."""
    if len(positions) < 2:
        return list(range(len(positions)))
    gap = min(b - a for a, b in pairwise(positions))
    widest = max(frame.text_width(t) for t in texts) + frame.font * 0.6
    every = max(1, math.ceil(widest / max(gap, 1e-9)))
    last = len(positions) - 1
    return [i for i in range(0, last, every) if last - i >= every] + [last]


def _axes(plot: Plot, frame: Frame, xs: list[float], ys: list[float], x_text: list[str],
          y_text: list[str]) -> tuple[list[str], float, Scale, Scale]:
    """Grid lines, tick labels, axes and their names; returns the left edge and the x and y
    scales. The left margin holds the y axis' name (in as many lines as its length needs) and
    the widest tick label."""
    right, bottom = frame.width - frame.right, frame.height - frame.bottom
    y_name = _wrapped(frame, plot.y_label, bottom - frame.top)
    left = (1.2 * len(y_name) + 1) * frame.font + max(map(frame.text_width, y_text)) + 12
    x = _scale(xs[0], xs[-1], left, right)
    y = _scale(ys[0], ys[-1], bottom, frame.top)
    out = ['<g class="grid" stroke="#d0d0d0" stroke-width="1">']
    out += [f'<line x1="{left:.1f}" x2="{right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>' for v in ys]
    out.append("</g>")
    out += [_text(left - 8, y(v) + frame.font * 0.35, t, "end", 'class="tick"')
            for v, t in zip(ys, y_text, strict=True)]
    places = [x(v) for v in xs]
    out += [_tick(frame, places[i], bottom + frame.font + 5, x_text[i])
            for i in _shown(places, x_text, frame) if x_text[i]]
    out.append(f'<line x1="{left:.1f}" x2="{left:.1f}" y1="{frame.top}" y2="{bottom}" '
               'stroke="#333"/>')
    out.append(f'<line x1="{left:.1f}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#333"/>')
    out.append(_x_name(frame, (left + right) / 2, bottom, plot.x_label))
    out.append(_name(frame, frame.font, (frame.top + bottom) / 2, y_name, rotated=True))
    return out, left, x, y


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} '
                f'{x + 5:.1f},{y + 4:.1f}" fill="{colour}"/>')
    if kind == "diamond":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} '
                f'{x - 5:.1f},{y:.1f}" fill="{colour}"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _entry(symbol: str, name: str) -> str:
    """A legend entry: its symbol, 28 units wide, and its name."""
    return symbol + _text(36, 4, name, "start")


def _swatch(index: int, name: str) -> str:
    colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
    return _entry(f'<line x1="0" x2="28" y1="0" y2="0" stroke="{colour}" stroke-width="2.5" '
                  f'stroke-dasharray="{dash}"/>'
                  + _marker(MARKERS[index % len(MARKERS)], 14, 0, colour), name)


def _lines(plot: Plot, frame: Frame) -> tuple[list[str], list[str], int]:
    x_low, x_high, y_low, y_high = extent(plot)
    xs = nice_ticks(x_low, x_high, frame.x_ticks, lambda v: plot.value_text(v, plot.x_unit))
    ys = nice_ticks(min(y_low, 0.0), y_high, label=lambda v: plot.value_text(v, plot.y_unit))
    out, left, x, y = _axes(plot, frame, xs, ys, [plot.value_text(v, plot.x_unit) for v in xs],
                            [plot.value_text(v, plot.y_unit) for v in ys])
    right = frame.width - frame.right
    legend = []
    if plot.level is not None:
        level = y(plot.level)
        out.append(f'<line x1="{left:.1f}" x2="{right}" y1="{level:.1f}" y2="{level:.1f}" '
                   'stroke="#000" stroke-width="1.5" stroke-dasharray="6 3"/>')
        legend.append(_entry('<line x1="0" x2="28" y1="0" y2="0" stroke="#000" '
                             'stroke-width="1.5" stroke-dasharray="6 3"/>', plot.level_name))
    for index, series in enumerate(plot.series):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        points = [(a, b) for a, b in series.points if math.isfinite(b)]
        path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                   f'stroke-width="2.5" stroke-dasharray="{dash}"/>')
        out += [_marker(MARKERS[index % len(MARKERS)], x(a), y(b), colour)
                for a, b in _marked(points)]
        legend.append(_swatch(index, series.name))
    for mark in plot.marks:
        cx, cy = x(mark.x), y(mark.y)
        out.append(f'<path d="M{cx - 6:.1f},{cy - 6:.1f} L{cx + 6:.1f},{cy + 6:.1f} '
                   f'M{cx - 6:.1f},{cy + 6:.1f} L{cx + 6:.1f},{cy - 6:.1f}" stroke="#000" '
                   'stroke-width="2.5"/>')
    if plot.marks:
        legend.append(_entry('<path d="M8,-6 L20,6 M8,6 L20,-6" stroke="#000" '
                             'stroke-width="2.5"/>', plot.marks[0].name))
    return out, legend, frame.height


def _marked(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points of a line that get a marker: those at whole x (years), as the chart's table
    lists them, where there are a few; else about eight evenly spaced."""
    whole = [(a, b) for a, b in points if float(a).is_integer()]
    return whole if 2 <= len(whole) <= 12 else points[::max(1, len(points) // 8)]


def _bars(plot: Plot, frame: Frame) -> list[str]:
    values = [v for _, v in plot.series[0].points]
    _, _, y_low, y_high = extent(plot)
    ys = nice_ticks(y_low, y_high, label=lambda v: plot.value_text(v, plot.y_unit))
    count = max(len(values), 1)
    out, left, _, y = _axes(plot, frame, [0.0, 1.0], ys, ["", ""],
                            [plot.value_text(v, plot.y_unit) for v in ys])
    bottom = frame.height - frame.bottom
    slot = (frame.width - frame.right - left) / count
    middles = [left + (index + 0.5) * slot for index in range(count)]
    for middle, value in zip(middles, values, strict=False):
        top = y(value)
        out.append(f'<rect x="{middle - slot * 0.35:.1f}" y="{top:.1f}" '
                   f'width="{slot * 0.7:.1f}" height="{bottom - top:.1f}" fill="{COLOURS[0]}"/>')
    names = list(plot.categories)
    out += [_tick(frame, middles[i], bottom + frame.font + 5, names[i])
            for i in _shown(middles, names, frame)]
    return out


def _fitted(text: str, frame: Frame, room: float) -> str:
    """``text``, or as much of it as fits ``room`` with an ellipsis (the chart's data table
    below says it whole)."""
    if frame.text_width(text) <= room:
        return text
    while text and frame.text_width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _tornado(plot: Plot, frame: Frame, hatch: str) -> tuple[list[str], list[str], int]:
    """Per input a bar from 0 to its low end's change and one to its high end's; the input's
    name beside its bars where it fits in 40 % of the width, else above them. ``hatch`` is the
    id of the low end's pattern, unique in the page (a page holds several tornados)."""
    _, _, low, high = extent(plot)
    ticks = nice_ticks(low, high, frame.x_ticks // 2 + 2,
                       lambda v: plot.value_text(v, plot.y_unit))
    names = list(plot.categories)
    widest = max((frame.text_width(n) for n in names), default=0)
    beside = widest + 16 <= 0.4 * frame.width
    first, last = (plot.value_text(t, plot.y_unit) for t in (ticks[0], ticks[-1]))
    left = widest + 16 if beside else 8 + frame.text_width(first) / 2
    right = frame.width - frame.right - frame.text_width(last) / 2
    x = _scale(ticks[0], ticks[-1], left, right)
    band = 2.6 * frame.font if beside else 3.8 * frame.font
    top = frame.top
    bottom = top + max(len(names), 1) * band
    out = [f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
           '<line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="3"/>'
           '</pattern></defs>', '<g stroke="#d0d0d0">']
    out += [f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top}" y2="{bottom:.1f}"/>'
            for t in ticks]
    out.append("</g>")
    out += [_tick(frame, x(t), bottom + frame.font + 5, plot.value_text(t, plot.y_unit))
            for t in ticks]
    fills = (f'fill="url(#{hatch})" stroke="#1f4e79"', f'fill="{COLOURS[0]}"')
    bar = 0.6 * band if beside else 0.45 * band
    labels = []
    for index, name in enumerate(names):
        row = top + index * band
        if beside:
            labels.append(_text(left - 8, row + band / 2 + frame.font * 0.35, name, "end"))
            bar_top = row + (band - bar) / 2
        else:  # over the grid: a white outline keeps the lines from crossing the letters;
            # nearer its own bars, just under it, than the bars of the row above
            baseline = row + 1.55 * frame.font
            labels.append(_text(left, baseline, _fitted(name, frame, frame.width - left - 8),
                                "start", 'stroke="#fff" stroke-width="4" paint-order="stroke"'))
            bar_top = baseline + 0.35 * frame.font
        for series, fill in zip(plot.series, fills, strict=False):
            start, end = sorted((x(0.0), x(series.points[index][1])))
            out.append(f'<rect x="{start:.1f}" y="{bar_top:.1f}" '
                       f'width="{max(end - start, 1):.1f}" height="{bar:.1f}" {fill}/>')
    out.append(f'<line x1="{x(0.0):.1f}" x2="{x(0.0):.1f}" y1="{top}" y2="{bottom:.1f}" '
               'stroke="#000" stroke-width="1.5"/>')
    out += labels
    out.append(_x_name(frame, (left + right) / 2, bottom, plot.y_label))
    legend = [_entry(f'<rect x="0" y="-7" width="28" height="14" {fill}/>', series.name)
              for series, fill in zip(plot.series, fills, strict=False)]
    return out, legend, math.ceil(bottom + frame.bottom)
