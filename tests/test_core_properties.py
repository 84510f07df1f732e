"""Properties of the payback core that must hold for every model, not only LivA's."""

from __future__ import annotations

import dataclasses
import itertools
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core import formulas as f
from nyttocalc.core.arith import ceil_step, difference, ratio
from nyttocalc.core.figures import Figure, evaluate, placeholders
from nyttocalc.core.model import Model
from nyttocalc.core.payback import analyse
from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent
from nyttocalc.report.rows import parts
from tests.strategies import amounts, horizons, models, positive_amounts, shares, timed_models

REL = 1e-9


def persons(cost: Any, value: Any, horizon: Any) -> Any:
    return evaluate(f.BREAK_EVEN_PERSONS_FORMULA, {"cost": cost, "value": value,
                                                   "horizon": horizon})


def whole_persons(exact: Any) -> Any:
    return evaluate(f.WHOLE_PERSONS_FORMULA, {"persons": exact})


def half_steps(exact: Any) -> Any:
    return evaluate(f.HALF_STEPS_FORMULA, {"persons": exact})


def all_figures(model: Model) -> list[Figure]:
    found = []
    for result in analyse(model).perspectives:
        for group in result.groups().values():
            for row in group:
                found += parts(row).figures.values()
    return found


@given(cost=positive_amounts, value=positive_amounts, horizon=horizons)
def test_persons_times_horizon_times_value_is_the_cost(cost: float, value: float,
                                                       horizon: float) -> None:
    exact = persons(cost, value, horizon)
    assert exact * horizon * value == pytest.approx(cost, rel=REL)


@given(cost=positive_amounts, value=positive_amounts, horizon=horizons)
def test_rounded_counts_bracket_the_exact_one(cost: float, value: float, horizon: float) -> None:
    exact = persons(cost, value, horizon)
    whole, half = whole_persons(exact), half_steps(exact)
    assert whole == math.floor(whole)
    assert half * 2 == math.floor(half * 2)
    assert exact * (1 - REL) <= half <= whole
    assert whole < exact + 1
    assert half < exact + 0.5
    # and whole persons really pay back, one fewer does not (beyond float round-off)
    assert whole * horizon * value >= cost * (1 - REL)
    if whole >= 1:
        assert (whole - 1) * horizon * value < cost * (1 + REL)


def break_even_counts_along(model: Model, along: str, figure: str) -> list[list[float]]:
    """For each perspective and each value of the other dimension, ``figure`` of the break-even
    rows sorted by ``along`` ("subsidy_rate" or "horizon_years")."""
    other = "horizon_years" if along == "subsidy_rate" else "subsidy_rate"
    series = []
    for result in analyse(model).perspectives:
        for fixed in {getattr(b, other) for b in result.break_even}:
            rows = sorted((b for b in result.break_even if getattr(b, other) == fixed),
                          key=lambda b: getattr(b, along))
            series.append([getattr(b, figure).value for b in rows])
    return series


@given(model=models())
def test_more_subsidy_never_needs_fewer_workers(model: Model) -> None:
    for counts in break_even_counts_along(model, "subsidy_rate", "persons_exact"):
        assert all(a <= b * (1 + REL) for a, b in itertools.pairwise(counts))


@given(model=models())
def test_a_longer_horizon_never_needs_more_workers(model: Model) -> None:
    for counts in break_even_counts_along(model, "horizon_years", "persons_whole"):
        assert all(a >= b for a, b in itertools.pairwise(counts))


@given(model=models(), shift=st.floats(min_value=0, max_value=10))
def test_the_delay_shifts_the_payback_year_one_for_one(model: Model, shift: float) -> None:
    later = dataclasses.replace(model, delay_years=model.delay_years + shift)
    for before, after in zip(analyse(model).perspectives, analyse(later).perspectives,
                             strict=True):
        for a, b in zip(before.break_even, after.break_even, strict=True):
            assert b.payback_year.value == pytest.approx(a.payback_year.value + shift)
            assert b.persons_exact == a.persons_exact  # the delay changes when, not how many
        for a, b in zip(before.payback_by_persons, after.payback_by_persons, strict=True):
            if math.isfinite(a.paid_back_after_years.value):
                assert (b.paid_back_after_years.value
                        == pytest.approx(a.paid_back_after_years.value + shift))


def _zero_value_model(model: Model) -> Model:
    inputs = dict(model.inputs)
    for perspective in model.perspectives:
        for component in perspective.value_components:
            inputs[component.input] = 0.0
        inputs[perspective.cost_items[0]] = 1000.0  # something to pay back
    return dataclasses.replace(model, inputs=inputs)


@given(model=models())
def test_zero_value_means_never(model: Model) -> None:
    for result in analyse(_zero_value_model(model)).perspectives:
        for row in result.break_even:
            assert math.isinf(row.persons_exact.value)
            assert math.isinf(row.persons_whole.value)
            assert math.isinf(row.employment_rate.value)
            assert not row.within_cohort
        for by in result.payback_by_persons:
            assert math.isinf(by.years_of_work.value)


@given(model=models())
def test_nothing_to_pay_back_needs_nobody(model: Model) -> None:
    inputs = {name: (0.0 if "cost" in name else value) for name, value in model.inputs.items()}
    for result in analyse(dataclasses.replace(model, inputs=inputs)).perspectives:
        assert result.cost.value == 0
        assert all(b.persons_whole.value == 0 for b in result.break_even)


@given(model=models())
def test_mixes_use_the_fewest_subsidised_workers_that_suffice(model: Model) -> None:
    for result in analyse(model).perspectives:
        unsubsidised_value = result.value_at(model.unsubsidised_rate).value
        for m in result.mixes:
            subsidised_value = result.value_at(m.subsidy_rate).value
            s = m.subsidised.value
            if math.isinf(s):
                assert subsidised_value == 0
                continue
            paid = (m.unsubsidised * unsubsidised_value + s * subsidised_value) * m.horizon_years
            assert paid >= result.cost.value * (1 - REL)
            if s >= 1:
                fewer = paid - subsidised_value * m.horizon_years
                assert fewer < result.cost.value * (1 + REL)


@given(model=models())
def test_employment_rate_times_participants_is_the_break_even_count(model: Model) -> None:
    for result in analyse(model).perspectives:
        for b in result.break_even:
            if math.isfinite(b.persons_exact.value):
                assert (b.employment_rate.value * model.participants
                        == pytest.approx(b.persons_exact.value, rel=REL, abs=1e-12))


@given(model=st.one_of(models(), timed_models()))
def test_every_formula_shown_re_evaluates_to_its_figure(model: Model) -> None:
    """--explain shows formula templates beside computed values: they must agree, with
    discounting, drop-off and deadweight too."""
    for fig in all_figures(model):
        assert placeholders(fig.formula) == set(fig.terms)
        shown = fig.recompute()
        if math.isinf(fig.value) and fig.never_with is not None:
            assert math.isinf(fig.never_with.value)  # never because what it waits for is
        elif math.isinf(fig.value):
            assert math.isinf(shown)
        elif math.isnan(fig.value):  # a multiple of no cost: undefined
            assert math.isnan(shown)
        else:
            assert shown == pytest.approx(fig.value, rel=1e-9, abs=1e-9)


@given(model=st.one_of(models(), timed_models()))
def test_no_nan_anywhere(model: Model) -> None:
    """Undefined only where it is: a multiple of a cost of nothing (the long view's, the
    benefit-cost ratio)."""
    assert not any(math.isnan(fig.value) for fig in all_figures(model)
                   if not (fig.formula.startswith("share(") and fig.terms["cost"].value == 0))


@given(costs=st.lists(amounts, min_size=1, max_size=20),
       values=st.lists(amounts, min_size=1, max_size=20), horizon=horizons)
def test_formulas_give_the_same_answers_on_arrays(costs: list[float], values: list[float],
                                                   horizon: float) -> None:
    n = min(len(costs), len(values))
    c, v = np.array(costs[:n]), np.array(values[:n])
    exact = persons(c, v, horizon)
    expected = [persons(ci, vi, horizon) for ci, vi in zip(costs, values, strict=False)]
    assert list(exact) == expected[:n]  # + − × / and ceil round the same way on arrays
    assert list(whole_persons(exact)) == [whole_persons(x) for x in expected[:n]]
    assert list(half_steps(exact)) == [half_steps(x) for x in expected[:n]]


def test_ratio_and_ceil_step_edges() -> None:
    assert ratio(1.0, 0.0) == math.inf
    assert ratio(0.0, 0.0) == 0.0
    assert ratio(-5.0, 2.0) == 0.0
    assert ceil_step(math.inf) == math.inf
    assert ceil_step(1_200_000 / 400_000) == 3  # not 4 from round-off
    assert ceil_step(0.1 + 0.2, 0.1) == pytest.approx(0.3)
    assert list(ratio(np.array([1.0, 0.0, 2.0]), np.array([0.0, 0.0, 4.0]))) == [math.inf, 0.0,
                                                                                   0.5]


@given(rate=shares, fte=st.floats(min_value=0.05, max_value=1), amount=amounts)
def test_part_time_scales_the_value(rate: float, fte: float, amount: float) -> None:
    """"en arbetar heltid och en halvtid": half-time is half the value of full time."""
    components = (ValueComponent("v", frozenset({Scaling.PRODUCTIVITY, Scaling.FTE})),)
    perspective = Perspective("p", {"en": "p"}, ("c",), None, components)
    model = Model({"c": 1.0, "v": amount}, (perspective,), 1, fte, 0.0, (1.0,), (rate,), 1.0,
                  1.0)
    full = dataclasses.replace(model, full_time_equivalent=1.0)
    part_value = analyse(model).perspectives[0].value_at(rate).value
    full_value = analyse(full).perspectives[0].value_at(rate).value
    assert part_value == pytest.approx(full_value * fte, rel=1e-12, abs=1e-9)
    # productivity is 1 − rate, exactly 0 where the two cancel within round-off
    assert full_value == pytest.approx(amount * difference(1.0, rate), rel=1e-12, abs=1e-9)


@given(model=models(), factor=st.floats(min_value=0.1, max_value=10))
def test_a_figure_recomputed_with_another_input_matches_a_new_analysis(model: Model,
                                                                       factor: float) -> None:
    """check's reasons recompute a figure's own derivation with one term replaced: that must
    give what analysing the changed model gives."""
    name = model.perspectives[0].cost_items[0]
    changed = dataclasses.replace(model, inputs={**model.inputs,
                                                 name: model.inputs[name] * factor + 1})
    before, after = analyse(model).perspectives[0], analyse(changed).perspectives[0]
    for old_row, new_row in zip(before.break_even, after.break_even, strict=True):
        for old, new in zip(parts(old_row).figures.values(), parts(new_row).figures.values(),
                            strict=True):
            redone = old.recompute({name: changed.inputs[name]})
            if math.isinf(new.value):
                assert math.isinf(redone)
            else:
                assert redone == pytest.approx(new.value, rel=1e-9, abs=1e-9)
