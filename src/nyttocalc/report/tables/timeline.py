"""Reports over time: the year-by-year timeline, and the payback curve of ``payback --plot``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from nyttocalc import __version__
from nyttocalc.core import arrays
from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.core.registry import At
from nyttocalc.core.timeline import PerspectiveTimeline
from nyttocalc.report.charts.plot import Kind, Mark, Plot, Series
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.machine.as_json import csv_number, csv_writer, dumps, finite, scenario_json
from nyttocalc.report.tables.payback import Chart, Document, Table, run_header, years_phrase
from nyttocalc.run import RunInfo

CURVE_STEPS = 8  # points per year on a payback curve


def _name(t: PerspectiveTimeline, lang: str) -> str:
    return t.perspective.labels.get(lang, t.perspective.key)


def timeline_document(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo,
                      lang: str) -> Document:
    tables: list[Table | Chart | Plot] = []
    for t in timelines:
        tables += _timeline_tables(t, model, lang)
    return Document(run.title, _timeline_header(timelines, run, lang), tuple(tables))


def timeline_parts(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo,
                   lang: str, parties: Sequence[str]) -> tuple[Document, Document]:
    """For a report: the year-by-year tables of the ``parties`` named first; the net present
    values per horizon, and the other parties' years, as detail."""
    main: list[Table | Chart | Plot] = []
    detail: list[Table | Chart | Plot] = []
    for t in timelines:
        years, values = _timeline_tables(t, model, lang)
        if t.perspective.key in parties:
            main.append(years)
        else:
            detail.append(years)
        detail.append(values)
    return (Document(run.title, _timeline_header(timelines, run, lang), tuple(main)),
            Document(run.title, (), tuple(detail)))


def _timeline_header(timelines: tuple[PerspectiveTimeline, ...], run: RunInfo,
                     lang: str) -> tuple[str, ...]:
    first = timelines[0]
    return (*run_header(run, lang),
            label("header.persons", lang, persons=numbers.number(first.persons, lang),
                  rate=numbers.percent(first.subsidy_rate, lang, 0)))


def _timeline_tables(t: PerspectiveTimeline, model: Model, lang: str) -> tuple[Table, Table]:
    """A perspective's year-by-year table, and its net present value per horizon."""
    def money(x: float) -> str:
        return numbers.amount(x, lang)

    rows = tuple((str(r.year), money(r.cost), numbers.number(r.person_years, lang),
                  money(r.value), money(r.present_value_net),
                  money(r.cumulative_present_value_net)) for r in t.rows)
    notes = [_years_note(t, model, lang),
             label("note.never_paid_back", lang) if is_never(t.payback_year) else
             label("note.payback", lang,
                   year=numbers.figure(t.payback_year, Unit.YEARS, lang))]
    if t.counterfactual > 0 and t.additional == 0:
        notes.append(label("note.no_additional", lang,
                           persons=numbers.number(t.persons, lang),
                           counterfactual=numbers.number(t.counterfactual, lang)))
    years = Table(
        label("title.timeline", lang, perspective=_name(t, lang)),
        tuple(label(k, lang) for k in ("col.year", "cost", "col.person_years", "col.value",
                                       "col.pv_net", "col.cumulative")),
        rows, tuple(notes))
    values = Table(
        label("title.npv", lang, perspective=_name(t, lang)),
        tuple(label(k, lang) for k in ("horizon_years", "col.pv_benefit", "col.pv_cost",
                                       "col.npv", "col.bcr")),
        tuple((numbers.years(h.horizon_years, lang), money(h.present_value_benefit),
               money(h.present_value_cost), money(h.net_present_value),
               numbers.figure(h.benefit_cost_ratio, Unit.MULTIPLE, lang))
              for h in t.horizons))
    return years, values


def _years_note(t: PerspectiveTimeline, model: Model, lang: str) -> str:
    rate = numbers.percent(model.discount_rate, lang)
    first = t.rows[0].year
    if first == 0:
        return label("note.year0", lang, rate=rate)
    return label("note.years", lang, first=first, rate=rate,
                 length=numbers.years(model.intervention_years, lang))


def timeline_json(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo) -> str:
    document: dict[str, Any] = {
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "discount_rate": model.discount_rate,
        "perspectives": [{
            "key": t.perspective.key, "subsidy_rate": t.subsidy_rate, "persons": t.persons,
            "counterfactual_persons": t.counterfactual,
            "additional_persons": t.additional,
            "value_per_person_year": t.value_per_person_year,
            "payback_year": finite(t.payback_year),
            "years": [{"year": r.year, "cost": r.cost, "person_years": r.person_years,
                       "value": r.value, "present_value_net": r.present_value_net,
                       "cumulative_present_value_net": r.cumulative_present_value_net}
                      for r in t.rows],
            "horizons": [{"horizon_years": h.horizon_years,
                          "present_value_benefit": h.present_value_benefit,
                          "present_value_cost": h.present_value_cost,
                          "net_present_value": h.net_present_value,
                          "benefit_cost_ratio": finite(h.benefit_cost_ratio)}
                         for h in t.horizons],
        } for t in timelines],
    }
    return dumps(document)


def timeline_csv(timelines: tuple[PerspectiveTimeline, ...], lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang, ["perspective", "year", "cost", "person_years", "value",
                                       "present_value_net", "cumulative_present_value_net"])
    for t in timelines:
        for r in t.rows:
            writer.writerow([t.perspective.key, r.year, *(csv_number(x, swedish) for x in (
                r.cost, r.person_years, r.value, r.present_value_net,
                r.cumulative_present_value_net))])
    return buffer.getvalue()


def payback_curves(analysis: PaybackAnalysis, lang: str) -> list[Plot | Chart]:
    """Per perspective, at the lowest subsidy rate: the cumulative value (present value) of the
    break-even number of workers for each horizon, against the cost, over the years after the
    intervention; a mark where each pays back (the inverse table's year for that many)."""
    model = analysis.model
    rate = model.unsubsidised_rate
    plots: list[Plot | Chart] = []
    last = model.delay_years + max(model.horizons_years)
    figures = arrays.figures(model)
    for result in analysis.perspectives:
        perspective = result.perspective
        cost = float(figures("present_cost", At(perspective.key)))
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
        title = label("title.curve", lang, rate=numbers.percent(rate, lang, 0),
                      perspective=perspective.labels.get(lang, perspective.key))
        if not series:  # nothing pays back at this rate within any horizon: say so
            plots.append(Chart(title, (label("curve.never", lang),)))
            continue
        plots.append(Plot(
            title, Kind.LINES, label("curve.x", lang), label("curve.y", lang), None, Unit.SEK,
            tuple(series), _curve_table(title, series, cost, lang), lang,
            level=cost, level_name=f"{label('curve.cost', lang)} {numbers.amount(cost, lang)}",
            marks=tuple(marks)))
    return plots


def _curve_table(title: str, series: list[Series], cost: float, lang: str) -> Table:
    """The curves at whole years: the chart's text alternative."""
    whole = [i for i, (t, _) in enumerate(series[0].points) if float(t).is_integer()]
    rows = tuple((numbers.number(series[0].points[i][0], lang, 0),
                  *(numbers.amount(s.points[i][1], lang) for s in series),
                  numbers.amount(cost, lang)) for i in whole)
    return Table(title, (label("col.year", lang), *(s.name for s in series),
                         label("cost", lang)), rows)
