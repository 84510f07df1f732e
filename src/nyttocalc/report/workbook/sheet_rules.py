"""The core's rules (``core.rules``) as spreadsheet formulas, derived from their definitions.

A rule evaluated on ``Formula`` values writes its formula: each operation writes its text,
parenthesised only where the spreadsheet would otherwise read it another way (the order of
every operation is kept: a float computes a × (b / c) and (a × b) / c differently), and each
``cases`` writes nested ``IF``\\s. The spreadsheet has no inf and no NaN: "never" and
"undefined" are both ``#N/A`` (``NA()``), which runs through every operation and comparison by
itself; so a number is finite (``is_finite`` holds), and ``is_never`` is ``ISNA`` where an
operand may be never and false where it may not, its case left out.

>>> from nyttocalc.core.arith import ratio
>>> spreadsheet(ratio, "B2", "B3")
('IF(B3<0,NA(),IF(B2<=0,0,IF(B3=0,NA(),B2/B3)))', True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from nyttocalc.core import arith, discounting, finance  # noqa: F401  (their rules fill RULES)
from nyttocalc.core.backend import Backend, Value
from nyttocalc.core.rules import RULES, Rule

# How tightly an expression binds, loosest first, as a spreadsheet reads it (a negation binds
# tighter than a power: -2^2 is 4).
COMPARISON, SUM, PRODUCT, POWER, NEGATION, ATOM = range(6)


@dataclass(frozen=True, eq=False)  # == writes a comparison
class Formula:
    """Spreadsheet text, how tightly it binds (``rank``), whether it may be ``#N/A``
    (``never``), whether it is a condition, whether a minus sign written before it negates the
    whole of it exactly (``signable``: an atom, or a product whose first factor is), and for a
    negation, what it negates."""

    text: str
    never: bool = False
    rank: int = ATOM
    condition: bool = False
    signable: bool = True
    negated: Formula | None = None

    def __add__(self, other: Any) -> Formula:
        b = formula(other)
        if b.negated is not None:  # a + (−b) is a − b, exactly
            return self - b.negated
        return _binary(self, "+", b, SUM)

    def __radd__(self, other: Any) -> Formula:
        return formula(other) + self

    def __sub__(self, other: Any) -> Formula:
        return _binary(self, "-", formula(other), SUM)

    def __rsub__(self, other: Any) -> Formula:
        return formula(other) - self

    def __mul__(self, other: Any) -> Formula:
        b = formula(other)
        if b.condition or self.condition:  # a number times a condition: the number or 0
            number, test = (self, b) if b.condition else (b, self)
            return _call("IF", test, number, formula(0.0))
        if _is_one(other):
            return self
        return _binary(self, "*", b, PRODUCT)

    def __rmul__(self, other: Any) -> Formula:
        return self if _is_one(other) else formula(other) * self

    def __neg__(self) -> Formula:
        if self.rank == PRODUCT and self.signable:  # −(a × b) is (−a) × b, exactly
            return Formula(f"-{self.text}", self.never, PRODUCT, negated=self)
        return Formula(f"-{_grouped(self, NEGATION)}", self.never, NEGATION, negated=self)

    def __abs__(self) -> Formula:
        return _call("ABS", self)

    def __lt__(self, other: Any) -> Formula:
        return _binary(self, "<", formula(other), COMPARISON)

    def __le__(self, other: Any) -> Formula:
        return _binary(self, "<=", formula(other), COMPARISON)

    def __gt__(self, other: Any) -> Formula:
        return _binary(self, ">", formula(other), COMPARISON)

    def __ge__(self, other: Any) -> Formula:
        return _binary(self, ">=", formula(other), COMPARISON)

    def __eq__(self, other: object) -> Formula:  # type: ignore[override]
        return _binary(self, "=", formula(other), COMPARISON)

    def __and__(self, other: Any) -> Formula:
        return _call("AND", self, formula(other))

    __hash__ = None  # type: ignore[assignment]


def formula(x: Any) -> Formula:
    """``x`` as a formula: a number as a spreadsheet writes it, inf and NaN as ``NA()``."""
    if isinstance(x, Formula):
        return x
    x = float(x)
    if math.isinf(x) or math.isnan(x):
        return Formula("NA()", never=True)
    text = number(x)
    return Formula(text, rank=NEGATION if text.startswith("-") else ATOM)


def number(x: float) -> str:
    """A number as a formula writes it: 3, 0.5, 1E-12."""
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x).upper()


def _is_one(x: Any) -> bool:
    return not isinstance(x, Formula) and x == 1


def _grouped(x: Formula, rank: int) -> str:
    return x.text if x.rank > rank else f"({x.text})"


def _binary(a: Formula, sign: str, b: Formula, rank: int) -> Formula:
    # the left operand of a loosely binding sign reads as written; the right one, of the same
    # rank, is grouped: a − (b − c) and a / (b × c) are other computations
    bare = a.rank >= rank
    return Formula(f"{a.text if bare else f'({a.text})'}{sign}{_grouped(b, rank)}",
                   a.never or b.never, rank, condition=rank == COMPARISON,
                   signable=rank == PRODUCT and (a.signable or not bare))


def _call(name: str, *args: Formula) -> Formula:
    return Formula(f"{name}({','.join(a.text for a in args)})", any(a.never for a in args),
                   condition=name == "AND")


class _Sheet:
    """The spreadsheet backend: each operation writes its formula."""

    @staticmethod
    def cases(*pairs: tuple[Value, Value], otherwise: Value) -> Value:
        result = formula(otherwise)
        for condition, value in reversed(pairs):
            if condition is True:  # the spreadsheet knows the answer: this case always holds
                result = formula(value)
            elif condition is not False:
                result = _call("IF", condition, formula(value), result)
        return result

    @staticmethod
    def divide(a: Value, b: Value) -> Value:
        return a if _is_one(b) else _binary(formula(a), "/", formula(b), PRODUCT)

    @staticmethod
    def power(base: Value, exponent: Value) -> Value:
        return _binary(formula(base), "^", formula(exponent), POWER)

    @staticmethod
    def exp(x: Value) -> Value:
        return _call("EXP", formula(x))

    @staticmethod
    def log1p(x: Value) -> Value:
        return _call("LN", 1 + formula(x))

    @staticmethod
    def one_minus_exp(x: Value) -> Value:
        return 1 - _call("EXP", formula(x))

    @staticmethod
    def ceil(x: Value) -> Value:
        return -_call("INT", -formula(x))

    @staticmethod
    def maximum(a: Value, b: Value) -> Value:
        return _call("MAX", formula(a), formula(b))

    @staticmethod
    def minimum(a: Value, b: Value) -> Value:
        return _call("MIN", formula(a), formula(b))

    @staticmethod
    def is_never(x: Value) -> Value:
        # ISNA itself is never #N/A
        return Formula(f"ISNA({x.text})", condition=True) if formula(x).never else False

    @staticmethod
    def is_finite(x: Value) -> Value:
        return True


SHEET: Backend = _Sheet()


def spreadsheet(rule: Rule, *operands: str | tuple[str, bool]) -> tuple[str, bool]:
    """``rule``'s formula over the operands (each a reference or a grouped expression, and
    whether it may be never; a bare text may not), and whether the formula may be never."""
    values = [Formula(*o) if isinstance(o, tuple) else Formula(o) for o in operands]
    written = formula(rule.define(SHEET, *values))
    return written.text, written.never


@dataclass(frozen=True)
class RuleText:
    """A rule as the documentation shows it: its call, its definition in words (the first
    paragraph of its docstring) and its spreadsheet formula over the operands' names."""

    name: str
    call: str
    words: str
    formula: str


def describe() -> list[RuleText]:
    """Every rule, in the order the core defines them, with its words and its formula.

    >>> next(r for r in describe() if r.name == "share")
    RuleText(name='share', call='share(part, whole)', words='``part`` as a share of ``whole`` \
(a loss as a negative share); undefined (NaN, shown as "n/a", ``null`` in JSON) where there is \
no positive whole to be a share of.', formula='IF(whole>0,part/whole,NA())')
    """
    described = []
    for name, rule in RULES.items():
        words = " ".join((rule.__doc__ or "").split("\n\n")[0].split())
        described.append(RuleText(name, f"{name}({', '.join(rule.operands)})", words,
                                  spreadsheet(rule, *rule.operands)[0]))
    return described
