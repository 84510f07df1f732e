"""Phrases the outputs share: a number as a file gives it, a subsidy rate, a number of years, a
perspective's name."""

from __future__ import annotations

from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label


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
