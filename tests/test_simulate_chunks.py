"""Monte Carlo in chunks: the draws do not depend on the chunk size, percentiles over two passes
are the exact draws a sort of everything would pick, and the truncated normal is sampled by its
inverse CDF, in range and with the right shape."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.core import quantiles
from nyttocalc.core import simulate as simulate_module
from nyttocalc.core.simulate import PERCENTILES, SimulationResult, simulate
from nyttocalc.core.uncertainty import Distribution, Uncertainty, _inverse_phi, draw
from nyttocalc.scenario.load import load
from tests.conftest import LIVA


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.floats(-1e9, 1e9), st.just(math.inf), st.sampled_from([0.0, 1.5])),
                min_size=1, max_size=3000), st.integers(1, 700))
def test_two_passes_give_numpys_inverted_cdf(values: list[float], chunk: int) -> None:
    array = np.array(values)
    chunks = [array[i:i + chunk] for i in range(0, array.size, chunk)]
    two = quantiles.TwoPasses(array.size, PERCENTILES)
    for part in chunks:
        two.first(part)
    for part in chunks:
        two.second(part)
    expected = tuple(float(v) for v in np.percentile(array, PERCENTILES, method="inverted_cdf"))
    assert two.result() == expected


def _liva(draws: int, chunk: int, monkeypatch: pytest.MonkeyPatch) -> SimulationResult:
    loaded = load(LIVA)
    assert loaded.uncertainty is not None
    monkeypatch.setattr(simulate_module, "CHUNK", chunk)
    return simulate(loaded.model, loaded.uncertainty, draws, seed=5)


def test_the_chunk_size_changes_no_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    """One chunk (one pass) and chunks of 997 (two passes) see the same 5 000 draws: the same
    chances, percentiles, histograms; the means differ only by the order of summation."""
    whole = _liva(5000, 1 << 20, monkeypatch)
    chunked = _liva(5000, 997, monkeypatch)
    assert chunked.employed_percentiles == whole.employed_percentiles
    assert chunked.employed_mean == whole.employed_mean
    for a, b in zip(chunked.cells, whole.cells, strict=True):
        assert (a.cell, a.probability, a.net_value_percentiles) == \
            (b.cell, b.probability, b.net_value_percentiles)
        assert a.net_value_mean == pytest.approx(b.net_value_mean, rel=1e-12, abs=1e-6)
    assert chunked.payback_years == whole.payback_years


def test_progress_is_reported_for_each_chunk_of_each_pass(
        monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load(LIVA)
    assert loaded.uncertainty is not None
    monkeypatch.setattr(simulate_module, "CHUNK", 400)
    seen: list[tuple[int, int]] = []
    simulate(loaded.model, loaded.uncertainty, 1000, 1, lambda done, total: seen.append(
        (done, total)))
    assert seen == [(400, 2000), (800, 2000), (1000, 2000), (1400, 2000), (1800, 2000),
                    (2000, 2000)]


def test_the_inverse_normal_is_pythons() -> None:
    """AS 241, the algorithm of statistics.NormalDist.inv_cdf, on an array."""
    rng = np.random.default_rng(0)
    p = np.concatenate([rng.random(2000), 10.0 ** -rng.uniform(1, 300, 500),
                        1 - 10.0 ** -rng.uniform(1, 15, 500), [0.075, 0.5, 0.925]])
    expected = [statistics.NormalDist().inv_cdf(float(x)) for x in p]
    assert _inverse_phi(p) == pytest.approx(expected, rel=1e-15, abs=1e-300)


@pytest.mark.parametrize(("low", "high"), [(701_000, math.inf), (0, 470_000),
                                           (580_000, 590_000), (0, math.inf)])
def test_a_truncated_normal_stays_inside_and_has_the_right_shape(low: float,
                                                                 high: float) -> None:
    """Against the plain way, normal draws kept only where inside: the same quartiles within
    sampling error. (701 000 keeps about 1 % of the mass, as in issue 15.)"""
    d = Distribution("normal", low, high, mean=585_000, sd=50_000)
    ours = draw(d, np.random.default_rng(1), 200_000)
    assert ours.min() >= low
    assert ours.max() <= high
    plain = np.random.default_rng(2).normal(585_000, 50_000, 4_000_000)
    plain = plain[(plain >= low) & (plain <= high)][:200_000]
    spread = np.percentile(plain, 75) - np.percentile(plain, 25)
    for q in (10, 25, 50, 75, 90):
        assert abs(np.percentile(ours, q) - np.percentile(plain, q)) < 0.05 * spread


def test_one_chunk_is_one_pass() -> None:
    loaded = load(LIVA)
    assert loaded.uncertainty is not None
    seen: list[tuple[int, int]] = []
    simulate(loaded.model, Uncertainty(loaded.uncertainty.employment_probability, {}), 3000, 1,
             lambda done, total: seen.append((done, total)))
    assert seen == [(3000, 3000)]
