"""Numbers as readers write them: ``2,75 mkr``, ``175 000 kr``, ``11 %`` in Swedish.

Swedish groups thousands with a no-break space (U+00A0), writes a decimal comma and puts a space
before the percent sign; English writes ``SEK 2.75m``, ``SEK 175,000`` and ``11%``. Amounts of a
million kronor or more are written in millions with at most two decimals, as the report does;
smaller amounts in whole kronor. These are display forms: JSON and CSV carry unrounded values.

Half-way cases round away from zero, as Swedish reports and people redoing the arithmetic do
(8,125 → 8,13; 2,125 mkr → 2,13 mkr), not to even as Python's own formatting does. A float is
rounded as it reads (its shortest representation, ``repr``): 2.675 shows as 2,68 although its
binary value is a hair below.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from nyttocalc.core.figures import Unit

NBSP = "\u00a0"

MONEY = (Unit.SEK, Unit.SEK_PER_YEAR, Unit.SEK_PER_PERSON_YEAR, Unit.SEK_PER_MONTH)
_NEVER = {"en": "never", "sv": "aldrig"}
_UNDEFINED = {"en": "n/a", "sv": "–"}


def number(x: float | Decimal, lang: str, decimals: int = 2, *, trim: bool = True,
           grouped: bool = True) -> str:
    """``x`` with at most ``decimals`` decimals (trailing zeros dropped unless ``trim`` is off).

    >>> number(1234567.891, "sv")
    '1\\xa0234\\xa0567,89'
    >>> number(1234567.891, "en")
    '1,234,567.89'
    >>> number(2.5, "sv", 2)
    '2,5'
    """
    if not (x.is_finite() if isinstance(x, Decimal) else math.isfinite(x)):
        return _UNDEFINED[lang]
    text = f"{rounded(x, decimals):{',' if grouped else ''}.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def rounded(x: float | Decimal, decimals: int) -> Decimal:
    """``x`` rounded to ``decimals`` places, half away from zero.

    >>> str(rounded(8.125, 2)), str(rounded(-0.5, 0)), str(rounded(2.675, 2))
    ('8.13', '-1', '2.68')
    """
    return _exact(x).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _EVERY_DIGIT)


def _exact(x: float | Decimal) -> Decimal:
    """A float's digits as it reads (its shortest representation); a Decimal as it is."""
    return x if isinstance(x, Decimal) else Decimal(repr(float(x)))


_EVERY_DIGIT = Context(prec=400)  # the largest float has 309 digits before the point


def amount(x: float, lang: str, whole_kronor: bool = False, decimals: int = 0) -> str:
    """Kronor: ``175 000 kr`` / ``2,75 mkr`` (sv), ``SEK 175,000`` / ``SEK 2.75m`` (en); with
    ``whole_kronor``, millions too are written out to the krona (``1 764 000 kr``), and with
    ``decimals`` to the öre and finer."""
    if abs(x) >= 1_000_000 and not whole_kronor and not decimals:
        millions = number(x / 1_000_000, lang, 2)
        return f"{millions}{NBSP}mkr" if lang == "sv" else f"SEK{NBSP}{millions}m"
    kronor = number(x, lang, decimals)
    return f"{kronor}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{kronor}"


def percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share as a percentage: ``10,9 %`` (sv), ``10.9%`` (en)."""
    return _with_percent_sign(number(_hundredfold(share), lang, decimals), lang)


def _hundredfold(share: float) -> float | Decimal:
    """A share as a percentage: ``share × 100``, or, where that is beyond the largest float (a
    share above 10^306, a figure a hostile input can reach), its digits moved two places."""
    hundredfold = share * 100
    if math.isinf(hundredfold) and math.isfinite(share):
        return Decimal(repr(float(share))).scaleb(2)
    return hundredfold


def _with_percent_sign(text: str, lang: str) -> str:
    return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"


def multiple(x: float, lang: str, decimals: int = 1) -> str:
    """A multiple: ``8,7 ggr`` (sv), ``8.7×`` (en)."""
    text = number(x, lang, decimals)
    return f"{text}{NBSP}ggr" if lang == "sv" else f"{text}×"


def years(x: float, lang: str) -> str:
    return number(x, lang, 2)


def figure(x: float, unit: Unit, lang: str, whole_kronor: bool = False, finer: int = 0) -> str:
    """Any figure by its unit; ``inf`` (never pays back) as "never"/"aldrig", NaN never shown.
    ``finer`` (0 to ``FINEST``) shows it with more digits than a report would (see ``shown``)."""
    return shown(x, unit, lang, whole_kronor, finer)[0]


FINEST = 4
# Decimals shown at each step of ``finer`` below the finest: amounts (in kronor, where step 0
# writes millions as mkr), percentages, multiples, and other numbers (persons, years). The finest
# step writes every digit of the float (its shortest exact representation).
_DECIMALS = {"amount": (0, 0, 2, 6), "percent": (1, 3, 5, 9), "multiple": (1, 3, 5, 9),
             "number": (2, 4, 6, 10)}


def _decimals(kind: str, x: float, finer: int) -> int:
    if finer < FINEST:
        return _DECIMALS[kind][finer]
    exponent = _exact(_hundredfold(x) if kind == "percent" else x).as_tuple().exponent
    return max(0, -int(exponent))


def shown(x: float, unit: Unit, lang: str, whole_kronor: bool = False,
          finer: int = 0) -> tuple[str, float]:
    """A figure as text, and the number that text says (what a reader redoing the arithmetic
    works with). ``finer`` 0 is how a report writes it; each step up shows more digits.

    >>> shown(4_875_000, Unit.SEK, "en")
    ('SEK\xa04.88m', 4880000.0)
    >>> shown(4_875_000, Unit.SEK, "en", finer=1)
    ('SEK\xa04,875,000', 4875000.0)
    """
    if math.isnan(x):
        return _UNDEFINED[lang], x
    if math.isinf(x):
        return (_NEVER[lang] if unit in (Unit.PERSONS, Unit.YEARS, Unit.SHARE)
                else _UNDEFINED[lang]), x
    if unit in MONEY:
        decimals = _decimals("amount", x, finer)
        if abs(x) >= 1_000_000 and not whole_kronor and finer == 0:
            return amount(x, lang), float(rounded(x / 1_000_000, 2)) * 1_000_000
        return amount(x, lang, True, decimals), float(rounded(x, decimals))
    if unit is Unit.SHARE:
        decimals = _decimals("percent", x, finer)
        hundredfold = _hundredfold(x)
        said = (float(rounded(hundredfold, decimals)) / 100 if isinstance(hundredfold, float)
                else float(rounded(hundredfold, decimals).scaleb(-2)))
        return percent(x, lang, decimals), said
    kind = "multiple" if unit is Unit.MULTIPLE else "number"
    decimals = _decimals(kind, x, finer)
    text = multiple(x, lang, decimals) if kind == "multiple" else number(x, lang, decimals)
    return text, float(rounded(x, decimals))


def as_given(x: float, unit: Unit, lang: str, whole_kronor: bool = False) -> tuple[str, float]:
    """An input as the scenario gives it: at the first step of precision that shows it exactly
    (``22,02 %``, not ``22 %``; ``1,3333`` years), and the number that text says.

    >>> as_given(0.2202, Unit.SHARE, "sv")
    ('22,02\xa0%', 0.2202)
    >>> as_given(1_200_000, Unit.SEK, "sv")[0]
    '1,2\xa0mkr'
    >>> as_given(0.3405, Unit.SHARE, "en")
    ('34.05%', 0.3405)
    """
    if unit is Unit.SHARE and math.isfinite(x):
        # its own digits moved two places (0,3405 → 34,05), not 0.3405 × 100 in binary
        # floating point (34.050000000000004)
        hundredfold = given_digits(x, unit)
        decimals = max(0, -int(hundredfold.as_tuple().exponent))
        return _with_percent_sign(number(float(hundredfold), lang, decimals), lang), x
    for step in range(FINEST + 1):
        text, value = shown(x, unit, lang, whole_kronor, step)
        if value == x or not math.isfinite(x):
            break
    return text, value


def given_digits(x: float, unit: Unit) -> Decimal:
    """The digits of a number as a file gives it (its shortest representation), a share as a
    percentage, exactly: 0.3405 → 34.05.

    >>> str(given_digits(0.3405, Unit.SHARE)), str(given_digits(1.3333, Unit.YEARS))
    ('34.05', '1.3333')
    """
    return Decimal(repr(float(x))).scaleb(2 if unit is Unit.SHARE else 0).normalize()
