"""Distributions of uncertain inputs, and drawing from them with NumPy's seeded generators.

Each distribution is drawn from a generator of its own, so the same seed gives the same draws on
every run and machine with the same NumPy, however many draws are taken at a time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A normal truncated so that less than this share of its mass remains says that the
# distribution is not what was meant.
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


@dataclass(frozen=True)
class Uncertainty:
    """A scenario's simulation section: the chance that a participant gets work, and the
    uncertain inputs."""

    employment_probability: Distribution
    inputs: Mapping[str, Distribution]  # by key path, in the scenario's order


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
    """Inverse-CDF sampling: a uniform draw between Φ(low) and Φ(high), mapped back through
    Φ⁻¹, so one uniform per draw however little of the normal lies inside (redrawing what
    falls outside took a hundred rounds where 1 % does). An interval above the mean is
    sampled as its mirror image below it, where Φ is small and exact."""
    import numpy as np

    low, high = (d.low - d.mean) / d.sd, (d.high - d.mean) / d.sd
    mirrored = low > 0
    if mirrored:
        low, high = -high, -low
    u = rng.uniform(_phi(low), _phi(high), n)
    z = _inverse_phi(np.clip(u, _TINY, 1 - _EPSILON))
    x = d.mean + d.sd * (-z if mirrored else z)
    return np.clip(x, d.low, d.high)  # round-off at the ends stays inside


_TINY = 2.0 ** -1074  # the smallest positive float: Φ⁻¹(0) would be −∞
_EPSILON = 2.0 ** -53


def _phi(z: float) -> float:
    """The standard normal CDF, exact in the lower tail (erfc, not 1 + erf)."""
    return 0.5 * math.erfc(-z / math.sqrt(2))


def _inverse_phi(p: Any) -> Any:
    """Φ⁻¹ on an array: Wichura's algorithm AS 241 (Applied Statistics 37, 1988), the one
    Python's ``statistics.NormalDist.inv_cdf`` uses, with its coefficients; relative error
    about 1e-16."""
    import numpy as np

    p = np.asarray(p, dtype=float)
    q = p - 0.5
    out = np.empty_like(p)
    central = np.abs(q) <= 0.425
    qc = q[central]
    r = 0.180625 - qc * qc
    out[central] = qc * _poly(_A, r) / _poly(_B, r)
    tail = ~central
    r = np.sqrt(-np.log(np.where(q[tail] < 0, p[tail], 1.0 - p[tail])))
    near = r <= 5.0
    x = np.where(near, _poly(_C, r - 1.6) / _poly(_D, r - 1.6),
                 _poly(_E, r - 5.0) / _poly(_F, r - 5.0))
    out[tail] = np.where(q[tail] < 0, -x, x)
    return out


def _poly(coefficients: tuple[float, ...], x: Any) -> Any:
    """c[0] + c[1] x + … by Horner's rule, highest power first (in place on an array: the
    same roundings, fewer passes over memory)."""
    total = x * coefficients[-1]
    total += coefficients[-2]
    for c in reversed(coefficients[:-2]):
        total *= x
        total += c
    return total


# AS 241's coefficients, lowest power first.
_A = (3.387132872796366608, 133.14166789178437745, 1971.5909503065514427,
      13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
      33430.575583588128105, 2509.0809287301226727)
_B = (1.0, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
      21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
      5226.495278852854561)
_C = (1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055,
      3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
      0.0227238449892691845833, 7.7454501427834140764e-4)
_D = (1.0, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
      0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
      1.05075007164441684324e-9)
_E = (6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358,
      0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
      2.71155556874348757815e-5, 2.01033439929228813265e-7)
_F = (1.0, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
      7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
      2.04426310338993978564e-15)
