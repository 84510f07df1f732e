"""The payback curves in the core's terms (``core.curves``), without labels: each curve is the
registry's benefit of the break-even number of workers, it reaches the cost in the inverse
table's year, and a count that never pays back has no curve."""

from __future__ import annotations

from pathlib import Path

import pytest

from nyttocalc.core import batch
from nyttocalc.core.arith import is_never
from nyttocalc.core.curves import CURVE_STEPS, curve_figures, payback_curves
from nyttocalc.core.payback import PaybackAnalysis, analyse
from nyttocalc.core.registry import At
from nyttocalc.scenario.load import load
from tests.conftest import FIXTURES, LIVA

WHATIF = FIXTURES / "whatif"
SCENARIOS = [LIVA, FIXTURES / "three_perspectives.yaml", WHATIF / "future-jobs-fund-uk.yaml",
             WHATIF / "arbete-at-alla-jonkoping.yaml"]
CLOSE = 1e-9  # relative: float round-off between the curve's sum and the inverse table's year


def _analysis(path: Path, *changes: str) -> PaybackAnalysis:
    return analyse(load(path, list(changes)).model)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_each_curve_is_the_break_even_count_at_the_lowest_rate_for_a_horizon(path: Path) -> None:
    analysis = _analysis(path)
    model = analysis.model
    figures = batch.figures(model)
    last = model.delay_years + max(model.horizons_years)
    times = tuple(step / CURVE_STEPS for step in range(int(last * CURVE_STEPS) + 1))
    parties = payback_curves(analysis)
    assert [p.perspective for p in parties] == [r.perspective.key for r in analysis.perspectives]
    for party, result in zip(parties, analysis.perspectives, strict=True):
        key = party.perspective
        assert party.subsidy_rate == model.unsubsidised_rate
        assert party.cost == figures("present_cost", At(key))  # the level the curves reach
        rows = [r for r in result.break_even if r.subsidy_rate == party.subsidy_rate
                and not is_never(r.persons_whole.value)]
        assert [(c.horizon_years, c.persons) for c in party.curves] == [
            (r.horizon_years, r.persons_whole.value) for r in rows]
        for curve in party.curves:
            assert tuple(t for t, _ in curve.points) == times  # the same times for all
            assert curve.points[0][1] == 0.0  # nobody has worked yet at the end
            # worked out to its horizon, the curve ends at the registry's benefit there
            assert curve.points[-1][1] == figures("benefit", At(
                key, subsidy_rate=party.subsidy_rate, horizon_years=curve.horizon_years,
                persons=curve.persons))
            values = [v for _, v in curve.points]
            assert values == sorted(values)  # what has been earned stays earned


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_curve_reaches_the_cost_in_the_inverse_tables_year(path: Path) -> None:
    analysis = _analysis(path)
    crossed = 0
    for party, result in zip(payback_curves(analysis), analysis.perspectives, strict=True):
        by_persons = {r.persons: r.paid_back_after_years.value for r in result.payback_by_persons
                      if r.subsidy_rate == party.subsidy_rate}
        for curve in party.curves:
            year = by_persons.get(int(curve.persons), float("inf"))
            assert curve.paid_back_after == year
            assert curve.crosses == (year != float("inf"))
            if not curve.crosses or party.cost <= 0:
                continue
            crossed += 1
            cost = party.cost
            assert curve.paid_back_after - analysis.model.delay_years <= curve.horizon_years
            for t, value in curve.points:
                if t < curve.paid_back_after - CLOSE:
                    assert value < cost * (1 + CLOSE), (party.perspective, t)
                elif t > curve.paid_back_after + CLOSE:
                    assert value >= cost * (1 - CLOSE), (party.perspective, t)
    assert crossed  # each scenario has a curve that pays back within the cohort


def test_liva_pays_back_as_its_inverse_table_says() -> None:
    """LivA's society: 5 employed for a year, 2 for three, 1 for five; the first pays back
    0.92 years after the end (four years' delay and eleven months' work)."""
    society = payback_curves(_analysis(LIVA))[0]
    assert (society.perspective, society.cost) == ("society", 2_750_000.0)
    assert [(c.horizon_years, c.persons) for c in society.curves] == [
        (1.0, 5.0), (3.0, 2.0), (5.0, 1.0)]
    first = society.curves[0]
    assert first.paid_back_after == pytest.approx(4 + 11 / 12)
    assert first.points[-1] == (9.0, 3_000_000.0)


@pytest.mark.parametrize(("path", "changes", "never"), [
    (LIVA, ("cohort.drop_off_rate=1",), {"society", "municipality"}),
    (WHATIF / "arbete-at-alla-jonkoping.yaml", (), {"employment_service"}),
], ids=["liva-all-drop-off", "jonkoping"])
def test_a_party_whose_break_even_is_never_has_no_curve(path: Path, changes: tuple[str, ...],
                                                        never: set[str]) -> None:
    analysis = _analysis(path, *changes)
    parties = payback_curves(analysis)
    assert {p.perspective for p in parties if not p.curves} == never
    for party in parties:
        result = analysis.perspective(party.perspective)
        wholes = [r.persons_whole.value for r in result.break_even
                  if r.subsidy_rate == party.subsidy_rate]
        assert bool(party.curves) == (not all(map(is_never, wholes)))


@pytest.mark.parametrize("path", [LIVA, WHATIF / "future-jobs-fund-uk.yaml"],
                         ids=lambda p: p.stem)
def test_the_explained_figures_are_asked_at_a_count_and_horizon_no_row_lists(path: Path) -> None:
    """What a page's script draws the curves again from: the same cost, the break-even counts
    per listed rate, and the benefit and payback year at the cohort's count and a year beyond
    the longest horizon, equal to the plain figures there."""
    analysis = _analysis(path)
    model = analysis.model
    figures = batch.figures(model)
    persons, years = float(model.participants), max(model.horizons_years) + 1.0
    explained = curve_figures(analysis)
    for party, curves, result in zip(explained, payback_curves(analysis),
                                     analysis.perspectives, strict=True):
        key = party.perspective
        assert key == curves.perspective == result.perspective.key
        assert party.cost.value == curves.cost
        assert [r.subsidy_rate for r in party.rates] == list(model.subsidy_rates)
        for rate in party.rates:
            assert rate.wholes == tuple(r.persons_whole for r in result.break_even
                                        if r.subsidy_rate == rate.subsidy_rate)
            at = At(key, subsidy_rate=rate.subsidy_rate, horizon_years=years, persons=persons)
            assert rate.benefit.value == figures("benefit", at)
            assert rate.paid_back_after.value == figures("paid_back_after_years", at)
            assert years not in model.horizons_years


def test_only_the_report_page_carries_the_figures_its_script_redraws_the_curves_from() -> None:
    """payback --plot draws the curves; the explained figures behind them are the page's."""
    from nyttocalc.report.tables.curves import payback_curves as plots

    analysis = _analysis(LIVA)
    assert all(plot.curve is None for plot in plots(analysis, "en"))
    assert all(plot.curve is not None for plot in plots(analysis, "en", page=True))
