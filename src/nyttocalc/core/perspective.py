"""Whose costs and benefits are counted.

A perspective (society, the municipality, later a region or a state agency) is data: which inputs
it pays as its cost, whether those are marked up to socio-economic kronor, and which value
components it gains for each employed person-year. Adding a perspective is a scenario change,
never a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Scaling(StrEnum):
    """What a value component is proportional to, besides the number of employed persons."""

    PRODUCTIVITY = "productivity"  # 1 − wage-subsidy rate: the share of the wage the employer pays
    SUBSIDY = "subsidy"  # the wage-subsidy rate itself: the share of the wage cost subsidised
    FTE = "fte"  # the full-time equivalent of the job (0.5 for half-time)


@dataclass(frozen=True)
class ValueComponent:
    """One source of value per employed person-year, read from a named input; ``sign`` −1 for
    what a perspective loses (a transfer it pays, a resource it uses, in the state it gains)."""

    input: str
    scales_with: frozenset[Scaling]
    sign: int = 1


@dataclass(frozen=True)
class Perspective:
    """Whose costs and benefits are counted: society, the municipality, …"""

    key: str
    labels: Mapping[str, str]  # language code → display name
    cost_items: tuple[str, ...]  # names of amount inputs that this perspective pays
    cost_markup: str | None  # name of a rate input added on top (indirect taxes), or None
    value_components: tuple[ValueComponent, ...]
