"""Numbers of a whole NumPy column as CSV text, without a Python call per number.

A sweep writes millions of figures, and ``repr`` takes about a microsecond a float. Here the
text is built as bytes, one digit place at a time over a whole column, and each number's text is
what ``machine.csv_number`` writes (a hypothesis test holds the two equal): a whole number
without ``.0``, any other as Python's ``repr`` (the fewest significant digits that read back as
the same float; of those, the nearest), nothing where the figure is not finite.

The fewest digits: x × 10^k with k putting 17 digits before the point is split into two floats
whose sum is exact (Dekker's TwoProduct) and rounded to a whole number N₁₇ exactly; N₁₆ and
N₁₅ are x rounded to 16 and 15 digits, found from N₁₇ and how far it is from x × 10^k. A
rounded number reads back as x when it is within half a unit in the last place of x. If any
15-digit number reads back, the nearest does, and is the shortest once its trailing zeros are
dropped; else the nearest 16-digit one, if it reads back; 17 digits always do. What this cannot
decide for certain is written by ``csv_number`` itself: a tie, a distance too close to half a
unit to call, an exact power of two (its lower neighbour is nearer than its upper), and |x|
below 1e-4 (written in scientific notation) or from 1e15 unless whole; in a sweep, few if any.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nyttocalc.report.machine.csv_number import csv_number

_POWERS = tuple(float(10**k) for k in range(23))  # exact as floats
# "00", "01", … "99" as two-byte numbers: written into an array of them, each puts its two
# characters in place, in order, on a machine of either byte order.
_PAIRS_TEXT = b"".join(b"%02d" % pair for pair in range(100))
# A distance from half a unit closer than this (relative) is not called: the distances of 16
# and 15 digits are computed to within some 2^-47 of a unit, half a unit being at least 0.5.
_MARGIN = 2.0**-40


def csv_lines(columns: list[Any], swedish: bool) -> str:
    """One line per row of ``columns`` (``csv_column``'s, of one length), separated as
    ``csv_writer`` separates them."""
    separator = ord(";" if swedish else ",")
    parts = []
    for index, column in enumerate(columns):
        end = separator if index + 1 < len(columns) else ord("\n")
        parts += [column, np.full((len(column), 1), end, dtype=np.uint8)]
    joined = np.concatenate(parts, axis=1)
    return bytes(joined[joined != 0]).decode("ascii")


def csv_column(values: Any, swedish: bool) -> Any:
    """Each number's text, as ``csv_number`` writes it, as a row of bytes (0: no character)."""
    x = np.asarray(values, dtype=float).ravel()
    finite = np.isfinite(x)
    size = np.abs(np.where(finite, x, 0.0))
    whole = finite & (size < _POWERS[15]) & (size == np.floor(size))
    fast = np.flatnonzero(finite & ~whole & (size >= 1e-4) & (size < _POWERS[15])
                          & (np.frexp(size)[0] != 0.5))
    digits = np.where(whole, size, 0.0).astype(np.int64)
    scale = np.zeros(x.size, dtype=np.int64)
    done = whole.copy()
    if fast.size:
        found, scales, sure = _shortest(size[fast])
        digits[fast[sure]], scale[fast[sure]] = found[sure], scales[sure]
        done[fast[sure]] = True
    text = _written(x < 0, digits, scale, done, swedish)
    rest = {int(i): csv_number(float(x[i]), swedish).encode("ascii")
            for i in np.flatnonzero(finite & ~done)}
    widest = max(map(len, rest.values()), default=0)
    if widest > text.shape[1]:
        text = np.pad(text, ((0, 0), (0, widest - text.shape[1])))
    for i, written in rest.items():
        text[i] = 0
        text[i, :len(written)] = np.frombuffer(written, dtype=np.uint8)
    used = np.flatnonzero((text != 0).any(axis=0))  # the places some number uses: fewer to join
    return text[:, used[0]:used[-1] + 1] if used.size else text[:, :0]


def _written(negative: Any, digits: Any, scale: Any, done: Any, swedish: bool) -> Any:
    """``digits`` × 10^-``scale`` where ``done``: a sign where negative, then N's digits (as
    many as the largest N or ``scale`` needs) with the point before the last ``scale`` of them,
    shown from the first that is not 0 (or the one before the point) to the last that is not 0
    (the point only if such a digit follows it); 0 in the places not shown."""
    n = len(digits)
    width = max(len(str(int(digits.max(initial=0)))), int(scale.max(initial=0)) + 1)
    own = _digits(digits, width)
    text = np.empty((n, width + 2), dtype=np.uint8)
    text[:, 0] = ord("-")
    point = width + 1 - scale  # the point's column in text
    places = np.bincount(point, minlength=2)
    common = int(places.argmax())  # every row as the most common place has it, then the others
    for at, rows in [(common, slice(None))] + [(at, np.flatnonzero(point == at))
                                               for at in np.flatnonzero(places) if at != common]:
        text[rows, 1:at] = own[rows, :at - 1]
        text[rows, at] = ord("," if swedish else ".")
        text[rows, at + 1:] = own[rows, at - 1:]
    nonzero = own != ord("0")
    first = np.minimum(np.where(digits == 0, width, nonzero.argmax(axis=1) + 1), point - 1)
    last = width + 1 - nonzero[:, ::-1].argmax(axis=1)  # in text: after the point
    last = np.where(last > point, last, point - 1)
    # first ≤ column ≤ last, as one comparison of bytes: below first, column − first wraps round
    offset = np.arange(width + 2, dtype=np.uint8)[None, :] - first.astype(np.uint8)[:, None]
    shown = offset <= (last - first).astype(np.uint8)[:, None]
    shown[:, 0] = negative
    shown &= done[:, None]
    text *= shown
    return text


def _digits(n: Any, width: int) -> Any:
    """The last ``width`` decimal digits of whole numbers from 0 to below 2^63, as characters:
    two at a time, each pair's two characters looked up at once."""
    pairs_of = np.frombuffer(_PAIRS_TEXT, dtype=np.uint16)
    pairs = (width + 1) // 2
    out = np.empty((pairs, len(n)), dtype=np.uint16)  # a place a row, then turned
    rest = n
    for place in range(pairs - 1, -1, -1):
        quotient = rest // 100  # by one constant: NumPy divides a whole array of them fast
        out[place] = pairs_of[rest - quotient * 100]
        rest = quotient
    return np.ascontiguousarray(out.T).view(np.uint8)[:, 2 * pairs - width:]


def _shortest(size: Any) -> tuple[Any, Any, Any]:
    """For positive non-whole floats from 1e-4 to below 1e15 that are not powers of two: N and
    k with N × 10^-k the digits ``repr`` writes, and whether that was decided for certain."""
    exponent = np.floor(np.log10(size)).astype(np.int64)  # 10^e ≤ size < 10^(e+1), ± 1
    product, error = _times_power(size, 16 - exponent)
    # y = product + error = size × 10^(16 − e), exactly, must lie in [10^16, 10^17)
    low = (product < 1e16) | ((product == 1e16) & (error < 0))
    high = (product > 1e17) | ((product == 1e17) & (error >= 0))
    if (low | high).any():
        exponent += high.astype(np.int64) - low.astype(np.int64)
        product, error = _times_power(size, 16 - exponent)
    # product ≥ 10^16 > 2^53 is a whole number: N₁₇ = y rounded, off = N₁₇ − y exactly
    step = np.rint(error)
    seventeen = product.astype(np.int64) + step.astype(np.int64)
    off = step - error
    sure = np.abs(off) != 0.5  # no tie
    found, scale = seventeen, 16 - exponent
    half_unit = np.spacing(size) / 2 * np.take(_POWERS, scale)  # in units of y, exactly
    for fewer in (1, 2):  # 16 digits, then 15, where they read back
        unit = 10**fewer
        quotient, rest = np.divmod(seventeen, unit)
        beyond = rest - off  # y − quotient × unit (to within 2^-47: see _MARGIN)
        up = beyond > unit / 2
        distance = np.abs(up * unit - beyond)  # |(quotient + up) × unit − y|
        reads = distance < half_unit * (1 - _MARGIN)
        sure &= (beyond != unit / 2) & (reads | (distance > half_unit * (1 + _MARGIN)))
        found = np.where(reads, quotient + up, found)
        scale = np.where(reads, 16 - fewer - exponent, scale)
    return found, scale, sure


def _times_power(x: Any, k: Any) -> tuple[Any, Any]:
    """x × 10^k as product + error exactly (Dekker's TwoProduct, no fused multiply-add)."""
    power = np.take(_POWERS, k)
    product = x * power
    x_high, x_low = _halves(x)
    p_high, p_low = _halves(power)
    error = (((x_high * p_high - product) + x_high * p_low) + x_low * p_high) + x_low * p_low
    return product, error


def _halves(x: Any) -> tuple[Any, Any]:
    """x as two floats of 26 significant bits each, whose products are exact (Veltkamp)."""
    c = 134217729.0 * x  # 2^27 + 1
    high = c - (c - x)
    return high, x - high
