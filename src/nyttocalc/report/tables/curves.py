"""The payback curves of ``payback --plot`` and the report page: per perspective, the cumulative
value of the break-even number of workers against the cost, year by year, as the core computes
them (``core.curves``), with their labels, numbers and the chart's table."""

from __future__ import annotations

from nyttocalc.core import curves as core
from nyttocalc.core.figures import Unit
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import years_phrase
from nyttocalc.report.tables.printout import Chart, Curve, Kind, Mark, Plot, Series, Table


def payback_curves(analysis: PaybackAnalysis, lang: str,
                   page: bool = False) -> list[Plot | Chart]:
    """Per perspective, at the lowest subsidy rate: the cumulative value (present value) of the
    break-even number of workers for each horizon, against the cost, over the years after the
    intervention; a mark where each pays back (the inverse table's year for that many). For a
    ``page``, each carries the figures its script draws the curves again from."""
    plots: list[Plot | Chart] = []
    explained = core.curve_figures(analysis) if page else (None,) * len(analysis.perspectives)
    for result, party, figures in zip(analysis.perspectives, core.payback_curves(analysis),
                                      explained, strict=True):
        perspective = result.perspective
        name = perspective.labels.get(lang, perspective.key)
        curve = Curve(name, result.cost, figures) if figures is not None else None
        cost = party.cost
        title = label("title.curve", lang, rate=numbers.percent(party.subsidy_rate, lang, 0),
                      perspective=name)
        if not party.curves:  # nothing pays back at this rate within any horizon: say so
            plots.append(Chart(title, (label("curve.never", lang),), curve=curve))
            continue
        series = [Series(label("curve.series", lang, persons=numbers.number(c.persons, lang),
                               horizon=years_phrase(c.horizon_years, lang)), c.points)
                  for c in party.curves]
        marks = tuple(Mark(c.paid_back_after, cost, label("curve.crossed", lang))
                      for c in party.curves if c.crosses)
        plots.append(Plot(
            title, Kind.LINES, label("curve.x", lang), label("curve.y", lang), None, Unit.SEK,
            tuple(series), _curve_table(title, series, cost, lang), lang,
            level=cost, level_name=f"{label('curve.cost', lang)} {numbers.amount(cost, lang)}",
            marks=marks, curve=curve))
    return plots


def _curve_table(title: str, series: list[Series], cost: float, lang: str) -> Table:
    """The curves at whole years: the chart's text alternative."""
    whole = [i for i, (t, _) in enumerate(series[0].points) if float(t).is_integer()]
    rows = tuple((numbers.number(series[0].points[i][0], lang, 0),
                  *(numbers.amount(s.points[i][1], lang) for s in series),
                  numbers.amount(cost, lang)) for i in whole)
    return Table(title, (label("col.year", lang), *(s.name for s in series),
                         label("cost", lang)), rows)
