"""The payback analysis' figures by name: each declared once, asked for by name.

A figure's ``Definition`` gives its name, unit, labels (English, Swedish), the result group it is
reported in and how it is computed: from other figures, asked for by name, by the rules of
``reasoning``. ``Figures`` answers ``figures("persons_whole", At("society", subsidy_rate=0.8,
horizon_years=3))``, explained (``payback``, ``check``) or as plain numbers and arrays (sweeps,
Monte Carlo), and computes each figure once per point.

Everything that lists figures reads this module: the payback analysis' rows (``payback``), the
metrics a sweep, sensitivity run or solve can report (``METRICS``), labels, the CLI's help, the
workbook and the documentation. A new figure is a definition here and its labels; nothing else.
"""

from __future__ import annotations

import contextlib
import functools
import operator
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from nyttocalc.core import outcomes
from nyttocalc.core.arith import Num, is_never
from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.reasoning import Reasoning

# The dimensions that pick a figure's row, in the order rows report them; a key figure of the
# first year after is picked by its group of participants (None: every group together).
DIMENSIONS = ("subsidy_rate", "horizon_years", "persons", "unsubsidised", "group")


@dataclass(frozen=True)
class At:
    """Where a figure is asked for: a party and the values of the row's dimensions."""

    party: str
    subsidy_rate: Any = None  # a float, or an array in a sweep
    horizon_years: Any = None
    persons: Any = None
    unsubsidised: int | None = None
    group: str | None = None

    def dims(self, names: tuple[str, ...]) -> dict[str, Num]:
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True)
class Definition:
    name: str
    unit: Unit
    labels: tuple[str, str]  # English, Swedish
    compute: Callable[[Figures, At], Any]
    group: str | None  # the result group that reports it; None: computed on the way only
    dims: tuple[str, ...]  # the dimensions its value depends on (beyond the party)
    metric: int | None  # its place among the metrics of sweep, sensitivity and solve
    metric_name: str  # its name there

    @functools.cached_property
    def point(self) -> Callable[[At], tuple[Any, ...]]:
        """The values of the dimensions it depends on, at a point: its memo key."""
        return _values_of(self.dims)


@dataclass(frozen=True)
class Group:
    """A table of the payback analysis per party: a row per point, a column per figure."""

    name: str
    dims: tuple[str, ...]
    title: tuple[str, str]  # English, Swedish
    word: str  # the group's name in a Swedish CSV
    points: Callable[[Figures, Perspective], Iterator[At]]
    # Yes/no columns of a row, from its figures: whether the count fits in the cohort.
    flags: Mapping[str, Callable[[Figures, At], bool]] = field(default_factory=dict)
    # Its columns, where they are not the figures it reports first (a table of key figures
    # repeats figures of another table).
    columns: tuple[str, ...] = ()
    first_year: bool = False  # of NyttoSAM's first year after, not of payback's analysis

    @property
    def figures(self) -> tuple[Definition, ...]:
        if self.columns:
            return tuple(DEFINITIONS[name] for name in self.columns)
        return tuple(d for d in DEFINITIONS.values() if d.group == self.name)


DEFINITIONS: dict[str, Definition] = {}
GROUPS: dict[str, Group] = {}


def define(name: str, unit: Unit, en: str, sv: str, *, group: str | None = None,
           dims: tuple[str, ...] = (), metric: int | None = None, metric_name: str | None = None,
           ) -> Callable[[Callable[[Figures, At], Any]], Callable[[Figures, At], Any]]:
    """Declare a figure: ``compute(figures, at)`` gives it at a point. A figure reported in a
    group depends on the group's dimensions."""
    def register(compute: Callable[[Figures, At], Any]) -> Callable[[Figures, At], Any]:
        depends = (*GROUPS[group].dims, *dims) if group is not None else dims
        DEFINITIONS[name] = Definition(name, unit, (en, sv), compute, group, depends, metric,
                                       metric_name or name)
        return compute
    return register


def group(name: str, dims: tuple[str, ...], en: str, sv: str, word: str,
          flags: Mapping[str, Callable[[Figures, At], bool]] | None = None,
          columns: tuple[str, ...] = (), first_year: bool = False,
          ) -> Callable[[Callable[[Figures, Perspective], Iterator[At]]],
                        Callable[[Figures, Perspective], Iterator[At]]]:
    """Declare a result group by its title (English, Swedish), its word in a Swedish CSV and
    the points its rows stand for."""
    def register(points: Callable[[Figures, Perspective], Iterator[At]],
                 ) -> Callable[[Figures, Perspective], Iterator[At]]:
        GROUPS[name] = Group(name, dims, (en, sv), word, points, flags or {}, columns,
                             first_year)
        return points
    return register


def payback_groups() -> dict[str, Group]:
    """The result groups of payback's analysis, per perspective, in reading order."""
    return {key: g for key, g in GROUPS.items() if not g.first_year}


class Figures:
    """The figures of one model, asked for by name; each computed once per point."""

    def __init__(self, why: Reasoning) -> None:
        self.why = why
        self.model: Model = why.model
        self._perspectives = {p.key: p for p in why.model.perspectives}
        self._memo: dict[tuple[object, ...], Any] = {}

    def __call__(self, name: str, at: At) -> Any:
        definition = DEFINITIONS[name]
        point = definition.point(at)
        key = (name, at.party, point)
        try:
            return self._memo[key]
        except KeyError:
            pass
        except TypeError:  # a dimension is an array (a sweep's subsidy rates): by identity
            key = (name, at.party, tuple(map(_key, point)))
            if key in self._memo:
                return self._memo[key]
        value = self._memo[key] = definition.compute(self, at)
        return value

    @contextlib.contextmanager
    def scope(self, keep: Collection[str] = ()) -> Iterator[None]:
        """Forget, at the end, the figures first computed within, but those named in ``keep``:
        a Monte Carlo chunk asks for one figure at a time and holds only what lasts beyond it
        (each figure is an array of a block's draws)."""
        kept = len(self._memo)
        try:
            yield
        finally:
            for key in list(self._memo)[kept:]:
                if key[0] not in keep:
                    del self._memo[key]

    def perspective(self, at: At) -> Perspective:
        return self._perspectives[at.party]

    def value(self, name: str, at: At) -> Num:
        """The number of a figure, explained or not."""
        number: Num = self.why.calc.value(self(name, at))
        return number


def _key(value: object) -> object:
    """A dimension's value as part of a memo key: an array (a sweep's subsidy rates) by
    identity, which is what the model it came from holds."""
    return value if value is None or isinstance(value, int | float) else id(value)


def _values_of(dims: tuple[str, ...]) -> Callable[[At], tuple[Any, ...]]:
    """The values of ``dims`` at a point, as a tuple."""
    if not dims:
        return lambda at: ()
    getter = operator.attrgetter(*dims)
    return getter if len(dims) > 1 else lambda at: (getter(at),)


def metrics() -> dict[str, Definition]:
    """The figures a sweep, sensitivity run or solve can report, by the names they take there,
    the default first."""
    ranked = sorted((d for d in DEFINITIONS.values() if d.metric is not None),
                    key=lambda d: d.metric or 0)
    return {d.metric_name: d for d in ranked}


def key_figures(group: str | None) -> tuple[str, ...]:
    """The key figures of one group of participants (``group``), or of every group together
    (None), by name, in the order NyttoSAM's tables give them."""
    return tuple(d.name for d in GROUPS[_KEY_FIGURES[group is None]].figures)


def labels() -> dict[str, tuple[str, str]]:
    """Each figure's labels by its name, each group's title as ``group.NAME``."""
    return {**{d.name: d.labels for d in DEFINITIONS.values()},
            **{f"group.{g.name}": g.title for g in GROUPS.values()}}


def group_words() -> dict[str, str]:
    """Each group's name in a Swedish CSV."""
    return {g.name: g.word for g in GROUPS.values()}


# ---- groups ------------------------------------------------------------------------------------

@group("summary", (), "Cost", "Kostnad", "Sammanfattning")
def _summary(figures: Figures, perspective: Perspective) -> Iterator[At]:
    yield At(perspective.key)


@group("values", ("subsidy_rate",), "Value per employed person-year and over the long view",
       "Värde per person och arbetsår och i långt perspektiv", "Värden")
def _values(figures: Figures, perspective: Perspective) -> Iterator[At]:
    for rate in figures.model.subsidy_rates:
        yield At(perspective.key, subsidy_rate=rate)


def _within_cohort(figure: str) -> Callable[[Figures, At], bool]:
    """Whether the figure's count of persons is at most the cohort's participants."""
    return lambda figures, at: bool(figures.value(figure, at) <= figures.model.participants)


@group("break_even", ("subsidy_rate", "horizon_years"), "How many must be employed to pay back",
       "Hur många måste komma i arbete för återbetalning", "Återbetalning",
       flags={"within_cohort": _within_cohort("persons_whole")})
def _break_even(figures: Figures, perspective: Perspective) -> Iterator[At]:
    for rate in figures.model.subsidy_rates:
        for horizon in figures.model.horizons_years:
            yield At(perspective.key, subsidy_rate=rate, horizon_years=horizon)


@group("payback_by_persons", ("subsidy_rate", "persons"),
       "If k get work, when is the cost paid back",
       "Om k kommer i arbete, när är kostnaden återbetald", "Per antal i arbete")
def _by_persons(figures: Figures, perspective: Perspective) -> Iterator[At]:
    for rate in figures.model.subsidy_rates:
        for persons in range(1, figures.model.participants + 1):
            yield At(perspective.key, subsidy_rate=rate, persons=persons)


@group("mixes", ("subsidy_rate", "horizon_years", "unsubsidised"),
       "Mixes: fewest subsidised workers beside workers at the lowest rate",
       "Kombinationer: minst antal subventionerade utöver dem med lägst subvention",
       "Kombinationer", flags={"within_cohort": _within_cohort("total")})
def _mixes(figures: Figures, perspective: Perspective) -> Iterator[At]:
    """For each subsidised rate and horizon: 0, 1, … workers at the lowest rate, until they
    suffice on their own (the break-even count at that rate); where workers at the lowest rate
    add nothing, one row says it all."""
    model = figures.model
    for rate in model.subsidised_rates:
        for horizon in model.horizons_years:
            enough = figures.value("persons_whole", At(
                perspective.key, subsidy_rate=model.unsubsidised_rate, horizon_years=horizon))
            last = 0 if is_never(enough) else min(int(enough), model.participants)
            for unsubsidised in range(last + 1):
                yield At(perspective.key, subsidy_rate=rate, horizon_years=horizon,
                         unsubsidised=unsubsidised)


# ---- figures on the way ------------------------------------------------------------------------

# As a metric, "cost" is the cost that break-even pays back: in present value.
@define("present_cost", Unit.SEK, "Cost in present value", "Kostnad i nuvärde", metric=8,
        metric_name="cost")
def _present_cost(figures: Figures, at: At) -> Any:
    return figures.why.present_cost(figures("cost", at))


@define("work_years", Unit.YEARS, "Years of work in present value", "Arbetsår i nuvärde",
        dims=("horizon_years",))
def _work_years(figures: Figures, at: At) -> Any:
    return figures.why.horizon(at.horizon_years)


@define("counterfactual", Unit.PERSONS, "Would have worked anyway", "Hade ändå arbetat")
def _counterfactual(figures: Figures, at: At) -> Any:
    return figures.why.counterfactual()


@define("additional_persons", Unit.PERSONS, "Employed beyond those who would have worked anyway",
        "I arbete utöver dem som ändå hade arbetat", dims=("persons",))
def _additional_persons(figures: Figures, at: At) -> Any:
    return figures.why.additional_persons(at.persons)


# ---- summary -----------------------------------------------------------------------------------

@define("cost", Unit.SEK, "Cost", "Kostnad", group="summary")
def _cost(figures: Figures, at: At) -> Any:
    return figures.why.cost(figures.perspective(at))


@define("annual_write_off", Unit.SEK_PER_YEAR, "Cost written off per year",
        "Avskrivning per år", group="summary")
def _annual_write_off(figures: Figures, at: At) -> Any:
    return figures.why.write_off(figures("cost", at))


# ---- values ------------------------------------------------------------------------------------

@define("value_per_person_year", Unit.SEK_PER_PERSON_YEAR, "Value per employed person-year",
        "Värde per person och arbetsår", group="values", metric=7)
def _value(figures: Figures, at: At) -> Any:
    return figures.why.value(figures.perspective(at), at.subsidy_rate)


@define("long_view_value", Unit.SEK, "Value of one participant over the long view",
        "Värdet av en deltagare i långt perspektiv", group="values")
def _long_view(figures: Figures, at: At) -> Any:
    return figures.why.long_view(figures("value_per_person_year", at))


@define("long_view_multiple", Unit.MULTIPLE, "Long-view value as a multiple of the cost",
        "Långsiktigt värde i förhållande till kostnaden", group="values")
def _long_view_multiple(figures: Figures, at: At) -> Any:
    return figures.why.long_view_multiple(figures("long_view_value", at),
                                          figures("present_cost", at))


# ---- break-even --------------------------------------------------------------------------------

@define("persons_exact", Unit.PERSONS, "Persons (exact)", "Personer (exakt)",
        group="break_even", metric=2)
def _persons_exact(figures: Figures, at: At) -> Any:
    return figures.why.persons_exact(figures("present_cost", at),
                                     figures("value_per_person_year", at),
                                     figures("work_years", at))


@define("persons_whole", Unit.PERSONS, "Whole persons", "Hela personer", group="break_even",
        metric=1)
def _persons_whole(figures: Figures, at: At) -> Any:
    return figures.why.persons_whole(figures("persons_exact", at))


@define("persons_half_steps", Unit.PERSONS, "Half-time steps", "Halvtidssteg",
        group="break_even", metric=3)
def _persons_half_steps(figures: Figures, at: At) -> Any:
    return figures.why.persons_half_steps(figures("persons_exact", at))


@define("payback_year", Unit.YEARS, "Paid back in year", "Återbetald år", group="break_even",
        metric=4)
def _payback_year(figures: Figures, at: At) -> Any:
    return figures.why.payback_year(figures("persons_exact", at), at.horizon_years)


@define("employment_rate", Unit.SHARE, "Share of participants", "Andel av deltagarna",
        group="break_even", metric=5)
def _employment_rate(figures: Figures, at: At) -> Any:
    return figures.why.employment_rate(figures("required_value_per_participant_year", at),
                                       figures("value_per_person_year", at))


@define("required_value_per_year", Unit.SEK_PER_YEAR, "Needed per year", "Krävs per år",
        group="break_even", metric=6)
def _required_per_year(figures: Figures, at: At) -> Any:
    return figures.why.required_per_year(figures("present_cost", at), figures("work_years", at))


@define("required_value_per_participant_year", Unit.SEK_PER_PERSON_YEAR,
        "Needed per participant-year", "Krävs per deltagare och år", group="break_even")
def _required_per_participant(figures: Figures, at: At) -> Any:
    return figures.why.required_per_participant_year(figures("required_value_per_year", at))


# ---- if k get work -----------------------------------------------------------------------------

@define("years_of_work", Unit.YEARS, "Years of work", "År i arbete", group="payback_by_persons")
def _years_of_work(figures: Figures, at: At) -> Any:
    return figures.why.years_of_work(figures("present_cost", at),
                                     figures("value_per_person_year", at), at.persons)


@define("paid_back_after_years", Unit.YEARS, "Paid back after (years)", "Återbetald efter (år)",
        group="payback_by_persons")
def _paid_back_after(figures: Figures, at: At) -> Any:
    return figures.why.paid_back_after(figures("years_of_work", at))


# ---- mixes -------------------------------------------------------------------------------------

@define("subsidised", Unit.PERSONS, "Fewest subsidised", "Minst antal subventionerade",
        group="mixes")
def _subsidised(figures: Figures, at: At) -> Any:
    unsubsidised = At(at.party, subsidy_rate=figures.model.unsubsidised_rate)
    return figures.why.fewest_subsidised(
        figures("present_cost", at), figures("work_years", at), at.unsubsidised or 0,
        figures("value_per_person_year", unsubsidised), figures("value_per_person_year", at))


@define("total", Unit.PERSONS, "Persons in all", "Personer totalt", group="mixes")
def _total(figures: Figures, at: At) -> Any:
    return figures.why.mix_total(at.unsubsidised or 0, figures("subsidised", at))


# ---- the net value of k employed ---------------------------------------------------------------

@define("benefit", Unit.SEK, "Benefit in present value", "Nytta i nuvärde",
        dims=("subsidy_rate", "horizon_years", "persons"))
def _benefit(figures: Figures, at: At) -> Any:
    return figures.why.benefit(figures("value_per_person_year", at), figures("work_years", at),
                               figures("additional_persons", at))


# ---- per party: net present value and benefit-cost ratio if k work -----------------------------
# As the UK Green Book and the Greater Manchester CBA model report them per agency: what k
# employed for a horizon bring a party beyond its cost, and as a multiple of it, in present
# value; those who would have worked anyway count for nothing.

@group("net_present_values", ("subsidy_rate", "horizon_years", "persons"),
       "Net present value and benefit-cost ratio if k work for a horizon",
       "Nettonuvärde och nyttokostnadskvot om k arbetar under en horisont", "Nettonuvärden")
def _net_present_values(figures: Figures, perspective: Perspective) -> Iterator[At]:
    for rate in figures.model.subsidy_rates:
        for horizon in figures.model.horizons_years:
            for persons in range(1, figures.model.participants + 1):
                yield At(perspective.key, subsidy_rate=rate, horizon_years=horizon,
                         persons=persons)


@define("net_present_value", Unit.SEK, "Net present value", "Nettonuvärde",
        group="net_present_values", metric=9)
def _net_present_value(figures: Figures, at: At) -> Any:
    return figures.why.net_value(figures("benefit", at), figures("present_cost", at))


@define("benefit_cost_ratio", Unit.MULTIPLE, "Benefit-cost ratio", "Nyttokostnadskvot",
        group="net_present_values", metric=10)
def _benefit_cost_ratio(figures: Figures, at: At) -> Any:
    """Undefined (n/a) for a party that paid nothing."""
    calc = figures.why.calc
    return calc.compute(Unit.MULTIPLE, "share({benefit}, {cost})", {
        "benefit": calc.term("benefit", figures("benefit", at)),
        "cost": figures.why.cost_term(figures("present_cost", at))})


# ---- NyttoSAM's key figures: the first year after, per group of participants -------------------
# A party's key figures of one group (At.group), or of every group together (At.group None):
# the groups' figures added. Cost, net benefit and payback time are of every group together.

_KEY_FIGURES = ("key_figures_by_group", "key_figures")  # a group's; every group's together


@group(_KEY_FIGURES[0], ("group",), "Key figures, first year after (NyttoSAM): {group}",
       "Nyckeltal, första året efter (NyttoSAM): {group}", "Nyckeltal per grupp",
       columns=("revenue", "potential", "efficiency"), first_year=True)
def _key_figures_by_group(figures: Figures, perspective: Perspective) -> Iterator[At]:
    for one in figures.model.outcomes.groups if figures.model.outcomes is not None else ():
        yield At(perspective.key, group=one.key)


@group(_KEY_FIGURES[1], (), "Key figures, first year after (NyttoSAM): all groups",
       "Nyckeltal, första året efter (NyttoSAM): alla grupper", "Nyckeltal",
       columns=("revenue", "cost", "net_benefit", "payback_time", "potential", "efficiency"),
       first_year=True)
def _key_figures_together(figures: Figures, perspective: Perspective) -> Iterator[At]:
    if figures.model.outcomes is not None:
        yield At(perspective.key)


def _per_group(figures: Figures, at: At, name: str,
               of_one: Callable[[Reasoning, Any, str], Any]) -> Any:
    """A key figure of one group's moves, or of every group's added."""
    assert figures.model.outcomes is not None, "key figures come from outcomes"
    groups = figures.model.outcomes.groups
    if at.group is not None:
        return of_one(figures.why, next(g for g in groups if g.key == at.group), at.party)
    return outcomes.every_group(figures.why,
                                [figures(name, At(at.party, group=g.key)) for g in groups], name)


@define("revenue", Unit.SEK_PER_YEAR, "Revenue", "Intäkter", group=_KEY_FIGURES[1],
        dims=("group",))
def _revenue(figures: Figures, at: At) -> Any:
    return _per_group(figures, at, "revenue", outcomes.revenue)


@define("net_benefit", Unit.SEK_PER_YEAR, "Net benefit", "Lönsamhet", group=_KEY_FIGURES[1])
def _net_benefit(figures: Figures, at: At) -> Any:
    return outcomes.net_benefit(figures.why, figures("revenue", at), figures("cost", at))


@define("payback_time", Unit.YEARS, "Payback time (years)", "Återbetalningstid (år)",
        group=_KEY_FIGURES[1])
def _payback_time(figures: Figures, at: At) -> Any:
    return outcomes.payback_time(figures.why, figures("revenue", at), figures("cost", at))


@define("potential", Unit.SEK_PER_YEAR, "Potential", "Potential", group=_KEY_FIGURES[1],
        dims=("group",))
def _potential(figures: Figures, at: At) -> Any:
    return _per_group(figures, at, "potential", outcomes.potential)


@define("efficiency", Unit.SHARE, "Efficiency", "Verkningsgrad", group=_KEY_FIGURES[1],
        dims=("group",))
def _efficiency(figures: Figures, at: At) -> Any:
    return outcomes.efficiency(figures.why, figures("revenue", at), figures("potential", at))
