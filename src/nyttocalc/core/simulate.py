"""Monte Carlo: how likely the intervention is to pay back, given what is uncertain.

Each draw takes a value for every uncertain input and an employment probability, then lets each
participant get work or not (a binomial draw). The employed, beyond those who would have found work
anyway, earn the value per person-year for the horizon, discounted and thinned by drop-off as in
``payback``. A draw pays back when the employed are at least the break-even count ``payback``
computes at that draw's inputs, so a fixed probability p gives P(K ≥ break-even count) with
K ~ Bin(n, p); where nothing was paid there is no count to reach, and a draw pays back where its
net value is at least 0.

Draws are evaluated in chunks of ``CHUNK`` at a time, so memory stays bounded however many are
asked for. Each distribution and the binomial have a random stream of their own (spawned from the
seed), so the draws do not depend on the chunk size. Up to ``CHUNK`` draws take one pass; more
take two, over the same draws, for percentiles that are exact (see ``quantiles.TwoPasses``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from nyttocalc.core import batch, quantiles
from nyttocalc.core.arith import ROUND_OFF
from nyttocalc.core.batch import Cell
from nyttocalc.core.model import Model
from nyttocalc.core.registry import At, Figures
from nyttocalc.core.uncertainty import Uncertainty, draw

PERCENTILES = (5, 25, 50, 75, 95)
HISTOGRAM_YEARS = 30  # payback years are counted in whole years up to this; later ones together
MAX_DRAWS = 10_000_000
CHUNK = 1 << 20  # draws evaluated at once: some 8 MB per array
# A chunk's arithmetic is worked through a block of draws at a time: arrays that stay in the
# processor's cache are computed several times faster (measured: a subtraction of a million
# floats 3.4 ms at once, 0.9 ms in blocks of 2^16), with the same result, bit for bit. 2^15:
# LivA's 10^6 draws took 25 % less time than unblocked, 2^14 and 2^16 about as little.
BLOCK = 1 << 15

# (draws evaluated so far, draws to evaluate in all, counting each pass), after each chunk
Progress = Callable[[int, int], None]


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
    never: float  # the share of draws that never pays back
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


def simulate(model: Model, uncertainty: Uncertainty, draws: int, seed: int,
             progress: Progress | None = None) -> SimulationResult:
    # NumPy is imported here and in the functions below (and in ``quantiles``), not with the
    # module: imported before the scenario is read, it raised the peak of 10^6 draws from 160
    # to 172 MB (measured).
    import numpy as np

    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be from 1 to {MAX_DRAWS}")
    sizes = [min(CHUNK, draws - start) for start in range(0, draws, CHUNK)]
    passes = 1 if len(sizes) == 1 else 2
    done = 0
    figures: dict[tuple[Any, ...], _Figure] = {}
    tally = np.zeros(int(model.participants) + 1, dtype=np.int64)
    for second in range(passes):
        for blocks, employed in _chunks(model, uncertainty, seed, sizes):
            if not second:
                tally += np.bincount(employed, minlength=tally.size)
            for key, values, pays in _outcomes(blocks, employed, paying=not second):
                figure = figures.setdefault(key, _Figure(draws, passes))
                if second:
                    figure.again(values)
                else:
                    figure.add(values, pays, year=key[0] == "year")
            done += len(employed)
            if progress is not None:
                progress(done, draws * passes)
    employed_mean = float(np.dot(np.arange(tally.size), tally) / draws)
    return SimulationResult(draws, seed, int(model.participants), employed_mean,
                            quantiles.of_tally(tally, PERCENTILES),
                            *_results(model, figures, draws))


def _chunks(model: Model, uncertainty: Uncertainty, seed: int,
            sizes: list[int]) -> Iterator[tuple[list[Model], Any]]:
    """The model with each chunk's drawn values (a model per block of the chunk's draws), and
    how many are employed in each draw; the same chunks each time it is called."""
    import numpy as np

    streams = [np.random.default_rng(s)
               for s in np.random.SeedSequence(seed).spawn(2 + len(uncertainty.inputs))]
    n = int(model.participants)
    for size in sizes:
        probability = draw(uncertainty.employment_probability, streams[0], size)
        values = {path: draw(d, stream, size)
                  for (path, d), stream in zip(uncertainty.inputs.items(), streams[1:-1],
                                               strict=True)}
        yield ([model.with_values({path: v[start:start + BLOCK] for path, v in values.items()})
                for start in range(0, size, BLOCK)],
               streams[-1].binomial(n, np.clip(probability, 0, 1)))


def _outcomes(blocks: list[Model], employed: Any,
              paying: bool) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    """For one chunk, one figure at a time (so only one is held): each cell's net value, and
    whether each draw pays back (where ``paying``); each perspective and rate's payback year.
    Each figure is asked of the registry a block at a time, with the block's draws (a model
    per block) and its employed as the count of persons."""
    import numpy as np

    figures = [batch.figures(block) for block in blocks]
    persons = [employed[start:start + BLOCK] for start in range(0, employed.size, BLOCK)]
    model = blocks[0]  # every block has the same perspectives, subsidy rates and horizons
    with np.errstate(invalid="ignore", over="ignore"):  # "never" is inf; inf − inf is no draw
        for perspective in model.perspectives:
            party = [At(perspective.key, persons=part) for part in persons]
            horizons = [[replace(at, horizon_years=h) for h in block.horizons_years]
                        for at, block in zip(party, blocks, strict=True)]
            with _lasting(figures, horizons, ("present_cost", "additional_persons", "work_years")):
                yield from _rates(figures, blocks, party, paying)


def _rates(figures: list[Figures], blocks: list[Model], party: list[At],
           paying: bool) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    """One perspective's figures (``party``: its point in each block) at each subsidy rate."""
    model, key = blocks[0], party[0].party
    size = sum(at.persons.size for at in party)
    for r in range(len(model.subsidy_rates)):
        rates = [replace(at, subsidy_rate=block.subsidy_rates[r])
                 for at, block in zip(party, blocks, strict=True)]
        with _lasting(figures, [[at] for at in rates], ("value_per_person_year",)):
            for h in range(len(model.horizons_years)):
                cells = [replace(at, horizon_years=block.horizons_years[h])
                         for at, block in zip(rates, blocks, strict=True)]
                yield ("net", key, r, h), *_net_values(figures, cells, size, paying)
            year = _each(figures, rates, lambda f, at: f("paid_back_after_years", at))
            yield ("year", key, r), _joined(year, size), None


def _net_values(figures: list[Figures], cells: list[At], size: int,
                paying: bool) -> tuple[Any, Any]:
    """A cell's net value in each draw and, where ``paying``, whether each draw pays back."""
    def ask(f: Figures, at: At) -> tuple[Any, Any]:
        net = f("net_present_value", at)
        return net, paying and _pays(at.persons, f("present_cost", at), f("persons_exact", at),
                                     net)

    both = list(_each(figures, cells, ask))
    return (_joined((net for net, _ in both), size),
            _joined((pays for _, pays in both), size, bool) if paying else None)


@contextlib.contextmanager
def _lasting(figures: list[Figures], points: list[list[At]],
             names: tuple[str, ...]) -> Iterator[None]:
    """Within: each block's figures ``names`` at its points, computed once and kept; not what
    they were computed from."""
    with contextlib.ExitStack() as stack:
        for f, ats in zip(figures, points, strict=True):
            stack.enter_context(f.scope())
            with f.scope(keep=names):
                for name in names:
                    for at in ats:
                        f(name, at)
        yield


def _each(figures: list[Figures], ats: list[At],
          ask: Callable[[Figures, At], Any]) -> Iterator[Any]:
    """``ask`` each block's figures at its point, forgetting at once what it computed on the
    way: held for every block of a chunk, that would be some 400 MB for 10^6 draws."""
    for f, at in zip(figures, ats, strict=True):
        with f.scope():
            yield ask(f, at)


def _pays(employed: Any, cost: Any, needed: Any, net: Any) -> Any:
    """Whether each draw pays back: employed ≥ ceil_step(needed), without rounding a million
    numbers up (for a whole number k, ceil(y) ≤ k exactly when y ≤ k). A draw in which nothing
    was paid has no count to reach: it pays back where its net value is at least 0 (not where
    it loses by every person employed)."""
    import numpy as np

    return np.where(cost > 0, needed - ROUND_OFF * np.abs(needed) <= employed, net >= 0)


def _joined(blocks: Iterable[Any], size: int, dtype: type = float) -> Any:
    """One figure per draw from its values per block, each written in place as it is computed
    (a block's figure no draw changes is a single number)."""
    import numpy as np

    out: Any = np.empty(size, dtype=dtype)
    for start, values in zip(range(0, size, BLOCK), blocks, strict=False):
        out[start:start + BLOCK] = values
    return out


class _Figure:
    """What is kept of one figure over all draws: its sum and how often it pays back (a net
    value), how often it is never and a tally of whole years (a payback year), and its
    percentiles (of the draws themselves, or over two passes)."""

    def __init__(self, draws: int, passes: int) -> None:
        self.total = 0.0
        self.paying = 0
        self.never = 0
        self.years = [0] * (HISTOGRAM_YEARS + 2)  # paid back within year 0, 1, …, 30; later
        self._passes = quantiles.TwoPasses(draws, PERCENTILES) if passes == 2 else None
        self._percentiles: tuple[float, ...] = ()

    def add(self, values: Any, pays: Any, year: bool) -> None:
        import numpy as np

        if year:
            never = np.isinf(values)
            self.never += int(np.count_nonzero(never))
            whole = np.clip(np.ceil(values[~never]), 0, HISTOGRAM_YEARS + 1).astype(int)
            counts = np.bincount(whole, minlength=HISTOGRAM_YEARS + 2)
            self.years = [a + int(b) for a, b in zip(self.years, counts, strict=True)]
        else:
            self.total += float(np.sum(values))
            self.paying += int(np.count_nonzero(pays))
        if self._passes is None:
            self._percentiles = quantiles.of_array(values, PERCENTILES)
        else:
            self._passes.first(values)

    def again(self, values: Any) -> None:
        if self._passes is not None:
            self._passes.second(values)

    def percentiles(self) -> tuple[float, ...]:
        return self._percentiles if self._passes is None else self._passes.result()


def _results(model: Model, figures: dict[tuple[Any, ...], _Figure],
             draws: int) -> tuple[tuple[CellOutcome, ...], tuple[PaybackYears, ...]]:
    cells, years = [], []
    for key, figure in figures.items():
        if key[0] == "net":
            _, perspective, r, h = key
            cells.append(CellOutcome(Cell(perspective, r, h), model.subsidy_rates[r],
                                     model.horizons_years[h], figure.paying / draws,
                                     figure.total / draws, figure.percentiles()))
        else:
            _, perspective, r = key
            counts = figure.years
            histogram = (counts[0] + counts[1], *counts[2:])
            years.append(PaybackYears(perspective, r, model.subsidy_rates[r],
                                      figure.percentiles(), figure.never / draws, histogram))
    return tuple(cells), tuple(years)
