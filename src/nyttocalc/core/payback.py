"""The payback analysis: every figure of the report's reasoning, for every perspective.

``analyse`` takes a ``Model`` and returns a ``PaybackAnalysis``: per perspective its cost, its
value per employed person-year at each wage-subsidy rate, break-even counts for each horizon,
payback years, the inverse table (k employed → years), mixes of unsubsidised and subsidised
workers, the break-even employment rate, the long view and the written-off cost. Each number is a
``Figure`` that carries its arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from nyttocalc.core import reasoning
from nyttocalc.core.figures import Figure, Term
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.registry import DEFINITIONS, At, Figures, key_figures, payback_groups


@dataclass(frozen=True)
class Row:
    """One row of a result group (``registry.GROUPS``): the values of its dimensions (which
    subsidy rate, horizon, number of persons), its figures, and its yes/no flags, each by name,
    in the order the group declares them; ``row.persons_whole`` reads any of them."""

    dims: Mapping[str, float]
    figures: Mapping[str, Figure]
    flags: Mapping[str, bool]

    def __getattr__(self, name: str) -> Any:
        for part in ("dims", "figures", "flags"):
            values = self.__dict__.get(part, {})
            if name in values:
                return values[name]
        raise AttributeError(name)


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
    rows: Mapping[str, tuple[Row, ...]]  # per result group, in the registry's order

    @property
    def summary(self) -> Row:
        return self.rows["summary"][0]

    @property
    def values(self) -> tuple[Row, ...]:
        return self.rows["values"]

    @property
    def break_even(self) -> tuple[Row, ...]:
        return self.rows["break_even"]

    @property
    def payback_by_persons(self) -> tuple[Row, ...]:
        return self.rows["payback_by_persons"]

    @property
    def mixes(self) -> tuple[Row, ...]:
        return self.rows["mixes"]

    @property
    def cost(self) -> Figure:
        cost: Figure = self.summary.cost
        return cost

    def value_at(self, subsidy_rate: float) -> Figure:
        """The value per employed person-year at one of the scenario's subsidy rates."""
        value: Figure = next(v.value_per_person_year for v in self.values
                             if v.subsidy_rate == subsidy_rate)
        return value

    def outlook(self, subsidy_rate: float) -> Outlook:
        return outlook(self.cost.value, self.value_at(subsidy_rate).value)

    @property
    def has_cost(self) -> bool:
        """Whether the perspective paid anything: else there is nothing to pay back."""
        return self.cost.value > 0

    def groups(self) -> dict[str, tuple[Row, ...]]:
        """The result groups in reading order, each a tuple of rows."""
        return dict(self.rows)


@dataclass(frozen=True)
class KeyFigures(Row):
    """A party's key figures of the first year after: of one group of participants, or of
    every group together (``group`` None); ``row.revenue`` reads one."""

    party: str = ""
    group: str | None = None


@dataclass(frozen=True)
class OutcomesAnalysis:
    """NyttoSAM's key figures: per group and party, then every group together per party."""

    groups: tuple[KeyFigures, ...]
    totals: tuple[KeyFigures, ...]

    def figure(self, party: str, name: str, group: str | None = None) -> Figure | None:
        """One key figure: a group's (``group``), or every group's together; None where there
        is no such figure."""
        rows = self.totals if group is None else self.groups
        return next((row.figures.get(name) for row in rows
                     if row.party == party and row.group == group), None)


@dataclass(frozen=True)
class PaybackAnalysis:
    model: Model
    perspectives: tuple[PerspectiveResult, ...]
    outcomes: OutcomesAnalysis | None = None  # NyttoSAM's key figures, where groups are given

    def perspective(self, key: str) -> PerspectiveResult:
        return next(p for p in self.perspectives if p.perspective.key == key)


@dataclass(frozen=True)
class FigureKind:
    """Where a named figure lives: its result group and the dimensions that pick its row."""

    group: str
    dims: tuple[str, ...]


# Every figure name the analysis reports, e.g. ``persons_whole`` → break_even, with dimensions
# (subsidy_rate, horizon_years).
FIGURES = {d.name: FigureKind(d.group, d.dims) for d in DEFINITIONS.values()
           if d.group in payback_groups()}


def analyse(model: Model) -> PaybackAnalysis:
    """Compute every payback figure for every perspective of the model, with its arithmetic."""
    figures = Figures(reasoning.explained(model))
    return PaybackAnalysis(model, tuple(_perspective(figures, p) for p in model.perspectives),
                           _key_figures(figures))


def input_term(model: Model, name: str) -> Term:
    """An input as a term; a computed input brings its formula and terms along."""
    term: Term = reasoning.explained(model).input_term(name)
    return term


def _perspective(figures: Figures, perspective: Perspective) -> PerspectiveResult:
    rows = {}
    for key, group in payback_groups().items():
        names = [d.name for d in group.figures]
        rows[key] = tuple(
            Row(at.dims(group.dims), {name: figures(name, at) for name in names},
                {flag: test(figures, at) for flag, test in group.flags.items()})
            for at in group.points(figures, perspective))
    return PerspectiveResult(perspective, rows)


def _key_figures(figures: Figures) -> OutcomesAnalysis | None:
    """NyttoSAM's key figures of every party (society and each actor), where the scenario
    states its groups' states before and after."""
    model = figures.model
    if model.ledger is None or model.outcomes is None:
        return None

    def row(at: At) -> KeyFigures:
        return KeyFigures({}, {name: figures(name, at) for name in key_figures(at.group)}, {},
                          at.party, at.group)

    parties = model.ledger.parties()
    return OutcomesAnalysis(
        tuple(row(At(party, group=g.key)) for g in model.outcomes.groups for party in parties),
        tuple(row(At(party)) for party in parties))
