"""What a formula can give when its numbers are known only to within their printed rounding
(core/intervals.py), and the discounting functions a claim's formula may call
(core/finance.py): properties over generated formulas, and the cases said by hand."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nyttocalc.core import finance
from nyttocalc.core.figures import Figure, FormulaError, Term, Unit, evaluate, validate
from nyttocalc.core.intervals import UNBOUNDED, Interval, of_figure
from nyttocalc.core.intervals import evaluate as bound
from tests.strategies import (
    TERMS,
    arithmetic_formulas,
    discounting_formulas,
    examples,
    intervals_of,
    monotone_formulas,
)

fractions = st.floats(0, 1)


def point_in(interval: tuple[float, float], at: float) -> float:
    low, high = interval
    return min(high, max(low, low + at * (high - low)))


def intervals(ranges: dict[str, tuple[float, float]]) -> dict[str, Interval]:
    return {name: Interval(*r) for name, r in ranges.items()}


# ---- soundness: a value of the formula at numbers within the ranges lies within the bound ------

@settings(max_examples=examples(300))
@given(formula=arithmetic_formulas(),
       ranges=st.tuples(*[intervals_of(-1000, 1000)] * 3),
       at=st.tuples(*[fractions] * 3), plain=st.booleans())
def test_a_value_at_numbers_within_their_ranges_lies_within_the_bound(
        formula: str, ranges: tuple[tuple[float, float], ...], at: tuple[float, ...],
        plain: bool) -> None:
    point = {name: point_in(r, t) for name, r, t in zip(TERMS, ranges, at, strict=True)}
    value = float(evaluate(formula, point, plain_division=plain))
    assume(not math.isnan(value))  # a division by zero: see the test of an unbounded divisor
    interval = bound(formula, intervals(dict(zip(TERMS, ranges, strict=True))), plain)
    assert interval.low <= value <= interval.high, (formula, point, interval)


@settings(max_examples=examples(300))
@given(formula=discounting_formulas(), rate=intervals_of(0, 0.3), years=intervals_of(0, 50),
       amounts=st.tuples(*[intervals_of(-1e6, 1e6)] * 3), at=st.tuples(*[fractions] * 5))
def test_discounting_at_numbers_within_their_ranges_lies_within_the_bound(
        formula: str, rate: tuple[float, float], years: tuple[float, float],
        amounts: tuple[tuple[float, float], ...], at: tuple[float, ...]) -> None:
    ranges = dict(zip(("r", "n", *TERMS), (rate, years, *amounts), strict=True))
    point = {name: point_in(r, t) for (name, r), t in zip(ranges.items(), at, strict=True)}
    value = float(evaluate(formula, point, plain_division=True))
    interval = bound(formula, intervals(ranges), True)
    assert interval.low <= value <= interval.high, (formula, point, interval)


# ---- exactness: where each range occurs once and every step is monotone, corners attain it ----

@st.composite
def single_occurrence(draw: st.DrawFn) -> str:
    """A monotone formula whose divisors are terms (positive numbers): no quotient of a
    difference that may be negative or 0."""
    formula = draw(monotone_formulas())
    assume(not re.search(r"/ \((\(|max|min)", formula))
    return formula


@settings(max_examples=examples(300))
@given(formula=single_occurrence(), ranges=st.tuples(*[intervals_of(0.5, 1000)] * 3),
       plain=st.booleans())
def test_single_occurrence_monotone_bounds_are_attained_at_corners(
        formula: str, ranges: tuple[tuple[float, float], ...], plain: bool) -> None:
    interval = bound(formula, intervals(dict(zip(TERMS, ranges, strict=True))), plain)
    corners = [float(evaluate(formula, dict(zip(TERMS, corner, strict=True)), plain))
               for corner in itertools.product(*ranges)]
    assert (interval.low, interval.high) == (min(corners), max(corners)), formula


# ---- the cases by hand -----------------------------------------------------------------------

def test_a_sum_of_parts_each_printed_to_the_krona() -> None:
    """Six parts each ± 0,5 kr: the sum is ± 3 kr (Värmdö's Summa 5 år)."""
    parts = [41_920_646, 412_707_553, 245_245_486, 206_928_898, 69_940_119, 36_472_060]
    formula = " + ".join(f"{{p{i}}}" for i in range(6))
    interval = bound(formula, {f"p{i}": Interval.around(p, 0.5) for i, p in enumerate(parts)})
    assert (interval.low, interval.high) == (1_013_214_759, 1_013_214_765)


def test_a_divisor_that_may_be_zero_gives_no_bound() -> None:
    assert bound("{a} / {b}", {"a": Interval(1, 2), "b": Interval(-0.5, 0.5)}, True) == UNBOUNDED
    assert not UNBOUNDED.bounded
    assert not UNBOUNDED.reaches(0.0, 1.0)  # no bound proves nothing


def test_how_many_make_up_is_bounded_as_the_payback_analysis_reads_it() -> None:
    """The payback analysis' "/" (arith.ratio): nothing owed is 0 whatever the divisor; a
    divisor that may take away makes "never" (∞) reachable."""
    assert bound("{a} / {b}", {"a": Interval(-2, 0), "b": Interval(1, 2)}) == Interval(0, 0)
    assert bound("{a} / {b}", {"a": Interval(2, 4), "b": Interval(-1, 2)}) == Interval(
        1, math.inf)
    assert bound("{a} / {b}", {"a": Interval(2, 4), "b": Interval(1, 2)}) == Interval(1, 4)


def test_an_even_power_of_a_range_around_zero_starts_at_zero() -> None:
    assert bound("{a} ^ 2", {"a": Interval(-3, 2)}) == Interval(0, 9)
    assert bound("{a} ^ 3", {"a": Interval(-3, 2)}) == Interval(-27, 8)
    assert not bound("{a} ^ 0.5", {"a": Interval(-1, 4)}).bounded


def test_a_figure_is_bounded_through_its_derivation_with_the_margins_of_its_inputs() -> None:
    """cost = funding × (1 + markup), funding printed "1,2 mkr" (± 50 000); persons = cost /
    (3 × value), the value printed to the krona (± 0,5): from 1 150 000 × 1,25 / (3 ×
    600 000,5) to 1 250 000 × 1,25 / (3 × 599 999,5)."""
    cost = Figure(1.5e6, Unit.SEK, "{funding} × (1 + {markup})", {
        "funding": Term("funding", 1.2e6, Unit.SEK, path="inputs.funding"),
        "markup": Term("markup", 0.25, Unit.SHARE, path="inputs.markup")})
    persons = Figure(1.5e6 / 1.8e6, Unit.PERSONS, "{cost} / ({horizon} × {value})", {
        "cost": Term("cost", cost.value, Unit.SEK, cost),
        "horizon": Term("horizon", 3, Unit.YEARS),
        "value": Term("value", 6e5, Unit.SEK_PER_PERSON_YEAR, margin=0.5)})
    interval = of_figure(persons, {"inputs.funding": 50_000})
    assert interval.low == pytest.approx(1_150_000 * 1.25 / (3 * 600_000.5), rel=1e-12)
    assert interval.high == pytest.approx(1_250_000 * 1.25 / (3 * 599_999.5), rel=1e-12)
    # what the same report prints of the cost narrows it: "1,5 mkr", ± 50 000
    narrowed = of_figure(persons, {"inputs.funding": 50_000},
                         {id(cost): Interval(1.45e6, 1.55e6)})
    assert narrowed.high == pytest.approx(1.55e6 / (3 * 599_999.5), rel=1e-12)


# ---- the discounting functions of a claim's formula ------------------------------------------

@given(rate=st.floats(0, 0.3), years=st.integers(0, 60))
def test_the_annuity_factor_is_the_sum_of_the_years_discount_factors(rate: float,
                                                                     years: int) -> None:
    by_year = math.fsum(finance.discount(rate, float(t)) for t in range(1, years + 1))
    assert finance.annuity(rate, float(years)) == pytest.approx(by_year, rel=1e-9, abs=1e-12)


@given(rate=st.floats(0, 0.3), years=st.integers(1, 40),
       amount=st.floats(-1e7, 1e7, allow_nan=False))
def test_npv_of_a_constant_amount_is_its_present_value(rate: float, years: int,
                                                       amount: float) -> None:
    assert finance.net_present_value(rate, *[amount] * years) == pytest.approx(
        finance.present_value(rate, float(years), amount), rel=1e-9, abs=1e-6)


@given(rate=st.floats(-0.5, 0.5), years=st.floats(0, 100))
def test_the_discount_factor_is_a_power(rate: float, years: float) -> None:
    assert finance.discount(rate, years) == pytest.approx((1 + rate) ** -years, rel=1e-12)
    assert evaluate("discount({r}, {n})", {"r": rate, "n": years}) == pytest.approx(
        evaluate("(1 + {r}) ^ −{n}", {"r": rate, "n": years}), rel=1e-12)


def test_undiscounted_the_functions_count_years() -> None:
    assert finance.annuity(0.0, 45.0) == 45.0
    assert finance.discount(0.0, 7.0) == 1.0
    assert finance.present_value(0.0, 5.0, 100.0) == 500.0
    assert math.isnan(finance.discount(-1.0, 1.0))


def test_excels_npv_discounts_from_the_end_of_the_first_year() -> None:
    """NPV(10 %, −10 000, 3 000, 4 200, 6 800) = 1 188,44, the example of Excel's NPV."""
    assert finance.net_present_value(0.1, -10_000, 3_000, 4_200, 6_800) == pytest.approx(
        1188.44, abs=0.005)


@pytest.mark.parametrize(("formula", "message"), [
    ("npv({r})", "npv( ) takes a rate and one or more amounts"),
    ("pv({r}, {n})", "pv( ) takes a rate, a number of years and a yearly amount"),
    ("discount({r})", "discount( ) takes a rate and a number of years"),
    ("(1 + {r}) ** {n}", "write it as ^"),
])
def test_a_formula_that_calls_a_function_wrongly_says_how_it_is_called(formula: str,
                                                                      message: str) -> None:
    with pytest.raises(FormulaError, match=re.escape(message)):
        validate(formula)
