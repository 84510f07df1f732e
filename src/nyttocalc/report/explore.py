"""Reports of the analysts' commands: sweep (tables and heat maps), solve and sensitivity.

Each has a ``*_document`` for the terminal and Markdown, and ``*_json`` / ``*_csv`` for scripts
with unrounded numbers (``null`` or an empty cell where a figure is never reached).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from nyttocalc import __version__
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.numeric import METRICS, Cell
from nyttocalc.core.sensitivity import Effect, SensitivityResult
from nyttocalc.core.solve import Answer, Question
from nyttocalc.core.sweep import Axis, SweepResult, sweep
from nyttocalc.report import numbers
from nyttocalc.report.csv_columns import csv_column, csv_lines
from nyttocalc.report.document import (
    Chart,
    Document,
    Table,
    perspective_label,
    rate_text,
    run_header,
    years_phrase,
)
from nyttocalc.report.i18n import label
from nyttocalc.report.machine import (
    csv_number,
    csv_word,
    csv_writer,
    dumps,
    finite,
    scenario_json,
)
from nyttocalc.report.parallel import ordered_map
from nyttocalc.report.plot import Kind, Plot, Series
from nyttocalc.run import RunInfo

MAX_ROWS = 60  # a 1-D sweep's table; more values are sampled evenly (ends included)
HEAT_ROWS, HEAT_COLUMNS = 20, 10


def _rate_and_horizon(model: Model, cell: Cell, varied: Sequence[str],
                      lang: str) -> dict[str, str]:
    """``{"rate": "0 %", "horizon": "3 years"}``, "varied" for one that the sweep varies."""
    known = _cell_json(model, cell, varied)
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


def _show(x: float, unit: Unit, lang: str) -> str:
    return numbers.figure(x, unit, lang)


def sweep_document(result: SweepResult, units: Mapping[str, Unit], run: RunInfo,
                   lang: str) -> Document:
    model, selected = result.model, result.cells
    unit = METRICS[result.metric]
    metric = label(result.metric, lang)
    header = (*run_header(run, lang),
              f"{label('header.metric', lang)}: {metric} ({result.metric})",
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
            unpaid = _paid_nothing(result, cells[0], shown)
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
            tables.append(_heat_map(result, units, cell, unit, lang))
    return Document(run.title, header, tuple(tables))


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


def _paid_nothing(result: SweepResult, cell: Cell, *shown: Sequence[int]) -> Any:
    """At the points shown (their indices along each axis), where the cell's perspective paid
    nothing: a boolean per point, for a break-even figure; None for the cost and the value per
    person-year, which mean the same whatever was paid."""
    if result.metric in ("cost", "value_per_person_year"):
        return None
    axes = [Axis(a.path, tuple(a.values[i] for i in indices))
            for a, indices in zip(result.axes, shown, strict=True)]
    return sweep(result.model, axes, "cost", [cell]).grids[cell] == 0


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


def _heat_map(result: SweepResult, units: Mapping[str, Unit], cell: Cell, unit: Unit,
              lang: str) -> Table:
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
    unpaid = _paid_nothing(result, cell, row_index, column_index)
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


def _cell_json(model: Model, cell: Cell, varied: Sequence[str] = ()) -> dict[str, Any]:
    """The cell's perspective, subsidy rate and horizon; ``null`` for one that varies (the
    axis holds its values)."""
    rate_path = f"analysis.subsidy_rates.{cell.rate_index}"
    horizon_path = f"analysis.horizons_years.{cell.horizon_index}"
    return {"perspective": cell.perspective,
            "subsidy_rate": None if rate_path in varied
            else model.subsidy_rates[cell.rate_index],
            "horizon_years": None if horizon_path in varied
            else model.horizons_years[cell.horizon_index]}


def sweep_json(result: SweepResult, run: RunInfo) -> Iterator[str]:
    """The sweep as JSON, in pieces: every grid is written row by row as it is computed (a
    million points as Python lists would take gigabytes, as one string hundreds of MB)."""
    document = {
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "metric": result.metric,
        "unit": METRICS[result.metric].value,
        "axes": [{"path": a.path, "values": list(a.values)} for a in result.axes],
        "cells": [{**_cell_json(result.model, c, [a.path for a in result.axes]),
                   "values": _GRID} for c in result.cells],
    }
    first, *rest = dumps(document).split(json.dumps(_GRID))
    yield first
    for cell, text in zip(result.cells, rest, strict=True):
        yield from _json_grid(result, cell)
        yield text


_GRID = "\u0000grid"  # a placeholder no JSON string of ours contains


def _json_grid(result: SweepResult, cell: Cell) -> Iterator[str]:
    """A cell's grid as a JSON array (of arrays), ``null`` where never reached."""
    def row(values: Any) -> str:
        text = ",".join(map(repr, values.tolist()))
        if "inf" in text or "nan" in text:
            text = ",".join("null" if not math.isfinite(v) else repr(v) for v in values.tolist())
        return text

    yield "["
    for rows, block in result.blocks([cell]):
        grid = block[cell]
        comma = "," if rows.start else ""
        if grid.ndim == 1:
            yield comma + row(grid)
        else:
            yield comma + ",".join(f"[{row(r)}]" for r in grid)
    yield "]"


def sweep_csv(result: SweepResult, lang: str) -> Iterator[str]:
    """One line per point of the grid: the varied values, then one column per perspective,
    subsidy rate and horizon (``society 0 1``: society, 0 % subsidy, 1 year; ``varied`` for the
    one the sweep varies). Written a block of rows at a time, each column at once."""
    swedish = lang == "sv"
    varied = [a.path for a in result.axes]

    def heading(cell: Cell) -> str:
        known = _cell_json(result.model, cell, varied)
        return " ".join([cell.perspective] + [
            csv_word("varied", lang) if known[k] is None else csv_number(known[k], swedish)
            for k in ("subsidy_rate", "horizon_years")])

    buffer, _ = csv_writer(lang, [*varied, *(heading(c) for c in result.cells)])
    yield buffer.getvalue()
    # Number-only lines: a number never needs quoting or escaping.
    first, *second = (csv_column(a.values, swedish) for a in result.axes)

    def lines(part: tuple[range, dict[Cell, Any]]) -> str:
        rows, block = part
        varied_values = [first[rows.start:rows.stop]]
        if second:  # a grid: each row of the block is a line per value of the second axis
            varied_values = [np.repeat(varied_values[0], len(second[0]), axis=0),
                             np.tile(second[0], (len(rows), 1))]
        return csv_lines([*varied_values, *(csv_column(block[c], swedish) for c in result.cells)],
                         swedish)

    # The blocks are computed here, one after another, and written as text on a thread a
    # processor, up to four (measured, 10^6 points on two: the whole run 0.74 × as long).
    yield from ordered_map(lines, result.blocks())


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


def solve_document(question: Question, answer: Answer, model: Model, unit: Unit,
                   check: float | None, run: RunInfo, lang: str) -> Document:
    lines = solve_lines(question, answer, model, unit, check, lang)
    return Document(run.title, run_header(run, lang),
                    (Chart(label("title.solve", lang, path=question.path), tuple(lines)),))


def solve_json(question: Question, answer: Answer, unit: Unit, check: float | None,
               run: RunInfo) -> str:
    return dumps({
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "question": {"path": question.path, "unit": unit.value, "persons": question.persons,
                     "perspective": question.perspective,
                     "horizon_years": None if question.path.startswith(
                         "analysis.horizons_years.") else question.horizon_years,
                     "subsidy_rate": None if question.path.startswith(
                         "analysis.subsidy_rates.") else question.subsidy_rate,
                     "between": [question.low, question.high]},
        "answer": {"values": list(answer.roots),
                   "pays_back": ["at_least" if a else "at_most" for a in answer.pays_back_above],
                   "everywhere": answer.everywhere, "nowhere": answer.nowhere,
                   "exact": answer.exact,
                   "net_value_at_low": finite(answer.net_at_low),
                   "net_value_at_high": finite(answer.net_at_high),
                   "persons_exact_at_value": None if check is None else finite(check)},
    })


# ---- sensitivity ----------------------------------------------------------------------------

def sensitivity_document(result: SensitivityResult, model: Model, units: Mapping[str, Unit],
                         selected: Sequence[Cell], by: float, run: RunInfo,
                         lang: str) -> Document:
    unit = METRICS[result.metric]
    metric = label(result.metric, lang)
    tables: list[Table | Chart | Plot] = []
    for cell in selected:
        name = perspective_label(model, cell.perspective, lang)
        effects = result.effects.get(cell, ())
        moving = [e for e in effects if e.swing > 0]
        unmoved = [e.move.path for e in effects if e.move.low == e.move.high]
        still = [e.move.path for e in effects if e.swing == 0 and e.move.low != e.move.high]
        base = result.base[cell]
        rows = tuple((e.move.path, _show(e.move.base, units[e.move.path], lang),
                      _show(e.move.low, units[e.move.path], lang),
                      _show(e.move.high, units[e.move.path], lang),
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
    return Document(run.title, (*run_header(run, lang),
                                f"{label('header.metric', lang)}: {metric} ({result.metric})"),
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
                  tuple((e.move.path, _show(e.at_low - base, unit, lang),
                         _show(e.at_high - base, unit, lang)) for e in effects))
    return Plot(title, Kind.TORNADO, label("col.input", lang),
                label("tornado.change", lang, metric=metric.lower(),
                      base=_show(base, unit, lang)), None, unit, series, table, lang,
                categories=tuple(e.move.path for e in effects))


def sensitivity_json(result: SensitivityResult, model: Model, selected: Sequence[Cell],
                     by: float, run: RunInfo) -> str:
    return dumps({
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "metric": result.metric,
        "unit": METRICS[result.metric].value,
        "by": by,
        "cells": [{**_cell_json(model, c), "base": finite(result.base[c]),
                   "effects": [{"path": e.move.path, "base": e.move.base, "low": e.move.low,
                                "high": e.move.high, "at_low": finite(e.at_low),
                                "at_high": finite(e.at_high), "swing": finite(e.swing)}
                               for e in result.effects.get(c, ())]}
                  for c in selected],
    })


def sensitivity_csv(result: SensitivityResult, model: Model, selected: Sequence[Cell],
                    lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang, ["perspective", "subsidy_rate", "horizon_years", "path",
                                       "base", "low", "high", "at_low", "at_high", "swing"])
    for c in selected:
        for e in result.effects.get(c, ()):
            writer.writerow([c.perspective,
                             csv_number(model.subsidy_rates[c.rate_index], swedish),
                             csv_number(model.horizons_years[c.horizon_index], swedish),
                             e.move.path, *(csv_number(x, swedish) for x in (
                                 e.move.base, e.move.low, e.move.high, e.at_low, e.at_high,
                                 e.swing))])
    return buffer.getvalue()
