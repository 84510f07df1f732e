"""What a rule computes with and on: a value (a float, an array or a spreadsheet formula), the
two numbers that are no amount (never, undefined), and the operations every backend gives.

Shared by ``rules`` (the rules and the float backend), ``arrays`` (NumPy) and the workbook's
spreadsheet backend, so that none of them imports another.
"""

from __future__ import annotations

import math
from typing import Any, Protocol

# A value a rule computes with: a float, a NumPy array or a spreadsheet formula. Each backend
# gives its own meaning to the operators, so a rule is typed by what it may be handed.
Value = Any

NEVER = math.inf  # never pays back: infinitely many persons or years are needed
UNDEFINED = math.nan  # no number at all: a share of nothing, a division by zero on paper


class Backend(Protocol):
    """The operations a rule may use beyond + − × ``abs`` and the comparisons, each with the
    value IEEE 754 gives where a branch not taken meets an edge."""

    def cases(self, *pairs: tuple[Value, Value], otherwise: Value) -> Value:
        """The value of the first pair whose condition holds, else ``otherwise``."""

    def divide(self, a: Value, b: Value) -> Value:
        """a / b; ±inf or NaN where b is 0."""

    def power(self, base: Value, exponent: Value) -> Value:
        """``base`` to the power ``exponent`` where that is a real number, else NaN (a negative
        base to a fractional power, 0 to a negative one: a spreadsheet's ^ is an error there
        too); ±inf where too large."""

    def exp(self, x: Value) -> Value:
        """eˣ; inf where too large."""

    def log1p(self, x: Value) -> Value:
        """ln(1 + x), precise where x is close to 0; −inf at −1, NaN below."""

    def one_minus_exp(self, x: Value) -> Value:
        """1 − eˣ, precise where eˣ is close to 1."""

    def ceil(self, x: Value) -> Value:
        """The least whole number not below x; inf and NaN stay as they are."""

    def maximum(self, a: Value, b: Value) -> Value:
        """The larger of a and b; NaN where either is."""

    def minimum(self, a: Value, b: Value) -> Value:
        """The smaller of a and b; NaN where either is."""

    def is_never(self, x: Value) -> Value:
        """Whether x is never (inf)."""

    def is_finite(self, x: Value) -> Value:
        """Whether x is a number, neither inf nor NaN."""
