"""The scenario file format, as strict pydantic models.

A scenario is data: sources, inputs (every scalar with its unit and its source or a declared
assumption), the cohort, what to analyse, and the perspectives. Every model is strict (no
coercion: ``"1"`` is not a number, ``true`` is not 1), frozen, rejects unknown keys, and
rejects NaN and infinity.
"""

# No `from __future__ import annotations`: pydantic evaluates every field's annotation when its
# class is created, at import, and evaluating them from strings cost about a tenth of this
# module's import. Methods that return their own class name it in quotes.
import typing
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

MAX_AMOUNT = 1e15  # kronor; far above any public budget, low enough that sums stay exact-ish
MAX_YEARS = 200.0
MAX_PARTICIPANTS = 1_000  # every output lists each number employed, 1 … participants
MAX_LIST = 10  # horizons and subsidy rates: every pair is a table row

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT)]
SignedAmount = Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]
Share = Annotated[float, Field(ge=0, le=1)]
PositiveYears = Annotated[float, Field(gt=0, le=MAX_YEARS)]
Language = Literal["en", "sv"]


class Strict(BaseModel):
    # defer_build: a model's validator is built when it first validates, so reading a scenario
    # builds the scenario's (its parts within it), not fifty of them at import.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False,
                              defer_build=True)


class Words(Strict):
    """A text in English, in Swedish, or in both: a report uses the one in its own language and
    marks the other where it must fall back to it."""

    en: Text | None = None
    sv: Text | None = None

    @model_validator(mode="after")
    def _some(self) -> "Words":
        if self.en is None and self.sv is None:
            raise ValueError("give the text in `en`, `sv` or both")
        return self


# Plain text is in the scenario's `language`; `{en: …, sv: …}` gives it in either or both.
Said = Text | Words


class Source(Strict):
    """A document that figures are taken from."""

    title: Text
    author: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    document: Text | None = Field(None, description="File name or identifier of the document")
    url: Text | None = None
    path: Text | None = Field(None, description=(
        "The document's text file (plain text or Markdown), relative to the scenario file: "
        "`nyttocalc check` then verifies every quote of this source against it"))


class Citation(Strict):
    """Where in a source a figure stands: the section and the words it comes from."""

    document: SourceId = Field(description="A key of `sources`")
    section: Text
    quote: Text = Field(description="The sentence the figure comes from, as printed")
    note: Said | None = None


PRINTED = ("The figure as the report prints it, e.g. '1,2 mkr' or '$4,184': it must read the "
           "value, and the value then stands for every number that prints so (± half its last "
           "digit) when `check` judges a claim")
SCALE = ("The scale a table states once for its cells, e.g. 'millions' for a table headed "
         "'(millions)': the printed figure is in it")


class Parameter(Strict):
    """Common to every input: what it is, and where it comes from (a source or an assumption).

    Subclasses narrow ``value`` and ``unit`` to what their place in the scenario takes.
    """

    value: object
    unit: str
    label: Said | None = Field(None, description=(
        "A short name in words, for tables and charts (e.g. 'Production value'); the "
        "description's first sentence where left out"))
    description: Said
    source: Citation | None = None
    assumption: Said | None = Field(
        None, description="Why this value, where no document states it")
    printed: Text | None = Field(None, description=PRINTED)
    scale: Text | None = Field(None, description=SCALE)

    @model_validator(mode="after")
    def _sourced(self) -> "Parameter":
        _require_one_reason(self)
        return self


def _require_one_reason(item: Any) -> None:
    if (item.source is None) == (item.assumption is None):
        raise ValueError("give exactly one of `source` (where a document states the value) "
                         "or `assumption` (why this value, where none does)")


# Money is in the scenario's currency (`numbers.currency`, SEK unless declared): its units are
# that currency's code, alone or per year, person-year or month.
CURRENCIES = ("SEK", "USD", "AUD", "GBP", "EUR")
AmountUnit = Literal["SEK", "USD", "AUD", "GBP", "EUR"]
YearlyUnit = Literal["SEK/year", "USD/year", "AUD/year", "GBP/year", "EUR/year"]
PersonYearUnit = Literal["SEK/person-year", "USD/person-year", "AUD/person-year",
                         "GBP/person-year", "EUR/person-year"]
MonthlyUnit = Literal["SEK/month", "USD/month", "AUD/month", "GBP/month", "EUR/month"]
WeeklyUnit = Literal["SEK/week", "USD/week", "AUD/week", "GBP/week", "EUR/week"]
DailyUnit = Literal["SEK/day", "USD/day", "AUD/day", "GBP/day", "EUR/day"]
HourlyUnit = Literal["SEK/hour", "USD/hour", "AUD/hour", "GBP/hour", "EUR/hour"]


def money_kind(unit: object) -> object:
    """A unit with the currency written as SEK, the internal name of money: ``USD/year`` →
    ``SEK/year``; anything else as it is.

    >>> money_kind("USD/person-year"), money_kind("share")
    ('SEK/person-year', 'share')
    """
    if isinstance(unit, str):
        code, slash, per = unit.partition("/")
        if code in CURRENCIES:
            return "SEK" + slash + per
    return unit


def currency_of(unit: str) -> str | None:
    """The currency a money unit is in; None for other units."""
    code = unit.partition("/")[0]
    return code if code in CURRENCIES else None


class AmountInput(Parameter):
    """A sum of money paid once (a cost item)."""

    value: Amount
    unit: AmountUnit


class YearlyInput(Parameter):
    """A sum of money per year (a yearly salary)."""

    value: Amount
    unit: YearlyUnit


class MonthsInput(Parameter):
    """A number of months (a period)."""

    value: Annotated[float, Field(ge=0, le=MAX_YEARS * 12)]
    unit: Literal["months"]


class AnnualValueInput(Parameter):
    """A sum of money per employed person and year (a value component)."""

    value: Amount
    unit: PersonYearUnit


class MonthlyInput(Parameter):
    """A sum of money per month (an income)."""

    value: Amount
    unit: MonthlyUnit


class HourlyInput(Parameter):
    """A sum of money per hour (an hourly wage, a caseworker's hour): formulas convert it."""

    value: Amount
    unit: HourlyUnit


class DailyInput(Parameter):
    """A sum of money per day (a daily allowance, a day in care): formulas convert it."""

    value: Amount
    unit: DailyUnit


class WeeklyInput(Parameter):
    """A sum of money per week: formulas convert it."""

    value: Amount
    unit: WeeklyUnit


class ShareInput(Parameter):
    """A fraction between 0 and 1 (a tax rate, a subsidy rate)."""

    value: Share
    unit: Literal["share"]


class NumberInput(Parameter):
    """A plain number (a multiple of the price base amount in a tax rule)."""

    value: Annotated[float, Field(ge=0, le=MAX_AMOUNT)]
    unit: Literal["number"]


InputUnit = Literal[AmountUnit, YearlyUnit, PersonYearUnit, MonthlyUnit, WeeklyUnit, DailyUnit,
                    HourlyUnit, "share", "months", "number"]


FormulaText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class ComputedInput(Strict):
    """A value computed from other inputs by a formula, e.g. the municipality's revenue from an
    income: terms in braces name inputs (computed ones too, as long as none refers back)."""

    formula: FormulaText = Field(description=(
        "Inputs in braces, + − × / ^ ( ), numbers, max( ), min( ), ceil( ), sum( ) and the "
        "discounting functions npv, pv, annuity and discount: "
        "'{monthly_income} × 12 × {municipal_tax_rate}'; / is \"how many … make up …\" (0 "
        "where nothing is owed), as in the payback analysis"))
    unit: InputUnit
    label: Said | None = Field(None, description="A short name in words")
    description: Said
    source: Citation | None = None
    assumption: Said | None = Field(
        None, description="Why this formula, where no document states it")

    @model_validator(mode="after")
    def _sourced(self) -> "ComputedInput":
        _require_one_reason(self)
        return self


def _input_kind(data: Any) -> Any:
    if isinstance(data, dict):
        return ("formula" if "formula" in data and "value" not in data
                else money_kind(data.get("unit")))
    return money_kind(getattr(data, "unit", None))


Input = Annotated[
    Annotated[AmountInput, Tag("SEK")] | Annotated[YearlyInput, Tag("SEK/year")]
    | Annotated[AnnualValueInput, Tag("SEK/person-year")]
    | Annotated[MonthlyInput, Tag("SEK/month")] | Annotated[WeeklyInput, Tag("SEK/week")]
    | Annotated[DailyInput, Tag("SEK/day")] | Annotated[HourlyInput, Tag("SEK/hour")]
    | Annotated[ShareInput, Tag("share")]
    | Annotated[MonthsInput, Tag("months")] | Annotated[NumberInput, Tag("number")]
    | Annotated[ComputedInput, Tag("formula")],
    Discriminator(_input_kind),
]


class SignedAmountInput(AmountInput):
    """A sum of money in a claims-only audit: a loss or a net cost may be negative."""

    value: SignedAmount


class SignedYearlyInput(YearlyInput):
    value: SignedAmount


class SignedAnnualValueInput(AnnualValueInput):
    value: SignedAmount


class SignedMonthlyInput(MonthlyInput):
    value: SignedAmount


class SignedNumberInput(NumberInput):
    value: SignedAmount


# An audit's inputs: as a scenario's, but amounts and plain numbers may be negative (a net
# program cost printed "($3,470)"), since no perspective reads them as a cost.
AuditInput = Annotated[
    Annotated[SignedAmountInput, Tag("SEK")] | Annotated[SignedYearlyInput, Tag("SEK/year")]
    | Annotated[SignedAnnualValueInput, Tag("SEK/person-year")]
    | Annotated[SignedMonthlyInput, Tag("SEK/month")] | Annotated[ShareInput, Tag("share")]
    | Annotated[MonthsInput, Tag("months")] | Annotated[SignedNumberInput, Tag("number")]
    | Annotated[ComputedInput, Tag("formula")],
    Discriminator(_input_kind),
]


class Participants(Parameter):
    value: Annotated[int, Field(ge=1, le=MAX_PARTICIPANTS)]
    unit: Literal["persons"]


class FullTimeEquivalent(Parameter):
    value: Annotated[float, Field(ge=0.01, le=1)]
    unit: Literal["FTE"]


class Years(Parameter):
    value: Annotated[float, Field(ge=0, le=MAX_YEARS)]
    unit: Literal["years"]


class ShareParameter(Parameter):
    value: Share
    unit: Literal["share"]


class PositiveYearsParameter(Parameter):
    value: PositiveYears
    unit: Literal["years"]


def _distinct(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise ValueError("list each value once")
    return values


class YearsList(Parameter):
    value: Annotated[list[PositiveYears], Field(min_length=1, max_length=MAX_LIST)]
    unit: Literal["years"]
    _distinct = field_validator("value")(_distinct)


class ShareList(Parameter):
    value: Annotated[list[Share], Field(min_length=1, max_length=MAX_LIST)]
    unit: Literal["share"]
    _distinct = field_validator("value")(_distinct)


class Cohort(Strict):
    """Who takes part, how much they work once employed, and when they start."""

    participants: Participants
    full_time_equivalent: FullTimeEquivalent
    delay_years: Years = Field(
        description="Years from the end of the intervention until participants enter work")
    drop_off_rate: ShareParameter | None = Field(None, description=(
        "The share of those in work who leave it each year (0: employment lasts the horizon)"))
    deadweight: ShareParameter | None = Field(None, description=(
        "The share of participants who would have found work without the intervention; only "
        "employment beyond them counts"))


class Analysis(Strict):
    """Which questions to answer: horizons, subsidy rates, the long view, the write-off."""

    horizons_years: YearsList = Field(description="How long employment lasts, in years")
    subsidy_rates: ShareList = Field(
        description="Wage-subsidy rates to compare; the lowest is the 'unsubsidised' side of a mix")
    long_view_years: PositiveYearsParameter
    write_off_years: PositiveYearsParameter
    discount_rate: ShareParameter | None = Field(None, description=(
        "The real discount rate per year; 0 (or absent) is the report's undiscounted arithmetic"))
    intervention_years: Years | None = Field(None, description=(
        "How long the intervention runs; its cost is paid evenly over it, and the delay counts "
        "from its end. Only matters when discounting"))


class Labels(Strict):
    en: Text
    sv: Text


class Cost(Strict):
    items: Annotated[list[Identifier], Field(min_length=1)] = Field(
        description="Inputs with unit SEK that this perspective pays")
    _distinct = field_validator("items")(_distinct)
    markup: Identifier | None = Field(
        None, description="An input with unit share added on top, e.g. indirect taxes")


class ValueComponent(Strict):
    input: Identifier = Field(description="An input with unit SEK/person-year")
    scales_with: list[Literal["productivity", "fte"]] = Field(
        description="productivity: × (1 − subsidy rate); fte: × the full-time equivalent")

    _distinct = field_validator("scales_with")(_distinct)


class PerspectiveSpec(Strict):
    label: Labels
    description: Said | None = None
    cost: Cost
    value_per_person_year: Annotated[list[ValueComponent], Field(min_length=1)]

    @field_validator("value_per_person_year")
    @classmethod
    def _components_once(cls, value: list[ValueComponent]) -> list[ValueComponent]:
        _distinct([c.input for c in value])
        return value


# ---- who pays and who gains: actors, states and their flows ----------------------------------

FlowScaling = Literal["productivity", "subsidy", "fte"]
_SCALES = ("productivity: × (1 − subsidy rate); subsidy: × the subsidy rate; fte: × the "
           "full-time equivalent")


class _Flow(Strict):
    scales_with: list[FlowScaling] = Field(default_factory=list, description=_SCALES)
    description: Said | None = None
    _distinct = field_validator("scales_with")(_distinct)


class RealFlow(_Flow):
    """A value created, such as production: it counts for society, and for the actor who
    receives it."""

    real: Identifier = Field(description="An input with unit SEK/person-year")
    to: Identifier = Field(description="The actor who receives it, a key of `ledger.actors`")


class ResourceFlow(_Flow):
    """A real resource used, such as a caseworker's time or care: it counts against society,
    and against the actor who bears it."""

    resource: Identifier = Field(description="An input with unit SEK/person-year")
    by: Identifier = Field(description="The actor who bears it, a key of `ledger.actors`")


class TransferFlow(_Flow):
    """Money from one actor to another (a wage, a tax, a benefit, a wage subsidy): minus for the
    payer, plus for the receiver, nothing for society."""

    transfer: Identifier = Field(description="An input with unit SEK/person-year")
    from_: Identifier = Field(alias="from", description="The actor who pays")
    to: Identifier = Field(description="The actor who receives")


def _flow_kind(data: Any) -> str | None:
    if isinstance(data, dict):
        return next((k for k in ("real", "resource", "transfer") if k in data), None)
    return next((k for k in ("real", "resource", "transfer") if hasattr(data, k)), None)


FlowSpec = Annotated[
    Annotated[RealFlow, Tag("real")] | Annotated[ResourceFlow, Tag("resource")]
    | Annotated[TransferFlow, Tag("transfer")],
    Discriminator(_flow_kind, custom_error_type="flow_kind", custom_error_message=(
        "a flow is one of `real` (with `to`), `resource` (with `by`) or `transfer` (with "
        "`from` and `to`)")),
]


class ActorSpec(Strict):
    label: Labels
    description: Said | None = None


class StateSpec(Strict):
    """A case type (typfall): a participant's year in one situation, as yearly flows."""

    label: Labels
    description: Said | None = None
    flows: list[FlowSpec] = Field(default_factory=list)


class FundingSpec(Strict):
    input: Identifier = Field(description="An input with unit SEK: an item of the cost")
    paid_by: Identifier | None = Field(None, description=(
        "The actor who paid it; left out: a real resource nobody paid in money "
        "(volunteers' time)"))


class MoveSpec(Strict):
    from_: Identifier = Field(alias="from", description="A state: before, or without the "
                                                        "intervention")
    to: Identifier = Field(description="A state: after the intervention")


class LedgerSpec(Strict):
    """Actors, the states a participant can be in and their flows, and who funded the
    intervention: society's and every actor's perspective are derived from it."""

    actors: Annotated[dict[Identifier, ActorSpec], Field(min_length=1)]
    states: Annotated[dict[Identifier, StateSpec], Field(min_length=2)]
    funding: Annotated[list[FundingSpec], Field(min_length=1)]
    markup: Identifier | None = Field(None, description=(
        "An input with unit share: society's cost in socio-economic kronor (indirect taxes)"))
    move: MoveSpec = Field(description=(
        "The move the break-even analysis asks about: how many must make it to pay back"))


class Count(Parameter):
    """How many made a move: an observed count is whole; an expected or average one (a share of
    a group, a year half in work) need not be."""

    value: Annotated[float, Field(ge=0, le=MAX_AMOUNT)]
    unit: Literal["persons"]


class GroupSize(Parameter):
    value: Annotated[int, Field(ge=1, le=int(MAX_AMOUNT))]
    unit: Literal["persons"]


class TransitionSpec(Strict):
    from_: Identifier = Field(alias="from", description="The state 12 months before")
    to: Identifier = Field(description="The state 12 months after")
    persons: Count
    subsidy_rate: Share = Field(0.0, description="Their wage-subsidy rate after (0: none)")


class GroupSpec(Strict):
    label: Labels
    description: Said | None = None
    participants: GroupSize | None = Field(None, description=(
        "How many the group has; when given, its transitions' persons must add up to it (one "
        "who stayed moves from a state to itself)"))
    transitions: Annotated[list[TransitionSpec], Field(min_length=1)]


class OutcomesSpec(Strict):
    """NyttoSAM's standard method: how many were in each state 12 months before and 12 months
    after, per group."""

    reference: Identifier = Field(description=(
        "The state a participant's potential is measured against: work, full time, without a "
        "subsidy"))
    cohort_groups: list[Identifier] = Field(default_factory=list, description=(
        "The groups the cohort's participants make up: their transitions' persons must add up "
        "to cohort.participants"))
    groups: Annotated[dict[Identifier, GroupSpec], Field(min_length=1)]
    _distinct = field_validator("cohort_groups")(_distinct)


ClaimId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ClaimUnit = Literal[AmountUnit, YearlyUnit, PersonYearUnit, MonthlyUnit, "persons", "years",
                    "share", "multiple", "number"]
QualifierWord = Literal["exact", "cirka", "drygt", "knappt", "nästan", "minst", "högst"]


class FigureSelector(Strict):
    """A figure the payback analysis computes: its perspective, name and row; or a key figure
    of the first year after (revenue, net_benefit, payback_time, potential, efficiency), of all
    groups or of one."""

    perspective: Identifier
    figure: Identifier = Field(description=(
        "e.g. cost, persons_whole, employment_rate; a key figure: revenue, net_benefit, "
        "payback_time, potential, efficiency"))
    subsidy_rate: Share | None = None
    horizon_years: PositiveYears | None = None
    persons: Annotated[int, Field(ge=1)] | None = None
    unsubsidised: Annotated[int, Field(ge=0)] | None = None
    group: Identifier | None = Field(None, description=(
        "A group of `outcomes`, for its revenue, potential or efficiency; left out: the key "
        "figure of all groups"))

    def dims(self) -> dict[str, float]:
        names = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


class Operand(Strict):
    """A term of a stated arithmetic: exactly one of an input, a computed figure, another
    claim's figure, or a number as the report prints it."""

    input: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        None, description="The key path of a scenario input, e.g. inputs.municipal_funding")
    figure: FigureSelector | None = None
    claim: ClaimId | None = Field(None, description=(
        "The id of another claim: its computed figure (not its printed one)"))
    number: Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)] | None = None
    printed: Text | None = Field(None, description=(
        "How the report prints the number: it then stands for every number that prints so"))
    scale: Text | None = Field(None, description=SCALE)
    unit: ClaimUnit | None = Field(None, description="Required with `number`")

    @model_validator(mode="after")
    def _one_kind(self) -> "Operand":
        given = [k for k in ("input", "figure", "claim", "number")
                 if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of `input`, `figure`, `claim` or `number`")
        if self.number is not None and self.unit is None:
            raise ValueError("a `number` needs its `unit`")
        return self


class ClaimSpec(Strict):
    """A figure the report publishes, and what it claims to be."""

    id: ClaimId
    label: Said | None = Field(None, description=(
        "What the figure is, in words, for a report's reader: 'Society's cost'; the id where "
        "left out"))
    where: Citation
    printed: Text = Field(description="The figure as printed, with its qualifier: 'cirka 0,92 "
                                      "mkr', 'fem deltagare', '11 procent'")
    published: Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)] = Field(
        description="The printed figure as a number in the figure's unit (kronor, a fraction)")
    precision: Annotated[float, Field(gt=0, le=MAX_AMOUNT)] = Field(
        description="The printed precision in the same unit: 10000 for '2,75 mkr'")
    qualifier: QualifierWord = "exact"
    scale: Text | None = Field(None, description=SCALE)
    unit: ClaimUnit | None = Field(None, description="Required with `formula`")
    figure: FigureSelector | None = None
    formula: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        None, description=(
            "The arithmetic the report states, terms in braces: '{a} + {b}'; + − × / ^ ( ), "
            "numbers and the functions max, min, ceil, sum, npv, pv, annuity and discount"))
    terms: dict[Identifier, Operand] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_target(self) -> "ClaimSpec":
        if (self.figure is None) == (self.formula is None):
            raise ValueError("give exactly one of `figure` (a computed figure) or `formula` "
                             "(the arithmetic the report states)")
        if self.formula is not None and self.unit is None:
            raise ValueError("a `formula` claim needs its `unit`")
        if self.figure is not None and self.terms:
            raise ValueError("`terms` go with `formula`, not with `figure`")
        return self


Number = Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]
Positive = Annotated[float, Field(gt=0, le=MAX_AMOUNT)]


class Justified(Strict):
    """A distribution says why: a source for it, or the assumption behind it."""

    source: Citation | None = None
    assumption: Said | None = Field(None, description="Why this distribution")

    @model_validator(mode="after")
    def _sourced(self) -> "Justified":
        _require_one_reason(self)
        return self


class Fixed(Justified):
    distribution: Literal["fixed"]
    value: Number


class Uniform(Justified):
    distribution: Literal["uniform"]
    low: Number
    high: Number

    @model_validator(mode="after")
    def _ordered(self) -> "Uniform":
        if not self.low < self.high:
            raise ValueError("`low` must be below `high`")
        return self


class Triangular(Justified):
    distribution: Literal["triangular"]
    low: Number
    mode: Number
    high: Number

    @model_validator(mode="after")
    def _ordered(self) -> "Triangular":
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise ValueError("expected low ≤ mode ≤ high, with low below high")
        return self


class Normal(Justified):
    """A normal distribution, truncated to the parameter's valid range (and to low/high)."""

    distribution: Literal["normal"]
    mean: Number
    sd: Positive
    low: Number | None = None
    high: Number | None = None


class Beta(Justified):
    """A beta distribution on [low, high] (0 to 1 unless given)."""

    distribution: Literal["beta"]
    alpha: Positive
    beta: Positive
    low: Number = 0.0
    high: Number = 1.0

    @model_validator(mode="after")
    def _ordered(self) -> "Beta":
        if not self.low < self.high:
            raise ValueError("`low` must be below `high`")
        return self


Distribution = Annotated[Fixed | Uniform | Triangular | Normal | Beta,
                         Field(discriminator="distribution")]
KeyPathText = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$",
                                               max_length=200)]


class Simulation(Strict):
    """What is uncertain, for `nyttocalc simulate`: each participant gets work with a probability
    (itself uncertain), and any number of the scenario can be drawn from a distribution."""

    employment_probability: Distribution = Field(description=(
        "The chance that a participant gets work; each participant is a draw"))
    uncertain: dict[KeyPathText, Distribution] = Field(default_factory=dict, description=(
        "Key path of a number → its distribution, e.g. cohort.delay_years"))


class MissingFigure(Strict):
    """A figure a parameter file does not give, and why: no public source read gave it, or the
    rule was not in force that year. A scenario that uses it is told so, and gives it itself."""

    unit: InputUnit
    description: Text
    not_found: Text | None = Field(None, description="What was searched, and what was found")
    not_in_force: Text | None = Field(None, description="Why the figure does not exist that year")

    @model_validator(mode="after")
    def _one_reason(self) -> "MissingFigure":
        if (self.not_found is None) == (self.not_in_force is None):
            raise ValueError("give exactly one of `not_found` (no source read gives it) or "
                             "`not_in_force` (the rule did not apply that year)")
        return self

    def reason(self) -> str:
        return (f"not found: {self.not_found}" if self.not_found is not None
                else f"not in force: {self.not_in_force}")


class ParameterFile(Strict):
    """Public figures shared by scenarios (tax rates, norms, base amounts of a year), each with
    its source: a scenario names the file in `uses` instead of copying them."""

    nyttocalc_parameters: Literal[1] = Field(alias="nyttocalc-parameters", description=(
        "The parameter file format version"))
    title: Said
    language: Language = Field("en", description="The language of the file's plain texts")
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    description: Said | None = None
    local_tax_rates: SourceId | None = Field(None, description=(
        "The bundled table of every municipality's tax rates that `uses: [{parameters: …, "
        "municipality: …}]` reads for this file's year, e.g. se-local-tax-rates"))
    sources: dict[SourceId, Source]
    inputs: Annotated[dict[Identifier, Input], Field(min_length=1)]
    missing: dict[Identifier, MissingFigure] = Field(default_factory=dict, description=(
        "Figures this file does not give, each with the reason"))

    @model_validator(mode="after")
    def _missing_is_not_given(self) -> "ParameterFile":
        both = sorted(set(self.missing) & set(self.inputs))
        if both:
            raise ValueError(f"{', '.join(both)} {'is' if len(both) == 1 else 'are'} both in "
                             "`inputs` and in `missing`; keep one")
        return self


Municipality = Text | Annotated[int, Field(ge=1, le=9999)]


class UsesEntry(Strict):
    """A parameter set together with the municipality whose local tax rates the scenario
    needs: the set's year and the municipality, named once."""

    parameters: Text = Field(description=(
        "A bundled parameter set (se-2025) or a parameter file's path"))
    municipality: Municipality = Field(description=(
        "The municipality's name (Umeå) or four-digit code (2480): adds municipal_tax_rate, "
        "regional_tax_rate and local_tax_rate_total for the set's year, each with its source"))


def _uses_kind(data: Any) -> str | None:
    if isinstance(data, str):
        return "file"
    return "entry" if isinstance(data, dict | UsesEntry) else None


Uses = Annotated[
    Annotated[Text, Tag("file")] | Annotated[UsesEntry, Tag("entry")],
    Discriminator(_uses_kind, custom_error_type="uses_entry", custom_error_message=(
        "an entry of `uses` is a bundled parameter set's name (se-2025), a parameter file's "
        "path, or {parameters: se-2025, municipality: Umeå}")),
]


class NumbersSpec(Strict):
    """How the report writes its numbers, said once: what a `printed` text is read by."""

    decimal: Literal[",", "."] = Field(",", description="The decimal mark: ',' (4,7) or '.'")
    thousands: Literal[" ", ",", ".", "'", ""] = Field(" ", description=(
        "What groups thousands: ' ' (1 013 214 761; a no-break or thin space reads as one), "
        "',' ($4,184), '.', \"'\" or '' (none)"))
    currency: Literal["SEK", "USD", "AUD", "GBP", "EUR"] = Field("SEK", description=(
        "The currency of the scenario's amounts: their units are written in it (USD, "
        "USD/year, …), and the outputs show it"))

    @model_validator(mode="after")
    def _distinct_marks(self) -> "NumbersSpec":
        if self.decimal == self.thousands:
            raise ValueError(f"the decimal mark and the thousands separator are both "
                             f"{self.decimal!r}; a report writes them differently")
        return self


class _Document(Strict):
    """What every scenario file has: its version, title, sources, number style and claims."""

    nyttocalc: Literal[1] = Field(description="The scenario format version")
    title: Said
    language: Language = Field("en", description=(
        "The language of the scenario's plain texts (titles, descriptions, assumptions): en "
        "or sv; a text given as {en: …, sv: …} says its own"))
    description: Said | None = None
    uses: list[Uses] = Field(default_factory=list, description=(
        "Parameter files whose sources and inputs the scenario uses: a bundled set by its "
        "name (se-2019), a file by its path relative to the scenario file "
        "(../parameters/se-2019.yaml), or {parameters: se-2025, municipality: Umeå} for a set "
        "with a municipality's local tax rates"))
    numbers: NumbersSpec = Field(default_factory=NumbersSpec, description=(
        "How the report writes numbers (decimal mark, thousands separator, currency); "
        "Swedish kronor unless given"))
    sources: dict[SourceId, Source]
    # Each kind of scenario says what its inputs, cohort and analysis are.
    inputs: Any
    cohort: Any = None
    analysis: Any = None
    claims: list[ClaimSpec] = Field(default_factory=list, description=(
        "Figures the report publishes, for `nyttocalc check`"))

    def parameters(self) -> list[tuple[str, dict[str, Parameter]]]:
        """Every parameter with a value, by section: ``[("inputs", {name: parameter}), …]``.
        Computed inputs and absent optional parameters are left out."""
        def present(section: Any) -> dict[str, Parameter]:
            return {k: v for k, v in dict(section).items() if isinstance(v, Parameter)}

        sections = [("inputs", self.inputs), ("cohort", self.cohort),
                    ("analysis", self.analysis)]
        return [(name, present(section)) for name, section in sections if section is not None]

    def computed_inputs(self) -> dict[str, ComputedInput]:
        return {k: v for k, v in self.inputs.items() if isinstance(v, ComputedInput)}

    def every_number(self) -> list[tuple[str, dict[str, Parameter]]]:
        """Every number a run can set, vary or draw, by section: the parameters, and the
        optional ones the file leaves out, with their default value."""
        sections = self.parameters()
        for section, parameters in sections:
            for (where, name), kind in OPTIONAL_PARAMETERS.items():
                if where == section and name not in parameters:
                    parameters[name] = kind.model_validate(default_parameter(where, name))
        return sections


class Scenario(_Document):
    """A scenario for the payback analysis: inputs, the cohort, the questions, and the
    perspectives (written out, or derived from a ledger)."""

    inputs: dict[Identifier, Input]
    cohort: Cohort
    analysis: Analysis
    perspectives: dict[Identifier, PerspectiveSpec] = Field(default_factory=dict, description=(
        "Perspectives written out: their cost items and value components"))
    ledger: LedgerSpec | None = Field(None, description=(
        "Actors, states and flows: society's and every actor's perspective derived from them"))
    outcomes: OutcomesSpec | None = Field(None, description=(
        "How many were in each state before and after, per group (needs a ledger)"))
    simulation: Simulation | None = Field(None, description=(
        "Uncertain inputs, for `nyttocalc simulate`"))


class Audit(_Document):
    """A claims-only audit of a report: its sources, the inputs it prints, and the figures it
    publishes, for `nyttocalc check`. No cohort, analysis or perspectives are needed (a cohort
    or analysis given is only numbers that claims may read)."""

    inputs: dict[Identifier, AuditInput]
    cohort: Cohort | None = None
    analysis: Analysis | None = None
    claims: Annotated[list[ClaimSpec], Field(min_length=1)] = Field(description=(
        "Figures the report publishes, for `nyttocalc check`"))

    @property
    def perspectives(self) -> dict[str, PerspectiveSpec]:
        return {}

    @property
    def ledger(self) -> LedgerSpec | None:
        return None

    @property
    def outcomes(self) -> OutcomesSpec | None:
        return None

    @property
    def simulation(self) -> Simulation | None:
        return None


AnyScenario = Scenario | Audit


def is_audit(data: Any) -> bool:
    """Whether a scenario file is a claims-only audit: it gives claims, and no perspectives,
    ledger or outcomes."""
    return isinstance(data, dict) and "claims" in data and not {
        "perspectives", "ledger", "outcomes"} & set(data)


def _optional_parameters() -> dict[tuple[str, str], type[Parameter]]:
    """(section, name) → the parameter type, for each optional parameter of cohort and
    analysis (drop-off, deadweight, discount rate, intervention years)."""
    found = {}
    for section, model in (("cohort", Cohort), ("analysis", Analysis)):
        for name, field in model.model_fields.items():
            if field.is_required():
                continue
            kinds = [k for k in typing.get_args(field.annotation)
                     if isinstance(k, type) and issubclass(k, Parameter)]
            found[(section, name)] = kinds[0]
    return found


OPTIONAL_PARAMETERS = _optional_parameters()
OPTIONAL_DEFAULT = 0.0  # absent: no discounting, drop-off, deadweight or intervention time


# What an optional parameter is, in Swedish (its English words are its field's description).
_DESCRIBED_IN_SWEDISH = {
    ("cohort", "drop_off_rate"): "Andelen av dem i arbete som lämnar arbetet varje år (0: "
                                 "anställningen varar hela horisonten)",
    ("cohort", "deadweight"): "Andelen deltagare som skulle ha fått arbete även utan insatsen; "
                              "bara sysselsättning utöver dem räknas",
    ("analysis", "discount_rate"): "Den reala kalkylräntan per år; 0 (eller utelämnad) är "
                                   "rapportens odiskonterade räkning",
    ("analysis", "intervention_years"): "Hur länge insatsen pågår; kostnaden betalas jämnt "
                                        "under den, och fördröjningen räknas från dess slut. "
                                        "Spelar roll bara vid diskontering",
}


def default_parameter(section: str, name: str) -> dict[str, Any]:
    """An optional parameter the file leaves out, as the file would state its default."""
    kind = OPTIONAL_PARAMETERS[(section, name)]
    unit = typing.get_args(kind.model_fields["unit"].annotation)[0]
    description = (Cohort if section == "cohort" else Analysis).model_fields[name].description
    return {"value": OPTIONAL_DEFAULT, "unit": unit,
            "description": {"en": description, "sv": _DESCRIBED_IN_SWEDISH[(section, name)]},
            "assumption": {"en": f"Not in the scenario file: {OPTIONAL_DEFAULT:g}, the default.",
                           "sv": f"Anges inte i scenariofilen: {OPTIONAL_DEFAULT:g}, "
                                 "standardvärdet."}}
