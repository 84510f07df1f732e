"""The scenario file format, as strict pydantic models.

A scenario is data: sources, inputs (every scalar with its unit and its source or a declared
assumption), the cohort, what to analyse, and the perspectives. Every model is strict (no
coercion: ``"1"`` is not a number, ``true`` is not 1), frozen, rejects unknown keys, and
rejects NaN and infinity.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
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
Share = Annotated[float, Field(ge=0, le=1)]
PositiveYears = Annotated[float, Field(gt=0, le=MAX_YEARS)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class Source(Strict):
    """A document that figures are taken from."""

    title: Text
    author: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    document: Text | None = Field(None, description="File name or identifier of the document")
    url: Text | None = None


class Citation(Strict):
    """Where in a source a figure stands: the section and the words it comes from."""

    document: SourceId = Field(description="A key of `sources`")
    section: Text
    quote: Text = Field(description="The sentence the figure comes from, as printed")
    note: Text | None = None


class Parameter(Strict):
    """Common to every input: what it is, and where it comes from (a source or an assumption).

    Subclasses narrow ``value`` and ``unit`` to what their place in the scenario takes.
    """

    value: object
    unit: str
    description: Text
    source: Citation | None = None
    assumption: Text | None = Field(
        None, description="Why this value, where no document states it")

    @model_validator(mode="after")
    def _sourced(self) -> Parameter:
        if (self.source is None) == (self.assumption is None):
            raise ValueError("give exactly one of `source` (where a document states the value) "
                             "or `assumption` (why this value, where none does)")
        return self


class AmountInput(Parameter):
    """A sum of money paid once (a cost item)."""

    value: Amount
    unit: Literal["SEK"]


class YearlyInput(Parameter):
    """A sum of money per year (a yearly salary)."""

    value: Amount
    unit: Literal["SEK/year"]


class MonthsInput(Parameter):
    """A number of months (a period)."""

    value: Annotated[float, Field(ge=0, le=MAX_YEARS * 12)]
    unit: Literal["months"]


class AnnualValueInput(Parameter):
    """A sum of money per employed person and year (a value component)."""

    value: Amount
    unit: Literal["SEK/person-year"]


class MonthlyInput(Parameter):
    """A sum of money per month (an income)."""

    value: Amount
    unit: Literal["SEK/month"]


class ShareInput(Parameter):
    """A fraction between 0 and 1 (a tax rate, a subsidy rate)."""

    value: Share
    unit: Literal["share"]


Input = Annotated[
    AmountInput | YearlyInput | AnnualValueInput | MonthlyInput | ShareInput | MonthsInput,
    Field(discriminator="unit"),
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


class Analysis(Strict):
    """Which questions to answer: horizons, subsidy rates, the long view, the write-off."""

    horizons_years: YearsList = Field(description="How long employment lasts, in years")
    subsidy_rates: ShareList = Field(
        description="Wage-subsidy rates to compare; the lowest is the 'unsubsidised' side of a mix")
    long_view_years: PositiveYearsParameter
    write_off_years: PositiveYearsParameter


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
    description: Text | None = None
    cost: Cost
    value_per_person_year: Annotated[list[ValueComponent], Field(min_length=1)]

    @field_validator("value_per_person_year")
    @classmethod
    def _components_once(cls, value: list[ValueComponent]) -> list[ValueComponent]:
        _distinct([c.input for c in value])
        return value


ClaimId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ClaimUnit = Literal["SEK", "SEK/year", "SEK/person-year", "SEK/month", "persons", "years",
                    "share", "multiple"]
QualifierWord = Literal["exact", "cirka", "drygt", "knappt", "nästan", "minst", "högst"]


class FigureSelector(Strict):
    """A figure the payback analysis computes: its perspective, name and row."""

    perspective: Identifier
    figure: Identifier = Field(description="e.g. cost, persons_whole, employment_rate")
    subsidy_rate: Share | None = None
    horizon_years: PositiveYears | None = None
    persons: Annotated[int, Field(ge=1)] | None = None
    unsubsidised: Annotated[int, Field(ge=0)] | None = None

    def dims(self) -> dict[str, float]:
        names = ("subsidy_rate", "horizon_years", "persons", "unsubsidised")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


class Operand(Strict):
    """A term of a stated arithmetic: exactly one of an input, a computed figure, or a number
    as the report prints it."""

    input: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        None, description="The key path of a scenario input, e.g. inputs.municipal_funding")
    figure: FigureSelector | None = None
    number: Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)] | None = None
    printed: Text | None = Field(None, description="How the report prints the number")
    unit: ClaimUnit | None = Field(None, description="Required with `number`")

    @model_validator(mode="after")
    def _one_kind(self) -> Operand:
        given = [k for k in ("input", "figure", "number") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of `input`, `figure` or `number`")
        if self.number is not None and self.unit is None:
            raise ValueError("a `number` needs its `unit`")
        return self


class ClaimSpec(Strict):
    """A figure the report publishes, and what it claims to be."""

    id: ClaimId
    where: Citation
    printed: Text = Field(description="The figure as printed, with its qualifier: 'cirka 0,92 "
                                      "mkr', 'fem deltagare', '11 procent'")
    published: Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)] = Field(
        description="The printed figure as a number in the figure's unit (kronor, a fraction)")
    precision: Annotated[float, Field(gt=0, le=MAX_AMOUNT)] = Field(
        description="The printed precision in the same unit: 10000 for '2,75 mkr'")
    qualifier: QualifierWord = "exact"
    unit: ClaimUnit | None = Field(None, description="Required with `formula`")
    figure: FigureSelector | None = None
    formula: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        None, description="The arithmetic the report states, terms in braces: '{a} + {b}'")
    terms: dict[Identifier, Operand] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_target(self) -> ClaimSpec:
        if (self.figure is None) == (self.formula is None):
            raise ValueError("give exactly one of `figure` (a computed figure) or `formula` "
                             "(the arithmetic the report states)")
        if self.formula is not None and self.unit is None:
            raise ValueError("a `formula` claim needs its `unit`")
        if self.figure is not None and self.terms:
            raise ValueError("`terms` go with `formula`, not with `figure`")
        return self


class Scenario(Strict):
    nyttocalc: Literal[1] = Field(description="The scenario format version")
    title: Text
    description: Text | None = None
    sources: dict[SourceId, Source]
    inputs: dict[Identifier, Input]
    cohort: Cohort
    analysis: Analysis
    perspectives: Annotated[dict[Identifier, PerspectiveSpec], Field(min_length=1)]
    claims: list[ClaimSpec] = Field(default_factory=list, description=(
        "Figures the report publishes, for `nyttocalc check`"))

    def parameters(self) -> list[tuple[str, dict[str, Parameter]]]:
        """Every parameter by section: ``[("inputs", {name: parameter}), ("cohort", …), …]``."""
        return [("inputs", dict(self.inputs)), ("cohort", dict(self.cohort)),
                ("analysis", dict(self.analysis))]
