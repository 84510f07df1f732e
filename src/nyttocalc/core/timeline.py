"""The year-by-year timeline of one perspective: cost, work, value, and cumulative net value.

The intervention's years end with year 0: an intervention of two years is years −1 and 0, its
cost paid evenly over them (one paid at once, of no length, is year 0). Year 1 is the first year
after its end, and so on. Employment starts after the delay and lasts the horizon, thinned by
drop-off. Values are discounted to the start of the intervention. Each year's row is the integral
of the same flows that ``payback`` uses, so the rows add up to the NPV, and the payback year is
the year in which the cumulative net value turns positive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nyttocalc.core import discounting, reasoning
from nyttocalc.core.arith import ROUND_OFF
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.registry import At, Figures


@dataclass(frozen=True)
class YearRow:
    year: int  # ≤ 0: the intervention's years, the last one 0; k: the k-th year after its end
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
    figures = Figures(reasoning.plain(model))
    party = At(perspective.key, subsidy_rate=rate, persons=persons)
    cost, value, counterfactual, effective, payback = (float(figures(name, party)) for name in (
        "cost", "value_per_person_year", "counterfactual", "additional_persons",
        "paid_back_after_years"))
    start = model.intervention_years + model.delay_years
    longest = max(model.horizons_years)

    def worked(until: float, discounted: bool) -> float:
        """Person-years from the start of work until ``until`` (years after it starts)."""
        span = min(max(until, 0.0), longest)
        return float(discounting.present_value_years(
            start, span, model.discount_rate if discounted else 0.0, model.drop_off_rate))

    rows = list(_intervention(model, cost))
    cumulative = rows[-1].cumulative_present_value_net
    last_year = math.ceil(model.delay_years + longest)
    for year in range(1, last_year + 1):
        begin = model.intervention_years + year - 1 - start  # relative to the start of work
        end = begin + 1
        years = worked(end, False) - worked(begin, False)
        present = effective * value * (worked(end, True) - worked(begin, True))
        cumulative += present
        rows.append(YearRow(year, 0.0, effective * years, effective * value * years, present,
                            cumulative))
    horizons = tuple(_summary(figures, At(perspective.key, subsidy_rate=rate, horizon_years=h,
                                          persons=persons)) for h in model.horizons_years)
    return PerspectiveTimeline(perspective, rate, persons, counterfactual, effective, value,
                               tuple(rows), horizons, payback)


def _intervention(model: Model, cost: float) -> list[YearRow]:
    """The intervention's years, each with its share of the cost (paid evenly over the
    intervention) discounted to the start; a cost paid at once is all in year 0."""
    length = model.intervention_years
    if length <= 0:
        return [YearRow(0, cost, 0.0, 0.0, -cost, -cost)]
    count = math.ceil(length * (1 - ROUND_OFF))  # 1,33 years: two rows, the last a third
    rows, cumulative = [], 0.0
    for index in range(count):
        span = min(index + 1.0, length) - index
        present = cost / length * float(discounting.present_value_years(
            index, span, model.discount_rate, 0.0))
        cumulative -= present
        rows.append(YearRow(index + 1 - count, cost * span / length, 0.0, 0.0, -present,
                            cumulative))
    return rows


def _summary(figures: Figures, at: At) -> HorizonSummary:
    """The payback analysis' net present value and benefit-cost ratio (undefined for a party
    that paid nothing) of the persons employed for one horizon."""
    return HorizonSummary(at.horizon_years, *(float(figures(name, at)) for name in (
        "benefit", "present_cost", "net_present_value", "benefit_cost_ratio")))
