"""A cell of the analysts' and the simulation's results (a perspective, a subsidy rate and a
horizon, by their place in the scenario's lists): its values, and which of them a sweep varies
or a simulation draws. Every output of ``sweep``, ``sensitivity`` and ``simulate`` names a cell
so."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nyttocalc.core.batch import Cell
    from nyttocalc.core.model import Model
    from nyttocalc.core.uncertainty import Uncertainty


def dimensions(model: Model, cell: Cell, varied: Sequence[str] = ()) -> dict[str, Any]:
    """The cell's perspective, subsidy rate and horizon; ``null`` for one that varies (the
    axis holds its values)."""
    rate_path = f"analysis.subsidy_rates.{cell.rate_index}"
    horizon_path = f"analysis.horizons_years.{cell.horizon_index}"
    return {"perspective": cell.perspective,
            "subsidy_rate": None if rate_path in varied
            else model.subsidy_rates[cell.rate_index],
            "horizon_years": None if horizon_path in varied
            else model.horizons_years[cell.horizon_index]}


def drawn(uncertainty: Uncertainty, name: str, index: int) -> bool:
    """Whether the simulation draws this list item (its JSON value is then null, its CSV
    cell ``drawn``)."""
    return f"analysis.{name}.{index}" in uncertainty.inputs
