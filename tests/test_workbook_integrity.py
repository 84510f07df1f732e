"""The workbook of a scenario someone else wrote (issue 26): opening it must run nothing of
theirs, and Excel must not find it damaged.

One scenario per failure mode in ``tests/workbook_integrity/``, each
``tests/fixtures/actors.yaml`` with one change, and a ledger of 25 transfers from one actor in
one state generated from the same file:

- ``injected.yaml``: text that starts with ``=`` (a title ``=HYPERLINK(…)``, a description
  ``=WEBSERVICE(…)``, an actor ``=1+1``, a citation and a claim's section ``=cmd|…``) is stored as
  text, and LibreOffice shows it as written: nothing computes 2 from ``=1+1``;
- ``control_characters.yaml``: characters XML cannot hold are shown as their control pictures,
  with no traceback;
- ``sheet_names.yaml``: labels that are no sheet name become valid, distinct names, and every
  formula that names such a sheet still finds it (LibreOffice's figures equal payback's);
- 25 transfers: every formula within Excel's 8 192 characters (they grew threefold per
  transfer), the workbook small, its figures those of payback;
- the bundled scenarios in both languages: every formula within 8 192 characters;
- a long-view multiple of no cost is undefined in every output, as for a party that gains.

LibreOffice runs once for every book here (some seconds). That two exports give the same bytes
is in test_determinism.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTORS, ROOT, run_cli, run_process
from tests.test_workbook import compare, figures, key_figures, layout, recalculated

openpyxl = pytest.importorskip("openpyxl")

INTEGRITY = Path(__file__).resolve().parent / "workbook_integrity"
EXCEL_FORMULA_LIMIT = 8_192  # characters Excel reads in a formula
INJECTED = ['=HYPERLINK("http://127.0.0.1:9/leak","click me")',
            '=WEBSERVICE("http://127.0.0.1:9/leak")', "=1+1", "=cmd|' /C calc'!A0"]


def with_transfers(count: int, folder: Path) -> Path:
    """tests/fixtures/actors.yaml with ``count`` more transfers from the individual to the
    municipality in work: each subtracted from the individual's value, one after another."""
    text = ACTORS.read_text(encoding="utf-8")
    fees = "".join(f"  fee_{i}: {{value: {1000 * i}, unit: SEK/person-year, description: Fee "
                   f"{i}., assumption: By hand.}}\n" for i in range(1, count + 1))
    flows = "".join(f"        - {{transfer: fee_{i}, from: individual, to: municipality, "
                    "scales_with: [fte]}\n" for i in range(1, count + 1))
    last = ("        - {transfer: wage_cost, from: employment_service, to: individual, "
            "scales_with: [subsidy, fte]}\n")
    assert text.count(last) == 1
    text = text.replace("cohort:\n", fees + "cohort:\n", 1).replace(last, last + flows)
    path = folder / f"transfers-{count}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def exported(scenario: Path, book: Path, lang: str = "en") -> Path:
    result = run_cli("export", scenario, "-o", book, "--lang", lang)
    assert result.code == 0, result.stderr
    return book


def located(scenario: Path, lang: str = "en") -> tuple[dict[str, str], dict[str, str]]:
    """Where export puts each figure (figure key → 'Sheet'!C7): the perspectives' figures, and
    the key figures."""
    cells = layout(lang, scenario=scenario)
    return ({k: w for k, w in cells.items() if "/outcomes" not in k},
            {k: w for k, w in cells.items() if "/outcomes" in k})


def formula_cells(book: Any) -> list[Any]:
    return [cell for ws in book for row in ws.iter_rows() for cell in row
            if cell.data_type == "f"]


def text_cells(book: Any) -> dict[tuple[str, str], str]:
    return {(ws.title, cell.coordinate): cell.value for ws in book for row in ws.iter_rows()
            for cell in row if cell.data_type == "s" and cell.value}


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every workbook of these tests, exported. One that cannot be is left out (and out of the
    LibreOffice run): its own tests fail, the others' still run."""
    folder = tmp_path_factory.mktemp("books")
    sources = {name: (INTEGRITY / f"{name}.yaml", "en")
               for name in ("injected", "control_characters", "sheet_names")}
    sources |= {"transfers": (with_transfers(25, folder), "en"), "actors_en": (ACTORS, "en"),
                "actors_sv": (ACTORS, "sv")}
    made = {}
    for name, (scenario, lang) in sources.items():
        try:
            made[name] = exported(scenario, folder / f"{name}.xlsx", lang)
        except Exception:  # reported by the tests of that book
            continue
    return made


@pytest.fixture(scope="module")
def libreoffice(soffice: str, books: dict[str, Path],
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any]]:
    """Each workbook as LibreOffice saves it after computing every formula, in one run: its
    values, and its cells as LibreOffice stores them (text or formula)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    values = recalculated(soffice, list(books.values()), folder / "out", folder / "profile")
    return {name: (computed, openpyxl.load_workbook(folder / "out" / path.name))
            for (name, path), computed in zip(books.items(), values, strict=True)}


def test_scenario_text_that_starts_with_an_equals_sign_is_stored_as_text(
        books: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(books["injected"])
    texts = set(text_cells(book).values())
    for injected in INJECTED:
        assert any(t.startswith(injected) or injected in t for t in texts), injected
    assert book["Inputs"]["A1"].value == INJECTED[0]
    assert book["Inputs"]["A1"].data_type == "s"
    assert "=1+1" in book.sheetnames  # the actor's sheet: its name as it is
    assert (book["=1+1"]["A1"].value, book["=1+1"]["A1"].data_type) == ("=1+1", "s")
    parties = [row[0] for row in book["Key figures"].iter_rows() if row[0].value == "=1+1"]
    assert len(parties) == 3  # two groups, and all groups
    assert {c.data_type for c in parties} == {"s"}
    claim = next(row for row in book["Claims"].iter_rows() if row[0].value == "cost-injected")
    assert (claim[1].value, claim[1].data_type) == ("=cmd|' /C calc'!A0", "s")
    for cell in formula_cells(book):
        outside_sheet_names = re.sub(r"'(?:[^']|'')*'!", "", cell.value)
        assert not re.search(r"HYPERLINK|WEBSERVICE|cmd\||1\+1|2\+2|3\+3", outside_sheet_names), (
            cell.parent.title, cell.coordinate, cell.value)


def test_libreoffice_shows_the_injected_text_as_written_and_computes_nothing_of_it(
        books: dict[str, Path], libreoffice: dict[str, tuple[Any, Any]]) -> None:
    """Every text cell of the export holds the same text once LibreOffice has computed the
    workbook, stored as text: "=1+1" stays "=1+1" (a formula would have made it 2)."""
    texts = text_cells(openpyxl.load_workbook(books["injected"]))
    computed, stored = libreoffice["injected"]
    for (sheet, cell), text in texts.items():
        assert computed[sheet][cell].value == text, (sheet, cell)
        assert stored[sheet][cell].data_type == "s", (sheet, cell)
    assert computed["=1+1"]["A1"].value == "=1+1"
    assert all(not re.search(r"HYPERLINK|WEBSERVICE|cmd\|", c.value)
               for c in formula_cells(stored))
    scenario = INTEGRITY / "injected.yaml"
    count, _, _ = compare(computed, located(scenario)[0], figures(scenario=scenario), "en")
    assert count > 100


def test_control_characters_are_shown_not_a_traceback(tmp_path: Path,
                                                      books: dict[str, Path]) -> None:
    """A vertical tab, an escape and a form feed, which XML 1.0 cannot hold (openpyxl stopped
    with IllegalCharacterError), are written as their control pictures: ␋ ␛ ␌."""
    book = tmp_path / "control.xlsx"
    result = run_process("export", INTEGRITY / "control_characters.yaml", "-o", book)
    assert (result.code, result.stderr) == (0, "")
    wb = openpyxl.load_workbook(book)
    assert wb["Inputs"]["A1"].value == "Actors␋and flows"
    assert "Volunteers'␛ time." in text_cells(wb).values()
    assert "Indi␌vidual" in wb.sheetnames
    assert book.read_bytes() == books["control_characters"].read_bytes()


def test_libreoffice_reads_the_control_pictures(libreoffice: dict[str, tuple[Any, Any]]) -> None:
    computed, _ = libreoffice["control_characters"]
    assert computed["Inputs"]["A1"].value == "Actors␋and flows"
    assert computed["Indi␌vidual"]["A1"].value == "Indi␌vidual"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_sheet_names_are_valid_and_distinct(tmp_path: Path, lang: str) -> None:
    wb = openpyxl.load_workbook(exported(INTEGRITY / "sheet_names.yaml", tmp_path / "s.xlsx",
                                         lang))
    names = wb.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert name.strip(), name
        assert len(name) <= 31, name
        assert not re.search(r"[\[\]:*?/\\]", name), name
        assert name[0] != "'", name
        assert name[-1] != "'", name
        assert name.casefold() != "history"
    expected = {"en": ["The answer", "Inputs", "Society", "The municipality's _a__b_c_d_e_",
                       "The participant, 31 characters", "INPUTS 2", "Key figures"],
                "sv": ["Svaret i korthet", "Indata", "Samhället", "Kommunens _a__b_c_d_e_f",
                       "History 2", "indata 2", "Nyckeltal"]}
    assert names == expected[lang]
    quoted = [c.value for c in formula_cells(wb) if "municipality''s" in c.value]
    assert quoted or lang == "sv"  # a name's apostrophe is doubled in a reference


def test_every_formula_naming_such_a_sheet_finds_it(
        libreoffice: dict[str, tuple[Any, Any]]) -> None:
    computed, _ = libreoffice["sheet_names"]
    scenario = INTEGRITY / "sheet_names.yaml"
    cells, outcomes = located(scenario)
    count, _, _ = compare(computed, cells, figures(scenario=scenario), "en")
    key_count, _, _ = compare(computed, outcomes, key_figures(scenario=scenario), "en")
    assert count == len(cells) > 100
    assert key_count == len(outcomes) > 20


def test_many_transfers_give_formulas_excel_reads(tmp_path: Path) -> None:
    """Each subtraction wrote both its operands three times, so a value of n transfers from one
    actor held 3^n copies of its first term: five transfers passed 32 767 characters (cut
    short, exit 0), 14 took minutes and gigabytes. A part a formula would repeat now has a cell
    of its own: 20 more transfers add less than the workbook of five has."""
    sizes = {}
    for count in (5, 25):
        book = exported(with_transfers(count, tmp_path), tmp_path / f"{count}.xlsx")
        lengths = [len(c.value) for c in formula_cells(openpyxl.load_workbook(book))]
        assert max(lengths) <= EXCEL_FORMULA_LIMIT
        sizes[count] = sum(lengths), book.stat().st_size
    assert sizes[25][0] - sizes[5][0] < sizes[5][0]
    assert sizes[25][1] - sizes[5][1] < sizes[5][1]
    assert sizes[25][1] < 100_000


def test_libreoffice_computes_the_many_transfers_as_payback_does(
        libreoffice: dict[str, tuple[Any, Any]], tmp_path: Path) -> None:
    scenario = with_transfers(25, tmp_path)
    computed, _ = libreoffice["transfers"]
    cells, outcomes = located(scenario)
    count, largest, _ = compare(computed, cells, figures(scenario=scenario), "en")
    assert count == len(cells) > 300
    assert compare(computed, outcomes, key_figures(scenario=scenario), "en")[0] == len(outcomes)
    print(f"\n25 transfers: {count} figures equal payback's JSON; largest relative difference "
          f"{largest:.1e}")


@pytest.mark.parametrize("scenario", sorted((ROOT / "scenarios").glob("*.yaml")),
                         ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_bundled_formula_is_within_excels_limit(tmp_path: Path, scenario: Path,
                                                      lang: str) -> None:
    """liva-actors had four formulas over 8 192 characters (the longest 12 092): Excel calls
    such a file damaged."""
    book = openpyxl.load_workbook(exported(scenario, tmp_path / "b.xlsx", lang))
    assert max(len(c.value) for c in formula_cells(book)) <= EXCEL_FORMULA_LIMIT


def test_a_multiple_of_no_cost_is_undefined_in_every_output(
        tmp_path: Path, libreoffice: dict[str, tuple[Any, Any]]) -> None:
    """The employment service pays nothing; the move leaves it untouched at 0 % subsidy and
    costs it 150 000 kr a person-year at 50 %. Its long view as a multiple of its cost was 0×,
    as if paying nothing were no gain; it is undefined, as for the individual, who gains and
    pays nothing."""
    data = json.loads(run_cli("payback", ACTORS, "-f", "json").stdout)
    multiples = {p["key"]: [v["long_view_multiple"] for v in p["values"]]
                 for p in data["perspectives"]}
    assert multiples["employment_service"] == multiples["individual"] == [None, None]
    assert multiples["municipality"] == [2.4, 2.4]
    explained = json.loads(run_cli("payback", ACTORS, "-f", "json", "--explain").stdout)
    service = next(p for p in explained["perspectives"] if p["key"] == "employment_service")
    assert service["values"][1]["long_view_multiple"]["formula"] == "share(long_view, cost)"
    csv = run_cli("payback", ACTORS, "-f", "csv").stdout.splitlines()
    assert "employment_service,values,long_view_multiple,0.5,,,,,multiple" in csv
    table = run_cli("payback", ACTORS).stdout
    service_table = table[table.index("Employment service: cost and value"):]
    assert service_table.count("… as a multiple of the cost                          n/a") == 2
    report = tmp_path / "report.html"
    assert run_cli("report", ACTORS, "-o", report).code == 0
    html = re.sub(r"<[^>]+>", " ", report.read_text(encoding="utf-8"))
    assert "0×" not in html
    for lang in ("en", "sv"):
        computed, _ = libreoffice[f"actors_{lang}"]
        cells = located(ACTORS, lang)[0]
        compare(computed, cells, figures(scenario=ACTORS), lang)  # null: "n/a" / "–"
        for rate in (0, 0.5):
            sheet, cell = cells[f"employment_service/values/subsidy_rate={rate:g}/"
                                "long_view_multiple"].rsplit("!", 1)
            assert computed[sheet.strip("'")][cell].value == {"en": "n/a", "sv": "–"}[lang]
