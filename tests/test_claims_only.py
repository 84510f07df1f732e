"""Claims-only audits and the number styles of real reports: what the reader reads, what the
loader refuses (one file a failure mode in tests/broken_audits/), and how check shows figures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nyttocalc.scenario.printed import NumberStyle, PrintedError, margin, read
from tests.conftest import FIXTURES, LIVA, ROOT, run_cli

AUDIT = FIXTURES / "audit.yaml"
BROKEN = Path(__file__).resolve().parent / "broken_audits"
SWEDISH = NumberStyle()
ENGLISH = NumberStyle(".", ",", "USD")
UK = NumberStyle(".", " ", "GBP")


# ---- the printed-number reader -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "style", "value", "finest"), [
    ("1 013 214 761", SWEDISH, 1_013_214_761, 1),
    ("1\u00a0013\u00a0214\u00a0761", SWEDISH, 1_013_214_761, 1),  # no-break spaces
    ("1\u202f013\u202f214\u202f761", SWEDISH, 1_013_214_761, 1),  # narrow no-break spaces
    ("4,7 miljarder", SWEDISH, 4.7e9, 1e8),
    ("4,7 miljarder kronor", SWEDISH, 4.7e9, 1e8),
    ("2,1 mdkr", SWEDISH, 2.1e9, 1e8),
    ("1,2 mnkr", SWEDISH, 1.2e6, 1e5),
    ("3 msek", SWEDISH, 3e6, 1e6),
    ("350 tkr", SWEDISH, 350_000, 1_000),
    ("12 tusen", SWEDISH, 12_000, 1_000),
    ("2,5 miljoner", SWEDISH, 2.5e6, 1e5),
    ("5%", SWEDISH, 0.05, 0.01),
    ("−714", SWEDISH, -714, 1),
    ("-714", SWEDISH, -714, 1),
    ("(714)", SWEDISH, -714, 1),
    ("$4,184", ENGLISH, 4_184, 1),
    ("($714)", ENGLISH, -714, 1),
    ("($0.35)", ENGLISH, -0.35, 0.01),
    ("-$60.0", ENGLISH, -60, 0.1),
    ("$1.15m", ENGLISH, 1.15e6, 1e4),
    ("$183k", ENGLISH, 183_000, 1_000),
    ("$96.6 million", ENGLISH, 96.6e6, 1e5),
    ("USD 4,184", ENGLISH, 4_184, 1),
    ("0.85", ENGLISH, 0.85, 0.01),
    ("6:1", ENGLISH, 6, 1),
    ("Over 40 per cent", ENGLISH, 0.4, 0.01),
    ("£6.9 million", UK, 6.9e6, 1e5),
    ("−283 894.39", UK, -283_894.39, 0.01),
    ("€2.5bn", NumberStyle(".", ",", "EUR"), 2.5e9, 1e8),
    ("A$5k", NumberStyle(".", ",", "AUD"), 5_000, 1_000),
    ("SEK 217,231,180", NumberStyle(".", ",", "SEK"), 217_231_180, 1),
])
def test_a_figure_is_read_as_its_report_prints_it(text: str, style: NumberStyle, value: float,
                                                  finest: float) -> None:
    reading = read(text, style)
    assert reading.value == pytest.approx(value)
    assert reading.finest_precision == pytest.approx(finest)


def test_qualifiers_in_either_language() -> None:
    assert read("Over 40 per cent", ENGLISH).qualifier == "minst"
    assert read("approximately $5k per annum", ENGLISH).qualifier == "cirka"
    assert read("just over 1.5", ENGLISH).qualifier == "drygt"
    assert read("cirka 0,92 mkr").qualifier == "cirka"


@pytest.mark.parametrize(("text", "style", "said"), [
    ("0.85", SWEDISH, "written with a decimal point, but this scenario's numbers use a decimal "
                      "comma (numbers.decimal: ',')"),
    ("1,2 mkr", ENGLISH, "written with a decimal comma, but this scenario's numbers use a "
                         "decimal point"),
    ("1 013", ENGLISH, "groups thousands with a space, but this scenario's numbers group them "
                       "with comma"),
    ("($714", ENGLISH, "opens a parenthesis it does not close"),
    ("en bit", SWEDISH, ""),  # a number word: read, not refused
])
def test_a_figure_in_another_style_is_refused_saying_why(text: str, style: NumberStyle,
                                                         said: str) -> None:
    if not said:
        assert read(text, style).value == 1
        return
    with pytest.raises(PrintedError, match=re.escape(said)):
        read(text, style)


def test_a_table_states_its_scale_once() -> None:
    """A cell "$11.2" of a table headed "(millions)" is $11 200 000 ± $50 000."""
    assert read("$11.2", ENGLISH, "millions").value == pytest.approx(11.2e6)
    assert margin("$11.2", ENGLISH, "millions") == pytest.approx(50_000)
    with pytest.raises(PrintedError, match="has a scale of its own"):
        read("$11.2m", ENGLISH, "millions")


def test_a_whole_count_of_persons_is_exact() -> None:
    assert margin("fem deltagare", count=True) == 0
    assert margin("14", count=True) == 0
    assert margin("1,5", count=True) == 0.05
    assert margin("175 000 kr") == 0.5


# ---- the loader: one broken file a failure mode ------------------------------------------------

def error_of(path: Path) -> str:
    run = run_cli("check", path)
    assert run.code == 2, run.stdout
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    text = run.stderr.strip()
    assert text.startswith(f"error: {path}")
    assert "\n" not in text
    return text


@pytest.mark.parametrize(("name", "line", "where", "said"), [
    ("printed_does_not_read_value.yaml", 8, "inputs.del_a.printed",
     "printed '110' reads 110, but value is 100"),
    ("unknown_scale_word.yaml", 47, "claims.3.printed",
     "the word 'mjkr' after the number is no scale or currency nyttocalc knows: kr, kr., "
     "kronor, tkr"),
    ("decimal_point_in_swedish_style.yaml", 36, "claims.2.printed",
     "'0.85' is written with a decimal point"),
    ("unit_in_another_currency.yaml", 9, "inputs.del_b.unit",
     "the unit 'USD' is in USD, but this scenario's currency is SEK (numbers.currency)"),
    ("printed_in_another_currency.yaml", 9, "inputs.del_b.printed",
     "printed '£200' is in GBP, but this scenario's currency is SEK"),
    ("claims_in_a_circle.yaml", 23, "claims.0.terms.c.claim",
     "in a circle: summa → andel-a → summa"),
    ("unknown_claim.yaml", 33, "claims.1.terms.total.claim",
     "'sumam' is not the id of a claim of this scenario (did you mean 'summa'?)"),
    ("no_claims.yaml", 12, "claims", "expected at least one entry, got none"),
    ("same_decimal_and_thousands.yaml", 4, "numbers",
     "the decimal mark and the thousands separator are both ','"),
    ("scale_without_printed.yaml", 11, "inputs.ranta.scale", "`scale` goes with `printed`"),
    ("input_printed_just_over.yaml", 8, "inputs.del_a.printed",
     "printed 'drygt 100' is qualified 'drygt'"),
    ("power_written_with_stars.yaml", 51, "claims.3.formula", "write it as ^"),
])
def test_a_broken_audit_is_refused_with_its_place(name: str, line: int, where: str,
                                                  said: str) -> None:
    message = error_of(BROKEN / name)
    assert f"line {line}" in message
    assert where in message
    assert said in message


def test_every_broken_audit_is_tested() -> None:
    tested = {p.name for p in BROKEN.glob("*.yaml")}
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{name}"' in source for name in tested)


def test_a_printed_list_is_refused(tmp_path: Path) -> None:
    """Horizons and subsidy rates are lists: no one printed figure stands for them."""
    text = LIVA.read_text("utf-8").replace(
        "    value: [1, 3, 5]\n", '    value: [1, 3, 5]\n    printed: "ett, tre och fem år"\n')
    scenario = tmp_path / "printed_list.yaml"
    scenario.write_text(text, encoding="utf-8")
    message = error_of(scenario)
    assert "analysis.horizons_years.printed: a list of values has no one printed figure" in (
        message)


def test_a_set_replaces_the_printed_figure_with_an_exact_one() -> None:
    """`--set` gives a number the report did not print: its printed text no longer applies, so
    the file still loads, and the number is exact."""
    run = run_cli("check", LIVA, "--format", "json", "--set", "inputs.municipal_funding=1250000")
    assert run.code == 1, run.stderr
    claims = {c["id"]: c for c in json.loads(run.stdout)["claims"]}
    cost = claims["municipality-cost-1-2-mkr"]
    assert (cost["computed_low"], cost["computed_high"]) == (1_250_000, 1_250_000)


def test_a_scenario_with_perspectives_still_needs_its_cohort(tmp_path: Path) -> None:
    text = LIVA.read_text("utf-8")
    start, end = text.index("\ncohort:\n"), text.index("\nanalysis:\n")
    scenario = tmp_path / "no_cohort.yaml"
    scenario.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "the key 'cohort' is missing; it is required here" in error_of(scenario)


# ---- check on the small audit, by hand ---------------------------------------------------------

def test_the_small_audit_by_hand() -> None:
    """100 + 200 + (−50) = 250, printed 251: each part ± 0,5 kr reaches 248,5 to 251,5, which
    meets 251 ± 0,5 (input-rounding); 100 / 250 = 40 % (holds; "claim: summa" is the computed
    250); 200 / (200 − 50 + 85) = 0,8511, printed 0,85 (rounding); 220 000 a year for 10 years
    at 5 % = 220 000 × (1 − 1,05^−10) / 0,05 = 1 698 782, "cirka 1,7 mkr" (rounding)."""
    run = run_cli("check", AUDIT, "--format", "json")
    assert run.code == 0
    claims = {c["id"]: c for c in json.loads(run.stdout)["claims"]}
    assert {k: c["verdict"] for k, c in claims.items()} == {
        "summa": "input-rounding", "andel-a": "holds", "kvot": "rounding",
        "nuvarde": "rounding"}
    assert (claims["summa"]["computed_low"], claims["summa"]["computed_high"]) == (248.5, 251.5)
    assert claims["nuvarde"]["computed"] == pytest.approx(220_000 * (1 - 1.05**-10) / 0.05)


def test_a_multiple_is_shown_with_the_decimals_it_is_printed_with() -> None:
    """0,85 is shown 0,85 (not 0,9) in either language."""
    english = run_cli("check", AUDIT).stdout
    swedish = run_cli("check", AUDIT, "--lang", "sv").stdout.replace("\u00a0", " ")
    assert "holds within rounding to 0.01×" in english
    assert "0.85×" in english
    assert "0.9×" not in english
    assert "stämmer inom avrundning till 0,01 ggr" in swedish
    assert "0,85 ggr" in swedish


def test_one_number_style_a_table() -> None:
    """An English table shows a Swedish report's figures as English writes them, and a Swedish
    table an English report's as Swedish writes them."""
    varmdo = run_cli("check", ROOT / "scenarios/audits/varmdo-utanforskap-2009.yaml").stdout
    varmdo = varmdo.replace("\u00a0", " ")
    assert "SEK 1,013,214,761" in varmdo
    assert "1 013 214 761" not in varmdo
    wsipp = run_cli("check", ROOT / "scenarios/audits/wsipp-benefit-cost.yaml", "--lang",
                    "sv").stdout.replace("\u00a0", " ")
    assert "30 792 USD" in wsipp
    assert "$30,792" not in wsipp
    liva = run_cli("check", LIVA).stdout.replace("\u00a0", " ")
    assert "about SEK 920,000" in liva
    assert "cirka 0,92 mkr" not in liva


def test_the_json_and_csv_say_the_scenarios_currency() -> None:
    wsipp = ROOT / "scenarios/audits/wsipp-benefit-cost.yaml"
    data = json.loads(run_cli("check", wsipp, "--format", "json").stdout)
    assert {c["unit"] for c in data["claims"]} == {"USD", "multiple"}
    rows = run_cli("check", wsipp, "--format", "csv").stdout.splitlines()
    assert rows[0].endswith("computed_low,computed_high,misses_by")
    assert ",USD," in rows[1]


# ---- coverage: every section a claim or input names, in the report's number style -------------

REPORT = """# Summary for 2020

The program cost $4,898 per participant.

## Results

Benefits were $4,184 in all, of which $1.15m came back to taxpayers in year 2.

### Table 1

| Taxpayers | $3,034 |
| Others | $1,150 |

# Method

We discount at 3.5% over 10 years.
"""

COVERED = """nyttocalc: 1
title: "An English report"
numbers: {decimal: ".", thousands: ",", currency: USD}
sources:
  report: {title: "The report", path: report.md}
inputs:
  taxpayers: {value: 3034, unit: USD, printed: "$3,034", description: To taxpayers.,
              source: {document: report, section: "Table 1", quote: "Taxpayers | $3,034"}}
  others: {value: 1150, unit: USD, printed: "$1,150", description: To others.,
           source: {document: report, section: "Results › Table 1", quote: "Others | $1,150"}}
  rate: {value: 0.035, unit: share, printed: "3.5%", description: The rate.,
         source: {document: report, section: "Method", quote: "We discount at 3.5%"}}
claims:
  - id: benefits
    where: {document: report, section: "Summary for 2020 › Results",
            quote: "Benefits were $4,184 in all"}
    printed: "$4,184"
    published: 4184
    precision: 1
    formula: "{taxpayers} + {others}"
    unit: USD
    terms:
      taxpayers: {input: inputs.taxpayers}
      others: {input: inputs.others}
"""


def test_coverage_counts_every_named_section_once_and_lists_heading_numbers(
        tmp_path: Path) -> None:
    """The claim names "Summary for 2020 › Results"; the inputs name "Table 1" (inside it),
    "Results › Table 1" and "Method" (named by an input only). Table 1's numbers are counted
    once, under the first group, with a warning; the "1" of its heading is listed apart;
    "$1.15m" reads 1.15 million; "3.5%" and "10" are Method's."""
    (tmp_path / "report.md").write_text(REPORT, encoding="utf-8")
    scenario = tmp_path / "covered.yaml"
    scenario.write_text(COVERED, encoding="utf-8")
    run = run_cli("check", scenario, "--coverage", "--format", "json")
    assert run.code == 0, run.stderr
    coverage = json.loads(run.stdout)["documents"][0]["coverage"]
    sections = {s["section"]: s for s in coverage["sections"]}
    assert list(sections) == ["Summary for 2020", "Table 1", "Results", "Method"]
    summary = sections["Summary for 2020"]
    assert [(i["text"], i["covered_by"]) for i in summary["items"]] == [
        ("4,184", ["benefits"]), ("1.15m", []), ("2", []), ("3,034", ["inputs.taxpayers"]),
        ("1,150", ["inputs.others"])]
    assert [(i["line"], i["text"]) for i in summary["in_headings"]] == [(9, "1")]
    assert sections["Table 1"]["items"] == [] == sections["Results"]["items"]
    assert coverage["overlaps"] == [{"section": "Table 1", "within": "Summary for 2020"},
                                    {"section": "Results", "within": "Summary for 2020"}]
    assert [(i["text"], i["covered_by"]) for i in sections["Method"]["items"]] == [
        ("3.5", ["inputs.rate"]), ("10", [])]
    table = run_cli("check", scenario, "--coverage").stdout.replace("\u00a0", " ")
    assert "lies within Summary for 2020, which is also named: its numbers are counted once" in (
        " ".join(table.split()))
    rows = run_cli("check", scenario, "--coverage", "--format", "csv").stdout.splitlines()
    assert rows[0] == "document,section,line,number,value,covered_by,in_heading"
