"""What the report page shows, in a reader's order: the answer; the results per party; what
moves them and how uncertain they are; year by year; the published figures; and, as an
appendix, the inputs with their sources and assumptions.

Parties the move does not touch, or that paid nothing, get no chart and no empty table: the
answer says in one line what concerns them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from nyttocalc.app.report import ReportParts
from nyttocalc.core.arith import is_never
from nyttocalc.core.claims import ClaimResult, Verdict
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.uncertainty import Uncertainty
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import rate_text
from nyttocalc.report.page.answer import MINUS, Answer, Drivers, answer, observed_table
from nyttocalc.report.page.whatif.panel import WhatIf, controls
from nyttocalc.report.tables.check import check_printout
from nyttocalc.report.tables.curves import payback_curves
from nyttocalc.report.tables.payback import payback_details, payback_summary
from nyttocalc.report.tables.printout import Kind, Plot, Printout, Series, Table
from nyttocalc.report.tables.simulation import simulation_parts
from nyttocalc.report.tables.timeline import timeline_parts
from nyttocalc.run import RunInfo


@dataclass(frozen=True)
class Section:
    key: str  # the anchor of the section
    heading: str
    printouts: tuple[Printout, ...]
    note: str = ""  # said where there is nothing to show
    print_only: bool = False  # on screen each chart's data folds beside it instead


@dataclass(frozen=True)
class Page:
    answer: Answer
    sections: tuple[Section, ...]
    whatif: WhatIf | None = None  # what the reader may move, where scripts run


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's row in the page (``check_printout`` with ``named``)."""
    return f"claim-{claim_id}"


def report_page(parts: ReportParts, model: Model, uncertainty: Uncertainty | None,
                run: RunInfo, lang: str) -> Page:
    analysis = parts.analysis
    first = answer(analysis, run, lang, claims=parts.claims, drivers=parts.drivers,
                   chances=parts.chances, expected=parts.expected,
                   claim_anchor={r.claim.id: claim_anchor(r.claim.id) for r in parts.claims})
    paying = [r.perspective.key for r in analysis.perspectives if r.has_cost]
    curves = tuple(payback_curves(analysis, lang, page=True))  # none where nothing is paid
    observed = observed_table(analysis, lang) if analysis.outcomes is not None else None
    sections = [Section("results", label("html.results", lang), (
        payback_summary(analysis, run, lang, alternatives=True),
        Printout("", (), (observed,) if observed is not None else ()),
        Printout("", (), curves)))]
    details = [payback_details(analysis, run, lang)]
    uncertain: list[Printout] = []
    if parts.simulation is not None and uncertainty is not None:
        main, detail = simulation_parts(parts.simulation, model, uncertainty, run,
                                                   lang, paying)
        uncertain.append(main)
        details.append(detail)
    if parts.drivers:
        tornados, tables = drivers_printouts(parts.drivers, analysis.model, run, lang)
        uncertain.append(tornados)
        details.append(tables)
    if uncertain:
        sections.append(Section("uncertainty", label("html.uncertainty", lang),
                                tuple(uncertain)))
    timeline, timeline_detail = _timeline_section(parts, model, run, lang, paying)
    sections.append(timeline)
    details += timeline_detail
    if parts.claims:
        published = check_printout(parts.claims, run, lang, named=True)
        sections.append(Section("claims", label("html.check", lang), (
            _not_following(published, parts.claims, lang),)))
        details.append(published)
    sections.append(Section("details", label("html.details", lang), tuple(details)))
    charts = tuple(item.table for section in sections for printout in section.printouts
                   for item in printout.tables if isinstance(item, Plot))
    if charts:
        sections.append(Section("chart-data", label("html.chart_data", lang),
                                (Printout("", (), charts),), print_only=True))
    return Page(first, tuple(sections), WhatIf(
        controls(model, parts.drivers, run, parts.tied_groups, lang), analysis))


def _not_following(published: Printout, claims: Sequence[ClaimResult], lang: str) -> Printout:
    """The claims that do not follow, or follow only through the report's own rounding, with
    the arithmetic; every claim is in the appendix."""
    table = published.tables[0]
    assert isinstance(table, Table)
    keep = [i for i, r in enumerate(claims)
            if r.verdict in (Verdict.DOES_NOT_FOLLOW, Verdict.ROUNDING_CHAIN)]
    return Printout(published.title, published.header, (replace(
        table, title=label("title.check_failing", lang),
        rows=tuple(table.rows[i] for i in keep),
        anchors=tuple(table.anchors[i] for i in keep)),))


def _timeline_section(parts: ReportParts, model: Model, run: RunInfo, lang: str,
                      paying: Sequence[str]) -> tuple[Section, list[Printout]]:
    heading = label("html.timeline", lang)
    if parts.timelines is None:
        nobody = parts.employed == 0
        return Section("timeline", heading, (), label(
            "html.nobody_employed" if nobody else "html.no_timeline", lang,
            participants=model.participants)), []
    main, detail = timeline_parts(parts.timelines, model, run, lang, paying)
    return Section("timeline", heading, (main,)), [detail]


def drivers_printouts(found: Sequence[Drivers], model: Model, run: RunInfo,
                      lang: str) -> tuple[Printout, Printout]:
    """Per paying party: how far each input, moved down and up, moves its payback time, as a
    tornado, and as a table for the appendix; the inputs by their names in words."""
    items: list[Table | Plot] = []
    tables: list[Table | Plot] = []
    for drivers in found:
        name = next(p.labels.get(lang, p.key) for p in model.perspectives
                    if p.key == drivers.party)
        share = numbers.percent(drivers.share, lang, 0)
        title = label("title.drivers", lang, perspective=name,
                      persons=numbers.number(drivers.persons, lang),
                      rate=rate_text(drivers.rate, lang))
        base = numbers.figure(drivers.base, Unit.YEARS, lang)
        names = [_input_name(run, e.variation.path) for e in drivers.effects]
        rows = tuple((what, _given(run, e.variation.path, e.variation.base, lang),
                      _years(e.at_low, lang), _years(e.at_high, lang))
                     for what, e in zip(names, drivers.effects, strict=True))
        headers = (label("col.input", lang), label("col.base_value", lang),
                   label("col.years_at", lang, change=f"{MINUS}{share}"),
                   label("col.years_at", lang, change=f"+{share}"))
        tables.append(Table(title, headers, rows, (label("note.drivers", lang, base=base,
                                                         share=share),), numeric_from=1))
        shown = [(n, e) for n, e in zip(names, drivers.effects, strict=True)
                 if not is_never(e.at_low) and not is_never(e.at_high)]
        if shown:
            ends = (label("tornado.low", lang, by=share), label("tornado.high", lang, by=share))
            series = tuple(Series(end, tuple((float(i), getattr(e, at) - drivers.base)
                                             for i, (_, e) in enumerate(shown)))
                           for end, at in zip(ends, ("at_low", "at_high"), strict=True))
            table = Table(title, (label("col.input", lang), *ends), tuple(
                (n, numbers.figure(e.at_low - drivers.base, Unit.YEARS, lang),
                 numbers.figure(e.at_high - drivers.base, Unit.YEARS, lang)) for n, e in shown))
            items.append(Plot(label("title.drivers_tornado", lang, perspective=name),
                              Kind.TORNADO, label("col.input", lang),
                              label("tornado.years", lang, base=base), None, Unit.YEARS,
                              series, table, lang, categories=tuple(n for n, _ in shown),
                              notes=(label("note.drivers", lang, base=base, share=share),)))
    return Printout(run.title, (), tuple(items)), Printout(run.title, (), tuple(tables))


def _input_name(run: RunInfo, path: str) -> str:
    info = run.input(path)
    return str(info.name) if info is not None and info.name else path


def _given(run: RunInfo, path: str, value: float, lang: str) -> str:
    info = run.input(path)
    unit = info.unit if info is not None else Unit.NUMBER
    return numbers.as_given(value, unit, lang)[0]


def _years(value: float, lang: str) -> str:
    return numbers.figure(value, Unit.YEARS, lang)
