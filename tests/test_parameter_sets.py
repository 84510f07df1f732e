"""The bundled parameter sets 2019–2026 and every municipality's tax rates: each figure with its
source (or its derivation, or why it is missing), a sample held to the numbers its sources print,
and a scenario that names its year and municipality once."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from nyttocalc import bundled
from nyttocalc.scenario import local_tax, parameter_sets
from nyttocalc.scenario.load import load
from nyttocalc.scenario.schema import ComputedInput
from tests.conftest import FIXTURES, run_cli

YEARS = range(2019, 2027)
SETS = [f"se-{year}" for year in YEARS]
TABLE = local_tax.table("se-local-tax-rates")
SOURCES_FILE = local_tax.TABLES / "se-local-tax-rates.md"
UMEA_2025 = FIXTURES / "parameter_sets" / "umea-2025.yaml"
SAMPLE = ("Östersund", "Umeå", "Stockholm", "Malmö", "Bjurholm", "Dorotea")


def test_a_set_for_every_year_2019_to_2026() -> None:
    assert bundled.parameter_set_names() == SETS
    for name, year in zip(SETS, YEARS, strict=True):
        parameters = parameter_sets.parameter_set(name)
        assert parameters.year == year
        assert parameters.local_tax_rates == "se-local-tax-rates"


@pytest.mark.parametrize("name", SETS)
def test_every_figure_has_a_source_or_says_why_not(name: str) -> None:
    """Each input cites a source the file lists (document, section, words), or gives the
    assumption or derivation behind it; each figure the set lacks says why."""
    parameters = parameter_sets.parameter_set(name)
    for key, item in parameters.inputs.items():
        assert (item.source is None) != (item.assumption is None), key
        if item.source is not None:
            assert item.source.document in parameters.sources, key
            assert item.source.quote.strip(), key
            assert item.source.section.strip(), key
        assert not isinstance(item, ComputedInput), key  # a set gives figures, not formulas
    for key, missing in parameters.missing.items():
        assert key not in parameters.inputs
        assert (missing.not_found or missing.not_in_force or "").strip(), key


def test_every_municipality_every_year_has_three_rates_each_sourced_or_derived() -> None:
    for year in YEARS:
        assert TABLE.count(year) == 290
        for municipality in TABLE.municipalities.values():
            rates = TABLE.rates(year, municipality)
            assert rates is not None
            assert rates.rates["municipal"] + rates.rates["regional"] == rates.rates["total"]
            figures = TABLE.figures(rates)
            assert [f.name for f in figures] == list(local_tax.INPUTS)
            for figure in figures:
                assert (figure.source is None) != (figure.derived is None)
                if figure.derived is not None:
                    assert figure.derived.startswith("Derived:"), figure
                else:
                    assert figure.source is not None
                    key = figure.source["document"].removeprefix(local_tax.SOURCE_PREFIX)
                    assert key in TABLE.meta["sources"], figure


def test_the_tables_sources_never_clash_with_a_sets() -> None:
    """A scenario gets both a set's sources and the table's: their keys must differ."""
    table_keys = {local_tax.SOURCE_PREFIX + key for key in TABLE.meta["sources"]}
    for name in SETS:
        assert not table_keys & set(parameter_sets.parameter_set(name).sources)


# ---- the sample against the numbers its sources print --------------------------------------

_QUOTE_ROW = re.compile(r"^\| (\d{4}) \| (\d{4}) \| ([^|]+?) \| ([\d.]+) \| ([\d.]+) \| "
                        r"([\d.]+) \| (.+) \|$")


def _quoted_rows() -> list[tuple[int, str, str, dict[str, Decimal], str]]:
    """The rows of "Quote lines for six municipalities" in the sources file: year, code, name,
    the three rates, and the quotes as the researcher copied them from each source."""
    rows = []
    for line in SOURCES_FILE.read_text(encoding="utf-8").splitlines():
        found = _QUOTE_ROW.match(line)
        if found:
            year, code, name, municipal, regional, total, quote = found.groups()
            rows.append((int(year), code, name, {"municipal": Decimal(municipal),
                                                "regional": Decimal(regional),
                                                "total": Decimal(total)}, quote))
    return rows


def test_the_sample_is_every_year_of_six_municipalities() -> None:
    rows = _quoted_rows()
    assert {(year, name) for year, _, name, _, _ in rows} == {
        (year, name) for year in YEARS for name in SAMPLE}


@pytest.mark.parametrize(("year", "code", "name", "rates", "quote"), _quoted_rows(),
                         ids=lambda v: str(v) if isinstance(v, int | str) else "")
def test_a_sample_municipality_is_what_its_sources_print(
        year: int, code: str, name: str, rates: dict[str, Decimal], quote: str) -> None:
    """Source: the quote lines of se-local-tax-rates.md, copied from SCB's TAB2017 (the JSON
    cell `value[i]` with the total as printed, or the px file's DATA line "total kommun
    region") and, for Östersund, ostersund.se's row "year kommun region total". Exact: the
    rates are two-decimal numbers, compared as decimals."""
    municipality = TABLE.municipality(name)
    assert municipality.code == code
    found = TABLE.rates(year, municipality)
    assert found is not None
    assert found.rates == rates
    figures = {f.name: f for f in TABLE.figures(found)}
    total = figures["local_tax_rate_total"].source
    assert total is not None
    cell = re.search(r"`value\[(\d+)\]` = `([\d.]+)`", quote)
    if cell:  # SCB's JSON: the cell's index and the number as the JSON prints it
        assert f"[{cell.group(1)}]" in total["section"]
        assert total["quote"] == cell.group(2)
        assert Decimal(cell.group(2)) == rates["total"]
    px = re.search(r"px DATA line (\d+): `([\d. ]+)`", quote)
    if px:  # SCB's px file: every rate from the one line
        for figure in figures.values():
            assert figure.source is not None
            assert figure.source["quote"] == px.group(2)
            assert f"line {px.group(1)}" in figure.source["section"]
        assert [Decimal(c) for c in px.group(2).split()] == [
            rates["total"], rates["municipal"], rates["regional"]]
    assert cell or px
    page = re.search(r"ostersund\.se(?: row)? `(\d{4}) ([\d,]+) ([\d,]+) ([\d,]+)`", quote)
    if page:  # Östersund's own page: year, kommunen, regionen, totalt
        printed = [Decimal(c.replace(",", ".")) for c in page.groups()[1:]]
        assert printed == [rates["municipal"], rates["regional"], rates["total"]]


def _skatteverket_rows() -> list[tuple[int, str, str]]:
    """The rows of Skatteverket's files quoted in the sources file (round 2): year, the
    municipality in capitals, and the row as printed."""
    rows = []
    text = SOURCES_FILE.read_text(encoding="utf-8")
    for row in re.findall(r"`((?:20)?\d\d;\d\d \d\d;[^`]+)`", text):
        cells = row.split(";")
        if len(cells) < 8:
            continue  # the line the 2020 copy's owner added ("Välj kommun"), not a rate
        year = int(cells[0]) if len(cells[0]) == 4 else 2000 + int(cells[0])
        rows.append((year, cells[2], row))
    return rows


@pytest.mark.parametrize(("year", "upper", "row"), _skatteverket_rows())
def test_a_municipality_stated_by_skatteverket_quotes_the_files_cells(
        year: int, upper: str, row: str) -> None:
    """Source: Skatteverket's "Skattesatser per kommun" rows quoted in se-local-tax-rates.md;
    columns 7 and 8 are Kommunal-skatt and Landstings-skatt. Exact."""
    municipality = next(m for m in TABLE.municipalities.values() if m.name.upper() == upper)
    found = TABLE.rates(year, municipality)
    assert found is not None
    cells = row.split(";")
    assert [Decimal(cells[6]), Decimal(cells[7])] == [found.rates["municipal"],
                                                      found.rates["regional"]]
    figures = {f.name: f for f in TABLE.figures(found)}
    cited = figures["municipal_tax_rate"].source
    if year < 2026:  # 2026 is cited from SCB's px file, which prints the same numbers
        assert cited is not None
        assert cited["quote"] in row


def test_a_rate_no_source_states_is_derived_and_says_how() -> None:
    """2022 has no Skatteverket file: Västerbotten's regional rate is derived from the years
    around it and the statements that no region changed its rate; Umeå's own rate is SCB's
    total less it."""
    umea = TABLE.rates(2022, TABLE.municipality("Umeå"))
    assert umea is not None
    figures = {f.name: f for f in TABLE.figures(umea)}
    regional, municipal = figures["regional_tax_rate"], figures["municipal_tax_rate"]
    assert regional.source is None
    assert regional.derived is not None
    assert regional.derived.startswith("Derived: Region Västerbotten's rate of 2022 (11,35 %)")
    assert "no region changed its rate" in regional.derived
    assert municipal.derived is not None
    assert "SCB's total rate 34,15 % less the regional rate 11,35 %" in municipal.derived
    assert figures["local_tax_rate_total"].source is not None  # SCB states the total


# ---- a scenario that names its year and municipality once ----------------------------------

def test_a_scenario_in_umea_2025_computes_its_taxes_from_that_years_figures() -> None:
    """25 000 kr a month in Umeå, 2025 (prisbasbelopp 58 800 kr; Umeå 22,80 %, Region
    Västerbotten 11,35 %, total 34,15 %, Skatteverket's 2025 file and SCB), by hand:
    grundavdrag 0,77 × 58 800 − 10 % × (300 000 − 3,11 × 58 800) = 45 276 − 11 713,2 =
    33 562,8, rounded up to 33 600; taxable 266 400; municipal tax 266 400 × 22,80 % =
    60 739,20; regional tax × 11,35 % = 30 236,40; employer contributions 31,42 % × 300 000 =
    94 260; no state tax (skiktgräns 625 800); jobbskatteavdrag (1,813 × 58 800 + 19,9 % ×
    (300 000 − 3,24 × 58 800) − 33 600) × 34,15 % = 94 792,512 × 0,3415 = 32 371,64.
    Tolerance: 1e-9 relative (binary floating point)."""
    model = load(UMEA_2025).model
    expected = {"basic_allowance": 33_600, "taxable_income": 266_400,
                "municipal_income_tax": 60_739.20, "regional_income_tax": 30_236.40,
                "employer_contributions": 94_260, "state_income_tax": 0,
                "work_tax_credit": 94_792.512 * 0.3415}
    for name, value in expected.items():
        assert model.input_value(name) == pytest.approx(value, rel=1e-9), name
    assert model.input_value("municipal_tax_rate") == 0.228
    assert model.input_value("price_base_amount") == 58_800


def test_the_same_scenario_by_code_and_in_another_case_gives_the_same_figures(
        tmp_path: Path) -> None:
    text = UMEA_2025.read_text(encoding="utf-8")
    for given in ("2480", "UMEÅ", "umeå"):
        path = tmp_path / f"{given}.yaml"
        path.write_text(text.replace("municipality: Umeå", f"municipality: '{given}'"),
                        encoding="utf-8")
        assert load(path).model.input_value("municipal_income_tax") == pytest.approx(60_739.2)


@pytest.mark.parametrize(("given", "fragments"), [
    ("Umea", ["line 6, uses.0.municipality: 'Umea' is not the name of a Swedish municipality "
              "(did you mean 'Umeå'?)"]),
    ("'9999'", ["9999 is not the code of a municipality"]),
    ("Stockholms stad", ["(did you mean 'Stockholm'?)"]),
])
def test_a_municipality_not_in_the_table_is_one_paragraph(
        tmp_path: Path, given: str, fragments: list[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(UMEA_2025.read_text(encoding="utf-8").replace(
        "municipality: Umeå", f"municipality: {given}"), encoding="utf-8")
    run = run_cli("payback", path)
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    for fragment in fragments:
        assert fragment in run.stderr


def test_a_figure_the_set_lacks_is_named_with_its_place_and_reason(tmp_path: Path) -> None:
    """se-2025 has no riksnorm (only the uprating was found): a scenario that uses it is told
    which figure, where, and why — not "not an input" — and nothing is computed."""
    path = tmp_path / "s.yaml"
    path.write_text(UMEA_2025.read_text(encoding="utf-8").replace(
        'formula: "{monthly_wage} × 12"',
        'formula: "{monthly_wage} × 12 + {social_assistance_norm_single_personal} × 0"'),
        encoding="utf-8")
    run = run_cli("payback", path)
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert ("uses a figure that its parameter sets do not have: "
            "social_assistance_norm_single_personal (SEK/month), used at line 12, "
            "inputs.yearly_wage.formula: se-2025 has no such figure — not found: the riksnorm "
            "for 2025 was not found") in run.stderr
    assert "Give it in the scenario's `inputs`" in run.stderr


def test_a_figure_the_set_lacks_can_be_given_by_the_scenario(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    text = UMEA_2025.read_text(encoding="utf-8").replace(
        'formula: "{monthly_wage} × 12"',
        'formula: "{monthly_wage} × 12 + {social_assistance_norm_single_personal} × 0"')
    text = text.replace("inputs:\n", "inputs:\n  social_assistance_norm_single_personal: "
                        "{value: 3500, unit: SEK/month, description: Norm., assumption: A "
                        "test.}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert load(path).model.input_value("yearly_wage") == 300_000


# ---- nyttocalc parameters ------------------------------------------------------------------

def test_parameters_lists_every_set_with_its_year() -> None:
    run = run_cli("parameters", "-f", "json")
    assert run.code == 0, run.stderr
    listed = json.loads(run.stdout)["parameter_sets"]
    assert [s["name"] for s in listed] == SETS
    assert [s["year"] for s in listed] == list(YEARS)
    assert {s["municipalities"] for s in listed} == {290}
    table = run_cli("parameters")
    assert "se-2025   2025   Swedish public figures, 2025" in table.stdout
    assert "290 municipalities" in table.stdout


def test_parameters_shows_each_figure_with_its_source_and_the_municipalitys_rates() -> None:
    run = run_cli("parameters", "se-2025", "--municipality", "umeå", "-f", "json")
    assert run.code == 0, run.stderr
    shown = json.loads(run.stdout)
    assert shown["municipality"] == "Umeå (2480)"
    figures = {f["name"]: f for f in shown["figures"]}
    municipal = figures["municipal_tax_rate"]
    assert (municipal["value"], municipal["unit"], municipal["basis"]) == (0.228, "share",
                                                                          "source")
    assert municipal["source"]["quote"] == "22.8;11.35"
    assert municipal["source"]["title"] == "Skattesatser per kommun 2025"
    assert figures["price_base_amount"]["source"]["quote"] == (
        "Prisbasbeloppet för 2025 är 58 800 kronor.")
    assert figures["state_tax_breakpoint"]["basis"] == "derived"
    lacking = figures["social_assistance_norm_single_personal"]
    assert (lacking["basis"], lacking["value"]) == ("missing", None)
    assert "riksnorm for 2025 was not found" in lacking["reason"]
    assert figures["state_tax_threshold_upper"]["basis"] == "not_in_force"
    table = run_cli("parameters", "se-2025", "--municipality", "Umeå")
    assert "Municipality: Umeå (2480)" in table.stdout
    assert "22.8%" in table.stdout


def test_parameters_says_when_a_municipalitys_rate_is_derived() -> None:
    run = run_cli("parameters", "se-2022", "--municipality", "2480", "-f", "json")
    figures = {f["name"]: f for f in json.loads(run.stdout)["figures"]}
    assert figures["regional_tax_rate"]["basis"] == "derived"
    assert figures["regional_tax_rate"]["reason"].startswith("Derived:")


@pytest.mark.parametrize(("args", "fragment"), [
    (("parameters", "se-2018"), "'se-2018' is not a parameter set that comes with nyttocalc "
                                "(did you mean 'se-2019'?)"),
    (("parameters", "se-2025", "--municipality", "Umea"), "(did you mean 'Umeå'?)"),
    (("parameters", "--municipality", "Umeå"), "--municipality needs a parameter set"),
    (("parameters", "-f", "csv"), "use --format table, markdown or json"),
])
def test_parameters_refuses_what_it_cannot_show(args: tuple[str, ...], fragment: str) -> None:
    run = run_cli(*args)
    assert run.code == 2
    assert run.stdout == ""
    assert fragment in run.stderr
    assert run.stderr.count("\n") == 1
