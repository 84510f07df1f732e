"""Regressions for defects a review found; each test reproduces the reported case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LIVA, run_cli


def _liva_with(tmp_path: Path, old: str, new: str) -> Path:
    text = LIVA.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "changed.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("assignment", [
    "cohort.delay_years=2019-02-30",  # looks like a YAML 1.1 date, is none
    "cohort.delay_years=2019-02-03 25:00:00",
    "analysis.subsidy_rates.²=0.5",  # "²".isdigit() is true
    "analysis.subsidy_rates.١=0.5",  # an Arabic-Indic one: not silently index 1
])
def test_odd_set_values_are_refused_not_crashed(assignment: str) -> None:
    run = run_cli("payback", LIVA, "--set", assignment)
    assert run.code == 2
    assert f"--set {assignment}" in run.stderr


@pytest.mark.parametrize("label", ["Society [/]", "[bold red]Society"])
def test_labels_are_text_not_rich_markup(tmp_path: Path, label: str) -> None:
    path = _liva_with(tmp_path, "label: {en: Society, sv: Samhället}",
                      f'label: {{en: "{label}", sv: Samhället}}')
    run = run_cli("payback", path)
    assert run.code == 0, run.stderr
    assert f"{label}: cost and value" in run.stdout


def test_a_cost_item_listed_twice_is_refused(tmp_path: Path) -> None:
    path = _liva_with(tmp_path, "items: [municipal_funding, volunteer_time]",
                      "items: [municipal_funding, municipal_funding, volunteer_time]")
    run = run_cli("payback", path)
    assert run.code == 2
    assert "perspectives.society.cost.items" in run.stderr
    assert "once" in run.stderr


def test_a_value_component_listed_twice_is_refused(tmp_path: Path) -> None:
    twice = ("      - input: municipal_revenue\n        scales_with: [fte]\n"
             "      - input: municipal_revenue\n        scales_with: [fte]\n")
    path = _liva_with(tmp_path, "      - input: municipal_revenue\n        scales_with: [fte]\n",
                      twice)
    assert run_cli("payback", path).code == 2


def test_never_has_no_payback_year() -> None:
    run = run_cli("payback", LIVA, "--set", "inputs.municipal_revenue=0", "--format", "json")
    municipality = json.loads(run.stdout)["perspectives"][1]
    row = municipality["break_even"][0]
    assert row["persons_exact"] is None
    assert row["payback_year"] is None
    table = run_cli("payback", LIVA, "--set", "inputs.municipal_revenue=0").stdout
    assert "never*" not in table


def test_mix_round_off_does_not_ask_for_one_more_worker() -> None:
    """cost = 110 000.00000000001 after the markup: one unsubsidised worker suffices in a
    year, so the mix beside him needs no subsidised one."""
    run = run_cli("payback", LIVA, "--format", "json",
                  "--set", "inputs.municipal_funding=100000", "--set", "inputs.volunteer_time=0",
                  "--set", "inputs.indirect_tax_rate=0.1", "--set", "inputs.production_value=95000")
    society = json.loads(run.stdout)["perspectives"][0]
    one = next(m for m in society["mixes"] if m["horizon_years"] == 1 and m["unsubsidised"] == 1)
    assert one["subsidised"] == 0


def test_mixes_name_the_base_rate_when_it_is_not_zero() -> None:
    out = run_cli("payback", LIVA, "--set", "analysis.subsidy_rates.0=0.5",
                  "--set", "analysis.subsidy_rates.1=1.0").stdout
    assert "beside workers at 50%" in out
    assert "unsubsidised" not in out.lower()


def test_rows_stay_bounded_when_lowest_rate_workers_add_nothing() -> None:
    run = run_cli("payback", LIVA, "--format", "json", "--set", "inputs.municipal_revenue=0")
    municipality = json.loads(run.stdout)["perspectives"][1]
    assert len(municipality["mixes"]) == 3  # one row per horizon, not one per participant


@pytest.mark.parametrize(("assignment", "fragment"), [
    ("cohort.participants=1001", "≤ 1000"),
    ("cohort.full_time_equivalent=1.0e-300", "≥ 0.01"),
])
def test_sizes_that_would_make_outputs_explode_are_refused(assignment: str,
                                                          fragment: str) -> None:
    run = run_cli("payback", LIVA, "--set", assignment)
    assert run.code == 2
    assert fragment in run.stderr


def test_a_huge_list_stops_at_the_values_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("title: x\nitems:\n" + "  - 1\n" * 300_000, encoding="utf-8")
    run = run_cli("payback", path)
    assert run.code == 2
    assert "more than 20000 values" in run.stderr


def test_a_set_that_breaks_a_reference_is_named_with_the_place(tmp_path: Path) -> None:
    run = run_cli("payback", LIVA, "--set", "inputs.municipal_funding.unit=SEK/person-year")
    assert run.code == 2
    assert "line " not in run.stderr
    assert ("--set inputs.municipal_funding.unit=SEK/person-year "
            "(at perspectives.society.cost.items.0)") in run.stderr


# ---- review of sweep, solve, sensitivity, timeline and simulate (issues 5 and 6) --------------

SOLVE_RATE = ("solve", LIVA, "--for", "analysis.subsidy_rates.1", "--perspective", "society")


@pytest.mark.parametrize(("args", "expected"), [
    (("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0:.inf:1"), "not a finite number"),
    ((*SOLVE_RATE, "--persons", "3", "--horizon", "nan"), "--horizon nan"),
    ((*SOLVE_RATE, "--persons", "3", "--horizon", "-1"), "above 0"),
    ((*SOLVE_RATE, "--persons", "3", "--horizon", "0"), "above 0"),
    ((*SOLVE_RATE, "--persons", "inf", "--horizon", "3"), "--persons inf"),
    (("solve", LIVA, "--for", "inputs.volunteer_time", "--perspective", "society", "--persons",
      "3", "--horizon", "3", "--subsidy-rate", "2"), "--subsidy-rate 2"),
    (("timeline", LIVA, "--persons", "inf"), "--persons inf"),
    (("timeline", LIVA, "--persons", "100"), "the 14 participants"),
    (("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.0005:1:0.0005", "--vary",
      "cohort.delay_years=0:100:0.01"), "at most 4,000,000"),
    (("simulate", LIVA, "--set", "inputs.volunteer_time=5000000"), "also drawn"),
    (("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:1:0.5", "--set",
      "analysis.subsidy_rates.1=0.5"), "also varied by --vary"),
    ((*SOLVE_RATE, "--persons", "3", "--horizon", "3", "--between", "0.5:0.5"),
     "LOW must be below HIGH"),
    ((*SOLVE_RATE, "--persons", "3", "--horizon", "3", "--between", ":"), "expected LOW:HIGH"),
    (("sweep", LIVA, "--vary", "analysis.horizons_years.0=0:5:1"),
     "a number above 0 and at most 200"),
])
def test_analysts_bad_input_is_refused(args: tuple[str, ...], expected: str) -> None:
    result = run_cli(*args)
    assert result.code == 2, result.stdout
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_solving_for_a_head_count_gives_a_whole_number() -> None:
    result = run_cli("solve", LIVA, "--for", "cohort.participants", "--persons", "3",
                     "--horizon", "3", "--perspective", "society", "--set",
                     "cohort.deadweight=0.1", "-f", "json")
    assert result.code == 0
    assert json.loads(result.stdout)["answer"]["values"] == [14]  # ≤ 14.72: at most 14


def test_sensitivity_says_which_inputs_it_could_not_move() -> None:
    table = run_cli("sensitivity", LIVA).stdout
    assert "Not moved, as their value is 0 (try sweep): " in table
    note = table[table.index("Not moved"):]
    assert "cohort.deadweight" in note
    assert "analysis.discount_rate" in note


def test_never_because_of_drop_off_is_explained() -> None:
    table = run_cli("payback", LIVA, "--set", "cohort.drop_off_rate=1").stdout
    assert "or drop-off ends the work first" in table


def test_discounted_explain_shows_every_intermediate() -> None:
    table = run_cli("payback", LIVA, "--explain", "--set", "analysis.discount_rate=0.035").stdout
    assert "= cost_present_value / (horizon_present_value × value)" in table
    spread = "\ncost_present_value\n    = cost × pv_spread(discount_rate, intervention_years)"
    assert spread in table
    assert "\nhorizon_present_value\n    = pv_years(intervention_years + delay_years, horizon," \
        in table


def test_drawn_rates_are_labelled_drawn() -> None:
    table = run_cli("simulate", LIVA, "--draws", "2000").stdout
    assert "drawn" in table
    assert "\n80%" not in table
    data = json.loads(run_cli("simulate", LIVA, "--draws", "2000", "-f", "json").stdout)
    assert {c["subsidy_rate"] for c in data["cells"]} == {0.0, None}
    csv_text = run_cli("simulate", LIVA, "--draws", "2000", "-f", "csv").stdout
    assert ",drawn," in csv_text


def test_a_varied_rate_is_named_varied_in_csv() -> None:
    header = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:1:0.5",
                     "-f", "csv").stdout.splitlines()[0]
    assert "society varied 1" in header
    assert "0.8" not in header


def test_simulate_with_full_drop_off_warns_nothing() -> None:
    result = run_cli("simulate", LIVA, "--draws", "1000", "--set", "cohort.drop_off_rate=1")
    assert result.code == 0
    assert result.stderr == ""


def test_a_heat_map_says_when_an_axis_changes_nothing() -> None:
    table = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:1:0.5", "--vary",
                    "cohort.delay_years=0:8:4", "--perspective", "society", "--horizon",
                    "3").stdout
    assert "cohort.delay_years does not change this figure here." in table


# ---- issue 15: answers that were wrong or contradicted another command ---------------------

def test_solve_where_the_net_value_is_zero_everywhere_pays_back_everywhere() -> None:
    """No persons employed and no cost: the net value is 0 at every value of the input. It used
    to answer "pays back at ≤ SEK 0" with everywhere=false."""
    result = run_cli("solve", LIVA, "--for", "inputs.municipal_revenue", "--persons", "0",
                     "--horizon", "3", "--perspective", "municipality", "--set",
                     "inputs.municipal_funding=0", "-f", "json")
    assert result.code == 0, result.stderr
    answer = json.loads(result.stdout)["answer"]
    assert (answer["values"], answer["everywhere"], answer["nowhere"]) == ([], True, False)
    table = run_cli("solve", LIVA, "--for", "inputs.municipal_revenue", "--persons", "0",
                    "--horizon", "3", "--perspective", "municipality", "--set",
                    "inputs.municipal_funding=0").stdout
    assert "Pays back at every value from SEK 0 to" in table.replace("\xa0", " ")
    assert "≤" not in table


@pytest.mark.parametrize("command", [
    ("solve", LIVA, "--for", "inputs.volunteer_time", "--perspective", "society", "--horizon",
     "3"),
    ("timeline", LIVA),
])
def test_more_persons_than_participants_is_one_rule(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--persons", "500")
    assert result.code == 2
    assert "--persons 500: expected a number from 0 to the 14 participants" in result.stderr


def test_solving_for_the_cohort_size_bounds_persons_by_the_largest_cohort() -> None:
    result = run_cli("solve", LIVA, "--for", "cohort.participants", "--persons", "20",
                     "--horizon", "3", "--perspective", "society", "--set",
                     "cohort.deadweight=0.1")
    assert result.code == 0, result.stderr


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


def test_deadweight_never_makes_the_net_value_worse_than_the_cost() -> None:
    data = json.loads(run_cli("simulate", LIVA, "--draws", "2000", "--set",
                              "cohort.deadweight=1", "-f", "json").stdout)
    municipality = [c for c in data["cells"] if c["perspective"] == "municipality"]
    assert all(c["net_value_percentiles"] == [-1_200_000.0] * 5 for c in municipality)
    assert all(c["probability"] == 0 for c in data["cells"])


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "No number of workers pays back the cost at this rate"),
    ("sv", "Inget antal i arbete betalar tillbaka kostnaden vid denna subvention")])
def test_plot_says_when_there_is_nothing_to_draw(lang: str, expected: str) -> None:
    result = run_cli("payback", LIVA, "--plot", "--set", "cohort.drop_off_rate=1",
                     "--lang", lang)
    assert result.code == 0
    assert result.stdout.count(expected) == 2  # society and the municipality
