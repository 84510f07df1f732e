"""The Excel workbook of ``nyttocalc export``: inputs in named cells, every figure a live formula.

- Inputs: every number of the scenario (each listed horizon and subsidy rate apart) with its key
  path, description, unit and source or assumption; the value cell is named after the key path
  (``inputs_municipal_funding``, ``analysis_subsidy_rates_1``). A computed input is a formula.
- One sheet per perspective (per actor, once there are actors): the analysis' result groups as
  tables, a row per result row, a column per dimension and per figure, with the formula
  ``--explain`` prints above each figure column; figures computed on the way that no table shows
  (a cost in present value) below them. Each figure cell's formula is its ``Figure``'s template
  translated by ``formulas``, so changing an input recomputes every figure that depends on it.
- Key figures (when the scenario has ``outcomes``): NyttoSAM's tables as the report has them, per
  group and for every group together, a row per party; each figure a live formula of the
  transitions' counts (named inputs too) and each move's effect for the party.
- Claims (when the scenario has claims): each published figure, the computed figure as a live
  formula, and the verdict and explanation as ``check`` gave them at export.
- Under a sheet's tables, the parts of its formulas that a formula would otherwise repeat, each
  in a cell of its own (``formulas.Hoist``), with its words as the template writes them.

Every text is text (``sheet_text``): a scenario's words never become a formula. The file carries
no clock (``reproducible``): the same scenario gives the same bytes.

openpyxl is an optional extra, imported only by ``export``.
"""

from __future__ import annotations

import ast
import io
import math
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nyttocalc.core.claims import ClaimResult, Qualifier
from nyttocalc.core.figures import Figure, Term, Unit, parse
from nyttocalc.core.formulas import EFFICIENCY_FORMULA
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis, PerspectiveResult, input_term
from nyttocalc.report.language import numbers
from nyttocalc.report.language.explained import symbolic
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.language.phrases import rate_phrase
from nyttocalc.report.rows import outcomes_group, parts
from nyttocalc.report.tables.payback import OutcomeBlock, outcome_blocks
from nyttocalc.report.workbook import formulas, reproducible
from nyttocalc.report.workbook.sheet_text import Formula, put, sheet_title
from nyttocalc.run import Bounds, InputInfo, RunInfo

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


NEVER_TEXT = {"en": "never", "sv": "aldrig"}


def name_of(path: str) -> str:
    """The defined name of a scenario number's cell: its key path with dots as underscores."""
    return path.replace(".", "_")


def number_format(unit: Unit | None, lang: str, decimals: int | None = None) -> str:
    """Excel's format code for a unit, with ``decimals`` decimals (by default: kronor whole,
    shares and multiples to one decimal, other numbers as they are). Excel shows the
    separators of its own locale, so a Swedish Excel writes 2 750 000 kr and 16,3 %."""
    swedish = lang == "sv"

    def fixed(places: int) -> str:
        return "0" + ("." + "0" * places if places else "")

    if unit in numbers.MONEY:
        body = "#,##" + fixed(decimals or 0)
        return f'{body}" kr"' if swedish else f'"SEK "{body}'
    if unit is Unit.SHARE:
        body = fixed(1 if decimals is None else decimals)
        return f"{body}\\ %" if swedish else f"{body}%"
    if unit is Unit.MULTIPLE:
        body = fixed(1 if decimals is None else decimals)
        return f'{body}" ggr"' if swedish else f'{body}"×"'
    return "General" if decimals is None else fixed(decimals)


def figure_format(figure: Figure, lang: str) -> str:
    """A figure's format: persons and years to two decimals as the report writes them (4,58),
    but whole where the figure always is (ceil: 5), to one decimal in half steps (4,5), and as
    typed where the figure is an input itself (participants: 14)."""
    if figure.unit not in (Unit.PERSONS, Unit.YEARS):
        return number_format(figure.unit, lang)
    if isinstance(parse(figure.formula), ast.Name):  # an input itself: as it is typed
        return "General"
    step = formulas.steps(figure)
    return number_format(figure.unit, lang, {1: 0, 2: 1, 5: 1, 10: 1}.get(step or 0, 2))


def given_format(value: float, unit: Unit, lang: str) -> str:
    """An input's format, so that it shows as given and as an economist types it over: shares
    to one decimal or as many as given (25,0 %, 22,02 %), kronor whole or to the öre given,
    other numbers as typed (1,3333 years; a whole-number format would show 2,5 as 3)."""
    places = min(max(0, -int(numbers.given_digits(value, unit).as_tuple().exponent)), 6)
    if unit in (Unit.SHARE, Unit.MULTIPLE):
        return number_format(unit, lang, max(1, places))
    return number_format(unit, lang, places if unit in numbers.MONEY else None)


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
    book: Workbook
    places: dict[tuple[Any, ...], _Place] = field(default_factory=dict)
    _keys: dict[int, tuple[Figure, tuple[Any, ...]]] = field(default_factory=dict)
    _formulas: dict[tuple[tuple[Any, ...], str], Formula] = field(default_factory=dict)
    _parts: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, expression) → cell

    def key(self, figure: Figure) -> tuple[Any, ...]:
        known = self._keys.get(id(figure))
        if known is None:
            key = (figure.formula, figure.unit,  # a cost of 0 is not an effect of 0
                   tuple(sorted((n, self.term_key(t)) for n, t in figure.terms.items())),
                   self.term_key(figure.never_with) if figure.never_with else None)
            # the figure is kept: another made once it is gone could have its id
            known = self._keys[id(figure)] = (figure, key)
        return known[1]

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

    def reference(self, here: str) -> formulas.Reference:
        def refer(term: Term) -> tuple[str, bool]:
            if term.path in self.names:
                return self.names[term.path], False
            if term.source is not None:
                place = self.places[self.key(term.source)]
                cell = place.cell if place.sheet == here else f"{_quoted(place.sheet)}!{place.cell}"
                never = self.may_be_never(term.source)
                return formulas.cell_reference(cell, never), never
            return formulas.number(float(term.value)), False
        return refer

    def may_be_never(self, figure: Figure) -> bool:
        return self.formula(figure, self.places[self.key(figure)].sheet).startswith(
            "=_xlfn.IFNA(")

    def formula(self, figure: Figure, here: str) -> Formula:
        """The figure's formula on the sheet ``here``, made once."""
        made = self._formulas.get((self.key(figure), here))
        if made is None:
            made = Formula(formulas.formula(figure, self.reference(here),
                                            _no_number_text(figure, self.lang), self.hoist(here)))
            self._formulas[(self.key(figure), here)] = made
        return made

    def hoist(self, here: str) -> formulas.Hoist:
        """A formula's part in a cell of its own on the sheet ``here``, under the heading that
        the first part writes below everything else: the same part once."""
        def write(expression: str, never: bool, words: str) -> str:
            cell = self._parts.get((here, expression))
            if cell is None:
                ws = self.book[here]
                if not any(sheet == here for sheet, _ in self._parts):
                    _put(ws, ws.max_row + 2, [label("group.parts", self.lang)], "group")
                row = ws.max_row + 1
                _put(ws, row, [words], "formula")
                cell = f"B{row}"
                target = ws[cell]
                put(target, Formula(f"=_xlfn.IFNA({expression},\"{NEVER_TEXT[self.lang]}\")"
                                    if never else f"={expression}"))
                target.alignment = _right()
                self._parts[(here, expression)] = cell
            return formulas.cell_reference(cell, never)
        return write


def _no_number_text(figure: Figure, lang: str) -> str:
    """What a figure cell shows where the core has no number, as the report's tables do:
    "never" (persons, years, shares), "n/a" (a multiple of nothing), or for an efficiency with
    no potential to free (undefined, not never) "no potential", as the report says."""
    if figure.formula == EFFICIENCY_FORMULA:
        return label("kf.no_potential", lang)
    return numbers.shown(math.inf, figure.unit, lang)[0]


def _quoted(sheet: str) -> str:
    """A sheet's name as a formula writes it: in apostrophes, each of its own doubled."""
    return "'" + sheet.replace("'", "''") + "'"


def build(analysis: PaybackAnalysis, checked: tuple[ClaimResult, ...] | None, run: RunInfo,
          lang: str) -> tuple[Workbook, dict[str, str]]:
    """The workbook, and where each figure stands (``figure_key`` → ``'Sheet'!C7``)."""
    from openpyxl import Workbook

    book = Workbook()
    book.calculation.fullCalcOnLoad = True  # every formula is computed when the file opens
    sheet = book.active
    assert sheet is not None
    used: set[str] = set()
    sheet.title = sheet_title(label("sheet.inputs", lang), used)
    names = _inputs(book, sheet, analysis, run, lang)
    cells = _Cells(names, lang, book)
    located: dict[str, str] = {}
    for result in analysis.perspectives:
        title = sheet_title(result.perspective.labels.get(lang, result.perspective.key), used)
        located |= _perspective(book.create_sheet(title), result, analysis.model, cells, lang)
    if analysis.outcomes is not None:
        title = sheet_title(label("sheet.key_figures", lang), used)
        located |= _key_figures(book.create_sheet(title), outcome_blocks(analysis, lang), cells,
                                lang)
    if checked:
        _claims(book.create_sheet(sheet_title(label("sheet.claims", lang), used)), checked,
                run, cells, lang)
    for place in cells.places.values():
        target = book[place.sheet][place.cell]
        put(target, cells.formula(place.figure, place.sheet))
        _figure_style(target, place.figure, lang)
    for ws in book.worksheets[1:]:  # rows of the formulas' parts written since their layout
        _heights(ws)
    answer_sheet = _answer(book, analysis, located, run, lang, used)
    for ws in book.worksheets:
        _protect(ws)
    book.move_sheet(answer_sheet, offset=-book.index(answer_sheet))
    book.active = 0
    return book, located


def figure_key(perspective: str, group: str, dims: dict[str, float], figure: str) -> str:
    """``society/break_even/subsidy_rate=0,horizon_years=3/persons_exact``; a key figure's
    group as payback's CSV has it: ``municipality/outcomes spill_over//revenue``."""
    where = ",".join(f"{k}={v:g}" for k, v in dims.items())
    return f"{perspective}/{group}/{where}/{figure}"


def workbook_bytes(analysis: PaybackAnalysis, checked: tuple[ClaimResult, ...] | None,
                   run: RunInfo, lang: str) -> bytes:
    """The workbook as an .xlsx file, stamped with ``SOURCE_DATE_EPOCH``'s time or a fixed one
    (``reproducible``), so that the same scenario gives the same bytes."""
    from openpyxl.writer.excel import ExcelWriter

    when = reproducible.instant(os.environ)
    book, _ = build(analysis, checked, run, lang)
    naive = when.replace(tzinfo=None)  # openpyxl writes a naive time as UTC
    book.properties.created = book.properties.modified = naive
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # book.save() would stamp it with the clock
    return reproducible.with_fixed_times(buffer.getvalue(), when)


def _style(ws: Worksheet, row: int, count: int, kind: str) -> None:
    """Style the first ``count`` cells of a row: ``title``, ``group`` (a table's name),
    ``header`` (column names: bold on a tint, wrapped), ``formula`` (the formula --explain
    prints: grey italics, wrapped) or ``text`` (wrapped, from the top)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    font = {"title": Font(bold=True, size=14), "group": Font(bold=True, size=12),
            "header": Font(bold=True), "formula": Font(italic=True, color="595959")}.get(kind)
    for column in range(1, count + 1):
        cell = ws.cell(row, column)
        if font is not None:
            cell.font = font
        if kind in ("header", "formula", "text"):
            cell.alignment = Alignment(wrap_text=True, vertical="bottom" if kind == "header"
                                       else "top")
        if kind == "header":
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.border = Border(bottom=Side(style="thin", color="404040"))


def _apart(ws: Worksheet, row: int, *columns: int) -> None:
    """Text cells set one step in from the left: they follow a right-aligned number, which
    would otherwise touch them (2 200 000 kr2,2 mkr)."""
    from openpyxl.styles import Alignment

    for column in columns:
        ws.cell(row, column).alignment = Alignment(horizontal="left", indent=1, wrap_text=True,
                                                   vertical="top")


def _layout(ws: Worksheet, widths: Iterable[float], header_rows: int = 1) -> None:
    """Column widths; rows above ``header_rows`` held on screen and repeated on each printed
    page; printed landscape, every column on the page's width."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    if header_rows > 1:
        ws.freeze_panes = f"B{header_rows + 1}"
        ws.print_title_rows = f"{header_rows}:{header_rows}"
    _heights(ws)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


LINE_POINTS = 15  # a line of 11-point text
CHARACTERS = 1.0  # characters of text that surely fit in a unit of column width (a "0")


def _heights(ws: Worksheet) -> None:
    """Rows as tall as their wrapped text needs at their columns' widths: Excel and LibreOffice
    keep a row at one line's height unless told (LibreOffice does not grow it on opening)."""
    for number, row in enumerate(ws.iter_rows(), start=1):
        lines = 1
        for column, cell in enumerate(row, start=1):
            if (isinstance(cell.value, str) and cell.alignment.wrap_text
                    and cell.data_type == "s"):  # a formula shows its value
                room = max(1, int(_width(ws, number, column) * CHARACTERS))
                lines = max(lines, sum(math.ceil(len(part) / room) or 1
                                       for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[number].height = LINE_POINTS * lines + 2


def _width(ws: Worksheet, row: int, column: int) -> float:
    """The width a cell's text has: its column's, or its merged columns' together."""
    from openpyxl.utils import get_column_letter

    last = next((r.max_col for r in ws.merged_cells.ranges
                 if (r.min_row, r.min_col) == (row, column)), column)
    return sum(ws.column_dimensions[get_column_letter(c)].width or 10
               for c in range(column, last + 1))


def _inputs(book: Workbook, ws: Worksheet, analysis: PaybackAnalysis, run: RunInfo,
            lang: str) -> dict[str, str]:
    """The Inputs sheet: per number its defined name, value (to the decimals it is given
    with), unit, description, source or assumption, and key path (for --set); returns key path
    → defined name for every number it holds."""
    from openpyxl.workbook.defined_name import DefinedName

    model = analysis.model
    headers = [label(k, lang) for k in ("col.name", "col.value", "col.unit", "col.description",
                                        "col.source", "col.path")]
    _put(ws, 1, [run.title], "title")
    _put(ws, 2, headers, "header")
    names: dict[str, str] = {}
    computed_rows: list[tuple[int, str]] = []
    described = {i.path: i for i in run.inputs}
    counts = _counts(model)
    for path in _paths([*model.parameter_paths(), *counts], run.inputs, model.formulas):
        info = described.get(path) or described[path.rpartition(".")[0]]  # a list's item
        unit = info.unit
        computed = path.removeprefix("inputs.") in model.formulas
        value = None if computed else float(counts[path] if path in counts
                                            else model.parameter(path))
        row = ws.max_row + 1
        _put(ws, row, [name_of(path), value, unit_after(unit.value, lang),
                       _description(info, lang), _citation(info, run, lang), path], "text")
        _apart(ws, row, 3)
        ws.cell(row, 2).number_format = (number_format(unit, lang) if value is None
                                         else given_format(value, unit, lang))
        names[path] = name_of(path)
        book.defined_names[name_of(path)] = DefinedName(
            name_of(path), attr_text=f"{_quoted(ws.title)}!$B${row}")
        if computed:
            computed_rows.append((row, path.removeprefix("inputs.")))
        else:
            _as_input(ws, f"B{row}", info.bounds, lang)
    cells = _Cells(names, lang, book)
    for row, name in computed_rows:  # after every name exists: a formula may name a later input
        figure = input_term(model, name).source
        assert figure is not None
        put(ws.cell(row, 2), cells.formula(figure, ws.title))
    _layout(ws, (36, 16, 18, 60, 70, 40), header_rows=2)
    return names


INPUT_FILL = "FFF2CC"  # the colour of a cell to type in, as spreadsheet models mark inputs


def _as_input(ws: Worksheet, cell: str, bounds: Bounds, lang: str) -> None:
    """A cell to type a number in: tinted, unlocked (the rest of the book is protected, without
    a password), and accepting only what the scenario format accepts there."""
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    target = ws[cell]
    target.fill = PatternFill("solid", fgColor=INPUT_FILL)
    target.font = Font(color="1F4E79", bold=True)
    target.protection = Protection(locked=False)
    tests = [f"ISNUMBER({cell})"]
    if bounds.low is not None:
        tests.append(f"{cell}{'>=' if bounds.low_included else '>'}{formulas.number(bounds.low)}")
    if bounds.high is not None:
        tests.append(f"{cell}<={formulas.number(bounds.high)}")
    if bounds.whole:
        tests.append(f"{cell}=INT({cell})")
    allowed = _allowed(bounds, lang)
    check = DataValidation(type="custom", formula1=f"AND({','.join(tests)})",
                           showErrorMessage=True, errorStyle="stop",
                           errorTitle=label("xlsx.invalid_title", lang),
                           error=label("xlsx.invalid", lang, allowed=allowed),
                           showInputMessage=True, promptTitle=label("xlsx.input_title", lang),
                           prompt=allowed)
    check.add(cell)
    ws.add_data_validation(check)


def _allowed(bounds: Bounds, lang: str) -> str:
    """``a number from 0 to 1`` / ``ett tal från 0 till 1``, as the scenario format allows."""
    low = "–" if bounds.low is None else numbers.number(bounds.low, lang, 6)
    high = "–" if bounds.high is None else numbers.number(bounds.high, lang, 6)
    key = "xlsx.whole_between" if bounds.whole else (
        "xlsx.between" if bounds.low_included else "xlsx.above_up_to")
    return label(key, lang, low=low, high=high)


def _protect(ws: Worksheet) -> None:
    """Protect a sheet without a password: only the input cells take typing; a user who means
    to change a formula can lift the protection with one click."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _answer(book: Workbook, analysis: PaybackAnalysis, located: dict[str, str], run: RunInfo,
            lang: str, used: set[str]) -> Worksheet:
    """The first sheet: the answer as the report's first page gives it, each figure a formula
    that reads its cell on the party's sheet (so it follows the inputs): per party what it paid,
    what an employed person-year brings it at each subsidy rate, and how many of the
    participants must work within each horizon at the lowest rate; then what was observed."""
    ws: Worksheet = book.create_sheet(sheet_title(label("answer.title", lang), used))
    model = analysis.model
    lowest = model.unsubsidised_rate
    _put(ws, 1, [run.title], "title")
    _put(ws, 2, [label("xlsx.answer_note", lang)], "formula")
    headers = [label("col.party", lang), label("col.paid", lang),
               *(label("answer.col_value", lang, rate=numbers.percent(r, lang, 0))
                 for r in model.subsidy_rates),
               *(label("xlsx.col_needed", lang, years=numbers.years(h, lang), horizon=h,
                       participants=model.participants) for h in model.horizons_years)]
    _put(ws, 4, headers, "header")
    row = 5
    for result in analysis.perspectives:
        key = result.perspective.key
        cells = [result.perspective.labels.get(lang, key),
                 Formula("=" + located[figure_key(key, "summary", {}, "cost")])]
        cells += [Formula("=" + located[figure_key(key, "values", {"subsidy_rate": r},
                                                   "value_per_person_year")])
                  for r in model.subsidy_rates]
        for h in model.horizons_years:
            where = located[figure_key(key, "break_even", {"subsidy_rate": lowest,
                                                           "horizon_years": h}, "persons_whole")]
            cost = located[figure_key(key, "summary", {}, "cost")]
            cells.append(Formula(f'=IF({cost}>0,{where},"–")'))
        _put(ws, row, cells)
        for column in range(2, len(cells) + 1):
            unit = (Unit.SEK if column == 2 else Unit.SEK_PER_PERSON_YEAR
                    if column <= 2 + len(model.subsidy_rates) else Unit.PERSONS)
            ws.cell(row, column).number_format = number_format(
                unit, lang, 0 if unit is Unit.PERSONS else None)
            ws.cell(row, column).alignment = _right()
        row += 1
    _note(ws, row, label("answer.table_note", lang, participants=model.participants,
                         rate=rate_phrase(lowest, lang)), len(headers))
    _layout(ws, (26, 18, *[20] * (len(headers) - 2)), header_rows=4)
    return ws


def _counts(model: Model) -> dict[str, float]:
    """The transitions' counts of persons by key path: numbers of the scenario that the key
    figures read and ``--set`` changes, kept with the outcomes rather than the parameters."""
    groups = model.outcomes.groups if model.outcomes is not None else ()
    return {t.path: t.persons for group in groups for t in group.transitions}


def _description(info: InputInfo, lang: str) -> str:
    if info.formula is None:
        return info.description
    formula = info.formula.replace("{", "").replace("}", "")
    return f"{info.description}\n{label('input.computed', lang, formula=formula)}"


def _paths(paths: list[str], inputs: tuple[InputInfo, ...],
           computed_inputs: Any) -> list[str]:
    """Every scalar's key path, computed inputs in their place among the inputs."""
    order = [i.path for i in inputs]
    computed = [f"inputs.{name}" for name in computed_inputs]
    listed = [p for p in paths if p not in computed] + [p for p in computed if p not in paths]

    def position(path: str) -> tuple[int, str]:
        base = path if path in order else path.rpartition(".")[0]
        return (order.index(base) if base in order else len(order), path)

    return sorted(listed, key=position)


def _citation(info: InputInfo, run: RunInfo, lang: str) -> str:
    """The source (title › section: “quote”), the assumption, or that the file leaves the
    number out (its default), and any --set that changed the number for this export."""
    if info.default:
        text = label("col.default", lang)
    elif info.source is not None:
        titles = {s.key: s.title for s in run.sources}
        document = titles.get(info.source.document, info.source.document)
        text = f"{document} › {info.source.section}: “{info.source.quote}”"
    else:
        text = f"{label('col.assumption', lang)}: {info.assumption or ''}"
    return "\n".join([text, *(label("input.overridden", lang, given=o)
                              for o in run.overrides_of(info.path))])


def _perspective(ws: Worksheet, result: PerspectiveResult, model: Model, cells: _Cells,
                 lang: str) -> dict[str, str]:
    """One table per result group: its name, the column names, the formula of each figure
    column, then a row per result row. A group without dimensions (the cost) gets a first
    column that names its formula row and its value row."""
    from openpyxl.utils import get_column_letter

    located: dict[str, str] = {}
    _put(ws, 1, [ws.title], "title")
    figures: list[Figure] = []
    widest, row = 1, 3
    for group, rows in result.groups().items():
        if not rows:
            continue
        first = parts(rows[0])
        lead = [] if first.dims else [label("col.value", lang)]
        columns = [*lead, *(label(c, lang) for c in [*first.dims, *first.figures])]
        widest = max(widest, len(columns))
        _put(ws, row, [label(f"group.{group}", lang)], "group")
        _put(ws, row + 1, ["" if lead else columns[0], *columns[1:]], "header")
        before = len(lead) + len(first.dims)
        _put(ws, row + 2, [label("col.formula", lang), *[""] * (before - 1),
                           *(symbolic(f) for f in first.figures.values())], "formula")
        row += 3
        for item in rows:
            p = parts(item)
            _put(ws, row, [*lead, *(_dimension(k, v, model, cells.names)
                                    for k, v in p.dims.items())])
            for column, (key, value) in enumerate(p.dims.items(), start=len(lead) + 1):
                if key == "subsidy_rate":
                    ws.cell(row, column).number_format = given_format(value, Unit.SHARE, lang)
            for column, (key, figure) in enumerate(p.figures.items(), start=before + 1):
                located[figure_key(result.perspective.key, group, p.dims, key)] = _put_figure(
                    ws, f"{get_column_letter(column)}{row}", figure, cells, lang)
                figures.append(figure)
            row += 1
        row += 1
    _intermediates(ws, row, cells.unplaced(figures), cells, lang)
    _layout(ws, (24, *[20] * (widest - 1)))
    return located


def _put_figure(ws: Worksheet, cell: str, figure: Figure, cells: _Cells, lang: str) -> str:
    """A figure at ``cell``: its formula (written once every figure has its cell), or where the
    same figure already stands, a reference to it. Returns where it stands: 'Sheet'!C7."""
    cells.place(figure, ws.title, cell)
    placed = cells.places[cells.key(figure)]
    if (placed.sheet, placed.cell) != (ws.title, cell):
        put(ws[cell], Formula(f"={_quoted(placed.sheet)}!{placed.cell}"))
        _figure_style(ws[cell], figure, lang)
    return f"{_quoted(ws.title)}!{cell}"


def _figure_style(cell: Any, figure: Figure, lang: str) -> None:
    """A figure's number format, right-aligned: where it shows "never" or "no potential"
    instead of a number, the words line up with the numbers around them rather than touching
    the number to their left."""
    cell.number_format = figure_format(figure, lang)
    cell.alignment = _right()


def _right() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(horizontal="right")


def _put(ws: Worksheet, row: int, values: list[Any], kind: str = "") -> None:
    """Write ``values`` from column A of ``row``, styled as ``kind`` (see ``_style``); text as
    text (``sheet_text.put``), whatever it starts with."""
    for column, value in enumerate(values, start=1):
        put(ws.cell(row, column), value)
    if kind:
        _style(ws, row, len(values), kind)


def _dimension(key: str, value: float, model: Model, names: dict[str, str]) -> object:
    """A row's dimension: a listed rate or horizon reads its input cell; a count is a number."""
    listed = {"subsidy_rate": "subsidy_rates", "horizon_years": "horizons_years"}.get(key)
    values = getattr(model, listed) if listed else ()
    if value in values:
        path = f"analysis.{listed}.{values.index(value)}"
        if path in names:
            return Formula(f"={names[path]}")
    return value


def _intermediates(ws: Worksheet, row: int, figures: list[tuple[str, Figure]],
                   cells: _Cells, lang: str) -> None:
    """From ``row`` on, the figures computed on the way that no table shows: symbol, formula,
    value."""
    while figures:
        _put(ws, row, [label("group.intermediate", lang)], "group")
        row += 1
        for symbol, figure in figures:
            _put(ws, row, [symbol, symbolic(figure)], "formula")
            cells.place(figure, ws.title, f"C{row}")
            row += 1
        figures = cells.unplaced([f for _, f in figures])
        row += 1


def _key_figures(ws: Worksheet, blocks: list[OutcomeBlock], cells: _Cells,
                 lang: str) -> dict[str, str]:
    """NyttoSAM's key figures as the report's tables: a table per group, then every group
    together, each under its title with the formula of each column above it and a row per
    party; the report's note under the last; then the figures they are computed from that no
    sheet shows (each move's effect and each state's potential for a party)."""
    from openpyxl.utils import get_column_letter

    located: dict[str, str] = {}
    _put(ws, 1, [ws.title], "title")
    row = 3
    for block in blocks:
        _put(ws, row, [block.title], "group")
        _put(ws, row + 1, list(block.headers), "header")
        _put(ws, row + 2, [label("col.formula", lang), *(
            _column_formula([getattr(party_figures, key) for _, party_figures in block.rows],
                            lang) for key in block.figures)], "formula")
        row += 3
        for party, party_figures in block.rows:
            _put(ws, row, [party])
            for column, key in enumerate(block.figures, start=2):
                where = _put_figure(ws, f"{get_column_letter(column)}{row}",
                                    getattr(party_figures, key), cells, lang)
                located[figure_key(party_figures.party, outcomes_group(block.group), {},
                                   key)] = where
            row += 1
        row += 1
    widest = max(len(block.headers) for block in blocks)
    _note(ws, row - 1, label("note.outcomes", lang), widest)  # right under the last table
    _intermediates(ws, row + 1, _computed_from(blocks, cells), cells, lang)
    _layout(ws, (28, *[20] * (widest - 1)))
    return located


def _column_formula(figures: list[Figure], lang: str) -> str:
    """The formula --explain prints for a column's figures, where every party's is the same
    (not a cost, which is each perspective's own)."""
    templates = {symbolic(figure) for figure in figures}
    return templates.pop() if len(templates) == 1 else label("col.formula_varies", lang)


def _note(ws: Worksheet, row: int, text: str, columns: int) -> None:
    """A note under a table, wrapped across its ``columns``."""
    put(ws.cell(row, 1), text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    _style(ws, row, 1, "text")


def _computed_from(blocks: list[OutcomeBlock], cells: _Cells) -> list[tuple[str, Figure]]:
    """The figures the key figures are computed from that no cell holds yet, each once, named
    by its symbols (the same figure is one cell: every effect of 0) and the perspectives that
    read it, where not every one does."""
    parties = {party for block in blocks for party, _ in block.rows}
    found: dict[tuple[Any, ...], tuple[Figure, dict[str, None], dict[str, None]]] = {}
    for block in blocks:
        for party, party_figures in block.rows:
            for key in block.figures:
                for symbol, figure in cells.unplaced([getattr(party_figures, key)]):
                    _, symbols, readers = found.setdefault(cells.key(figure), (figure, {}, {}))
                    symbols[symbol] = readers[party] = None
    return [(", ".join(symbols) + ("" if len(readers) == len(parties)
                                   else f" ({', '.join(readers)})"), figure)
            for figure, symbols, readers in found.values()]


def _claims(ws: Worksheet, checked: tuple[ClaimResult, ...], run: RunInfo, cells: _Cells,
            lang: str) -> None:
    """Each claim: where it stands, the figure as published and printed, the computed figure as
    a live formula, and two verdicts: one that follows the inputs (a formula of the qualifier's
    rule over the published and the computed figure), and ``check``'s at export, which also
    weighs the report's rounding chains and its printed inputs' rounding."""
    from nyttocalc.report.language.verdicts import verdict_text

    headers = [label(k, lang) for k in ("col.claim", "col.section", "col.published",
                                        "col.printed", "col.computed", "col.formula",
                                        "col.verdict_live", "col.verdict_export")]
    _put(ws, 1, [ws.title], "title")
    _put(ws, 2, headers, "header")
    figures = []
    for result in checked:
        source = run.claims.get(result.claim.id)
        at = ws.max_row + 1
        where = source.section if source else ""
        if source is not None and source.label:  # what the figure is, in words, then where
            where = f"{source.label}\n{where}"
        _put(ws, at, [result.claim.id, where, result.claim.published,
                      source.printed if source else "", None, symbolic(result.computed),
                      Formula(_live_verdict(result, f"E{at}", f"C{at}", lang)),
                      verdict_text(result, run.claims, lang)], "text")
        _apart(ws, at, 4, 6)
        ws.cell(at, 3).number_format = number_format(result.computed.unit, lang)
        # the computed figure: its own formula here, even where a perspective sheet has it
        cells.places[("claim", result.claim.id)] = _Place(ws.title, f"E{at}", result.computed)
        figures.append(result.computed)
    _intermediates(ws, ws.max_row + 2, cells.unplaced(figures), cells, lang)
    _layout(ws, (40, 40, 16, 22, 16, 44, 26, 60), header_rows=2)


def _live_verdict(result: ClaimResult, computed: str, published: str, lang: str) -> str:
    """The qualifier's rule (``core.claims.RULES``) as a formula of the computed figure's cell
    and the published one's: "holds", "holds within rounding" or "does not follow"; a figure
    that is never reached does not follow."""

    q = formulas.number(result.claim.precision)
    half = formulas.number(result.claim.precision / 2 * (1 + 1e-9))  # |c − p| ≤ q/2, as check
    c, p = computed, published
    holds, rounding, fails = (f'"{label(k, lang)}"' for k in (
        "xlsx.verdict_holds", "xlsx.verdict_rounding", "xlsx.verdict_fails"))
    same = f"ABS({c}-{p})<=1E-9*MAX(1,ABS({c}),ABS({p}))"
    rules = {
        Qualifier.DRYGT: f"IF(AND({c}>{p},{c}<{p}+{q}),{rounding},{fails})",
        Qualifier.KNAPPT: f"IF(AND({c}>={p}-{q},{c}<{p}),{rounding},{fails})",
        Qualifier.NASTAN: f"IF(AND({c}>={p}-{q},{c}<{p}),{rounding},{fails})",
        Qualifier.MINST: f"IF(OR({c}>={p},{same}),{holds},{fails})",
        Qualifier.HOGST: f"IF(OR({c}<={p},{same}),{holds},{fails})",
    }
    rule = rules.get(result.claim.qualifier,
                     f"IF({same},{holds},IF(ABS({c}-{p})<={half},{rounding},{fails}))")
    return f"=IFERROR({rule},{fails})"
