"""What a run was given: the file, its title, --set overrides and declared assumptions.

Plain data that the loader fills and every output format reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nyttocalc.core.figures import Unit


@dataclass(frozen=True)
class Assumption:
    """An input that no source states, with the scenario's reason for its value."""

    path: str
    value: object  # a number or a list of numbers, as in the scenario
    unit: Unit
    reason: str


@dataclass(frozen=True)
class ClaimSource:
    """Where a claim stands in its document, and the figure as printed there."""

    document: str
    section: str
    quote: str
    printed: str


@dataclass(frozen=True)
class RunInfo:
    """What was run: the file, its title, the --set overrides, the declared assumptions."""

    file: str
    title: str
    overrides: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    claims: Mapping[str, ClaimSource] = field(default_factory=dict)  # by claim id
