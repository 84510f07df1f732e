"""Read a figure as a Swedish report prints it, to check a claim's transcription.

``read("cirka 0,92 mkr")`` gives the number 920 000, the precision 10 000 that two decimals of a
million imply, and the qualifier word. A claim's ``published`` number must be what its
``printed`` text says, and its ``precision`` what the printed digits allow: a typo in either is
caught when the scenario is loaded, not mistaken for a report's error.
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
}
NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}
SCALES = {"mkr": 1e6, "miljoner": 1e6, "tkr": 1e3, "procent": 0.01, "%": 0.01}

_NUMBER = re.compile(r"^-?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


@dataclass(frozen=True)
class Printed:
    value: float
    finest_precision: float  # the last printed digit: 0,01 mkr → 10 000
    coarsest_precision: float  # trailing zeros may be rounding: 66 000 → up to 1 000
    qualifier: str  # "exact" where no qualifier word is printed


class PrintedError(ValueError):
    pass


def read(text: str) -> Printed:
    words = text.replace("\u00a0", " ").lower().split()
    qualifier = "exact"
    if words and words[0] in QUALIFIER_WORDS:
        qualifier = QUALIFIER_WORDS[words.pop(0)]
    if not words:
        raise PrintedError(f"{excerpt(text)} has no number")
    number_words = _number_prefix(words)
    if number_words == 0:
        raise PrintedError(f"{excerpt(text)} does not start with a number (after any qualifier)")
    number_text = " ".join(words[:number_words])
    rest = words[number_words:]
    if number_text.endswith("%"):
        number_text, rest = number_text[:-1], ["%", *rest]
    scale = SCALES.get(rest[0], 1.0) if rest else 1.0
    if number_text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[number_text])
        return Printed(value * scale, scale, scale, qualifier)
    digits = number_text.replace(" ", "")
    whole, _, decimals = digits.partition(",")
    value = float(digits.replace(",", ".")) * scale
    finest = scale * 10.0 ** -len(decimals)
    if decimals:  # "2,75 mkr" says its precision exactly
        return Printed(value, finest, finest, qualifier)
    trailing = len(whole) - len(whole.rstrip("0")) if whole.strip("-") != "0" else 0
    return Printed(value, finest, scale * 10.0**trailing, qualifier)


def _number_prefix(words: list[str]) -> int:
    """How many leading words form the number: 'fem', '1,2', '175 000', '11%'."""
    if words[0] in NUMBER_WORDS:
        return 1
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count]).removesuffix("%")
        if _NUMBER.match(candidate):
            return count
    return 0


def consistency_problems(printed: str, published: float, precision: float,
                         qualifier: str) -> list[str]:
    """What does not match between a claim's printed text and its other fields."""
    try:
        reading = read(printed)
    except PrintedError as exc:
        return [f"printed: {exc}; write the figure as the report prints it, e.g. 'cirka 0,92 "
                "mkr', 'fem deltagare' or '11 procent'"]
    problems = []
    if not math.isclose(reading.value, published, rel_tol=1e-9, abs_tol=1e-12):
        problems.append(f"printed {excerpt(printed)} reads {reading.value:g}, but published is "
                        f"{published:g}")
    if reading.qualifier != qualifier:
        problems.append(f"printed {excerpt(printed)} is qualified {reading.qualifier!r}, but "
                        f"qualifier is {qualifier!r}")
    if not _is_power_of_ten_multiple(precision, reading.finest_precision,
                                     reading.coarsest_precision):
        problems.append(f"precision {precision:g} is not what {excerpt(printed)} prints: from "
                        f"{reading.finest_precision:g} (its last digit) to "
                        f"{reading.coarsest_precision:g} (its trailing zeros)")
    return problems


def _is_power_of_ten_multiple(precision: float, finest: float, coarsest: float) -> bool:
    if not finest * (1 - 1e-9) <= precision <= coarsest * (1 + 1e-9):
        return False
    steps = math.log10(precision / finest)
    return abs(steps - round(steps)) < 1e-9
