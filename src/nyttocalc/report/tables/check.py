"""``check`` as printed: one row per claim, with its verdict and arithmetic, and a summary line."""

from __future__ import annotations

from nyttocalc.core.claims import ClaimResult
from nyttocalc.documents.check import DocumentCheck
from nyttocalc.documents.coverage import Coverage
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.verdicts import (
    claim_arithmetic,
    claim_figure,
    published_text,
    summary,
    verdict_text,
)
from nyttocalc.report.tables.printout import Printout, Table, run_header
from nyttocalc.run import RunInfo


def check_printout(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
                   documents: tuple[DocumentCheck, ...] = (), named: bool = False) -> Printout:
    """The claims and their verdicts; ``named``: each claim by its label in words (its section
    where it has none), as a report's reader needs it, not by its id, and each row anchored."""
    rows = []
    for result in results:
        source = run.claims.get(result.claim.id)
        claim = result.claim.id + (f"\n{source.section}" if source else "")
        if named and source is not None:
            claim = f"{source.label}\n{source.section}" if source.label else source.section
        rows.append((claim, published_text(result, run, lang),
                     claim_figure(result.computed.value, result, lang),
                     claim_arithmetic(result, result.computed, lang),
                     verdict_text(result, run.claims, lang, run, named)))
    headers = tuple(label(k, lang) for k in ("col.claim", "col.published", "col.computed",
                                             "col.arithmetic", "col.verdict"))
    table = Table(label("title.check", lang), headers, tuple(rows), (summary(results, lang),),
                  numeric_from=5, ratios=(0, 2, 1, 3, 4),
                  anchors=tuple(f"claim-{r.claim.id}" for r in results) if named else ())
    header = run_header(run, lang) + tuple(
        label("header.document", lang, source=d.source.key, path=d.source.path,
              quotes=len(d.quotes), missing=len(d.missing)) for d in documents)
    tables = [table]
    for checked in documents:
        if checked.missing:
            tables.append(_quotes_table(checked, lang))
        if checked.coverage is not None:
            tables.append(_coverage_table(checked, checked.coverage, lang))
    return Printout(run.title, header, tuple(tables))


def _quotes_table(checked: DocumentCheck, lang: str) -> Table:
    rows = []
    for quote in checked.missing:
        for part in quote.parts:
            if part.found:
                continue
            near = part.closest
            rows.append((f"{quote.citation.owner}\n{quote.citation.section}", part.text,
                         label("closest", lang, line=near.line, text=near.text,
                               similarity=numbers.percent(near.similarity, lang, 0))
                         if near else label("closest.none", lang)))
    headers = tuple(label(k, lang) for k in ("col.quoted_by", "col.missing", "col.closest"))
    return Table(label("title.quotes", lang, source=checked.source.key), headers, tuple(rows),
                 numeric_from=3, ratios=(0, 1, 2))


def _coverage_table(checked: DocumentCheck, coverage: Coverage, lang: str) -> Table:
    rows = []
    for section in coverage.sections:
        missed = "; ".join(f"{n.line}: {n.text}" for n in section.uncovered)
        rows.append((section.name, missed, str(len(section.numbers)), str(len(section.covered))))
    notes = [label("note.coverage", lang)]
    headings = "; ".join(f"{s.name}: " + ", ".join(f"{n.line}: {n.text}" for n in s.in_headings)
                         for s in coverage.sections if s.in_headings)
    if headings:
        notes.append(label("note.in_headings", lang, numbers=headings))
    notes += [label("note.overlap", lang, section=inner, outer=outer)
              for inner, outer in coverage.overlaps]
    if coverage.not_found:
        notes.append(label("note.not_found", lang, sections="; ".join(coverage.not_found)))
    headers = tuple(label(k, lang) for k in ("col.section", "col.uncovered", "col.numbers",
                                             "col.covered"))
    return Table(label("title.coverage", lang, source=checked.source.key), headers, tuple(rows),
                 tuple(notes), numeric_from=2, ratios=(0, 6, 1, 1))
