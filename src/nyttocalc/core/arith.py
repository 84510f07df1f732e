"""Arithmetic that works the same on Python floats and on NumPy arrays.

"Never pays back" is represented as ``math.inf`` inside the core (infinitely many persons or years
are needed); renderers show it as "never" and JSON as ``null``. A share of nothing (an efficiency
with no potential) is undefined: NaN, shown as "n/a" and ``null``; only ``share`` gives it, and no
formula computes further with it. These helpers never divide by zero and never let ``inf`` reach
``math.ceil``.
"""

from __future__ import annotations

import math
from typing import Any, TypeAlias

# A float, or element-wise a NumPy array of floats: every formula uses only operators and these
# helpers. Typed as float until a module that passes arrays needs the union.
Num: TypeAlias = float

NEVER = math.inf

# Break-even figures such as 1 200 000 / 400 000 must round up to 3, not to 4 because the float
# quotient came out as 3.0000000000000004. A relative slack of 1e-12 is far below any figure a
# report prints and some thousand times float round-off (about 2e-16). It is purely relative, so
# a tiny positive count (1 kr owed, 8.5e-10 persons) still rounds up to one person, not to none.
ROUND_OFF = 1e-12


def _is_scalar(x: object) -> bool:
    return isinstance(x, int | float)


def ratio(numerator: Num, denominator: Num) -> Num:
    """How many ``denominator`` it takes to make up ``numerator``.

    ``numerator / denominator`` where both are positive; 0 where there is nothing to make up
    (the numerator is not positive); ``inf`` (never) where something is owed and the
    denominator adds nothing, and wherever the denominator takes away: no count of losses makes
    anything up, and "none are needed" would read as paying back (a party that paid nothing and
    loses by every employed person-year never pays back; neither does a payback time of
    nothing over a loss).

    >>> ratio(2_750_000, 1_800_000)
    1.5277777777777777
    >>> ratio(1.0, 0.0)
    inf
    >>> ratio(0.0, 0.0)
    0.0
    >>> ratio(0.0, -150_000.0)
    inf
    """
    if _is_scalar(denominator) and _is_scalar(numerator):
        if denominator < 0:
            return NEVER
        if numerator <= 0:
            return 0.0
        return numerator / denominator if denominator > 0 else NEVER
    result: float = _array_ratio(numerator, denominator)
    return result


def _array_ratio(numerator: Any, denominator: Any) -> Any:
    import numpy as np  # only reached when the caller already works with arrays

    num, den = np.broadcast_arrays(np.asarray(numerator, float), np.asarray(denominator, float))
    out = np.full(num.shape, NEVER)
    with np.errstate(over="ignore"):  # a quotient too large for a float is inf: never
        np.divide(num, den, out=out, where=den > 0)
    out[(num <= 0) & (den >= 0)] = 0.0
    return out


def quotient(numerator: Num, denominator: Num) -> Num:
    """``numerator / denominator`` as on paper (a loss over a cost is a negative ratio);
    undefined (NaN) where the denominator is 0. For the arithmetic a report states, not for
    "how many … make up …" (``ratio``).

    >>> quotient(-1501.0, 4231.0), quotient(1.0, 0.0)
    (-0.35476246750177265, nan)
    """
    if _is_scalar(numerator) and _is_scalar(denominator):
        return numerator / denominator if denominator != 0 else math.nan
    result: float = _array_quotient(numerator, denominator)
    return result


def _array_quotient(numerator: Any, denominator: Any) -> Any:
    import numpy as np

    num, den = np.broadcast_arrays(np.asarray(numerator, float), np.asarray(denominator, float))
    out = np.full(num.shape, math.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def power(base: Num, exponent: Num) -> Num:
    """``base`` to the power ``exponent`` (``^`` in a formula); undefined (NaN) where that is no
    real number (a negative base to a fractional power, 0 to a negative one), ``inf`` where it
    is too large for a float.

    >>> power(1.05, 2), power(-8.0, 1 / 3), power(2.0, -1.0)
    (1.1025, nan, 0.5)
    """
    if _is_scalar(base) and _is_scalar(exponent):
        if (base < 0 and not float(exponent).is_integer()) or (base == 0 and exponent < 0):
            return math.nan
        try:
            raised: float = float(base) ** exponent
            return raised
        except OverflowError:
            return math.inf if base > 0 or float(exponent) % 2 == 0 else -math.inf
    result: float = _array_power(base, exponent)
    return result


def _array_power(base: Any, exponent: Any) -> Any:
    import numpy as np

    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        b, e = np.broadcast_arrays(np.asarray(base, float), np.asarray(exponent, float))
        return np.where((b == 0) & (e < 0), math.nan, np.power(b, e))


def share(part: Num, whole: Num) -> Num:
    """``part`` as a share of ``whole`` (a loss as a negative share); undefined (NaN, shown as
    "n/a", ``null`` in JSON) where there is no positive whole to be a share of.

    >>> share(120_000, 600_000)
    0.2
    >>> share(-300_000, 600_000)
    -0.5
    >>> share(-300_000, 0.0)
    nan
    """
    if _is_scalar(part) and _is_scalar(whole):
        return part / whole if whole > 0 else math.nan
    result: float = _array_share(part, whole)
    return result


def _array_share(part: Any, whole: Any) -> Any:
    import numpy as np

    p, w = np.broadcast_arrays(np.asarray(part, float), np.asarray(whole, float))
    out = np.full(p.shape, math.nan)
    np.divide(p, w, out=out, where=w > 0)
    return out


def ceil_step(x: Num, step: float = 1.0) -> Num:
    """Round ``x`` up to a whole multiple of ``step``; ``inf`` stays ``inf``.

    >>> ceil_step(1.5277, 0.5)
    2.0
    >>> ceil_step(3.0000000000000004)
    3.0
    >>> ceil_step(math.inf), ceil_step(math.nan)
    (inf, nan)
    """
    if _is_scalar(x):
        if not math.isfinite(x):  # never stays never; undefined (a division by zero) too
            return x
        units = x / step
        return math.ceil(units - ROUND_OFF * abs(units)) * step
    result: float = _array_ceil_step(x, step)
    return result


def _array_ceil_step(x: Any, step: float) -> Any:
    import numpy as np

    units = np.asarray(x, dtype=float) / step
    finite = np.isfinite(units)
    out = np.array(units, dtype=float, copy=True)
    safe = np.where(finite, units, 0.0)
    out[finite] = (np.ceil(safe - ROUND_OFF * np.abs(safe)) * step)[finite]
    return out


def difference(a: Num, b: Num) -> Num:
    """``a − b``, exactly 0 where the two cancel within float round-off.

    110 000.00000000001 − 110 000 is float residue, not a krona left to pay: left as it is,
    it would ask for one more worker. The same subtraction is used by the formulas and by the
    evaluator of their templates, so what --explain shows is what was computed.

    >>> difference(110_000.00000000001, 110_000.0)
    0.0
    >>> difference(3.0, 1.0)
    2.0
    """
    if _is_scalar(a) and _is_scalar(b):
        d = a - b
        return d * (abs(d) > ROUND_OFF * (abs(a) + abs(b)))
    result: float = _array_difference(a, b)
    return result


def _array_difference(a: Any, b: Any) -> Any:
    """``difference`` of arrays: the same operations, in place where they may be (a million
    draws are some 8 MB an array; each temporary saved is a pass over memory saved)."""
    import numpy as np

    d = np.subtract(a, b)
    scale = np.add(np.abs(a), np.abs(b))
    scale *= ROUND_OFF
    d *= np.abs(d) > scale
    return d


def maximum(a: Num, b: Num) -> Num:
    """The larger of ``a`` and ``b``, element-wise for arrays.

    >>> maximum(0.0, -3.0)
    0.0
    """
    if _is_scalar(a) and _is_scalar(b):
        return max(a, b)
    import numpy as np

    result: float = np.maximum(a, b)
    return result


def minimum(a: Num, b: Num) -> Num:
    """The smaller of ``a`` and ``b``, element-wise for arrays.

    >>> minimum(19_100.0, 22_500.0)
    19100.0
    """
    if _is_scalar(a) and _is_scalar(b):
        return min(a, b)
    import numpy as np

    result: float = np.minimum(a, b)
    return result


def is_zero(x: Num) -> bool:
    """True where a scalar is 0; an array counts as zero only if every element is."""
    if _is_scalar(x):
        return x == 0
    return bool((x == 0).all())  # type: ignore[attr-defined]


def is_never(x: float) -> bool:
    """True where a figure means "never pays back"."""
    return math.isinf(x)
