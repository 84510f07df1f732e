"""Discounting and drop-off in continuous time: rules (``core.rules``) for floats, arrays and
spreadsheets.

Time runs in years from the start of the intervention, which is also the date values are
discounted to. A real discount rate ``r`` per year is the continuous force ``ln(1 + r)``; a drop-off
rate ``q`` (the share of those in work who leave it each year) is the force ``−ln(1 − q)``. Value
flows evenly within each year, so a year-by-year table is the integral of the same flows and adds
up to these closed forms.

With ``r = 0`` and ``q = 0`` every function returns its undiscounted argument exactly (not merely
within round-off): the report's arithmetic is the special case, bit for bit.
"""

from __future__ import annotations

from nyttocalc.core.backend import NEVER, Backend, Value
from nyttocalc.core.rules import rule


def _forces(xp: Backend, rate: Value, drop_off: Value) -> tuple[Value, Value]:
    """The discount force ln(1 + r), and that plus drop-off's −ln(1 − q)."""
    delta = xp.log1p(rate)
    return delta, delta - xp.log1p(-drop_off)


@rule
def present_value_years(xp: Backend, start: Value, years: Value, rate: Value,
                        drop_off: Value) -> Value:
    """Person-years of work over ``years`` from ``start``, discounted to time 0 and thinned by
    drop-off: ∫ e^(−δt) · e^(−λ(t − start)) dt over [start, start + years]; none where all
    leave at once (a drop-off of 1 or more).

    >>> present_value_years(5.0, 3.0, 0.0, 0.0)
    3.0
    >>> round(present_value_years(0.0, 1.0, 0.035, 0.0), 4)
    0.983
    """
    delta, force = _forces(xp, rate, drop_off)
    shape = xp.cases((force == 0, years),
                     otherwise=xp.divide(xp.one_minus_exp(-force * years), force))
    return xp.cases(((rate == 0) & (drop_off == 0), years),
                    (drop_off >= 1, 0.0),
                    otherwise=xp.exp(-delta * start) * shape)


@rule
def years_to_accumulate(xp: Backend, person_years: Value, start: Value, rate: Value,
                        drop_off: Value) -> Value:
    """The inverse of ``present_value_years``: how many years of work from ``start`` add up to
    ``person_years`` in present value; ``inf`` where no length of time does (drop-off caps
    what all the years to come are worth below what is needed).

    >>> years_to_accumulate(4.5, 5.0, 0.0, 0.0)
    4.5
    >>> round(present_value_years(2.0, years_to_accumulate(1.2, 2.0, 0.03, 0.1), 0.03, 0.1), 12)
    1.2
    """
    delta, force = _forces(xp, rate, drop_off)
    at_start = person_years * xp.exp(delta * start)  # undo the discount to time 0
    reach = at_start * force  # the share of the whole infinite stream that is needed
    return xp.cases((person_years <= 0, 0.0),
                    ((rate == 0) & (drop_off == 0), person_years),
                    (drop_off >= 1, NEVER),
                    (force == 0, at_start),
                    (reach >= 1, NEVER),
                    otherwise=xp.divide(-xp.log1p(-reach), force))


@rule
def spread_cost_factor(xp: Backend, rate: Value, years: Value) -> Value:
    """The present value of 1 kr paid evenly over ``years`` from time 0: 1 when undiscounted or
    paid at once.

    >>> spread_cost_factor(0.0, 1.33)
    1.0
    >>> round(spread_cost_factor(0.035, 2.0), 4)
    0.9664
    """
    force = xp.log1p(rate) * years
    return xp.cases((force == 0, 1.0), otherwise=xp.divide(xp.one_minus_exp(-force), force))
