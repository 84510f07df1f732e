"""A scenario's `uses`: the parameter sets it names, and the municipality it names with one.

An entry is a bundled set's name (``se-2019``), a parameter file's path, or a mapping
``{parameters: se-2025, municipality: Umeå}``: the set, with the local tax rates of that
municipality in the set's year, so the year and the municipality are named once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nyttocalc import bundled
from nyttocalc.errors import NyttocalcError


@dataclass(frozen=True)
class Entry:
    index: int  # its place in `uses`
    parameters: str  # a set's name or a file's path, as the scenario gives it
    municipality: str | int | None = None


def entries(given: Any) -> list[Entry] | None:
    """The entries of `uses`; None where it is absent or not as expected (the scenario's
    validation then says what it expects)."""
    if not isinstance(given, list) or not given:
        return None
    found = []
    for index, item in enumerate(given):
        if isinstance(item, str):
            found.append(Entry(index, item))
        elif (isinstance(item, dict) and isinstance(item.get("parameters"), str)
              and set(item) == {"parameters", "municipality"}
              and isinstance(item["municipality"], str | int)
              and not isinstance(item["municipality"], bool)):
            found.append(Entry(index, item["parameters"], item["municipality"]))
        else:
            return None
    return found


def described(entry: Entry) -> str:
    """How a message names where a figure came from."""
    kind = "the parameter set" if bundled.is_name(entry.parameters) else "the parameter file"
    local = (f" with the municipality {entry.municipality}" if entry.municipality is not None
             else "")
    return f"{kind} {entry.parameters}{local}"


def local_tax(parameters: dict[str, Any], entry: Entry, where: str) -> dict[str, Any]:
    """The sources and inputs that an entry's municipality adds: its municipal, regional and
    total local tax rates in the year of the parameter file, from the file's table."""
    from nyttocalc.scenario import local_tax  # 9 ms to import, for these scenarios only

    assert entry.municipality is not None
    try:
        rates = local_tax.lookup(parameters, entry.parameters, entry.municipality)
    except LookupError as exc:
        raise NyttocalcError(f"{where}.municipality: {exc}.") from None
    return rates.scenario_data()
