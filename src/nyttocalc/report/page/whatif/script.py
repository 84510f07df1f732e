"""The page's what-if script: the marks on the cells it writes again, its data, and the
script itself with the hash the page's Content-Security-Policy allows it by.

``Marks`` is handed every cell the page draws: a cell that shows figures (``Shown``) gets, for
each, the place of its value in the generated ``compute(x)`` and how it is written (``12,3``); a
cell that says a moved number (``Echo``, a subsidy rate, a horizon) gets which; a party's payback
curves (``Curve``) get the figures they are drawn from. Only what is marked is written again; the
page says which parts stay as they were. The script is carried without its comments and spaces.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

from nyttocalc.core.curves import CURVE_STEPS
from nyttocalc.core.figures import Unit
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.report.charts import svg
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.page.whatif.panel import Control
from nyttocalc.report.page.whatif.program import Program, Untranslatable
from nyttocalc.report.page.whatif.script_rules import functions
from nyttocalc.report.tables.printout import Curve, Echo, Note, Showing, Shown

# The labels the script writes with, beyond those the marked cells name.
_LABELS = ("answer.and", "answer.or", "answer.respectively", "answer.no_subsidy",
           "answer.with_subsidy", "answer.pays_back", "answer.never", "answer.count_first",
           "answer.count", "answer.beyond", "answer.same_at", "answer.never_at", "answer.at_rate",
           "answer.per_year", "answer.value_at", "answer.per_year_any_rate", "answer.gain_for_free",
           "answer.loses", "answer.loss_at", "answer.untouched", "answer.timing", "answer.of",
           "answer.nothing_to_pay", "whatif.title", "whatif.note", "whatif.changed",
           "whatif.changed_input", "whatif.changed_item", "whatif.stale", "whatif.reset",
           "whatif.link", "whatif.refused", "whatif.kept", "note.loses", "answer.table_note",
           "title.curve", "curve.series", "curve.cost", "curve.crossed", "curve.x", "curve.y",
           "curve.never", "year", "years", "col.year", "cost", "html.data")
# The terms a payback curve's figures were given for a count of persons and its years of work,
# which the script replaces with the counts and years it draws (``Program.function``).
_COUNTS = {"persons": "P", "horizon": "Y"}


@dataclass(frozen=True)
class Script:
    """The page's elements for the what-if: its data and its script, and the script's hash."""

    html: str
    sha256: str


class Marks:
    def __init__(self, controls: Sequence[Control]) -> None:
        self.controls = tuple(controls)
        self._paths = {c.path: index for index, c in enumerate(controls)}
        self.program = Program([c.path for c in controls])
        self._showings: dict[Showing, int] = {}
        self._echoes: dict[tuple[Any, ...], int] = {}
        self._keys: set[str] = set()
        self._notes: list[dict[str, Any]] = []
        self._curves: list[dict[str, Any]] = []

    def attributes(self, cell: str) -> str:
        """The attributes that mark a cell the script writes again; none for any other."""
        if isinstance(cell, Shown):
            try:
                slots = [self.program.slot(figure) for figure, _ in cell.figures]
            except Untranslatable:
                return ""
            hows = [self._showing(how) for _, how in cell.figures]
            return f' data-f="{" ".join(f"{s},{h}" for s, h in zip(slots, hows, strict=True))}"'
        if isinstance(cell, Echo) and cell.path in self._paths:
            if cell.key is not None:
                self._keys.add(cell.key)
            fixed = tuple(sorted((name, self._field(value)) for name, value in cell.fixed.items()))
            key = (self._paths[cell.path], self._showing(cell.showing), cell.key, cell.name,
                   cell.raw, fixed)
            return f' data-e="{self._echoes.setdefault(key, len(self._echoes))}"'
        return ""

    def _field(self, value: object) -> object:
        """A fixed field of an echo's label as the script reads it: a number of the scenario the
        panel moves as its place and showing, else as it is."""
        if isinstance(value, Echo) and value.path in self._paths:
            return (self._paths[value.path], self._showing(value.showing))
        return str(value) if isinstance(value, Echo) else value

    def note(self, note: Note) -> str:
        """The attribute that marks a table's note the script shows where it holds."""
        self._notes.append({
            "k": note.kind, "s": [self.program.slot(f) for f in note.figures], "l": note.limit,
            "r": None if note.rate is None else self._number(note.rate.path, note.rate.value)})
        return f' data-n="{len(self._notes) - 1}"'

    def curve(self, curve: Curve, ident: str) -> str:
        """The attribute that marks a party's payback curves, which the script draws again
        (as the chart ``ident``); none where a figure of them has no script."""
        program = self.program
        try:
            self._curves.append({"i": ident, "p": curve.party, "h": program.slot(curve.paid),
                                 "c": program.slot(curve.figures.cost),
                                 "r": [{"w": [program.slot(w) for w in rate.wholes],
                                        "b": program.function(rate.benefit, _COUNTS),
                                        "k": program.function(rate.paid_back_after, _COUNTS)}
                                       for rate in curve.figures.rates]})
        except Untranslatable:
            return ""
        return f' data-curve="{len(self._curves) - 1}"'

    def _number(self, path: str, value: float) -> dict[str, Any]:
        """A number of the scenario as the script reads it: the panel's input at ``path``
        (``x``), or where the panel has none, its value (``v``)."""
        return {"x": self._paths[path]} if path in self._paths else {"v": value}

    def _showing(self, how: Showing) -> int:
        return self._showings.setdefault(how, len(self._showings))

    def script(self, analysis: PaybackAnalysis, lang: str, figure_pattern: str,
               phone: str) -> Script:
        """The data (JSON, not run) and the script (generated rules and ``compute``, then the
        runtime), once every cell is marked. ``figure_pattern``: what the page typesets as a
        figure; ``phone``: the media query under which charts are drawn narrow."""
        data = {
            "lang": lang, "currency": numbers.currency(), "figure": figure_pattern,
            # each label's text, its fields left for the script to fill in
            "labels": {k: label(k, lang) for k in sorted({*_LABELS, *self._keys})},
            "controls": [_control(c, lang) for c in self.controls],
            "showings": [{"u": how.unit.value, "d": how.decimals, "a": how.around,
                          "b": how.beyond, "w": how.words,
                          "n": how.undefined} for how in self._showings],
            "echoes": [{"x": x, "s": s, "k": k, "n": n, "r": r, "f": {
                name: {"x": v[0], "s": v[1]} if isinstance(v, tuple) else v for name, v in f}}
                for x, s, k, n, r, f in self._echoes],
            "answer": self._answer(analysis, lang),
            "numbers": self.program.computed_inputs,
            "notes": self._notes,
            "curves": self._curves,
            "drawing": {**_DRAWING, "phone": phone},
        }
        code = "\n".join(['(function(){"use strict";', functions(), self.program.script(),
                          _runtime("curves.js"), _runtime("runtime.js"), "})();"])
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        text = json.dumps(_compact(data), ensure_ascii=False, separators=(",", ":"))
        text = text.replace("</", "<\\/")
        return Script(f'<script type="application/json" id="whatif-data">{text}</script>\n'
                      f"<script>{code}</script>", f"sha256-{digest}")

    def _answer(self, analysis: PaybackAnalysis, lang: str) -> dict[str, Any]:
        """What the answer's sentences are said from: per party the places of its cost, its
        value per employed person-year at each listed rate and its whole persons needed at each
        rate and horizon; the rates, horizons and delay where the panel moves them."""
        model = analysis.model
        number = self._number
        horizons = model.horizons_years
        return {
            "participants": model.participants,
            "rates": [number(f"analysis.subsidy_rates.{i}", r)
                      for i, r in enumerate(model.subsidy_rates)],
            "horizons": [number(f"analysis.horizons_years.{i}", h) for i, h in enumerate(horizons)],
            "delay": number("cohort.delay_years", model.delay_years),
            "parties": [{
                "name": str(result.perspective.labels.get(lang, result.perspective.key)),
                "cost": self.program.slot(result.cost), "paid": result.has_cost,
                "values": [self.program.slot(v.value_per_person_year) for v in result.values],
                "whole": [[self.program.slot(b.persons_whole) for b in result.break_even
                           if b.subsidy_rate == rate] for rate in model.subsidy_rates],
            } for result in analysis.perspectives],
        }


def _compact(data: Any) -> Any:
    """``data`` without the keys of no value (None, an empty mapping): the script reads an
    absent key as it reads null."""
    if isinstance(data, dict):
        return {k: _compact(v) for k, v in data.items() if v is not None and v != {}}
    if isinstance(data, list):
        return [_compact(v) for v in data]
    return data


def _control(c: Control, lang: str) -> dict[str, Any]:
    return {"path": c.path, "name": c.name, "unit": c.unit.value, "value": c.value,
            "low": c.low, "high": c.high, "low_included": c.low_included, "whole": c.whole,
            "after": _unit_text(c.unit, lang), "list": c.path.rpartition(".")[0]
            if c.path.startswith(("analysis.subsidy_rates.", "analysis.horizons_years.")) else None}


def _unit_text(unit: Unit, lang: str) -> str:
    """What a control's number is in, after its field: ``kr per månad``, ``år``, ``%``."""
    if unit is Unit.SHARE:
        return "%"
    after = unit_after(unit.value, lang)
    if unit in numbers.MONEY:
        money = numbers.amount(0, lang).removeprefix("0").strip("\u00a00 ")
        return f"{money} {after}".strip()
    return after


# How the charts are drawn, for the script to draw the payback curves as ``svg`` does.
_DRAWING = {"steps": CURVE_STEPS, "char": svg.CHAR, "colours": svg.COLOURS, "dashes": svg.DASHES,
            "markers": svg.MARKERS, "frames": [asdict(svg.WIDE), asdict(svg.NARROW)]}


@cache
def _runtime(name: str) -> str:
    """A part of the script as a page carries it: without its comment lines and indentation."""
    text = resources.files("nyttocalc.report.page.whatif").joinpath(name).read_text("utf-8")
    lines = [_AFTER_CODE.sub("", line.strip()) for line in text.splitlines()]
    kept = [_tight(line) for line in lines if line and not line.startswith("//")]
    # a line that ends a statement, opens a block or goes on runs on into the next
    return "".join(line + ("" if line.endswith(_GOES_ON) else "\n") for line in kept)


def _tight(line: str) -> str:
    """A line of script without the spaces around its punctuation (``a = b, c`` as ``a=b,c``);
    the text of a string, template or regular expression kept as it is."""
    out: list[str] = []
    code: list[str] = []
    index = 0
    while index < len(line):
        char = line[index]
        previous = "".join(code).rstrip()[-1:] or "".join(out).rstrip()[-1:]
        if char in "\"'`" or (char == "/" and previous in _BEFORE_REGEX):
            out.append(_SPACES.sub(r"\1", "".join(code)))
            code = []
            end = _literal_end(line, index)
            out.append(line[index:end])
            index = end
            continue
        code.append(char)
        index += 1
    out.append(_SPACES.sub(r"\1", "".join(code)))
    return "".join(out)


def _literal_end(line: str, start: int) -> int:
    """Where the string, template or regular expression that opens at ``start`` ends."""
    quote, index, in_class = line[start], start + 1, False
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if quote == "/" and char in "[]":
            in_class = char == "["
        elif char == quote and not in_class:
            index += 1
            if quote == "/":  # its flags
                while index < len(line) and line[index].isalpha():
                    index += 1
            return index
        index += 1
    raise ValueError(f"a literal that does not end on its line: {line!r}")


# Spaces around punctuation that needs none (not around + and -, which ``a - -b`` needs).
_SPACES = re.compile(r"\s*(===|!==|=>|&&|\|\||[=,;:?{}()<>*/%|&!\[\]])\s*")
_BEFORE_REGEX = set("(,=:[!&|?{};") | {""}

# A comment after a statement, a block's start or a list's item; the ends of lines that go on.
_AFTER_CODE = re.compile(r"(?<=[;{,)])\s+//\s.*$")
_GOES_ON = (";", "{", ",", "(", "[", "=>", "&&", "||", "?", "=")
