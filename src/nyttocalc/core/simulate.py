"""Monte Carlo: how likely the intervention is to pay back, given what is uncertain.

Each draw takes a value for every uncertain input and an employment probability, then lets each
participant get work or not (a binomial draw). The employed, beyond those who would have found work
anyway, earn the value per person-year for the horizon, discounted and thinned by drop-off as in
``payback``. A draw pays back when the employed are at least the break-even count ``payback``
computes at that draw's inputs, so a fixed probability p gives P(K ≥ break-even count) with
K ~ Bin(n, p).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nyttocalc.core import formulas as f
from nyttocalc.core import numeric
from nyttocalc.core.arith import ROUND_OFF
from nyttocalc.core.model import Model, Perspective
from nyttocalc.core.numeric import Cell
from nyttocalc.core.uncertainty import Distribution, draw

PERCENTILES = (5, 25, 50, 75, 95)
HISTOGRAM_YEARS = 30  # payback years are counted in whole years up to this; later ones together
MAX_DRAWS = 10_000_000


@dataclass(frozen=True)
class Uncertainty:
    employment_probability: Distribution
    inputs: Mapping[str, Distribution]  # by key path, in the scenario's order


@dataclass(frozen=True)
class CellOutcome:
    """One perspective, subsidy rate and horizon over all draws."""

    cell: Cell
    subsidy_rate: float  # the scenario's value (a draw may differ where it is uncertain)
    horizon_years: float
    probability: float  # of paying back within the horizon
    net_value_mean: float  # present value of the employed's value beyond the cost
    net_value_percentiles: tuple[float, ...]


@dataclass(frozen=True)
class PaybackYears:
    """When the cost is paid back, counted from the end of the intervention, if work lasts."""

    perspective: str
    rate_index: int
    subsidy_rate: float
    percentiles: tuple[float, ...]  # inf where it never pays back
    never: float  # the share of draws that never pay back
    histogram: tuple[int, ...]  # draws paid back within year 1, 2, …, HISTOGRAM_YEARS, later


@dataclass(frozen=True)
class SimulationResult:
    draws: int
    seed: int
    participants: int
    employed_mean: float
    employed_percentiles: tuple[float, ...]
    cells: tuple[CellOutcome, ...]
    payback_years: tuple[PaybackYears, ...]


def simulate(model: Model, uncertainty: Uncertainty, draws: int, seed: int) -> SimulationResult:
    import numpy as np

    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be from 1 to {MAX_DRAWS}")
    rng = np.random.default_rng(seed)
    probability = draw(uncertainty.employment_probability, rng, draws)
    values = {path: draw(d, rng, draws) for path, d in uncertainty.inputs.items()}
    n = int(model.participants)
    employed = rng.binomial(n, np.clip(probability, 0.0, 1.0))
    drawn = model.with_values(values)
    cells: list[CellOutcome] = []
    years: list[PaybackYears] = []
    counterfactual = numeric.counterfactual(drawn)
    with np.errstate(invalid="ignore", over="ignore"):  # "never" is inf; inf − inf is no draw
        for perspective in drawn.perspectives:
            _perspective(drawn, model, perspective, employed, counterfactual, cells, years)
    return SimulationResult(draws, seed, n, float(np.mean(employed)), _count_percentiles(employed),
                            tuple(cells), tuple(years))


def _perspective(drawn: Model, model: Model, perspective: Perspective, employed: Any,
                 counterfactual: Any, cells: list[CellOutcome],
                 years: list[PaybackYears]) -> None:
    """Every subsidy rate and horizon of one perspective, over all draws."""
    import numpy as np

    cost = numeric.present_cost(drawn, perspective)
    for r, rate in enumerate(drawn.subsidy_rates):
        value = numeric.value_per_person_year(drawn, perspective, rate)
        for h, horizon in enumerate(drawn.horizons_years):
            work = numeric.work_years(drawn, horizon)
            needed = f.break_even_persons(cost, value, work, counterfactual)
            # employed ≥ ceil_step(needed), without rounding a million numbers up: for a
            # whole number k, ceil(y) ≤ k exactly when y ≤ k.
            pays = needed - ROUND_OFF * np.abs(needed) <= employed
            net = f.additional_persons(employed, counterfactual) * value * work - cost
            cells.append(CellOutcome(
                Cell(perspective.key, r, h), model.subsidy_rates[r],
                model.horizons_years[h], float(np.mean(pays)),
                float(np.mean(net)), _percentiles(net)))
        years.append(_payback_years(drawn, perspective.key, r, model.subsidy_rates[r],
                                    cost, value, employed))


def _payback_years(model: Model, key: str, rate_index: int, rate: float, cost: Any, value: Any,
                   employed: Any) -> PaybackYears:
    import numpy as np

    year = np.broadcast_to(numeric.paid_back_after(model, cost, value, employed),
                           np.shape(employed))
    never = np.isinf(year)
    whole = np.ceil(year[~never])
    counts = np.bincount(np.clip(whole, 0, HISTOGRAM_YEARS + 1).astype(int),
                         minlength=HISTOGRAM_YEARS + 2)
    histogram = (int(counts[0] + counts[1]), *(int(c) for c in counts[2:]))
    return PaybackYears(key, rate_index, rate, _percentiles(year), float(np.mean(never)),
                        histogram)


def _count_percentiles(counts: Any) -> tuple[float, ...]:
    """The percentiles of whole numbers from their tally: what ``_percentiles`` gives, in one
    pass instead of a partition."""
    import numpy as np

    cumulative = np.cumsum(np.bincount(counts))
    ranks = [max(0, math.ceil(p / 100 * len(counts)) - 1) for p in PERCENTILES]
    return tuple(float(np.searchsorted(cumulative, rank, side="right")) for rank in ranks)


def _percentiles(values: Any) -> tuple[float, ...]:
    """The draws at the ``PERCENTILES`` ranks, exactly as NumPy's ``inverted_cdf`` method picks
    them (an actual draw: no interpolation between a finite year and "never").

    A full partition of a million draws per figure is most of a simulation's time. A sorted
    sample of some 4 000 draws brackets each rank; only the draws inside the bracket are
    partitioned, after counting those below it. Where a bracket misses (it cannot, unless the
    sample is unlucky), the full partition decides.
    """
    import numpy as np

    n = values.size
    ranks = [max(0, math.ceil(p / 100 * n) - 1) for p in PERCENTILES]
    if n < 50_000:
        return tuple(float(v) for v in np.partition(values, ranks)[ranks])
    sample = np.sort(values[::max(1, n // 4096)])
    found = []
    for rank in ranks:
        middle = int(rank / n * sample.size)
        low = sample[max(0, middle - 48)]
        high = sample[min(sample.size - 1, middle + 49)]
        below = int(np.count_nonzero(values < low))
        window = values[(values >= low) & (values <= high)]
        k = rank - below
        if 0 <= k < window.size:
            found.append(float(np.partition(window, k)[k]))
        else:
            found.append(float(np.partition(values, rank)[rank]))
    return tuple(found)
