"""The arithmetic of the formulas, each rule once (``core.rules``): on floats, on NumPy arrays
and as spreadsheet text.

"Never pays back" is represented as ``math.inf`` inside the core (infinitely many persons or years
are needed); renderers show it as "never" and JSON as ``null``. A share of nothing (an efficiency
with no potential) is undefined: NaN, shown as "n/a" and ``null``; only ``share`` gives it, and no
formula computes further with it. No rule raises: where it divides by zero or rounds up ``inf``,
it says what that means.
"""

from __future__ import annotations

import math
from typing import TypeAlias

from nyttocalc.core.backend import NEVER as NEVER
from nyttocalc.core.backend import UNDEFINED, Backend, Value
from nyttocalc.core.rules import rule

# A float, or element-wise a NumPy array of floats: every formula uses only operators and these
# helpers. Typed as float until a module that passes arrays needs the union.
Num: TypeAlias = float

# Break-even figures such as 1 200 000 / 400 000 must round up to 3, not to 4 because the float
# quotient came out as 3.0000000000000004. A relative slack of 1e-12 is far below any figure a
# report prints and some thousand times float round-off (about 2e-16). It is purely relative, so
# a tiny positive count (1 kr owed, 8.5e-10 persons) still rounds up to one person, not to none.
ROUND_OFF = 1e-12


@rule
def ratio(xp: Backend, numerator: Value, denominator: Value) -> Value:
    """How many ``denominator`` it takes to make up ``numerator``: ``numerator / denominator``
    where both are positive; 0 where there is nothing to make up (the numerator is not
    positive) and where the denominator is never (infinite: none of it is needed); never
    (``inf``) where something is owed and the denominator adds nothing, and wherever the
    denominator takes away.

    No count of losses makes anything up, and "none are needed" would read as paying back (a
    party that paid nothing and loses by every employed person-year never pays back; neither
    does a payback time of nothing over a loss).

    >>> ratio(2_750_000, 1_800_000)
    1.5277777777777777
    >>> ratio(1.0, 0.0)
    inf
    >>> ratio(0.0, 0.0)
    0.0
    >>> ratio(0.0, -150_000.0)
    inf
    """
    return xp.cases((xp.is_never(denominator), 0.0),
                    (denominator < 0, NEVER),
                    (numerator <= 0, 0.0),
                    (denominator == 0, NEVER),
                    otherwise=xp.divide(numerator, denominator))


@rule
def quotient(xp: Backend, numerator: Value, denominator: Value) -> Value:
    """``numerator / denominator`` as on paper (a loss over a cost is a negative ratio);
    undefined (NaN) where the denominator is 0. For the arithmetic a report states, not for
    "how many … make up …" (``ratio``).

    >>> quotient(-1501.0, 4231.0), quotient(1.0, 0.0)
    (-0.35476246750177265, nan)
    """
    return xp.cases((denominator == 0, UNDEFINED), otherwise=xp.divide(numerator, denominator))


@rule
def power(xp: Backend, base: Value, exponent: Value) -> Value:
    """``base`` to the power ``exponent`` (``^`` in a formula); undefined (NaN) where that is no
    real number (a negative base to a fractional power, 0 to a negative one), ``inf`` where it
    is too large for a float.

    >>> power(1.05, 2), power(-8.0, 1 / 3), power(2.0, -1.0), power(0.0, -1.0)
    (1.1025, nan, 0.5, nan)
    """
    return xp.power(base, exponent)


@rule
def share(xp: Backend, part: Value, whole: Value) -> Value:
    """``part`` as a share of ``whole`` (a loss as a negative share); undefined (NaN, shown as
    "n/a", ``null`` in JSON) where there is no positive whole to be a share of.

    >>> share(120_000, 600_000)
    0.2
    >>> share(-300_000, 600_000)
    -0.5
    >>> share(-300_000, 0.0)
    nan
    """
    return xp.cases((whole > 0, xp.divide(part, whole)), otherwise=UNDEFINED)


@rule
def ceil_step(xp: Backend, x: Value, step: Value = 1.0) -> Value:
    """Round ``x`` up to a whole multiple of ``step``, float residue of up to ``ROUND_OFF``
    (relative) aside: 3.0000000000000004 persons are 3; never (``inf``) stays never.

    >>> ceil_step(1.5277, 0.5)
    2.0
    >>> ceil_step(3.0000000000000004)
    3.0
    >>> ceil_step(math.inf), ceil_step(math.nan)
    (inf, nan)
    """
    units = xp.divide(x, step)
    return xp.cases((xp.is_finite(x), xp.ceil(units - ROUND_OFF * abs(units)) * step),
                    otherwise=x)  # never stays never; undefined (a division by zero) too


@rule
def difference(xp: Backend, a: Value, b: Value) -> Value:
    """``a − b``, exactly 0 where the two cancel within ``ROUND_OFF`` of their size.

    110 000.00000000001 − 110 000 is float residue, not a krona left to pay: left as it is,
    it would ask for one more worker. The same subtraction is used by the formulas and by the
    evaluator of their templates, so what --explain shows is what was computed. (A number
    times a condition is the number where the condition holds, else 0.)

    >>> difference(110_000.00000000001, 110_000.0)
    0.0
    >>> difference(3.0, 1.0)
    2.0
    """
    d = a - b
    return d * (abs(d) > ROUND_OFF * (abs(a) + abs(b)))


@rule
def total(xp: Backend, a: Value, b: Value) -> Value:
    """``a + b``, exactly 0 where the two cancel within ``ROUND_OFF`` of their size: a gain
    and a loss added (``a − b − c + d``) is a difference too, and its float residue is no krona
    either. Where they do not cancel (the same sign, or apart), it is ``a + b`` to the bit.

    >>> 0.1 + 0.2 + -0.3, total(0.1 + 0.2, -0.3)
    (5.551115123125783e-17, 0.0)
    >>> total(2.0, 3.0), total(float("inf"), -1.0)
    (5.0, inf)
    """
    s = a + b  # kept where it is at least the slack (inf too); + 0.0: a cancelled −x is 0, not −0
    return s * (abs(s) >= ROUND_OFF * (abs(a) + abs(b))) + 0.0


@rule
def maximum(xp: Backend, a: Value, b: Value) -> Value:
    """The larger of ``a`` and ``b``; undefined where either is.

    >>> maximum(0.0, -3.0)
    0.0
    """
    return xp.maximum(a, b)


@rule
def minimum(xp: Backend, a: Value, b: Value) -> Value:
    """The smaller of ``a`` and ``b``; undefined where either is.

    >>> minimum(19_100.0, 22_500.0)
    19100.0
    """
    return xp.minimum(a, b)


def is_zero(x: Num) -> bool:
    """True where a scalar is 0; an array counts as zero only if every element is."""
    if isinstance(x, int | float):
        return x == 0
    return bool((x == 0).all())


def is_never(x: float) -> bool:
    """True where a figure means "never pays back"."""
    return math.isinf(x)
