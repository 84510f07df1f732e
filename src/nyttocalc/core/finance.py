"""Discounting by whole years, as reports and spreadsheets compute it: a flow at the end of
year t is worth (1 + r)^−t today. Floats, or element-wise NumPy arrays (a computed input in a
sweep). A rate of −100 % or below discounts nothing to anything: undefined (NaN).

(``discounting`` is the payback analysis' continuous time; these are the formulas a report
states: "a present value at 5 % over 45 years", Excel's NPV.)
"""

from __future__ import annotations

import math
from typing import Any

from nyttocalc.core.arith import Num


def _is_scalar(*values: object) -> bool:
    return all(isinstance(v, int | float) for v in values)


def discount(rate: Num, years: Num) -> Num:
    """What 1 at the end of ``years`` is worth today: (1 + rate)^−years.

    >>> discount(0.05, 1), round(discount(0.035, 4), 6)
    (0.9523809523809523, 0.871442)
    """
    if _is_scalar(rate, years):
        if rate <= -1:
            return math.nan
        return math.exp(-years * math.log1p(rate))
    result: float = _array_discount(rate, years)
    return result


def _array_discount(rate: Any, years: Any) -> Any:
    import numpy as np

    rate, years = np.broadcast_arrays(np.asarray(rate, float), np.asarray(years, float))
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = np.exp(-years * np.log1p(rate))
    return np.where(rate <= -1, math.nan, out)


def annuity(rate: Num, years: Num) -> Num:
    """What 1 a year at the end of each of ``years`` years is worth today: (1 − (1 + rate)^−years)
    / rate, and ``years`` at a rate of 0.

    >>> round(annuity(0.05, 5), 6), annuity(0.0, 5)
    (4.329477, 5)
    """
    if _is_scalar(rate, years):
        if rate == 0:
            return years
        return -math.expm1(-years * math.log1p(rate)) / rate if rate > -1 else math.nan
    result: float = _array_annuity(rate, years)
    return result


def _array_annuity(rate: Any, years: Any) -> Any:
    import numpy as np

    rate, years = np.broadcast_arrays(np.asarray(rate, float), np.asarray(years, float))
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = -np.expm1(-years * np.log1p(rate)) / np.where(rate == 0, 1.0, rate)
    return np.where(rate == 0, years, np.where(rate <= -1, math.nan, out))


def present_value(rate: Num, years: Num, amount: Num) -> Num:
    """A constant ``amount`` a year, at the end of each of ``years`` years, worth today.

    >>> round(present_value(0.05, 45, 100_000))
    1777407
    """
    return amount * annuity(rate, years)


def net_present_value(rate: Num, *flows: Num) -> Num:
    """Excel's NPV: the flows at the end of years 1, 2, …, n, worth today.

    >>> round(net_present_value(0.1, 110, 121), 6)
    200.0
    """
    total: Num = 0.0
    for year, flow in enumerate(flows, start=1):
        total = total + flow * discount(rate, float(year))
    return total
