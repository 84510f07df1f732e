"""``timeline`` as printed: per perspective, each year's cost, work, value and cumulative net
value, and each horizon's net present value and benefit-cost ratio."""

from __future__ import annotations

from collections.abc import Sequence

from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.timeline import PerspectiveTimeline
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.tables.printout import Chart, Plot, Printout, Table, run_header
from nyttocalc.run import RunInfo


def _name(t: PerspectiveTimeline, lang: str) -> str:
    return t.perspective.labels.get(lang, t.perspective.key)


def timeline_printout(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo,
                      lang: str) -> Printout:
    tables: list[Table | Chart | Plot] = []
    for t in timelines:
        tables += _timeline_tables(t, model, lang)
    return Printout(run.title, _timeline_header(timelines, run, lang), tuple(tables))


def timeline_parts(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo,
                   lang: str, parties: Sequence[str]) -> tuple[Printout, Printout]:
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
    return (Printout(run.title, _timeline_header(timelines, run, lang), tuple(main)),
            Printout(run.title, (), tuple(detail)))


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
