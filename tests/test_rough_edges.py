"""The rough edges a first user met: money per hour, day and week as units; a unit error that
lists only units; an input that nothing uses is a warning that names it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nyttocalc.scenario.load import load
from tests.conftest import FIXTURES, run_cli

EDGES = FIXTURES / "rough_edges"


def test_money_per_hour_day_and_week_are_inputs_a_formula_converts() -> None:
    """500 kr × 40 hours + 300 kr × 250 days + 900 kr × 40 weeks = 20 000 + 75 000 + 36 000
    = 131 000 kr a year."""
    loaded = load(EDGES / "rates.yaml")
    assert loaded.model.input_value("saved") == 131_000
    run = run_cli("payback", EDGES / "rates.yaml", "-f", "json")
    assert run.code == 0, run.stderr
    units = {a["path"]: a["unit"] for a in json.loads(run.stdout)["scenario"]["assumptions"]}
    assert units["inputs.hourly_cost"] == "SEK/hour"
    assert units["inputs.daily_allowance"] == "SEK/day"
    assert units["inputs.weekly_grant"] == "SEK/week"


@pytest.mark.parametrize(("lang", "shown"), [
    ("en", ["SEK 500 an hour", "SEK 300 a day", "SEK 900 a week"]),
    ("sv", ["500 kr per timme", "300 kr per dag", "900 kr per vecka"]),
])
def test_the_report_writes_such_an_amount_with_its_period(lang: str, shown: list[str],
                                                          tmp_path: Path) -> None:
    page = tmp_path / "rates.html"
    run = run_cli("report", EDGES / "rates.yaml", "--lang", lang, "-o", page)
    assert run.code == 0, run.stderr
    text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")).replace("\u00a0", " ")
    for amount in shown:
        assert amount in text


def test_a_unit_error_lists_units_only_with_the_closest() -> None:
    run = run_cli("payback", EDGES / "unit_typo.yaml")
    assert run.code == 2
    assert run.stdout == ""
    assert ("line 7, inputs.hourly_cost.unit: the unit 'SEK/hours' is not one this place takes "
            "(did you mean 'SEK/hour'?); expected one of: 'SEK', 'SEK/year', 'SEK/person-year', "
            "'SEK/month', 'SEK/week', 'SEK/day', 'SEK/hour', 'share', 'months', 'number'."
            ) in run.stderr
    assert "formula" not in run.stderr


def test_an_input_nothing_uses_is_a_warning_naming_it_and_its_line() -> None:
    """`markup` is declared but the ledger names no markup; `hourly_cost` nothing names;
    `budget` only a claim uses, which counts as a use. The run is unchanged (exit 0)."""
    run = run_cli("payback", EDGES / "unused.yaml")
    assert run.code == 0
    warnings = run.stderr.splitlines()
    assert warnings == [
        f"warning: {EDGES / 'unused.yaml'}, line 9, inputs.markup: no figure, formula, claim "
        "or simulation uses this input, so it changes nothing; name it where it counts (a "
        "ledger's `markup` or a perspective's `cost.markup`, which mark up society's cost; or a "
        "computed input's formula, as {markup}), or remove it.",
        f"warning: {EDGES / 'unused.yaml'}, line 13, inputs.hourly_cost: no figure, formula, "
        "claim or simulation uses this input, so it changes nothing; name it where it counts (a "
        "computed input's formula, as {hourly_cost}), or remove it."]
    assert "Society" in run.stdout  # computed as before
    assert run_cli("check", EDGES / "unused.yaml").code == 0


def test_a_parameter_sets_figures_a_scenario_does_not_use_are_no_warning() -> None:
    run = run_cli("payback", FIXTURES / "parameter_sets" / "umea-2025.yaml")
    assert run.code == 0
    assert run.stderr == ""


def test_inputs_only_a_simulation_draws_are_used() -> None:
    """LivA's scenarios use every input they declare, through figures, formulas, claims or the
    simulation: no warning."""
    from tests.conftest import ROOT

    for scenario in sorted((ROOT / "scenarios").glob("*.yaml")):
        assert load(scenario).warnings == (), scenario
