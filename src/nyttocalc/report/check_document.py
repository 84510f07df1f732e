"""The check report: one row per claim, with its verdict and arithmetic, and a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from nyttocalc.core.claims import Chain, ClaimResult, Qualifier, Reason, Verdict
from nyttocalc.documents.check import DocumentCheck
from nyttocalc.documents.coverage import Coverage
from nyttocalc.report import numbers
from nyttocalc.report.document import Document, Table, arithmetic, run_header
from nyttocalc.report.i18n import LABELS, label
from nyttocalc.run import ClaimSource, RunInfo


def check_document(results: tuple[ClaimResult, ...], run: RunInfo, lang: str,
                   documents: tuple[DocumentCheck, ...] = (), named: bool = False) -> Document:
    """The claims and their verdicts; ``named``: each claim by its label in words (its section
    where it has none), as a report's reader needs it, not by its id, and each row anchored."""
    rows = []
    for result in results:
        source = run.claims.get(result.claim.id)
        claim = result.claim.id + (f"\n{source.section}" if source else "")
        if named and source is not None:
            claim = f"{source.label}\n{source.section}" if source.label else source.section
        printed = source.printed if source else _show(result.claim.published, result, lang)
        rows.append((claim, printed, _show(result.computed.value, result, lang),
                     arithmetic(result.computed, lang, to_the_krona(result)),
                     verdict_text(result, run.claims, lang, named)))
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
    return Document(run.title, header, tuple(tables))


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
    if coverage.not_found:
        notes.append(label("note.not_found", lang, sections="; ".join(coverage.not_found)))
    headers = tuple(label(k, lang) for k in ("col.section", "col.uncovered", "col.numbers",
                                             "col.covered"))
    return Table(label("title.coverage", lang, source=checked.source.key), headers, tuple(rows),
                 tuple(notes), numeric_from=2, ratios=(0, 6, 1, 1))


def verdict_counts(results: tuple[ClaimResult, ...]) -> Counter[Verdict]:
    return Counter(r.verdict for r in results)


def summary(results: tuple[ClaimResult, ...], lang: str) -> str:
    if not results:
        return label("summary.none", lang)
    counts = verdict_counts(results)
    return label("summary.check", lang, total=len(results), holds=counts[Verdict.HOLDS],
                 rounding=counts[Verdict.ROUNDING], chain=counts[Verdict.ROUNDING_CHAIN],
                 dnf=counts[Verdict.DOES_NOT_FOLLOW])


def verdict_text(result: ClaimResult, sources: Mapping[str, ClaimSource], lang: str,
                 named: bool = False) -> str:
    """The verdict in words; ``named``: figures and claims by their names in words, as a
    report's reader needs them, not by their symbols and ids."""
    claim = result.claim
    published = _show(claim.published, result, lang)
    if result.chain is not None:
        return chain_text(result, result.chain, sources, lang, named)
    if result.verdict is Verdict.HOLDS:
        return label("verdict.holds", lang)
    if result.verdict is Verdict.ROUNDING:
        if claim.qualifier is Qualifier.DRYGT:
            return label("verdict.drygt", lang, published=published)
        if claim.qualifier is Qualifier.NASTAN:
            return label("verdict.nastan", lang, published=published)
        if claim.qualifier is Qualifier.KNAPPT:
            return label("verdict.knappt", lang, published=published)
        return label("verdict.rounding", lang, precision=_show(claim.precision, result, lang))
    text = label("verdict.does-not-follow", lang,
                 computed=_show(result.computed.value, result, lang), published=published)
    reasons = [reason_text(reason, lang, _names(sources, lang) if named else None)
               for reason in result.reasons]
    return "; ".join([text, *reasons])


Names = tuple[Callable[[str], str], Callable[[str], str]]  # a figure's symbol, a claim's id


def _names(sources: Mapping[str, ClaimSource], lang: str) -> Names:
    """A figure by its label (``required_value_per_year`` → Krävs per år), a claim by its
    label or, without one, by where it stands."""
    def figure(symbol: str) -> str:
        return label(symbol, lang).lower() if symbol in LABELS else symbol

    def claim(claim_id: str) -> str:
        source = sources.get(claim_id)
        if source is None:
            return claim_id
        return str(source.label) if source.label else f"{source.printed} ({source.section})"

    return figure, claim


def chain_text(result: ClaimResult, chain: Chain, sources: Mapping[str, ClaimSource],
               lang: str, named: bool = False) -> str:
    """"required_value_per_year 0,92 mkr, as printed in <claim> (<section>): SEK 920,000 / 14 =
    SEK 65,714 → cirka 66 000 kr": the report's own printed figure, and its arithmetic."""
    where, this = sources.get(chain.claim), sources.get(result.claim.id)
    figure, claim = _names(sources, lang) if named else (str, str)
    return label("verdict.rounding-chain", lang, symbol=figure(chain.symbol),
                 printed=where.printed if where else numbers.figure(chain.printed,
                                                                    chain.figure.unit, lang),
                 claim=claim(chain.claim), section=where.section if where else "",
                 arithmetic=arithmetic(chain.figure, lang, to_the_krona(result)),
                 published=this.printed if this else _show(result.claim.published, result,
                                                           lang))


def reason_text(reason: Reason, lang: str, names: Names | None = None) -> str:
    values = reason.values
    figure, claim = names or (str, str)
    if reason.kind == "lowers_count":
        return label("reason.lowers_count", lang, symbol=figure(reason.symbol),
                     claim=claim(reason.claim),
                     value=numbers.figure(values["value"], reason.unit, lang),
                     rounded=numbers.figure(values["rounded"], reason.unit, lang),
                     count=numbers.number(values["count"], lang),
                     needed=numbers.number(values["needed"], lang))
    if reason.kind == "fits_cost":
        low, high, cost = (numbers.amount(values[k], lang) for k in ("low", "high", "cost"))
        key = "reason.fits_cost_at" if low == high else "reason.fits_cost"
        return label(key, lang, low=low, high=high, cost=cost)
    if reason.kind == "rounded_first":
        return label("reason.rounded_first", lang, symbol=figure(reason.symbol),
                     value=numbers.figure(values["value"], reason.unit, lang),
                     rounded=numbers.figure(values["rounded"], reason.unit, lang))
    return label(f"reason.{reason.kind}", lang)  # never, or undefined


def _show(x: float, result: ClaimResult, lang: str) -> str:
    return numbers.figure(x, result.computed.unit, lang, to_the_krona(result))


def to_the_krona(result: ClaimResult) -> bool:
    """Amounts printed finer than ten thousand kronor are shown to the krona, not in mkr."""
    return result.computed.unit in numbers.MONEY and result.claim.precision < 10_000
