"""Scenarios with other numbers than LivA's: the figures are computed, never looked up.

The fixture's expected figures are worked out by hand in each docstring; the generated scenarios
are checked against an independent re-implementation of the arithmetic (the oracle below).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import FIXTURES, run_cli
from tests.strategies import examples, scenario_documents

FIXTURE = FIXTURES / "three_perspectives.yaml"


def payback_json(path: Path, *args: str) -> dict[str, Any]:
    run = run_cli("payback", path, "--format", "json", *args)
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def result() -> dict[str, dict[str, Any]]:
    return {p["key"]: p for p in payback_json(FIXTURE)["perspectives"]}


def be(perspective: dict[str, Any], rate: float, horizon: float) -> dict[str, Any]:
    return next(b for b in perspective["break_even"]
                if b["subsidy_rate"] == rate and b["horizon_years"] == horizon)


def test_three_perspectives_in_scenario_order(result: dict[str, Any]) -> None:
    assert list(result) == ["society", "municipality", "region"]


def test_costs(result: dict[str, Any]) -> None:
    """society (2 000 000 + 500 000) × 1.2 = 3 000 000; municipality 2 000 000; region
    500 000; written off over 5 years: 600 000 a year for society."""
    assert result["society"]["summary"] == {"cost": pytest.approx(3_000_000),
                                            "annual_write_off": pytest.approx(600_000)}
    assert result["municipality"]["summary"]["cost"] == 2_000_000
    assert result["region"]["summary"]["cost"] == 500_000


def test_half_time_values_at_three_subsidy_rates(result: dict[str, Any]) -> None:
    """(400 000 × (1 − r) + 40 000) × 0.5 = 220 000, 120 000, 70 000 at r = 0, 0.5, 0.75;
    the municipality's 120 000 × 0.5 = 60 000 whatever the rate."""
    society = [v["value_per_person_year"] for v in result["society"]["values"]]
    assert society == pytest.approx([220_000, 120_000, 70_000])
    municipality = [v["value_per_person_year"] for v in result["municipality"]["values"]]
    assert municipality == pytest.approx([60_000] * 3)


def test_break_even_counts(result: dict[str, Any]) -> None:
    """society r=0: 3e6 / (2 × 220 000) = 6.82 → 7; over 4 years 3.41 → 4 whole, 3.5 in halves;
    r=0.75 over 4 years: 3e6 / (4 × 70 000) = 10.71 → 11. Municipality over 4 years:
    2e6 / (4 × 60 000) = 8.33 → 9, 8.5 in halves. Region over 4 years: 5e5 / (4 × 20 000) = 6.25
    → 7, 6.5 in halves."""
    society, municipality, region = result["society"], result["municipality"], result["region"]
    assert be(society, 0.0, 2)["persons_exact"] == pytest.approx(3e6 / 440_000)
    assert be(society, 0.0, 2)["persons_whole"] == 7
    assert (be(society, 0.0, 4)["persons_whole"], be(society, 0.0, 4)["persons_half_steps"]) == (
        4, 3.5)
    assert be(society, 0.75, 4)["persons_whole"] == 11
    assert be(municipality, 0.5, 4)["persons_half_steps"] == 8.5
    assert be(municipality, 0.5, 4)["persons_whole"] == 9
    assert be(region, 0.0, 4)["persons_half_steps"] == 6.5


def test_payback_years_and_employment_rate(result: dict[str, Any]) -> None:
    """Delay 2: paid back in year 2 + 2 = 4 and 2 + 4 = 6. Society r=0 over 4 years needs
    3e6 / (4 × 30 × 220 000) = 11.36 % of the 30 participants."""
    society = result["society"]
    assert be(society, 0.0, 2)["payback_year"] == 4
    assert be(society, 0.0, 4)["payback_year"] == 6
    assert be(society, 0.0, 4)["employment_rate"] == pytest.approx(3e6 / (4 * 30 * 220_000))


def test_inverse_table(result: dict[str, Any]) -> None:
    """If 10 get half-time unsubsidised work: 3e6 / (10 × 220 000) = 1.36 years of work, paid
    back 3.36 years after the intervention."""
    row = next(r for r in result["society"]["payback_by_persons"]
               if r["subsidy_rate"] == 0.0 and r["persons"] == 10)
    assert row["years_of_work"] == pytest.approx(3e6 / 2_200_000)
    assert row["paid_back_after_years"] == pytest.approx(2 + 3e6 / 2_200_000)
    assert len(result["society"]["payback_by_persons"]) == 3 * 30


def test_mixes_at_each_subsidised_rate(result: dict[str, Any]) -> None:
    """r=0.5 over 4 years: unsubsidised earn 880 000 each, subsidised 480 000. u=0 → ⌈6.25⌉ = 7;
    u=1 → ⌈2 120 000 / 480 000⌉ = 5; u=2 → ⌈2.58⌉ = 3; u=3 → ⌈0.75⌉ = 1; u=4 → 0."""
    mixes = [m["subsidised"] for m in result["society"]["mixes"]
             if m["subsidy_rate"] == 0.5 and m["horizon_years"] == 4]
    assert mixes == [7, 5, 3, 1, 0]
    rates = {m["subsidy_rate"] for m in result["society"]["mixes"]}
    assert rates == {0.5, 0.75}


def test_long_view(result: dict[str, Any]) -> None:
    """30 × 220 000 = 6.6 mkr, 2.2 times the cost of 3 mkr."""
    first = result["society"]["values"][0]
    assert first["long_view_value"] == pytest.approx(6_600_000)
    assert first["long_view_multiple"] == pytest.approx(2.2)


# --- generated scenarios against an independent oracle -----------------------------------

def oracle(doc: dict[str, Any]) -> dict[str, dict[tuple[float, float], float | None]]:
    """Break-even persons by (rate, horizon), written out afresh from the report's reasoning."""
    value_of = {k: v["value"] for k, v in doc["inputs"].items()}
    fte = doc["cohort"]["full_time_equivalent"]["value"]
    costs = {"society": (value_of["cash"] + value_of["volunteers"]) * (1 + value_of["markup"]),
             "municipality": value_of["cash"]}
    out: dict[str, dict[tuple[float, float], float | None]] = {"society": {},
                                                                "municipality": {}}
    for rate in doc["analysis"]["subsidy_rates"]["value"]:
        values = {"society": (value_of["production"] * (1 - rate) + value_of["support"]) * fte,
                  "municipality": value_of["revenue"] * fte}
        for horizon in doc["analysis"]["horizons_years"]["value"]:
            for key in out:
                cost, value = costs[key], values[key]
                persons = 0.0 if cost <= 0 else (cost / (horizon * value) if value > 0 else None)
                out[key][(rate, horizon)] = persons
    return out


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=scenario_documents())
def test_generated_scenarios_match_the_oracle(doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    result = {p["key"]: p for p in payback_json(path)["perspectives"]}
    expected = oracle(doc)
    for key, by_point in expected.items():
        for (rate, horizon), persons in by_point.items():
            row = be(result[key], rate, horizon)
            if persons is None:
                assert row["persons_exact"] is None
                assert row["persons_whole"] is None
            else:
                assert row["persons_exact"] == pytest.approx(persons, rel=1e-9, abs=1e-12)
                assert row["persons_whole"] == math.ceil(persons - 1e-9 * persons)
