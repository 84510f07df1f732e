"""The page's what-if script: the marks on the cells it writes again, its data, and the
script itself with the hash the page's Content-Security-Policy allows it by.

``Marks`` is handed every cell the page draws: a cell that shows figures (``Shown``) gets the
places of their values in the generated ``compute(x)`` and how each is written; a cell that says
a moved number (``Echo``, a subsidy rate, a horizon) gets which. Only what is marked is written
again; the page says which parts stay as they were.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from nyttocalc.core.figures import Unit
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.page.whatif.panel import Control
from nyttocalc.report.page.whatif.program import Program, Untranslatable
from nyttocalc.report.page.whatif.script_rules import functions
from nyttocalc.report.tables.printout import Echo, Note, Showing, Shown

# The labels the script writes with, beyond those the marked cells name.
_LABELS = ("answer.and", "answer.or", "answer.respectively", "answer.no_subsidy",
           "answer.with_subsidy", "answer.pays_back", "answer.never", "answer.count_first",
           "answer.count", "answer.beyond", "answer.same_at", "answer.never_at", "answer.at_rate",
           "answer.per_year", "answer.value_at", "answer.per_year_any_rate",
           "answer.gain_for_free", "answer.loses", "answer.loss_at", "answer.untouched",
           "answer.timing", "answer.of", "answer.nothing_to_pay", "whatif.title", "whatif.note",
           "whatif.changed", "whatif.changed_input", "whatif.stale", "whatif.reset",
           "whatif.link", "whatif.refused", "note.loses", "answer.table_note")


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

    def attributes(self, cell: str) -> str:
        """The attributes that mark a cell the script writes again; none for any other."""
        if isinstance(cell, Shown):
            try:
                slots = [self.program.slot(figure) for figure, _ in cell.figures]
            except Untranslatable:
                return ""
            hows = [self._showing(how) for _, how in cell.figures]
            return (f' data-f="{" ".join(map(str, slots))}"'
                    f' data-s="{" ".join(map(str, hows))}"')
        if isinstance(cell, Echo) and cell.path in self._paths:
            if cell.key is not None:
                self._keys.add(cell.key)
            key = (self._paths[cell.path], self._showing(cell.showing), cell.key, cell.name,
                   cell.raw, tuple(sorted(cell.fixed.items())))
            return f' data-e="{self._echoes.setdefault(key, len(self._echoes))}"'
        return ""

    def note(self, note: Note) -> str:
        """The attribute that marks a table's note the script shows where it holds."""
        self._notes.append({
            "k": note.kind, "s": [self.program.slot(f) for f in note.figures], "l": note.limit,
            "r": None if note.rate is None else self._number(note.rate.path, note.rate.value)})
        return f' data-n="{len(self._notes) - 1}"'

    def _number(self, path: str, value: float) -> dict[str, Any]:
        """A number of the scenario as the script reads it: the panel's input at ``path``
        (``x``), or where the panel has none, its value (``v``)."""
        return {"x": self._paths[path]} if path in self._paths else {"v": value}

    def _showing(self, how: Showing) -> int:
        return self._showings.setdefault(how, len(self._showings))

    def script(self, analysis: PaybackAnalysis, lang: str, figure_pattern: str) -> Script:
        """The data (JSON, not run) and the script (generated rules and ``compute``, then the
        runtime), once every cell is marked."""
        data = {
            "lang": lang, "currency": numbers.currency(), "figure": figure_pattern,
            "labels": {k: _raw(k, lang) for k in sorted({*_LABELS, *self._keys})},
            "controls": [_control(c, lang) for c in self.controls],
            "showings": [{"u": how.unit.value, "d": how.decimals, "a": how.around,
                          "b": how.beyond, "w": how.words,
                          "n": how.undefined} for how in self._showings],
            "echoes": [{"x": x, "s": s, "k": k, "n": n, "r": r, "f": dict(f)}
                       for x, s, k, n, r, f in self._echoes],
            "answer": self._answer(analysis, lang),
            "numbers": self.program.computed_inputs,
            "notes": self._notes,
        }
        code = "\n".join(['(function(){"use strict";', functions(), self.program.function(),
                          _runtime(), "})();"])
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
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


def _raw(key: str, lang: str) -> str:
    """A label's text, its fields left to fill in."""
    return label(key, lang)


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


@cache
def _runtime() -> str:
    return resources.files("nyttocalc.report.page.whatif").joinpath("runtime.js").read_text("utf-8")
