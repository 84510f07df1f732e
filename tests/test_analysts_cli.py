"""sweep, solve, sensitivity and payback --plot end to end on LivA, checked against payback at
the same inputs; every command-line value validated as in the file."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import LIVA, run_cli, run_process


def payback_at(*sets: str) -> dict[str, Any]:
    args = [a for s in sets for a in ("--set", s)]
    result = run_cli("payback", LIVA, "-f", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def break_even(data: dict[str, Any], perspective: str, rate: float, horizon: float,
               figure: str) -> Any:
    p = next(p for p in data["perspectives"] if p["key"] == perspective)
    return next(r[figure] for r in p["break_even"]
                if r["subsidy_rate"] == rate and r["horizon_years"] == horizon)


def test_a_one_dimensional_sweep_agrees_with_payback() -> None:
    result = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:0.9:0.2",
                     "-f", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["axes"] == [{"path": "analysis.subsidy_rates.1", "values": [0.5, 0.7, 0.9]}]
    for i, rate in enumerate(data["axes"][0]["values"]):
        reference = payback_at(f"analysis.subsidy_rates.1={rate}")
        for cell in data["cells"]:
            cell_rate = rate if cell["subsidy_rate"] is None else cell["subsidy_rate"]
            expected = break_even(reference, cell["perspective"], cell_rate,
                                  cell["horizon_years"], "persons_whole")
            assert cell["values"][i] == expected, (rate, cell)


def test_a_two_dimensional_sweep_agrees_with_payback_and_draws_heat_maps() -> None:
    args = ("--vary", "inputs.volunteer_time=500000,1000000,1500000",
            "--vary", "cohort.full_time_equivalent=0.5:1:0.25", "--metric", "persons_exact")
    data = json.loads(run_cli("sweep", LIVA, *args, "-f", "json").stdout)
    society = next(c for c in data["cells"] if c["perspective"] == "society"
                   and c["subsidy_rate"] == 0 and c["horizon_years"] == 3)
    for i, volunteers in enumerate((500000, 1000000, 1500000)):
        for j, fte in enumerate((0.5, 0.75, 1.0)):
            reference = payback_at(f"inputs.volunteer_time={volunteers}",
                                   f"cohort.full_time_equivalent={fte}")
            assert society["values"][i][j] == break_even(reference, "society", 0.0, 3.0,
                                                         "persons_exact")
    table = run_cli("sweep", LIVA, *args, "--perspective", "society", "--horizon", "3")
    assert table.code == 0
    assert "Society: persons (exact), 0% subsidy, 3 years" in table.stdout
    assert "inputs.volunteer_time \\ cohort.full_time_equivalent" in table.stdout
    assert "\x1b[" not in table.stdout  # piped: plain


def test_sweep_csv_has_a_line_per_point_in_swedish_too() -> None:
    result = run_cli("sweep", LIVA, "--vary", "cohort.delay_years=0:2:1", "--vary",
                     "analysis.discount_rate=0,0.035", "-f", "csv", "--lang", "sv",
                     "--metric", "payback_year")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 3 * 2
    assert lines[0].startswith("cohort.delay_years;analysis.discount_rate;society 0 1;")
    assert lines[2].startswith("0;0,035;")


def test_heat_map_colours_a_terminal_but_not_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from nyttocalc.report.tables.printout import Printout, Table
    from nyttocalc.report.tables.render import to_terminal

    printout = Printout("t", (), (Table("heat", ("a", "b"), (("x", "1"), ("y", "2")),
                                        shades=((0.0,), (1.0,))),))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = io.StringIO()
    to_terminal(printout, coloured)
    background = r"\x1b\[[0-9;]*(?<![0-9])(4[0-7]|10[0-7]|48)[;m]"
    assert re.search(background, coloured.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    to_terminal(printout, plain)
    assert not re.search(background, plain.getvalue())


def test_solve_answers_the_issues_two_questions() -> None:
    rate = run_cli("solve", LIVA, "--for", "analysis.subsidy_rates.1", "--persons", "3",
                   "--horizon", "3", "--perspective", "society", "-f", "json")
    answer = json.loads(rate.stdout)["answer"]
    assert answer["exact"]
    assert answer["pays_back"] == ["at_most"]
    assert answer["values"][0] == pytest.approx(1 - (2_750_000 / 9 - 15_000) / 585_000)
    assert answer["persons_exact_at_value"] == pytest.approx(3, rel=1e-12)
    reference = payback_at(f"analysis.subsidy_rates.1={answer['values'][0]}")
    assert break_even(reference, "society", answer["values"][0], 3, "persons_exact") == \
        pytest.approx(3, rel=1e-12)

    income = run_cli("solve", LIVA, "--for", "inputs.monthly_income", "--persons", "2",
                     "--horizon", "3", "--perspective", "municipality", "--set",
                     "perspectives.municipality.value_per_person_year.0.input="
                     "municipal_revenue_from_income")
    assert income.code == 0, income.stderr
    # 2 × 3 × revenue = 1 200 000: revenue 200 000 = (12 m − 23 300) × 0,2202 + 108 960
    expected = ((200_000 - 108_960) / 0.2202 + 23_300) / 12
    assert f"≥ SEK {expected:,.0f}" in income.stdout.replace("\xa0", " ")
    assert "bracketed" in income.stdout  # max(…, 0) makes it piecewise: no straight line


def test_solve_says_no_value_does_it() -> None:
    result = run_cli("solve", LIVA, "--for", "inputs.volunteer_time", "--persons", "1",
                     "--horizon", "1", "--perspective", "society", "--between", "0:500000")
    assert result.code == 0
    assert "No value from SEK 0 to SEK 500,000 pays back" in result.stdout.replace("\xa0", " ")


def test_sensitivity_ranks_inputs_and_matches_payback() -> None:
    result = run_cli("sensitivity", LIVA, "--by", "10%", "-f", "json")
    data = json.loads(result.stdout)
    society = next(c for c in data["cells"] if c["perspective"] == "society")
    swings = [e["swing"] for e in society["effects"]]
    assert swings == sorted(swings, reverse=True)
    top = society["effects"][0]
    assert top["path"] == "inputs.production_value"
    assert top["low"] == pytest.approx(585_000 * 0.9)
    reference = payback_at(f"inputs.production_value={top['low']}")
    assert top["at_low"] == break_even(reference, "society", 0.0, 1.0, "persons_exact")
    table = run_cli("sensitivity", LIVA).stdout
    assert "Society: tornado of persons (exact)" in table
    assert "│" in table


def test_payback_plot_draws_the_curves() -> None:
    result = run_cli("payback", LIVA, "--plot", "--lang", "sv")
    assert result.code == 0
    assert "Samhället: återbetalningskurva vid 0\xa0% lönesubvention" in result.stdout
    assert "×× återbetald" in result.stdout
    assert run_cli("payback", LIVA, "--plot", "-f", "json").code == 2


@pytest.mark.parametrize(("args", "expected"), [
    (("--vary", "inputs.municipal_funding=-5:10:5"),
     "-5 is not a valid inputs.municipal_funding (SEK)"),
    (("--vary", "analysis.subsidy_rates.1=0:1.5:0.5"), "1.5 is not a valid"),
    (("--vary", "cohort.participants=10.5"), "whole number"),
    (("--vary", "inputs.volunteer_tme=1"), "did you mean 'volunteer_time'"),
    (("--vary", "inputs.municipal_revenue_from_income=1"), "computed by its formula"),
    (("--vary", "inputs.municipal_funding=1 000"), "is not a number"),
    (("--vary", "inputs.municipal_funding=yes"), "'yes' is ambiguous"),
    (("--vary", "inputs.municipal_funding=5:1:1"), "runs backwards"),
    (("--vary", "inputs.municipal_funding=0:1:0"), "must be a number above 0"),
    (("--vary", "cohort.delay_years=1", "--metric", "nope"), "is not a figure"),
    (("--vary", "cohort.delay_years=1", "--horizon", "2"), "2 is not one of"),
    # issue 15: counting the points of an absurd range overflowed a float
    (("--vary", "analysis.subsidy_rates.1=0:1:5.0e-324"), "more than 100,000 values"),
    (("--vary", "analysis.subsidy_rates.1=0:1:1.0e-310"), "more than 100,000 values"),
    (("--vary", "analysis.subsidy_rates.1=-1.0e+308:1.0e+308:1.0e+308"),
     "-1e+308 is not a valid analysis.subsidy_rates.1"),
    # a range includes both ends: a step that misses STOP says what the range would be
    (("--vary", "analysis.subsidy_rates.1=0.1:1:0.4"),
     "does not end at 1: in steps of 0.4 from 0.1 its values would be 0.1, 0.5, 0.9; "
     "a range includes both ends, so end it at 0.9 (0.1:0.9:0.4)"),
    (("--vary", "inputs.municipal_funding=1:1.0000000000000002:0.0000000000000001"),
     "finer than a number can tell apart"),
])
def test_bad_command_line_values_are_refused_like_file_values(args: tuple[str, ...],
                                                              expected: str) -> None:
    result = run_cli("sweep", LIVA, *args)
    assert result.code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_value_is_read_as_in_a_file() -> None:
    data = json.loads(run_cli("sweep", LIVA, "--vary", "inputs.municipal_funding=1.2e+6",
                              "-f", "json").stdout)
    assert data["axes"][0]["values"] == [1_200_000.0]
    ambiguous = run_cli("sweep", LIVA, "--vary", "inputs.municipal_funding=1.2e6")
    assert ambiguous.code == 2
    assert "'1.2e6' is ambiguous" in ambiguous.stderr


def test_solve_refuses_a_bad_range_and_a_missing_horizon() -> None:
    bad = run_cli("solve", LIVA, "--for", "analysis.subsidy_rates.1", "--persons", "3",
                  "--horizon", "3", "--perspective", "society", "--between", "0:2")
    assert bad.code == 2
    assert "2 is not a valid analysis.subsidy_rates.1" in bad.stderr
    missing = run_cli("solve", LIVA, "--for", "inputs.volunteer_time", "--persons", "3",
                      "--perspective", "society")
    assert missing.code == 2
    assert "--horizon" in missing.stderr


def test_sweep_marks_counts_above_the_cohort_as_payback_does() -> None:
    table = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.6,0.7",
                    "--perspective", "society", "--horizon", "1").stdout
    rows = {line.split()[0]: line.split()[1:] for line in table.splitlines()
            if line[:1].isdigit()}
    assert rows["60%"] == ["5", "12"]
    assert rows["70%"] == ["5", "15*"]
    assert "* more than the 14 participants" in table
    grid = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.6,0.7", "--vary",
                   "inputs.production_value=585000,600000", "--perspective", "society",
                   "--horizon", "1", "--subsidy-rate", "0").stdout
    assert "15*" not in grid  # the unsubsidised cell: 5 everywhere
    heat = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.6,0.7", "--vary",
                   "inputs.production_value=585000,600000", "--perspective", "society",
                   "--horizon", "1", "--subsidy-rate", "0.8").stdout
    assert "15*" in heat
    assert "* more than the 14 participants" in heat


def test_solve_for_a_misnamed_input_says_which_key_paths_are_meant() -> None:
    run = run_cli("solve", LIVA, "--for", "subsidy_rate", "--persons", "3", "--horizon", "3",
                  "--perspective", "society")
    assert run.code == 2
    assert ("did you mean analysis.subsidy_rates.0 or analysis.subsidy_rates.1? (a list's "
            "items are numbered from 0)") in run.stderr
    delay = run_cli("sweep", LIVA, "--vary", "delay=0:2:1")
    assert "did you mean cohort.delay_years?" in delay.stderr


def test_solve_names_the_unknown_as_the_rate_solved_for() -> None:
    out = run_cli("solve", LIVA, "--for", "analysis.subsidy_rates.1", "--persons", "3",
                  "--horizon", "3", "--perspective", "society").stdout
    assert ("3 employed, Society, for 3 years, at the wage subsidy solved for "
            "(analysis.subsidy_rates.1)") in out


def test_range_points_are_the_decimal_numbers_written() -> None:
    """0.1 × 3 is 0.30000000000000004 in floats; the range's points are computed from the
    digits, so each is the float of its decimal value, and none is lost to rounding."""
    def points(spec: str) -> list[float]:
        data = json.loads(run_cli("sweep", LIVA, "--vary", f"inputs.municipal_funding={spec}",
                                  "-f", "json").stdout)
        return data["axes"][0]["values"]  # type: ignore[no-any-return]

    assert points("0:0.3:0.1") == [0.0, 0.1, 0.2, 0.3]
    fine = points("1000000:1000000.00001:0.000001")
    assert fine == [float(f"1000000.{i:06d}") for i in range(11)]
    assert len(set(fine)) == 11
    assert points("0:10:5") == [0, 5, 10]


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


@pytest.mark.parametrize("command", [
    ("solve", LIVA, "--for", "inputs.volunteer_time", "--perspective", "society", "--horizon",
     "3"),
    ("timeline", LIVA),
])
def test_more_persons_than_participants_is_one_rule(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--persons", "500")
    assert result.code == 2
    assert "--persons 500: expected a number from 0 to the 14 participants" in result.stderr


def test_solving_for_a_head_count_gives_a_whole_number() -> None:
    result = run_cli("solve", LIVA, "--for", "cohort.participants", "--persons", "3",
                     "--horizon", "3", "--perspective", "society", "--set",
                     "cohort.deadweight=0.1", "-f", "json")
    assert result.code == 0
    assert json.loads(result.stdout)["answer"]["values"] == [14]  # ≤ 14.72: at most 14


def test_solving_for_the_cohort_size_bounds_persons_by_the_largest_cohort() -> None:
    result = run_cli("solve", LIVA, "--for", "cohort.participants", "--persons", "20",
                     "--horizon", "3", "--perspective", "society", "--set",
                     "cohort.deadweight=0.1")
    assert result.code == 0, result.stderr


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


def test_sensitivity_says_which_inputs_it_could_not_move() -> None:
    table = run_cli("sensitivity", LIVA).stdout
    assert "Not moved, as their value is 0 (try sweep): " in table
    note = table[table.index("Not moved"):]
    assert "cohort.deadweight" in note
    assert "analysis.discount_rate" in note


def test_a_varied_rate_is_named_varied_in_csv() -> None:
    header = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:1:0.5",
                     "-f", "csv").stdout.splitlines()[0]
    assert "society varied 1" in header
    assert "0.8" not in header


def test_a_heat_map_says_when_an_axis_changes_nothing() -> None:
    table = run_cli("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0.5:1:0.5", "--vary",
                    "cohort.delay_years=0:8:4", "--perspective", "society", "--horizon",
                    "3").stdout
    assert "cohort.delay_years does not change this figure here." in table


# A sweep point equal to another listed value (issue 26): computed, as payback computes it.

def _by_rate(payback: dict[str, Any], rate: float) -> dict[tuple[str, float], float]:
    """``payback -f json``'s whole persons at one subsidy rate, per perspective and horizon."""
    return {(p["key"], row["horizon_years"]): row["persons_whole"]
            for p in payback["perspectives"] for row in p["break_even"]
            if row["subsidy_rate"] == rate}


def test_a_sweep_of_the_second_rate_from_0_computes_the_point_at_the_first_rate() -> None:
    """LivA lists 0 and 0,8: ``0:1:0.1`` is eleven points, and at 0 the varied rate's figures
    are payback's at 0 %, the other points payback's with ``--set`` at that rate."""
    run = run_process("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0:1:0.1", "-f", "json")
    assert run.code == 0, run.stderr
    sweep = json.loads(run.stdout)
    points = sweep["axes"][0]["values"]
    assert len(points) == 11
    assert points[0] == 0.0
    for index in (0, 3, 10):
        rate = points[index]
        args = () if rate == 0.0 else ("--set", f"analysis.subsidy_rates.1={rate!r}")
        paid = json.loads(run_process("payback", LIVA, *args, "-f", "json").stdout)
        expected = _by_rate(paid, rate)
        varied = [cell for cell in sweep["cells"] if cell["subsidy_rate"] is None]
        assert len(varied) == len(expected) == 6  # two perspectives, three horizons
        for cell in varied:
            key = (cell["perspective"], cell["horizon_years"])
            assert cell["values"][index] == expected[key], (rate, key)


@pytest.mark.parametrize("vary", [
    ("analysis.subsidy_rates.1=+1,-0",),
    ("analysis.horizons_years.0=3",),
    ("analysis.horizons_years.0=6:8:1", "analysis.horizons_years.1=8:9:1"),
])
def test_sweep_points_equal_to_another_listed_value_are_computed(vary: tuple[str, ...]) -> None:
    run = run_process("sweep", LIVA, *(a for v in vary for a in ("--vary", v)), "-f", "csv")
    assert run.code == 0, run.stderr


def test_a_set_to_another_listed_value_is_still_refused_as_in_the_file() -> None:
    """``--set`` changes the scenario for the run, and the scenario's tables list each rate
    once: a rate that equals another is refused there, as in the file."""
    run = run_process("payback", LIVA, "--set", "analysis.subsidy_rates.1=0")
    assert run.code == 2
    assert "list each value once" in run.stderr
