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

from nyttocalc.core import formulas as f
from nyttocalc.core import reasoning
from nyttocalc.core.arith import Num
from nyttocalc.core.figures import Unit, evaluate
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.reasoning import Reasoning
from nyttocalc.errors import NyttocalcError

# The break-even figures a sweep or sensitivity run can report, by the names ``payback`` gives
# them, with their units; the first is the default.
METRICS: dict[str, Unit] = {
    "persons_whole": Unit.PERSONS,
    "persons_exact": Unit.PERSONS,
    "persons_half_steps": Unit.PERSONS,
    "payback_year": Unit.YEARS,
    "employment_rate": Unit.SHARE,
    "required_value_per_year": Unit.SEK_PER_YEAR,
    "value_per_person_year": Unit.SEK_PER_PERSON_YEAR,
    "cost": Unit.SEK,
}


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


def cost(model: Model, perspective: Perspective) -> Num:
    """The cost, nominal."""
    nominal: Num = reasoning.plain(model).cost(perspective)
    return nominal


def present_cost(model: Model, perspective: Perspective) -> Num:
    """The cost in present value at the start of the intervention (the cost, undiscounted)."""
    why = reasoning.plain(model)
    present: Num = why.present_cost(why.cost(perspective))
    return present


def value_per_person_year(model: Model, perspective: Perspective, subsidy_rate: Num) -> Num:
    value: Num = reasoning.plain(model).value(perspective, subsidy_rate)
    return value


def work_years(model: Model, years: Num) -> Num:
    """Years of work in present value (the years themselves when undiscounted)."""
    work: Num = reasoning.plain(model).horizon(years)
    return work


def counterfactual(model: Model) -> Num:
    """The participants who would have found work anyway (``formulas.COUNTERFACTUAL``)."""
    return evaluate(f.COUNTERFACTUAL, {"deadweight": model.deadweight,
                                       "participants": model.participants})


def break_even(model: Model, metric: str,
               only: Collection[Cell] | None = None) -> dict[Cell, Num]:
    """One break-even figure for every perspective, subsidy rate and horizon, or for the cells
    ``only`` names (nothing else is computed)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    wanted = set(cells(model) if only is None else only)
    why = reasoning.plain(model)
    results: dict[Cell, Num] = {}
    for perspective in model.perspectives:
        if not any(cell.perspective == perspective.key for cell in wanted):
            continue
        c = why.present_cost(why.cost(perspective))
        for r, rate in enumerate(model.subsidy_rates):
            if not any(cell.perspective == perspective.key and cell.rate_index == r
                       for cell in wanted):
                continue
            v = why.value(perspective, rate)
            for h, horizon in enumerate(model.horizons_years):
                cell = Cell(perspective.key, r, h)
                if cell in wanted:
                    results[cell] = metric_value(why, metric, c, v, horizon)
    return results


def metric_value(why: Reasoning, metric: str, c: Num, v: Num, horizon: Num) -> Num:
    """One break-even figure from the cost ``c`` (present value) and the value ``v`` per
    person-year at one subsidy rate, for one horizon: the figures it needs, and no more."""
    if metric == "cost":
        return c
    if metric == "value_per_person_year":
        return v
    work = why.horizon(horizon)
    figure: Num
    if metric == "required_value_per_year":
        figure = why.required_per_year(c, work)
    elif metric == "employment_rate":
        per_participant = why.required_per_participant_year(why.required_per_year(c, work))
        figure = why.employment_rate(per_participant, v)
    else:
        exact = why.persons_exact(c, v, work)
        figure = {"persons_exact": lambda: exact,
                  "persons_whole": lambda: why.persons_whole(exact),
                  "persons_half_steps": lambda: why.persons_half_steps(exact),
                  "payback_year": lambda: why.payback_year(exact, horizon)}[metric]()
    return figure


def paid_back_after(model: Model, present_cost_: Num, value: Num, persons: Num) -> Num:
    """The year after the end of the intervention in which ``persons`` employed have paid
    back the cost, if their work lasts (discounted and thinned by drop-off); inf: never."""
    why = reasoning.plain(model)
    years: Num = why.paid_back_after(why.years_of_work(present_cost_, value, persons))
    return years


def net_value(model: Model, perspective: Perspective, subsidy_rate: Num, horizon: Num,
              persons: Num) -> Num:
    """What ``persons`` employed for ``horizon`` years give beyond the cost, in present value
    (``formulas.NET_VALUE_FORMULA``)."""
    why = reasoning.plain(model)
    benefit = why.benefit(why.value(perspective, subsidy_rate), why.horizon(horizon),
                          why.additional_persons(persons))
    net: Num = why.net_value(benefit, why.present_cost(why.cost(perspective)))
    return net


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
