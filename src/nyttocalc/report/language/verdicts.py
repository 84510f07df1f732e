"""A claim's verdict in words, as ``check``, its JSON, the workbook and the report page say it:
the verdict and its reasons, the figures the claim's inputs allow, a rounding chain, the
published figure as printed, and the arithmetic to the decimals the claim prints."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping

from nyttocalc.core.claims import Chain, ClaimResult, Qualifier, Reason, Verdict
from nyttocalc.core.figures import Figure
from nyttocalc.report.language import numbers
from nyttocalc.report.language.explained import arithmetic
from nyttocalc.report.language.labels import LABELS, label
from nyttocalc.run import ClaimSource, RunInfo


def verdict_counts(results: tuple[ClaimResult, ...]) -> Counter[Verdict]:
    return Counter(r.verdict for r in results)


def summary(results: tuple[ClaimResult, ...], lang: str) -> str:
    if not results:
        return label("summary.none", lang)
    counts = verdict_counts(results)
    return label("summary.check", lang, total=len(results), holds=counts[Verdict.HOLDS],
                 rounding=counts[Verdict.ROUNDING], inputs=counts[Verdict.INPUT_ROUNDING],
                 chain=counts[Verdict.ROUNDING_CHAIN], dnf=counts[Verdict.DOES_NOT_FOLLOW])


def published_text(result: ClaimResult, run: RunInfo, lang: str) -> str:
    """The published figure: as the report prints it where the report writes numbers as this
    language does (a Swedish report in Swedish), else in this language's style with the
    qualifier in its words ("about SEK 920,000" for "cirka 0,92 mkr"): one style a table."""
    source = run.claims.get(result.claim.id)
    if source is not None and run.writes_as(lang):
        return source.printed + (f" ({source.scale})" if source.scale else "")
    return qualified(_published(result, lang), result.claim.qualifier, lang)


def qualified(figure: str, qualifier: Qualifier, lang: str) -> str:
    """A figure with its qualifier in this language's words: ``about SEK 920,000``."""
    if qualifier is Qualifier.EXACT:
        return figure
    return f"{label(f'qualifier.{qualifier.value}', lang)} {figure}"


def verdict_text(result: ClaimResult, sources: Mapping[str, ClaimSource], lang: str,
                 run: RunInfo | None = None, named: bool = False) -> str:
    """The verdict in words; ``named``: figures and claims by their names in words, as a
    report's reader needs them, not by their symbols and ids."""
    claim = result.claim
    published = _published(result, lang)
    if result.chain is not None:
        return chain_text(result, result.chain, sources, lang, run, named)
    if result.verdict is Verdict.HOLDS:
        return label("verdict.holds", lang)
    if result.verdict is Verdict.INPUT_ROUNDING:
        return label("verdict.input-rounding", lang, range=_range(result, lang),
                     published=published)
    if result.verdict is Verdict.ROUNDING:
        if claim.qualifier is Qualifier.DRYGT:
            return label("verdict.drygt", lang, published=published)
        if claim.qualifier is Qualifier.NASTAN:
            return label("verdict.nastan", lang, published=published)
        if claim.qualifier is Qualifier.KNAPPT:
            return label("verdict.knappt", lang, published=published)
        return label("verdict.rounding", lang,
                     precision=claim_figure(claim.precision, result, lang))
    text = label("verdict.does-not-follow", lang,
                 computed=claim_figure(result.computed.value, result, lang), published=published)
    names = _names(sources, lang) if named else None
    reasons = [reason_text(reason, lang, result, names) for reason in result.reasons]
    return "; ".join([text, *_interval_text(result, lang), *reasons])


Names = tuple[Callable[[str], str], Callable[[str], str]]  # a figure's symbol, a claim's id


def _names(sources: Mapping[str, ClaimSource], lang: str) -> Names:
    """A figure by its label (``required_value_per_year`` → krävs per år), a claim by its
    label or, without one, by where it stands."""
    def figure(symbol: str) -> str:
        return label(symbol, lang).lower() if symbol in LABELS else symbol

    def claim(claim_id: str) -> str:
        source = sources.get(claim_id)
        if source is None:
            return claim_id
        return str(source.label) if source.label else f"{source.printed} ({source.section})"

    return figure, claim


def _interval_text(result: ClaimResult, lang: str) -> list[str]:
    """Where the claim's inputs are printed (rounded): the figures they allow, and how far
    those miss the published one; nothing where every input is given exactly."""
    bounds, gap = result.bounds, result.misses_by
    if not bounds.bounded:
        return [label("verdict.unbounded", lang)]
    if bounds.exact or gap is None or not math.isfinite(result.computed.value):
        return []
    return [label("verdict.misses", lang, range=_range(result, lang),
                  gap=_gap(gap, result, lang))]


def _range(result: ClaimResult, lang: str) -> str:
    """The figures a claim's inputs allow, to its printed precision, or finer where that would
    show the two ends alike, or an end on the other side of the published figure's band."""
    low, high = result.bounds.low, result.bounds.high
    band_low, band_high = result.band
    unit, whole = result.computed.unit, to_the_krona(result)
    printed = unit in numbers.MONEY  # amounts with the decimals they print, both ends alike

    def agrees(x: float, precision: float) -> bool:
        digit = numbers.last_digit(x, unit, precision, whole, printed=printed)
        shown = float(numbers.rounded(x / digit, 0)) * digit
        return (band_low <= shown <= band_high) == (band_low <= x <= band_high)

    for finer in range(4):
        precision = result.claim.precision / 10**finer
        texts = [numbers.at_precision(x, unit, lang, precision, whole, printed=printed)
                 for x in (low, high)]
        if (texts[0] != texts[1] or low == high) and agrees(low, precision) and agrees(
                high, precision):
            break
    return numbers.span(texts[0], texts[1], lang)


def _gap(gap: float, result: ClaimResult, lang: str) -> str:
    """A distance shown with enough digits not to read 0."""
    unit = result.computed.unit
    for step in range(numbers.FINEST + 1):
        text, shown = numbers.shown(gap, unit, lang, to_the_krona(result), step)
        if shown != 0:
            return text
    return text


def chain_text(result: ClaimResult, chain: Chain, sources: Mapping[str, ClaimSource],
               lang: str, run: RunInfo | None = None, named: bool = False) -> str:
    """"required_value_per_year 0,92 mkr, as printed in <claim> (<section>): SEK 920,000 / 14 =
    SEK 65,714 → cirka 66 000 kr": the report's own printed figure, and its arithmetic (the
    printed texts as printed where the report writes numbers as this language does)."""
    where, this = sources.get(chain.claim), sources.get(result.claim.id)
    verbatim = run is None or run.writes_as(lang)
    unit = next(t.unit for t in result.computed.derivation() if t.symbol == chain.symbol)
    figure, claim = _names(sources, lang) if named else (str, str)
    return label("verdict.rounding-chain", lang, symbol=figure(chain.symbol),
                 printed=where.printed if where and verbatim else qualified(
                     numbers.figure(chain.printed, unit, lang), chain.qualifier, lang),
                 claim=claim(chain.claim), section=where.section if where else "",
                 arithmetic=claim_arithmetic(result, chain.figure, lang),
                 published=this.printed if this and verbatim else qualified(
                     _published(result, lang), result.claim.qualifier, lang))


def reason_text(reason: Reason, lang: str, result: ClaimResult | None = None,
                names: Names | None = None) -> str:
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
    if reason.kind == "padded_zero" and result is not None:
        coarser = values["precision"]
        return label("reason.padded_zero", lang,
                     value=numbers.at_precision(values["value"], reason.unit, lang, coarser / 10),
                     published=numbers.at_precision(result.claim.published, reason.unit, lang,
                                                    coarser))
    return label(f"reason.{reason.kind}", lang)  # never, undefined, or a zero divisor


def claim_figure(x: float, result: ClaimResult, lang: str) -> str:
    """A figure of a claim, with the decimals its printed precision needs."""
    return numbers.at_precision(x, result.computed.unit, lang, result.claim.precision,
                                to_the_krona(result))


def _published(result: ClaimResult, lang: str) -> str:
    """A claim's published figure as a report prints it: its printed decimals, no more."""
    return numbers.at_precision(result.claim.published, result.computed.unit, lang,
                                result.claim.precision, to_the_krona(result), printed=True)


def claim_arithmetic(result: ClaimResult, figure: Figure, lang: str) -> str:
    """A claim's arithmetic (or its chain's), its result with the decimals the claim prints."""
    return arithmetic(figure, lang, to_the_krona(result), result.claim.precision)


def to_the_krona(result: ClaimResult) -> bool:
    """Amounts printed finer than ten thousand kronor are shown to the krona, not in mkr."""
    return result.computed.unit in numbers.MONEY and result.claim.precision < 10_000
