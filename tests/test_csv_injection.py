"""CSV opened in a spreadsheet must not run a formula from a scenario's text (OWASP, "CSV
Injection"): a text cell starting with = + - @ tab, CR or LF gets a leading ', in both
languages; a number, negative or not, never does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from nyttocalc.report.machine.as_csv import csv_cell, csv_heading
from nyttocalc.report.machine.csv_number import csv_number
from tests.conftest import LIVA, run_cli

FIRST_SECTION = ('  - id: resources-2-2-mkr\n'
                 '    label: {en: Total resource use, sv: Total resursförbrukning}\n'
                 '    where:\n      document: "payoff-2019"\n'
                 '      section: "Ekonomisk nytta › Partnerskapskostnader › Samhället"\n')


def rows(text: str, lang: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "sv" else ","))


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("section", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)",
                                     "\t=1+1", "\r=1+1"])
def test_a_section_that_looks_like_a_formula_is_text(tmp_path: Path, lang: str,
                                                     section: str) -> None:
    text = LIVA.read_text(encoding="utf-8")
    assert FIRST_SECTION in text
    escaped = section.replace("\t", "\\t").replace("\r", "\\r")
    path = tmp_path / "hostile.yaml"
    path.write_text(text.replace(FIRST_SECTION, FIRST_SECTION.replace(
        '"Ekonomisk nytta › Partnerskapskostnader › Samhället"', f'"{escaped}"')),
        encoding="utf-8")
    target = tmp_path / "claims.csv"
    run = run_cli("check", path, "-f", "csv", "--lang", lang, "-o", target)
    assert run.code == 1, run.stderr
    with open(target, encoding="utf-8-sig" if lang == "sv" else "utf-8", newline="") as file:
        written = file.read()
    table = rows(written, lang)
    claim = next(r for r in table if r[0] == "resources-2-2-mkr")
    assert claim[table[0].index(csv_heading("section", lang))] == "'" + section.replace("\r", "\n")
    assert all(not cell.startswith(("=", "+", "@")) for row in table for cell in row)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_negative_numbers_are_never_escaped(lang: str) -> None:
    """By the end of year 0 a timeline has paid the whole cost: a negative net value."""
    table = rows(run_cli("timeline", LIVA, "--persons", "3", "-f", "csv", "--lang", lang).stdout,
                 lang)
    year_0 = next(r for r in table[1:] if r[1] == "0")
    assert year_0[table[0].index(csv_heading("cumulative_present_value_net", lang))] == "-2750000"


def test_the_rule_cell_by_cell() -> None:
    assert csv_cell("-1") == "'-1"  # text that reads as a number is still text from a scenario
    assert csv_cell(csv_number(-1.5, True)) == "-1,5"
    assert csv_cell(csv_number(float("-inf"), False)) == ""
    assert csv_cell("a=b") == "a=b"
    assert csv_cell("a\r\nb\rc") == "a\nb\nc"  # quoted by the writer, unlike a bare CR
    assert csv_cell(3) == 3
