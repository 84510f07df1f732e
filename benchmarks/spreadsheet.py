"""Issue 16's target: LivA's full 1000 × 1000 grid written to a CSV file at least 10 × faster
than LibreOffice recomputes the same sheet headless, as whole processes (run on demand).

    python benchmarks/spreadsheet.py [--runs 3]

The sheet: subsidy rates 0, 0.001, … 0.999 down column A, production values 400 000,
401 000, … 1 399 000 across row 1, and in each other cell one formula, the persons society
needs within 3 years: =2750000/(3*((1-$A2)*B$1+15000)). It is written twice, with formulas and
no stored results, so that every cell is computed: as an Excel workbook (.xlsx, a formula in
each cell, as a program that writes workbooks leaves it) and in LibreOffice's own format (flat
OpenDocument XML). ``soffice --headless --convert-to csv`` loads each, computes it and writes
it; the faster of the two is the yardstick (measured: the workbook, some 30 % faster; a
workbook of one shared formula, as Excel saves a filled range, took longer than either).
nyttocalc writes the same grid (``sweep --vary analysis.subsidy_rates.0=0:0.999:0.001 --vary
inputs.production_value=400000:1399000:1000 --perspective society --horizon 3 --metric
persons_exact -f csv -o FILE``, rate 1 set to 1 so that no point of the axis equals it), and,
for scale, every cell of LivA over that grid (12 columns). A sample of each file is compared
with nyttocalc's. Without ``soffice`` the LibreOffice part is skipped, with a message. Prints
medians, the ratio (paired by round) and peak memory; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import math
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from timing import LIVA, cli, measure, peak_check, ratio, report

TARGET = 10.0
RATES = [i / 1000 for i in range(1000)]
PRODUCTION = [400_000 + 1000 * j for j in range(1000)]
GRID = ["--set", "analysis.subsidy_rates.1=1", "--vary", "analysis.subsidy_rates.0=0:0.999:0.001",
        "--vary", "inputs.production_value=400000:1399000:1000", "-f", "csv", "--force"]
NARROW = ["--perspective", "society", "--horizon", "3", "--subsidy-rate", "0",
          "--metric", "persons_exact"]
SHEETS = {"workbook.xlsx": "LibreOffice: the .xlsx workbook, computed, as CSV",
          "sheet.fods": "LibreOffice: the .fods sheet, computed, as CSV"}
ONE = "nyttocalc sweep, the sheet's grid, -f csv -o file"
EVERY = "nyttocalc sweep, every cell of LivA (12), -f csv -o file"


def column_name(index: int) -> str:
    """A spreadsheet's name of the column at 1-based ``index``: 1 → A, 28 → AB."""
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_fods(path: Path) -> None:
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
            '<office:spreadsheet><table:table table:name="grid">')
    columns = [column_name(j + 2) for j in range(len(PRODUCTION))]
    with path.open("w", encoding="utf-8") as out:
        out.write(head + "<table:table-row><table:table-cell/>")
        out.write("".join(f'<table:table-cell office:value-type="float" office:value="{p}"/>'
                          for p in PRODUCTION) + "</table:table-row>")
        for i, rate in enumerate(RATES, start=2):
            out.write(f'<table:table-row><table:table-cell office:value-type="float" '
                      f'office:value="{rate!r}"/>')
            out.write("".join(f'<table:table-cell table:formula="of:=2750000/(3*((1-[.$A{i}])*'
                              f'[.{c}$1]+15000))"/>' for c in columns))
            out.write("</table:table-row>")
        out.write("</table:table></office:spreadsheet></office:body></office:document>")


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="grid" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
}


def write_xlsx(path: Path) -> None:
    """The sheet as a workbook of five parts (content types, two of relationships, the workbook
    and its sheet; LibreOffice opens it, openpyxl reads it): a formula in each cell and no
    stored result."""
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    columns = [column_name(j + 2) for j in range(len(PRODUCTION))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, xml in _XLSX_PARTS.items():
            package.writestr(name, declaration + xml)
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write((declaration + '<worksheet xmlns="http://schemas.openxmlformats.org/'
                         'spreadsheetml/2006/main"><sheetData><row r="1">').encode())
            sheet.write("".join(f'<c r="{c}1"><v>{p}</v></c>'
                                for c, p in zip(columns, PRODUCTION, strict=True)).encode())
            for i, rate in enumerate(RATES, start=2):
                sheet.write((f'</row><row r="{i}"><c r="A{i}"><v>{rate!r}</v></c>' + "".join(
                    f'<c r="{c}{i}"><f>2750000/(3*((1-$A{i})*{c}$1+15000))</f></c>'
                    for c in columns)).encode())
            sheet.write(b"</row></sheetData></worksheet>")


def same_figures(sheet_csv: Path, grid_csv: Path) -> bool:
    """Every 997th point of the grid as both wrote it, equal within 1e-12 relative (the
    spreadsheet writes 15 significant digits)."""
    with sheet_csv.open(encoding="utf-8") as handle:
        sheet = [row[1:] for row in list(csv.reader(handle))[1:]]
    with grid_csv.open(encoding="utf-8") as handle:
        lines = list(csv.reader(handle))[1:]
    return all(math.isclose(float(sheet[k // 1000][k % 1000]), float(lines[k][2]),
                            rel_tol=1e-12) for k in range(0, len(lines), 997))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        commands = {
            ONE: [*cli(), "sweep", LIVA, *GRID, *NARROW, "-o", str(folder / "one.csv")],
            EVERY: [*cli(), "sweep", LIVA, *GRID, "-o", str(folder / "every.csv")],
        }
        if soffice is None:
            print("soffice is not installed (apt-get install -y libreoffice-calc-nogui): the "
                  "LibreOffice part is skipped")
        else:
            write_xlsx(folder / "workbook.xlsx")
            write_fods(folder / "sheet.fods")
            for file, name in SHEETS.items():
                commands[name] = [soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                                  "--headless", "--convert-to", "csv", "--outdir",
                                  str(folder / "out"), str(folder / file)]
        results = measure(commands, args.runs)
        same = {file: soffice is None or same_figures(folder / "out" / f"{Path(file).stem}.csv",
                                                      folder / "one.csv")
                for file in SHEETS}
    report(results, ONE)
    met = peak_check(results)
    if soffice is not None:
        print("the same figures in nyttocalc's file and LibreOffice's (a sample): "
              + ", ".join(f"{file} {ok}" for file, ok in same.items()))
        fastest = min(SHEETS.values(), key=lambda name: results[name].median)
        times = ratio(results, fastest, ONE)
        print(f"LibreOffice {results[fastest].median:.2f} s (the faster: {fastest}), nyttocalc "
              f"{results[ONE].median:.2f} s: nyttocalc {times:.1f} × faster (target ≥ {TARGET:g})")
        met = met and all(same.values()) and times >= TARGET
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
