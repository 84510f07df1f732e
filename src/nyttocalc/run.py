"""What a run was given: the file, its title, --set overrides and declared assumptions.

Plain data that the loader fills and every output format reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from nyttocalc.core.figures import Unit


@dataclass(frozen=True)
class Assumption:
    """An input that no source states, with the scenario's reason for its value."""

    path: str
    value: object  # a number or a list of numbers, as in the scenario
    unit: Unit
    reason: str


@dataclass(frozen=True)
class RunInfo:
    """What was run: the file, its title, the --set overrides, the declared assumptions."""

    file: str
    title: str
    overrides: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
