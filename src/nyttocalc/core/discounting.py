"""Discounting and drop-off in continuous time, for floats and element-wise for NumPy arrays.

Time runs in years from the start of the intervention, which is also the date values are
discounted to. A real discount rate ``r`` per year is the continuous force ``ln(1 + r)``; a drop-off
rate ``q`` (the share of those in work who leave it each year) is the force ``−ln(1 − q)``. Value
flows evenly within each year, so a year-by-year table is the integral of the same flows and adds
up to these closed forms.

With ``r = 0`` and ``q = 0`` every function returns its undiscounted argument exactly (not merely
within round-off): the report's arithmetic is the special case, bit for bit.
"""

from __future__ import annotations

import math
from typing import Any

from nyttocalc.core.arith import NEVER, Num


def _is_scalar(*values: object) -> bool:
    return all(isinstance(v, int | float) for v in values)


def present_value_years(start: Num, years: Num, rate: Num, drop_off: Num) -> Num:
    """Person-years of work over ``years`` from ``start``, discounted to time 0 and thinned by
    drop-off: ∫ e^(−δt) · e^(−λ(t − start)) dt over [start, start + years].

    >>> present_value_years(5.0, 3.0, 0.0, 0.0)
    3.0
    >>> round(present_value_years(0.0, 1.0, 0.035, 0.0), 4)
    0.983
    """
    if _is_scalar(start, years, rate, drop_off):
        if rate == 0 and drop_off == 0:
            return years
        if drop_off >= 1:
            return 0.0
        delta, lam = math.log1p(rate), -math.log1p(-drop_off)
        force = delta + lam
        shape = years if force == 0 else -math.expm1(-force * years) / force
        return math.exp(-delta * start) * shape
    result: float = _array_pv_years(start, years, rate, drop_off)
    return result


def _array_pv_years(start: Any, years: Any, rate: Any, drop_off: Any) -> Any:
    import numpy as np

    start, years, rate, drop_off = np.broadcast_arrays(*(np.asarray(v, float) for v in
                                                         (start, years, rate, drop_off)))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        delta = np.log1p(rate)
        lam = -np.log1p(-np.minimum(drop_off, 1.0))
        force = delta + lam
        shape = np.where(force == 0, years, -np.expm1(-force * years) / np.where(force == 0, 1,
                                                                                 force))
        shape = np.where(drop_off >= 1, 0.0, shape)
        out = np.exp(-delta * start) * shape
    return np.where((rate == 0) & (drop_off == 0), years, out)


def years_to_accumulate(person_years: Num, start: Num, rate: Num, drop_off: Num) -> Num:
    """The inverse of ``present_value_years``: how many years of work from ``start`` add up to
    ``person_years`` in present value; ``inf`` where no length of time does.

    >>> years_to_accumulate(4.5, 5.0, 0.0, 0.0)
    4.5
    >>> round(present_value_years(2.0, years_to_accumulate(1.2, 2.0, 0.03, 0.1), 0.03, 0.1), 12)
    1.2
    """
    if _is_scalar(person_years, start, rate, drop_off):
        if (rate == 0 and drop_off == 0) or person_years <= 0 or math.isinf(person_years):
            return person_years if person_years > 0 else 0.0
        if drop_off >= 1:
            return NEVER
        delta, lam = math.log1p(rate), -math.log1p(-drop_off)
        force = delta + lam
        at_start = person_years * math.exp(delta * start)  # undo the discount to time 0
        if force == 0:
            return at_start
        reach = at_start * force  # the share of the whole infinite stream that is needed
        return NEVER if reach >= 1 else -math.log1p(-reach) / force
    result: float = _array_years_to_accumulate(person_years, start, rate, drop_off)
    return result


def _array_years_to_accumulate(person_years: Any, start: Any, rate: Any, drop_off: Any) -> Any:
    import numpy as np

    needed, start, rate, drop_off = np.broadcast_arrays(*(np.asarray(v, float) for v in
                                                          (person_years, start, rate, drop_off)))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        delta = np.log1p(rate)
        lam = -np.log1p(-np.minimum(drop_off, 1.0))
        force = delta + lam
        at_start = needed * np.exp(delta * start)
        reach = at_start * force
        years = np.where(force == 0, at_start,
                         np.where(reach >= 1, NEVER, -np.log1p(-np.minimum(reach, 1.0))
                                  / np.where(force == 0, 1, force)))
        years = np.where(drop_off >= 1, NEVER, years)
    years = np.where((rate == 0) & (drop_off == 0), needed, years)
    return np.where(needed <= 0, 0.0, years)


def spread_cost_factor(rate: Num, years: Num) -> Num:
    """The present value of 1 kr paid evenly over ``years`` from time 0: 1 when undiscounted or
    paid at once.

    >>> spread_cost_factor(0.0, 1.33)
    1.0
    >>> round(spread_cost_factor(0.035, 2.0), 4)
    0.9664
    """
    if _is_scalar(rate, years):
        force = math.log1p(rate) * years
        return 1.0 if force == 0 else -math.expm1(-force) / force
    result: float = _array_spread(rate, years)
    return result


def _array_spread(rate: Any, years: Any) -> Any:
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        force = np.log1p(np.asarray(rate, float)) * np.asarray(years, float)
        return np.where(force == 0, 1.0, -np.expm1(-force) / np.where(force == 0, 1, force))
