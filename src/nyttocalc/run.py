"""What a run was given: the file, its title, --set overrides and declared assumptions.

Plain data that the loader fills and every output format reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nyttocalc.core.figures import Unit


class Said(str):
    """A text of the scenario, in the language it is written in (``lang``): the report's own
    language where the scenario gives it, else the one it falls back to, which a page marks."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Said:
        said = super().__new__(cls, text)
        said.lang = lang
        return said


@dataclass(frozen=True)
class Assumption:
    """An input that no source states, with the scenario's reason for its value."""

    path: str
    value: object  # a number or a list of numbers, as in the scenario
    unit: Unit
    reason: Said


@dataclass(frozen=True)
class ClaimSource:
    """Where a claim stands in its document, and the figure as printed there."""

    document: str
    section: str
    quote: str
    printed: str
    label: Said | None = None  # what the figure is, in words
    note: Said | None = None
    scale: str | None = None  # the scale a table states for the printed figure ("millions")


@dataclass(frozen=True)
class Citation:
    """Where a document states a value: its source key, section and words."""

    document: str
    section: str
    quote: str


@dataclass(frozen=True)
class Bounds:
    """The values the scenario format allows for a number: at least ``low`` (above it, where
    not ``low_included``), at most ``high``, and a whole number where ``whole``."""

    low: float | None = None
    high: float | None = None
    low_included: bool = True
    whole: bool = False


@dataclass(frozen=True)
class InputInfo:
    """One number of the scenario as a reader of a report needs it: its key path, value (a
    list for the horizons and subsidy rates, None for a computed input, which has a formula),
    unit, what it is, and its source or the assumption behind it."""

    path: str
    value: object
    unit: Unit
    description: Said
    source: Citation | None
    assumption: Said | None
    formula: str | None = None
    default: bool = False  # the file leaves it out: the value is the format's default
    name: Said | None = None  # a short name in words: the label, or the description's start
    bounds: Bounds = Bounds()  # of its value (each item's, for a list)


@dataclass(frozen=True)
class SourceInfo:
    key: str
    title: str
    author: str | None = None
    year: int | None = None
    where: str | None = None  # a URL or a document's file name


@dataclass(frozen=True)
class RunInfo:
    """What was run: the file, its title, the --set overrides, the declared assumptions, and
    (for the report and the workbook) every input with its source and the sources."""

    file: str
    title: Said
    overrides: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    claims: Mapping[str, ClaimSource] = field(default_factory=dict)  # by claim id
    inputs: tuple[InputInfo, ...] = ()
    sources: tuple[SourceInfo, ...] = ()
    lang: str = "en"  # the language the texts were chosen for
    # How the scenario's report writes numbers (its `numbers`): the decimal mark and what groups
    # thousands. Its printed figures are shown as printed where a language writes them so.
    decimal: str = ","
    thousands: str = " "

    def input(self, path: str) -> InputInfo | None:
        """The input at ``path`` (an item of a list: the list's input)."""
        found = {i.path: i for i in self.inputs}
        while path and path not in found:
            path = path.rpartition(".")[0]
        return found.get(path)

    def writes_as(self, lang: str) -> bool:
        """Whether the report writes numbers as ``lang`` does: a decimal comma and thousands by
        space in Swedish, a decimal point and thousands by comma in English."""
        own = {"sv": (",", (" ", "")), "en": (".", (",", ""))}[lang]
        return self.decimal == own[0] and self.thousands in own[1]

    def overrides_of(self, path: str) -> tuple[str, ...]:
        """The --set assignments that change the number at ``path`` or an item of its list
        (written with ``.value`` in the key path or without)."""
        keys = path.split(".")

        def target(given: str) -> list[str]:
            return [k for k in given.partition("=")[0].strip().split(".") if k != "value"]

        return tuple(o for o in self.overrides if target(o)[:len(keys)] == keys)
