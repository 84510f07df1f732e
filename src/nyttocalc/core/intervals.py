"""What a formula can give when its numbers are only known to within their printed rounding.

A report prints "1 013 214 761" or "1,2 mkr": the figure it stands for may be anywhere within
half its last digit of that (± 0,5 kr; ± 50 000 kr). An ``Interval`` is such a range, and
``evaluate`` carries ranges through the same formula templates ``figures`` evaluates, with the
same arithmetic (a ``ratio`` is "how many … make up …" here too, ``difference`` snaps float
residue to 0). Every bound is sound: a value the formula gives for numbers inside their ranges
lies inside the result. It is exact (attained, at a corner of the inputs' ranges) where each
range occurs once in the formula and every operation on the way is monotone in each argument,
as sums, differences, products, quotients of positive numbers, powers, min, max, ceil and the
discounting functions are; where a number occurs twice (``{a} / ({a} + {b})``) the bound is
sound but may be wider than what the formula can reach.

A divisor whose range holds 0 gives no bound at all: the interval from −∞ to +∞, which reaches
every figure and so proves nothing; ``Interval.bounded`` says whether a result is one.
"""

from __future__ import annotations

import ast
import functools
import itertools
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from nyttocalc.core.arith import (
    ceil_step,
    difference,
    maximum,
    minimum,
    power,
    quotient,
    ratio,
    share,
)
from nyttocalc.core.discounting import (
    present_value_years,
    spread_cost_factor,
    years_to_accumulate,
)
from nyttocalc.core.figures import Figure, Term, parse
from nyttocalc.core.finance import annuity, discount, present_value


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    @classmethod
    def around(cls, value: float, margin: float = 0.0) -> Interval:
        """``value`` ± ``margin``: a number as printed, or exactly (a margin of 0).

        >>> Interval.around(1_013_214_761, 0.5)
        Interval(low=1013214760.5, high=1013214761.5)
        """
        return cls(value - margin, value + margin) if margin else cls(value, value)

    @property
    def bounded(self) -> bool:
        """Whether this is a bound at all: not the whole line that a zero divisor gives."""
        return not (self.low == -math.inf and self.high == math.inf)

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def reaches(self, low: float, high: float) -> bool:
        """Whether some number of this interval lies in [low, high]."""
        return self.bounded and self.low <= high and low <= self.high

    def distance(self, low: float, high: float) -> float:
        """How far this interval is from [low, high]: 0 where they meet."""
        return max(low - self.high, self.low - high, 0.0)


UNBOUNDED = Interval(-math.inf, math.inf)


def _hull(values: list[float]) -> Interval:
    if any(math.isnan(v) for v in values):
        return UNBOUNDED  # a number without a value somewhere inside: no bound
    return Interval(min(values), max(values))


def _corners(function: Callable[..., float], *args: Interval, widen: bool = False) -> Interval:
    """The least and greatest value at the corners of the arguments' box: the exact range of a
    function that is monotone in each argument for any fixed value of the others."""
    hull = _hull([function(*point) for point in itertools.product(
        *(dict.fromkeys((a.low, a.high)) for a in args))])
    return _widened(hull) if widen else hull


def _widened(interval: Interval) -> Interval:
    """A few units in the last place wider: the logarithms and exponentials of a library are
    not guaranteed to round monotonely, as + − × / are."""
    low, high = interval.low, interval.high
    for _ in range(4):
        low, high = math.nextafter(low, -math.inf), math.nextafter(high, math.inf)
    return Interval(low, high)


# ---- the operators ----------------------------------------------------------------------------

def _add(a: Interval, b: Interval) -> Interval:
    return _hull([a.low + b.low, a.high + b.high])


def _subtract(a: Interval, b: Interval) -> Interval:
    return _hull([difference(a.low, b.high), difference(a.high, b.low)])


def _multiply(a: Interval, b: Interval) -> Interval:
    return _corners(operator.mul, a, b)


def _ratio(n: Interval, d: Interval) -> Interval:
    """"How many d make up n" (``arith.ratio``): n/d for positive numbers, 0 where nothing is
    owed, never (∞) where d takes away or adds nothing. Monotone piece by piece, so each bound
    is found in the region where it lies."""
    high = math.inf if d.low < 0 or (d.low == 0 and n.high > 0) else ratio(n.high, d.low)
    if d.high < 0 or (d.high == 0 and n.low > 0):
        low = math.inf
    elif d.high == 0:
        low = 0.0
    else:
        low = ratio(n.low, d.high)
    if math.isnan(low) or math.isnan(high):  # never over never: no bound
        return UNBOUNDED
    return Interval(low, high)


def _quotient(n: Interval, d: Interval) -> Interval:
    if d.low <= 0 <= d.high:
        return UNBOUNDED  # the divisor may be 0: the quotient may be anything
    return _corners(quotient, n, d)


def _power(base: Interval, exponent: Interval) -> Interval:
    if base.low > 0 or (base.low >= 0 and exponent.low > 0):
        return _corners(power, base, exponent, widen=True)
    if not (exponent.exact and float(exponent.low).is_integer()):
        return UNBOUNDED  # a negative base to a power that may be fractional
    n = exponent.low
    if n < 0 and base.low <= 0 <= base.high:
        return UNBOUNDED
    ends = _corners(power, base, exponent)
    if n % 2 == 0 and base.low < 0 < base.high:
        return Interval(0.0, ends.high)  # an even power of a range around 0
    return ends


_OPERATORS: dict[type, Callable[[Interval, Interval], Interval]] = {
    ast.Add: _add, ast.Sub: _subtract, ast.Mult: _multiply, ast.Div: _ratio, ast.Pow: _power,
}
_PLAIN_OPERATORS = {**_OPERATORS, ast.Div: _quotient}


# ---- the functions ----------------------------------------------------------------------------

def _ceil(x: Interval) -> Interval:
    return Interval(ceil_step(x.low), ceil_step(x.high))


def _increasing(function: Callable[..., float]) -> Callable[..., Interval]:
    """A function that rises with every argument: all lows, all highs."""
    def bound(*args: Interval) -> Interval:
        return _hull([function(*(a.low for a in args)), function(*(a.high for a in args))])
    return bound


def _net_present_value(rate: Interval, *flows: Interval) -> Interval:
    """Each flow times its year's discount factor, summed: exact for an exact rate (each flow
    then occurs once, times a positive factor); sound for a rate with a range."""
    total = Interval(0.0, 0.0)
    for year, flow in enumerate(flows, start=1):
        factor = _corners(discount, rate, Interval(year, year), widen=not rate.exact)
        total = _add(total, _multiply(flow, factor))
    return total


def _share(part: Interval, whole: Interval) -> Interval:
    if whole.low <= 0:
        return UNBOUNDED
    return _corners(share, part, whole)


def _monotone(function: Callable[..., float]) -> Callable[..., Interval]:
    """A function monotone in each argument (the discounting functions): its corners."""
    def bound(*args: Interval) -> Interval:
        return _corners(function, *args, widen=True)
    return bound


_FUNCTIONS: dict[str, Callable[..., Interval]] = {
    "ceil": _ceil,
    "max": _increasing(lambda *xs: functools.reduce(maximum, xs)),
    "min": _increasing(lambda *xs: functools.reduce(minimum, xs)),
    "sum": _increasing(lambda *xs: functools.reduce(operator.add, xs)),
    "npv": _net_present_value,
    "pv": _monotone(present_value),
    "annuity": _monotone(annuity),
    "discount": _monotone(discount),
    "pv_years": _monotone(present_value_years),
    "years_to": _monotone(years_to_accumulate),
    "pv_spread": _monotone(spread_cost_factor),
    "share": _share,
}


def evaluate(formula: str, values: Mapping[str, Interval],
             plain_division: bool = False) -> Interval:
    """A formula template (see ``figures.evaluate``) over the intervals of its terms.

    >>> evaluate("{a} + {b}", {"a": Interval(1.5, 2.5), "b": Interval(9.5, 10.5)})
    Interval(low=11.0, high=13.0)
    >>> evaluate("{b} / {c}", {"b": Interval(3.75, 3.85), "c": Interval(1.35, 1.45)})
    Interval(low=2.586206896551724, high=2.8518518518518516)
    """
    operators = _PLAIN_OPERATORS if plain_division else _OPERATORS
    return _walk(parse(formula), {f"_{k}": v for k, v in values.items()}, operators)


def _walk(node: ast.expr, names: Mapping[str, Interval],
          operators: Mapping[type, Callable[[Interval, Interval], Interval]]) -> Interval:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return Interval(float(node.value), float(node.value))
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _walk(node.operand, names, operators)
        return Interval(-inner.high, -inner.low)
    if isinstance(node, ast.BinOp) and type(node.op) in operators:
        return operators[type(node.op)](_walk(node.left, names, operators),
                                        _walk(node.right, names, operators))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        function = _FUNCTIONS.get(node.func.id)
        args = [_walk(a, names, operators) for a in node.args]
        if function is not None:
            return function(*args)
    return UNBOUNDED  # syntax ``figures.validate`` refuses; nothing is known of it


def of_figure(figure: Figure, margins: Mapping[str, float] | None = None,
              printed: Mapping[int, Interval] | None = None) -> Interval:
    """What a computed figure can be when each number it is computed from may be anywhere
    within its margin: a term's own (a number a claim prints) or, by its key path, the one in
    ``margins`` (an input as the report prints it). The derivation is followed down to the
    numbers it starts from, so a figure of the payback analysis is bounded through every
    figure it is computed from. ``printed`` (by the ``id`` of a figure on the way) is what the
    report itself says an intermediate figure is: there the bound is narrowed to it."""
    return _Bounds(margins or {}, printed or {}).figure(figure, root=True)


@dataclass
class _Bounds:
    margins: Mapping[str, float]
    printed: Mapping[int, Interval]

    def __post_init__(self) -> None:
        self.seen: dict[int, Interval] = {}  # a figure used by several others, bounded once

    def figure(self, figure: Figure, root: bool = False) -> Interval:
        known = self.seen.get(id(figure))
        if known is not None:
            return known
        values = {name: self.term(term) for name, term in figure.terms.items()}
        bound = evaluate(figure.formula, values, figure.plain_division)
        stated = None if root else self.printed.get(id(figure))
        if stated is not None and bound.reaches(stated.low, stated.high):
            bound = Interval(max(bound.low, stated.low), min(bound.high, stated.high))
        if figure.never_with is not None:
            waits = self.term(figure.never_with)
            if math.isinf(waits.low):
                bound = Interval(math.inf, math.inf)
            elif math.isinf(waits.high):
                bound = Interval(bound.low, math.inf)
        self.seen[id(figure)] = bound
        return bound

    def term(self, term: Term) -> Interval:
        if term.source is not None:
            return self.figure(term.source)
        margin = term.margin or (self.margins.get(term.path, 0.0) if term.path else 0.0)
        return Interval.around(term.value, margin)
