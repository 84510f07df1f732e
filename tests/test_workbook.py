"""The exported workbook in a real spreadsheet: LibreOffice recalculates every live formula, and
each figure equals ``payback --format json`` within 1e-9 relative, before and after an input
cell is changed (the figure then equals ``payback --set`` at that input). Two LibreOffice runs
in all: each takes seconds."""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nyttocalc.report.workbook import figure_key
from tests.conftest import LIVA, run_cli, system_tool

openpyxl = pytest.importorskip("openpyxl")

NEVER = {"en": "never", "sv": "aldrig"}
DIMENSIONS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")


def recalculated(book: Path, out: Path, profile: Path) -> Any:
    """The workbook as LibreOffice saves it after recomputing every formula (values only)."""
    soffice = system_tool("soffice")
    out.mkdir()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(book)],
                   check=True, capture_output=True, timeout=180)
    return openpyxl.load_workbook(out / book.name, data_only=True)


def layout(lang: str, *sets: str) -> dict[str, str]:
    """Where export puts each figure: figure_key → 'Sheet'!C7."""
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.workbook import build
    from nyttocalc.scenario.load import load, run_info

    loaded = load(LIVA, list(sets))
    return build(analyse(loaded.model), None, run_info(loaded), lang)[1]


def figures(*sets: str) -> dict[str, float | None]:
    """payback --format json, flattened to the same keys."""
    args = [a for s in sets for a in ("--set", s)]
    data = json.loads(run_cli("payback", LIVA, "-f", "json", *args).stdout)
    flat: dict[str, float | None] = {}
    for p in data["perspectives"]:
        for group in ("summary", "values", "break_even", "payback_by_persons", "mixes"):
            rows = [p[group]] if group == "summary" else p[group]
            for row in rows:
                dims = {k: v for k, v in row.items() if k in DIMENSIONS}
                for key, value in row.items():
                    if key not in (*DIMENSIONS, "within_cohort"):
                        flat[figure_key(p["key"], group, dims, key)] = value
    return flat


def compare(book: Any, cells: dict[str, str], expected: dict[str, float | None],
            lang: str) -> tuple[int, float, int]:
    """Every figure cell against JSON: (figures compared, largest relative difference,
    nevers). The mixes keep the rows of the export (0, 1, … workers at the lowest rate): a row
    that payback no longer lists at the changed inputs is not compared."""
    largest, nevers = 0.0, 0
    compared = {k: w for k, w in cells.items() if k in expected}
    assert all("/mixes/" in k for k in cells.keys() - compared.keys())
    for key, where in compared.items():
        sheet, cell = where.rsplit("!", 1)
        got = book[sheet.strip("'").replace("''", "'")][cell].value
        want = expected[key]
        if want is None:
            assert got == NEVER[lang], (key, got)
            nevers += 1
            continue
        assert isinstance(got, int | float), (key, got)
        difference = abs(got - want) / max(abs(want), 1e-300) if want else abs(got)
        assert difference <= 1e-9, (key, got, want)
        largest = max(largest, difference)
    return len(compared), largest, nevers


def test_libreoffice_recalculates_every_figure_as_payback_does(tmp_path: Path) -> None:
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv").code == 0
    cells = layout("sv")
    count, largest, _ = compare(recalculated(book, tmp_path / "out", tmp_path / "profile"),
                                cells, figures(), "sv")
    assert count == len(cells) == len(figures())
    print(f"\n{count} figures equal payback's JSON; largest relative difference {largest:.1e}")

    # An economist changes two inputs in Excel: every figure follows, "never" included.
    changed = openpyxl.load_workbook(book)
    inputs = changed["Indata"]
    cell = changed.defined_names["inputs_municipal_funding"].attr_text.split("!")[1]
    inputs[cell.replace("$", "")] = 1_500_000
    cell = changed.defined_names["inputs_municipal_revenue"].attr_text.split("!")[1]
    inputs[cell.replace("$", "")] = 0
    edited = tmp_path / "edited" / "liva.xlsx"
    edited.parent.mkdir()
    changed.save(edited)
    sets = ("inputs.municipal_funding=1500000", "inputs.municipal_revenue=0")
    count, largest, nevers = compare(
        recalculated(edited, tmp_path / "out2", tmp_path / "profile"), cells, figures(*sets),
        "sv")
    assert count >= len(cells) - sum("/mixes/" in k for k in cells)
    assert nevers > 0  # the municipality now never pays back: "aldrig", JSON's null
    print(f"after the change: {count} figures, {nevers} never; largest {largest:.1e}")


def test_the_workbook_names_inputs_and_writes_the_explained_formulas(tmp_path: Path) -> None:
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["Inputs", "Society", "Municipality", "Claims"]
    assert wb.calculation.fullCalcOnLoad
    cost = layout("en")["society/summary//cost"].split("!")[1]
    assert wb["Society"][cost].value == (
        "=(inputs_municipal_funding+inputs_volunteer_time)*(1+inputs_indirect_tax_rate)")
    texts = [c.value for row in wb["Society"].iter_rows() for c in row]
    assert "cost / (horizon × value)" in texts  # the formula --explain prints, above its column
    claims = [row[0].value for row in wb["Claims"].iter_rows(min_row=3)]
    assert "municipality-one-year-twelve-participants" in claims
    assert math.isfinite(wb["Inputs"]["C3"].value)


def test_export_needs_an_output_and_keeps_an_existing_file(tmp_path: Path) -> None:
    assert run_cli("export", LIVA).code == 2
    target = tmp_path / "kept.xlsx"
    target.write_bytes(b"precious")
    refused = run_cli("export", LIVA, "-o", target)
    assert refused.code == 2
    assert "--force" in refused.stderr
    assert target.read_bytes() == b"precious"


def test_export_without_openpyxl_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    from nyttocalc.report import extras

    monkeypatch.setattr(extras, "available", lambda module: module != "openpyxl")
    result = run_cli("export", LIVA, "-o", tmp_path / "x.xlsx")
    assert result.code == 2
    assert "pip install 'nyttocalc[report]'" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()
