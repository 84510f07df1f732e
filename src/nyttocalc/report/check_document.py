"""The check report: one row per claim, with its verdict and arithmetic, and a summary line."""

from __future__ import annotations

from collections import Counter

from nyttocalc.core.claims import ClaimResult, Qualifier, Reason, Verdict
from nyttocalc.report import numbers
from nyttocalc.report.document import Document, Table, arithmetic, run_header
from nyttocalc.report.i18n import label
from nyttocalc.run import RunInfo


def check_document(results: tuple[ClaimResult, ...], run: RunInfo, lang: str) -> Document:
    rows = []
    for result in results:
        source = run.claims.get(result.claim.id)
        claim = result.claim.id + (f"\n{source.section}" if source else "")
        printed = source.printed if source else _show(result.claim.published, result, lang)
        rows.append((claim, printed, _show(result.computed.value, result, lang),
                     arithmetic(result.computed, lang, to_the_krona(result)),
                     verdict_text(result, lang)))
    headers = tuple(label(k, lang) for k in ("col.claim", "col.published", "col.computed",
                                             "col.arithmetic", "col.verdict"))
    table = Table(label("title.check", lang), headers, tuple(rows), (summary(results, lang),),
                  numeric_from=5, ratios=(0, 2, 1, 3, 4))
    return Document(run.title, run_header(run, lang), (table,))


def verdict_counts(results: tuple[ClaimResult, ...]) -> Counter[Verdict]:
    return Counter(r.verdict for r in results)


def summary(results: tuple[ClaimResult, ...], lang: str) -> str:
    if not results:
        return label("summary.none", lang)
    counts = verdict_counts(results)
    return label("summary.check", lang, total=len(results), holds=counts[Verdict.HOLDS],
                 rounding=counts[Verdict.ROUNDING], dnf=counts[Verdict.DOES_NOT_FOLLOW])


def verdict_text(result: ClaimResult, lang: str) -> str:
    claim = result.claim
    published = _show(claim.published, result, lang)
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
    reasons = [reason_text(reason, lang) for reason in result.reasons]
    return "; ".join([text, *reasons])


def reason_text(reason: Reason, lang: str) -> str:
    values = reason.values
    if reason.kind == "fits_cost":
        low, high, cost = (numbers.amount(values[k], lang) for k in ("low", "high", "cost"))
        key = "reason.fits_cost_at" if low == high else "reason.fits_cost"
        return label(key, lang, low=low, high=high, cost=cost)
    if reason.kind == "rounded_first":
        return label("reason.rounded_first", lang, symbol=reason.symbol,
                     value=numbers.figure(values["value"], reason.unit, lang),
                     rounded=numbers.figure(values["rounded"], reason.unit, lang))
    return label("reason.never", lang)


def _show(x: float, result: ClaimResult, lang: str) -> str:
    return numbers.figure(x, result.computed.unit, lang, to_the_krona(result))


def to_the_krona(result: ClaimResult) -> bool:
    """Amounts printed finer than ten thousand kronor are shown to the krona, not in mkr."""
    return result.computed.unit in numbers.MONEY and result.claim.precision < 10_000
