"""The payback report as a language-aware document: a header and titled tables of text cells.

Built once, then drawn by ``render`` as rich tables or Markdown. (JSON and CSV are built from the
analysis directly by ``machine``, with unrounded numbers.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure, Term, Unit, evaluate
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis, PerspectiveResult
from nyttocalc.report import numbers
from nyttocalc.report.i18n import label
from nyttocalc.report.rows import parts
from nyttocalc.run import RunInfo

if TYPE_CHECKING:
    from nyttocalc.report.plot import Plot


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    numeric_from: int = 1  # columns from this index on are right-aligned numbers
    derivations: bool = False  # rows are (figure, formula, arithmetic): drawn as lines
    ratios: tuple[int, ...] = ()  # relative widths of the columns after the first, which is
    # as wide as its longest name: for tables whose text must wrap to fit
    # A heat map: per row, per column after the first, the cell's magnitude from 0 to 1 (None:
    # not a number). Drawn as a background colour where the terminal has colour.
    shades: tuple[tuple[float | None, ...], ...] = ()


@dataclass(frozen=True)
class Chart:
    """Lines of a text chart (see ``charts``), drawn as they are."""

    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    title: str
    header: tuple[str, ...]
    tables: tuple[Table | Chart | Plot, ...] = field(default_factory=tuple)


def payback_document(analysis: PaybackAnalysis, run: RunInfo, lang: str,
                     explain: bool = False) -> Document:
    tables: list[Table] = []
    for result in analysis.perspectives:
        tables += [
            _costs(result, analysis, lang),
            _break_even(result, analysis, lang),
            _by_persons(result, analysis, lang),
            *_mixes(result, analysis, lang),
        ]
        if explain:
            tables.append(explain_table(result, lang))
    return Document(run.title, _header(analysis, run, lang), tuple(tables))


def run_header(run: RunInfo, lang: str) -> tuple[str, ...]:
    """The scenario file, and the --set overrides of this run."""
    lines: tuple[str, ...] = (f"{label('header.scenario', lang)}: {run.file}",)
    if run.overrides:
        lines += (f"{label('header.overrides', lang)}: "
                  + "; ".join(f"--set {o}" for o in run.overrides),)
    return lines


def _header(analysis: PaybackAnalysis, run: RunInfo, lang: str) -> tuple[str, ...]:
    model = analysis.model
    lines = [
        *run_header(run, lang)[:1],
        label("header.cohort", lang, participants=model.participants,
              delay=numbers.years(model.delay_years, lang),
              fte=numbers.percent(model.full_time_equivalent, lang, 0)),
        *run_header(run, lang)[1:],
    ]
    if run.assumptions:
        lines.append(f"{label('header.assumptions', lang)}:")
        lines += [f"  {a.path} = {_value(a.value, a.unit, lang)}: {a.reason}"
                  for a in run.assumptions]
    return tuple(lines)


def _value(value: object, unit: Unit, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(_value(v, unit, lang) for v in value)
    if isinstance(value, int | float):
        return numbers.figure(float(value), unit, lang)
    return str(value)


def rate_text(rate: float, lang: str) -> str:
    """A subsidy rate as a whole percentage: ``80 %``."""
    return numbers.percent(rate, lang, 0)


def perspective_label(model: Model, key: str, lang: str) -> str:
    perspective = next(p for p in model.perspectives if p.key == key)
    return perspective.labels.get(lang, key)


def _title(key: str, result: PerspectiveResult, lang: str, **values: object) -> str:
    name = result.perspective.labels.get(lang, result.perspective.key)
    return label(key, lang, perspective=name, **values)


def _cell(fig: Figure, lang: str) -> str:
    return numbers.figure(fig.value, fig.unit, lang)


def _costs(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    model = analysis.model
    years = numbers.years(model.long_view_years, lang)
    rows = [
        (label("cost", lang), _cell(result.summary.cost, lang)),
        (label("row.write_off", lang, years=numbers.years(model.write_off_years, lang)),
         _cell(result.summary.annual_write_off, lang)),
    ]
    for value in result.values:
        rate = rate_text(value.subsidy_rate, lang)
        rows.append((label("row.value", lang, rate=rate),
                     _cell(value.value_per_person_year, lang)))
    for value in result.values:
        rate = rate_text(value.subsidy_rate, lang)
        rows.append((label("row.long_view", lang, years=years, rate=rate),
                     _cell(value.long_view_value, lang)))
        rows.append((label("row.multiple", lang), _cell(value.long_view_multiple, lang)))
    return Table(_title("title.costs", result, lang),
                 (label("col.figure", lang), label("col.value", lang)), tuple(rows))


def _break_even(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    first = parts(result.break_even[0])
    headers = [label(k, lang) for k in (*first.dims, *first.figures)]
    rows = []
    never = False
    beyond = False
    for row in result.break_even:
        p = parts(row)
        cells = [rate_text(row.subsidy_rate, lang), numbers.years(row.horizon_years, lang)]
        for key, fig in p.figures.items():
            text = _cell(fig, lang)
            if key == "persons_whole" and not row.within_cohort and not is_never(fig.value):
                text += "*"
                beyond = True
            never = never or is_never(fig.value)
            cells.append(text)
        rows.append(tuple(cells))
    return Table(_title("title.break_even", result, lang), tuple(headers), tuple(rows),
                 _notes(analysis, lang, never=never, beyond=beyond), numeric_from=1)


def _by_persons(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> Table:
    rates = analysis.model.subsidy_rates
    headers = [label("persons", lang)]
    for rate in rates:
        for key in ("years_of_work", "paid_back_after_years"):
            headers.append(label("col.at_rate", lang, label=label(key, lang),
                                 rate=rate_text(rate, lang)))
    by_key = {(r.subsidy_rate, r.persons): r for r in result.payback_by_persons}
    rows = []
    for persons in range(1, analysis.model.participants + 1):
        cells = [str(persons)]
        for rate in rates:
            row = by_key[(rate, persons)]
            cells += [_cell(row.years_of_work, lang), _cell(row.paid_back_after_years, lang)]
        rows.append(tuple(cells))
    never = any(is_never(r.years_of_work.value) for r in result.payback_by_persons)
    return Table(_title("title.payback_by_persons", result, lang), tuple(headers), tuple(rows),
                 _notes(analysis, lang, never=never))


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
        beyond = never = False
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
                    beyond = True
                never = never or is_never(mix.subsidised.value)
                cells.append(text)
            rows.append(tuple(cells))
        notes = (label("note.mix_cell", lang),
                 *_notes(analysis, lang, never=never, beyond=beyond))
        tables.append(Table(_title("title.mixes", result, lang, rate=rate_text(rate, lang),
                                   base=base),
                            tuple(headers), tuple(rows), notes))
    return tables


def _notes(analysis: PaybackAnalysis, lang: str, *, never: bool = False,
           beyond: bool = False) -> tuple[str, ...]:
    notes = []
    if beyond:
        notes.append(label("note.beyond", lang, participants=analysis.model.participants))
    if never:
        notes.append(label("note.never", lang))
    return tuple(notes)


def explain_table(result: PerspectiveResult, lang: str) -> Table:
    """Every figure of a perspective with its formula and the scenario's numbers filled in."""
    rows = []
    shown: set[int] = set()
    intermediates: dict[tuple[str, float], Figure] = {}
    for group in result.groups().values():
        for row in group:
            p = parts(row)
            context = ", ".join(_dim(k, v, lang) for k, v in p.dims.items())
            for key, fig in p.figures.items():
                name = label(key, lang) + (f" ({context})" if context else "")
                rows.append((name, symbolic(fig), arithmetic(fig, lang)))
                shown.add(id(fig))
                for term in fig.derivation():
                    if term.source is not None:
                        intermediates.setdefault((term.symbol, term.value), term.source)
    # Figures computed on the way that no table shows (a cost in present value, years of work
    # in present value, a computed input): each once, so every number above can be redone.
    for (symbol, _), fig in intermediates.items():
        if id(fig) not in shown:
            rows.append((symbol, symbolic(fig), arithmetic(fig, lang)))
            shown.add(id(fig))
    headers = (label("col.figure", lang), label("col.formula", lang),
               label("col.arithmetic", lang))
    return Table(_title("title.explain", result, lang), headers, tuple(rows), numeric_from=3,
                 derivations=True)


def years_phrase(value: float, lang: str) -> str:
    word = label("year" if value == 1 else "years", lang)
    return f"{numbers.years(value, lang)} {word}"


def _dim(key: str, value: float, lang: str) -> str:
    if key == "subsidy_rate":
        return f"{label(key, lang).lower()} {rate_text(value, lang)}"
    if key == "horizon_years":
        return years_phrase(value, lang)
    return f"{label(key, lang).lower()} {numbers.number(value, lang, 0)}"


def symbolic(fig: Figure) -> str:
    return fig.substitute(lambda term: term.symbol)


def arithmetic(fig: Figure, lang: str, whole_kronor: bool = False) -> str:
    """The formula with the scenario's numbers filled in, ``= result``, precise enough that a
    reader redoing it by hand gets the result as printed.

    An input is shown as given (4 875 000 kr, not 4,88 mkr; 22,02 %, not 22 %). Figures computed
    on the way are shown as a report rounds them, and with more digits, step by step, until the
    formula over the numbers shown gives the printed result.
    """
    result = numbers.figure(fig.value, fig.unit, lang, whole_kronor)
    waits_for = fig.never_with
    if waits_for is not None and is_never(waits_for.value):  # "persons = never"
        return f"{waits_for.symbol} = {numbers.figure(waits_for.value, waits_for.unit, lang)}"
    for finer in range(numbers.FINEST + 1):
        operands = {name: _operand(term, lang, whole_kronor, finer)
                    for name, term in fig.terms.items()}
        if _redoes(fig, operands, result, lang, whole_kronor):
            break
    texts = {id(term): operands[name][0] for name, term in fig.terms.items()}
    return f"{fig.substitute(lambda term: texts[id(term)])} = {result}"


def _operand(term: Term, lang: str, whole_kronor: bool, finer: int) -> tuple[str, float]:
    """A term as shown: an input (no ``source``) as given, at the first step of precision that
    shows it exactly; a computed figure at step ``finer``."""
    if term.source is not None:
        return numbers.shown(term.value, term.unit, lang, whole_kronor, finer)
    return numbers.as_given(term.value, term.unit, lang, whole_kronor)


def _redoes(fig: Figure, operands: Mapping[str, tuple[str, float]], result: str, lang: str,
            whole_kronor: bool) -> bool:
    """Whether the formula over the numbers as shown gives the result as printed."""
    again = evaluate(fig.formula, {name: value for name, (_, value) in operands.items()})
    return numbers.figure(float(again), fig.unit, lang, whole_kronor) == result
