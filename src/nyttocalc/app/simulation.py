"""What simulate asks: the Monte Carlo of the scenario's simulation section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.simulate import SimulationResult
    from nyttocalc.core.uncertainty import Uncertainty
    from nyttocalc.scenario.load import LoadedScenario


@dataclass(frozen=True)
class Simulated:
    result: SimulationResult
    uncertainty: Uncertainty  # what was drawn


def monte_carlo(loaded: LoadedScenario, draws: int, seed: int,
             progress: Callable[[int, int], None] | None = None) -> Simulated:
    """``draws`` seeded draws; ``progress(done, total)`` is told as they are made."""
    from nyttocalc.core.simulate import simulate as run_simulation
    from nyttocalc.scenario import values

    if loaded.uncertainty is None:
        raise NyttocalcError("the scenario has no `simulation` section; declare at least "
                             "simulation.employment_probability (see the README, Uncertainty)")
    values.refuse_overridden(loaded.overrides, list(loaded.uncertainty.inputs),
                             "drawn by the simulation section")
    return Simulated(run_simulation(loaded.model, loaded.uncertainty, draws, seed, progress),
                     loaded.uncertainty)
