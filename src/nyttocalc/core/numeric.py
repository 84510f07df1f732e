"""The payback figures as plain numbers, for one point or a million at once.

``payback.analyse`` builds a ``Figure`` with its arithmetic for every number, which is what a
reader needs and far too slow for a sweep. These functions compute the same numbers through the
same ``formulas``, in the same order of operations, from a ``Model`` whose scalars may be NumPy
arrays (see ``Model.with_values``): the result of a point of a sweep is bit for bit the figure
``payback`` prints at the same inputs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from nyttocalc.core import formulas as f
from nyttocalc.core.arith import NEVER, Num, is_zero
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model, Perspective, Scaling
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
    amounts = [model.input_value(name) for name in perspective.cost_items]
    if perspective.cost_markup is None:
        return f.cost(amounts)
    return f.cost(amounts, model.input_value(perspective.cost_markup))


def present_cost(model: Model, perspective: Perspective) -> Num:
    """The cost in present value at the start of the intervention (the cost, undiscounted)."""
    nominal = cost(model, perspective)
    if is_zero(model.discount_rate) or is_zero(model.intervention_years):
        return nominal
    return f.present_value_cost(nominal, model.discount_rate, model.intervention_years)


def value_per_person_year(model: Model, perspective: Perspective, subsidy_rate: Num) -> Num:
    productivity = f.productivity(subsidy_rate)
    total: Num = 0.0
    for component in perspective.value_components:
        total = total + f.value_component(
            model.input_value(component.input), productivity, model.full_time_equivalent,
            by_productivity=Scaling.PRODUCTIVITY in component.scales_with,
            by_fte=Scaling.FTE in component.scales_with)
    return total


def work_years(model: Model, years: Num) -> Num:
    """Years of work in present value (the years themselves when undiscounted)."""
    if not model.is_discounted:
        return years
    return f.present_value_years(model.intervention_years, model.delay_years, years,
                                 model.discount_rate, model.drop_off_rate)


def counterfactual(model: Model) -> Num:
    return f.counterfactual_persons(model.deadweight, model.participants)


def break_even(model: Model, metric: str,
               only: Collection[Cell] | None = None) -> dict[Cell, Num]:
    """One break-even figure for every perspective, subsidy rate and horizon, or for the cells
    ``only`` names (nothing else is computed)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    wanted = set(cells(model) if only is None else only)
    results: dict[Cell, Num] = {}
    for perspective in model.perspectives:
        if not any(cell.perspective == perspective.key for cell in wanted):
            continue
        c = present_cost(model, perspective)
        for r, rate in enumerate(model.subsidy_rates):
            if not any(cell.perspective == perspective.key and cell.rate_index == r
                       for cell in wanted):
                continue
            v = value_per_person_year(model, perspective, rate)
            for h, horizon in enumerate(model.horizons_years):
                cell = Cell(perspective.key, r, h)
                if cell in wanted:
                    results[cell] = metric_value(model, metric, c, v, horizon)
    return results


def metric_value(model: Model, metric: str, c: Num, v: Num, horizon: Num) -> Num:
    """One break-even figure from the cost ``c`` (present value) and the value ``v`` per
    person-year at one subsidy rate, for one horizon."""
    if metric == "cost":
        return c
    if metric == "value_per_person_year":
        return v
    work = work_years(model, horizon)
    if metric == "required_value_per_year":
        return f.required_value_per_year(c, work)
    if metric == "employment_rate":
        per_participant = f.required_value_per_participant_year(
            f.required_value_per_year(c, work), model.participants)
        return f.break_even_employment_rate(per_participant, v, model.deadweight)
    exact = f.break_even_persons(c, v, work, counterfactual(model))
    if metric == "persons_exact":
        return exact
    if metric == "persons_whole":
        return f.whole_persons(exact)
    if metric == "persons_half_steps":
        return f.half_steps(exact)
    return _where_never(exact, f.payback_year(model.delay_years, horizon))


def paid_back_after(model: Model, present_cost_: Num, value: Num, persons: Num) -> Num:
    """The year after the end of the intervention in which ``persons`` employed have paid
    back the cost, if their work lasts (discounted and thinned by drop-off); inf: never."""
    work = f.years_of_work_to_payback(present_cost_, value, persons, counterfactual(model))
    if model.is_discounted:
        work = f.discounted_years_of_work(work, model.intervention_years, model.delay_years,
                                          model.discount_rate, model.drop_off_rate)
    return f.payback_year(model.delay_years, work)


def net_value(model: Model, perspective: Perspective, subsidy_rate: Num, horizon: Num,
              persons: Num) -> Num:
    """What ``persons`` employed for ``horizon`` years give beyond the cost, in present value:
    (persons − counterfactual, at least 0) × value × years of work − cost."""
    v = value_per_person_year(model, perspective, subsidy_rate)
    gained = f.additional_persons(persons, counterfactual(model)) * v * work_years(model, horizon)
    return gained - present_cost(model, perspective)


def _where_never(persons: Num, year: Num) -> Num:
    if isinstance(persons, int | float) and isinstance(year, int | float):
        return NEVER if persons == NEVER else year
    import numpy as np

    result: float = np.where(np.isinf(persons), NEVER, year)
    return result


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
