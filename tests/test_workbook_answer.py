"""The workbook as an economist keeps working in it, in LibreOffice: its first sheet gives the
report's answer as live formulas (what each party paid, what an employed person-year brings it,
how many must work within each horizon), and follows an edited input as ``payback --set``
does; the input cells are the only ones open to typing, tinted and checked against the ranges
the scenario format allows; the claims' verdicts follow the inputs too; and a claim's ^, sum,
npv, pv, annuity, discount and plain division are spreadsheet formulas that give ``check``'s
figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LIVA, LIVA_ACTORS, run_cli
from tests.test_workbook import recalculated, with_input

openpyxl = pytest.importorskip("openpyxl")

VERDICTS = {"holds": "stämmer", "rounding": "stämmer inom avrundning",
            "does-not-follow": "följer inte"}


def _payback(scenario: Path, *sets: str) -> list[dict[str, Any]]:
    args = [a for s in sets for a in ("--set", s)]
    perspectives: list[dict[str, Any]] = json.loads(
        run_cli("payback", scenario, "-f", "json", "--lang", "sv", *args).stdout)["perspectives"]
    return perspectives


def _answer_rows(book: Any) -> dict[str, list[Any]]:
    sheet = book["Svaret i korthet"]
    rows = {}
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[0] is None or row[1] is None:
            break
        rows[row[0]] = list(row[1:])
    return rows


def _expected(perspectives: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The answer's row of each party: cost, the value at each rate, and the whole persons at
    the lowest rate for each horizon ("–" where it paid nothing)."""
    rows = {}
    for p in perspectives:
        lowest = min(v["subsidy_rate"] for v in p["values"])
        needed = [b["persons_whole"] if p["summary"]["cost"] > 0 else "–"
                  for b in p["break_even"] if b["subsidy_rate"] == lowest]
        rows[p["label"]] = [p["summary"]["cost"],
                            *(v["value_per_person_year"] for v in p["values"]), *needed]
    return rows


def _close(got: list[Any], want: list[Any]) -> bool:
    return len(got) >= len(want) and all(
        g == w if isinstance(w, str) else abs(g - w) <= 1e-9 * max(1.0, abs(w))
        for g, w in zip(got, want, strict=False))


def test_the_first_sheet_is_the_answer_and_follows_an_edited_input(soffice: str,
                                                                   tmp_path: Path) -> None:
    books = []
    for scenario in (LIVA, LIVA_ACTORS):
        book = tmp_path / f"{scenario.stem}.xlsx"
        assert run_cli("export", scenario, "-o", book, "--lang", "sv").code == 0
        assert openpyxl.load_workbook(book).sheetnames[0] == "Svaret i korthet"
        books.append(book)
    edited = with_input(books[0], "inputs_municipal_funding", 1_500_000,
                        tmp_path / "edited" / "liva-edited.xlsx")
    liva, actors, changed = recalculated(soffice, [*books, edited], tmp_path / "out",
                                          tmp_path / "p")
    for book, perspectives in ((liva, _payback(LIVA)), (actors, _payback(LIVA_ACTORS)),
                               (changed, _payback(LIVA, "inputs.municipal_funding=1500000"))):
        got, want = _answer_rows(book), _expected(perspectives)
        assert got.keys() == want.keys()
        for party, values in want.items():
            assert _close(got[party], values), (party, got[party], values)


def test_inputs_are_the_only_cells_to_type_in_and_take_only_what_the_format_allows(
        tmp_path: Path) -> None:
    book = tmp_path / "actors.xlsx"
    assert run_cli("export", LIVA_ACTORS, "-o", book, "--lang", "sv").code == 0
    wb = openpyxl.load_workbook(book)
    assert all(ws.protection.sheet for ws in wb.worksheets)  # protected, without a password
    assert all(not ws.protection.password for ws in wb.worksheets)
    inputs = wb["Indata"]
    rules = {cell: v for v in inputs.data_validations.dataValidation for cell in
             str(v.sqref).split()}
    open_cells = {c.coordinate for row in inputs.iter_rows() for c in row
                  if not c.protection.locked}
    named = {}
    for name, defined in wb.defined_names.items():
        sheet, cell = defined.attr_text.split("!")
        if sheet.strip("'") == "Indata":
            named[name] = cell.replace("$", "")
    typed = {c for n, c in named.items() if inputs[c].data_type != "f"}
    assert open_cells == typed  # every number to type, and nothing else
    assert all(inputs[c].fill.fgColor.rgb.endswith("FFF2CC") for c in typed)
    for cell in typed:
        assert cell in rules, cell
    participants = rules[named["cohort_participants"]]
    assert "INT(" in participants.formula1
    assert ">=1" in participants.formula1
    share = rules[named["inputs_indirect_tax_rate"]]
    assert ">=0" in share.formula1
    assert "<=1" in share.formula1
    horizon = rules[named["analysis_horizons_years_0"]]
    assert ">0" in horizon.formula1
    assert ">=0" not in horizon.formula1  # above 0, as the format
    other = wb["Samhället"]
    assert all(c.protection.locked for row in other.iter_rows() for c in row)


def test_the_claims_verdicts_follow_the_inputs(soffice: str, tmp_path: Path) -> None:
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv").code == 0
    edited = with_input(book, "inputs_municipal_funding", 1_500_000,
                        tmp_path / "edited" / "liva-edited.xlsx")
    now, after = recalculated(soffice, [book, edited], tmp_path / "out", tmp_path / "p")
    for wb, sets in ((now, ()), (after, ("inputs.municipal_funding=1500000",))):
        args = [a for s in sets for a in ("--set", s)]
        checked = json.loads(run_cli("check", LIVA, "-f", "json", *args).stdout)["claims"]
        sheet = wb["Påståenden"]
        live = [row[6] for row in sheet.iter_rows(min_row=3, max_row=2 + len(checked),
                                                   values_only=True)]
        compared = 0
        for claim, verdict in zip(checked, live, strict=True):
            if claim["verdict"] in VERDICTS:  # chains and inputs' rounding: only check weighs
                assert verdict == VERDICTS[claim["verdict"]], (claim["id"], verdict)
                compared += 1
        assert compared >= 40
    row = 3 + next(i for i, c in enumerate(checked) if c["id"] == "municipality-cost-1-2-mkr")
    assert now["Påståenden"].cell(row, 7).value == "stämmer"
    assert after["Påståenden"].cell(row, 7).value == "följer inte"


CLAIMS = """
  - id: power-and-sum
    where: {document: payoff-2019, section: "X", quote: "y"}
    printed: "7"
    published: 7
    precision: 1
    formula: "{a} ^ 2 + sum({a}, {b}, {c}) - 1"
    unit: persons
    terms:
      a: {number: 2, unit: persons}
      b: {number: 1.5, unit: persons}
      c: {number: 0.5, unit: persons}
  - id: discounting
    where: {document: payoff-2019, section: "X", quote: "y"}
    printed: "1 234 567 kr"
    published: 1234567
    precision: 1
    formula: "npv({r}, {f}, {f} × 2) + pv({r}, 10, {f}) × annuity({r}, 3) × discount({r}, 2)"
    unit: SEK
    terms:
      r: {number: 0.035, unit: share}
      f: {input: inputs.municipal_funding}
  - id: plain-division
    where: {document: payoff-2019, section: "X", quote: "y"}
    printed: "-3"
    published: -3
    precision: 1
    formula: "({a} - 8) / {b}"
    unit: persons
    terms:
      a: {number: 2, unit: persons}
      b: {number: 2, unit: persons}
"""


def test_a_claims_power_sum_discounting_and_plain_division_are_spreadsheet_formulas(
        soffice: str, tmp_path: Path) -> None:
    scenario = tmp_path / "claims.yaml"
    scenario.write_text(LIVA.read_text("utf-8").replace("\nclaims:\n", "\nclaims:\n" + CLAIMS,
                                                        1), encoding="utf-8")
    book = tmp_path / "claims.xlsx"
    assert run_cli("export", scenario, "-o", book, "--lang", "sv").code == 0, "exported"
    computed = {c["id"]: c["computed"] for c in json.loads(
        run_cli("check", scenario, "-f", "json").stdout)["claims"]}
    sheet = recalculated(soffice, [book], tmp_path / "out", tmp_path / "p")[0]["Påståenden"]
    assert computed["power-and-sum"] == 7  # 2² + (2 + 1,5 + 0,5) − 1
    assert computed["plain-division"] == -3  # as on paper, not "how many … make up …"
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if row[0] in ("power-and-sum", "discounting", "plain-division"):
            assert row[4] == pytest.approx(computed[str(row[0])], rel=1e-9), row[0]
