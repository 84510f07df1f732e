"""Phrases the outputs share: a number as a file gives it, a subsidy rate, a number of years, a
perspective's name, a distribution as a formula."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nyttocalc.core.figures import Unit
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label

if TYPE_CHECKING:
    from nyttocalc.core.model import Model
    from nyttocalc.core.uncertainty import Distribution


def exactly(value: float, unit: Unit, lang: str) -> str:
    """A number given in a file, written with as many digits as it has."""
    return numbers.as_given(value, unit, lang)[0]


def rate_text(rate: float, lang: str) -> str:
    """A subsidy rate as a whole percentage: ``80 %``."""
    return numbers.percent(rate, lang, 0)


def years_phrase(value: float, lang: str) -> str:
    word = label("year" if value == 1 else "years", lang)
    return f"{numbers.years(value, lang)} {word}"


def perspective_label(model: Model, key: str, lang: str) -> str:
    perspective = next(p for p in model.perspectives if p.key == key)
    return perspective.labels.get(lang, key)


def rate_phrase(rate: float, lang: str) -> str:
    """``without a subsidy`` / ``at 80 % subsidy``."""
    if rate == 0:
        return label("answer.no_subsidy", lang)
    return label("answer.with_subsidy", lang, rate=rate_text(rate, lang))


def describe(d: Distribution, lang: str = "en") -> str:
    """``normal(585000, 50000)``, ``likformig(0,1; 0,3)``: a distribution as a formula, its
    numbers as the language writes them (in English ungrouped, as commas separate the
    arguments). A normal's truncation is shown only at a bound that cuts it (within
    ``VISIBLE_SD`` standard deviations of its mean)."""
    def n(x: float) -> str:
        return numbers.number(x, lang, 6, grouped=lang == "sv")

    name = label(f"dist.{d.kind}", lang)
    if d.kind == "fixed":
        return f"{name} {n(d.value)}"
    if d.kind == "uniform":
        return f"{name}({n(d.low)}; {n(d.high)})" if lang == "sv" else (
            f"{name}({n(d.low)}, {n(d.high)})")
    sep = "; " if lang == "sv" else ", "
    if d.kind == "triangular":
        return f"{name}({sep.join(n(x) for x in (d.low, d.mode, d.high))})"
    if d.kind == "beta":
        return label("dist.beta_on", lang, alpha=n(d.alpha), beta=n(d.beta), low=n(d.low),
                     high=n(d.high), sep=sep)
    shape = f"{name}({n(d.mean)}{sep}{n(d.sd)})"
    low = d.low > d.mean - VISIBLE_SD * d.sd
    high = d.high < d.mean + VISIBLE_SD * d.sd
    if low and high:
        return label("dist.truncated", lang, shape=shape, low=n(d.low), high=n(d.high),
                     sep=sep)
    if low or high:
        return label("dist.truncated_below" if low else "dist.truncated_above", lang,
                     shape=shape, bound=n(d.low if low else d.high))
    return shape


VISIBLE_SD = 8.0  # beyond 8 sd a normal has less than 1e-15 of its mass: no draw is cut there
