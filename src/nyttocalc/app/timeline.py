"""What timeline asks, and how many get work where no one says: the simulation section's
expected number, or the number the scenario's outcomes observed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.scenario.load import LoadedScenario


def timeline_for(loaded: LoadedScenario, persons: float | None,
             subsidy_rate: float | None) -> tuple[PerspectiveTimeline, ...]:
    """The timeline for ``persons`` employed, by default the expected number from the
    simulation section."""
    if persons is None:
        persons = expected_employed(loaded)
    if persons is None:
        raise NyttocalcError("give --persons N: how many participants get work (or declare "
                             "simulation.employment_probability)")
    return employed_timeline(loaded, persons, subsidy_rate)


def employed_timeline(loaded: LoadedScenario, persons: float,
                      subsidy_rate: float | None) -> tuple[PerspectiveTimeline, ...]:
    """The timeline for ``persons`` employed at ``subsidy_rate`` (the lowest by default)."""
    from nyttocalc.core.timeline import timeline as run_timeline
    from nyttocalc.scenario import values

    model = loaded.model
    rate = values.option(loaded.scenario, "--subsidy-rate", "analysis.subsidy_rates.0",
                         model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
    values.persons(persons, model.participants)
    return run_timeline(model, persons, rate)


def expected_employed(loaded: LoadedScenario) -> float | None:
    """How many participants the simulation section expects to get work; None without one."""
    if loaded.uncertainty is None:
        return None
    return loaded.model.participants * loaded.uncertainty.employment_probability.expected()


def observed_employed(loaded: LoadedScenario) -> tuple[float, float] | None:
    """How many of the cohort's groups made the ledger's move in the first year after, as the
    scenario's outcomes say, and their wage-subsidy rate (the average, weighted by persons:
    a value per person-year is linear in the rate, so their sum is exact); None without
    outcomes."""
    model = loaded.model
    if model.ledger is None or model.outcomes is None:
        return None
    move = model.ledger.move
    cohort = loaded.scenario.outcomes.cohort_groups if loaded.scenario.outcomes else []
    moved = [t for group in model.outcomes.groups if group.key in cohort
             for t in group.transitions
             if (t.move.before, t.move.after) == (move.before, move.after)]
    persons = sum(t.persons for t in moved)
    rate = sum(t.persons * t.subsidy_rate for t in moved) / persons if persons else 0.0
    return persons, rate
