"""Numbers as readers write them: ``2,75 mkr``, ``175 000 kr``, ``11 %`` in Swedish.

Swedish groups thousands with a no-break space (U+00A0), writes a decimal comma and puts a space
before the percent sign; English writes ``SEK 2.75m``, ``SEK 175,000`` and ``11%``. Amounts of a
million kronor or more are written in millions with at most two decimals, as the report does;
smaller amounts in whole kronor. These are display forms: JSON and CSV carry unrounded values.
"""

from __future__ import annotations

import math

from nyttocalc.core.figures import Unit

NBSP = "\u00a0"

MONEY = (Unit.SEK, Unit.SEK_PER_YEAR, Unit.SEK_PER_PERSON_YEAR, Unit.SEK_PER_MONTH)
_NEVER = {"en": "never", "sv": "aldrig"}
_UNDEFINED = {"en": "n/a", "sv": "–"}


def number(x: float, lang: str, decimals: int = 2, *, trim: bool = True) -> str:
    """``x`` with at most ``decimals`` decimals (trailing zeros dropped unless ``trim`` is off).

    >>> number(1234567.891, "sv")
    '1\\xa0234\\xa0567,89'
    >>> number(1234567.891, "en")
    '1,234,567.89'
    >>> number(2.5, "sv", 2)
    '2,5'
    """
    if not math.isfinite(x):  # e.g. a huge share times 100: never print "inf"
        return _UNDEFINED[lang]
    text = f"{x:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def amount(x: float, lang: str, whole_kronor: bool = False) -> str:
    """Kronor: ``175 000 kr`` / ``2,75 mkr`` (sv), ``SEK 175,000`` / ``SEK 2.75m`` (en); with
    ``whole_kronor``, millions too are written out to the krona (``1 764 000 kr``)."""
    if abs(x) >= 1_000_000 and not whole_kronor:
        millions = number(x / 1_000_000, lang, 2)
        return f"{millions}{NBSP}mkr" if lang == "sv" else f"SEK{NBSP}{millions}m"
    whole = number(round(x), lang, 0)
    return f"{whole}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{whole}"


def percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share as a percentage: ``10,9 %`` (sv), ``10.9%`` (en)."""
    text = number(share * 100, lang, decimals)
    return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"


def multiple(x: float, lang: str) -> str:
    """A multiple: ``8,7 ggr`` (sv), ``8.7×`` (en)."""
    text = number(x, lang, 1)
    return f"{text}{NBSP}ggr" if lang == "sv" else f"{text}×"


def years(x: float, lang: str) -> str:
    return number(x, lang, 2)


def figure(x: float, unit: Unit, lang: str, whole_kronor: bool = False) -> str:
    """Any figure by its unit; ``inf`` (never pays back) as "never"/"aldrig", NaN never shown."""
    if math.isnan(x):
        return _UNDEFINED[lang]
    if math.isinf(x):
        return _NEVER[lang] if unit in (Unit.PERSONS, Unit.YEARS, Unit.SHARE) else (
            _UNDEFINED[lang])
    if unit in MONEY:
        return amount(x, lang, whole_kronor)
    if unit is Unit.SHARE:
        return percent(x, lang)
    if unit is Unit.MULTIPLE:
        return multiple(x, lang)
    return number(x, lang, 2)
