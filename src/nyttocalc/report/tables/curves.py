"""The payback curves of ``payback --plot`` and the report page: per perspective, the cumulative
value of the break-even number of workers against the cost, year by year."""

from __future__ import annotations

import math

from nyttocalc.core import batch, reasoning
from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis, PerspectiveResult
from nyttocalc.core.registry import At, Figures
from nyttocalc.report.charts.plot import Kind, Mark, Plot, Series
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import years_phrase
from nyttocalc.report.tables.printout import Chart, Curve, CurveRate, Table

CURVE_STEPS = 8  # points per year on a payback curve


def payback_curves(analysis: PaybackAnalysis, lang: str) -> list[Plot | Chart]:
    """Per perspective, at the lowest subsidy rate: the cumulative value (present value) of the
    break-even number of workers for each horizon, against the cost, over the years after the
    intervention; a mark where each pays back (the inverse table's year for that many)."""
    model = analysis.model
    rate = model.unsubsidised_rate
    plots: list[Plot | Chart] = []
    last = model.delay_years + max(model.horizons_years)
    figures = batch.figures(model)
    explained = Figures(reasoning.explained(model))
    for result in analysis.perspectives:
        perspective = result.perspective
        party = perspective.labels.get(lang, perspective.key)
        curve = _curve(model, result, party, explained)
        cost = curve.cost.value
        paid_back = {(r.subsidy_rate, r.persons): r.paid_back_after_years.value
                     for r in result.payback_by_persons}
        series, marks = [], []
        for row in result.break_even:
            if row.subsidy_rate != rate or is_never(row.persons_whole.value):
                continue
            persons = row.persons_whole.value
            points = []
            for step in range(int(last * CURVE_STEPS) + 1):
                t = step / CURVE_STEPS
                worked = min(max(t - model.delay_years, 0.0), row.horizon_years)
                points.append((t, float(figures("benefit", At(
                    perspective.key, subsidy_rate=rate, horizon_years=worked, persons=persons)))))
            name = label("curve.series", lang, persons=numbers.number(persons, lang),
                         horizon=years_phrase(row.horizon_years, lang))
            series.append(Series(name, tuple(points)))
            year = paid_back.get((rate, int(persons)), math.inf)
            if math.isfinite(year):
                marks.append(Mark(year, cost, label("curve.crossed", lang)))
        title = label("title.curve", lang, rate=numbers.percent(rate, lang, 0), perspective=party)
        if not series:  # nothing pays back at this rate within any horizon: say so
            plots.append(Chart(title, (label("curve.never", lang),), curve=curve))
            continue
        plots.append(Plot(
            title, Kind.LINES, label("curve.x", lang), label("curve.y", lang), None, Unit.SEK,
            tuple(series), _curve_table(title, series, cost, lang), lang,
            level=cost, level_name=f"{label('curve.cost', lang)} {numbers.amount(cost, lang)}",
            marks=tuple(marks), curve=curve))
    return plots


def _curve(model: Model, result: PerspectiveResult, name: str, explained: Figures) -> Curve:
    """The curves' figures, for a page's script: the benefit and the payback year asked for at a
    count of persons and a horizon the scenario does not list, so that both are terms of their
    own (a listed horizon would be read from the scenario) that the script replaces."""
    key = result.perspective.key
    persons, years = float(model.participants), max(model.horizons_years) + 1.0
    return Curve(name, result.cost, explained("present_cost", At(key)), tuple(CurveRate(
        tuple(row.persons_whole for row in result.break_even if row.subsidy_rate == rate),
        explained("benefit", At(key, subsidy_rate=rate, horizon_years=years, persons=persons)),
        explained("paid_back_after_years", At(key, subsidy_rate=rate, persons=persons)))
        for rate in model.subsidy_rates))


def _curve_table(title: str, series: list[Series], cost: float, lang: str) -> Table:
    """The curves at whole years: the chart's text alternative."""
    whole = [i for i, (t, _) in enumerate(series[0].points) if float(t).is_integer()]
    rows = tuple((numbers.number(series[0].points[i][0], lang, 0),
                  *(numbers.amount(s.points[i][1], lang) for s in series),
                  numbers.amount(cost, lang)) for i in whole)
    return Table(title, (label("col.year", lang), *(s.name for s in series),
                         label("cost", lang)), rows)
