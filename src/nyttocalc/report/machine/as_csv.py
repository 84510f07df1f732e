"""CSV for scripts and spreadsheets (``--format csv``): unrounded numbers, an empty cell for
"never", and no cell a spreadsheet would run as a formula.

payback's CSV has one line per figure: ``perspective, group, figure, subsidy_rate,
horizon_years, persons, unsubsidised, value, unit``. With ``--lang sv`` the separator is ``;``,
the decimal mark a comma and the column names Swedish, as Swedish Excel expects.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from nyttocalc.report.cells import dimensions, drawn
from nyttocalc.report.language.labels import csv_swedish
from nyttocalc.report.language.numbers import unit_name
from nyttocalc.report.machine.csv_number import CsvNumber, csv_number
from nyttocalc.report.rows import outcomes_group, parts
from nyttocalc.run import RunInfo

if TYPE_CHECKING:  # each command's CSV imports only what it needs
    from nyttocalc.core.batch import Cell
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.core.model import Model
    from nyttocalc.core.payback import KeyFigures, PaybackAnalysis
    from nyttocalc.core.sensitivity import SensitivityResult
    from nyttocalc.core.simulate import SimulationResult
    from nyttocalc.core.sweep import SweepResult
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.core.uncertainty import Uncertainty
    from nyttocalc.documents.check import DocumentCheck


CSV_DIMS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
CSV_COLUMNS = ("perspective", "group", "figure", *CSV_DIMS, "value", "unit")


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


# ---- payback --------------------------------------------------------------------------------

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
        rows_of: list[tuple[str, KeyFigures]] = [
            (outcomes_group(e.group), e) for e in analysis.outcomes.groups]
        rows_of += [(outcomes_group(None), t) for t in analysis.outcomes.totals]
        for group, effect in rows_of:
            for key, fig in parts(effect).figures.items():
                writer.writerow([effect.party, group, csv_word(key, lang), *[""] * len(CSV_DIMS),
                                 csv_number(fig.value, swedish),
                                 csv_word(unit_name(fig.unit), lang)])
    return buffer.getvalue()


# ---- check ----------------------------------------------------------------------------------

CHECK_CSV_COLUMNS = ("id", "verdict", "published", "computed", "difference", "unit",
                     "qualifier", "precision", "section", "chain_claim", "chain_printed",
                     "chain_computed", "quote", "computed_low", "computed_high", "misses_by")


def check_csv(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
              documents: tuple[DocumentCheck, ...] = ()) -> str:
    from nyttocalc.documents.check import quotes_found

    swedish = lang == "sv"
    found = quotes_found(documents)
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


# ---- sweep ----------------------------------------------------------------------------------

def sweep_csv(result: SweepResult, lang: str) -> Iterator[str]:
    """One line per point of the grid: the varied values, then one column per perspective,
    subsidy rate and horizon (``society 0 1``: society, 0 % subsidy, 1 year; ``varied`` for the
    one the sweep varies). Written a block of rows at a time, each column at once."""
    import numpy as np

    from nyttocalc.report.machine.csv_columns import csv_column, csv_lines
    from nyttocalc.report.machine.parallel import ordered_map

    swedish = lang == "sv"
    varied = [a.path for a in result.axes]

    def heading(cell: Cell) -> str:
        known = dimensions(result.model, cell, varied)
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


# ---- sensitivity ----------------------------------------------------------------------------

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
                             e.variation.path, *(csv_number(x, swedish) for x in (
                                 e.variation.base, e.variation.low, e.variation.high, e.at_low,
                                 e.at_high, e.swing))])
    return buffer.getvalue()


# ---- timeline -------------------------------------------------------------------------------

def timeline_csv(timelines: tuple[PerspectiveTimeline, ...], lang: str) -> str:
    swedish = lang == "sv"
    buffer, writer = csv_writer(lang, ["perspective", "year", "cost", "person_years", "value",
                                       "present_value_net", "cumulative_present_value_net"])
    for t in timelines:
        for r in t.rows:
            writer.writerow([t.perspective.key, r.year, *(csv_number(x, swedish) for x in (
                r.cost, r.person_years, r.value, r.present_value_net,
                r.cumulative_present_value_net))])
    return buffer.getvalue()


# ---- simulate -------------------------------------------------------------------------------

def simulation_csv(result: SimulationResult, uncertainty: Uncertainty, lang: str) -> str:
    """One line per perspective, subsidy rate and horizon; ``drawn`` where the simulation
    draws the rate or horizon."""
    from nyttocalc.core.simulate import PERCENTILES

    swedish = lang == "sv"
    buffer, writer = csv_writer(lang, ["perspective", "subsidy_rate", "horizon_years",
                                       "probability", "net_value_mean",
                                       *(f"net_value_p{p}" for p in PERCENTILES)])
    for c in result.cells:
        drawn_rate = drawn(uncertainty, "subsidy_rates", c.cell.rate_index)
        drawn_horizon = drawn(uncertainty, "horizons_years", c.cell.horizon_index)
        writer.writerow([c.cell.perspective,
                         csv_word("drawn", lang) if drawn_rate
                         else csv_number(c.subsidy_rate, swedish),
                         csv_word("drawn", lang) if drawn_horizon
                         else csv_number(c.horizon_years, swedish),
                         csv_number(c.probability, swedish),
                         csv_number(c.net_value_mean, swedish),
                         *(csv_number(x, swedish) for x in c.net_value_percentiles)])
    return buffer.getvalue()
