"""A computed figure together with the arithmetic that produced it.

A ``Figure`` holds its value, its unit, the formula as a template with named placeholders, and the
``Term`` that fills each placeholder. Renderers show the formula with symbols (the key paths a
user can ``--set``) or with the scenario's numbers filled in, in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Unit(StrEnum):
    SEK = "SEK"
    SEK_PER_YEAR = "SEK/year"
    SEK_PER_PERSON_YEAR = "SEK/person-year"
    PERSONS = "persons"
    YEARS = "years"
    SHARE = "share"  # a fraction, shown as a percentage
    FTE = "FTE"
    MULTIPLE = "multiple"


@dataclass(frozen=True)
class Term:
    """One operand of a formula: its symbol (a key path or a named figure), value and unit."""

    symbol: str
    value: float
    unit: Unit


@dataclass(frozen=True)
class Figure:
    value: float
    unit: Unit
    formula: str
    terms: Mapping[str, Term] = field(default_factory=dict)

    def substitute(self, show: Callable[[Term], str]) -> str:
        """The formula with each placeholder replaced by ``show(term)``: a symbol or a number."""
        return _PLACEHOLDER.sub(lambda m: show(self.terms[m.group(1)]), self.formula)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def slot(name: str) -> str:
    """The placeholder for the term ``name`` in a formula template: ``{name}``."""
    return "{" + name + "}"


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def given(value: float, unit: Unit, symbol: str) -> Figure:
    """A figure that is an input, not a computation: its formula is its own symbol."""
    return Figure(value, unit, "{x}", {"x": Term(symbol, value, unit)})
