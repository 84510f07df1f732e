"""Read a figure as a report prints it, to check a claim's (or an input's) transcription.

``read("cirka 0,92 mkr")`` gives the number 920 000, the precision 10 000 that two decimals of a
million imply, and the qualifier word. A claim's ``published`` number must be what its
``printed`` text says, and its ``precision`` what the printed digits allow: a typo in either is
caught when the scenario is loaded, not mistaken for a report's error.

How the digits are grouped and which mark is the decimal one is the report's *number style*,
declared once by the scenario (``numbers:``; Swedish by default: ``1 013 214 761``, ``4,7``).
Around the digits the reader knows qualifier words ("cirka", "about", "just over"), a sign
("−714", "-714", or accounting parentheses "(714)", "($714)"), a currency sign or code ("$",
"£", "€", "A$", "USD", "SEK", "kr"), a scale ("tkr", "mkr", "miljarder", "million", "$1.15m",
"$183k"), a percentage ("%", "procent", "per cent") and a ratio "6:1". Words after the figure
("deltagare", "per annum") are the thing counted, and are left alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from nyttocalc.errors import excerpt

QUALIFIER_WORDS = {
    "cirka": "cirka", "ca": "cirka", "ca.": "cirka", "omkring": "cirka", "ungefär": "cirka",
    "drygt": "drygt", "knappt": "knappt", "nästan": "nästan", "minst": "minst",
    "högst": "högst",
    "about": "cirka", "approximately": "cirka", "approx.": "cirka", "around": "cirka",
    "roughly": "cirka", "some": "cirka", "circa": "cirka", "c.": "cirka",
    "just over": "drygt", "slightly over": "drygt", "just under": "knappt",
    "almost": "nästan", "nearly": "nästan",
    "at least": "minst", "over": "minst", "more than": "minst",
    "at most": "högst", "up to": "högst", "under": "högst", "less than": "högst",
}
NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# A scale word, and the currency it implies ("mkr" is kronor; "million" names none).
SCALES: dict[str, tuple[float, str | None]] = {
    "kr": (1.0, "SEK"), "kr.": (1.0, "SEK"), "kronor": (1.0, "SEK"),
    "tkr": (1e3, "SEK"), "tusen": (1e3, None), "thousand": (1e3, None),
    "thousands": (1e3, None), "k": (1e3, None),
    "mkr": (1e6, "SEK"), "mnkr": (1e6, "SEK"), "msek": (1e6, "SEK"), "miljon": (1e6, None),
    "miljoner": (1e6, None), "mn": (1e6, None), "m": (1e6, None), "million": (1e6, None),
    "millions": (1e6, None),
    "mdkr": (1e9, "SEK"), "miljard": (1e9, None), "miljarder": (1e9, None), "bn": (1e9, None),
    "billion": (1e9, None), "billions": (1e9, None),
    "%": (0.01, None), "procent": (0.01, None), "percent": (0.01, None),
    "per cent": (0.01, None),
}
# A currency sign or code, and the currency it names ("$" is whichever dollar the scenario uses).
CURRENCIES: dict[str, str] = {
    "$": "$", "us$": "USD", "usd": "USD", "a$": "AUD", "aud": "AUD", "£": "GBP", "gbp": "GBP",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "sek": "SEK", "dollars": "$",
    "dollar": "$", "pounds": "GBP",
}
KNOWN_CURRENCIES = ("SEK", "USD", "AUD", "GBP", "EUR")
DOLLARS = ("USD", "AUD")
_SUFFIXES = ("bn", "mn", "k", "m")  # written onto the digits: $1.15m, $183k
_PREFIX = re.compile(r"(?P<open>\()?\s*(?P<sign>-)?\s*(?P<currency>us\$|a\$|\$|£|€|usd|aud|gbp|"
                     r"eur|sek)?\s*(?P<sign2>-)?\s*(?=[0-9])")
_MINUS = str.maketrans({"\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass(frozen=True)
class NumberStyle:
    """How a report writes its numbers: the decimal mark, the thousands separator (a space
    also stands for a no-break or thin space; "" for none) and the currency of its amounts."""

    decimal: str = ","
    thousands: str = " "
    currency: str = "SEK"

    def digits(self) -> re.Pattern[str]:
        """A number's digits in this style: grouped by thousands, with decimals."""
        group = re.escape(self.thousands)
        decimals = rf"(?:{re.escape(self.decimal)}[0-9]+)?"
        grouped = rf"[0-9]{{1,3}}(?:{group}[0-9]{{3}})+{decimals}" if self.thousands else ""
        plain = rf"[0-9]+{decimals}"
        return re.compile(rf"(?:{grouped}|{plain})(?![0-9])" if grouped else rf"{plain}(?![0-9])")

    def value(self, digits: str) -> float:
        whole = digits.replace(self.thousands, "") if self.thousands else digits
        return float(whole.replace(self.decimal, "."))


SWEDISH = NumberStyle()


@dataclass(frozen=True)
class Printed:
    value: float
    finest_precision: float  # the last printed digit: 0,01 mkr → 10 000
    coarsest_precision: float  # trailing zeros may be rounding: 66 000 → up to 1 000
    qualifier: str  # "exact" where no qualifier word is printed
    currency: str | None = None  # the currency the text names ("$" for a dollar), if any
    trailing_zero: bool = False  # it ends in a decimal 0 ("$1.40"), which may be padding
    unknown: str | None = None  # the first word after the figure that is no scale or currency


class PrintedError(ValueError):
    """A text that is no figure; ``advice`` where an example of one would help."""

    def __init__(self, message: str, advice: bool = True) -> None:
        super().__init__(message)
        self.advice = advice


def known_words() -> str:
    """The words around a figure that the reader knows, for an error that names one it does
    not."""
    return ", ".join([*SCALES, *CURRENCIES])


def read(text: str, style: NumberStyle = SWEDISH, scale: str | None = None) -> Printed:
    """The figure ``text`` prints, in ``style``; ``scale`` is the scale a table states once for
    its cells ("millions"), applied where the text has none of its own.

    >>> read("cirka 0,92 mkr").value, read("($714)", NumberStyle(".", ",", "USD")).value
    (920000.0, -714.0)
    >>> read("$11.2", NumberStyle(".", ",", "USD"), "millions").finest_precision
    100000.0
    """
    rest = " ".join(text.translate(_MINUS).lower().split())
    qualifier, rest = _qualifier(rest)
    if not rest:
        raise PrintedError(f"{excerpt(text)} has no number")
    word = rest.split(" ", 1)[0]
    if word in NUMBER_WORDS:
        words = rest.split(" ")[1:]
        factor, currency, unknown = _words(words, text)
        factor, unknown = _table_scale(factor, scale, text, unknown)
        return Printed(NUMBER_WORDS[word] * factor, factor, factor, qualifier, currency,
                       unknown=unknown)
    return _read_digits(text, rest, qualifier, style, scale)


def _qualifier(rest: str) -> tuple[str, str]:
    for size in (2, 1):
        words = rest.split(" ")
        candidate = " ".join(words[:size])
        if len(words) > size - 1 and candidate in QUALIFIER_WORDS:
            return QUALIFIER_WORDS[candidate], " ".join(words[size:])
    return "exact", rest


def _read_digits(text: str, rest: str, qualifier: str, style: NumberStyle,
                 scale: str | None) -> Printed:
    prefix = _PREFIX.match(rest)
    if prefix is None:
        word = rest.split(" ", 1)[0]
        raise PrintedError(
            f"{excerpt(text)} does not start with a number: {word!r} is no "
            f"qualifier, sign or currency "
            f"nyttocalc knows (qualifiers: {', '.join(QUALIFIER_WORDS)}; currencies: "
            f"{', '.join(CURRENCIES)})")
    at = prefix.end()
    digits = style.digits().match(rest, at)
    assert digits is not None  # the prefix ends before a digit
    number = digits.group()
    after = rest[digits.end():]
    _refuse_other_style(text, after, style)
    ratio = re.match(r"\s*:\s*1(?![0-9])", after)
    suffix = None if ratio else re.match(rf"({'|'.join(_SUFFIXES)})(?![a-z])", after)
    if ratio:
        after = after[ratio.end():]
    elif suffix:
        after = after[suffix.end():]
    negative = bool(prefix["sign"] or prefix["sign2"])
    if prefix["open"]:
        if not after.lstrip().startswith(")") and not re.match(r"\s*[a-z%]*\s*\)", after):
            raise PrintedError(f"{excerpt(text)} opens a parenthesis it does not close")
        after = after.replace(")", " ", 1)
        negative = not negative
    after = after.replace("%", " % ", 1)
    words = after.split()
    factor, currency, unknown = _words(words, text)
    if suffix:
        factor = _scaled(factor, SCALES[suffix.group()][0], text)
    factor, unknown = _table_scale(factor, scale, text, unknown)
    if prefix["currency"]:
        named = CURRENCIES[prefix["currency"]]
        if currency is not None and currency != named:
            raise PrintedError(f"{excerpt(text)} names two currencies")
        currency = named
    decimals = number.rpartition(style.decimal)[2] if style.decimal in number else ""
    whole = number.partition(style.decimal)[0] if decimals else number
    value = style.value(number) * factor * (-1 if negative else 1)
    finest = factor * 10.0 ** -len(decimals)
    trailing_zero = decimals.endswith("0")
    if decimals or ratio:
        return Printed(value, finest, finest, qualifier, currency, trailing_zero, unknown)
    plain = whole.replace(style.thousands, "") if style.thousands else whole
    trailing = len(plain) - len(plain.rstrip("0")) if plain.strip("0") else 0
    return Printed(value, finest, factor * 10.0**trailing, qualifier, currency, False, unknown)


def _refuse_other_style(text: str, after: str, style: NumberStyle) -> None:
    """A figure in another number style than the scenario declares is an error that says so
    ("0.85" where the decimal mark is a comma), not a misreading."""
    mark = re.match(r"([.,])[0-9]", after)
    if mark and mark.group(1) != style.decimal:
        other = mark.group(1)
        raise PrintedError(
            f"{excerpt(text)} is written with a decimal {_mark(other)}, but "
            f"this scenario's numbers "
            f"use a decimal {_mark(style.decimal)} (numbers.decimal: {style.decimal!r}); "
            f"declare numbers: {{decimal: {other!r}}} if the report writes them so", False)
    if style.thousands != " " and re.match(r" [0-9]{3}(?![0-9])", after):
        raise PrintedError(
            f"{excerpt(text)} groups thousands with a space, but this "
            f"scenario's numbers group them "
            f"with {_mark(style.thousands)} (numbers.thousands: {style.thousands!r}); declare "
            "the report's style under `numbers`", False)


def _mark(mark: str) -> str:
    return {",": "comma", ".": "point", " ": "space", "'": "apostrophe", "": "nothing"}.get(
        mark, repr(mark))


def _words(words: list[str], text: str) -> tuple[float, str | None, str | None]:
    """The scale and currency that the words right after the figure name, and the first word
    that is neither (the thing counted: "deltagare"), if any."""
    factor, currency = 1.0, None
    index = 0
    while index < len(words):
        pair = " ".join(words[index:index + 2])
        word, step = (pair, 2) if pair in SCALES else (words[index], 1)
        if word in SCALES:
            size, names = SCALES[word]
            factor = _scaled(factor, size, text)
            currency = _same_currency(currency, names, text)
        elif word in CURRENCIES:
            currency = _same_currency(currency, CURRENCIES[word], text)
        else:
            return factor, currency, word
        index += step
    return factor, currency, None


def _scaled(factor: float, size: float, text: str) -> float:
    if size == 1.0:
        return factor
    if factor != 1.0:
        raise PrintedError(f"{excerpt(text)} has two scale words; write the "
                           f"figure as printed, once")
    return size


def _same_currency(known: str | None, named: str | None, text: str) -> str | None:
    if named is None or known in (None, named):
        return named or known
    raise PrintedError(f"{excerpt(text)} names two currencies")


def _table_scale(factor: float, scale: str | None, text: str,
                 unknown: str | None) -> tuple[float, str | None]:
    if scale is None:
        return factor, unknown
    key = " ".join(scale.lower().strip("()").split())
    if key not in SCALES:
        raise PrintedError(f"scale {scale!r} is not a scale nyttocalc knows; it knows: "
                           f"{', '.join(k for k, (s, _) in SCALES.items() if s != 1.0)}")
    if factor != 1.0:
        raise PrintedError(f"{excerpt(text)} has a scale of its own; leave out `scale`")
    return SCALES[key][0], unknown


def _unknown_word(reading: Printed) -> str:
    if reading.unknown is None:
        return ""
    return (f" (the word {reading.unknown!r} after the number is no scale or currency "
            f"nyttocalc knows: {known_words()})")


def consistency_problems(printed: str, published: float, precision: float, qualifier: str,
                         style: NumberStyle = SWEDISH, scale: str | None = None,
                         money: bool = False) -> list[str]:
    """What does not match between a claim's printed text and its other fields."""
    try:
        reading = read(printed, style, scale)
    except PrintedError as exc:
        advice = ("; write the figure as the report prints it, e.g. 'cirka 0,92 mkr', 'fem "
                  "deltagare', '11 procent', '$4,184' or '(714)'") if exc.advice else ""
        return [f"printed: {exc}{advice}"]
    problems = [*_value_problems(printed, reading, published, "published"),
                *_currency_problems(printed, reading, style, money)]
    if reading.qualifier != qualifier:
        problems.append(f"printed {excerpt(printed)} is qualified {reading.qualifier!r}, but "
                        f"qualifier is {qualifier!r}")
    if not _is_power_of_ten_multiple(precision, reading.finest_precision,
                                     reading.coarsest_precision):
        problems.append(f"precision {precision:g} is not what {excerpt(printed)} prints: from "
                        f"{reading.finest_precision:g} (its last digit) to "
                        f"{reading.coarsest_precision:g} (its trailing zeros)")
    return problems


def value_problems(printed: str, value: float, style: NumberStyle = SWEDISH,
                   scale: str | None = None, money: bool = False) -> list[str]:
    """What does not match between an input's printed text and its value: the text must read
    the value exactly, with no qualifier but "cirka" (which says what the printed digits say:
    the figure is rounded)."""
    try:
        reading = read(printed, style, scale)
    except PrintedError as exc:
        return [f"printed: {exc}"]
    problems = [*_value_problems(printed, reading, value, "value"),
                *_currency_problems(printed, reading, style, money)]
    if reading.qualifier not in ("exact", "cirka"):
        problems.append(f"printed {excerpt(printed)} is qualified {reading.qualifier!r}; an input "
                        "is a number the report states, as it is or about ('cirka')")
    return problems


def margin(printed: str, style: NumberStyle = SWEDISH, scale: str | None = None,
           count: bool = False) -> float:
    """How far a printed figure may be from what it stands for: half its last printed digit
    (``1 013 214 761`` → 0,5; ``1,2 mkr`` → 50 000). A ``count`` of persons printed whole ("en",
    "två", "14 deltagare") is a count, exactly that many.

    >>> margin("1,2 mkr"), margin("två", count=True), margin("1,5", count=True)
    (50000.0, 0.0, 0.05)
    """
    reading = read(printed, style, scale)
    if count and float(reading.value).is_integer() and reading.finest_precision >= 1:
        return 0.0
    return reading.finest_precision / 2


def _value_problems(printed: str, reading: Printed, value: float, name: str) -> list[str]:
    if math.isclose(reading.value, value, rel_tol=1e-9, abs_tol=1e-12):
        return []
    return [f"printed {excerpt(printed)} reads "
            f"{reading.value:g}{_unknown_word(reading)}, but {name} "
            f"is {value:g}"]


def _currency_problems(printed: str, reading: Printed, style: NumberStyle,
                       money: bool) -> list[str]:
    named = reading.currency
    if not money or named is None or named == style.currency:
        return []
    if named == "$" and style.currency in DOLLARS:
        return []
    what = "a dollar amount" if named == "$" else f"in {named}"
    return [f"printed {excerpt(printed)} is {what}, but this scenario's "
            f"currency is {style.currency} "
            "(numbers.currency)"]


def _is_power_of_ten_multiple(precision: float, finest: float, coarsest: float) -> bool:
    if not finest * (1 - 1e-9) <= precision <= coarsest * (1 + 1e-9):
        return False
    steps = math.log10(precision / finest)
    return abs(steps - round(steps)) < 1e-9
