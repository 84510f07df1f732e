"""One input at a time: move each down and up, and see how far the break-even figures move.

All moves are evaluated in one pass: input k's array holds its low and high value at positions
2k and 2k + 1 and its own value everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nyttocalc.core import numeric, reasoning
from nyttocalc.core.model import Model
from nyttocalc.core.numeric import Cell


@dataclass(frozen=True)
class Move:
    path: str
    base: float
    low: float
    high: float


@dataclass(frozen=True)
class Effect:
    """What moving one input does to one cell's figure."""

    move: Move
    at_low: float
    at_high: float

    @property
    def swing(self) -> float:
        """How far the figure moves between the two ends (inf where one end never pays back)."""
        if self.at_low == self.at_high:
            return 0.0
        return abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class SensitivityResult:
    metric: str
    base: Mapping[Cell, float]
    effects: Mapping[Cell, tuple[Effect, ...]]  # largest swing first


def sensitivity(model: Model, moves: Sequence[Move], metric: str) -> SensitivityResult:
    base = numeric.break_even(model, metric)
    moved = numeric.break_even(_moved(model, moves), metric) if moves else {}
    effects = {cell: _effects(moves, value) for cell, value in moved.items()}
    return SensitivityResult(metric, {c: float(v) for c, v in base.items()}, effects)


def _moved(model: Model, moves: Sequence[Move]) -> Model:
    """The model with every move at once: input k holds its low and high value at positions
    2k and 2k + 1 of an array, and its own value everywhere else."""
    count = 2 * len(moves)
    varied: dict[str, Any] = {}
    for k, move in enumerate(moves):
        values = np.full(count, move.base, dtype=float)
        values[2 * k], values[2 * k + 1] = move.low, move.high
        varied[move.path] = values
    return model.with_values(varied)


def _effects(moves: Sequence[Move], value: Any) -> tuple[Effect, ...]:
    """Each move's effect on a figure computed over ``_moved``, largest swing first."""
    figures = np.broadcast_to(np.asarray(value, dtype=float), (2 * len(moves),))
    rows = [Effect(move, float(figures[2 * k]), float(figures[2 * k + 1]))
            for k, move in enumerate(moves)]
    return tuple(sorted(rows, key=lambda e: -e.swing))


def payback_time_effects(model: Model, moves: Sequence[Move], perspective: str, rate: float,
                         persons: float) -> tuple[float, tuple[Effect, ...]]:
    """How many years after the end of the intervention a perspective's cost is paid back if
    ``persons`` work at the wage-subsidy ``rate`` (as the inverse table counts), and what moving
    each input does to it, largest swing first."""
    def years(at: Model) -> Any:
        why = reasoning.plain(at)
        party = next(p for p in at.perspectives if p.key == perspective)
        cost = why.present_cost(why.cost(party))
        return why.paid_back_after(why.years_of_work(cost, why.value(party, rate), persons))

    base = float(years(model))
    return base, _effects(moves, years(_moved(model, moves))) if moves else ()
