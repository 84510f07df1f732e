"""Every municipality's local income tax rates, by year, each with its source.

A bundled table (``parameters/tables/``) holds, per municipality and year, the municipal, the
regional and the total rate (percent, two decimals), which source states each, and the regional
rate of every region and year with its own source. A scenario names a municipality once, with
a parameter set (``uses: [{parameters: se-2025, municipality: Umeå}]``), and gets three inputs:
``municipal_tax_rate``, ``regional_tax_rate`` and ``local_tax_rate_total``. A rate that a source
states is cited (document, section, the words as the source prints them); one that none states
is an assumption that begins "Derived:" and says how it was derived. Nothing is guessed: a
municipality or year the table lacks is an error.
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from nyttocalc import bundled
from nyttocalc.scenario import keypath, yamlsafe

TABLES = bundled.PARAMETERS / "tables"
SOURCE_PREFIX = "tax-"  # a table's source keys in a scenario: apart from the parameter sets'
INPUTS = ("municipal_tax_rate", "regional_tax_rate", "local_tax_rate_total")
RATES = ("municipal", "regional", "total")  # the table's names for them, in the same order


@dataclass(frozen=True)
class Municipality:
    code: str  # four digits, SCB's
    name: str  # as SCB writes it
    index: int  # its place in SCB's table TAB2017 (the municipalities in order of their codes)

    @property
    def region_code(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Rates:
    year: int
    municipality: Municipality
    rates: dict[str, Decimal]  # municipal, regional, total, in percent
    source_key: str  # how the row is known (a key of the table's `states`, or a description)


@dataclass(frozen=True)
class RegionalRate:
    region: str
    rate: Decimal
    status: str  # "stated …", "derived", "structural …"
    source_key: str
    quote: str
    note: str


@dataclass(frozen=True)
class Figure:
    """One rate of one municipality and year, as an input: its value as a share, and either a
    citation or the derivation."""

    name: str
    value: float
    description: str
    source: dict[str, str] | None
    derived: str | None

    def as_input(self) -> dict[str, Any]:
        reason = ({"source": self.source} if self.source is not None
                  else {"assumption": self.derived})
        return {"value": self.value, "unit": "share", "description": self.description, **reason}


class Table:
    """A table of local tax rates: the rows, the regional rates and how each is known."""

    def __init__(self, name: str, rows: list[dict[str, str]],
                 regional: list[dict[str, str]], meta: dict[str, Any]) -> None:
        self.name = name
        self.meta = meta
        codes = sorted({row["municipality_code"] for row in rows})
        names = {row["municipality_code"]: row["municipality"] for row in rows}
        self.municipalities = {code: Municipality(code, names[code], index)
                               for index, code in enumerate(codes)}
        self.rows = {(int(row["year"]), row["municipality_code"]): Rates(
            int(row["year"]), self.municipalities[row["municipality_code"]],
            {rate: Decimal(row[f"{rate}_rate"]) for rate in RATES}, row["source_key"])
            for row in rows}
        self.regional = {(int(row["year"]), row["lan_code"]): RegionalRate(
            row["region"], Decimal(row["regional_rate"]), row["status"], row["source_key"],
            row["quote"], row["note"]) for row in regional}

    def years(self) -> list[int]:
        return sorted({year for year, _ in self.rows})

    def count(self, year: int) -> int:
        """How many municipalities the table has rates of in ``year``."""
        return sum(1 for known, _ in self.rows if known == year)

    def years_text(self) -> str:
        years = self.years()
        return f"{years[0]}–{years[-1]}" if years else "none"

    def municipality(self, given: str | int) -> Municipality:
        """The municipality a scenario names, by its name (case does not matter; å, ä and ö
        do) or its four-digit code; otherwise a LookupError with the closest names."""
        if isinstance(given, int) or given.strip().isdigit():
            code = f"{int(given):04d}"
            if code in self.municipalities:
                return self.municipalities[code]
            raise LookupError(f"{code} is not the code of a municipality in {self.name}; codes "
                              "have four digits, as SCB's: 2480 for Umeå, 0180 for Stockholm")
        wanted = _folded(given)
        for municipality in self.municipalities.values():
            if _folded(municipality.name) == wanted:
                return municipality
        names = [m.name for m in self.municipalities.values()]
        close = keypath.did_you_mean(wanted, [_folded(n) for n in names])
        for name in names:  # show the name as SCB writes it, not folded
            close = close.replace(f"'{_folded(name)}'", f"'{name}'")
        raise LookupError(f"{given!r} is not the name of a Swedish municipality{close}; write "
                          "it as SCB does (Umeå, Malung-Sälen, Upplands Väsby) or give its "
                          "four-digit code")

    def rates(self, year: int, municipality: Municipality) -> Rates | None:
        return self.rows.get((year, municipality.code))

    def figures(self, rates: Rates) -> list[Figure]:
        """The three rates of a row as inputs, in the order of ``INPUTS``."""
        fields = self._fields(rates)
        regional = self.regional.get((rates.year, rates.municipality.region_code))
        where = f"{rates.municipality.name} ({rates.municipality.code})"
        descriptions = {
            "municipal": f"The municipality's own income tax rate {rates.year} in {where} "
                         "(kommunalskatt, without "
                         "the region's, the burial fee and the church fee).",
            "regional": f"The regional income tax rate {rates.year} in {where}"
                        + (f" ({regional.region})." if regional else "."),
            "total": f"The total local income tax rate {rates.year} in {where} (municipality "
                     "and region, without the burial fee and the church fee).",
        }
        return [Figure(name, float(rates.rates[rate] / 100), descriptions[rate],
                       *self._basis(rate, rates, regional, fields))
                for name, rate in zip(INPUTS, RATES, strict=True)]

    def inputs(self, rates: Rates) -> dict[str, dict[str, Any]]:
        return {figure.name: figure.as_input() for figure in self.figures(rates)}

    def sources_of(self, rates: Rates) -> dict[str, dict[str, Any]]:
        """The sources the row's figures cite, under the keys the citations use."""
        cited = {f.source["document"] for f in self.figures(rates) if f.source is not None}
        return {key: self.meta["sources"][key.removeprefix(SOURCE_PREFIX)]
                for key in sorted(cited)}

    def _basis(self, rate: str, rates: Rates, regional: RegionalRate | None,
               fields: dict[str, str]) -> tuple[dict[str, str] | None, str | None]:
        states = self.meta["states"].get(rates.source_key)
        if states is not None and rate in states["rates"]:
            return _citation(states, fields), None
        if rate == "total":
            return _citation(self.meta["total"], fields), None
        if regional is None:
            raise LookupError(f"{self.name} has no regional rate of {rates.year} for the "
                              f"region {rates.municipality.region_code}")
        if rate == "regional":
            if regional.status.startswith("structural"):
                return None, f"Derived: {regional.note}"
            if regional.status.startswith("stated"):
                return _citation({"source": regional.source_key,
                                  "section": f"{regional.region}, {rates.year}",
                                  "quote": regional.quote, "note": regional.note}, {}), None
            return None, (f"Derived: {regional.region}'s rate of {rates.year} "
                          f"({fields['regional_sv']} %) is stated by no source read for that "
                          f"year. {regional.note.rstrip('.')}.")
        if not rates.rates["regional"]:
            return None, (f"Derived: {rates.municipality.name} levies the whole local rate (no "
                          f"region levies a tax there), so its own rate is SCB's total, "
                          f"{fields['total_sv']} %.")
        how = ("stated by a source" if regional.status.startswith("stated")
               else "itself derived")
        return None, (f"Derived: SCB's total rate {fields['total_sv']} % less the regional "
                      f"rate {fields['regional_sv']} % ({how}; see regional_tax_rate); no "
                      f"source read states {rates.municipality.name}'s own rate for "
                      f"{rates.year}.")

    def _fields(self, rates: Rates) -> dict[str, str]:
        m = rates.municipality
        fields = {"name": m.name, "upper": m.name.upper(), "code": m.code,
                  "year": str(rates.year), "index": str(m.index), "px_line": str(m.index + 1),
                  "json_index": str(27 * m.index + rates.year - 2000)}
        for rate, value in rates.rates.items():
            fields |= {f"{rate}2": f"{value:.2f}", f"{rate}_sv": f"{value:.2f}".replace(".", ","),
                       f"{rate}_json": _shortest(value, keep_point=False),
                       f"{rate}_short": _shortest(value, keep_point=True)}
        return fields


def _citation(spec: dict[str, Any], fields: dict[str, str]) -> dict[str, str]:
    cited = {"document": SOURCE_PREFIX + spec["source"],
             "section": spec["section"].format(**fields),
             "quote": spec["quote"].format(**fields)}
    if spec.get("note"):
        cited["note"] = spec["note"].format(**fields)
    return cited


def _shortest(value: Decimal, keep_point: bool) -> str:
    """A rate as a program prints a float: 34.5; 33 (JSON) or 33.0 (Python)."""
    text = f"{value:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") and keep_point else text.rstrip(".")


def _folded(name: str) -> str:
    """A name compared without case or spacing; å, ä and ö stay letters of their own."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@dataclass(frozen=True)
class Local:
    """A municipality's rates of one year, from a table: what a scenario gets."""

    table: Table
    rates: Rates

    @property
    def municipality(self) -> Municipality:
        return self.rates.municipality

    def scenario_data(self) -> dict[str, Any]:
        """The sources and inputs to add to a scenario."""
        return {"sources": self.table.sources_of(self.rates),
                "inputs": self.table.inputs(self.rates)}


def lookup(parameters: dict[str, Any], parameter_set: str, given: str | int) -> Local:
    """The rates of the municipality ``given`` in the year of a parameter file, from the table
    the file names; a LookupError saying what is missing otherwise."""
    table_name, year = parameters.get("local_tax_rates"), parameters.get("year")
    if table_name is None or year is None:
        raise LookupError(f"{parameter_set} has no table of local tax rates (its "
                          "`local_tax_rates` and `year`); give the municipality's rates as "
                          "inputs instead, or use a bundled Swedish set such as se-2025")
    found = table(table_name)
    municipality = found.municipality(given)
    rates = found.rates(year, municipality)
    if rates is None:
        raise LookupError(f"the table {table_name} has no rates of {municipality.name} for "
                          f"{year}; it has the years {found.years_text()}")
    return Local(found, rates)


def names() -> list[str]:
    """The bundled tables, by name."""
    return sorted(path.stem for path in TABLES.glob("*-local-tax-rates.yaml"))


@functools.cache
def table(name: str) -> Table:
    """The bundled table ``name`` (its CSV, the regional rates beside it, and its YAML); a
    LookupError if there is none of that name."""
    if name not in names():
        raise LookupError(f"{name!r} is not a table of local tax rates that comes with "
                          f"nyttocalc; the tables: {', '.join(names())}")
    folder = TABLES
    meta = yamlsafe.parse((folder / f"{name}.yaml").read_text(encoding="utf-8")).data
    regional_name = name.replace("local", "regional")
    return Table(name, list(_rows(folder / f"{name}.csv")),
                 list(_rows(folder / f"{regional_name}.csv")), meta)


def _rows(path: Any) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
