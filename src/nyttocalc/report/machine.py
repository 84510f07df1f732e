"""JSON and CSV for scripts: unrounded numbers, stable keys, ``null``/empty for "never".

JSON (``--format json``)::

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

CSV (``--format csv``) has one line per figure: ``perspective, group, figure, subsidy_rate,
horizon_years, persons, unsubsidised, value, unit``; an empty value means never. With
``--lang sv`` the separator is ``;`` and the decimal mark a comma, as Swedish Excel expects.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from nyttocalc import __version__
from nyttocalc.core.claims import RULES, ClaimResult, Verdict
from nyttocalc.core.figures import Figure
from nyttocalc.report.document import arithmetic, symbolic
from nyttocalc.report.i18n import csv_swedish
from nyttocalc.report.numbers import unit_name
from nyttocalc.report.rows import parts
from nyttocalc.run import RunInfo

if TYPE_CHECKING:  # payback's JSON and CSV need none of check's machinery
    from nyttocalc.core.outcomes import GroupEffect, KeyFigures, OutcomesAnalysis
    from nyttocalc.core.payback import PaybackAnalysis
    from nyttocalc.documents.check import DocumentCheck
    from nyttocalc.documents.coverage import NumberFound
    from nyttocalc.documents.text import Passage

CSV_DIMS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
CSV_COLUMNS = ("perspective", "group", "figure", *CSV_DIMS, "value", "unit")


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
        if model.ledger is not None:  # what employment means to each party, as payback says
            for value in entry["values"]:
                value["outlook"] = result.outlook(value["subsidy_rate"]).value
        document["perspectives"].append(entry)
    if analysis.outcomes is not None:
        document["outcomes"] = _outcomes_json(analysis.outcomes, lang, explain)
    return dumps(document)


def _outcomes_json(outcomes: OutcomesAnalysis, lang: str, explain: bool) -> dict[str, Any]:
    """NyttoSAM's key figures: per group and party, and for all groups per party."""
    def figures(row: GroupEffect | KeyFigures) -> dict[str, Any]:
        return {key: _figure_json(fig, lang) if explain else finite(fig.value)
                for key, fig in parts(row).figures.items()}

    return {"groups": [{"group": e.group, "party": e.party, **figures(e)}
                       for e in outcomes.groups],
            "totals": [{"party": t.party, **figures(t)} for t in outcomes.totals]}


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
    return {"value": finite(fig.value), "unit": unit_name(fig.unit), "formula": symbolic(fig),
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


def csv_writer(lang: str, columns: Sequence[str]) -> tuple[io.StringIO, CsvWriter]:
    """A CSV writer with its header line written: the machine's column names in English; in
    Swedish (for Excel: ``;`` and a decimal comma) the column names in Swedish."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer, lang)
    writer.writerow([csv_heading(column, lang) for column in columns])
    return buffer, writer


def csv_heading(column: str, lang: str) -> str:
    """A column's name; a Swedish word starts with a capital ("personer" is also a unit)."""
    word = csv_word(column, lang)
    return word if word == column else word[:1].upper() + word[1:]


def csv_word(word: str, lang: str) -> str:
    """A column name or a word of a CSV cell (a unit, a verdict, "varied"): itself in English,
    its Swedish word in Swedish."""
    return word if lang == "en" else csv_swedish(word)


def payback_csv(analysis: PaybackAnalysis, lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang, CSV_COLUMNS)
    for result in analysis.perspectives:
        for group, rows in result.groups().items():
            for row in rows:
                p = parts(row)
                dims = [csv_number(p.dims[d], swedish) if d in p.dims else "" for d in CSV_DIMS]
                for key, fig in p.figures.items():
                    writer.writerow([result.perspective.key, csv_word(group, lang),
                                     csv_word(key, lang), *dims,
                                     csv_number(fig.value, swedish),
                                     csv_word(unit_name(fig.unit), lang)])
    if analysis.outcomes is not None:
        rows_of: list[tuple[str, GroupEffect | KeyFigures]] = [
            (outcomes_group(e.group), e) for e in analysis.outcomes.groups]
        rows_of += [(outcomes_group(None), t) for t in analysis.outcomes.totals]
        for group, row in rows_of:
            for key, fig in parts(row).figures.items():
                writer.writerow([row.party, group, csv_word(key, lang), *[""] * len(CSV_DIMS),
                                 csv_number(fig.value, swedish),
                                 csv_word(unit_name(fig.unit), lang)])
    return buffer.getvalue()


def outcomes_group(group: str | None) -> str:
    """Where a key figure stands among the figures: ``outcomes GROUP`` for one group's,
    ``outcomes`` for every group's together (payback's CSV, the workbook's figure keys)."""
    return "outcomes" if group is None else f"outcomes {group}"


def csv_number(x: float, swedish: bool) -> CsvNumber:
    """Unrounded; empty where the figure is never reached.

    >>> csv_number(2.5, True), csv_number(2750000.0, False), csv_number(math.inf, False)
    ('2,5', '2750000', '')
    """
    x = float(x)
    # x - x is NaN (true) for inf and NaN, 0.0 (false) for every finite number
    text = "" if x - x else str(int(x)) if x.is_integer() else repr(x)
    return CsvNumber(text.replace(".", ",") if swedish else text)


def check_json(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
               documents: tuple[DocumentCheck, ...] = ()) -> str:
    # check's words and verdicts only here: 17 ms to import, which payback's JSON does without
    from nyttocalc.report.check_document import (
        claim_arithmetic,
        reason_text,
        verdict_counts,
        verdict_text,
    )

    found = _quotes_found(documents)
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


def _quotes_found(documents: tuple[DocumentCheck, ...]) -> dict[str, bool]:
    """Whether each claim's quote stands in its document, by claim id (absent: not checked)."""
    return {q.citation.owner: q.found for d in documents for q in d.quotes
            if q.citation.kind == "claim"}


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
    from nyttocalc.report.check_document import claim_arithmetic

    chain = result.chain
    if chain is None:
        return None
    return {"claim": chain.claim, "symbol": chain.symbol, "value": chain.value,
            "printed": chain.printed, "computed": finite(chain.figure.value),
            "arithmetic": claim_arithmetic(result, chain.figure, lang)}


CHECK_CSV_COLUMNS = ("id", "verdict", "published", "computed", "difference", "unit",
                     "qualifier", "precision", "section", "chain_claim", "chain_printed",
                     "chain_computed", "quote", "computed_low", "computed_high", "misses_by")


def check_csv(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
              documents: tuple[DocumentCheck, ...] = ()) -> str:
    swedish = lang == "sv"
    found = _quotes_found(documents)
    buffer, writer = csv_writer(lang, CHECK_CSV_COLUMNS)
    for result in results:
        claim, source = result.claim, run.claims.get(result.claim.id)
        numbers = [claim.published, result.computed.value, result.difference]
        chain = result.chain
        writer.writerow([claim.id, csv_word(result.verdict.value, lang),
                         *(csv_number(x, swedish) for x in numbers),
                         csv_word(unit_name(result.computed.unit), lang),
                         csv_word(claim.qualifier.value, lang),
                         csv_number(claim.precision, swedish),
                         source.section if source else "",
                         *((chain.claim, csv_number(chain.printed, swedish),
                            csv_number(chain.figure.value, swedish)) if chain else ("",) * 3),
                         csv_word(_found_cell(found.get(claim.id)), lang),
                         csv_number(result.bounds.low, swedish),
                         csv_number(result.bounds.high, swedish),
                         "" if result.misses_by is None else csv_number(result.misses_by,
                                                                        swedish)])
    return buffer.getvalue()


def _found_cell(found: bool | None) -> str:
    """``found``, ``missing``, or empty where the quote was not checked (no document)."""
    return "" if found is None else "found" if found else "missing"


COVERAGE_CSV_COLUMNS = ("document", "section", "line", "number", "value", "covered_by",
                        "in_heading")


def coverage_csv(documents: tuple[DocumentCheck, ...], lang: str) -> str:
    """One line per number in the named sections; ``covered_by`` lists the claims and inputs
    (space-separated), empty where none covers it; the numbers of headings come last, with
    ``in_heading`` set (they are not counted)."""
    buffer, writer = csv_writer(lang, COVERAGE_CSV_COLUMNS)
    for checked in documents:
        for section in checked.coverage.sections if checked.coverage else ():
            rows = [(n, "") for n in section.numbers]
            rows += [(n, csv_word("yes", lang)) for n in section.in_headings]
            for n, heading in rows:
                writer.writerow([checked.source.key, n.section, n.line, n.text,
                                 csv_number(n.value, lang == "sv"), " ".join(n.covered_by),
                                 heading])
    return buffer.getvalue()
