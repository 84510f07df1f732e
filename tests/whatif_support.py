"""What the what-if tests share: the values each control is moved to, the figures of a payback
analysis by where its JSON holds them, and the text a page shows of what its script writes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nyttocalc.core.figures import Figure
from nyttocalc.core.payback import PaybackAnalysis, analyse
from nyttocalc.report.page.whatif.program import Program
from nyttocalc.report.page.whatif.script_rules import functions
from nyttocalc.scenario.load import load

# Every part of a page its script writes: the answer's sentences, the tables of the answer and
# the results with their notes and header lines, the payback curves (their markup, each chart
# and table drawn, as for print), and the tables of the appendix it writes again (those with a
# figure marked) with their notes; what it hides (an alternative, a note that does not hold, the
# curves of a party that pays nothing) and what it leaves as it was (``data-fixed``) left out.
PAGE_TEXT = """() => {
  const shown = (el) => !el.closest('[hidden],[data-fixed]');
  const texts = [document.getElementById('answer-now').innerText];
  window.dispatchEvent(new Event('beforeprint'));
  for (const c of document.querySelectorAll('[data-curve]')) {
    if (shown(c)) texts.push(c.innerHTML.trim());
  }
  const parts = '#answer table, #answer p.note, #results table, #results p.note, #results p.meta';
  for (const t of document.querySelectorAll(parts)) {
    if (shown(t)) texts.push(t.innerText);
  }
  const details = document.getElementById('details');
  if (!details.classList.contains('stale')) {
    for (const t of details.querySelectorAll('table, p[data-n]')) {
      if (shown(t) && (t.matches('p') || t.querySelector('[data-f]'))) texts.push(t.innerText);
    }
  }
  return texts;
}"""


def moves(control: dict[str, Any]) -> list[float]:
    """The values a test moves a control to: the ends of its range (the top where it is a
    share, a count of years or a share of time, else three times its value), half its value and
    a value beyond it; whole where it must be."""
    low, high, value = control.get("low"), control.get("high"), control["value"]
    ends = [low if control["low_included"] else low + 0.25] if low is not None else []
    ends.append(high if high is not None and high <= 1000 else (value * 3 or 5.0))
    moved = [*ends, value * 0.5 if value else 1.0, value * 1.7 + 0.3]
    if high is not None:
        moved = [min(x, high) for x in moved]
    if control["whole"]:
        moved = [float(round(x)) for x in moved]
    return list(dict.fromkeys(x for x in moved if x != value))


def json_figures(analysis: PaybackAnalysis) -> Iterator[tuple[tuple[Any, ...], Figure]]:
    """Every figure of the analysis by where ``payback --format json`` holds it, but the mixes
    (their rows depend on the counts)."""
    for index, result in enumerate(analysis.perspectives):
        for group, rows in result.groups().items():
            if group == "mixes":
                continue
            for row_index, row in enumerate(rows):
                for name, figure in row.figures.items():
                    yield (index, group, row_index, name), figure
    if analysis.outcomes is not None:
        for part, rows in (("groups", analysis.outcomes.groups),
                           ("totals", analysis.outcomes.totals)):
            for row_index, row in enumerate(rows):
                for name, value in vars(row).items():
                    if isinstance(value, Figure):
                        yield ("outcomes", part, row_index, name), value


def json_value(data: dict[str, Any], where: tuple[Any, ...]) -> float:
    """The value at ``where`` in a payback JSON (null: never, or no number)."""
    if where[0] == "outcomes":
        _, part, row, name = where
        value = data["outcomes"][part][row][name]
    else:
        index, group, row, name = where
        rows = data["perspectives"][index][group]
        value = (rows if isinstance(rows, dict) else rows[row])[name]
    return float("nan") if value is None else float(value)


def program_of(scenario: Path, paths: list[str]) -> tuple[str, dict[tuple[Any, ...], int]]:
    """A script computing every figure of the scenario's payback analysis from the inputs at
    ``paths`` (``compute(x)``), as a page's is generated, and where each figure is in it."""
    analysis = analyse(load(scenario).model)
    program = Program(paths)
    slots = {where: program.slot(figure) for where, figure in json_figures(analysis)}
    return functions() + "\n" + program.script(), slots


def same(computed: float, expected: float) -> bool:
    """Equal within 1e-9 relative; never (inf, null in JSON) and no number alike."""
    if expected != expected or abs(expected) == float("inf"):
        return computed != computed or abs(computed) == float("inf") or expected != expected
    return abs(computed - expected) <= 1e-9 * max(abs(expected), 1e-300)


def data_of(page: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(page.evaluate(
        "document.getElementById('whatif-data').textContent"))
    return loaded
