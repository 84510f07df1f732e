"""What the analysts' commands ask: sweep, solve and sensitivity (their defaults: ``defaults``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.batch import Cell
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.sensitivity import SensitivityResult, Variation
    from nyttocalc.core.solve import Answer, Question
    from nyttocalc.core.sweep import SweepResult
    from nyttocalc.scenario.load import LoadedScenario

# Not moved by a sensitivity run: they are the questions asked, not inputs of the answer.
QUESTIONS = ("analysis.horizons_years.", "analysis.long_view_years", "analysis.write_off_years")


def metric(name: str, persons: float | None = None) -> str:
    """``--metric``, checked: a figure a sweep computes; ``--persons`` where it counts the
    employed, and only there."""
    from nyttocalc.core.batch import METRICS, counts_persons

    if name not in METRICS:
        raise NyttocalcError(f"--metric {name!r} is not a figure a sweep computes; expected one "
                             f"of: {', '.join(METRICS)}")
    counting = [m for m in METRICS if counts_persons(m)]
    if counts_persons(name) and persons is None:
        raise NyttocalcError(f"--metric {name} is a figure of how many are employed: give "
                             "--persons N (e.g. --persons 5)")
    if persons is not None and not counts_persons(name):
        raise NyttocalcError(f"--persons is for a metric that counts the employed "
                             f"({', '.join(counting)}), not {name}")
    return name


@dataclass(frozen=True)
class Swept:
    result: SweepResult
    units: Mapping[str, Unit]  # each varied input's
    # The cost over the same grid, where a break-even figure needs it: a point where the party
    # paid nothing is marked. None for the cost and the value per person-year, which mean the
    # same whatever was paid.
    costs: SweepResult | None


def sweep(loaded: LoadedScenario, vary: Sequence[str], metric: str,
          perspectives: Sequence[str], horizon: float | None,
          subsidy_rate: float | None, persons: float | None = None) -> Swept:
    """``metric`` over the ``--vary`` axes, for the cells selected (all by default); nothing is
    computed until the result is read."""
    from nyttocalc.core.batch import select
    from nyttocalc.core.sweep import MAX_AXES, MAX_POINTS, Axis
    from nyttocalc.core.sweep import sweep as run_sweep
    from nyttocalc.scenario import values
    from nyttocalc.scenario.convert import unit

    varied = values.sweep_axes(loaded.scenario, vary, loaded.overrides, MAX_AXES, MAX_POINTS)
    axes = [Axis(place.path, tuple(points)) for place, points in varied]
    cells = select(loaded.model, perspectives, horizon, subsidy_rate)
    result = run_sweep(loaded.model, axes, metric, cells, persons)
    costs = (None if metric in ("cost", "value_per_person_year")
             else run_sweep(loaded.model, axes, "cost", cells))
    return Swept(result, {place.path: unit(place.unit) for place, _ in varied}, costs)


@dataclass(frozen=True)
class Solved:
    question: Question
    answer: Answer
    unit: Unit  # the unknown's
    check: float | None  # the break-even persons that payback computes at the first answer


def solve(loaded: LoadedScenario, unknown: str, persons: float, perspective: str,
          horizon: float | None, subsidy_rate: float | None, between: str | None) -> Solved:
    """The value of ``unknown`` at which ``persons`` employed pay back ``perspective``'s cost
    within ``horizon`` years, at ``subsidy_rate`` (the lowest listed by default)."""
    from nyttocalc.core.solve import Question, persons_at
    from nyttocalc.core.solve import solve as run_solve
    from nyttocalc.scenario import values
    from nyttocalc.scenario.convert import unit
    from nyttocalc.scenario.schema import MAX_PARTICIPANTS

    model = loaded.model
    try:
        place = values.number_place(loaded.scenario, unknown)
        low, high = values.search_range(place, between)
    except values.PlaceError as exc:
        raise NyttocalcError(f"--for {unknown}: {exc.message}") from None
    if perspective not in [p.key for p in model.perspectives]:
        raise NyttocalcError(f"--perspective {perspective!r} is not a perspective of this "
                             f"scenario: {', '.join(p.key for p in model.perspectives)}")
    if horizon is None and not place.path.startswith("analysis.horizons_years."):
        raise NyttocalcError("give --horizon YEARS: how long the employed work")
    values.refuse_overridden(loaded.overrides, [place.path], "solved for")
    years = values.option(loaded.scenario, "--horizon", "analysis.horizons_years.0",
                          place.value if horizon is None else horizon)
    rate = values.option(loaded.scenario, "--subsidy-rate", "analysis.subsidy_rates.0",
                         model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
    # solving for the cohort's size, the participants are the unknown
    values.persons(persons, MAX_PARTICIPANTS if place.path == "cohort.participants"
                   else model.participants)
    question = Question(place.path, perspective, persons, years, rate, low, high)
    answer = run_solve(model, question)
    if place.whole:
        answer = whole_roots(answer)
    check = persons_at(model, question, answer.roots[0]) if answer.roots else None
    return Solved(question, answer, unit(place.unit), check)


def whole_roots(answer: Answer) -> Answer:
    """A head count's answer: each value the whole number on the side that pays back (up where
    larger values pay back, down where smaller do), with the slack for float round-off that
    payback's whole persons have (``arith.ceil_step``)."""
    from dataclasses import replace

    from nyttocalc.core.arith import ceil_step

    return replace(answer, roots=tuple(
        int(ceil_step(root)) if above else -int(ceil_step(-root))
        for root, above in zip(answer.roots, answer.pays_back_above, strict=True)))


def variations(loaded: LoadedScenario, share: float,
               exclude: Sequence[str] = QUESTIONS) -> tuple[list[Variation], dict[str, Unit]]:
    """Every input of the scenario moved down and up by ``share``, and each one's unit (money
    in any currency is money: ``GBP/year`` is the core's ``SEK/year``)."""
    from nyttocalc.core.sensitivity import Variation
    from nyttocalc.scenario import values
    from nyttocalc.scenario.convert import unit

    paths = [p for p in loaded.model.parameter_paths() if not p.startswith(tuple(exclude))]
    varied = values.variations(loaded.scenario, paths, share)
    return ([Variation(p.path, p.value, lo, hi) for p, lo, hi in varied],
            {p.path: unit(p.unit) for p, _, _ in varied})


def sensitivity(loaded: LoadedScenario, by: str, metric: str, perspectives: Sequence[str],
                horizon: float | None, subsidy_rate: float | None, persons: float | None = None
                ) -> tuple[SensitivityResult, list[Cell], dict[str, Unit], float]:
    """Every input moved by ``by`` (not the horizons: they are questions), at the first horizon
    and the lowest rate unless given."""
    from nyttocalc.core.batch import select
    from nyttocalc.core.sensitivity import sensitivity as run_sensitivity
    from nyttocalc.scenario import values

    model = loaded.model
    try:
        share = values.parse_share(by)
    except values.PlaceError as exc:
        raise NyttocalcError(f"--by {by}: {exc.message}") from None
    varied, units = variations(loaded, share)
    cells = select(model, perspectives,
                   model.horizons_years[0] if horizon is None else horizon,
                   model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
    return run_sensitivity(model, varied, metric, persons), cells, units, share
