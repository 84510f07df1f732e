"""The payback curves: per perspective, at the lowest subsidy rate, how the value of the
break-even number of workers adds up, year by year after the intervention, against the cost.

The figures are the registry's, asked for at many horizons; this module only decides which
(the points along a curve, which rows get one, where each crosses the cost), so that every
output draws the same curves and a page's script recomputes the same points. Labels, numbers
and charts are the presentation's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nyttocalc.core import batch, reasoning
from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure
from nyttocalc.core.payback import PaybackAnalysis, PerspectiveResult
from nyttocalc.core.registry import At, Figures

# Points per year along a curve: enough for the curve to look smooth and for whole years (the
# chart's table) to fall on points. A page's script draws its curves with as many.
CURVE_STEPS = 8


@dataclass(frozen=True)
class PaybackCurve:
    """The break-even number of workers for one horizon, as they pay back over time.

    ``points``: (years after the end of the intervention, cumulative benefit in present value),
    from 0 to the delay plus the longest horizon, ``CURVE_STEPS`` a year; the benefit stops
    growing once the persons have worked ``horizon_years``, so all curves share their times.
    ``paid_back_after``: the year after the end of the intervention in which these persons
    have paid back the cost (the inverse table's year, where the curve reaches the cost);
    ``math.inf`` where that table has no such year (more persons than the cohort holds)."""

    horizon_years: float
    persons: float
    points: tuple[tuple[float, float], ...]
    paid_back_after: float

    @property
    def crosses(self) -> bool:
        """Whether the year it reaches the cost is known: a point to mark on the curve."""
        return math.isfinite(self.paid_back_after)


@dataclass(frozen=True)
class PartyCurves:
    """A perspective's payback curves at one subsidy rate (the lowest), against its ``cost``
    in present value: the level they must reach. No curves where no number of workers pays
    back within any horizon at that rate."""

    perspective: str
    subsidy_rate: float
    cost: float
    curves: tuple[PaybackCurve, ...]


@dataclass(frozen=True)
class RateFigures:
    """A perspective's curve figures at one listed subsidy rate, explained, for a page's
    script to compute the curves again for other inputs: the whole persons needed for each
    horizon (``wholes``), and the benefit and the payback year of a count of persons and a
    horizon of the curve's own (``benefit``, ``paid_back_after``)."""

    subsidy_rate: float
    wholes: tuple[Figure, ...]
    benefit: Figure
    paid_back_after: Figure


@dataclass(frozen=True)
class CurveFigures:
    """What a page's script draws a perspective's curves again from: its cost in present value
    (``cost``) and its figures per listed subsidy rate, in the scenario's order."""

    perspective: str
    cost: Figure
    rates: tuple[RateFigures, ...]


def payback_curves(analysis: PaybackAnalysis) -> tuple[PartyCurves, ...]:
    """Per perspective, in the analysis' order, at the lowest subsidy rate: a curve for each
    horizon whose break-even number of workers is not never (a count that never pays back has
    nothing to draw), in the order of the horizons."""
    model = analysis.model
    rate = model.unsubsidised_rate
    figures = batch.figures(model)
    last = model.delay_years + max(model.horizons_years)
    times = [step / CURVE_STEPS for step in range(int(last * CURVE_STEPS) + 1)]
    parties = []
    for result in analysis.perspectives:
        key = result.perspective.key
        paid_back = {(r.subsidy_rate, r.persons): r.paid_back_after_years.value
                     for r in result.payback_by_persons}
        curves = []
        for row in result.break_even:
            if row.subsidy_rate != rate or is_never(row.persons_whole.value):
                continue
            persons = row.persons_whole.value
            points = tuple((t, float(figures("benefit", At(
                key, subsidy_rate=rate, horizon_years=_worked(t, model.delay_years,
                                                              row.horizon_years),
                persons=persons)))) for t in times)
            curves.append(PaybackCurve(row.horizon_years, persons, points,
                                       paid_back.get((rate, int(persons)), math.inf)))
        parties.append(PartyCurves(key, rate, float(figures("present_cost", At(key))),
                                   tuple(curves)))
    return tuple(parties)


def curve_figures(analysis: PaybackAnalysis) -> tuple[CurveFigures, ...]:
    """Per perspective, in the analysis' order: the figures a page's script computes the
    curves from. The benefit and the payback year are asked for at a count of persons (the
    cohort's) and a horizon (a year beyond the longest) the scenario does not list, so that
    both are terms of their own (a listed horizon would be read from the scenario) that the
    script replaces with each curve's."""
    model = analysis.model
    explained = Figures(reasoning.explained(model))
    return tuple(_explained(result, explained) for result in analysis.perspectives)


def _explained(result: PerspectiveResult, explained: Figures) -> CurveFigures:
    model = explained.model
    key = result.perspective.key
    persons, years = float(model.participants), max(model.horizons_years) + 1.0
    return CurveFigures(key, explained("present_cost", At(key)), tuple(RateFigures(
        rate,
        tuple(row.persons_whole for row in result.break_even if row.subsidy_rate == rate),
        explained("benefit", At(key, subsidy_rate=rate, horizon_years=years, persons=persons)),
        explained("paid_back_after_years", At(key, subsidy_rate=rate, persons=persons)))
        for rate in model.subsidy_rates))


def _worked(t: float, delay: float, horizon: float) -> float:
    """The years the persons have worked ``t`` years after the end of the intervention: none
    during the delay before they start, at most the horizon."""
    return min(max(t - delay, 0.0), horizon)
