"""The Excel workbook of ``nyttocalc export``: inputs in named cells, every figure a live formula.

- Inputs: every number of the scenario (each listed horizon and subsidy rate apart) with its key
  path, description, unit and source or assumption; the value cell is named after the key path
  (``inputs_municipal_funding``, ``analysis_subsidy_rates_1``). A computed input is a formula.
- One sheet per perspective (per actor, once there are actors): the analysis' result groups as
  tables, a row per result row, a column per dimension and per figure, with the formula
  ``--explain`` prints above each figure column; figures computed on the way that no table shows
  (a cost in present value) below them. Each figure cell's formula is its ``Figure``'s template
  translated by ``excel``, so changing an input recomputes every figure that depends on it.
- Claims (when the scenario has claims): each published figure, the computed figure as a live
  formula, and the verdict and explanation as ``check`` gave them at export.

openpyxl is an optional extra, imported only by ``export``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nyttocalc.core.figures import Figure, Term, Unit
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis, PerspectiveResult, input_term
from nyttocalc.report import excel
from nyttocalc.report.document import symbolic
from nyttocalc.report.i18n import label
from nyttocalc.report.rows import parts
from nyttocalc.run import InputInfo, RunInfo

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from nyttocalc.core.claims import ClaimResult

NEVER_TEXT = {"en": "never", "sv": "aldrig"}


def name_of(path: str) -> str:
    """The defined name of a scenario number's cell: its key path with dots as underscores."""
    return path.replace(".", "_")


def number_format(unit: Unit | None, lang: str) -> str:
    """Excel's format code for a unit; Excel shows the separators of its own locale, so a Swedish
    Excel writes 2 750 000 kr and 16,3 %."""
    swedish = lang == "sv"
    if unit in (Unit.SEK, Unit.SEK_PER_YEAR, Unit.SEK_PER_PERSON_YEAR, Unit.SEK_PER_MONTH):
        return '#,##0" kr"' if swedish else '"SEK "#,##0'
    if unit is Unit.SHARE:
        return "0.0\\ %" if swedish else "0.0%"
    if unit is Unit.MULTIPLE:
        return '0.0" ggr"' if swedish else '0.0"×"'
    return "General"


@dataclass
class _Place:
    sheet: str
    cell: str
    figure: Figure


@dataclass
class _Cells:
    """Where each figure stands, by its structure: the same derivation is one cell."""

    names: dict[str, str]  # key path → defined name
    lang: str
    places: dict[tuple[Any, ...], _Place] = field(default_factory=dict)
    _keys: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    _never: dict[tuple[Any, ...], bool] = field(default_factory=dict)

    def key(self, figure: Figure) -> tuple[Any, ...]:
        known = self._keys.get(id(figure))
        if known is None:
            known = (figure.formula,
                     tuple(sorted((n, self.term_key(t)) for n, t in figure.terms.items())),
                     self.term_key(figure.never_with) if figure.never_with else None)
            self._keys[id(figure)] = known
        return known

    def term_key(self, term: Term) -> tuple[Any, ...]:
        if term.path in self.names:
            return ("name", term.path)
        if term.source is not None:
            return ("figure", self.key(term.source))
        return ("value", term.value)

    def place(self, figure: Figure, sheet: str, cell: str) -> None:
        self.places.setdefault(self.key(figure), _Place(sheet, cell, figure))

    def unplaced(self, figures: Iterable[Figure]) -> list[tuple[str, Figure]]:
        """The figures these derive from that have no cell yet, each once, by symbol."""
        found: dict[tuple[Any, ...], tuple[str, Figure]] = {}
        for figure in figures:
            for term in figure.derivation():
                if term.source is not None and term.path not in self.names:
                    key = self.key(term.source)
                    if key not in self.places:
                        found.setdefault(key, (term.symbol, term.source))
        return list(found.values())

    def reference(self, here: str) -> excel.Reference:
        def refer(term: Term) -> tuple[str, bool]:
            if term.path in self.names:
                return self.names[term.path], False
            if term.source is not None:
                place = self.places[self.key(term.source)]
                cell = place.cell if place.sheet == here else f"{_quoted(place.sheet)}!{place.cell}"
                never = self.may_be_never(term.source)
                return excel.cell_reference(cell, never), never
            return excel.number(float(term.value)), False
        return refer

    def may_be_never(self, figure: Figure) -> bool:
        key = self.key(figure)
        if key not in self._never:
            self._never[key] = self.formula(figure, "").startswith("=_xlfn.IFNA(")
        return self._never[key]

    def formula(self, figure: Figure, here: str) -> str:
        return excel.formula(figure, self.reference(here), NEVER_TEXT[self.lang])


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def build(analysis: PaybackAnalysis, checked: tuple[ClaimResult, ...] | None, run: RunInfo,
          lang: str) -> tuple[Workbook, dict[str, str]]:
    """The workbook, and where each figure stands (``figure_key`` → ``'Sheet'!C7``)."""
    from openpyxl import Workbook

    book = Workbook()
    book.calculation.fullCalcOnLoad = True  # every formula is computed when the file opens
    sheet = book.active
    assert sheet is not None
    sheet.title = label("sheet.inputs", lang)
    names = _inputs(book, sheet, analysis, run, lang)
    cells = _Cells(names, lang)
    located: dict[str, str] = {}
    used = {sheet.title}
    for result in analysis.perspectives:
        title = _sheet_title(result.perspective.labels.get(lang, result.perspective.key), used)
        located |= _perspective(book.create_sheet(title), result, analysis.model, cells, lang)
    if checked:
        _claims(book.create_sheet(_sheet_title(label("sheet.claims", lang), used)), checked,
                run, cells, lang)
    for place in cells.places.values():
        target = book[place.sheet][place.cell]
        target.value = cells.formula(place.figure, place.sheet)
        target.number_format = number_format(place.figure.unit, lang)
    return book, located


def figure_key(perspective: str, group: str, dims: dict[str, float], figure: str) -> str:
    """``society/break_even/subsidy_rate=0,horizon_years=3/persons_exact``."""
    where = ",".join(f"{k}={v:g}" for k, v in dims.items())
    return f"{perspective}/{group}/{where}/{figure}"


def workbook_bytes(analysis: PaybackAnalysis, checked: tuple[ClaimResult, ...] | None,
                   run: RunInfo, lang: str) -> bytes:
    book, _ = build(analysis, checked, run, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(text: str, used: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, and unique."""
    clean = "".join("_" if c in "[]:*?/\\" else c for c in text).strip("'")[:31] or "Sheet"
    title, n = clean, 2
    while title.lower() in {u.lower() for u in used}:
        title = f"{clean[:28]} {n}"
        n += 1
    used.add(title)
    return title


def _bold(ws: Worksheet, row: int, count: int) -> None:
    from openpyxl.styles import Font

    for column in range(1, count + 1):
        ws.cell(row, column).font = Font(bold=True)


def _inputs(book: Workbook, ws: Worksheet, analysis: PaybackAnalysis, run: RunInfo,
            lang: str) -> dict[str, str]:
    """The Inputs sheet; returns key path → defined name for every number it holds."""
    from openpyxl.workbook.defined_name import DefinedName

    model = analysis.model
    headers = [label(k, lang) for k in ("col.path", "col.description", "col.value", "col.unit",
                                        "col.source")]
    ws.append([run.title])
    _bold(ws, 1, 1)
    ws.append(headers)
    _bold(ws, 2, len(headers))
    names: dict[str, str] = {}
    formulas: list[tuple[int, str]] = []
    described = {i.path: i for i in run.inputs}
    for path in _paths(model.parameter_paths(), run.inputs, model.formulas):
        info = described.get(path) or described.get(path.rpartition(".")[0])
        unit = info.unit if info else Unit(model.units.get(path.removeprefix("inputs."),
                                                           Unit.YEARS))
        computed = path.removeprefix("inputs.") in model.formulas
        value: object = None if computed else float(model.parameter(path))
        ws.append([path, info.description if info else label("col.default", lang), value,
                   unit.value, _citation(info, run, lang)])
        row = ws.max_row
        ws.cell(row, 3).number_format = number_format(unit, lang)
        names[path] = name_of(path)
        book.defined_names[name_of(path)] = DefinedName(
            name_of(path), attr_text=f"{_quoted(ws.title)}!$C${row}")
        if computed:
            formulas.append((row, path.removeprefix("inputs.")))
    cells = _Cells(names, lang)
    for row, name in formulas:  # after every name exists: a formula may name a later input
        figure = input_term(model, name).source
        assert figure is not None
        ws.cell(row, 3).value = cells.formula(figure, ws.title)
    for column, width in zip("ABCDE", (42, 60, 16, 16, 80), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A3"
    return names


def _paths(paths: list[str], inputs: tuple[InputInfo, ...],
           formulas: Any) -> list[str]:
    """Every scalar's key path, computed inputs in their place among the inputs."""
    order = [i.path for i in inputs]
    computed = [f"inputs.{name}" for name in formulas]
    listed = [p for p in paths if p not in computed] + [p for p in computed if p not in paths]

    def position(path: str) -> tuple[int, str]:
        base = path if path in order else path.rpartition(".")[0]
        return (order.index(base) if base in order else len(order), path)

    return sorted(listed, key=position)


def _citation(info: InputInfo | None, run: RunInfo, lang: str) -> str:
    if info is None:
        return ""
    if info.source is not None:
        titles = {s.key: s.title for s in run.sources}
        document = titles.get(info.source.document, info.source.document)
        return f"{document} › {info.source.section}: “{info.source.quote}”"
    return f"{label('col.assumption', lang)}: {info.assumption or ''}"


def _perspective(ws: Worksheet, result: PerspectiveResult, model: Model, cells: _Cells,
                 lang: str) -> dict[str, str]:
    from openpyxl.utils import get_column_letter

    located: dict[str, str] = {}
    ws.append([ws.title])
    _bold(ws, 1, 1)
    figures: list[Figure] = []
    widest = 1
    for group, rows in result.groups().items():
        if not rows:
            continue
        first = parts(rows[0])
        columns = [*first.dims, *first.figures]
        widest = max(widest, len(columns))
        ws.append([])
        ws.append([label(f"group.{group}", lang)])
        _bold(ws, ws.max_row, 1)
        ws.append([label(c, lang) for c in columns])
        _bold(ws, ws.max_row, len(columns))
        ws.append([label("col.formula", lang) if i == 0 else "" for i in range(len(first.dims))]
                  + [symbolic(f) for f in first.figures.values()])
        for row in rows:
            p = parts(row)
            ws.append([_dimension(k, v, model, cells.names) for k, v in p.dims.items()])
            at = ws.max_row
            for column, key in enumerate(p.dims, start=1):
                if key == "subsidy_rate":
                    ws.cell(at, column).number_format = number_format(Unit.SHARE, lang)
            for column, (key, figure) in enumerate(p.figures.items(), start=len(p.dims) + 1):
                cell = f"{get_column_letter(column)}{at}"
                cells.place(figure, ws.title, cell)
                placed = cells.places[cells.key(figure)]
                if (placed.sheet, placed.cell) != (ws.title, cell):  # the same figure elsewhere
                    ws[cell] = f"={_quoted(placed.sheet)}!{placed.cell}"
                    ws[cell].number_format = number_format(figure.unit, lang)
                located[figure_key(result.perspective.key, group, p.dims, key)] = \
                    f"{_quoted(ws.title)}!{cell}"
                figures.append(figure)
    _intermediates(ws, cells.unplaced(figures), cells, lang)
    ws.column_dimensions["A"].width = 28
    for column in range(2, widest + 1):
        ws.column_dimensions[get_column_letter(column)].width = 18
    return located


def _dimension(key: str, value: float, model: Model, names: dict[str, str]) -> object:
    """A row's dimension: a listed rate or horizon reads its input cell; a count is a number."""
    listed = {"subsidy_rate": "subsidy_rates", "horizon_years": "horizons_years"}.get(key)
    values = getattr(model, listed) if listed else ()
    if value in values:
        path = f"analysis.{listed}.{values.index(value)}"
        if path in names:
            return f"={names[path]}"
    return value


def _intermediates(ws: Worksheet, figures: list[tuple[str, Figure]], cells: _Cells,
                   lang: str) -> None:
    """Figures computed on the way that no table shows: symbol, formula, value."""
    while figures:
        ws.append([])
        ws.append([label("group.intermediate", lang)])
        _bold(ws, ws.max_row, 1)
        for symbol, figure in figures:
            ws.append([symbol, symbolic(figure)])
            cells.place(figure, ws.title, f"C{ws.max_row}")
        figures = cells.unplaced([f for _, f in figures])


def _claims(ws: Worksheet, checked: tuple[ClaimResult, ...], run: RunInfo, cells: _Cells,
            lang: str) -> None:
    from nyttocalc.report.check_document import verdict_text

    headers = [label(k, lang) for k in ("col.claim", "col.section", "col.published",
                                        "col.printed", "col.computed", "col.formula",
                                        "col.verdict_export")]
    ws.append([ws.title])
    _bold(ws, 1, 1)
    ws.append(headers)
    _bold(ws, 2, len(headers))
    figures = []
    for result in checked:
        source = run.claims.get(result.claim.id)
        ws.append([result.claim.id, source.section if source else "", result.claim.published,
                   source.printed if source else "", None, symbolic(result.computed),
                   verdict_text(result, run.claims, lang)])
        at = ws.max_row
        ws.cell(at, 3).number_format = number_format(result.computed.unit, lang)
        # the computed figure: its own formula here, even where a perspective sheet has it
        cells.places[("claim", result.claim.id)] = _Place(ws.title, f"E{at}", result.computed)
        figures.append(result.computed)
    _intermediates(ws, cells.unplaced(figures), cells, lang)
    for column, width in zip("ABCDEFG", (44, 50, 16, 20, 16, 50, 70), strict=True):
        ws.column_dimensions[column].width = width
