"""What report asks: every analysis the page shows, computed once, with the page's settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.core.payback import PaybackAnalysis
    from nyttocalc.core.simulate import SimulationResult
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.report.page.answer import Chance, Drivers, Expected
    from nyttocalc.scenario.load import LoadedScenario

REPORT_SHARE = 0.2  # how far the report moves each input


def check_page_file(output: Path) -> None:
    """The report is a page: ``-o`` must name an HTML file."""
    if output.suffix.lower() not in (".html", ".htm"):
        raise NyttocalcError(f"{output}: the report is an HTML page; give -o a file ending "
                             "in .html (print it to PDF from a browser)")


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
    computed: dict[str, float]  # the value of each computed input, by key path
    # the outcome groups whose counts add up to a total (the participants, or the group's own
    # number): no count of theirs moves alone
    tied_groups: tuple[str, ...] = ()


def report_parts(loaded: LoadedScenario, draws: int, seed: int,
           persons: float | None) -> ReportParts:
    """The analysis, the claims, the Monte Carlo where the scenario declares one, and the
    timeline for ``persons`` employed: by default the simulation's expected number, else the
    number the outcomes observed, at their own subsidy rate."""
    from nyttocalc.app.timeline import employed_timeline, expected_employed, observed_employed
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
                       employed_timeline(loaded, employed, rate) if employed else None,
                       employed, report_drivers(loaded, analysis),
                       report_chances(analysis, simulated), report_expected(analysis, simulated),
                       {f"inputs.{name}": float(model.input_value(name))
                        for name in model.formulas},
                       _tied_groups(loaded))


def _tied_groups(loaded: LoadedScenario) -> tuple[str, ...]:
    """The outcome groups whose counts add up to a total: the cohort's, and those that state
    how many they are."""
    outcomes = loaded.scenario.outcomes
    if outcomes is None:
        return ()
    return (*outcomes.cohort_groups, *(key for key, group in outcomes.groups.items()
                                       if group.participants is not None))


def report_expected(analysis: PaybackAnalysis,
                    simulated: SimulationResult | None) -> Expected | None:
    """The number the Monte Carlo expects in work, and when each paying party is paid back
    with that many at the lowest rate; None without a simulation."""
    from nyttocalc.core.sensitivity import payback_time_effects
    from nyttocalc.report.page.answer import Expected

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
    from nyttocalc.app.analysts import QUESTIONS, variations
    from nyttocalc.core.arith import is_never
    from nyttocalc.core.sensitivity import payback_time_effects
    from nyttocalc.report.page.answer import Drivers

    model = analysis.model
    rate = model.unsubsidised_rate
    # The subsidy rates are questions too: the answer is asked at each of them.
    varied, _ = variations(loaded, REPORT_SHARE, (*QUESTIONS, "analysis.subsidy_rates."))
    found = []
    for result in analysis.perspectives:
        first = next(b for b in result.break_even if b.subsidy_rate == rate)
        persons = first.persons_whole.value
        if not result.has_cost or is_never(persons):
            continue
        base, effects = payback_time_effects(model, varied, result.perspective.key, rate,
                                             persons)
        found.append(Drivers(result.perspective.key, rate, persons, base, REPORT_SHARE,
                             tuple(e for e in effects if e.swing > 0)))
    return tuple(found)


def report_chances(analysis: PaybackAnalysis,
                   simulated: SimulationResult | None) -> tuple[Chance, ...]:
    """Each paying party's chance of being paid back within each horizon, at the lowest rate."""
    from nyttocalc.report.page.answer import Chance

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
