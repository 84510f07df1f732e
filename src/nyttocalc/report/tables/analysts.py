"""The analysts' commands as printed: sweep (tables and heat maps), solve (the answer in
sentences) and sensitivity (a ranked table and a tornado per cell).

Their JSON and CSV, with unrounded numbers, are ``machine``'s.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from nyttocalc.core.batch import METRICS, Cell
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.sensitivity import Effect, SensitivityResult
from nyttocalc.core.solve import Answer, Question
from nyttocalc.core.sweep import SweepResult
from nyttocalc.report.cells import dimensions
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import perspective_label, rate_text, years_phrase
from nyttocalc.report.tables.printout import Chart, Kind, Plot, Printout, Series, Table, run_header
from nyttocalc.run import RunInfo

MAX_ROWS = 60  # a 1-D sweep's table; more values are sampled evenly (ends included)
HEAT_ROWS, HEAT_COLUMNS = 20, 10


def _rate_and_horizon(model: Model, cell: Cell, varied: Sequence[str],
                      lang: str) -> dict[str, str]:
    """``{"rate": "0 %", "horizon": "3 years"}``, "varied" for one that the sweep varies."""
    known = dimensions(model, cell, varied)
    rate, horizon = known["subsidy_rate"], known["horizon_years"]
    return {"rate": label("col.varied", lang) if rate is None else rate_text(rate, lang),
            "horizon": label("col.varied", lang) if horizon is None
            else years_phrase(horizon, lang)}


def cell_label(model: Model, cell: Cell, varied: Sequence[str], lang: str) -> str:
    """``0 % · 3 years``, with ``varied`` for a rate or horizon that the sweep varies."""
    return label("col.cell", lang, **_rate_and_horizon(model, cell, varied, lang))


def _sample(count: int, most: int) -> list[int]:
    """At most ``most`` indices from 0 to count − 1, evenly spread, both ends included."""
    if count <= most:
        return list(range(count))
    return sorted({round(i * (count - 1) / (most - 1)) for i in range(most)})


def _employed(persons: float | None, lang: str) -> str:
    """``, 5 employed`` after a metric that counts the employed."""
    if persons is None:
        return ""
    return ", " + label("header.employed", lang, persons=numbers.number(persons, lang))


def _show(x: float, unit: Unit, lang: str) -> str:
    return numbers.figure(x, unit, lang)


def sweep_printout(result: SweepResult, units: Mapping[str, Unit], costs: SweepResult | None,
                   run: RunInfo, lang: str) -> Printout:
    """``costs``: the cost over the same grid, to mark where a party paid nothing; None where
    the figure means the same whatever was paid."""
    model, selected = result.model, result.cells
    unit = METRICS[result.metric]
    metric = label(result.metric, lang)
    header = (*run_header(run, lang),
              f"{label('header.metric', lang)}: {metric} ({result.metric})"
              + _employed(result.persons, lang),
              *(f"{label('header.varied', lang)}: {a.path} = "
                f"{_show(a.values[0], units[a.path], lang)} … "
                f"{_show(a.values[-1], units[a.path], lang)} ({len(a.values)})"
                for a in result.axes))
    varied = [a.path for a in result.axes]
    tables: list[Table | Chart | Plot] = []
    if len(result.axes) == 1:
        axis = result.axes[0]
        shown = _sample(len(axis.values), MAX_ROWS)
        for key in dict.fromkeys(c.perspective for c in selected):
            cells = [c for c in selected if c.perspective == key]
            grids = [result.grids[c] for c in cells]
            unpaid = _paid_nothing(costs, cells[0], shown)
            rows = tuple((_show(axis.values[i], units[axis.path], lang),
                          *(_count(float(grid[i]), unit, model, lang)
                            + (PAID_NOTHING if unpaid is not None and unpaid[n] else "")
                            for grid in grids))
                         for n, i in enumerate(shown))
            notes = (*_beyond_note(rows, model, lang),
                     *_paid_nothing_note(rows, model, key, lang),
                     *_sampled_note(axis.path, len(shown), len(axis.values), lang))
            tables.append(Table(
                label("title.sweep", lang, perspective=perspective_label(model, key, lang),
                      metric=metric.lower(), path=axis.path),
                (axis.path, *(cell_label(model, c, varied, lang) for c in cells)), rows, notes))
    else:
        for cell in selected:
            tables.append(_heat_map(result, units, costs, cell, unit, lang))
    return Printout(run.title, header, tuple(tables))


def _count(x: float, unit: Unit, model: Model, lang: str) -> str:
    """A figure; a head count above the scenario's participants marked ``*``, as payback
    marks it."""
    text = _show(x, unit, lang)
    beyond = unit is Unit.PERSONS and math.isfinite(x) and x > model.participants
    return text + BEYOND if beyond else text


BEYOND = "*"


def _beyond_note(rows: Sequence[Sequence[str]], model: Model, lang: str) -> tuple[str, ...]:
    if any(cell.endswith(BEYOND) for row in rows for cell in row[1:]):
        return (label("note.beyond", lang, participants=model.participants),)
    return ()


PAID_NOTHING = "°"


def _paid_nothing(costs: SweepResult | None, cell: Cell, *shown: Sequence[int]) -> Any:
    """At the points shown (their indices along each axis), where the cell's perspective paid
    nothing: a boolean per point; None without the costs."""
    if costs is None:
        return None
    return costs.at(*shown).grids[cell] == 0


def _paid_nothing_note(rows: Sequence[Sequence[str]], model: Model, perspective: str,
                       lang: str) -> tuple[str, ...]:
    """What a figure means where nothing was paid: payback's words for such a party."""
    if any(cell.endswith(PAID_NOTHING) for row in rows for cell in row[1:]):
        return (label("note.paid_nothing", lang,
                      perspective=perspective_label(model, perspective, lang)),)
    return ()


def _sampled_note(path: str, shown: int, total: int, lang: str) -> tuple[str, ...]:
    if shown == total:
        return ()
    return (label("note.sampled", lang, shown=shown, total=total, path=path),)


def _heat_map(result: SweepResult, units: Mapping[str, Unit], costs: SweepResult | None,
              cell: Cell, unit: Unit, lang: str) -> Table:
    """A sample of the grid (at most 20 × 10 cells) with what is read from all of it: the range,
    whether an axis changes nothing, the share within the cohort. The grid is read a block of
    rows at a time and never held whole."""
    model = result.model
    rows_axis, columns_axis = result.axes
    row_index = _sample(len(rows_axis.values), HEAT_ROWS)
    column_index = _sample(len(columns_axis.values), HEAT_COLUMNS)
    low, high, within = math.inf, -math.inf, 0
    first_row: Any = None
    rows_change = columns_change = False
    sampled: dict[int, list[float]] = {}
    unpaid = _paid_nothing(costs, cell, row_index, column_index)
    for span, block in result.blocks([cell]):
        grid = block[cell]
        finite_values = grid[np.isfinite(grid)]
        if finite_values.size:
            low, high = min(low, float(finite_values.min())), max(high, float(finite_values.max()))
        first_row = grid[0] if first_row is None else first_row
        rows_change = rows_change or not bool((grid == first_row).all())
        columns_change = columns_change or not bool((grid == grid[:, :1]).all())
        within += int(np.count_nonzero(grid <= model.participants))
        for i in row_index:
            if i in span:
                sampled[i] = grid[i - span.start, column_index].tolist()
    if low > high:  # nothing finite: no range
        low = high = math.nan
    rows, shades = [], []
    for n, i in enumerate(row_index):
        texts, levels = [], []
        for m, value in enumerate(sampled[i]):
            mark = PAID_NOTHING if unpaid is not None and unpaid[n, m] else ""
            texts.append(_count(value, unit, model, lang) + mark)
            levels.append(None if not math.isfinite(value) else
                          0.0 if high == low else (value - low) / (high - low))
        rows.append((_show(rows_axis.values[i], units[rows_axis.path], lang), *texts))
        shades.append(tuple(levels))
    headers = (f"{rows_axis.path} \\ {columns_axis.path}",
               *(_show(columns_axis.values[j], units[columns_axis.path], lang)
                 for j in column_index))
    notes = [label("note.heat_range", lang, low=_show(low, unit, lang),
                   high=_show(high, unit, lang), rows=rows_axis.path, columns=columns_axis.path)]
    for axis, changes in ((rows_axis, rows_change), (columns_axis, columns_change)):
        if len(axis.values) > 1 and not changes:
            notes.append(label("note.no_change", lang, path=axis.path))
    if unit is Unit.PERSONS:
        share = within / math.prod(result.shape)
        notes.append(label("note.within", lang, participants=model.participants,
                           share=numbers.percent(share, lang)))
        notes += _beyond_note(rows, model, lang)
    notes += _paid_nothing_note(rows, model, cell.perspective, lang)
    notes += _sampled_note(rows_axis.path, len(row_index), len(rows_axis.values), lang)
    notes += _sampled_note(columns_axis.path, len(column_index), len(columns_axis.values), lang)
    title = label("title.heat", lang, perspective=perspective_label(model, cell.perspective, lang),
                  metric=label(result.metric, lang).lower(),
                  **_rate_and_horizon(model, cell, (rows_axis.path, columns_axis.path), lang))
    return Table(title, headers, tuple(rows), tuple(notes), shades=tuple(shades))


# ---- solve ----------------------------------------------------------------------------------

def solve_lines(question: Question, answer: Answer, model: Model, unit: Unit,
                check: float | None, lang: str) -> list[str]:
    def show(x: float) -> str:
        return _show(x, unit, lang)

    unknown = question.path
    horizon = (label("solve.horizon_unknown", lang, path=unknown)
               if unknown.startswith("analysis.horizons_years.")
               else label("solve.horizon", lang,
                          horizon=years_phrase(question.horizon_years, lang)))
    rate = (label("solve.rate_unknown", lang, path=unknown)
            if unknown.startswith("analysis.subsidy_rates.")
            else label("solve.rate", lang, rate=rate_text(question.subsidy_rate, lang)))
    lines = [label("solve.question", lang, persons=numbers.number(question.persons, lang),
                   perspective=perspective_label(model, question.perspective, lang),
                   horizon=horizon, rate=rate)]
    if answer.everywhere:
        lines.append(label("solve.everywhere", lang, low=show(question.low),
                           high=show(question.high)))
    elif answer.nowhere:
        lines.append(label("solve.nowhere", lang, low=show(question.low),
                           high=show(question.high)))
    for root, above in zip(answer.roots, answer.pays_back_above, strict=True):
        key = "solve.at_least" if above else "solve.at_most"
        lines.append(label(key, lang, path=question.path, value=show(root)))
    if answer.roots:
        lines.append(label("solve.exact" if answer.exact else "solve.bracketed", lang,
                           path=question.path))
    if check is not None:
        lines.append(label("solve.check", lang, persons=numbers.number(check, lang, 6)))
    return lines


def solve_printout(question: Question, answer: Answer, model: Model, unit: Unit,
                   check: float | None, run: RunInfo, lang: str) -> Printout:
    lines = solve_lines(question, answer, model, unit, check, lang)
    return Printout(run.title, run_header(run, lang),
                    (Chart(label("title.solve", lang, path=question.path), tuple(lines)),))


# ---- sensitivity ----------------------------------------------------------------------------

def sensitivity_printout(result: SensitivityResult, model: Model, units: Mapping[str, Unit],
                         selected: Sequence[Cell], by: float, run: RunInfo,
                         lang: str) -> Printout:
    unit = METRICS[result.metric]
    metric = label(result.metric, lang)
    tables: list[Table | Chart | Plot] = []
    for cell in selected:
        name = perspective_label(model, cell.perspective, lang)
        effects = result.effects.get(cell, ())
        moving = [e for e in effects if e.swing > 0]
        unmoved = [e.variation.path for e in effects if e.variation.low == e.variation.high]
        still = [e.variation.path for e in effects
                 if e.swing == 0 and e.variation.low != e.variation.high]
        base = result.base[cell]
        rows = tuple((e.variation.path, _show(e.variation.base, units[e.variation.path], lang),
                      _show(e.variation.low, units[e.variation.path], lang),
                      _show(e.variation.high, units[e.variation.path], lang),
                      _show(e.at_low, unit, lang), _show(e.at_high, unit, lang),
                      _show(e.swing, unit, lang)) for e in moving)
        notes = [label("note.moves", lang, by=numbers.percent(by, lang),
                       base=_show(base, unit, lang))]
        if still:
            notes.append(label("note.no_effect", lang, inputs=", ".join(still)))
        if unmoved:
            notes.append(label("note.not_moved", lang, inputs=", ".join(unmoved)))
        title_values = {"perspective": name, "metric": metric.lower(),
                        "rate": rate_text(model.subsidy_rates[cell.rate_index], lang),
                        "horizon": years_phrase(model.horizons_years[cell.horizon_index], lang)}
        tables.append(Table(label("title.sensitivity", lang, **title_values),
                            tuple(label(k, lang) for k in ("col.input", "col.base_value", "col.low",
                                                           "col.high", "col.at_low",
                                                           "col.at_high", "col.swing")),
                            rows, tuple(notes)))
        shown = [e for e in moving if math.isfinite(e.at_low) and math.isfinite(e.at_high)]
        if shown:
            tables.append(_tornado(shown, base, unit, by,
                                   label("title.tornado", lang, perspective=name,
                                         metric=metric.lower()), metric, lang))
    return Printout(run.title, (*run_header(run, lang),
                                f"{label('header.metric', lang)}: {metric} ({result.metric})"
                                + _employed(result.persons, lang)),
                    tuple(tables))


def _tornado(effects: Sequence[Effect], base: float, unit: Unit, by: float, title: str,
             metric: str, lang: str) -> Plot:
    """How far each input moves the figure from its base, at its low and its high end."""
    ends = (label("tornado.low", lang, by=numbers.percent(by, lang)),
            label("tornado.high", lang, by=numbers.percent(by, lang)))
    series = tuple(Series(name, tuple((float(i), getattr(e, end) - base)
                                      for i, e in enumerate(effects)))
                   for name, end in zip(ends, ("at_low", "at_high"), strict=True))
    table = Table(title, (label("col.input", lang), *ends),
                  tuple((e.variation.path, _show(e.at_low - base, unit, lang),
                         _show(e.at_high - base, unit, lang)) for e in effects))
    return Plot(title, Kind.TORNADO, label("col.input", lang),
                label("tornado.change", lang, metric=metric.lower(),
                      base=_show(base, unit, lang)), None, unit, series, table, lang,
                categories=tuple(e.variation.path for e in effects))
