"""The payback figures as plain numbers, for one point or a million at once.

``payback.analyse`` keeps every figure's arithmetic, which is what a reader needs and far too
slow for a sweep. These functions ask the same ``reasoning`` for plain numbers instead, from a
``Model`` whose scalars may be NumPy arrays (see ``Model.with_values``): the same templates,
evaluated the same way. For one point the result is bit for bit the figure ``payback`` computes;
for arrays it is too without discounting, and within a few ulps with it, where NumPy's vectorised
``exp`` and ``log1p`` stand in for the C library's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from nyttocalc.core import reasoning, registry
from nyttocalc.core.arith import Num
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.registry import At, Figures
from nyttocalc.errors import NyttocalcError

# The figures a sweep or sensitivity run can report, by their names there, with their units; the
# first is the default.
METRICS: dict[str, Unit] = {name: d.unit for name, d in registry.metrics().items()}


@dataclass(frozen=True)
class Cell:
    """One column of the break-even table: a perspective, a subsidy rate and a horizon, by their
    place in the scenario's lists (their values may vary from point to point)."""

    perspective: str
    rate_index: int
    horizon_index: int


def cells(model: Model) -> Iterator[Cell]:
    for p in model.perspectives:
        for r in range(len(model.subsidy_rates)):
            for h in range(len(model.horizons_years)):
                yield Cell(p.key, r, h)


def figures(model: Model) -> Figures:
    """The registry's figures of ``model`` as plain numbers (arrays where the model's are)."""
    return Figures(reasoning.plain(model))


def figure(model: Model, name: str, at: At) -> Num:
    """One figure of the registry as a plain number (an array where the model's are)."""
    value: Num = figures(model)(name, at)
    return value


def break_even(model: Model, metric: str, only: Collection[Cell] | None = None,
               persons: Num | None = None) -> dict[Cell, Num]:
    """One figure for every perspective, subsidy rate and horizon, or for the cells ``only``
    names (nothing else is computed); ``persons`` employed where the figure counts them."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    if counts_persons(metric) != (persons is not None):
        raise ValueError(f"{metric!r} is asked for with persons {persons!r}")
    name = registry.metrics()[metric].name
    computed = figures(model)
    wanted = None if only is None else set(only)
    return {cell: computed(name, at(model, cell, persons)) for cell in cells(model)
            if wanted is None or cell in wanted}


def counts_persons(metric: str) -> bool:
    """Whether a metric is a figure of how many are employed (the net present value)."""
    return "persons" in registry.metrics()[metric].dims


def at(model: Model, cell: Cell, persons: Num | None = None) -> At:
    """Where a cell's figure is asked for."""
    return At(cell.perspective, subsidy_rate=model.subsidy_rates[cell.rate_index],
              horizon_years=model.horizons_years[cell.horizon_index], persons=persons)


def net_value(model: Model, perspective: Perspective, subsidy_rate: Num, horizon: Num,
              persons: Num) -> Num:
    """What ``persons`` employed for ``horizon`` years give beyond the cost, in present value."""
    return figure(model, "net_present_value", At(perspective.key, subsidy_rate=subsidy_rate,
                                         horizon_years=horizon, persons=persons))


def select(model: Model, perspectives: Sequence[str] = (), horizon: float | None = None,
           subsidy_rate: float | None = None) -> list[Cell]:
    """The cells for the given perspectives (all if none), and the horizon and subsidy rate
    among the scenario's values (all if not given)."""
    known = [p.key for p in model.perspectives]
    for key in perspectives:
        if key not in known:
            raise UnknownCell(f"{key!r} is not a perspective of this scenario: "
                              f"{', '.join(known)}")
    for given, listed, name in ((horizon, model.horizons_years, "horizons_years"),
                                (subsidy_rate, model.subsidy_rates, "subsidy_rates")):
        if given is not None and given not in listed:
            raise UnknownCell(f"{given:g} is not one of analysis.{name}: "
                              f"{', '.join(f'{x:g}' for x in listed)}")
    return [c for c in cells(model)
            if (not perspectives or c.perspective in perspectives)
            and (horizon is None or model.horizons_years[c.horizon_index] == horizon)
            and (subsidy_rate is None or model.subsidy_rates[c.rate_index] == subsidy_rate)]


class UnknownCell(NyttocalcError):
    """A perspective, horizon or subsidy rate that the scenario does not list."""
