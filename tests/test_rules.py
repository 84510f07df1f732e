"""Each arithmetic rule is written once (``core.rules``); its three evaluations must agree.

On floats and on arrays, element by element, at the edges too (0, −0, negatives, inf, NaN, a
drop-off of 1 or more): bit for bit where the rule is + − × / and comparisons, within a few
ulps where NumPy's exp and log1p stand in for the C library's (``test_numeric``). And its
spreadsheet formula, computed by a small evaluator of the formula text (as a spreadsheet
computes it, ``LN(1 + x)`` for log1p), gives the rule's number, ``#N/A`` where the rule gives
never, and an error where it gives undefined.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.core.rules import RULES, Rule
from nyttocalc.report.workbook.sheet_rules import describe, spreadsheet
from tests.conftest import FIXTURES, run_cli
from tests.strategies import examples
from tests.test_numeric import ulps_apart

TRANSCENDENTAL = {"present_value_years", "years_to_accumulate", "spread_cost_factor",
                  "discount", "annuity", "present_value", "power"}
# NumPy's exp, log1p and expm1 may differ from the C library's in the last bit; a closed form
# chains several (pv_years: log1p, exp, expm1, a quotient), each rounding on. Measured over every
# combination of EDGES: at most 14 ulps (years_to_accumulate), 10 (present_value_years), 5
# (discount); 16 ulps is 3.6e-15 of the value.
ULPS = 16
# At extreme operands (a rate of 8·10⁷, 110 000 years) a closed form is ill-conditioned: an ulp
# of log1p(rate), times the years, is many ulps of exp(…). NumPy 1.26's exp and log1p then give
# up to some 10⁻¹⁴ relative apart from the C library's. Such a pair agrees within 1e-12
# relative, the slack the core already allows a figure (``arith.ROUND_OFF``).
CONDITIONED = 1e-12

EDGES = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1.5, 1e-300, -1e-12, 1e300, math.inf, -math.inf,
         math.nan, 3.0000000000000004, 110_000.00000000001, 110_000.0]
any_operand = st.one_of(st.sampled_from(EDGES), st.floats(allow_subnormal=False),
                        st.floats(-1e6, 1e6))


def _agree(rule: Rule, on_floats: float, on_arrays: float) -> bool:
    if math.isnan(on_floats) or math.isnan(on_arrays):
        return math.isnan(on_floats) and math.isnan(on_arrays)
    if rule.name in TRANSCENDENTAL:
        return (ulps_apart(on_floats, on_arrays) <= ULPS
                or math.isclose(on_floats, on_arrays, rel_tol=CONDITIONED))
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


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.name)
def test_each_rule_agrees_on_every_combination_of_edges(rule: Rule) -> None:
    """Not left to the draw above: every operand at every edge, each combination once."""
    rows = list(itertools.product(EDGES, repeat=len(rule.operands)))
    on_arrays = rule(*(np.array(column) for column in zip(*rows, strict=True)))
    for row, element in zip(rows, np.broadcast_to(on_arrays, len(rows)), strict=True):
        on_floats = rule(*row)
        assert _agree(rule, on_floats, float(element)), (row, on_floats, element)


def test_one_operand_array_broadcasts_against_floats() -> None:
    from nyttocalc.core.arith import ratio
    from nyttocalc.core.discounting import present_value_years

    assert list(ratio(np.array([1.0, 0.0, 2.0, -1.0]), 4.0)) == [0.25, 0.0, 0.5, 0.0]
    assert list(present_value_years(0.0, np.array([0.0, 3.0]), 0.0, 0.0)) == [0.0, 3.0]


# A spreadsheet's errors, as the evaluator below gives them: #N/A, #DIV/0!, #NUM!.
@dataclass(frozen=True)
class Error:
    name: str


NA = Error("#N/A")
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:E[-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|.))")


def sheet_value(text: str, names: dict[str, float | Error]) -> float | bool | Error:
    """``text``, a formula in the spreadsheet's syntax, computed as a spreadsheet does: errors
    run through every operation and comparison, ISNA tests for #N/A, ``-`` before an operand
    binds tighter than ``^``."""
    tokens: Iterator[tuple[str, str, str]] = iter([*TOKEN.findall(text), ("", "", "")])
    token = next(tokens)

    def take() -> tuple[str, str, str]:
        nonlocal token
        taken, token = token, next(tokens)
        return taken

    def operand() -> Any:
        number, name, sign = take()
        if number:
            return float(number)
        if sign == "-":
            return _apply(lambda x: -x, operand())
        if sign == "(":
            value = expression(0)
            take()  # )
            return value
        if token[2] == "(":
            take()
            args = []
            while token[2] != ")":
                args.append(expression(0))
                if token[2] == ",":
                    take()
            take()
            return FUNCTIONS[name](*args)
        return names[name]

    def expression(loosest: int) -> Any:
        value = operand()
        while token[2] in BINARY and BINARY[token[2]][0] >= loosest:
            rank, compute = BINARY[take()[2]]
            value = _apply(compute, value, expression(rank + 1))
        return value

    return expression(0)  # type: ignore[no-any-return]


def _apply(compute: Callable[..., Any], *args: Any) -> Any:
    errors = [a for a in args if isinstance(a, Error)]
    if errors:
        return errors[0]
    try:
        return compute(*args)
    except ZeroDivisionError:
        return Error("#DIV/0!")
    except (ValueError, OverflowError):
        return Error("#NUM!")


def _power(a: float, b: float) -> float:
    value = a ** b
    if isinstance(value, complex):
        raise ValueError
    return value


def _ln(x: float) -> float:
    if x <= 0:
        raise ValueError
    return math.log(x)


BINARY: dict[str, tuple[int, Callable[[Any, Any], Any]]] = {
    "=": (0, lambda a, b: a == b), "<": (0, lambda a, b: a < b), ">": (0, lambda a, b: a > b),
    "<=": (0, lambda a, b: a <= b), ">=": (0, lambda a, b: a >= b),
    "+": (1, lambda a, b: a + b), "-": (1, lambda a, b: a - b),
    "*": (2, lambda a, b: a * b), "/": (2, lambda a, b: a / b), "^": (3, _power),
}
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "IF": lambda c, a, b: c if isinstance(c, Error) else a if c else b,
    "AND": lambda *c: _apply(lambda *v: all(v), *c),
    "ISNA": lambda x: x == NA,
    "NA": lambda: NA,
    "ABS": lambda x: _apply(abs, x),
    "LN": lambda x: _apply(_ln, x),
    "EXP": lambda x: _apply(math.exp, x),
    "INT": lambda x: _apply(lambda v: float(math.floor(v)), x),
    "MAX": lambda *x: _apply(max, *x),
    "MIN": lambda *x: _apply(min, *x),
}


def test_the_evaluator_reads_a_spreadsheets_precedence() -> None:
    assert sheet_value("-2^2", {}) == 4  # the sign binds tighter than the power
    assert sheet_value("2-3-4", {}) == -5
    assert sheet_value("1+2*3^2", {}) == 19
    assert sheet_value("IF(ISNA(a),0,a/b)", {"a": NA, "b": 0.0}) == 0
    assert sheet_value("IF(a<0,1,2)", {"a": NA}) == NA
    assert sheet_value("1/0", {}) == Error("#DIV/0!")


# Numbers a workbook holds, by what an operand is: rates and drop-offs as a scenario allows
# them (0 to 1: a drop-off of 1 is an edge; a claim's discount rate may be anything, −100 % and
# below undefined), times in years, and amounts: zero, negative, float residue. Rates near but
# not at 0 are left out: there LN(1 + r) in a spreadsheet loses the digits log1p keeps.
RATES = [0.0, 0.035, 0.1, 0.25, 0.5, 0.8, 0.9999, 1.0]
TIMES = [0.0, 0.5, 1.0, 2.0, 2.5, 3.0, 4.0, 12.0, 40.0, -1.0]
AMOUNTS = [0.0, -0.0, 1.0, 2.0, 3.0, 0.5, 2.5, 12.0, -1.0, -2.0, -0.5, 1e-12, 1_200_000.0,
           400_000.0, 2_750_000.0, -150_000.0, 110_000.00000000001, 110_000.0,
           3.0000000000000004, 1.9, 0.8]
FINANCE = {"discount", "annuity", "present_value"}


def sheet_numbers(rule: Rule, operand: str) -> st.SearchStrategy[float]:
    if operand in ("rate", "drop_off"):
        claims = [-0.1, -0.5, -1.0, -2.0, 1.5] if rule.name in FINANCE else []
        return st.sampled_from(RATES + claims)
    if operand in ("start", "years", "exponent"):
        return st.sampled_from(TIMES)
    if operand == "step":
        return st.sampled_from([1.0, 0.5, 2.0])
    return st.sampled_from(AMOUNTS)


def _same_in_sheet(rule: Rule, operands: tuple[float, ...]) -> None:
    names = [f"x{i}" for i in range(len(operands))]
    cells = {n: NA if math.isinf(v) else v for n, v in zip(names, operands, strict=True)}
    text, may_be_never = spreadsheet(rule, *((n, math.isinf(v))
                                             for n, v in zip(names, operands, strict=True)))
    expected = rule(*operands)
    got = sheet_value(text, cells)
    if math.isinf(expected):
        assert got == NA, (text, operands, expected, got)
        assert may_be_never, text
    elif math.isnan(expected):  # #N/A, or the spreadsheet's own error (0 ^ −1 is #DIV/0!)
        assert isinstance(got, Error), (text, operands, got)
        assert got != NA or may_be_never, text
    else:
        assert isinstance(got, float), (text, operands, expected, got)
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12), (text, operands)


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.name)
@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_each_rules_spreadsheet_formula_gives_the_rules_number(rule: Rule,
                                                              data: st.DataObject) -> None:
    operands = data.draw(st.tuples(*(sheet_numbers(rule, o) for o in rule.operands)))
    _same_in_sheet(rule, operands)


# The operands a workbook may hand a rule as never (#N/A): a figure that may be never.
NEVER_OPERANDS = {"ratio": (0, 1), "difference": (0, 1), "ceil_step": (0,), "maximum": (0, 1),
                  "years_to_accumulate": (0,)}


@pytest.mark.parametrize(("name", "at"), [(n, i) for n, ats in NEVER_OPERANDS.items()
                                          for i in ats])
@settings(max_examples=examples(100), deadline=None)
@given(data=st.data())
def test_a_never_operand_gives_in_the_spreadsheet_what_inf_gives_in_the_core(
        name: str, at: int, data: st.DataObject) -> None:
    rule = RULES[name]
    operands = list(data.draw(st.tuples(*(sheet_numbers(rule, o) for o in rule.operands))))
    operands[at] = math.inf
    if name == "ceil_step":
        operands[1] = 1.0  # a template's ceil rounds to whole numbers
    _same_in_sheet(rule, tuple(operands))


def test_every_rule_is_described_with_its_words_and_its_formula() -> None:
    described = {r.name: r for r in describe()}
    assert described.keys() == RULES.keys()
    assert described["difference"].formula == "IF(ABS(a-b)>1E-12*(ABS(a)+ABS(b)),a-b,0)"
    assert described["ratio"].call == "ratio(numerator, denominator)"
    assert all(r.words and r.formula for r in described.values())


# ---- a sum whose operands cancel ---------------------------------------------------------------

finite = st.floats(-1e12, 1e12, allow_subnormal=False)


@settings(max_examples=300, deadline=None)
@given(finite, finite)
def test_a_sum_is_the_float_sum_unless_its_operands_cancel(a: float, b: float) -> None:
    """``+`` in a template is ``total``: to the bit the float sum, but 0 where a gain and a loss
    cancel within ROUND_OFF of their size, as a ``−`` does (a − b − c + d is a difference)."""
    total = RULES["total"]
    if abs(a + b) >= 1e-12 * (abs(a) + abs(b)):
        assert total(a, b) == a + b
    else:
        assert total(a, b) == 0.0
        assert math.copysign(1.0, total(a, b)) == 1.0  # no −0 to print


def test_a_gain_and_a_loss_that_cancel_are_neither_a_gain_nor_a_loss() -> None:
    """The Future Jobs Fund's employer at a 50 % wage incentive: half the production value,
    less the wage and the employer's NI, plus half the wage cost, which is the wage and the NI:
    exactly nothing. Added in the template's order the floats leave −4.5e−13 £, which was read
    as a loss ("loses £0 per employed person-year", on the report's first page)."""
    out = run_cli("payback", FIXTURES / "whatif" / "future-jobs-fund-uk.yaml", "-f", "json")
    employer = next(p for p in json.loads(out.stdout)["perspectives"] if p["key"] == "employer")
    at_half = next(v for v in employer["values"] if v["subsidy_rate"] == 0.5)
    assert at_half["value_per_person_year"] == 0.0
    assert at_half["outlook"] == "nothing"
