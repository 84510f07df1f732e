"""Discounting by whole years, as reports and spreadsheets compute it: a flow at the end of
year t is worth (1 + r)^−t today: rules (``core.rules``) for floats, arrays (a computed input in
a sweep) and spreadsheets. A rate of −100 % or below discounts nothing to anything: undefined (NaN).

(``discounting`` is the payback analysis' continuous time; these are the formulas a report
states: "a present value at 5 % over 45 years", Excel's NPV.)
"""

from __future__ import annotations

from nyttocalc.core.arith import Num
from nyttocalc.core.backend import UNDEFINED, Backend, Value
from nyttocalc.core.rules import rule


@rule
def discount(xp: Backend, rate: Value, years: Value) -> Value:
    """What 1 at the end of ``years`` is worth today: (1 + rate)^−years.

    >>> discount(0.05, 1), round(discount(0.035, 4), 6)
    (0.9523809523809523, 0.871442)
    """
    return xp.cases((rate <= -1, UNDEFINED), otherwise=xp.exp(-years * xp.log1p(rate)))


@rule
def annuity(xp: Backend, rate: Value, years: Value) -> Value:
    """What 1 a year at the end of each of ``years`` years is worth today: (1 − (1 + rate)^−years)
    / rate, and ``years`` at a rate of 0.

    >>> round(annuity(0.05, 5), 6), annuity(0.0, 5)
    (4.329477, 5)
    """
    return xp.cases((rate == 0, years),
                    (rate <= -1, UNDEFINED),
                    otherwise=xp.divide(xp.one_minus_exp(-years * xp.log1p(rate)), rate))


@rule
def present_value(xp: Backend, rate: Value, years: Value, amount: Value) -> Value:
    """A constant ``amount`` a year, at the end of each of ``years`` years, worth today.

    >>> round(present_value(0.05, 45, 100_000))
    1777407
    """
    return amount * annuity.define(xp, rate, years)


def net_present_value(rate: Num, *flows: Num) -> Num:
    """Excel's NPV: the flows at the end of years 1, 2, …, n, worth today.

    >>> round(net_present_value(0.1, 110, 121), 6)
    200.0
    """
    total: Num = 0.0
    for year, flow in enumerate(flows, start=1):
        total = total + flow * discount(rate, float(year))
    return total
