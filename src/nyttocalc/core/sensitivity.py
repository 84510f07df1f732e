"""One input at a time: vary each down and up, and see how far the break-even figures move.

All variations are evaluated in one pass: input k's array holds its low and high value at positions
2k and 2k + 1 and its own value everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nyttocalc.core import batch
from nyttocalc.core.batch import Cell
from nyttocalc.core.model import Model
from nyttocalc.core.registry import At


@dataclass(frozen=True)
class Variation:
    """One input moved down and up: its key path, its own value and its two ends."""

    path: str
    base: float
    low: float
    high: float


@dataclass(frozen=True)
class Effect:
    """What varying one input does to one cell's figure."""

    variation: Variation
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
    persons: float | None = None  # employed, for a metric that counts them


def sensitivity(model: Model, variations: Sequence[Variation], metric: str,
                persons: float | None = None) -> SensitivityResult:
    base = batch.break_even(model, metric, persons=persons)
    varied = (batch.break_even(_varied(model, variations), metric, persons=persons)
              if variations else {})
    effects = {cell: _effects(variations, value) for cell, value in varied.items()}
    return SensitivityResult(metric, {c: float(v) for c, v in base.items()}, effects, persons)


def _varied(model: Model, variations: Sequence[Variation]) -> Model:
    """The model with every variation at once: input k holds its low and high value at positions
    2k and 2k + 1 of an array, and its own value everywhere else."""
    count = 2 * len(variations)
    varied: dict[str, Any] = {}
    for k, variation in enumerate(variations):
        values = np.full(count, variation.base, dtype=float)
        values[2 * k], values[2 * k + 1] = variation.low, variation.high
        varied[variation.path] = values
    return model.with_values(varied)


def _effects(variations: Sequence[Variation], value: Any) -> tuple[Effect, ...]:
    """Each variation's effect on a figure computed over ``_varied``, largest swing first."""
    figures = np.broadcast_to(np.asarray(value, dtype=float), (2 * len(variations),))
    rows = [Effect(variation, float(figures[2 * k]), float(figures[2 * k + 1]))
            for k, variation in enumerate(variations)]
    return tuple(sorted(rows, key=lambda e: -e.swing))


def payback_time_effects(model: Model, variations: Sequence[Variation], perspective: str,
                         rate: float, persons: float) -> tuple[float, tuple[Effect, ...]]:
    """How many years after the end of the intervention a perspective's cost is paid back if
    ``persons`` work at the wage-subsidy ``rate`` (as the inverse table counts), and what moving
    each input does to it, largest swing first."""
    def years(at: Model) -> Any:
        return batch.figure(at, "paid_back_after_years",
                            At(perspective, subsidy_rate=rate, persons=persons))

    base = float(years(model))
    return base, _effects(variations, years(_varied(model, variations))) if variations else ()
