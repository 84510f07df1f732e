"""``payback`` as printed: per perspective, the cost and value, the break-even tables, the
mixes and the long view, with ``--explain`` every figure's arithmetic, and the key figures.

Built once, then drawn by ``render`` as rich tables or Markdown. (JSON and CSV are built from the
analysis directly by ``machine``, with unrounded numbers.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure, Unit
from nyttocalc.core.ledger import Ledger
from nyttocalc.core.payback import (
    KeyFigures,
    OutcomesAnalysis,
    PaybackAnalysis,
    PerspectiveResult,
    Row,
    outlook,
)
from nyttocalc.core.registry import key_figures
from nyttocalc.core.transitions import Outcomes
from nyttocalc.report.language import numbers
from nyttocalc.report.language.explained import arithmetic, symbolic
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import exactly, rate_text, years_phrase
from nyttocalc.report.rows import parts
from nyttocalc.report.tables.printout import (
    RATE,
    YEARS,
    Chart,
    Echo,
    Note,
    Printout,
    Showing,
    Shown,
    Table,
    horizon_echo,
    rate_echo,
    run_header,
    shown,
)
from nyttocalc.run import RunInfo

if TYPE_CHECKING:
    from nyttocalc.report.tables.printout import Plot


def payback_printout(analysis: PaybackAnalysis, run: RunInfo, lang: str,
                     explain: bool = False, curves: bool = False) -> Printout:
    """The break-even tables; with ``curves`` (``--plot``), the payback curves after them."""
    tables: list[Table | Chart | Plot] = []
    if analysis.model.ledger is not None:
        tables.append(_who_gains(analysis, analysis.model.ledger, lang))
    for result in analysis.perspectives:
        tables += _summary_tables(result, analysis, lang)
        tables += _detail_tables(result, analysis, lang)
        if explain:
            tables.append(explain_table(result, lang))
    if analysis.outcomes is not None:
        tables += outcome_tables(analysis, lang)
        if explain:
            tables.append(_explained_outcomes(analysis, lang))
    if curves:
        from nyttocalc.report.tables.curves import payback_curves

        tables += payback_curves(analysis, lang)
    return Printout(run.title, _header(analysis, run, lang), tuple(tables))


def payback_summary(analysis: PaybackAnalysis, run: RunInfo, lang: str,
                    alternatives: bool = False) -> Printout:
    """The tables a reader of a report needs per party: what each pays and gains, and how many
    must work; the rest is in ``payback_details``. With ``alternatives``, the tables of a party
    that pays for something if it paid and if it did not, each ``when`` it applies (a page
    shows the one that does, and its script the other where other inputs make it so)."""
    tables: list[Table] = []
    if analysis.model.ledger is not None:
        tables.append(_who_gains(analysis, analysis.model.ledger, lang))
    for result in analysis.perspectives:  # a party that paid nothing: no table of no cost
        if alternatives and (result.has_cost or result.perspective.cost_items):
            cost = result.summary.cost
            tables += [replace(t, when=(cost, True)) for t in _summary_tables(
                result, analysis, lang, paid=True)]
            tables.append(replace(_without_cost(result, analysis, lang), when=(cost, False)))
        else:
            tables += (_summary_tables(result, analysis, lang) if result.has_cost
                       else [_without_cost(result, analysis, lang)])
    return Printout(run.title, _header(analysis, run, lang), tuple(tables))


def payback_details(analysis: PaybackAnalysis, run: RunInfo, lang: str) -> Printout:
    """The tables behind ``payback_summary``: the inverse tables, the mixes, and NyttoSAM's key
    figures per group. A paying party's tables are shown ``when`` it pays (a page's script
    hides them where other inputs make it pay nothing)."""
    tables = [replace(t, when=(r.summary.cost, True)) for r in analysis.perspectives
              for t in _detail_tables(r, analysis, lang)]
    if analysis.outcomes is not None:
        tables += outcome_tables(analysis, lang)
    return Printout(run.title, (), tuple(tables))


def _summary_tables(result: PerspectiveResult, analysis: PaybackAnalysis,
                    lang: str, paid: bool = False) -> list[Table]:
    """The cost and value, and the break-even counts; ``paid``: as if the party paid."""
    if not result.has_cost and not paid:  # nothing to pay back: what work brings is all
        return [_costs(result, analysis, lang), _without_cost(result, analysis, lang)]
    return [_costs(result, analysis, lang), _break_even(result, analysis, lang)]


def _detail_tables(result: PerspectiveResult, analysis: PaybackAnalysis,
                   lang: str) -> list[Table]:
    if not result.has_cost:
        return []
    return [_by_persons(result, analysis, lang), *_mixes(result, analysis, lang),
            *(table for name, rows in result.groups().items() if name not in LAID_OUT and rows
              for table in group_tables(result, name, rows, lang))]


# The result groups with a table of their own; any other is drawn by ``group_table``.
LAID_OUT = ("summary", "values", "break_even", "payback_by_persons", "mixes")


def group_tables(result: PerspectiveResult, group: str, rows: tuple[Row, ...],
                 lang: str) -> list[Table]:
    """A result group without a layout of its own: with three dimensions or more, a table per
    value of the first (a subsidy rate), so that a table fits a page."""
    dims = list(rows[0].dims)
    if len(dims) < 3:
        return [group_table(result, group, rows, lang)]
    first = dims[0]
    by_value: dict[float, list[Row]] = {}
    for row in rows:
        by_value.setdefault(row.dims[first], []).append(row)
    return [group_table(result, group, tuple(rows_at), lang, (first, value))
            for value, rows_at in by_value.items()]


def group_table(result: PerspectiveResult, group: str, rows: tuple[Row, ...], lang: str,
                fixed: tuple[str, float] | None = None) -> Table:
    """A row per value of the group's last dimension, a column per combination of the others
    (but ``fixed``, which the title names), and in each cell the group's figures, the first one
    and the others in brackets (``−1,95 mkr (0,29 ggr)``)."""
    *across, down = (d for d in rows[0].dims if fixed is None or d != fixed[0])
    cells: dict[tuple[float, ...], dict[float, str]] = {}
    for row in rows:
        text = Shown([(fig, Showing(fig.unit)) for fig in row.figures.values()], lang)
        cells.setdefault(tuple(row.dims[d] for d in across), {})[row.dims[down]] = text
    downs = dict.fromkeys(v for column in cells.values() for v in column)
    headers = (label(down, lang), *(_heading(dict(zip(across, column, strict=True)), lang)
                                    for column in cells))
    body = tuple((numbers.number(v, lang, 0), *(column.get(v, "") for column in cells.values()))
                 for v in downs)
    names = [_lower(label(name, lang)) for name in rows[0].figures]
    note = label("note.group_cell", lang,
                 figures=names[0] + "".join(f" ({name})" for name in names[1:]))
    title = _lower(label(f"group.{group}", lang))
    if fixed is not None:
        title += f", {_dim(*fixed, lang)}"
    # its title and headings say the values of its dimensions
    return Table(_title("title.group", result, lang, group=title), headers, body, (note,),
                 follows=False)


def _heading(dims: dict[str, float], lang: str) -> str:
    """A column's dimensions, short: ``3 years at 80%``."""
    rate = dims.pop("subsidy_rate", None)
    text = ", ".join(years_phrase(v, lang) if k == "horizon_years" else _dim(k, v, lang)
                     for k, v in dims.items())
    if rate is None:
        return text
    return label("col.at_rate", lang, label=text, rate=rate_text(rate, lang)) if text else (
        rate_text(rate, lang))


def _lower(text: str) -> str:
    """A label inside a sentence: its first letter small."""
    return text[:1].lower() + text[1:]


def _header(analysis: PaybackAnalysis, run: RunInfo, lang: str) -> tuple[str, ...]:
    model = analysis.model
    lines = [
        *run_header(run, lang)[:1],
        Echo("cohort.delay_years", model.delay_years, YEARS, lang, "header.cohort", "delay",
             participants=model.participants,
             fte=Echo("cohort.full_time_equivalent", model.full_time_equivalent, RATE, lang)),
        *run_header(run, lang)[1:],
    ]
    if run.assumptions:
        lines.append(f"{label('header.assumptions', lang)}:")
        reasons: dict[str, list[str]] = {}  # one reason given for several inputs is said once
        for a in run.assumptions:
            reasons.setdefault(a.reason, []).append(f"{a.path} = {_value(a.value, a.unit, lang)}")
        lines += [f"  {', '.join(values)}: {reason}" for reason, values in reasons.items()]
    return tuple(lines)


def _value(value: object, unit: Unit, lang: str) -> str:
    """An input's value as the file gives it (34,05 %, not 34,1 %)."""
    if isinstance(value, list):
        return ", ".join(_value(v, unit, lang) for v in value)
    if isinstance(value, int | float):
        return exactly(float(value), unit, lang)
    return str(value)


def _title(key: str, result: PerspectiveResult, lang: str, **values: object) -> str:
    name = result.perspective.labels.get(lang, result.perspective.key)
    return label(key, lang, perspective=name, **values)


def _cell(fig: Figure, lang: str) -> str:
    return shown(fig, lang)


def _costs(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    model = analysis.model
    years = numbers.years(model.long_view_years, lang)
    rows = [
        (label("cost", lang), _cell(result.summary.cost, lang)),
        (label("row.write_off", lang, years=numbers.years(model.write_off_years, lang)),
         _cell(result.summary.annual_write_off, lang)),
    ]
    rates = model.subsidy_rates
    for value in result.values:
        rows.append((rate_echo(rates, value.subsidy_rate, lang, "row.value"),
                     _cell(value.value_per_person_year, lang)))
    for value in result.values:
        rows.append((rate_echo(rates, value.subsidy_rate, lang, "row.long_view", years=years),
                     _cell(value.long_view_value, lang)))
        rows.append((label("row.multiple", lang), _cell(value.long_view_multiple, lang)))
    return Table(_title("title.costs", result, lang),
                 (label("col.figure", lang), label("col.value", lang)), tuple(rows))


def _break_even(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    first = parts(result.break_even[0])
    headers = [label(k, lang) for k in (*first.dims, *first.figures)]
    rows = []
    model = analysis.model
    for row in result.break_even:
        p = parts(row)
        cells: list[str] = [rate_echo(model.subsidy_rates, row.subsidy_rate, lang),
                            horizon_echo(model.horizons_years, row.horizon_years, lang)]
        for key, fig in p.figures.items():  # more than the participants: marked
            cells.append(shown(fig, lang, beyond=model.participants) if key == "persons_whole"
                         else _cell(fig, lang))
        rows.append(tuple(cells))
    wholes = tuple(r.persons_whole for r in result.break_even)
    notes = (*_notes(analysis, lang, tuple(f for r in result.break_even
                                           for f in parts(r).figures.values()), wholes),
             *_losing_rates(result, analysis, lang))
    return Table(_title("title.break_even", result, lang), tuple(headers), tuple(rows),
                 tuple(n.text for n in notes if n.holds), numeric_from=1, may_note=notes)


def _by_persons(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    rates = analysis.model.subsidy_rates
    headers = [label("persons", lang)]
    for rate in rates:
        for key in ("years_of_work", "paid_back_after_years"):
            headers.append(rate_echo(rates, rate, lang, "col.at_rate", label=label(key, lang)))
    by_key = {(r.subsidy_rate, r.persons): r for r in result.payback_by_persons}
    rows = []
    for persons in range(1, analysis.model.participants + 1):
        cells = [str(persons)]
        for rate in rates:
            row = by_key[(rate, persons)]
            cells += [_cell(row.years_of_work, lang), _cell(row.paid_back_after_years, lang)]
        rows.append(tuple(cells))
    notes = _notes(analysis, lang, tuple(r.years_of_work for r in result.payback_by_persons))
    return Table(_title("title.payback_by_persons", result, lang), tuple(headers), tuple(rows),
                 tuple(n.text for n in notes if n.holds), may_note=notes)


def _mixes(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> list[Table]:
    tables = []
    horizons = analysis.model.horizons_years
    for rate in analysis.model.subsidised_rates:
        mixes = {(m.horizon_years, m.unsubsidised): m for m in result.mixes
                 if m.subsidy_rate == rate}
        most = max(u for _, u in mixes)
        base = rate_text(analysis.model.unsubsidised_rate, lang)
        headers = [label("col.base", lang, base=base)] + [
            label("col.within", lang, horizon=years_phrase(h, lang)) for h in horizons]
        rows = []
        for unsubsidised in range(most + 1):
            cells = [str(unsubsidised)]
            for horizon in horizons:
                mix = mixes.get((horizon, unsubsidised))
                if mix is None:
                    cells.append("")
                    continue
                text = f"{_cell(mix.subsidised, lang)} ({_cell(mix.total, lang)})"
                if not mix.within_cohort and not is_never(mix.total.value):
                    text += "*"
                cells.append(text)
            rows.append(tuple(cells))
        shown_mixes = list(mixes.values())
        notes = (label("note.mix_cell", lang), *(n.text for n in _notes(
            analysis, lang, tuple(m.subsidised for m in shown_mixes),
            tuple(m.total for m in shown_mixes)) if n.holds))
        tables.append(Table(_title("title.mixes", result, lang, rate=rate_text(rate, lang),
                                   base=base),
                            tuple(headers), tuple(rows), notes, follows=False))
    return tables


def _who_gains(analysis: PaybackAnalysis, ledger: Ledger, lang: str) -> Table:
    """Society and every actor side by side: what each paid for the intervention, and what one
    person-year of the ledger's move brings each, at every subsidy rate."""
    move = label("header.move", lang, before=_state(ledger, ledger.move.before, lang),
                 after=_state(ledger, ledger.move.after, lang))
    parties = [r for r in analysis.perspectives if r.perspective.key in ledger.parties()]
    rates = analysis.model.subsidy_rates
    rows = tuple((r.perspective.labels.get(lang, r.perspective.key), _cell(r.cost, lang),
                  *(_cell(r.value_at(rate), lang) for rate in rates)) for r in parties)
    headers = (label("col.party", lang), label("col.paid", lang),
               *(rate_echo(rates, rate, lang, "col.value_at") for rate in rates))
    return Table(label("title.who_gains", lang, move=move), headers, rows,
                 (label("note.who_gains", lang),))


def _state(ledger: Ledger, key: str, lang: str) -> str:
    return ledger.states[key].labels.get(lang, key)


def _without_cost(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    """A perspective that paid nothing: for each subsidy rate, what an employed person-year
    brings it, from the first year of work, and what that means."""
    words = tuple(label(f"outlook.{kind}", lang) for kind in (
        outlook(0.0, -1.0), outlook(0.0, 0.0), outlook(0.0, 1.0)))
    rows = []
    for value in result.values:
        figure = value.value_per_person_year
        rows.append((rate_echo(analysis.model.subsidy_rates, value.subsidy_rate, lang),
                     shown(figure, lang, words=words), _cell(figure, lang)))
    headers = (label("subsidy_rate", lang), label("col.outlook", lang),
               label("value_per_person_year", lang))
    return Table(_title("title.without_cost", result, lang), headers, tuple(rows),
                 numeric_from=2)


def _losing_rates(result: PerspectiveResult, analysis: PaybackAnalysis,
                  lang: str) -> tuple[Note, ...]:
    """For a perspective that paid and loses by employment at some rate: at which, and how
    much per person-year (its break-even counts there are "never")."""
    rates = analysis.model.subsidy_rates
    return tuple(Note(label("note.loses", lang, rate=rate_text(v.subsidy_rate, lang),
                            amount=numbers.amount(-v.value_per_person_year.value, lang)),
                      "loss", (v.value_per_person_year,),
                      rate=rate_echo(rates, v.subsidy_rate, lang))
                 for v in result.values)


def _notes(analysis: PaybackAnalysis, lang: str, figures: tuple[Figure, ...],
           wholes: tuple[Figure, ...] = ()) -> tuple[Note, ...]:
    """What "*" (more than the participants, where ``wholes`` are counts of whole persons)
    and "never" mean, for a table of ``figures``."""
    participants = analysis.model.participants
    beyond = Note(label("note.beyond", lang, participants=participants), "beyond", wholes,
                  participants)
    return (*((beyond,) if wholes else ()),
            Note(label("note.never", lang), "never", figures))


def explain_table(result: PerspectiveResult, lang: str) -> Table:
    """Every figure of a perspective with its formula and the scenario's numbers filled in."""
    named = []
    for group in result.groups().values():
        for row in group:
            p = parts(row)
            context = ", ".join(_dim(k, v, lang) for k, v in p.dims.items())
            named += [(label(key, lang) + (f" ({context})" if context else ""), fig)
                      for key, fig in p.figures.items()]
    return derivations(_title("title.explain", result, lang), named, lang)


def derivations(title: str, named: list[tuple[str, Figure]], lang: str) -> Table:
    """Each figure as its name, formula and arithmetic; then every figure computed on the way
    that is not among them (a cost in present value, years of work in present value, a
    computed input), each once, so every number can be redone."""
    rows = []
    shown: set[int] = set()
    intermediates: dict[tuple[str, float], Figure] = {}
    for name, fig in named:
        rows.append((name, symbolic(fig), arithmetic(fig, lang)))
        shown.add(id(fig))
        for term in fig.derivation():
            if term.source is not None:
                intermediates.setdefault((term.symbol, term.value), term.source)
    for (symbol, _), fig in intermediates.items():
        if id(fig) not in shown:
            rows.append((symbol, symbolic(fig), arithmetic(fig, lang)))
            shown.add(id(fig))
    headers = (label("col.figure", lang), label("col.formula", lang),
               label("col.arithmetic", lang))
    return Table(title, headers, tuple(rows), numeric_from=3, derivations=True)


# ---- NyttoSAM's key figures -------------------------------------------------------------------

@dataclass(frozen=True)
class OutcomeBlock:
    """One table of key figures: per group, or every group together (``group`` None), a row
    per party (its name and its figures), a column per figure of ``figures``."""

    title: str
    group: str | None
    headers: tuple[str, ...]  # the party's column, then one per figure
    figures: tuple[str, ...]  # the key figures of a group, or of every group together
    rows: tuple[tuple[str, KeyFigures], ...]


def outcome_blocks(analysis: PaybackAnalysis, lang: str) -> list[OutcomeBlock]:
    """Per group, what its moves brought each party in the first year after; then every group
    together against what each party paid: the tables of the report and the workbook."""
    ledger, outcomes, figures = _ledger_and_outcomes(analysis)

    def block(title: str, group: str | None, rows: tuple[KeyFigures, ...]) -> OutcomeBlock:
        names = key_figures(group)
        return OutcomeBlock(title, group, (label("col.party", lang),
                                           *(key_figure_heading(key, lang) for key in names)),
                            names, tuple((_party(ledger, r.party, lang), r) for r in rows))

    blocks = [block(label("group.key_figures_by_group", lang,
                          group=group.labels.get(lang, group.key)),
                    group.key, tuple(e for e in figures.groups if e.group == group.key))
              for group in outcomes.groups]
    return [*blocks, block(label("group.key_figures", lang), None, figures.totals)]


def key_figure_heading(figure: str, lang: str) -> str:
    """A key figure's column: its label; the cost as NyttoSAM's tables head it ("Kostnader")."""
    return label("kf.cost" if figure == "cost" else figure, lang)


def outcome_tables(analysis: PaybackAnalysis, lang: str) -> list[Table]:
    """The key figures as the report's tables; under the last, what each figure means."""
    return [Table(b.title, b.headers,
                  tuple((party, *(_key_figure(getattr(row, key), lang) for key in b.figures))
                        for party, row in b.rows),
                  () if b.group is not None else (label("note.outcomes", lang),))
            for b in outcome_blocks(analysis, lang)]


def _key_figure(fig: Figure, lang: str) -> str:
    """A key figure; an efficiency with nothing to free (undefined) says so."""
    return shown(fig, lang, undefined=label("kf.no_potential", lang))


def _explained_outcomes(analysis: PaybackAnalysis, lang: str) -> Table:
    ledger, _, figures = _ledger_and_outcomes(analysis)
    named = [(f"{key_figure_heading(key, lang)} ({_party(ledger, e.party, lang)}, {e.group})", fig)
             for e in figures.groups for key, fig in e.figures.items()]
    named += [(f"{key_figure_heading(key, lang)} ({_party(ledger, t.party, lang)})", fig)
              for t in figures.totals for key, fig in t.figures.items()]
    return derivations(label("title.outcomes_explain", lang), named, lang)


def _ledger_and_outcomes(analysis: PaybackAnalysis) -> tuple[Ledger, Outcomes,
                                                             OutcomesAnalysis]:
    """An analysis with key figures has the ledger and the groups they come from."""
    model = analysis.model
    if model.ledger is None or model.outcomes is None or analysis.outcomes is None:
        raise ValueError("the analysis has no key figures")
    return model.ledger, model.outcomes, analysis.outcomes


def _party(ledger: Ledger, party: str, lang: str) -> str:
    return ledger.labels(party).get(lang, party)


def _dim(key: str, value: float, lang: str) -> str:
    if key == "subsidy_rate":
        return f"{label(key, lang).lower()} {rate_text(value, lang)}"
    if key == "horizon_years":
        return years_phrase(value, lang)
    return f"{label(key, lang).lower()} {numbers.number(value, lang, 0)}"
