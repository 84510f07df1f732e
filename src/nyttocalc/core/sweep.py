"""Sweeps: one break-even figure over a range of one input, or a grid of two.

The grid is evaluated in one pass: each axis becomes an array shaped to broadcast against the
other, and ``numeric.break_even`` computes every perspective, subsidy rate and horizon on it. A
million points cost a few array operations, not a million models.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nyttocalc.core import numeric
from nyttocalc.core.model import Model
from nyttocalc.core.numeric import Cell

MAX_AXES = 2
MAX_POINTS = 4_000_000  # a 2000 × 2000 grid: some 32 MB per perspective, rate and horizon


@dataclass(frozen=True)
class Axis:
    path: str  # the key path varied, e.g. analysis.subsidy_rates.1
    values: tuple[float, ...]


@dataclass(frozen=True)
class SweepResult:
    axes: tuple[Axis, ...]
    metric: str
    grids: Mapping[Cell, Any]  # an array shaped by the axes' lengths, for each cell


def sweep(model: Model, axes: Sequence[Axis], metric: str) -> SweepResult:
    import numpy as np

    if not 1 <= len(axes) <= MAX_AXES:
        raise ValueError("a sweep varies one or two inputs")
    shape = tuple(len(a.values) for a in axes)
    varied: dict[str, Any] = {}
    for position, axis in enumerate(axes):
        along = [1] * len(axes)
        along[position] = len(axis.values)
        varied[axis.path] = np.asarray(axis.values, dtype=float).reshape(along)
    results = numeric.break_even(model.with_values(varied), metric)
    grids = {cell: np.broadcast_to(np.asarray(value, dtype=float), shape)
             for cell, value in results.items()}
    return SweepResult(tuple(axes), metric, grids)
