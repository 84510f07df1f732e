"""Sweeps: one break-even figure over a range of one input, or a grid of two.

The grid is evaluated a block of rows at a time: each axis becomes an array shaped to broadcast
against the other, and ``batch.break_even`` computes the selected perspectives, subsidy rates
and horizons on it. A million points cost a few array operations per block, not a million
models; only the selected cells are computed, and no block outlives its use, so memory stays
bounded whatever the grid's size and the scenario's other horizons and rates.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from nyttocalc.core import batch
from nyttocalc.core.batch import Cell
from nyttocalc.core.model import Model

MAX_AXES = 2
MAX_POINTS = 4_000_000  # a 2000 × 2000 grid
BLOCK_VALUES = 1 << 16  # figures computed at once (over all cells asked for): half a MB each


@dataclass(frozen=True)
class Axis:
    path: str  # the key path varied, e.g. analysis.subsidy_rates.1
    values: tuple[float, ...]


@dataclass(frozen=True)
class SweepResult:
    """A sweep, evaluated as it is read: ``blocks`` streams rows of the grid, ``grids`` gives a
    cell's whole grid."""

    model: Model
    axes: tuple[Axis, ...]
    metric: str
    cells: tuple[Cell, ...]  # the cells computed (every cell of the model unless narrowed)
    persons: float | None = None  # employed, for a metric that counts them

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(a.values) for a in self.axes)

    def blocks(self, cells: Sequence[Cell] | None = None
               ) -> Iterator[tuple[range, dict[Cell, Any]]]:
        """Consecutive rows of the grid (along the first axis): their indices, and for each cell
        (by default every cell of the sweep) an array of those rows' figures."""
        wanted = tuple(self.cells if cells is None else cells)
        rest = self.shape[1:]
        per_row = max(1, len(wanted)) * (rest[0] if rest else 1)
        step = max(1, BLOCK_VALUES // per_row)
        first, *others = self.axes
        along = [1] * len(self.axes)
        fixed: dict[str, Any] = {}
        for position, axis in enumerate(others, start=1):
            lengths = list(along)
            lengths[position] = len(axis.values)
            fixed[axis.path] = np.asarray(axis.values, dtype=float).reshape(lengths)
        for start in range(0, len(first.values), step):
            rows = np.asarray(first.values[start:start + step], dtype=float)
            varied = {**fixed, first.path: rows.reshape([len(rows), *along[1:]])}
            results = batch.break_even(self.model.with_values(varied), self.metric, wanted,
                                        self.persons)
            shape = (len(rows), *rest)
            yield range(start, start + len(rows)), {
                cell: np.broadcast_to(np.asarray(results[cell], dtype=float), shape)
                for cell in wanted}

    @property
    def grids(self) -> Mapping[Cell, Any]:
        return _Grids(self)

    def at(self, *indices: Sequence[int]) -> SweepResult:
        """The sweep at some of its points only: their indices along each axis."""
        return replace(self, axes=tuple(
            Axis(axis.path, tuple(axis.values[i] for i in along))
            for axis, along in zip(self.axes, indices, strict=True)))


class _Grids(Mapping[Cell, Any]):
    """A cell's whole grid, computed when asked for (a 2000 × 2000 grid is 32 MB)."""

    def __init__(self, result: SweepResult) -> None:
        self._result = result

    def __getitem__(self, cell: Cell) -> Any:
        if cell not in self._result.cells:
            raise KeyError(cell)
        grid = np.empty(self._result.shape)
        for rows, block in self._result.blocks([cell]):
            grid[rows.start:rows.stop] = block[cell]
        return grid

    def __iter__(self) -> Iterator[Cell]:
        return iter(self._result.cells)

    def __len__(self) -> int:
        return len(self._result.cells)


def sweep(model: Model, axes: Sequence[Axis], metric: str,
          cells: Sequence[Cell] | None = None, persons: float | None = None) -> SweepResult:
    """The sweep of ``metric`` over ``axes`` for ``cells`` (every cell of the model if None);
    nothing is computed until it is read."""
    if not 1 <= len(axes) <= MAX_AXES:
        raise ValueError("a sweep varies one or two inputs")
    if metric not in batch.METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    return SweepResult(model, tuple(axes), metric,
                       tuple(batch.cells(model) if cells is None else cells), persons)
