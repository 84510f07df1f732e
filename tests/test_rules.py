"""Each arithmetic rule is written once (``core.rules``); its evaluations must agree.

On floats and on arrays, element by element, at the edges too (0, −0, negatives, inf, NaN, a
drop-off of 1 or more): bit for bit where the rule is + − × / and comparisons, within a few
ulps where NumPy's exp and log1p stand in for the C library's (``test_numeric``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.core import arith, discounting, finance  # noqa: F401  (their rules fill RULES)
from nyttocalc.core.rules import RULES, Rule
from tests.strategies import examples
from tests.test_numeric import ulps_apart

TRANSCENDENTAL = {"present_value_years", "years_to_accumulate", "spread_cost_factor",
                  "discount", "annuity", "present_value", "power"}
ULPS = 4

EDGES = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1.5, 1e-300, -1e-12, 1e300, math.inf, -math.inf,
         math.nan, 3.0000000000000004, 110_000.00000000001, 110_000.0]
any_operand = st.one_of(st.sampled_from(EDGES), st.floats(allow_subnormal=False),
                        st.floats(-1e6, 1e6))


def _agree(rule: Rule, on_floats: float, on_arrays: float) -> bool:
    if math.isnan(on_floats) or math.isnan(on_arrays):
        return math.isnan(on_floats) and math.isnan(on_arrays)
    if rule.name in TRANSCENDENTAL:
        return ulps_apart(on_floats, on_arrays) <= ULPS
    return on_floats == on_arrays


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.name)
@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_each_rule_gives_on_arrays_what_it_gives_on_floats(rule: Rule,
                                                           data: st.DataObject) -> None:
    rows = data.draw(st.lists(st.tuples(*(any_operand for _ in rule.operands)), min_size=1,
                              max_size=8))
    columns = [np.array(column) for column in zip(*rows, strict=True)]
    on_arrays = rule(*columns)
    for row, element in zip(rows, np.broadcast_to(on_arrays, len(rows)), strict=True):
        on_floats = rule(*row)
        assert _agree(rule, on_floats, float(element)), (row, on_floats, element)


def test_one_operand_array_broadcasts_against_floats() -> None:
    from nyttocalc.core.arith import ratio
    from nyttocalc.core.discounting import present_value_years

    assert list(ratio(np.array([1.0, 0.0, 2.0, -1.0]), 4.0)) == [0.25, 0.0, 0.5, 0.0]
    assert list(present_value_years(0.0, np.array([0.0, 3.0]), 0.0, 0.0)) == [0.0, 3.0]
