"""The calculation model: plain, frozen data that the formulas read.

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
    FTE = "fte"  # the full-time equivalent of the job (0.5 for half-time)


@dataclass(frozen=True)
class ValueComponent:
    """One source of value per employed person-year, read from a named input."""

    input: str
    scales_with: frozenset[Scaling]


@dataclass(frozen=True)
class Perspective:
    """Whose costs and benefits are counted: society, the municipality, …"""

    key: str
    labels: Mapping[str, str]  # language code → display name
    cost_items: tuple[str, ...]  # names of amount inputs that this perspective pays
    cost_markup: str | None  # name of a rate input added on top (indirect taxes), or None
    value_components: tuple[ValueComponent, ...]


@dataclass(frozen=True)
class Model:
    """Everything the payback formulas need, with every scalar already validated.

    ``inputs`` maps input names to values; the perspectives refer to them by name.
    """

    inputs: Mapping[str, float]
    perspectives: tuple[Perspective, ...]
    participants: int
    full_time_equivalent: float
    delay_years: float
    horizons_years: tuple[float, ...]
    subsidy_rates: tuple[float, ...]
    long_view_years: float
    write_off_years: float

    @property
    def unsubsidised_rate(self) -> float:
        """The lowest listed wage-subsidy rate: the "without subsidy" side of a mix."""
        return min(self.subsidy_rates)

    @property
    def subsidised_rates(self) -> tuple[float, ...]:
        """Every listed rate above the lowest: the "with subsidy" side of a mix."""
        return tuple(r for r in self.subsidy_rates if r > self.unsubsidised_rate)
