"""What a command asks of the core, built from a loaded scenario and the command's options.

Each function checks the options against the scenario, fills in their defaults, calls the core
and returns its result; a bad option is a ``NyttocalcError`` that names it. The commands in
``cli`` only load, ask and emit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.numeric import Cell
    from nyttocalc.core.payback import PaybackAnalysis
    from nyttocalc.core.sensitivity import Move, SensitivityResult
    from nyttocalc.core.simulate import SimulationResult
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.report.answer import Chance, Drivers, Expected
    from nyttocalc.scenario.load import LoadedScenario

# Not moved by a sensitivity run: they are the questions asked, not inputs of the answer.
QUESTIONS = ("analysis.horizons_years.", "analysis.long_view_years", "analysis.write_off_years")
REPORT_SHARE = 0.2  # how far the report moves each input


def moves(loaded: LoadedScenario, share: float,
          exclude: Sequence[str] = QUESTIONS) -> tuple[list[Move], dict[str, Unit]]:
    """Every input of the scenario moved down and up by ``share``, and each one's unit."""
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.sensitivity import Move
    from nyttocalc.scenario import values

    paths = [p for p in loaded.model.parameter_paths() if not p.startswith(tuple(exclude))]
    moved = values.moves(loaded.scenario, paths, share)
    return ([Move(p.path, p.value, lo, hi) for p, lo, hi in moved],
            {p.path: Unit(p.unit) for p, _, _ in moved})


def sensitivity(loaded: LoadedScenario, by: str, metric: str, perspectives: Sequence[str],
                horizon: float | None, subsidy_rate: float | None
                ) -> tuple[SensitivityResult, list[Cell], dict[str, Unit], float]:
    """Every input moved by ``by`` (not the horizons: they are questions), at the first horizon
    and the lowest rate unless given."""
    from nyttocalc.core.numeric import select
    from nyttocalc.core.sensitivity import sensitivity as run_sensitivity
    from nyttocalc.scenario import values

    model = loaded.model
    try:
        share = values.parse_share(by)
    except values.PlaceError as exc:
        raise NyttocalcError(f"--by {by}: {exc.message}") from None
    moved, units = moves(loaded, share)
    cells = select(model, perspectives,
                   model.horizons_years[0] if horizon is None else horizon,
                   model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
    return run_sensitivity(model, moved, metric), cells, units, share


def timeline(loaded: LoadedScenario, persons: float | None,
             subsidy_rate: float | None) -> tuple[PerspectiveTimeline, ...] | None:
    """The timeline for ``persons`` employed (by default the expected number from the
    simulation section); None where neither says how many."""
    from nyttocalc.core.timeline import timeline as run_timeline
    from nyttocalc.scenario import values

    model = loaded.model
    if persons is None:
        persons = expected_employed(loaded)
        if persons is None:
            return None
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


@dataclass(frozen=True)
class ReportParts:
    """Everything the report shows, computed once: the analysis, the claims' verdicts, the
    Monte Carlo result, the timeline, what moves each paying party's answer and its chances."""

    analysis: PaybackAnalysis
    claims: tuple[ClaimResult, ...]
    simulation: SimulationResult | None
    timelines: tuple[PerspectiveTimeline, ...] | None
    employed: float | None  # the number employed in the timeline
    drivers: tuple[Drivers, ...]
    chances: tuple[Chance, ...]
    expected: Expected | None  # the Monte Carlo's number in work, and the paybacks with it


def report(loaded: LoadedScenario, draws: int, seed: int,
           persons: float | None) -> ReportParts:
    from nyttocalc.core.claims import check
    from nyttocalc.core.payback import analyse
    from nyttocalc.core.simulate import simulate

    model = loaded.model
    analysis = analyse(model)
    claims = check(loaded.claims, model) if loaded.claims else ()
    simulated = (simulate(model, loaded.uncertainty, draws, seed)
                 if loaded.uncertainty is not None else None)
    employed, rate = persons, None
    if employed is None:
        employed = expected_employed(loaded)
    if employed is None and (observed := observed_employed(loaded)) is not None:
        employed, rate = observed  # the observed number, at their own subsidy rate
    return ReportParts(analysis, claims, simulated,
                       timeline(loaded, employed, rate) if employed else None,
                       employed, report_drivers(loaded, analysis),
                       report_chances(analysis, simulated), report_expected(analysis, simulated))


def report_expected(analysis: PaybackAnalysis,
                    simulated: SimulationResult | None) -> Expected | None:
    """The number the Monte Carlo expects in work, and when each paying party is paid back
    with that many at the lowest rate; None without a simulation."""
    from nyttocalc.core.sensitivity import payback_time_effects
    from nyttocalc.report.answer import Expected

    if simulated is None:
        return None
    model = analysis.model
    rate = model.unsubsidised_rate
    mean = simulated.employed_mean
    return Expected(mean, simulated.employed_percentiles[0], simulated.employed_percentiles[-1],
                    model.participants, rate, tuple(
                        (r.perspective.key,
                         payback_time_effects(model, (), r.perspective.key, rate, mean)[0])
                        for r in analysis.perspectives if r.has_cost))


def report_drivers(loaded: LoadedScenario, analysis: PaybackAnalysis) -> tuple[Drivers, ...]:
    """For each party that paid and can be paid back: its payback time if the whole persons it
    needs within the first horizon work at the lowest rate, and what moving each input by
    ``REPORT_SHARE`` does to it."""
    from nyttocalc.core.arith import is_never
    from nyttocalc.core.sensitivity import payback_time_effects
    from nyttocalc.report.answer import Drivers

    model = analysis.model
    rate = model.unsubsidised_rate
    # The subsidy rates are questions too: the answer is asked at each of them.
    moved, _ = moves(loaded, REPORT_SHARE, (*QUESTIONS, "analysis.subsidy_rates."))
    found = []
    for result in analysis.perspectives:
        first = next(b for b in result.break_even if b.subsidy_rate == rate)
        persons = first.persons_whole.value
        if not result.has_cost or is_never(persons):
            continue
        base, effects = payback_time_effects(model, moved, result.perspective.key, rate,
                                             persons)
        found.append(Drivers(result.perspective.key, rate, persons, base, REPORT_SHARE,
                             tuple(e for e in effects if e.swing > 0)))
    return tuple(found)


def report_chances(analysis: PaybackAnalysis,
                   simulated: SimulationResult | None) -> tuple[Chance, ...]:
    """Each paying party's chance of being paid back within each horizon, at the lowest rate."""
    from nyttocalc.report.answer import Chance

    if simulated is None:
        return ()
    rate = analysis.model.unsubsidised_rate
    chances = []
    for result in analysis.perspectives:
        if not result.has_cost:
            continue
        cells = [c for c in simulated.cells if c.cell.perspective == result.perspective.key
                 and c.cell.rate_index == analysis.model.subsidy_rates.index(rate)]
        chances.append(Chance(result.perspective.key, rate,
                              tuple((c.horizon_years, c.probability) for c in cells),
                              simulated.draws))
    return tuple(chances)
