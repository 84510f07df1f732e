"""Goal-seeking: the value of one input at which N employed pay back a perspective's cost.

The condition is that the net value of N employed over the horizon (``batch.net_value``) is
zero. Most inputs enter it linearly (a cost item, a value component, the subsidy rate, the FTE),
so the answer is read off a straight line, exactly, and confirmed. Where it is not linear (a
discount rate, a delay under discounting, a formula with max( )) the range is scanned and the
crossing is bracketed and bisected to float precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nyttocalc.core import batch
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.registry import At

SCAN_POINTS = 1025
BISECTIONS = 200
TOLERANCE = 1e-9  # of the cost: how close to zero net value counts as zero


@dataclass(frozen=True)
class Question:
    """N employed at ``subsidy_rate`` for ``horizon_years``: which value of ``path`` pays back
    ``perspective``'s cost? Where ``path`` is a subsidy rate or a horizon, it is the unknown."""

    path: str
    perspective: str
    persons: float
    horizon_years: float
    subsidy_rate: float
    low: float
    high: float


@dataclass(frozen=True)
class Answer:
    roots: tuple[float, ...]  # values where the net value crosses zero, lowest first
    pays_back_above: tuple[bool, ...]  # for each root: whether larger values pay back
    exact: bool  # read off a straight line (True) or bracketed and bisected (False)
    net_at_low: float
    net_at_high: float

    @property
    def everywhere(self) -> bool:
        """Every value in the range pays back."""
        return not self.roots and self.net_at_low >= 0

    @property
    def nowhere(self) -> bool:
        """No value in the range pays back."""
        return not self.roots and self.net_at_low < 0


def _at(model: Model, question: Question, x: Any) -> tuple[Model, Perspective, Any, Any]:
    """The model with ``path = x``, the question's perspective, and its subsidy rate and
    horizon (``x`` itself where the path is one of them)."""
    rate, horizon = question.subsidy_rate, question.horizon_years
    if question.path.startswith("analysis.subsidy_rates."):
        rate = x
    if question.path.startswith("analysis.horizons_years."):
        horizon = x
    perspective = next(p for p in model.perspectives if p.key == question.perspective)
    return model.with_values({question.path: x}), perspective, rate, horizon


def net_value(model: Model, question: Question, x: Any) -> Any:
    """The net value, in present value, at ``path = x`` (a float or an array of them)."""
    at, perspective, rate, horizon = _at(model, question, x)
    return batch.net_value(at, perspective, rate, horizon, question.persons)


def solve(model: Model, question: Question) -> Answer:
    lo, hi = question.low, question.high
    def g(x: Any) -> Any:
        return np.broadcast_to(np.asarray(net_value(model, question, x), float), np.shape(x))

    perspective = next(p for p in model.perspectives if p.key == question.perspective)
    scale = max(1.0, abs(float(np.max(batch.figure(model, "cost", At(perspective.key))))))
    ends = g(np.array([lo, hi]))
    roots = _linear_roots(g, lo, hi, scale)
    if roots is not None:
        return Answer(roots, tuple(float(ends[1]) > float(ends[0]) for _ in roots), True,
                      float(ends[0]), float(ends[1]))
    grid = np.linspace(lo, hi, SCAN_POINTS)
    values = g(grid)
    ok = values >= -TOLERANCE * scale
    crossings = np.flatnonzero(ok[1:] != ok[:-1])
    found = tuple(_bisect(g, float(grid[i]), float(grid[i + 1])) for i in crossings)
    above = tuple(bool(ok[i + 1]) for i in crossings)
    return Answer(found, above, False, float(values[0]), float(values[-1]))


def _linear_roots(g: Any, lo: float, hi: float, scale: float) -> tuple[float, ...] | None:
    """Where g, a straight line over [lo, hi] (checked at five points and at the root itself),
    crosses zero within the range: one root, or none (a flat line, zero or not, crosses
    nowhere: every value pays back or none does); None where g is not a straight line."""
    xs = np.linspace(lo, hi, 5)
    ys = g(xs)
    if not np.all(np.isfinite(ys)):
        return None
    line = ys[0] + (ys[-1] - ys[0]) * (xs - lo) / (hi - lo)
    if np.any(np.abs(ys - line) > TOLERANCE * (scale + np.abs(ys))):
        return None
    if ys[-1] == ys[0]:
        return ()
    root = float(lo - ys[0] * (hi - lo) / (ys[-1] - ys[0]))
    if not lo <= root <= hi:
        return ()
    return (root,) if abs(float(g(np.array([root]))[0])) <= TOLERANCE * scale else None


def _bisect(g: Any, a: float, b: float) -> float:
    def pays(x: float) -> bool:  # the sign itself: the crossing to float precision
        return bool(g(np.array([x]))[0] >= 0)

    pays_at_a = pays(a)
    for _ in range(BISECTIONS):
        mid = (a + b) / 2
        if mid in (a, b):  # a and b are neighbouring floats
            break
        if pays(mid) == pays_at_a:
            a = mid
        else:
            b = mid
    return b if not pays_at_a else a


def persons_at(model: Model, question: Question, x: float) -> float:
    """The break-even persons (exact) that ``payback`` computes with ``path = x``: the check
    that a solution answers the question."""
    at, perspective, rate, horizon = _at(model, question, x)
    persons: float = batch.figure(at, "persons_exact", At(
        perspective.key, subsidy_rate=rate, horizon_years=horizon))
    return persons
