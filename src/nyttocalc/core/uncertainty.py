"""Distributions of uncertain inputs, and drawing from them with NumPy's seeded generator.

Each distribution is drawn with one call on a ``numpy.random.Generator``, in a fixed order, so the
same seed gives the same draws on every run and machine with the same NumPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# A normal truncated so that less than this share of its mass remains would need too many
# redraws (and says that the distribution is not what was meant).
MIN_NORMAL_MASS = 0.01


@dataclass(frozen=True)
class Distribution:
    """``kind`` is fixed, uniform, triangular, normal or beta; ``low``/``high`` bound the draws
    (a normal is truncated to them, a beta is scaled onto them)."""

    kind: str
    low: float
    high: float
    value: float = 0.0  # fixed
    mode: float = 0.0  # triangular
    mean: float = 0.0  # normal
    sd: float = 1.0  # normal
    alpha: float = 1.0  # beta
    beta: float = 1.0  # beta

    def expected(self) -> float:
        """The mean of the distribution (of a normal: before truncation)."""
        if self.kind == "fixed":
            return self.value
        if self.kind == "uniform":
            return (self.low + self.high) / 2
        if self.kind == "triangular":
            return (self.low + self.mode + self.high) / 3
        if self.kind == "beta":
            return self.low + (self.high - self.low) * self.alpha / (self.alpha + self.beta)
        return self.mean

    def normal_mass(self) -> float:
        """The share of a normal's mass within [low, high]."""
        def cdf(x: float) -> float:
            return 0.5 * (1 + math.erf((x - self.mean) / (self.sd * math.sqrt(2))))
        return cdf(self.high) - cdf(self.low)


def draw(distribution: Distribution, rng: Any, n: int) -> Any:
    """``n`` draws as a NumPy array."""
    import numpy as np

    d = distribution
    if d.kind == "fixed":
        return np.full(n, d.value)
    if d.kind == "uniform":
        return rng.uniform(d.low, d.high, n)
    if d.kind == "triangular":
        return rng.triangular(d.low, d.mode, d.high, n)
    if d.kind == "beta":
        return d.low + (d.high - d.low) * rng.beta(d.alpha, d.beta, n)
    if d.kind == "normal":
        return _truncated_normal(d, rng, n)
    raise ValueError(f"unknown distribution {d.kind!r}")


def _truncated_normal(d: Distribution, rng: Any, n: int) -> Any:
    """Redraw what falls outside [low, high] until nothing does (at least 1 % of the mass is
    inside, so this takes a few rounds)."""
    import numpy as np

    out = rng.normal(d.mean, d.sd, n)
    outside = np.flatnonzero((out < d.low) | (out > d.high))
    while outside.size:
        out[outside] = rng.normal(d.mean, d.sd, outside.size)
        outside = outside[(out[outside] < d.low) | (out[outside] > d.high)]
    return out
