"""What a scenario still lacks before anything can be computed from it.

- Values still to fill in: ``nyttocalc new`` writes a scenario whose values the user must
  supply as text starting with ``FILL IN`` (``value: FILL IN``). Every one of them is listed
  at once, with its line and key path, rather than the first one refused as "not a number" —
  and nothing is computed with a zero in its place.
- Figures a parameter set does not have: a bundled set lists, under ``missing``, each figure
  that no public source read gave (or that was not in force that year), with the reason. A
  scenario that uses one is told which, where and why, instead of "not an input".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from nyttocalc.errors import NyttocalcError
from nyttocalc.scenario.keypath import dotted
from nyttocalc.scenario.usage import references
from nyttocalc.scenario.yamlsafe import KeyPath

MARKER = "FILL IN"


class Unfilled(NyttocalcError):
    """A scenario with values still to fill in, or that needs figures its sets lack."""


@dataclass(frozen=True)
class Missing:
    """A figure a parameter set does not have: which set, and why."""

    parameter_set: str  # as the scenario's `uses` names it
    unit: str
    reason: str  # "not found: …" or "not in force: …"


def markers(data: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """The key path of every value that is still the marker, in the document's order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from markers(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from markers(value, (*path, index))
    elif isinstance(data, str) and data.startswith(MARKER):
        yield path


def refuse_unfilled(name: str, data: Any, lines: Mapping[KeyPath, int]) -> None:
    """One paragraph listing every value still marked ``FILL IN``, if there is one."""
    places = [_place(path, lines) for path in markers(data)]
    if not places:
        return
    count = f"{len(places)} values" if len(places) > 1 else "a value"
    raise Unfilled(
        f"{name} has {count} still to fill in (marked {MARKER}): {'; '.join(places)}. Write "
        "each in — a number where a number goes; where an assumption is asked for, why that "
        "value (or a `source:` with document, section and quote instead) — then run again; "
        "nothing is computed before.")


def refuse_missing(name: str, scenario: Any, missing: Mapping[str, Missing],
                   lines: Mapping[KeyPath, int]) -> None:
    """One paragraph naming every figure the scenario uses that its parameter sets lack (and
    that it does not give itself), with where it is used and why the set lacks it."""
    lacking = [(term, places[0]) for term, places in references(scenario).items()
               if term in missing and term not in scenario.inputs]
    if not lacking:
        return
    texts = [f"{term} ({missing[term].unit}), used at {_place(where, lines)}: "
             f"{missing[term].parameter_set} has no such figure — "
             f"{missing[term].reason.rstrip('.')}"
             for term, where in lacking]
    which = "a figure" if len(texts) == 1 else f"{len(texts)} figures"
    raise Unfilled(
        f"{name} uses {which} that its parameter sets do not have: {'; '.join(texts)}. Give "
        f"{'it' if len(texts) == 1 else 'each'} in the scenario's `inputs`, with its value, "
        "unit and source (or the assumption behind it).")


def _place(path: KeyPath, lines: Mapping[KeyPath, int]) -> str:
    line = next((lines[path[:end]] for end in range(len(path), 0, -1) if path[:end] in lines),
                None)
    return f"line {line}, {dotted(path)}" if line is not None else dotted(path)
