"""The core's rules (``core.rules``) as JavaScript functions, derived from their definitions.

A rule evaluated on ``Js`` values writes its function body, as the workbook's spreadsheet
backend writes its formula: each operation its text, fully parenthesised, each ``cases`` a
chain of ``?:``. JavaScript numbers are IEEE 754 doubles, so inf ("never") and NaN
("undefined") mean what they mean in the core; where ``Math`` parts from Python's ``math``
(``Math.pow(1, NaN)`` is NaN, ``math.pow(1, nan)`` is 1) the script's ``pw`` says what the core
says.

>>> from nyttocalc.core.arith import ratio
>>> body(ratio)
'((denominator===Infinity)?0:((denominator<0)?Infinity:((numerator<=0)?0:((denominator===0)?\
Infinity:(numerator/denominator)))))'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from nyttocalc.core import arith, discounting, finance  # noqa: F401  (their rules fill RULES)
from nyttocalc.core.backend import Backend, Value
from nyttocalc.core.rules import RULES, Rule


@dataclass(frozen=True, eq=False)  # == writes a comparison
class Js:
    """A JavaScript expression."""

    text: str

    def __add__(self, other: Any) -> Js:
        return _binary(self, "+", other)

    def __radd__(self, other: Any) -> Js:
        return _binary(other, "+", self)

    def __sub__(self, other: Any) -> Js:
        return _binary(self, "-", other)

    def __rsub__(self, other: Any) -> Js:
        return _binary(other, "-", self)

    def __mul__(self, other: Any) -> Js:
        return _binary(self, "*", other)

    def __rmul__(self, other: Any) -> Js:
        return _binary(other, "*", self)

    def __neg__(self) -> Js:
        return Js(f"(-{self.text})")

    def __abs__(self) -> Js:
        return _call("Math.abs", self)

    def __lt__(self, other: Any) -> Js:
        return _binary(self, "<", other)

    def __le__(self, other: Any) -> Js:
        return _binary(self, "<=", other)

    def __gt__(self, other: Any) -> Js:
        return _binary(self, ">", other)

    def __ge__(self, other: Any) -> Js:
        return _binary(self, ">=", other)

    def __eq__(self, other: object) -> Js:  # type: ignore[override]
        return _binary(self, "===", other)

    def __and__(self, other: Any) -> Js:
        return _binary(self, "&&", other)

    __hash__ = None  # type: ignore[assignment]


def js(x: Any) -> Js:
    """``x`` as an expression: a number as JavaScript writes it (``Infinity``, ``NaN``)."""
    if isinstance(x, Js):
        return x
    if isinstance(x, bool):
        return Js("true" if x else "false")
    return Js(literal(float(x)))


def literal(x: float) -> str:
    """A float as a JavaScript literal that reads back as the same float.

    >>> [literal(v) for v in (3.0, 0.1, -2.5e-12, math.inf, -math.inf, math.nan)]
    ['3', '0.1', '-2.5e-12', 'Infinity', '-Infinity', 'NaN']
    """
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def _binary(a: Any, sign: str, b: Any) -> Js:
    return Js(f"({js(a).text}{sign}{js(b).text})")


def _call(name: str, *args: Any) -> Js:
    return Js(f"{name}({','.join(js(a).text for a in args)})")


class _Script:
    """The JavaScript backend: each operation writes its expression."""

    @staticmethod
    def cases(*pairs: tuple[Value, Value], otherwise: Value) -> Value:
        result = js(otherwise)
        for condition, value in reversed(pairs):
            if condition is True:
                result = js(value)
            elif condition is not False:
                result = Js(f"({js(condition).text}?{js(value).text}:{result.text})")
        return result

    @staticmethod
    def divide(a: Value, b: Value) -> Value:
        return _binary(a, "/", b)

    @staticmethod
    def power(base: Value, exponent: Value) -> Value:
        return _call("pw", base, exponent)

    @staticmethod
    def exp(x: Value) -> Value:
        return _call("Math.exp", x)

    @staticmethod
    def log1p(x: Value) -> Value:
        return _call("Math.log1p", x)

    @staticmethod
    def one_minus_exp(x: Value) -> Value:
        return Js(f"(-{_call('Math.expm1', x).text})")

    @staticmethod
    def ceil(x: Value) -> Value:
        return _call("Math.ceil", x)

    @staticmethod
    def maximum(a: Value, b: Value) -> Value:
        return _call("Math.max", a, b)

    @staticmethod
    def minimum(a: Value, b: Value) -> Value:
        return _call("Math.min", a, b)

    @staticmethod
    def is_never(x: Value) -> Value:
        return _binary(x, "===", Js("Infinity"))

    @staticmethod
    def is_finite(x: Value) -> Value:
        return _call("isFinite", x)


SCRIPT: Backend = _Script()

# ``base`` to the power ``exponent`` as the core's backends compute it (C's pow, IEEE 754):
# 0 to a negative power is undefined; 1 to any power and −1 to ±inf are 1.
POWER = ("function pw(b,e){return b===0&&e<0?NaN:b===1||(b===-1&&Math.abs(e)===Infinity)?1:"
         "Math.pow(b,e)}")


def body(rule: Rule) -> str:
    """The expression a rule returns, over its operands' names."""
    return js(rule.define(SCRIPT, *(Js(name) for name in rule.operands))).text


def functions() -> str:
    """Every rule as a JavaScript function of its name, its defaults kept (``ceil_step(x,
    step=1)``), and the power they use."""
    written = [POWER]
    for name, rule in RULES.items():
        defaults = rule.define.__defaults__ or ()
        names = list(rule.operands)
        for offset, default in enumerate(defaults, start=len(names) - len(defaults)):
            names[offset] += f"={literal(float(default))}"
        written.append(f"function {name}({','.join(names)}){{return {body(rule)}}}")
    return "\n".join(written)
