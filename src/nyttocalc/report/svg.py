"""Draw a ``Plot`` as inline SVG for the HTML report: no script, no network, prints as it shows.

Axes carry values written as the tables write them and the axis names with their units; series
differ by dash pattern and marker as well as by colour, so a chart reads in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from nyttocalc.report.plot import Kind, Plot, extent, nice_ticks

WIDTH, HEIGHT = 760, 400
LEFT, RIGHT, TOP, BOTTOM = 124, 24, 16, 64
COLOURS = ("#1f4e79", "#b03a2e", "#1e7b4a", "#7d5ba6", "#9a6a00", "#444444")
DASHES = ("", "8 4", "2 4", "10 4 2 4", "4 2", "1 3")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")
Scale = Callable[[float], float]


def draw(plot: Plot, ident: str) -> str:
    """The chart as an ``<svg>`` element, described by its title for screen readers."""
    if plot.kind is Kind.LINES:
        body, legend = _lines(plot)
    elif plot.kind is Kind.BARS:
        body, legend = _bars(plot), []
    else:
        body, legend = _tornado(plot)
    height = HEIGHT + 22 * math.ceil(len(legend) / 2)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-labelledby="{ident}-title" class="chart">',
             f'<title id="{ident}-title">{escape(plot.title)}</title>', *body]
    for index, item in enumerate(legend):
        x = LEFT + (index % 2) * 330
        y = HEIGHT + 4 + 22 * (index // 2)
        parts.append(f'<g transform="translate({x},{y})">{item}</g>')
    parts.append("</svg>")
    return "\n".join(parts)


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")


def _scale(low: float, high: float, start: float, end: float) -> Scale:
    span = (high - low) or 1.0
    return lambda v: start + (v - low) / span * (end - start)


def _axes(plot: Plot, xs: list[float], ys: list[float], x_text: list[str],
          y_text: list[str]) -> tuple[list[str], Scale, Scale]:
    """Grid lines, tick labels and axis names; returns the x and y scales."""
    x = _scale(xs[0], xs[-1], LEFT, WIDTH - RIGHT)
    y = _scale(ys[0], ys[-1], HEIGHT - BOTTOM, TOP)
    out = ['<g class="grid" stroke="#d0d0d0" stroke-width="1">']
    out += [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
            for v in ys]
    out.append("</g>")
    out += [_text(LEFT - 8, y(v) + 4, t, "end") for v, t in zip(ys, y_text, strict=True)]
    out += [_text(x(v), HEIGHT - BOTTOM + 18, t) for v, t in zip(xs, x_text, strict=True)]
    out.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
               'stroke="#333"/>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" '
               f'y2="{HEIGHT - BOTTOM}" stroke="#333"/>')
    return out, x, y


def _axis_names(x_name: str, y_name: str) -> list[str]:
    return [_text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - BOTTOM + 42, x_name, extra='class="axis"'),
            _text(14, (TOP + HEIGHT - BOTTOM) / 2, y_name,
                  extra=f'class="axis" transform="rotate(-90 14 {(TOP + HEIGHT - BOTTOM) / 2})"')]


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


def _swatch(index: int, name: str) -> str:
    colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
    return (f'<line x1="0" x2="28" y1="0" y2="0" stroke="{colour}" stroke-width="2.5" '
            f'stroke-dasharray="{dash}"/>' + _marker(MARKERS[index % len(MARKERS)], 14, 0, colour)
            + _text(36, 4, name, "start"))


def _lines(plot: Plot) -> tuple[list[str], list[str]]:
    x_low, x_high, y_low, y_high = extent(plot)
    xs, ys = nice_ticks(x_low, x_high, 8), nice_ticks(min(y_low, 0.0), y_high)
    out, x, y = _axes(plot, xs, ys, [plot.value_text(v, plot.x_unit) for v in xs],
                      [plot.value_text(v, plot.y_unit) for v in ys])
    legend = []
    if plot.level is not None:
        level = y(plot.level)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{level:.1f}" y2="{level:.1f}" '
                   'stroke="#000" stroke-width="1.5" stroke-dasharray="6 3"/>')
        legend.append('<line x1="0" x2="28" y1="0" y2="0" stroke="#000" stroke-width="1.5" '
                      f'stroke-dasharray="6 3"/>{_text(36, 4, plot.level_name, "start")}')
    for index, series in enumerate(plot.series):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        points = [(x(a), y(b)) for a, b in series.points
                  if math.isfinite(b)]
        path = " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                   f'stroke-width="2.5" stroke-dasharray="{dash}"/>')
        step = max(1, len(points) // 8)
        out += [_marker(MARKERS[index % len(MARKERS)], a, b, colour) for a, b in points[::step]]
        legend.append(_swatch(index, series.name))
    for mark in plot.marks:
        cx, cy = x(mark.x), y(mark.y)
        out.append(f'<path d="M{cx - 6:.1f},{cy - 6:.1f} L{cx + 6:.1f},{cy + 6:.1f} '
                   f'M{cx - 6:.1f},{cy + 6:.1f} L{cx + 6:.1f},{cy - 6:.1f}" stroke="#000" '
                   'stroke-width="2.5"/>')
    if plot.marks:
        legend.append('<path d="M8,-6 L20,6 M8,6 L20,-6" stroke="#000" stroke-width="2.5"/>'
                      + _text(36, 4, plot.marks[0].name, "start"))
    return out + _axis_names(plot.x_label, plot.y_label), legend


def _bars(plot: Plot) -> list[str]:
    values = [v for _, v in plot.series[0].points]
    ys = nice_ticks(0.0, max(values, default=1.0))
    count = max(len(values), 1)
    slot = (WIDTH - RIGHT - LEFT) / count
    out, _, y = _axes(plot, [0.0, 1.0], ys, ["", ""], [plot.value_text(v, plot.y_unit)
                                                        for v in ys])
    for index, (value, name) in enumerate(zip(values, plot.categories, strict=True)):
        left = LEFT + index * slot + slot * 0.15
        top = y(value)
        out.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" '
                   f'height="{HEIGHT - BOTTOM - top:.1f}" fill="{COLOURS[0]}"/>')
        out.append(_text(left + slot * 0.35, HEIGHT - BOTTOM + 18, name))
    return out + _axis_names(plot.x_label, plot.y_label)


def _tornado(plot: Plot) -> tuple[list[str], list[str]]:
    left_margin = 230
    _, _, low, high = extent(plot)
    ticks = nice_ticks(low, high)
    x = _scale(ticks[0], ticks[-1], left_margin, WIDTH - RIGHT)
    rows = max(len(plot.categories), 1)
    band = (HEIGHT - BOTTOM - TOP) / rows
    out = ['<g stroke="#d0d0d0">']
    out += [f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'
            for t in ticks]
    out.append("</g>")
    out += [_text(x(t), HEIGHT - BOTTOM + 18, plot.value_text(t, plot.y_unit)) for t in ticks]
    fills = ('fill="url(#low)" stroke="#1f4e79"', f'fill="{COLOURS[0]}"')
    out.insert(0, '<defs><pattern id="low" width="6" height="6" patternUnits="userSpaceOnUse" '
                  'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
                  '<line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="3"/>'
                  '</pattern></defs>')
    for index, name in enumerate(plot.categories):
        top = TOP + index * band
        out.append(_text(left_margin - 8, top + band / 2 + 4, name, "end"))
        for series, fill in zip(plot.series, fills, strict=False):
            value = series.points[index][1]
            start, end = sorted((x(0.0), x(value)))
            out.append(f'<rect x="{start:.1f}" y="{top + band * 0.2:.1f}" '
                       f'width="{max(end - start, 1):.1f}" height="{band * 0.6:.1f}" {fill}/>')
    out.append(f'<line x1="{x(0.0):.1f}" x2="{x(0.0):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
               'stroke="#000" stroke-width="1.5"/>')
    out.append(_text((left_margin + WIDTH - RIGHT) / 2, HEIGHT - BOTTOM + 42, plot.y_label,
                     extra='class="axis"'))
    legend = [f'<rect x="0" y="-7" width="28" height="14" {fill}/>'
              + _text(36, 4, series.name, "start")
              for series, fill in zip(plot.series, fills, strict=False)]
    return out, legend
