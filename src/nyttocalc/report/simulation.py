"""The report of ``simulate``: the chance of paying back, net value and payback-year
distributions, and a histogram of payback years."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nyttocalc import __version__
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.simulate import HISTOGRAM_YEARS, PERCENTILES, SimulationResult, Uncertainty
from nyttocalc.core.uncertainty import Distribution
from nyttocalc.report import numbers
from nyttocalc.report.charts import bars
from nyttocalc.report.document import Chart, Document, Table, perspective_label, run_header
from nyttocalc.report.i18n import label
from nyttocalc.report.machine import csv_number, csv_writer, dumps, finite, scenario_json
from nyttocalc.run import RunInfo


def describe(d: Distribution) -> str:
    if d.kind == "fixed":
        return f"fixed {d.value:g}"
    if d.kind == "uniform":
        return f"uniform({d.low:g}, {d.high:g})"
    if d.kind == "triangular":
        return f"triangular({d.low:g}, {d.mode:g}, {d.high:g})"
    if d.kind == "beta":
        return f"beta({d.alpha:g}, {d.beta:g}) on [{d.low:g}, {d.high:g}]"
    return f"normal({d.mean:g}, {d.sd:g}) truncated to [{d.low:g}, {d.high:g}]"


def _rate(rate_index: int, rate: float, uncertainty: Uncertainty, lang: str) -> str:
    """The subsidy rate, or "drawn" where the simulation draws it."""
    if _drawn(uncertainty, "subsidy_rates", rate_index):
        return label("drawn", lang)
    return numbers.percent(rate, lang, 0)


def _horizon(horizon_index: int, horizon: float, uncertainty: Uncertainty, lang: str) -> str:
    if _drawn(uncertainty, "horizons_years", horizon_index):
        return label("drawn", lang)
    return numbers.years(horizon, lang)


def simulation_document(result: SimulationResult, model: Model, uncertainty: Uncertainty,
                        run: RunInfo, lang: str) -> Document:
    header = [*run_header(run, lang),
              label("header.draws", lang, draws=numbers.number(result.draws, lang, 0),
                    seed=result.seed),
              f"{label('header.drawn', lang)}:",
              f"  employment_probability ~ {describe(uncertainty.employment_probability)}",
              *(f"  {path} ~ {describe(d)}" for path, d in uncertainty.inputs.items()),
              label("note.employed", lang, mean=numbers.number(result.employed_mean, lang),
                    participants=result.participants,
                    low=numbers.number(result.employed_percentiles[0], lang),
                    high=numbers.number(result.employed_percentiles[-1], lang))]
    tables: list[Table | Chart] = []
    for key in dict.fromkeys(c.cell.perspective for c in result.cells):
        name = perspective_label(model, key, lang)
        rows = tuple(
            (_rate(c.cell.rate_index, c.subsidy_rate, uncertainty, lang),
             _horizon(c.cell.horizon_index, c.horizon_years, uncertainty, lang),
             numbers.percent(c.probability, lang), numbers.amount(c.net_value_mean, lang),
             *(numbers.amount(c.net_value_percentiles[i], lang) for i in (0, 2, 4)))
            for c in result.cells if c.cell.perspective == key)
        headers = (label("subsidy_rate", lang), label("horizon_years", lang),
                   label("col.probability", lang), label("col.net_mean", lang),
                   *(label("col.percentile", lang, p=PERCENTILES[i]) for i in (0, 2, 4)))
        tables.append(Table(label("title.simulation", lang, perspective=name), headers, rows))
        years = [y for y in result.payback_years if y.perspective == key]
        tables.append(Table(
            label("title.payback_years", lang, perspective=name),
            (label("subsidy_rate", lang),
             *(label("col.year_percentile", lang, p=p) for p in PERCENTILES),
             label("col.never", lang)),
            tuple((_rate(y.rate_index, y.subsidy_rate, uncertainty, lang),
                   *(numbers.figure(x, Unit.YEARS, lang) for x in y.percentiles),
                   numbers.percent(y.never, lang)) for y in years)))
        for y in years:
            items = [(label("hist.year", lang, year=i + 1), float(count),
                      numbers.number(count, lang, 0))
                     for i, count in enumerate(y.histogram[:HISTOGRAM_YEARS])]
            items.append((label("hist.later", lang), float(y.histogram[-1]),
                          numbers.number(y.histogram[-1], lang, 0)))
            while items and items[-1][1] == 0:
                items.pop()
            while items and items[0][1] == 0:
                items.pop(0)
            tables.append(Chart(label("title.histogram", lang, perspective=name,
                                      rate=_rate(y.rate_index, y.subsidy_rate, uncertainty,
                                                 lang),
                                      never=numbers.percent(y.never, lang)),
                                tuple(bars(items))))
    return Document(run.title, tuple(header), tuple(tables))


def simulation_json(result: SimulationResult, uncertainty: Uncertainty, run: RunInfo) -> str:
    document: dict[str, Any] = {
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "draws": result.draws,
        "seed": result.seed,
        "distributions": {"employment_probability": describe(uncertainty.employment_probability),
                          **{p: describe(d) for p, d in uncertainty.inputs.items()}},
        "percentiles": list(PERCENTILES),
        "employed": {"participants": result.participants, "mean": result.employed_mean,
                     "percentiles": list(result.employed_percentiles)},
        "cells": [{"perspective": c.cell.perspective,
                   "subsidy_rate": None if _drawn(uncertainty, "subsidy_rates", c.cell.rate_index)
                   else c.subsidy_rate,
                   "horizon_years": None if _drawn(uncertainty, "horizons_years",
                                                   c.cell.horizon_index) else c.horizon_years,
                   "probability": c.probability,
                   "net_value_mean": c.net_value_mean,
                   "net_value_percentiles": list(c.net_value_percentiles)}
                  for c in result.cells],
        "payback_years": [{"perspective": y.perspective,
                           "subsidy_rate": None if _drawn(uncertainty, "subsidy_rates",
                                                          y.rate_index) else y.subsidy_rate,
                           "percentiles": [finite(x) for x in y.percentiles],
                           "never": y.never,
                           "histogram": {"within_year": list(y.histogram[:HISTOGRAM_YEARS]),
                                         "later": y.histogram[-1]}}
                          for y in result.payback_years],
    }
    return dumps(document)


def _drawn(uncertainty: Uncertainty, name: str, index: int) -> bool:
    """Whether the simulation draws this list item (its JSON value is then null)."""
    return f"analysis.{name}.{index}" in uncertainty.inputs


def simulation_csv(result: SimulationResult, uncertainty: Uncertainty, lang: str) -> str:
    """One line per perspective, subsidy rate and horizon; ``drawn`` where the simulation
    draws the rate or horizon."""
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang)
    writer.writerow(["perspective", "subsidy_rate", "horizon_years", "probability",
                     "net_value_mean", *(f"net_value_p{p}" for p in PERCENTILES)])
    for c in result.cells:
        drawn_rate = _drawn(uncertainty, "subsidy_rates", c.cell.rate_index)
        drawn_horizon = _drawn(uncertainty, "horizons_years", c.cell.horizon_index)
        writer.writerow([c.cell.perspective,
                         "drawn" if drawn_rate else csv_number(c.subsidy_rate, swedish),
                         "drawn" if drawn_horizon else csv_number(c.horizon_years, swedish),
                         csv_number(c.probability, swedish),
                         csv_number(c.net_value_mean, swedish),
                         *(csv_number(x, swedish) for x in c.net_value_percentiles)])
    return buffer.getvalue()


def progress_text(lang: str) -> Callable[[str, float, float], str]:
    """How a running simulation says how far it is, for a progress bar:
    ``simulate ████████░░░░ 40%, about 12 s left``."""
    def text(bar: str, share: float, seconds_left: float) -> str:
        return label("progress.simulate", lang, bar=bar, share=numbers.percent(share, lang, 0),
                     seconds=numbers.number(seconds_left, lang, 0))
    return text
