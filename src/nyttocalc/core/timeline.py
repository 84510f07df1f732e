"""The year-by-year timeline of one perspective: cost, work, value, and cumulative net value.

Year 0 is the intervention, when its cost is paid; year 1 is the first year after its end, and
so on. Employment starts after the delay and lasts the horizon, thinned by drop-off. Values are
discounted to the start of the intervention. Each year's row is the integral of the same flows
that ``payback`` uses, so the rows add up to the NPV, and the payback year is the year in which
the cumulative net value turns positive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nyttocalc.core import formulas as f
from nyttocalc.core import numeric
from nyttocalc.core.arith import NEVER
from nyttocalc.core.model import Model, Perspective


@dataclass(frozen=True)
class YearRow:
    year: int  # 0: the intervention; k: the k-th year after its end
    cost: float
    person_years: float  # of work beyond the counterfactual, after drop-off
    value: float
    present_value_net: float  # this year's value less its cost, discounted
    cumulative_present_value_net: float


@dataclass(frozen=True)
class HorizonSummary:
    horizon_years: float
    present_value_benefit: float
    present_value_cost: float
    net_present_value: float
    benefit_cost_ratio: float


@dataclass(frozen=True)
class PerspectiveTimeline:
    perspective: Perspective
    subsidy_rate: float
    persons: float  # employed
    counterfactual: float  # participants who would have worked anyway
    additional: float  # employed beyond them (none where fewer are employed)
    value_per_person_year: float
    rows: tuple[YearRow, ...]
    horizons: tuple[HorizonSummary, ...]
    payback_year: float  # after the end of the intervention, if work lasted; inf: never


def timeline(model: Model, persons: float, subsidy_rate: float) -> tuple[PerspectiveTimeline, ...]:
    return tuple(_perspective(model, p, persons, subsidy_rate) for p in model.perspectives)


def _perspective(model: Model, perspective: Perspective, persons: float,
                 rate: float) -> PerspectiveTimeline:
    cost = float(numeric.cost(model, perspective))
    present_cost = float(numeric.present_cost(model, perspective))
    value = float(numeric.value_per_person_year(model, perspective, rate))
    counterfactual = float(numeric.counterfactual(model))
    effective = float(f.additional_persons(persons, counterfactual))
    start = model.intervention_years + model.delay_years
    longest = max(model.horizons_years)

    def worked(until: float, discounted: bool) -> float:
        """Person-years from the start of work until ``until`` (years after it starts)."""
        span = min(max(until, 0.0), longest)
        return float(f.present_value_years(model.intervention_years, model.delay_years, span,
                                           model.discount_rate if discounted else 0.0,
                                           model.drop_off_rate))

    rows = [YearRow(0, cost, 0.0, 0.0, -present_cost, -present_cost)]
    cumulative = -present_cost
    last_year = math.ceil(model.delay_years + longest)
    for year in range(1, last_year + 1):
        begin = model.intervention_years + year - 1 - start  # relative to the start of work
        end = begin + 1
        years = worked(end, False) - worked(begin, False)
        present = effective * value * (worked(end, True) - worked(begin, True))
        cumulative += present
        rows.append(YearRow(year, 0.0, effective * years, effective * value * years, present,
                            cumulative))
    horizons = tuple(_summary(model, h, effective * value, present_cost)
                     for h in model.horizons_years)
    payback = float(numeric.paid_back_after(model, present_cost, value, persons))
    return PerspectiveTimeline(perspective, rate, persons, counterfactual, effective, value,
                               tuple(rows), horizons, payback)


def _summary(model: Model, horizon: float, value_per_year: float,
             present_cost: float) -> HorizonSummary:
    benefit = value_per_year * float(numeric.work_years(model, horizon))
    ratio = benefit / present_cost if present_cost > 0 else NEVER
    return HorizonSummary(horizon, benefit, present_cost, benefit - present_cost, ratio)
