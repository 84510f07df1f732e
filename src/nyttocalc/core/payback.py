"""The payback analysis: every figure of the report's reasoning, for every perspective.

``analyse`` takes a ``Model`` and returns a ``PaybackAnalysis``: per perspective its cost, its
value per employed person-year at each wage-subsidy rate, break-even counts for each horizon,
payback years, the inverse table (k employed → years), mixes of unsubsidised and subsidised
workers, the break-even employment rate, the long view and the written-off cost. Each number is a
``Figure`` that carries its arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from nyttocalc.core import reasoning
from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure, Term
from nyttocalc.core.model import Model
from nyttocalc.core.outcomes import OutcomesAnalysis, key_figures
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.reasoning import Reasoning

# Each result group is a tuple of rows. A row's int/float fields are its dimensions (which
# subsidy rate, horizon, number of persons), its ``Figure`` fields are computed figures, and its
# bool fields are flags. Renderers (tables, JSON, CSV, --explain) read rows by these field kinds,
# so a figure added here appears in every output format.


@dataclass(frozen=True)
class Summary:
    """The cost, and the cost written off over the write-off period."""

    cost: Figure
    annual_write_off: Figure


@dataclass(frozen=True)
class RateValue:
    """What one employed person-year is worth at one wage-subsidy rate, and over a working life."""

    subsidy_rate: float
    value_per_person_year: Figure
    long_view_value: Figure
    long_view_multiple: Figure


@dataclass(frozen=True)
class BreakEven:
    """How many must be employed to pay back within one horizon, at one subsidy rate."""

    subsidy_rate: float
    horizon_years: float
    persons_exact: Figure
    persons_whole: Figure
    persons_half_steps: Figure
    payback_year: Figure
    employment_rate: Figure
    required_value_per_year: Figure
    required_value_per_participant_year: Figure
    within_cohort: bool  # the whole-person count is at most the number of participants


@dataclass(frozen=True)
class PaybackByPersons:
    """The inverse question: if ``persons`` get work, when is the cost paid back."""

    subsidy_rate: float
    persons: int
    years_of_work: Figure
    paid_back_after_years: Figure  # counted from the end of the intervention


@dataclass(frozen=True)
class Mix:
    """The fewest workers at ``subsidy_rate`` who, beside ``unsubsidised`` ones, pay back."""

    subsidy_rate: float
    horizon_years: float
    unsubsidised: int
    subsidised: Figure
    total: Figure
    within_cohort: bool


class Outlook(StrEnum):
    """What employment means to a perspective at one subsidy rate, before any count."""

    PAYS_BACK = "pays_back"  # a cost, and a gain per employed person-year to pay it back with
    GAINS_FROM_START = "gains_from_start"  # no cost: every employed person-year is a gain
    NEVER = "never"  # a cost, and nothing or a loss per employed person-year
    LOSES = "loses"  # no cost, and a loss per employed person-year
    NOTHING = "nothing"  # neither a cost nor anything per employed person-year


def outlook(cost: float, value: float) -> Outlook:
    if cost > 0:
        return Outlook.PAYS_BACK if value > 0 else Outlook.NEVER
    if value > 0:
        return Outlook.GAINS_FROM_START
    return Outlook.LOSES if value < 0 else Outlook.NOTHING


@dataclass(frozen=True)
class PerspectiveResult:
    perspective: Perspective
    summary: Summary
    values: tuple[RateValue, ...]
    break_even: tuple[BreakEven, ...]
    payback_by_persons: tuple[PaybackByPersons, ...]
    mixes: tuple[Mix, ...]

    @property
    def cost(self) -> Figure:
        return self.summary.cost

    def value_at(self, subsidy_rate: float) -> Figure:
        """The value per employed person-year at one of the scenario's subsidy rates."""
        return next(v.value_per_person_year for v in self.values
                    if v.subsidy_rate == subsidy_rate)

    def outlook(self, subsidy_rate: float) -> Outlook:
        return outlook(self.cost.value, self.value_at(subsidy_rate).value)

    @property
    def has_cost(self) -> bool:
        """Whether the perspective paid anything: else there is nothing to pay back."""
        return self.cost.value > 0

    def groups(self) -> dict[str, tuple[object, ...]]:
        """The result groups in reading order, each a tuple of rows."""
        return {
            "summary": (self.summary,),
            "values": self.values,
            "break_even": self.break_even,
            "payback_by_persons": self.payback_by_persons,
            "mixes": self.mixes,
        }


@dataclass(frozen=True)
class PaybackAnalysis:
    model: Model
    perspectives: tuple[PerspectiveResult, ...]
    outcomes: OutcomesAnalysis | None = None  # NyttoSAM's key figures, where groups are given

    def perspective(self, key: str) -> PerspectiveResult:
        return next(p for p in self.perspectives if p.perspective.key == key)


ROW_TYPES: dict[str, type] = {
    "summary": Summary,
    "values": RateValue,
    "break_even": BreakEven,
    "payback_by_persons": PaybackByPersons,
    "mixes": Mix,
}


@dataclass(frozen=True)
class FigureKind:
    """Where a named figure lives: its result group and the dimensions that pick its row."""

    group: str
    dims: tuple[str, ...]


def figure_catalogue() -> dict[str, FigureKind]:
    """Every figure name the analysis computes, e.g. ``persons_whole`` → break_even, with
    dimensions (subsidy_rate, horizon_years)."""
    catalogue = {}
    for group, row_type in ROW_TYPES.items():
        kinds = {f.name: str(f.type) for f in fields(row_type)}
        dims = tuple(name for name, kind in kinds.items() if kind in ("float", "int"))
        for name, kind in kinds.items():
            if kind == "Figure":
                catalogue[name] = FigureKind(group, dims)
    return catalogue


FIGURES = figure_catalogue()


def analyse(model: Model) -> PaybackAnalysis:
    """Compute every payback figure for every perspective of the model, with its arithmetic."""
    why = reasoning.explained(model)
    outcomes = None
    if model.ledger is not None and model.outcomes is not None:
        outcomes = key_figures(model, model.ledger, model.outcomes)
    return PaybackAnalysis(model, tuple(_perspective(why, p) for p in model.perspectives),
                           outcomes)


def input_term(model: Model, name: str) -> Term:
    """An input as a term; a computed input brings its formula and terms along."""
    term: Term = reasoning.explained(model).input_term(name)
    return term


def _perspective(why: Reasoning, perspective: Perspective) -> PerspectiveResult:
    model = why.model
    cost: Figure = why.cost(perspective)
    present: Figure = why.present_cost(cost)
    values: dict[float, Figure] = {r: why.value(perspective, r) for r in model.subsidy_rates}
    break_even = tuple(_break_even(why, present, r, values[r], h)
                       for r in model.subsidy_rates for h in model.horizons_years)
    return PerspectiveResult(
        perspective=perspective,
        summary=Summary(cost, why.write_off(cost)),
        values=tuple(_rate_value(why, present, r, v) for r, v in values.items()),
        break_even=break_even,
        payback_by_persons=tuple(
            _by_persons(why, present, r, values[r], k)
            for r in model.subsidy_rates
            for k in range(1, model.participants + 1)
        ),
        mixes=_mixes(why, present, values, break_even),
    )


def _rate_value(why: Reasoning, cost: Figure, rate: float, value: Figure) -> RateValue:
    long_view = why.long_view(value)
    return RateValue(rate, value, long_view, why.long_view_multiple(long_view, cost))


def _break_even(why: Reasoning, cost: Figure, rate: float, value: Figure,
                horizon: float) -> BreakEven:
    work = why.horizon(horizon)
    exact = why.persons_exact(cost, value, work)
    whole = why.persons_whole(exact)
    per_year = why.required_per_year(cost, work)
    per_participant = why.required_per_participant_year(per_year)
    return BreakEven(
        subsidy_rate=rate,
        horizon_years=horizon,
        required_value_per_year=per_year,
        required_value_per_participant_year=per_participant,
        persons_exact=exact,
        persons_whole=whole,
        persons_half_steps=why.persons_half_steps(exact),
        payback_year=why.payback_year(exact, horizon),
        employment_rate=why.employment_rate(per_participant, value),
        within_cohort=whole.value <= why.model.participants,
    )


def _by_persons(why: Reasoning, cost: Figure, rate: float, value: Figure,
                persons: int) -> PaybackByPersons:
    years = why.years_of_work(cost, value, persons)
    return PaybackByPersons(rate, persons, years, why.paid_back_after(years))


def _mixes(why: Reasoning, cost: Figure, values: dict[float, Figure],
           break_even: tuple[BreakEven, ...]) -> tuple[Mix, ...]:
    """For each subsidised rate and horizon: 0, 1, … workers at the lowest rate, until they
    suffice on their own (the break-even count at that rate)."""
    model = why.model
    unsubsidised_value = values[model.unsubsidised_rate]
    enough = {b.horizon_years: b.persons_whole.value for b in break_even
              if b.subsidy_rate == model.unsubsidised_rate}
    mixes: list[Mix] = []
    for rate in model.subsidised_rates:
        for horizon in model.horizons_years:
            work = why.horizon(horizon)
            # Where workers at the lowest rate add nothing, one row says it all.
            last = 0 if is_never(enough[horizon]) else min(int(enough[horizon]),
                                                           model.participants)
            for unsubsidised in range(last + 1):
                fewest = why.fewest_subsidised(cost, work, unsubsidised, unsubsidised_value,
                                               values[rate])
                total = why.mix_total(unsubsidised, fewest)
                mixes.append(Mix(rate, horizon, unsubsidised, fewest, total,
                                 total.value <= model.participants))
    return tuple(mixes)
