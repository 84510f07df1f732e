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
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Context, Decimal

from nyttocalc.core.figures import Unit

NBSP = "\u00a0"

MONEY = (Unit.SEK, Unit.SEK_PER_YEAR, Unit.SEK_PER_PERSON_YEAR, Unit.SEK_PER_MONTH,
         Unit.SEK_PER_WEEK, Unit.SEK_PER_DAY, Unit.SEK_PER_HOUR)

# The currency of the run's scenario (its `numbers.currency`): every amount is written in it.
# The core knows money only as money (its units say SEK); the command sets this once, when it has
# read the scenario, and every renderer of that run writes amounts in it.
_CURRENCY: ContextVar[str] = ContextVar("currency", default="SEK")
# English: the sign before the amount ("$4,184"; a code with a space: "SEK 4,184"). Swedish: the
# code after it ("4 184 USD"), except kronor ("4 184 kr", "2,75 mkr", "4,72 mdkr").
_SIGNS = {"USD": "$", "AUD": "A$", "GBP": "£", "EUR": "€"}


def use_currency(code: str) -> None:
    """Write every amount of this run in ``code`` (SEK, USD, AUD, GBP or EUR)."""
    _CURRENCY.set(code)


def currency() -> str:
    return _CURRENCY.get()


def unit_name(unit: Unit) -> str:
    """A unit as the scenario writes it: money in the run's currency (``USD/year``).

    >>> unit_name(Unit.SEK_PER_YEAR), unit_name(Unit.SHARE)
    ('SEK/year', 'share')
    """
    return unit.value.replace("SEK", currency(), 1) if unit in MONEY else unit.value
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


def amount(x: float, lang: str, whole_kronor: bool = False, decimals: int = 0, *,
           trim: bool = True) -> str:
    """Kronor: ``175 000 kr`` / ``2,75 mkr`` (sv), ``SEK 175,000`` / ``SEK 2.75m`` (en); with
    ``whole_kronor``, millions too are written out to the krona (``1 764 000 kr``), and with
    ``decimals`` to the öre and finer. Billions as ``4,72 mdkr`` / ``SEK 4.72bn``. In another
    currency: ``$175,000``, ``$2.75m`` (en), ``175 000 USD``, ``2,75 milj. USD`` (sv)."""
    if abs(x) >= 1_000_000 and not whole_kronor and not decimals:
        scale, words = (1e9, _BILLIONS) if abs(x) >= 1e9 else (1e6, _MILLIONS)
        return _with_currency(number(x / scale, lang, 2), lang, words)
    return _with_currency(number(x, lang, decimals, trim=trim), lang, ("kr", "", ""))


_MILLIONS = ("mkr", "m", "milj.")  # (kronor in Swedish, English suffix, Swedish word)
_BILLIONS = ("mdkr", "bn", "mdr")


def _with_currency(digits: str, lang: str, words: tuple[str, str, str]) -> str:
    code = currency()
    if lang == "sv":
        if code == "SEK":
            return f"{digits}{NBSP}{words[0]}"
        return f"{digits}{NBSP}{words[2]}{NBSP}{code}" if words[2] else f"{digits}{NBSP}{code}"
    sign = _SIGNS.get(code)
    if sign is None:
        return f"{code}{NBSP}{digits}{words[1]}"
    negative = digits.startswith("-")
    return f"{'-' if negative else ''}{sign}{digits.lstrip('-')}{words[1]}"


def percent(share: float, lang: str, decimals: int = 1, *, trim: bool = True) -> str:
    """A share as a percentage: ``10,9 %`` (sv), ``10.9%`` (en)."""
    return _with_percent_sign(number(_hundredfold(share), lang, decimals, trim=trim), lang)


def _hundredfold(share: float) -> float | Decimal:
    """A share as a percentage: ``share × 100``, or, where that is beyond the largest float (a
    share above 10^306, a figure a hostile input can reach), its digits moved two places."""
    hundredfold = share * 100
    if math.isinf(hundredfold) and math.isfinite(share):
        return Decimal(repr(float(share))).scaleb(2)
    return hundredfold


def _with_percent_sign(text: str, lang: str) -> str:
    return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"


def multiple(x: float, lang: str, decimals: int = 1, *, trim: bool = True) -> str:
    """A multiple: ``8,7 ggr`` (sv), ``8.7×`` (en)."""
    text = number(x, lang, decimals, trim=trim)
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
            scale = 1e9 if abs(x) >= 1e9 else 1e6
            return amount(x, lang), float(rounded(x / scale, 2)) * scale
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


def at_precision(x: float, unit: Unit, lang: str, precision: float,
                 whole_kronor: bool = False, *, printed: bool = False) -> str:
    """A figure with at least the decimals a printed precision needs: a multiple printed
    "0,85" is shown ``0,85 ggr``, not ``0,9 ggr``; otherwise as ``figure`` shows it. With
    ``printed``, a figure as a report prints it: just those decimals, trailing zeros kept
    (``1.40×``, ``11%``).

    >>> at_precision(0.8524, Unit.MULTIPLE, "en", 0.01), at_precision(8.7, Unit.MULTIPLE, "en", 1)
    ('0.85×', '8.7×')
    >>> at_precision(1.4, Unit.MULTIPLE, "en", 0.01, printed=True)
    '1.40×'
    """
    needed = decimals_of(precision)
    if not math.isfinite(x) or (unit in MONEY and (whole_kronor is False or needed == 0)):
        return figure(x, unit, lang, whole_kronor)
    trim = not printed
    if unit in MONEY:
        return amount(x, lang, True, needed, trim=trim)
    if unit is Unit.SHARE:
        return percent(x, lang, max(needed - 2, 0 if printed else 1), trim=trim)
    if unit is Unit.MULTIPLE:
        return multiple(x, lang, needed if printed else max(1, needed), trim=trim)
    return number(x, lang, needed if printed else max(2, needed), trim=trim)


def last_digit(x: float, unit: Unit, precision: float, whole_kronor: bool = False, *,
               printed: bool = False) -> float:
    """What the last digit ``at_precision`` writes for ``x`` is worth: 0,01 for a multiple to
    two decimals, 1 kr to the krona, 10 000 kr in millions (2,75 mkr).

    >>> last_digit(1.36, Unit.MULTIPLE, 0.01), last_digit(2_750_000, Unit.SEK, 10_000)
    (0.01, 10000.0)
    """
    needed = decimals_of(precision)
    if unit in MONEY:
        if whole_kronor and needed:
            return 10.0 ** -needed
        if abs(x) >= 1_000_000 and not whole_kronor:
            return (1e9 if abs(x) >= 1e9 else 1e6) / 100
        return 1.0
    least = {Unit.SHARE: 0 if printed else 1, Unit.MULTIPLE: 0 if printed else 1}.get(
        unit, 0 if printed else 2)
    shown = max(least, needed - 2) + 2 if unit is Unit.SHARE else max(least, needed)
    return 10.0 ** -shown


def decimals_of(precision: float) -> int:
    """The decimals a precision prints: 0,01 → 2, 1 and 1 000 → 0."""
    return max(0, math.ceil(-math.log10(precision) - 1e-9)) if precision > 0 else 0


def span(low: str, high: str, lang: str = "en") -> str:
    """Two figures as a range, their currency, scale or sign written once:
    ``SEK 1,013,214,759–1,013,214,765``, ``1 013 214 759–1 013 214 765 kr``, ``5.68–5.69×``;
    a range that ends below zero with words: ``-$2,040 to -$2,038``.

    >>> span("SEK\xa01,013", "SEK\xa01,019"), span("1\xa0013\xa0kr", "1\xa0019\xa0kr")
    ('SEK\xa01,013–1,019', '1\xa0013–1\xa0019\xa0kr')
    """
    if high.startswith(("-", "−")):
        return f"{low} {'till' if lang == 'sv' else 'to'} {high}"
    head = _common(low, high, _WORD)
    tail = _common(low[::-1], high[::-1], _WORD)[::-1]
    if head.startswith("-") or len(head) + len(tail) >= min(len(low), len(high)):
        return f"{low}–{high}"
    return f"{low.removesuffix(tail)}–{high.removeprefix(head)}"


_WORD = set("abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ$£€%×. \u00a0")


def _common(a: str, b: str, allowed: set[str]) -> str:
    """The longest start both share made only of ``allowed`` characters (no digit)."""
    shared = []
    for x, y in zip(a, b, strict=False):
        if x != y or x not in allowed:
            break
        shared.append(x)
    return "".join(shared)
