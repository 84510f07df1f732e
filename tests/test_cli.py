"""The command line end to end: every format, both languages, --set, --explain, exit codes."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest

from nyttocalc import __version__
from tests.conftest import LIVA, liva_with, run_cli, run_process

NBSP = "\u00a0"
FORMATS = ["table", "markdown", "json", "csv"]
LANGS = ["en", "sv"]
ZERO_VALUE = ["--set", "inputs.production_value=0", "--set", "inputs.avoided_support_costs=0",
              "--set", "inputs.municipal_revenue=0"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_format_and_language_runs_cleanly(fmt: str, lang: str) -> None:
    run = run_cli("payback", LIVA, "--format", fmt, "--lang", lang)
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.strip()
    assert not re.search(r"\b(inf|nan|Infinity|NaN)\b", run.stdout)
    assert "Traceback" not in run.stdout


def test_table_in_english_shows_the_report_figures() -> None:
    out = run_cli("payback", LIVA).stdout
    for expected in ["Society", "Municipality", f"SEK{NBSP}2.75m", f"SEK{NBSP}1.2m",
                     f"SEK{NBSP}600,000", f"SEK{NBSP}132,000", f"SEK{NBSP}175,000",
                     "10.9%", "16.3%", f"SEK{NBSP}24m", "8.7×", f"SEK{NBSP}275,000"]:
        assert expected in out, expected


def test_table_in_swedish_writes_numbers_as_the_report() -> None:
    """"2,75 mkr", "175 000 kr", "11 %": decimal comma, no-break spaces."""
    out = run_cli("payback", LIVA, "--lang", "sv").stdout
    for expected in ["Samhället", "Kommunen", f"2,75{NBSP}mkr", f"1,2{NBSP}mkr",
                     f"175{NBSP}000{NBSP}kr", f"600{NBSP}000{NBSP}kr", f"10,9{NBSP}%",
                     f"24{NBSP}mkr", f"8,7{NBSP}ggr", "Halvtidssteg", "2,5"]:
        assert expected in out, expected
    assert f"SEK{NBSP}" not in out


def test_markdown_is_tables_people_can_paste() -> None:
    out = run_cli("payback", LIVA, "--format", "markdown", "--lang", "sv").stdout
    assert out.startswith("# LivA")
    assert "## Samhället: hur många måste komma i arbete för återbetalning" in out
    assert re.search(rf"^\| 0{NBSP}% \| 3 \| 1,53 \| 2 \| 2 \| 7 \|", out, re.MULTILINE)
    assert "|---:|" in out or "| ---:" in out or "---:|" in out


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    run = run_cli("payback", LIVA, "--format", "json", *args)
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_json_carries_unrounded_figures_under_documented_keys() -> None:
    data = _json()
    assert data["nyttocalc_version"] == __version__
    assert data["cohort"] == {"participants": 14, "full_time_equivalent": 1.0,
                              "delay_years": 4.0}
    assert data["analysis"]["subsidy_rates"] == [0.0, 0.8]
    society, municipality = data["perspectives"]
    assert (society["key"], municipality["key"]) == ("society", "municipality")
    assert society["summary"] == {"cost": 2_750_000.0, "annual_write_off": 275_000.0}
    row = next(b for b in society["break_even"]
               if b["subsidy_rate"] == 0.0 and b["horizon_years"] == 3)
    assert row["persons_exact"] == pytest.approx(2_750_000 / 1_800_000, rel=1e-12)
    assert (row["persons_whole"], row["persons_half_steps"], row["payback_year"]) == (2, 2, 7)
    assert row["within_cohort"] is True
    assert set(row) == {"subsidy_rate", "horizon_years", "persons_exact", "persons_whole",
                        "persons_half_steps", "payback_year", "employment_rate",
                        "required_value_per_year", "required_value_per_participant_year",
                        "within_cohort"}
    assert len(society["payback_by_persons"]) == 2 * 14
    mix = next(m for m in society["mixes"]
               if m["horizon_years"] == 3 and m["unsubsidised"] == 1)
    assert (mix["subsidised"], mix["total"]) == (3, 4)
    assert data["scenario"]["assumptions"][0]["path"] == "inputs.indirect_tax_rate"
    assert data["scenario"]["assumptions"][0]["value"] == 0.25


def test_json_never_is_null_not_infinity() -> None:
    data = _json(*ZERO_VALUE)
    row = data["perspectives"][0]["break_even"][0]
    assert row["persons_exact"] is None
    assert row["employment_rate"] is None
    assert row["within_cohort"] is False


def test_table_says_never_in_both_languages() -> None:
    assert "never" in run_cli("payback", LIVA, *ZERO_VALUE).stdout
    assert "aldrig" in run_cli("payback", LIVA, "--lang", "sv", *ZERO_VALUE).stdout


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


@pytest.mark.parametrize("label", ["Society [/]", "[bold red]Society"])
def test_labels_are_text_not_rich_markup(tmp_path: Path, label: str) -> None:
    path = liva_with(tmp_path, "label: {en: Society, sv: Samhället}",
                     f'label: {{en: "{label}", sv: Samhället}}')
    run = run_cli("payback", path)
    assert run.code == 0, run.stderr
    assert f"{label}: cost and value" in run.stdout


def _csv(lang: str) -> list[dict[str, str]]:
    run = run_cli("payback", LIVA, "--format", "csv", "--lang", lang)
    assert run.code == 0
    return list(csv.DictReader(io.StringIO(run.stdout), delimiter=";" if lang == "sv" else ","))


def test_csv_is_one_tidy_line_per_figure() -> None:
    rows = _csv("en")
    assert list(rows[0]) == ["perspective", "group", "figure", "subsidy_rate", "horizon_years",
                             "persons", "unsubsidised", "value", "unit"]
    cost = next(r for r in rows if r["perspective"] == "society" and r["figure"] == "cost")
    assert float(cost["value"]) == 2_750_000
    exact = next(r for r in rows if r["figure"] == "persons_exact" and r["subsidy_rate"] == "0"
                 and r["horizon_years"] == "3" and r["perspective"] == "society")
    assert float(exact["value"]) == 2_750_000 / 1_800_000  # unrounded, full precision
    assert all(math.isfinite(float(r["value"])) for r in rows if r["value"])


def test_csv_in_swedish_uses_semicolons_decimal_commas_and_swedish_words() -> None:
    """Made for a Swedish Excel: nothing of it is English but the scenario's own keys."""
    rows = _csv("sv")
    assert list(rows[0]) == ["Perspektiv", "Grupp", "Nyckeltal", "Lönesubvention",
                             "Anställda (år)", "Personer", "Utan subvention", "Värde", "Enhet"]
    exact = next(r for r in rows if r["Nyckeltal"] == "Personer (exakt)"
                 and r["Lönesubvention"] == "0" and r["Anställda (år)"] == "3"
                 and r["Perspektiv"] == "society")
    assert exact["Värde"].startswith("1,527")
    assert float(exact["Värde"].replace(",", ".")) == 2_750_000 / 1_800_000
    assert (exact["Grupp"], exact["Enhet"]) == ("Återbetalning", "personer")
    verdicts = run_cli("check", LIVA, "-f", "csv", "--lang", "sv").stdout.splitlines()
    assert verdicts[0].startswith("Påstående;Bedömning;Publicerat;Beräknat;Skillnad;Enhet")
    assert verdicts[1].startswith("resources-2-2-mkr;stämmer;2200000;2200000;0;kr;exakt;")


def test_set_overrides_an_input_for_one_run() -> None:
    base = _json()["perspectives"][0]["summary"]["cost"]
    changed = _json("--set", "inputs.municipal_funding=1500000")
    assert base == 2_750_000
    assert changed["perspectives"][0]["summary"]["cost"] == pytest.approx(2_500_000 * 1.25)
    assert changed["scenario"]["overrides"] == ["inputs.municipal_funding=1500000"]
    table = run_cli("payback", LIVA, "--set", "inputs.municipal_funding=1500000").stdout
    assert "Changed for this run: --set inputs.municipal_funding=1500000" in table


def test_set_addresses_list_items_and_the_long_form() -> None:
    short = _json("--set", "analysis.subsidy_rates.1=0.5")
    long = _json("--set", "analysis.subsidy_rates.value.1=0.5")
    assert short["analysis"]["subsidy_rates"] == long["analysis"]["subsidy_rates"] == [0.0, 0.5]
    society = short["perspectives"][0]
    assert society["values"][1]["value_per_person_year"] == pytest.approx(0.5 * 585_000 + 15_000)


def test_set_with_a_bad_value_is_validated_as_in_a_file() -> None:
    run = run_cli("payback", LIVA, "--set", "inputs.indirect_tax_rate=1.5")
    assert run.code == 2
    assert run.stdout == ""
    assert "--set inputs.indirect_tax_rate=1.5" in run.stderr
    assert "≤ 1" in run.stderr


def test_a_number_set_twice_is_refused_naming_both() -> None:
    """The last --set won, and the run's header listed both: ``--set X=.inf --set X=1.0``
    printed ".inf" among the changes of a run that never used it (found by the campaign)."""
    run = run_process("payback", LIVA, "--set", "cohort.delay_years=1",
                      "--set", "cohort.delay_years.value=2")
    assert run.code == 2
    assert "--set cohort.delay_years.value=2: " in run.stderr
    assert "already set by --set cohort.delay_years=1" in run.stderr


def test_explain_shows_formulas_with_the_numbers_filled_in() -> None:
    out = run_cli("payback", LIVA, "--explain").stdout
    assert "(municipal_funding + volunteer_time) × (1 + indirect_tax_rate)" in out
    assert (f"(SEK{NBSP}1.2m + SEK{NBSP}1m) × (1 + 25%) = SEK{NBSP}2.75m") in out
    assert "cost / (horizon × value)" in out
    assert f"SEK{NBSP}2.75m / (3 × SEK{NBSP}600,000) = 1.53" in out
    sv = run_cli("payback", LIVA, "--explain", "--lang", "sv").stdout
    assert f"2,75{NBSP}mkr / (3 × 600{NBSP}000{NBSP}kr) = 1,53" in sv


def test_explain_in_json_gives_formula_and_arithmetic() -> None:
    cost = _json("--explain")["perspectives"][0]["summary"]["cost"]
    assert cost["value"] == 2_750_000
    assert cost["unit"] == "SEK"
    assert cost["formula"] == "(municipal_funding + volunteer_time) × (1 + indirect_tax_rate)"


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.strip() == f"nyttocalc {__version__}"
    help_text = run_cli("--help").stdout
    assert "payback" in help_text
    payback_help = run_cli("payback", "--help").stdout
    for option in ["--format", "--lang", "--set", "--explain"]:
        assert option in payback_help


def test_usage_errors_exit_2() -> None:
    assert run_cli("payback").code == 2
    assert run_cli("payback", LIVA, "--format", "xml").code == 2
    assert run_cli("payback", LIVA, "--lang", "de").code == 2
    assert run_cli("nonsense").code == 2


def test_python_dash_m_runs_as_a_whole_process() -> None:
    run = run_process("payback", "scenarios/liva.yaml", "--format", "json")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["perspectives"][0]["summary"]["cost"] == 2_750_000
    assert run_process("--version").stdout.strip() == f"nyttocalc {__version__}"


def test_bad_input_as_a_whole_process_is_one_paragraph_without_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text(LIVA.read_text(encoding="utf-8").replace("value: 1200000", "value: -5"),
                      encoding="utf-8")
    run = run_process("payback", broken)
    assert run.code == 2
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1
    assert "inputs.municipal_funding.value" in run.stderr
    assert "line " in run.stderr


def test_output_does_not_depend_on_hash_seed() -> None:
    outputs = {run_process("payback", "scenarios/liva.yaml", "--format", fmt,
                           env={"PYTHONHASHSEED": seed}).stdout
               for fmt in ("json",) for seed in ("0", "1", "12345")}
    assert len(outputs) == 1


def test_explain_says_why_a_payback_year_is_never() -> None:
    out = run_cli("payback", LIVA, "--explain", "--set", "inputs.municipal_revenue=0").stdout
    assert "= persons = never" in out.replace("    ", "")
    assert "4 + 1 = never" not in out


def test_counts_are_said_in_good_grammar() -> None:
    out = run_cli("payback", LIVA, "--set", "cohort.participants=1",
                  "--set", "cohort.delay_years=1").stdout
    assert "1 participant; work starts 1 year after the intervention ends" in out
    assert "* more than the 1 participant\n" in out
    from nyttocalc.report.language.labels import label

    one = {"total": 1, "holds": 1, "rounding": 1, "inputs": 1, "chain": 1, "dnf": 1}
    assert label("summary.check", "en", **one) == (
        "1 claim: 1 holds, 1 holds within rounding, 1 holds given the rounding of its inputs, "
        "1 follows from the report's rounding, 1 does not follow.")
    assert label("summary.check", "sv", **one) == (
        "1 påstående: 1 stämmer, 1 stämmer inom avrundning, 1 stämmer givet avrundningen av "
        "indata, 1 följer av rapportens avrundning, 1 följer inte.")
    many = {"total": 5, "holds": 0, "rounding": 2, "inputs": 0, "chain": 2, "dnf": 1}
    assert label("summary.check", "en", **many) == (
        "5 claims: 0 hold, 2 hold within rounding, 0 hold given the rounding of their inputs, "
        "2 follow from the report's rounding, 1 does not follow.")


def test_swedish_output_frames_its_tables_in_swedish() -> None:
    out = run_cli("payback", LIVA, "--lang", "sv").stdout
    assert "Scenariofil: " in out
    assert "Scenario: " not in out
