"""A chart's axes, as both drawings need them: the ranges its data take and round ticks.

A ``Plot`` (a printout's chart as data, ``tables.printout``) is drawn by ``terminal``
(plotext, in a terminal, a pipe or Markdown) and by ``svg`` (the HTML report); both lay out its
axes with these.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

from nyttocalc.report.tables.printout import Kind, Plot


def nice_ticks(low: float, high: float, count: int = 5,
               label: Callable[[float], str] = repr) -> list[float]:
    """Round values from at most ``low`` to at least ``high``, about ``count`` of them (at least
    two), each a multiple of 1, 2, 2,5 or 5 times a power of ten, finite, rising, and each
    written differently by ``label``: where the range is finer than the labels write (a cost of
    1e-14 kr, a subnormal deadweight), the step grows until they differ.

    >>> nice_ticks(0, 2_750_000)
    [0.0, 1000000.0, 2000000.0, 3000000.0]
    >>> nice_ticks(-0.8, 0.4, 4)
    [-1.0, -0.5, 0.0, 0.5]
    >>> nice_ticks(0, 1e-14, label=lambda v: f"{v:.0f} kr")
    [0.0, 1.0]
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    if high <= low:
        widen = abs(low) or 1.0
        high = low + widen
        if math.isinf(high):  # within a step of the largest float: widen downwards
            low, high = low - widen, low
    # the smallest step: a count-th of the range, halved (the range itself may overflow)
    half = max((high / 2 - low / 2) / max(count, 1), _SMALLEST)
    for power in range(math.floor(math.log10(half)), _LARGEST_DECADE + 1):
        for mantissa, shift in _STEPS:
            step = Decimal(mantissa).scaleb(power + shift)
            if float(step) / 2 < half:
                continue
            ticks = _ticks_covering(low, high, step)
            if ticks is not None and len(set(map(label, ticks))) == len(ticks):
                return ticks
    return [low, high]  # no step whose labels differ (a share beyond 10^306 %): the range's ends


_SMALLEST = math.ulp(0.0)
_LARGEST_DECADE = 308
# 1, 2, 2,5 and 5 times a power of ten, as an integer mantissa and the power it shifts by
_STEPS = ((1, 0), (2, 0), (25, -1), (5, 0))


def _ticks_covering(low: float, high: float, step: Decimal) -> list[float] | None:
    """The multiples of ``step`` from the last at most ``low`` to the first at least ``high``
    (at least two), each the float nearest its decimal value; an end beyond the largest float
    is the range's own end. None where they are not finite and rising."""
    size = float(step)
    first = math.floor(low / size + 1e-9)
    last = max(math.ceil(high / size - 1e-9), first + 1)

    def tick(i: int) -> float:
        return float(step * i) + 0.0

    while tick(first) > low:
        first -= 1
    while tick(last) < high:
        last += 1
    if last - first > 1000:  # the step is far finer than the range: a coarser one follows
        return None
    ticks = [tick(i) for i in range(first, last + 1)]
    if math.isinf(ticks[0]):
        ticks[0] = low
    if math.isinf(ticks[-1]):
        ticks[-1] = high
    if all(math.isfinite(t) for t in ticks) and all(a < b for a, b in pairwise(ticks)):
        return ticks
    return None


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
