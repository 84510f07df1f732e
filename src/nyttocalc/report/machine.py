"""JSON and CSV for scripts: unrounded numbers, stable keys, ``null``/empty for "never".

JSON (``--format json``)::

    {"nyttocalc_version": "…", "scenario": {file, title, overrides, assumptions},
     "cohort": {participants, full_time_equivalent, delay_years},
     "analysis": {horizons_years, subsidy_rates, long_view_years, write_off_years},
     "perspectives": [{"key", "label", "summary": {…}, "values": [{…}], "break_even": [{…}],
                       "payback_by_persons": [{…}], "mixes": [{…}]}]}

Each group is a list of objects holding the row's dimensions, figures and flags (``summary`` is
a single object). A figure is a number, or ``null`` where it is never reached; with ``--explain``
it is ``{"value", "unit", "formula", "arithmetic"}`` instead.

CSV (``--format csv``) has one line per figure: ``perspective, group, figure, subsidy_rate,
horizon_years, persons, unsubsidised, value, unit``; an empty value means never. With
``--lang sv`` the separator is ``;`` and the decimal mark a comma, as Swedish Excel expects.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from typing import Any

from nyttocalc import __version__
from nyttocalc.core.claims import RULES, ClaimResult, Verdict
from nyttocalc.core.figures import Figure
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.report.document import arithmetic, symbolic
from nyttocalc.report.rows import parts
from nyttocalc.run import RunInfo

CSV_DIMS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
CSV_COLUMNS = ("perspective", "group", "figure", *CSV_DIMS, "value", "unit")


def finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def scenario_json(run: RunInfo) -> dict[str, Any]:
    return {
        "file": run.file,
        "title": run.title,
        "overrides": list(run.overrides),
        "assumptions": [{"path": a.path, "value": a.value, "unit": a.unit.value,
                         "reason": a.reason} for a in run.assumptions],
    }


def payback_json(analysis: PaybackAnalysis, run: RunInfo, lang: str, explain: bool) -> str:
    model = analysis.model
    document: dict[str, Any] = {
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
        document["perspectives"].append(entry)
    return dumps(document)


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _row_json(row: object, lang: str, explain: bool) -> dict[str, Any]:
    p = parts(row)
    out: dict[str, Any] = dict(p.dims)
    for key, fig in p.figures.items():
        out[key] = _figure_json(fig, lang) if explain else finite(fig.value)
    out.update(p.flags)
    return out


def _figure_json(fig: Figure, lang: str) -> dict[str, Any]:
    return {"value": finite(fig.value), "unit": fig.unit.value, "formula": symbolic(fig),
            "arithmetic": arithmetic(fig, lang)}


class CsvNumber(str):
    """A number as ``csv_number`` writes it: a cell that is never escaped, negative or not."""


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection";
# a line break too, which some split off and read what follows as a new cell).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with a leading ``'`` (shown as
    text, not run); numbers written by ``csv_number`` and everything else unchanged. A carriage
    return in text becomes a line feed, which the writer quotes (it would not quote a bare CR).

    >>> csv_cell("=cmd|' /C calc'!A0"), csv_cell(csv_number(-5.0, False)), csv_cell("society")
    ("'=cmd|' /C calc'!A0", '-5', 'society')
    """
    if not isinstance(cell, str) or isinstance(cell, CsvNumber):
        return cell
    text = cell.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.startswith(_FORMULA_START) else text


class CsvWriter:
    """``csv.writer`` whose every text cell goes through ``csv_cell``: no CSV of the tool can
    carry a formula from a scenario's text, whichever command writes it."""

    def __init__(self, stream: Any, lang: str) -> None:
        self._writer = csv.writer(stream, delimiter=";" if lang == "sv" else ",",
                                  lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(cell) for cell in row])


def csv_writer(lang: str) -> tuple[io.StringIO, CsvWriter]:
    buffer = io.StringIO()
    return buffer, CsvWriter(buffer, lang)


def payback_csv(analysis: PaybackAnalysis, lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang)
    writer.writerow(CSV_COLUMNS)
    for result in analysis.perspectives:
        for group, rows in result.groups().items():
            for row in rows:
                p = parts(row)
                dims = [csv_number(p.dims[d], swedish) if d in p.dims else "" for d in CSV_DIMS]
                for key, fig in p.figures.items():
                    writer.writerow([result.perspective.key, group, key, *dims,
                                     csv_number(fig.value, swedish), fig.unit.value])
    return buffer.getvalue()


def csv_number(x: float, swedish: bool) -> CsvNumber:
    """Unrounded; empty where the figure is never reached.

    >>> csv_number(2.5, True), csv_number(2750000.0, False), csv_number(math.inf, False)
    ('2,5', '2750000', '')
    """
    return CsvNumber(csv_numbers([float(x)], swedish)[0])


def csv_numbers(values: Iterable[float], swedish: bool) -> list[str]:
    """``csv_number`` of many floats at once, without a call per number (a sweep writes
    millions): whole numbers without ``.0``, others as ``repr``, empty where not finite."""
    # v - v is NaN (true) for inf and NaN, 0.0 (false) for every finite number
    texts = ["" if v - v else str(int(v)) if v.is_integer() else repr(v) for v in values]
    return [t.replace(".", ",") for t in texts] if swedish else texts


def check_json(results: tuple[ClaimResult, ...], run: RunInfo, lang: str) -> str:
    from nyttocalc.report.check_document import (
        reason_text,
        to_the_krona,
        verdict_counts,
        verdict_text,
    )

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
            "difference": finite(result.difference),
            "unit": result.computed.unit.value,
            "qualifier": claim.qualifier.value,
            "precision": claim.precision,
            "rule": RULES[claim.qualifier].meaning,
            "formula": symbolic(result.computed),
            "arithmetic": arithmetic(result.computed, lang, to_the_krona(result)),
            "verdict": result.verdict.value,
            "explanation": verdict_text(result, lang),
            "reasons": [{"kind": r.kind, "symbol": r.symbol or None,
                         **{k: finite(v) for k, v in r.values.items()},
                         "text": reason_text(r, lang)} for r in result.reasons],
        })
    counted = verdict_counts(results)
    counts = {v.value: counted[v] for v in Verdict}
    return dumps({"nyttocalc_version": __version__, "scenario": scenario_json(run),
                   "claims": claims, "summary": {"claims": len(results), **counts}})


CHECK_CSV_COLUMNS = ("id", "verdict", "published", "computed", "difference", "unit",
                     "qualifier", "precision", "section")


def check_csv(results: tuple[ClaimResult, ...], run: RunInfo, lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang)
    writer.writerow(CHECK_CSV_COLUMNS)
    for result in results:
        claim, source = result.claim, run.claims.get(result.claim.id)
        numbers = [claim.published, result.computed.value, result.difference]
        writer.writerow([claim.id, result.verdict.value,
                         *(csv_number(x, swedish) for x in numbers),
                         result.computed.unit.value, claim.qualifier.value,
                         csv_number(claim.precision, swedish),
                         source.section if source else ""])
    return buffer.getvalue()
