"""The exported workbook in a real spreadsheet: LibreOffice recalculates every live formula, and
each figure equals ``payback --format json`` within 1e-9 relative, before and after an input
cell is changed (the figure then equals ``payback --set`` at that input); so do NyttoSAM's key
figures of a scenario with ``outcomes``. Three LibreOffice runs in all: each takes seconds."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nyttocalc.report.rows import outcomes_group
from nyttocalc.report.workbook.build import figure_key
from tests.conftest import LIVA, LIVA_ACTORS, run_cli

openpyxl = pytest.importorskip("openpyxl")

NEVER = {"en": "never", "sv": "aldrig"}
NO_POTENTIAL = {"en": "no potential", "sv": "ingen potential"}  # an efficiency's null
UNDEFINED = {"en": "n/a", "sv": "–"}  # a multiple's null, as the tables write it
DIMENSIONS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
TIMED = ("analysis.discount_rate=0.035", "cohort.drop_off_rate=0.1", "cohort.deadweight=0.05")


def recalculated(soffice: str, books: list[Path], out: Path, profile: Path) -> list[Any]:
    """The workbooks as LibreOffice (``soffice``, the fixture) saves them after recomputing
    every formula (values only), converted in one run (file names apart)."""
    out.mkdir()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, books)],
                   check=True, capture_output=True, timeout=180)
    return [openpyxl.load_workbook(out / book.name, data_only=True) for book in books]


def with_input(book: Path, name: str, value: float, saved: Path) -> Path:
    """A copy of ``book`` with the input cell named ``name`` typed over with ``value``."""
    changed = openpyxl.load_workbook(book)
    sheet, cell = changed.defined_names[name].attr_text.split("!")
    changed[sheet.strip("'")][cell.replace("$", "")] = value
    saved.parent.mkdir(exist_ok=True)
    changed.save(saved)
    return saved


def layout(lang: str, *sets: str, scenario: Path = LIVA) -> dict[str, str]:
    """Where export puts each figure: figure_key → 'Sheet'!C7."""
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.workbook.build import build
    from nyttocalc.scenario.load import load, run_info

    loaded = load(scenario, list(sets))
    return build(analyse(loaded.model), None, run_info(loaded), lang)[1]


def figures(*sets: str, scenario: Path = LIVA) -> dict[str, float | None]:
    """payback --format json, flattened to the same keys."""
    from nyttocalc.core.registry import payback_groups

    args = [a for s in sets for a in ("--set", s)]
    data = json.loads(run_cli("payback", scenario, "-f", "json", *args).stdout)
    flat: dict[str, float | None] = {}
    for p in data["perspectives"]:
        for group in payback_groups():
            rows = [p[group]] if group == "summary" else p[group]
            for row in rows:
                dims = {k: v for k, v in row.items() if k in DIMENSIONS}
                for key, value in row.items():
                    if key not in (*DIMENSIONS, "within_cohort"):
                        flat[figure_key(p["key"], group, dims, key)] = value
    return flat


def key_figures(*sets: str, scenario: Path = LIVA_ACTORS) -> dict[str, float | None]:
    """payback --format json's key figures (``outcomes``; liva-actors'), by figure key."""
    args = [a for s in sets for a in ("--set", s)]
    data = json.loads(run_cli("payback", scenario, "-f", "json", *args).stdout)["outcomes"]
    rows = [(r["group"], r) for r in data["groups"]] + [(None, r) for r in data["totals"]]
    return {figure_key(row["party"], outcomes_group(group), {}, key): value
            for group, row in rows for key, value in row.items() if key not in ("group", "party")}


def _is_multiple(key: str) -> bool:
    """Whether a figure key names a multiple (the long view's, a benefit-cost ratio): its null
    is undefined, not never."""
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.registry import DEFINITIONS

    figure = DEFINITIONS.get(key.rsplit("/", 1)[1])
    return figure is not None and figure.unit == Unit.MULTIPLE


def compare(book: Any, cells: dict[str, str], expected: dict[str, float | None],
            lang: str) -> tuple[int, float, int]:
    """Every figure cell against JSON: (figures compared, largest relative difference,
    nulls). JSON's null is "never" in the cell, "no potential" for an efficiency, "n/a" for
    a multiple. The mixes
    keep the rows of the export (0, 1, … workers at the lowest rate): a row that payback no
    longer lists at the changed inputs is not compared."""
    largest, nevers = 0.0, 0
    compared = {k: w for k, w in cells.items() if k in expected}
    assert all("/mixes/" in k for k in cells.keys() - compared.keys())
    for key, where in compared.items():
        sheet, cell = where.rsplit("!", 1)
        got = book[sheet.strip("'").replace("''", "'")][cell].value
        want = expected[key]
        if want is None:
            assert got == (NO_POTENTIAL if key.endswith("/efficiency") else UNDEFINED
                           if _is_multiple(key) else NEVER)[lang], (key, got)
            nevers += 1
            continue
        assert isinstance(got, int | float), (key, got)
        difference = abs(got - want) / max(abs(want), 1e-300) if want else abs(got)
        assert difference <= 1e-9, (key, got, want)
        largest = max(largest, difference)
    return len(compared), largest, nevers


def test_libreoffice_recalculates_every_figure_as_payback_does(soffice: str,
                                                               tmp_path: Path) -> None:
    book, timed = tmp_path / "liva.xlsx", tmp_path / "liva-timed.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv").code == 0
    assert run_cli("export", LIVA, "-o", timed, "--lang", "sv",
                   *(a for s in TIMED for a in ("--set", s))).code == 0
    cells = layout("sv")
    exported, discounted = recalculated(soffice, [book, timed], tmp_path / "out",
                                        tmp_path / "profile")
    count, largest, _ = compare(exported, cells, figures(), "sv")
    assert count == len(cells) == len(figures())
    print(f"\n{count} figures equal payback's JSON; largest relative difference {largest:.1e}")

    # Discounted, thinned by drop-off, with deadweight: pv_years, years_to and pv_spread too.
    count, largest, _ = compare(discounted, layout("sv", *TIMED), figures(*TIMED), "sv")
    assert count == len(figures(*TIMED))
    print(f"discounted: {count} figures; largest relative difference {largest:.1e}")

    # An economist changes two inputs in Excel: every figure follows, "never" included.
    edited = with_input(with_input(book, "inputs_municipal_funding", 1_500_000,
                                   tmp_path / "edited" / "liva.xlsx"),
                        "inputs_municipal_revenue", 0, tmp_path / "edited" / "liva.xlsx")
    sets = ("inputs.municipal_funding=1500000", "inputs.municipal_revenue=0")
    count, largest, nevers = compare(
        recalculated(soffice, [edited], tmp_path / "out2", tmp_path / "profile")[0], cells,
        figures(*sets), "sv")
    assert count >= len(cells) - sum("/mixes/" in k for k in cells)
    assert nevers > 0  # the municipality now never pays back: "aldrig", JSON's null
    print(f"after the change: {count} figures, {nevers} never; largest {largest:.1e}")


COUNT = "outcomes.groups.spill_over.transitions.0.persons"  # 3 young adults left crime


@pytest.fixture(scope="module")
def key_figure_books(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """liva-actors' workbook in Swedish recalculated by LibreOffice: as exported; with the
    spill-over group's count typed over (3 → 5); and with the lowest listed subsidy rate typed
    over (0 → 50 %), which the key figures do not read (a transition's rate and the potential's
    reference are their own). The three in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("key-figures")
    book = folder / "actors.xlsx"
    assert run_cli("export", LIVA_ACTORS, "-o", book, "--lang", "sv").code == 0
    books = [book, with_input(book, "outcomes_groups_spill_over_transitions_0_persons", 5,
                              folder / "actors-count.xlsx"),
             with_input(book, "analysis_subsidy_rates_0", 0.5, folder / "actors-rate.xlsx")]
    return dict(zip(("exported", "count", "rate"),
                    recalculated(soffice, books, folder / "out", folder / "profile"), strict=True))


def key_figure_cells() -> dict[str, str]:
    return {k: w for k, w in layout("sv", scenario=LIVA_ACTORS).items() if "/outcomes" in k}


def test_libreoffice_recalculates_the_key_figures_as_payback_does(
        key_figure_books: dict[str, Any]) -> None:
    cells, expected = key_figure_cells(), key_figures()
    assert cells.keys() == expected.keys()
    count, largest, nulls = compare(key_figure_books["exported"], cells, expected, "sv")
    assert count == len(cells) >= 80  # 2 groups × 7 parties × 3, and 7 parties × 6
    nulls_of = {k.rsplit("/", 1)[1] for k, v in expected.items() if v is None}
    assert nulls_of == {"payback_time", "efficiency"}  # "aldrig" and "ingen potential" both
    print(f"\n{count} key figures equal payback's JSON ({nulls} null); "
          f"largest relative difference {largest:.1e}")

    # The spill-over group's count typed over: the key figures follow, as payback --set does.
    changed = key_figures(f"{COUNT}=5")
    count, largest, nulls = compare(key_figure_books["count"], cells, changed, "sv")
    assert count == len(cells)
    moved = [k for k in cells if changed[k] != expected[k]]
    assert len(moved) >= 10, moved  # revenue, potential, efficiency, net benefit, payback time
    print(f"after {COUNT}=5: {count} key figures ({len(moved)} moved, {nulls} null); "
          f"largest relative difference {largest:.1e}")


def test_the_key_figures_do_not_read_the_listed_subsidy_rates(
        key_figure_books: dict[str, Any]) -> None:
    """A transition's rate and the potential's reference (work without a subsidy) are their
    own numbers: changing the analysis' lowest listed rate leaves the key figures as they are,
    in the workbook as in payback --set."""
    cells = key_figure_cells()
    unmoved = key_figures("analysis.subsidy_rates.0=0.5")
    assert unmoved == key_figures()
    count, largest, _ = compare(key_figure_books["rate"], cells, unmoved, "sv")
    assert count == len(cells)
    print(f"\nafter analysis.subsidy_rates.0=0.5: {count} key figures unmoved; "
          f"largest relative difference {largest:.1e}")


def test_the_key_figures_sheet_has_the_report_tables(tmp_path: Path) -> None:
    """Per group and for all groups, the report's columns, a row per party; every figure a
    formula (revenue of the transitions' named counts), formatted as the other sheets; the
    counts named on the Inputs sheet with their source or assumption."""
    book = tmp_path / "actors.xlsx"
    assert run_cli("export", LIVA_ACTORS, "-o", book, "--lang", "sv").code == 0
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[-2:] == ["Nyckeltal", "Påståenden"]
    ws = wb["Nyckeltal"]
    titles = [row[0].value for row in ws.iter_rows() if str(row[0].value).startswith("Nyckeltal,")]
    assert titles == ["Nyckeltal, första året efter (NyttoSAM): De 14 (primära målgruppen)",
                      "Nyckeltal, första året efter (NyttoSAM): Spill-over-gruppen",
                      "Nyckeltal, första året efter (NyttoSAM): alla grupper"]
    cells = key_figure_cells()
    total = ws[cells["society/outcomes//revenue"].split("!")[1]]
    assert [c.value for c in ws[total.row - 2]] == [
        "Perspektiv", "Intäkter", "Kostnader", "Lönsamhet", "Återbetalningstid (år)",
        "Potential", "Verkningsgrad"]
    assert ws.cell(total.row, 1).value == "Samhället"
    formats = {"revenue": '#,##0" kr"', "cost": '#,##0" kr"', "net_benefit": '#,##0" kr"',
               "potential": '#,##0" kr"', "payback_time": "0.00", "efficiency": "0.0\\ %"}
    for key, where in cells.items():
        cell = ws[where.split("!")[1]]
        assert str(cell.value).startswith("="), key
        assert cell.number_format == formats[key.rsplit("/", 1)[1]], key
    revenue = ws[cells["society/outcomes spill_over//revenue"].split("!")[1]].value
    assert "outcomes_groups_spill_over_transitions_0_persons*" in revenue
    inputs = wb["Indata"]
    count = inputs[wb.defined_names["outcomes_groups_spill_over_transitions_0_persons"]
                   .attr_text.split("!")[1].replace("$", "")]
    assert count.value == 3
    assert inputs.cell(count.row, 5).value.startswith("Antagande: Rapporten säger")


def test_the_workbook_names_inputs_and_writes_the_explained_formulas(tmp_path: Path) -> None:
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["The answer", "Inputs", "Society", "Municipality", "Claims"]
    assert wb.calculation.fullCalcOnLoad
    cost = layout("en")["society/summary//cost"].split("!")[1]
    assert wb["Society"][cost].value == (
        "=(inputs_municipal_funding+inputs_volunteer_time)*(1+inputs_indirect_tax_rate)")
    texts = [c.value for row in wb["Society"].iter_rows() for c in row]
    assert "cost / (horizon × value)" in texts  # the formula --explain prints, above its column
    claims = [row[0].value for row in wb["Claims"].iter_rows(min_row=3)]
    assert "municipality-one-year-twelve-participants" in claims
    funding = wb.defined_names["inputs_municipal_funding"].attr_text
    assert funding == "'Inputs'!$B$3"
    assert wb["Inputs"]["B3"].value == 1_200_000
    assert wb["Inputs"]["A3"].value == "inputs_municipal_funding"  # the name formulas use


def _sheet_cells(wb: Any, located: dict[str, str]) -> list[tuple[Any, str, Any]]:
    """(sheet, key, cell) for every figure of the perspective sheets."""
    found = []
    for key, where in located.items():
        sheet, cell = where.rsplit("!", 1)
        ws = wb[sheet.strip("'")]
        found.append((ws, key, ws[cell]))
    return found


def test_every_figure_has_its_formula_above_it(tmp_path: Path) -> None:
    """Above each figure, in its column, the formula --explain prints: in the row the sheet
    labels "Formel", under the column's name. The cost's formula was overwritten by its
    value."""
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv").code == 0
    wb = openpyxl.load_workbook(book)
    for ws, key, cell in _sheet_cells(wb, layout("sv")):
        above = next(r for r in range(cell.row - 1, 0, -1)
                     if ws.cell(r, 1).value == "Formel")
        formula = ws.cell(above, cell.column).value
        assert isinstance(formula, str), key
        assert formula, key
        assert not formula.startswith("="), key  # the formula as text, not a cell's formula
        assert ws.cell(above - 1, cell.column).value, key  # the column's name
    society = wb["Samhället"]
    cost = layout("sv")["society/summary//cost"].split("!")[1]
    formula_row = society[cost].row - 1
    assert society.cell(formula_row, society[cost].column).value == (
        "(municipal_funding + volunteer_time) × (1 + indirect_tax_rate)")


def test_numbers_are_formatted_as_a_swedish_economist_reads_them(tmp_path: Path) -> None:
    book = tmp_path / "liva.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv").code == 0
    wb = openpyxl.load_workbook(book)
    inputs = wb["Indata"]

    def named(name: str) -> Any:
        return inputs[wb.defined_names[name].attr_text.split("!")[1].replace("$", "")]

    assert named("inputs_municipal_funding").number_format == '#,##0" kr"'
    assert named("inputs_municipal_tax_rate").number_format == "0.00\\ %"  # 22,02 %, as given
    assert named("inputs_indirect_tax_rate").number_format == "0.0\\ %"
    assert named("analysis_intervention_years").number_format == "General"  # 1,3333 as typed
    tax = named("inputs_municipal_tax_rate")
    assert not inputs.cell(tax.row, 3).value  # the format says %
    assert inputs.cell(named("inputs_monthly_income").row, 3).value == "per månad"
    assert inputs.cell(named("analysis_horizons_years_1").row, 3).value == "år"
    # persons to two decimals as the report writes them, whole where always whole
    formats = {key.rsplit("/", 1)[1]: cell.number_format
               for _, key, cell in _sheet_cells(wb, layout("sv"))
               if key.startswith("society/break_even/")}
    assert formats == {"persons_exact": "0.00", "persons_whole": "0", "persons_half_steps": "0.0",
                       "payback_year": "0.00", "employment_rate": "0.0\\ %",
                       "required_value_per_year": '#,##0" kr"',
                       "required_value_per_participant_year": '#,##0" kr"'}


@pytest.mark.parametrize("scenario", [LIVA, LIVA_ACTORS], ids=["liva", "liva-actors"])
def test_sheets_read_on_screen_and_print_on_a_page(tmp_path: Path, scenario: Path) -> None:
    """Column names and the Inputs' names held in view; text too long for its column, where
    the next cell would cut it off, wrapped in a row tall enough to show it; each sheet printed
    landscape, one page wide."""
    book = tmp_path / "book.xlsx"
    assert run_cli("export", scenario, "-o", book, "--lang", "sv").code == 0
    wb = openpyxl.load_workbook(book)
    assert wb["Indata"].freeze_panes == "B3"
    assert wb["Påståenden"].freeze_panes == "B3"
    for ws in wb:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1
        for row in ws.iter_rows():
            for cell, after in zip(row, [*row[1:], None], strict=True):
                text = cell.value
                width = ws.column_dimensions[openpyxl.utils.get_column_letter(cell.column)].width
                cut = after is not None and after.value is not None
                if isinstance(text, str) and not text.startswith("=") and cut \
                        and len(text) > width * 1.2:
                    assert cell.alignment.wrap_text, (ws.title, cell.coordinate)
                    height = ws.row_dimensions[cell.row].height
                    assert (height or 0) > 15, (ws.title, cell.coordinate)
    headers = [c.value for c in wb["Indata"][2]]
    assert headers == ["Namn (i formler)", "Värde", "Enhet", "Beskrivning",
                       "Källa eller antagande", "Nyckelväg"]
    assert all(c.font.bold for c in wb["Indata"][2])


def test_a_changed_input_is_marked_beside_its_source(tmp_path: Path) -> None:
    book = tmp_path / "changed.xlsx"
    assert run_cli("export", LIVA, "-o", book, "--lang", "sv",
                   "--set", "inputs.municipal_funding=1500000").code == 0
    inputs = openpyxl.load_workbook(book)["Indata"]
    assert inputs["B3"].value == 1_500_000
    assert inputs["E3"].value.endswith(
        "Ändrat i denna körning: --set inputs.municipal_funding=1500000")


@pytest.mark.parametrize(("lang", "sheet", "years", "default"), [
    ("en", "Inputs", "years", "Not in the scenario: the default"),
    ("sv", "Indata", "år", "Finns inte i scenariot: standardvärdet")])
def test_an_optional_input_left_out_is_listed_as_its_default(
        tmp_path: Path, lang: str, sheet: str, years: str, default: str) -> None:
    """liva-actors states no discount rate or intervention years: the Inputs sheet lists them
    with their own unit (a share is a percentage, not years) and says, in the workbook's
    language, that they are defaults."""
    book = tmp_path / "defaults.xlsx"
    assert run_cli("export", LIVA_ACTORS, "-o", book, "--lang", lang).code == 0
    rows = {row[0].value: row for row in openpyxl.load_workbook(book)[sheet].iter_rows()
            if row[0].value}
    rate, intervention = rows["analysis_discount_rate"], rows["analysis_intervention_years"]
    assert rate[1].value == 0
    assert "%" in rate[1].number_format
    assert not rate[2].value
    assert intervention[2].value == years
    assert [row[4].value for row in (rate, intervention)] == [default, default]


def test_figures_are_right_aligned_so_never_lines_up_with_numbers(tmp_path: Path) -> None:
    """A figure that shows "never" or "no potential" is text in a column of numbers: aligned
    to the right as they are, not to the left, where it would touch the number before it."""
    book = tmp_path / "aligned.xlsx"
    assert run_cli("export", LIVA_ACTORS, "-o", book).code == 0
    sheet = openpyxl.load_workbook(book)["Key figures"]
    figures = [cell for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, str) and cell.value.startswith("=")]
    assert len(figures) >= 20
    assert {cell.alignment.horizontal for cell in figures} == {"right"}


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
