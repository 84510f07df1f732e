"""The groups of participants and the states they were in before and after: the transition
tables that NyttoSAM's standard method (``outcomes.py``) reads, observed or assumed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nyttocalc.core.ledger import Move


@dataclass(frozen=True)
class Transition:
    move: Move
    persons: float  # how many made this move
    subsidy_rate: float  # their wage-subsidy rate after it (0 where none)
    path: str  # the key path of the count, for explanations


@dataclass(frozen=True)
class Group:
    key: str
    labels: Mapping[str, str]
    transitions: tuple[Transition, ...]


@dataclass(frozen=True)
class Outcomes:
    reference: str  # the state of a person's potential: work, full time, no subsidy
    groups: tuple[Group, ...]
