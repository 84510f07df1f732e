"""Discounting, drop-off, deadweight, the timeline and Monte Carlo.

Three things are proved here: with the rates at zero, payback and check are exactly what they
were; a fixed employment probability gives the binomial tail; the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.core import batch
from nyttocalc.core.payback import analyse
from nyttocalc.core.registry import At
from nyttocalc.core.simulate import simulate
from nyttocalc.core.timeline import timeline
from nyttocalc.core.uncertainty import Distribution, Uncertainty, draw
from nyttocalc.scenario import yamlsafe
from nyttocalc.scenario.load import load
from tests.conftest import FIXTURES, LIVA, ROOT, run_cli, run_process
from tests.strategies import examples

TIMING = {("cohort", "drop_off_rate"), ("cohort", "deadweight"), ("analysis", "discount_rate"),
          ("analysis", "intervention_years")}


@pytest.fixture(scope="module")
def liva_without_timing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LivA as it was before discounting existed: the four new keys removed."""
    import yaml

    data = yamlsafe.parse(LIVA.read_text(encoding="utf-8")).data
    for section, key in TIMING:
        del data[section][key]
    path = tmp_path_factory.mktemp("old") / "liva.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _without_file(text: str) -> str:
    return "\n".join(line for line in text.splitlines()
                     if not line.startswith(("Scenario: ", "Scenariofil: ")))


@pytest.mark.parametrize(("path", "value"), [
    ("analysis.discount_rate", "0.035"), ("analysis.intervention_years", "2"),
    ("cohort.drop_off_rate", "0.1"), ("cohort.deadweight", "0.05"),
])
def test_an_optional_input_left_out_can_be_set_varied_and_solved_for(
        liva_without_timing: Path, path: str, value: str) -> None:
    """A file may leave the four optional inputs out (they are then 0); each is still a number
    of the scenario that --set, --vary and --for can name, and gives what a file stating it
    gives."""
    stated = [] if path == "analysis.intervention_years" else [
        "--set", "analysis.intervention_years=0"]  # LivA states 1,33 years; absent, it is 0
    runs = {
        "payback": ("payback", "--set", f"{path}={value}", "-f", "json"),
        "sweep": ("sweep", "--vary", f"{path}=0,{value}", "-f", "json"),
        "solve": ("solve", "--for", path, "--persons", "3", "--horizon", "3",
                  "--perspective", "society", "-f", "json"),
    }
    for name, (command, *options) in runs.items():
        left_out = run_cli(command, liva_without_timing, *options)
        assert left_out.code == 0, (name, left_out.stderr)
        given = run_cli(command, LIVA, *options, *stated)
        a, b = json.loads(left_out.stdout), json.loads(given.stdout)
        for document in (a, b):
            document["scenario"] = None
        assert a == b, name


@pytest.mark.parametrize("args", [
    ("payback", "-f", "json"), ("payback", "--explain"), ("payback", "-f", "csv"),
    ("payback", "--lang", "sv", "-f", "markdown"), ("check", "-f", "json"), ("check",),
])
def test_zero_rates_leave_payback_and_check_exactly_unchanged(liva_without_timing: Path,
                                                              args: tuple[str, ...]) -> None:
    """LivA declares discount rate, drop-off and deadweight 0 (and the intervention's length):
    every output is byte for byte what the scenario gives without them."""
    command, *rest = args
    now = run_cli(command, LIVA, *rest)
    before = run_cli(command, liva_without_timing, *rest)
    assert now.code == before.code
    if "json" in rest:
        a, b = json.loads(now.stdout), json.loads(before.stdout)
        a["scenario"]["file"] = b["scenario"]["file"] = ""
        assert a == b
    else:
        assert _without_file(now.stdout) == _without_file(before.stdout)


def test_discounting_changes_payback_and_explains_itself() -> None:
    result = run_cli("payback", LIVA, "--explain", "--set", "analysis.discount_rate=0.035",
                     "-f", "json")
    data = json.loads(result.stdout)
    society = data["perspectives"][0]
    row = next(r for r in society["break_even"]
               if r["subsidy_rate"] == 0 and r["horizon_years"] == 3)
    assert "horizon_present_value" in row["persons_exact"]["formula"]
    model = load(LIVA, ["analysis.discount_rate=0.035"]).model
    cost = batch.figure(model, "present_cost", At("society"))
    years = batch.figure(model, "work_years", At("society", horizon_years=3.0))
    assert cost < 2_750_000
    assert years < 3 * (1.035 ** -(1.3333 + 4))
    assert row["persons_exact"]["value"] == pytest.approx(cost / (years * 600_000), rel=1e-12)
    assert row["persons_exact"]["value"] > 1.5277  # later value is worth less
    assert row["payback_year"]["value"] == 7  # delay + horizon, as undiscounted


def test_deadweight_adds_those_who_would_have_worked_anyway() -> None:
    model = load(LIVA, ["cohort.deadweight=0.1"]).model
    row = analyse(model).perspective("society").break_even[1]  # 0 %, 3 years
    assert row.persons_exact.value == pytest.approx(2_750_000 / 1_800_000 + 1.4, rel=1e-12)
    assert row.employment_rate.value == pytest.approx(row.persons_exact.value / 14, rel=1e-12)


def test_timeline_adds_up_to_the_npv_and_turns_positive_in_the_payback_year() -> None:
    model = load(LIVA, ["analysis.discount_rate=0.035", "cohort.drop_off_rate=0.1"]).model
    for line in timeline(model, 3.0, 0.0):
        longest = line.horizons[-1]
        assert line.rows[-1].cumulative_present_value_net == pytest.approx(
            longest.net_present_value, rel=1e-9)
        assert sum(r.present_value_net for r in line.rows) == pytest.approx(
            longest.net_present_value, rel=1e-9)
        by_year = {r.year: r for r in line.rows}
        if math.isfinite(line.payback_year) and line.payback_year <= 4 + 5:
            year = math.ceil(line.payback_year)
            assert by_year[year].cumulative_present_value_net >= -1e-6
            assert by_year[year - 1].cumulative_present_value_net < 0


def test_timeline_undiscounted_is_the_reports_arithmetic() -> None:
    """3 employed from year 5: 3 × 600 000 a year against 2,75 mkr; paid back 4 + 2,75/1,8."""
    (society, _) = timeline(load(LIVA).model, 3.0, 0.0)
    value = {r.year: r.value for r in society.rows}
    assert [value[year] for year in range(7)] == [0, 0, 0, 0, 0, 1_800_000, 1_800_000]
    assert society.payback_year == pytest.approx(4 + 2_750_000 / 1_800_000, rel=1e-12)
    assert society.horizons[1].net_present_value == pytest.approx(3 * 1_800_000 - 2_750_000)


@pytest.mark.parametrize(("length", "years", "shares"), [
    (0.0, [0], [1.0]),
    (1.0, [0], [1.0]),
    (2.0, [-1, 0], [0.5, 0.5]),
    (4 / 3, [-1, 0], [0.75, 0.25]),  # LivA's 16 months: a whole year, then a third
])
@pytest.mark.parametrize("rate", [0.0, 0.035])
def test_the_cost_shows_in_the_years_the_intervention_pays_it(length: float, years: list[int],
                                                              shares: list[float],
                                                              rate: float) -> None:
    model = load(LIVA, [f"analysis.intervention_years={length}",
                        f"analysis.discount_rate={rate}"]).model
    (society, _) = timeline(model, 3.0, 0.0)
    paying = [r for r in society.rows if r.cost > 0]
    assert [r.year for r in paying] == years
    assert [r.cost for r in paying] == pytest.approx([2_750_000 * s for s in shares], rel=1e-12)
    assert society.rows[0].year == years[0]
    assert society.rows[len(years)].year == 1
    paid = -sum(r.present_value_net for r in paying)
    assert paid == pytest.approx(
        float(batch.figure(model, "present_cost", At(model.perspectives[0].key))), rel=1e-12)
    if rate > 0 and len(years) > 1:  # later money is worth less
        assert -paying[-1].present_value_net < paying[-1].cost


def test_never_because_of_drop_off_is_explained() -> None:
    table = run_cli("payback", LIVA, "--set", "cohort.drop_off_rate=1").stdout
    assert "or drop-off ends the work first" in table


def test_deadweight_one_adds_no_work_and_no_negative_work() -> None:
    """Everyone would have found work anyway: 3.5 employed of 14 are not −10.5 person-years
    a year and a benefit-cost ratio of −2.3×, but no work and no value."""
    data = json.loads(run_cli("timeline", LIVA, "--set", "cohort.deadweight=1",
                              "-f", "json").stdout)
    for perspective in data["perspectives"]:
        assert perspective["additional_persons"] == 0
        assert all(year["person_years"] == 0 and year["value"] == 0
                   for year in perspective["years"])
        for horizon in perspective["horizons"]:
            assert horizon["benefit_cost_ratio"] == 0
            assert horizon["net_present_value"] == -horizon["present_value_cost"]
        assert perspective["payback_year"] is None
    table = run_cli("timeline", LIVA, "--set", "cohort.deadweight=1").stdout
    assert "no more than the 14 participants who would have found work anyway" in table
    assert "Never paid back" in table


# ---- Monte Carlo -------------------------------------------------------------------------------

def _binomial_tail(n: int, p: float, k: int) -> float:
    return sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1))


@pytest.mark.parametrize("p", [0.1, 0.25, 0.5])
def test_a_fixed_probability_gives_the_binomial_tail(p: float) -> None:
    """P(pays back) = P(K ≥ whole persons needed), K ~ Bin(14, p), within 4 standard errors."""
    model = load(LIVA).model
    draws = 200_000
    fixed = Distribution("fixed", p, p, value=p)
    result = simulate(model, Uncertainty(fixed, {}), draws, seed=7)
    needed = {(c.perspective, model.subsidy_rates[c.rate_index],
               model.horizons_years[c.horizon_index]): v
              for c, v in batch.break_even(model, "persons_whole").items()}
    for outcome in result.cells:
        k = needed[(outcome.cell.perspective, outcome.subsidy_rate, outcome.horizon_years)]
        expected = _binomial_tail(14, p, int(k)) if math.isfinite(k) else 0.0
        error = math.sqrt(max(expected * (1 - expected), 1e-12) / draws)
        assert abs(outcome.probability - expected) <= 4 * error + 1e-9, (outcome, expected)


def test_distributions_stay_in_their_ranges() -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    cases = [Distribution("uniform", 2, 6), Distribution("triangular", 0, 1, mode=0.2),
             Distribution("beta", 0.1, 0.5, alpha=2, beta=5),
             Distribution("normal", 0, 1, mean=0.9, sd=0.3)]
    for d in cases:
        values = draw(d, rng, 100_000)
        assert values.min() >= d.low
        assert values.max() <= d.high
        if d.kind != "normal":
            assert values.mean() == pytest.approx(d.expected(), abs=0.01)


@pytest.mark.slow  # six simulations, each a process: about 3 s
def test_the_same_seed_gives_the_same_bytes() -> None:
    for fmt in ("json", "table", "csv"):
        first = run_process("simulate", LIVA, "--draws", "5000", "--seed", "42", "-f", fmt)
        again = run_process("simulate", LIVA, "--draws", "5000", "--seed", "42", "-f", fmt,
                            env={"PYTHONHASHSEED": "123"})
        assert first.code == 0
        assert first.stdout == again.stdout
    other = run_cli("simulate", LIVA, "--draws", "5000", "--seed", "43", "-f", "json")
    assert other.stdout != run_cli("simulate", LIVA, "--draws", "5000", "--seed", "42",
                                   "-f", "json").stdout


def test_simulate_reports_chances_percentiles_and_a_histogram() -> None:
    result = run_cli("simulate", LIVA, "--draws", "20000", "--lang", "sv")
    assert result.code == 0
    assert "Samhället: chans till återbetalning" in result.stdout
    assert "Samhället: återbetalningsår vid 0\xa0% subvention" in result.stdout
    assert "█" in result.stdout
    data: dict[str, Any] = json.loads(run_cli("simulate", LIVA, "--draws", "20000",
                                              "-f", "json").stdout)
    society = [c for c in data["cells"] if c["perspective"] == "society"
               and c["subsidy_rate"] == 0]
    chances = [c["probability"] for c in society]
    assert chances == sorted(chances)  # a longer horizon never lowers the chance
    assert data["employed"]["mean"] == pytest.approx(14 * 2 / 8, rel=0.05)


def test_simulate_needs_a_simulation_section() -> None:
    result = run_cli("simulate", FIXTURES / "three_perspectives.yaml")
    assert result.code == 2
    assert "no `simulation` section" in result.stderr


def test_drawn_rates_are_labelled_drawn() -> None:
    table = run_cli("simulate", LIVA, "--draws", "2000").stdout
    assert "drawn" in table
    assert "\n80%" not in table
    data = json.loads(run_cli("simulate", LIVA, "--draws", "2000", "-f", "json").stdout)
    assert {c["subsidy_rate"] for c in data["cells"]} == {0.0, None}
    csv_text = run_cli("simulate", LIVA, "--draws", "2000", "-f", "csv").stdout
    assert ",drawn," in csv_text


def test_simulate_with_full_drop_off_warns_nothing() -> None:
    result = run_cli("simulate", LIVA, "--draws", "1000", "--set", "cohort.drop_off_rate=1")
    assert result.code == 0
    assert result.stderr == ""


def test_deadweight_never_makes_the_net_value_worse_than_the_cost() -> None:
    data = json.loads(run_cli("simulate", LIVA, "--draws", "2000", "--set",
                              "cohort.deadweight=1", "-f", "json").stdout)
    municipality = [c for c in data["cells"] if c["perspective"] == "municipality"]
    assert all(c["net_value_percentiles"] == [-1_200_000.0] * 5 for c in municipality)
    assert all(c["probability"] == 0 for c in data["cells"])


BROKEN_SIMULATIONS = ROOT / "tests" / "broken_simulation"


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN_SIMULATIONS.glob("*.yaml")))
def test_a_broken_simulation_section_is_named_with_its_line(name: str) -> None:
    path = BROKEN_SIMULATIONS / name
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    result = run_cli("simulate", path)
    assert result.code == 2
    assert expected in result.stderr, result.stderr
    assert "line " in result.stderr
    assert "Traceback" not in result.stderr


@settings(max_examples=examples(30), deadline=None)
@given(st.integers(50_000, 120_000), st.integers(0, 2**32 - 1),
       st.sampled_from(["normal", "ties", "never"]))
def test_fast_percentiles_are_numpys_inverted_cdf(n: int, seed: int, kind: str) -> None:
    import numpy as np

    from nyttocalc.core.quantiles import of_array, of_tally
    from nyttocalc.core.simulate import PERCENTILES

    rng = np.random.default_rng(seed)
    values = {"normal": lambda: rng.normal(size=n),
              "ties": lambda: rng.integers(0, 15, n) * 1.5 - 4,
              "never": lambda: np.where(rng.random(n) < 0.3, np.inf, rng.gamma(2, 3, n))}[kind]()
    expected = tuple(float(v) for v in np.percentile(values, PERCENTILES,
                                                     method="inverted_cdf"))
    assert of_array(values, PERCENTILES) == expected
    counts = rng.binomial(14, 0.3, n)
    assert of_tally(np.bincount(counts), PERCENTILES) == of_array(counts.astype(float),
                                                                   PERCENTILES)


def test_the_docs_simulation_example_runs(tmp_path: Path) -> None:
    """A new user copies the how-to's `simulation` section into LivA: it loads and simulates."""
    page = (ROOT / "docs" / "how-to" / "time-and-uncertainty.md").read_text(encoding="utf-8")
    section = page[page.index("## Uncertainty"):]
    block = section[section.index("```yaml\n") + 8:section.index("```\n", section.index(
        "```yaml\n") + 8)]
    liva = LIVA.read_text(encoding="utf-8")
    scenario = liva[:liva.index("\nsimulation:")] + "\n" + block
    path = tmp_path / "liva-docs.yaml"
    path.write_text(scenario, encoding="utf-8")
    result = run_cli("simulate", path, "--draws", "2000", "-f", "json")
    assert result.code == 0, result.stderr
    drawn = json.loads(result.stdout)["distributions"]
    assert drawn["cohort.full_time_equivalent"] == "fixed 0.75"
    assert drawn["employment_probability"] == "beta(2, 6) on [0, 1]"


def test_the_docs_income_model_is_livas() -> None:
    page = (ROOT / "docs" / "method" / "nyttosam.md").read_text(encoding="utf-8")
    section = page[page.index("## The municipality's revenue from an income"):]
    start = section.index("```yaml\n") + 8
    block = section[start:section.index("```\n", start)]
    assert block in LIVA.read_text(encoding="utf-8")


@pytest.mark.parametrize(("distribution", "en", "sv"), [
    (Distribution("normal", 0.0, 1e15, mean=585_000, sd=50_000), "normal(585000, 50000)",
     "normal(585\u00a0000; 50\u00a0000)"),
    (Distribution("normal", 0.0, 1.0, mean=0.3, sd=0.1),
     "normal(0.3, 0.1) truncated to [0, 1]", "normal(0,3; 0,1) trunkerad till [0; 1]"),
    (Distribution("normal", 0.0, 200.0, mean=2, sd=1), "normal(2, 1) truncated below at 0",
     "normal(2; 1) trunkerad nedåt vid 0"),
    (Distribution("uniform", 0.6, 0.9), "uniform(0.6, 0.9)", "likformig(0,6; 0,9)"),
])
def test_a_distribution_is_described_by_what_cuts_it(distribution: Distribution, en: str,
                                                     sv: str) -> None:
    """A bound far beyond the mass (the valid range of an amount ends at 1e15) is not shown."""
    from nyttocalc.report.language.phrases import describe

    assert (describe(distribution, "en"), describe(distribution, "sv")) == (en, sv)
