"""Each arithmetic rule written once, and evaluated on floats, on arrays or as spreadsheet text.

A rule is a function of a backend ``xp`` and its operands, written with + − × ``abs``, the
comparisons, ``&`` (and) and the backend's few operations (``xp.divide``, ``xp.exp`` …); a
number times a condition is the number where the condition holds, else 0. Its edge cases are
``xp.cases((condition, value), …, otherwise=value)``: the first condition that holds gives the
value, as a definition by cases on paper does. Three backends evaluate it:

- floats (``FLOATS``, here): Python's ``math``, never NumPy, for one point (``payback``);
- NumPy arrays (``core.arrays``), element-wise, each case a mask: sweeps and simulations;
- spreadsheet formulas (``report.workbook.sheet_rules``): the operands are formula text and
  each case an ``IF``, so a workbook computes what the core does.

Every branch is evaluated, the one chosen and the others, as arrays must (a mask chooses after
the fact). So no operation may fail where IEEE 754 gives a value: ``xp.divide`` is ±inf or NaN
at a zero divisor, ``xp.log1p(-1)`` is −inf, and a float that overflows is inf, on floats as on
arrays; ``cases`` then keeps the value the rule means. A spreadsheet has no inf: "never" is
``#N/A``, which runs through every operation and comparison by itself.

Calling a rule evaluates it on floats, or on arrays where any operand is one.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from nyttocalc.core.backend import NEVER, Backend, Value


class _Floats:
    """The backend of Python floats: ``math``, with IEEE 754's value wherever ``math`` raises."""

    @staticmethod
    def cases(*pairs: tuple[Value, Value], otherwise: Value) -> Value:
        for condition, value in pairs:
            if condition:
                return value
        return otherwise

    @staticmethod
    def divide(a: float, b: float) -> float:
        try:
            return a / b
        except ZeroDivisionError:
            if a == 0 or a != a:
                return math.nan
            return math.copysign(math.inf, a) * math.copysign(1.0, b)

    @staticmethod
    def power(base: float, exponent: float) -> float:
        if base == 0 and exponent < 0:  # IEEE 754 says ±inf (math.pow(0, −inf) does not raise)
            return math.nan
        try:
            return math.pow(base, exponent)
        except ValueError:  # a negative base to a fractional power, 0 to a negative one
            return math.nan
        except OverflowError:
            return math.inf if base > 0 or float(exponent) % 2 == 0 else -math.inf

    @staticmethod
    def exp(x: float) -> float:
        try:
            return math.exp(x)
        except OverflowError:
            return math.inf

    @staticmethod
    def log1p(x: float) -> float:
        try:
            return math.log1p(x)
        except ValueError:
            return -math.inf if x == -1 else math.nan

    @staticmethod
    def one_minus_exp(x: float) -> float:
        try:
            return -math.expm1(x)
        except OverflowError:
            return -math.inf

    @staticmethod
    def ceil(x: float) -> float:
        return float(math.ceil(x)) if math.isfinite(x) else x

    @staticmethod
    def maximum(a: float, b: float) -> float:
        return math.nan if a != a or b != b else max(a, b)

    @staticmethod
    def minimum(a: float, b: float) -> float:
        return math.nan if a != a or b != b else min(a, b)

    @staticmethod
    def is_never(x: float) -> bool:
        return x == NEVER

    @staticmethod
    def is_finite(x: float) -> bool:
        return math.isfinite(x)


FLOATS: Backend = _Floats()

_SCALAR = (int, float)


class Rule:
    """A rule's definition, callable on floats or on arrays: ``ratio(3.0, 2.0)``. ``define``
    is the definition itself, for another backend (``define(xp, *operands)``)."""

    def __init__(self, define: Callable[..., Value]) -> None:
        functools.update_wrapper(self, define)  # its name and docstring, doctests included
        self.define = define
        self.name: str = define.__name__
        code = define.__code__
        self.operands: tuple[str, ...] = code.co_varnames[1:code.co_argcount]

    def __call__(self, *operands: float) -> float:
        for x in operands:
            if not isinstance(x, _SCALAR):
                from nyttocalc.core.arrays import evaluate  # only where arrays are computed

                on_arrays: float = evaluate(self.define, operands)
                return on_arrays
        on_floats: float = self.define(FLOATS, *operands)
        return on_floats

    def __repr__(self) -> str:
        return f"<rule {self.name}({', '.join(self.operands)})>"


RULES: dict[str, Rule] = {}


def rule(define: Callable[..., Value]) -> Rule:
    """``define`` as a ``Rule``, listed in ``RULES`` by its name."""
    made = RULES[define.__name__] = Rule(define)
    return made
