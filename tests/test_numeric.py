"""A batch of points (sweeps, solve, sensitivity, simulation) computes what payback prints.

Hypothesis draws models, with and without discounting, drop-off and deadweight; every metric of
``batch.break_even`` must equal ``payback.analyse``'s figure bit for bit one point at a time, and
as arrays bit for bit without discounting and within a few ulps with it (NumPy's exp against the
C library's); solve's answers must round-trip through payback.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nyttocalc.core import batch, discounting
from nyttocalc.core.arith import ceil_step
from nyttocalc.core.model import Model, UnknownParameter
from nyttocalc.core.payback import analyse
from nyttocalc.core.registry import At
from nyttocalc.core.sensitivity import Variation, sensitivity
from nyttocalc.core.solve import Question, persons_at, solve
from nyttocalc.core.sweep import Axis, sweep
from tests.strategies import examples, timed_models

# How many are employed, for a metric that counts them (the net present value): one, which every
# drawn cohort has.
PERSONS = 1


def _persons(metric: str) -> int | None:
    return PERSONS if batch.counts_persons(metric) else None


def _payback_figure(model: Model, cell: batch.Cell, metric: str) -> float:
    result = analyse(model).perspective(cell.perspective)
    if metric == "cost":
        return result.cost.value
    rate = model.subsidy_rates[cell.rate_index]
    if metric == "value_per_person_year":
        return result.value_at(rate).value
    horizon = model.horizons_years[cell.horizon_index]
    group = "net_present_values" if batch.counts_persons(metric) else "break_even"
    row = next(b for b in result.groups()[group] if b.subsidy_rate == rate
               and b.horizon_years == horizon and b.dims.get("persons", PERSONS) == PERSONS)
    figure = getattr(row, metric)
    return float(figure.value)


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


@pytest.mark.slow  # 60 generated models and metrics: about 4 s
@settings(max_examples=examples(60), deadline=None)
@given(timed_models(), st.sampled_from(sorted(batch.METRICS)))
def test_every_metric_is_paybacks_figure_bit_for_bit(model: Model, metric: str) -> None:
    if metric == "cost":  # payback's cost row is nominal; core.batch's is present value
        model = Model(**{**model.__dict__, "discount_rate": 0.0})
    for cell, value in batch.break_even(model, metric, persons=_persons(metric)).items():
        assert _same(float(value), _payback_figure(model, cell, metric)), (cell, metric)


# NumPy evaluates exp, log1p and expm1 on arrays with its own vectorised routines, which may
# differ from the C library's (math.exp, used for one point) in the last bit or two. Everything
# else the formulas do is + − × / and ceil, which IEEE 754 rounds the same way on both paths. So
# an undiscounted sweep is, point for point, payback's figure bit for bit; a discounted one is
# within a few units in the last place (ulps). 3 000 random models measured at most 2 ulps; the
# bound allows twice that. A whole-number figure (whole persons, a payback year) can then differ
# only where the exact count sits on a step, within those ulps.
DISCOUNTED_ULPS = 4
STEPPED = {"persons_whole": 1.0, "persons_half_steps": 0.5, "payback_year": 1.0}


def ulps_apart(a: float, b: float) -> float:
    """How many floats lie between ``a`` and ``b`` (0 when equal, inf across infinity)."""
    if _same(a, b):
        return 0
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    ordered = np.array([a, b], dtype=np.float64).view(np.int64)
    ordered = np.where(ordered < 0, np.int64(-(2**63)) - ordered, ordered)  # sign-magnitude
    return float(abs(int(ordered[0]) - int(ordered[1])))


@settings(max_examples=examples(40), deadline=None)
@given(timed_models(), st.sampled_from(sorted(batch.METRICS)), st.data())
def test_arrays_give_what_points_give(model: Model, metric: str, data: st.DataObject) -> None:
    """A sweep over an input is, point by point, the model with that input set: bit for bit
    without discounting, within DISCOUNTED_ULPS with it (see above)."""
    path = data.draw(st.sampled_from(model.parameter_paths()))
    base = model.parameter(path)
    values = sorted({base, base * 0.5, base * 1.5 + 1} if path != "cohort.participants"
                    else {base, base + 1})
    if "rate" in path or path.endswith(("deadweight", "full_time_equivalent")):
        values = sorted({min(v, 1.0) for v in values})
    result = sweep(model, [Axis(path, tuple(values))], metric, persons=_persons(metric))
    exact = sweep(model, [Axis(path, tuple(values))], "persons_exact")
    for i, value in enumerate(values):
        at = model.with_values({path: value})
        allowed = DISCOUNTED_ULPS if at.is_discounted or at.discount_rate != 0 else 0
        point = batch.break_even(at, metric, persons=_persons(metric))
        for cell, expected in point.items():
            swept = float(result.grids[cell][i])
            if metric in STEPPED and swept != float(expected):
                # only a count on a step's edge may round the other way
                persons = float(batch.break_even(at, "persons_exact")[cell])
                assert ulps_apart(float(exact.grids[cell][i]), persons) <= allowed
                assert ceil_step(float(exact.grids[cell][i]), STEPPED[metric]) != ceil_step(
                    persons, STEPPED[metric]), (path, value, cell)
                continue
            assert ulps_apart(swept, float(expected)) <= allowed, (path, value, cell, swept,
                                                                    expected)


def test_ulps_apart_counts_floats_between() -> None:
    assert ulps_apart(1.0, math.nextafter(1.0, 2.0)) == 1
    assert ulps_apart(-0.0, 0.0) == 0
    assert ulps_apart(-math.ulp(0.0), math.ulp(0.0)) == 2
    assert ulps_apart(1.0, math.inf) == math.inf
    assert ulps_apart(2.0, 2.0) == 0


def test_a_two_dimensional_grid_is_every_pair() -> None:
    model = Model({"c": 1_000_000.0, "v": 200_000.0}, (
        numeric_perspective(),), 10, 1.0, 2.0, (1.0, 3.0), (0.0, 0.5), 40.0, 10.0)
    axes = [Axis("inputs.c", (500_000.0, 1_000_000.0, 2_000_000.0)),
            Axis("analysis.subsidy_rates.1", (0.2, 0.8))]
    result = sweep(model, axes, "persons_exact")
    for i, c in enumerate(axes[0].values):
        for j, rate in enumerate(axes[1].values):
            at = model.with_values({"inputs.c": c, "analysis.subsidy_rates.1": rate})
            for cell, value in batch.break_even(at, "persons_exact").items():
                assert result.grids[cell][i, j] == value


def numeric_perspective():  # type: ignore[no-untyped-def]
    from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent

    return Perspective("society", {"en": "Society", "sv": "Samhället"}, ("c",), None,
                       (ValueComponent("v", frozenset({Scaling.PRODUCTIVITY})),))


def test_a_computed_input_cannot_be_varied_and_a_typo_is_named() -> None:
    model = Model({"a": 1.0}, (), 1, 1.0, 0.0, (1.0,), (0.0,), 1.0, 1.0,
                  formulas={"b": "{a} × 2"})
    assert model.input_value("b") == 2.0
    with pytest.raises(UnknownParameter, match="computed by its formula"):
        model.with_values({"inputs.b": 3.0})
    with pytest.raises(UnknownParameter, match="names no number"):
        model.parameter("cohort.delay")


# ---- solve ------------------------------------------------------------------------------------

LINEAR_PATHS = ("cost", "value", "rate", "fte")


@settings(max_examples=examples(80), deadline=None)
@given(timed_models(), st.sampled_from(LINEAR_PATHS), st.integers(1, 30),
       st.floats(min_value=0.5, max_value=20), st.data())
def test_solve_round_trips_through_payback(model: Model, kind: str, persons: int,
                                           horizon: float, data: st.DataObject) -> None:
    """Where solve finds a value, payback at that value needs exactly N persons (within 1e-9)."""
    perspective = data.draw(st.sampled_from(model.perspectives))
    path, low, high = {
        "cost": (f"inputs.{perspective.cost_items[0]}", 0.0, 1e9),
        "value": (f"inputs.{perspective.value_components[0].input}", 0.0, 1e9),
        "rate": ("analysis.subsidy_rates.0", 0.0, 1.0),
        "fte": ("cohort.full_time_equivalent", 0.01, 1.0),
    }[kind]
    rate = model.subsidy_rates[0]
    question = Question(path, perspective.key, persons, horizon, rate, low, high)
    answer = solve(model, question)
    for root in answer.roots:
        at = model.with_values({path: root})
        party = At(perspective.key, subsidy_rate=root if kind == "rate" else rate)
        assume(persons > float(batch.figure(at, "counterfactual", party)))
        # With no cost or no value the break-even count is 0 whatever N is: nothing to check.
        assume(float(batch.figure(at, "present_cost", party)) > 0)
        assume(float(batch.figure(at, "value_per_person_year", party)) > 0)
        # 1 − rate near 1 − 1e-8 has lost half its digits to cancellation: the answer is
        # right to the float, the persons it implies only to some 1e-8.
        assume(kind != "rate" or 1 - root > 1e-6)
        found = persons_at(model, question, root)
        assert found == pytest.approx(persons, rel=1e-9), (question, answer)
    if answer.exact and answer.roots and kind == "rate":
        # payback itself, at that rate in the scenario's list, with the horizon listed
        at = Model(**{**model.with_values({path: answer.roots[0]}).__dict__,
                      "horizons_years": (horizon,)})
        row = next(b for b in analyse(at).perspective(perspective.key).break_even
                   if b.subsidy_rate == answer.roots[0])
        assert row.persons_exact.value == pytest.approx(persons, rel=1e-9)


def test_solve_finds_the_liva_rate_by_hand() -> None:
    """3 workers for 3 years pay back 2,75 mkr when 3 × 3 × (585 000 × (1 − r) + 15 000)
    = 2 750 000, so r = 1 − (2 750 000 / 9 − 15 000) / 585 000."""
    model = liva_model()
    question = Question("analysis.subsidy_rates.1", "society", 3, 3.0, 0.8, 0.0, 1.0)
    answer = solve(model, question)
    assert answer.exact
    assert answer.roots == pytest.approx((1 - (2_750_000 / 9 - 15_000) / 585_000,), rel=1e-12)
    assert answer.pays_back_above == (False,)  # a higher subsidy needs more workers


def test_solve_says_when_no_value_does_it() -> None:
    model = liva_model()
    nowhere = solve(model, Question("inputs.volunteer_time", "society", 1, 1.0, 0.0, 0.0, 1e6))
    assert nowhere.nowhere
    assert not nowhere.roots
    everywhere = solve(model, Question("inputs.volunteer_time", "society", 14, 5.0, 0.0, 0.0,
                                       1e6))
    assert everywhere.everywhere


def test_solve_brackets_a_discount_rate() -> None:
    """Net value falls with the discount rate and is not a line: bisection, to float precision."""
    model = liva_model().with_values({"analysis.intervention_years": 1.3333})
    question = Question("analysis.discount_rate", "society", 2, 5.0, 0.0, 0.0, 1.0)
    answer = solve(model, question)
    assert not answer.exact
    assert len(answer.roots) == 1
    root = answer.roots[0]
    assert persons_at(model, question, root) == pytest.approx(2, rel=1e-9)


# ---- sensitivity and discounting --------------------------------------------------------------

def test_sensitivity_ends_are_payback_at_those_values() -> None:
    model = liva_model()
    variations = [Variation("inputs.production_value", 585_000, 468_000, 702_000),
                  Variation("cohort.delay_years", 4, 3.2, 4.8)]
    result = sensitivity(model, variations, "persons_exact")
    cell = batch.Cell("society", 0, 0)
    top, idle = result.effects[cell]
    assert top.variation.path == "inputs.production_value"
    assert idle.swing == 0
    for value, found in ((468_000, top.at_low), (702_000, top.at_high)):
        expected = analyse(model.with_values({"inputs.production_value": value}))
        assert found == expected.perspective("society").break_even[0].persons_exact.value


@given(st.floats(0, 10), st.floats(0.01, 40), st.sampled_from([0.0, 0.02, 0.035, 0.2]),
       st.sampled_from([0.0, 0.1, 0.5]))
def test_present_value_years_is_the_integral_and_inverts(start: float, years: float,
                                                        rate: float, drop: float) -> None:
    steps = 20_000
    t = start + (np.arange(steps) + 0.5) * years / steps
    integral = float(np.sum((1 + rate) ** -t * (1 - drop) ** (t - start)) * years / steps)
    found = discounting.present_value_years(start, years, rate, drop)
    assert found == pytest.approx(integral, rel=1e-6)
    back = discounting.years_to_accumulate(found, start, rate, drop)
    assert discounting.present_value_years(start, back, rate, drop) == pytest.approx(
        found, rel=1e-12)
    assert discounting.present_value_years(start, years, 0.0, 0.0) == years  # exactly


def liva_model() -> Model:
    from nyttocalc.scenario.load import load
    from tests.conftest import LIVA

    return load(LIVA).model
