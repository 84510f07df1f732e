"""JSON for scripts (``--format json``): unrounded numbers, stable keys, ``null`` for "never".

Every command's JSON starts with ``nyttocalc_version`` and ``scenario`` (file, title,
overrides, assumptions). payback's::

    {"nyttocalc_version": "…", "scenario": {file, title, overrides, assumptions},
     "cohort": {participants, full_time_equivalent, delay_years},
     "analysis": {horizons_years, subsidy_rates, long_view_years, write_off_years},
     "perspectives": [{"key", "label", "summary": {…}, "values": [{…}], "break_even": [{…}],
                       "payback_by_persons": [{…}], "mixes": [{…}]}]}

With a ledger, each of ``values`` also has ``outlook``: what employment means to the party at
that rate (``pays_back``, ``never``, ``gains_from_start``, ``loses``, ``nothing``).

Each group is a list of objects holding the row's dimensions, figures and flags (``summary`` is
a single object). A figure is a number, or ``null`` where it is never reached; with ``--explain``
it is ``{"value", "unit", "formula", "arithmetic"}`` instead.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from nyttocalc import __version__
from nyttocalc.core.figures import Figure, Unit
from nyttocalc.report.cells import dimensions, drawn
from nyttocalc.report.language.explained import arithmetic, symbolic
from nyttocalc.report.language.numbers import unit_name
from nyttocalc.report.language.phrases import describe
from nyttocalc.report.rows import parts
from nyttocalc.run import RunInfo

if TYPE_CHECKING:  # each command's JSON imports only what it needs
    from nyttocalc.core.batch import Cell
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.core.model import Model
    from nyttocalc.core.payback import KeyFigures, OutcomesAnalysis, PaybackAnalysis
    from nyttocalc.core.sensitivity import SensitivityResult
    from nyttocalc.core.simulate import SimulationResult
    from nyttocalc.core.solve import Answer, Question
    from nyttocalc.core.sweep import SweepResult
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.core.uncertainty import Uncertainty
    from nyttocalc.documents.check import DocumentCheck
    from nyttocalc.documents.coverage import NumberFound
    from nyttocalc.documents.text import Passage
    from nyttocalc.scenario.parameter_sets import SetDescription, SetFigure, SetSummary


def finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def scenario_json(run: RunInfo) -> dict[str, Any]:
    return {
        "file": run.file,
        "title": run.title,
        "overrides": list(run.overrides),
        "assumptions": [{"path": a.path, "value": a.value, "unit": unit_name(a.unit),
                         "reason": a.reason} for a in run.assumptions],
    }


# ---- payback --------------------------------------------------------------------------------

def payback_json(analysis: PaybackAnalysis, run: RunInfo, lang: str, explain: bool) -> str:
    model = analysis.model
    data: dict[str, Any] = {
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "cohort": {
            "participants": model.participants,
            "full_time_equivalent": model.full_time_equivalent,
            "delay_years": model.delay_years,
        },
        "analysis": {
            "horizons_years": list(model.horizons_years),
            "subsidy_rates": list(model.subsidy_rates),
            "long_view_years": model.long_view_years,
            "write_off_years": model.write_off_years,
        },
        "perspectives": [],
    }
    for result in analysis.perspectives:
        entry: dict[str, Any] = {
            "key": result.perspective.key,
            "label": result.perspective.labels.get(lang, result.perspective.key),
        }
        for group, rows in result.groups().items():
            objects = [_row_json(row, lang, explain) for row in rows]
            entry[group] = objects[0] if group == "summary" else objects
        if model.ledger is not None:  # what employment means to each party, as payback says
            for value in entry["values"]:
                value["outlook"] = result.outlook(value["subsidy_rate"]).value
        data["perspectives"].append(entry)
    if analysis.outcomes is not None:
        data["outcomes"] = _outcomes_json(analysis.outcomes, lang, explain)
    return dumps(data)


def _outcomes_json(outcomes: OutcomesAnalysis, lang: str, explain: bool) -> dict[str, Any]:
    """NyttoSAM's key figures: per group and party, and for all groups per party."""
    def figures(row: KeyFigures) -> dict[str, Any]:
        return {key: _figure_json(fig, lang) if explain else finite(fig.value)
                for key, fig in parts(row).figures.items()}

    return {"groups": [{"group": e.group, "party": e.party, **figures(e)}
                       for e in outcomes.groups],
            "totals": [{"party": t.party, **figures(t)} for t in outcomes.totals]}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _row_json(row: object, lang: str, explain: bool) -> dict[str, Any]:
    p = parts(row)
    out: dict[str, Any] = dict(p.dims)
    for key, fig in p.figures.items():
        out[key] = _figure_json(fig, lang) if explain else finite(fig.value)
    out.update(p.flags)
    return out


def _figure_json(fig: Figure, lang: str) -> dict[str, Any]:
    return {"value": finite(fig.value), "unit": unit_name(fig.unit), "formula": symbolic(fig),
            "arithmetic": arithmetic(fig, lang)}


# ---- check ----------------------------------------------------------------------------------

def check_json(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
               documents: tuple[DocumentCheck, ...] = ()) -> str:
    from nyttocalc.core.claims import RULES, Verdict
    from nyttocalc.documents.check import quotes_found
    from nyttocalc.report.language.verdicts import (
        claim_arithmetic,
        reason_text,
        verdict_counts,
        verdict_text,
    )

    found = quotes_found(documents)
    claims = []
    for result in results:
        claim, source = result.claim, run.claims.get(result.claim.id)
        claims.append({
            "id": claim.id,
            "where": ({"document": source.document, "section": source.section,
                       "quote": source.quote} if source else None),
            "printed": source.printed if source else None,
            "published": claim.published,
            "computed": finite(result.computed.value),
            "computed_low": finite(result.bounds.low),
            "computed_high": finite(result.bounds.high),
            "difference": finite(result.difference),
            "unit": unit_name(result.computed.unit),
            "qualifier": claim.qualifier.value,
            "precision": claim.precision,
            "rule": RULES[claim.qualifier].meaning,
            "formula": symbolic(result.computed),
            "arithmetic": claim_arithmetic(result, result.computed, lang),
            "verdict": result.verdict.value,
            "misses_by": None if result.misses_by is None else finite(result.misses_by),
            "explanation": verdict_text(result, run.claims, lang, run),
            "chain": _chain_json(result, lang),
            "quote_found": found.get(claim.id),
            "reasons": [{"kind": r.kind, "symbol": r.symbol or None,
                         **{k: finite(v) for k, v in r.values.items()},
                         **({"claim": r.claim} if r.claim else {}),
                         "text": reason_text(r, lang, result)} for r in result.reasons],
        })
    counted = verdict_counts(results)
    counts = {v.value: counted[v] for v in Verdict}
    return dumps({"nyttocalc_version": __version__, "scenario": scenario_json(run),
                   "claims": claims, "documents": [_document_json(d) for d in documents],
                   "summary": {"claims": len(results), **counts,
                               "quotes_missing": sum(len(d.missing) for d in documents)}})


def _passage_json(passage: Passage) -> dict[str, Any]:
    return {"line": passage.line, "text": passage.text, "similarity": passage.similarity}


def _document_json(checked: DocumentCheck) -> dict[str, Any]:
    coverage = checked.coverage
    return {
        "key": checked.source.key,
        "path": checked.source.path,
        "format": "markdown" if checked.source.markdown else "text",
        "quotes": [{"owner": q.citation.owner, "kind": q.citation.kind,
                    "section": q.citation.section, "found": q.found,
                    "parts": [{"text": p.text, "found": [_passage_json(f) for f in p.found],
                               "closest": _passage_json(p.closest) if p.closest else None}
                              for p in q.parts]} for q in checked.quotes],
        "coverage": None if coverage is None else {
            "sections": [{"section": s.name, "heading": s.heading, "line": s.line,
                          "numbers": len(s.numbers), "covered": len(s.covered),
                          "items": [_item_json(n) for n in s.numbers],
                          "in_headings": [_item_json(n) for n in s.in_headings]}
                         for s in coverage.sections],
            "overlaps": [{"section": inner, "within": outer}
                         for inner, outer in coverage.overlaps],
            "not_found": list(coverage.not_found)},
    }


def _item_json(n: NumberFound) -> dict[str, Any]:
    return {"text": n.text, "value": n.value, "line": n.line, "section": n.section,
            "covered_by": list(n.covered_by)}


def _chain_json(result: ClaimResult, lang: str) -> dict[str, Any] | None:
    from nyttocalc.report.language.verdicts import claim_arithmetic

    chain = result.chain
    if chain is None:
        return None
    return {"claim": chain.claim, "symbol": chain.symbol, "value": chain.value,
            "printed": chain.printed, "computed": finite(chain.figure.value),
            "arithmetic": claim_arithmetic(result, chain.figure, lang)}


# ---- sweep ----------------------------------------------------------------------------------

def _persons_json(persons: float | None) -> dict[str, float]:
    """``persons`` in JSON, for a metric that counts the employed."""
    return {} if persons is None else {"persons": persons}


def sweep_json(result: SweepResult, run: RunInfo) -> Iterator[str]:
    """The sweep as JSON, in pieces: every grid is written row by row as it is computed (a
    million points as Python lists would take gigabytes, as one string hundreds of MB)."""
    from nyttocalc.core.batch import METRICS

    data = {
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "metric": result.metric,
        "unit": METRICS[result.metric].value,
        **_persons_json(result.persons),
        "axes": [{"path": a.path, "values": list(a.values)} for a in result.axes],
        "cells": [{**dimensions(result.model, c, [a.path for a in result.axes]),
                   "values": _GRID} for c in result.cells],
    }
    first, *rest = dumps(data).split(json.dumps(_GRID))
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


# ---- solve ----------------------------------------------------------------------------------

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

def sensitivity_json(result: SensitivityResult, model: Model, selected: Sequence[Cell],
                     by: float, run: RunInfo) -> str:
    from nyttocalc.core.batch import METRICS

    return dumps({
        "nyttocalc_version": __version__,
        "scenario": scenario_json(run),
        "metric": result.metric,
        "unit": METRICS[result.metric].value,
        **_persons_json(result.persons),
        "by": by,
        "cells": [{**dimensions(model, c), "base": finite(result.base[c]),
                   "effects": [{"path": e.variation.path, "base": e.variation.base,
                                "low": e.variation.low, "high": e.variation.high,
                                "at_low": finite(e.at_low),
                                "at_high": finite(e.at_high), "swing": finite(e.swing)}
                               for e in result.effects.get(c, ())]}
                  for c in selected],
    })


# ---- timeline -------------------------------------------------------------------------------

def timeline_json(timelines: tuple[PerspectiveTimeline, ...], model: Model, run: RunInfo) -> str:
    data: dict[str, Any] = {
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
    return dumps(data)


# ---- simulate -------------------------------------------------------------------------------

def simulation_json(result: SimulationResult, uncertainty: Uncertainty, run: RunInfo) -> str:
    from nyttocalc.core.simulate import HISTOGRAM_YEARS, PERCENTILES

    data: dict[str, Any] = {
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
                   "subsidy_rate": None if drawn(uncertainty, "subsidy_rates", c.cell.rate_index)
                   else c.subsidy_rate,
                   "horizon_years": None if drawn(uncertainty, "horizons_years",
                                                   c.cell.horizon_index) else c.horizon_years,
                   "probability": c.probability,
                   "net_value_mean": c.net_value_mean,
                   "net_value_percentiles": list(c.net_value_percentiles)}
                  for c in result.cells],
        "payback_years": [{"perspective": y.perspective,
                           "subsidy_rate": None if drawn(uncertainty, "subsidy_rates",
                                                          y.rate_index) else y.subsidy_rate,
                           "percentiles": [finite(x) for x in y.percentiles],
                           "never": y.never,
                           "histogram": {"within_year": list(y.histogram[:HISTOGRAM_YEARS]),
                                         "later": y.histogram[-1]}}
                          for y in result.payback_years],
    }
    return dumps(data)


# ---- examples and parameters ----------------------------------------------------------------

def examples_json(examples: list[tuple[str, str]]) -> str:
    return dumps({"nyttocalc_version": __version__,
                  "examples": [{"name": name, "title": title} for name, title in examples]})


def parameters_json(listing: list[SetSummary] | SetDescription) -> str:
    """The sets, or one set's figures."""
    return sets_json(listing) if isinstance(listing, list) else set_json(listing)


def sets_json(sets: list[SetSummary]) -> str:
    return dumps({"nyttocalc_version": __version__,
                  "parameter_sets": [asdict(s) for s in sets]})


def set_json(described: SetDescription) -> str:
    return dumps({"nyttocalc_version": __version__, "parameter_set": described.name,
                  "title": described.title, "year": described.year,
                  "municipality": described.municipality,
                  "figures": [_set_figure_json(f) for f in described.figures]})


def _set_figure_json(figure: SetFigure) -> dict[str, Any]:
    return {"name": figure.name, "value": figure.value, "unit": figure.unit,
            "description": figure.description, "basis": figure.basis,
            "source": asdict(figure.source) if figure.source else None,
            "reason": figure.reason, "formula": figure.formula}
