"""Charts drawn with text: horizontal bars, a tornado, and a line chart on a character grid.

Plain characters only (no colour codes), so a chart reads the same in a terminal, a pipe, a file
and a Markdown code block.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

BAR = "█"
HALF = "▌"


def bars(items: Sequence[tuple[str, float, str]], width: int = 40) -> list[str]:
    """One bar per (label, value ≥ 0, shown value), scaled to the largest."""
    largest = max((v for _, v, _ in items if math.isfinite(v)), default=0.0)
    name_width = max((len(name) for name, _, _ in items), default=0)
    lines = []
    for name, value, shown in items:
        length = 0.0 if largest <= 0 or not math.isfinite(value) else value / largest * width
        lines.append(f"{name.rjust(name_width)} │{_bar(length)} {shown}".rstrip())
    return lines


def _bar(length: float) -> str:
    whole = int(length)
    return BAR * whole + (HALF if length - whole >= 0.5 else "")


def tornado(items: Sequence[tuple[str, float, float]], width: int = 24) -> list[str]:
    """One row per (label, change at the low end, change at the high end): bars left of the
    centre line where the figure falls, right where it rises."""
    finite = [abs(x) for _, a, b in items for x in (a, b) if math.isfinite(x)]
    largest = max(finite, default=0.0)
    name_width = max((len(name) for name, _, _ in items), default=0)
    lines = []
    for name, low, high in items:
        left = min(low, high, 0.0)
        right = max(low, high, 0.0)
        left_len = _scaled(-left, largest, width)
        right_len = _scaled(right, largest, width)
        left_text = (BAR * left_len).rjust(width)
        right_text = BAR * right_len
        lines.append(f"{name.rjust(name_width)} {left_text}│{right_text}".rstrip())
    return lines


def _scaled(x: float, largest: float, width: int) -> int:
    if largest <= 0 or x <= 0:
        return 0
    if not math.isfinite(x):
        return width
    return max(1, round(x / largest * width))


def line_chart(series: Sequence[tuple[str, Sequence[tuple[float, float]]]],
               level: float, level_name: str, crossed_name: str, x_name: str, *,
               width: int = 60, height: int = 14, markers: str = "abcdefghij") -> list[str]:
    """Series of (x, y) points on one grid, each drawn with its marker letter, and a horizontal
    line at ``level`` (the cost); where a series first reaches the level it is marked ``×``."""
    points = [(x, y) for _, pts in series for x, y in pts if math.isfinite(y)]
    if not points:
        return []
    x_low, x_high = min(x for x, _ in points), max(x for x, _ in points)
    y_high = max(max(y for _, y in points), level) * 1.05 or 1.0
    grid = [[" "] * width for _ in range(height)]

    def column(x: float) -> int:
        return 0 if x_high == x_low else round((x - x_low) / (x_high - x_low) * (width - 1))

    def row(y: float) -> int:
        return height - 1 - min(height - 1, max(0, round(y / y_high * (height - 1))))

    level_row = row(level)
    for c in range(width):
        grid[level_row][c] = "─"
    for index, (_, pts) in enumerate(series):
        marker = markers[index % len(markers)]
        crossed = False
        for x, y in pts:
            if not math.isfinite(y):
                continue
            r, c = row(y), column(x)
            if not crossed and y >= level * (1 - 1e-12) and level > 0:
                grid[r][c] = "×"
                crossed = True
            elif grid[r][c] in (" ", "─"):
                grid[r][c] = marker
    lines = ["".join(cells).rstrip() for cells in grid]
    axis = "└" + "─" * width
    ticks = f"{_tick(x_low)}{x_name.center(width - 2 * len(_tick(x_low)))}{_tick(x_high)}"
    labelled = [f"│{line}" for line in lines]
    legend = [f"  {markers[i % len(markers)]}: {name}" for i, (name, _) in enumerate(series)]
    return [*labelled, axis, " " + ticks, f"  ─: {level_name}   ×: {crossed_name}", *legend]


def _tick(x: float) -> str:
    return f"{x:g}"
