"""The payback analysis: every figure of the report's reasoning, for every perspective.

``analyse`` takes a ``Model`` and returns a ``PaybackAnalysis``: per perspective its cost, its
value per employed person-year at each wage-subsidy rate, break-even counts for each horizon,
payback years, the inverse table (k employed → years), mixes of unsubsidised and subsidised
workers, the break-even employment rate, the long view and the written-off cost. Each number is a
``Figure`` that carries its arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from nyttocalc.core import formulas as f
from nyttocalc.core.arith import NEVER, is_never
from nyttocalc.core.figures import Figure, Term, Unit, placeholders, slot
from nyttocalc.core.model import Model, Perspective, Scaling

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
    """Compute every payback figure for every perspective of the model."""
    return PaybackAnalysis(model, tuple(_perspective(model, p) for p in model.perspectives))


def perspective_cost(model: Model, perspective: Perspective) -> Figure:
    items = perspective.cost_items
    terms = {name: Term(name, model.inputs[name], Unit.SEK, path=f"inputs.{name}")
             for name in items}
    amounts = [model.inputs[name] for name in items]
    if perspective.cost_markup is None:
        return Figure(f.cost(amounts), Unit.SEK, f.sum_formula(items), terms)
    markup = perspective.cost_markup
    terms[markup] = Term(markup, model.inputs[markup], Unit.SHARE, path=f"inputs.{markup}")
    formula = f.COST_FORMULA.format(sum_of_items=f.sum_formula(items), markup=slot(markup))
    return Figure(f.cost(amounts, model.inputs[markup]), Unit.SEK, formula, terms)


def value_per_person_year(model: Model, perspective: Perspective, subsidy_rate: float) -> Figure:
    """The value of one employed person-year to a perspective, summed over its components."""
    productivity = f.productivity(subsidy_rate)
    terms: dict[str, Term] = {}
    parts: list[str] = []
    total = 0.0
    for component in perspective.value_components:
        amount = model.input_value(component.input)
        by_productivity = Scaling.PRODUCTIVITY in component.scales_with
        by_fte = Scaling.FTE in component.scales_with
        terms[component.input] = input_term(model, component.input)
        part = slot(component.input)
        if by_productivity:
            terms["subsidy_rate"] = Term("subsidy_rate", subsidy_rate, Unit.SHARE,
                                         path=_listed(model, "subsidy_rates", subsidy_rate))
            part += f.PRODUCTIVITY_FACTOR
        if by_fte:
            terms["fte"] = Term("full_time_equivalent", model.full_time_equivalent, Unit.FTE,
                                path="cohort.full_time_equivalent")
            part += f.FTE_FACTOR
        parts.append(part)
        total += f.value_component(amount, productivity, model.full_time_equivalent,
                                   by_productivity=by_productivity, by_fte=by_fte)
    return Figure(total, Unit.SEK_PER_PERSON_YEAR, " + ".join(parts), terms)


def input_term(model: Model, name: str) -> Term:
    """An input as a term; a computed input brings its formula and terms along."""
    unit = model.units.get(name, Unit.SEK_PER_PERSON_YEAR)
    if name not in model.formulas:
        return Term(name, model.inputs[name], unit, path=f"inputs.{name}")
    formula = model.formulas[name]
    figure = Figure(model.input_value(name), unit, formula,
                    {t: input_term(model, t) for t in placeholders(formula)})
    return Term(name, figure.value, unit, figure, f"inputs.{name}")


def _listed(model: Model, name: str, value: float) -> str | None:
    """The key path of a listed horizon or subsidy rate (``analysis.horizons_years.0``); None
    for a value the scenario does not list (one that only a claim asks about)."""
    listed = getattr(model, name)
    return f"analysis.{name}.{listed.index(value)}" if value in listed else None


def _perspective(model: Model, perspective: Perspective) -> PerspectiveResult:
    cost = perspective_cost(model, perspective)
    present = _present_cost(model, cost)
    values = {r: value_per_person_year(model, perspective, r) for r in model.subsidy_rates}
    break_even = tuple(_break_even(model, present, r, values[r], h)
                       for r in model.subsidy_rates for h in model.horizons_years)
    return PerspectiveResult(
        perspective=perspective,
        summary=Summary(cost, _write_off(model, cost)),
        values=tuple(_rate_value(model, present, r, v) for r, v in values.items()),
        break_even=break_even,
        payback_by_persons=tuple(
            _by_persons(model, present, r, values[r], k)
            for r in model.subsidy_rates
            for k in range(1, model.participants + 1)
        ),
        mixes=_mixes(model, present, values, break_even),
    )


# Discounting, drop-off and deadweight enter the figures as extra terms only where they are
# not zero: at zero every figure keeps the report's formula, value and explanation exactly.

def _present_cost(model: Model, cost: Figure) -> Figure:
    """The cost in present value where it is discounted over the intervention; else the cost."""
    if model.discount_rate == 0 or model.intervention_years == 0:
        return cost
    return Figure(
        f.present_value_cost(cost.value, model.discount_rate, model.intervention_years),
        Unit.SEK, f.PRESENT_VALUE_COST_FORMULA,
        {"cost": _cost_term(cost), "rate": _rate_term(model),
         "intervention": _intervention_term(model)},
    )


def _years_term(model: Model, symbol: str, years: float, path: str | None) -> Term:
    """Years of work, in present value where discounting or drop-off apply."""
    raw = Term(symbol, years, Unit.YEARS, path=path)
    if not model.is_discounted:
        return raw
    present = Figure(
        f.present_value_years(model.intervention_years, model.delay_years, years,
                              model.discount_rate, model.drop_off_rate),
        Unit.YEARS, f.PRESENT_VALUE_YEARS_FORMULA,
        {"intervention": _intervention_term(model), "delay": _delay_term(model), "years": raw,
         "rate": _rate_term(model), "drop_off": _drop_off_term(model)},
    )
    return _from(f"{symbol}_present_value", present)


def _rate_term(model: Model) -> Term:
    return Term("discount_rate", model.discount_rate, Unit.SHARE, path="analysis.discount_rate")


def _intervention_term(model: Model) -> Term:
    return Term("intervention_years", model.intervention_years, Unit.YEARS,
                path="analysis.intervention_years")


def _delay_term(model: Model) -> Term:
    return Term("delay_years", model.delay_years, Unit.YEARS, path="cohort.delay_years")


def _drop_off_term(model: Model) -> Term:
    return Term("drop_off_rate", model.drop_off_rate, Unit.SHARE, path="cohort.drop_off_rate")


def _participants_term(model: Model) -> Term:
    return Term("participants", model.participants, Unit.PERSONS, path="cohort.participants")


def _deadweight_terms(model: Model) -> dict[str, Term]:
    return {"deadweight": Term("deadweight", model.deadweight, Unit.SHARE,
                               path="cohort.deadweight"),
            "participants": _participants_term(model)}


def _from(symbol: str, figure: Figure) -> Term:
    """A term whose value is a figure computed before: it keeps that figure's derivation."""
    return Term(symbol, figure.value, figure.unit, figure)


def _cost_term(cost: Figure) -> Term:
    present = cost.formula == f.PRESENT_VALUE_COST_FORMULA
    return _from("cost_present_value" if present else "cost", cost)


def _value_term(value: Figure) -> Term:
    return _from("value", value)


def _write_off(model: Model, cost: Figure) -> Figure:
    years = model.write_off_years
    return Figure(
        f.annual_write_off(cost.value, years), Unit.SEK_PER_YEAR, f.WRITE_OFF_FORMULA,
        {"cost": _cost_term(cost), "years": Term("write_off_years", years, Unit.YEARS,
                                                 path="analysis.write_off_years")},
    )


def _rate_value(model: Model, cost: Figure, rate: float, value: Figure) -> RateValue:
    years = _years_term(model, "long_view_years", model.long_view_years,
                        "analysis.long_view_years")
    long_view = Figure(
        f.long_view_value(value.value, years.value), Unit.SEK, f.LONG_VIEW_FORMULA,
        {"years": years, "value": _value_term(value)},
    )
    multiple = Figure(
        f.long_view_multiple(long_view.value, cost.value), Unit.MULTIPLE,
        f.LONG_VIEW_MULTIPLE_FORMULA,
        {"long_view": _from("long_view", long_view), "cost": _cost_term(cost)},
    )
    return RateValue(rate, value, long_view, multiple)


def _break_even(model: Model, cost: Figure, rate: float, value: Figure,
                horizon: float) -> BreakEven:
    c, v, n = cost.value, value.value, model.participants
    horizon_path = _listed(model, "horizons_years", horizon)
    horizon_term = Term("horizon", horizon, Unit.YEARS, path=horizon_path)
    work = _years_term(model, "horizon", horizon, horizon_path)
    participants_term = _participants_term(model)
    counterfactual = f.counterfactual_persons(model.deadweight, n)
    exact_terms = {"cost": _cost_term(cost), "horizon": work, "value": _value_term(value)}
    exact_formula = f.BREAK_EVEN_PERSONS_FORMULA
    rate_formula = f.EMPLOYMENT_RATE_FORMULA
    if model.deadweight != 0:
        exact_terms |= _deadweight_terms(model)
        exact_formula = f.BREAK_EVEN_PERSONS_DEADWEIGHT_FORMULA
        rate_formula = f.EMPLOYMENT_RATE_DEADWEIGHT_FORMULA
    exact = Figure(f.break_even_persons(c, v, work.value, counterfactual), Unit.PERSONS,
                   exact_formula, exact_terms)
    per_year = Figure(
        f.required_value_per_year(c, work.value), Unit.SEK_PER_YEAR,
        f.REQUIRED_PER_YEAR_FORMULA, {"cost": _cost_term(cost), "horizon": work},
    )
    per_participant = Figure(
        f.required_value_per_participant_year(per_year.value, n), Unit.SEK_PER_PERSON_YEAR,
        f.REQUIRED_PER_PARTICIPANT_FORMULA,
        {"per_year": _from("required_value_per_year", per_year),
         "participants": participants_term},
    )
    persons_term = {"persons": _from("persons", exact)}
    whole = Figure(
        f.whole_persons(exact.value), Unit.PERSONS, f.WHOLE_PERSONS_FORMULA, persons_term
    )
    return BreakEven(
        subsidy_rate=rate,
        horizon_years=horizon,
        required_value_per_year=per_year,
        required_value_per_participant_year=per_participant,
        persons_exact=exact,
        persons_whole=whole,
        persons_half_steps=Figure(
            f.half_steps(exact.value), Unit.PERSONS, f.HALF_STEPS_FORMULA, persons_term
        ),
        payback_year=_break_even_year(model, horizon_term, exact),
        employment_rate=Figure(
            f.break_even_employment_rate(per_participant.value, v, model.deadweight), Unit.SHARE,
            rate_formula,
            {"per_participant": _from("required_value_per_participant_year", per_participant),
             "value": _value_term(value),
             **({"deadweight": _deadweight_terms(model)["deadweight"]}
                if model.deadweight != 0 else {})},
        ),
        within_cohort=whole.value <= n,
    )


def _break_even_year(model: Model, horizon: Term, persons: Figure) -> Figure:
    """delay + horizon, the year the cost is paid back: never, where no count of persons does."""
    year = f.payback_year(model.delay_years, horizon.value)
    return Figure(NEVER if is_never(persons.value) else year, Unit.YEARS,
                  f.PAYBACK_YEAR_FORMULA, {"delay": _delay_term(model), "years": horizon},
                  never_with=_from("persons", persons))


def _by_persons(model: Model, cost: Figure, rate: float, value: Figure,
                persons: int) -> PaybackByPersons:
    terms = {"cost": _cost_term(cost), "persons": Term("persons", persons, Unit.PERSONS),
             "value": _value_term(value)}
    formula = f.YEARS_OF_WORK_FORMULA
    if model.deadweight != 0:
        terms |= _deadweight_terms(model)
        formula = f.YEARS_OF_WORK_DEADWEIGHT_FORMULA
    counterfactual = f.counterfactual_persons(model.deadweight, model.participants)
    years = Figure(f.years_of_work_to_payback(cost.value, value.value, persons, counterfactual),
                   Unit.YEARS, formula, terms)
    if model.is_discounted:
        years = Figure(
            f.discounted_years_of_work(years.value, model.intervention_years, model.delay_years,
                                       model.discount_rate, model.drop_off_rate),
            Unit.YEARS, f.YEARS_OF_WORK_DISCOUNTED_FORMULA,
            {"person_years": _from("person_years_present_value", years),
             "intervention": _intervention_term(model), "delay": _delay_term(model),
             "rate": _rate_term(model), "drop_off": _drop_off_term(model)},
        )
    after = Figure(
        f.payback_year(model.delay_years, years.value), Unit.YEARS, f.PAYBACK_YEAR_FORMULA,
        {"delay": _delay_term(model), "years": _from("years_of_work", years)},
    )
    return PaybackByPersons(rate, persons, years, after)


def _mixes(model: Model, cost: Figure, values: dict[float, Figure],
           break_even: tuple[BreakEven, ...]) -> tuple[Mix, ...]:
    """For each subsidised rate and horizon: 0, 1, … workers at the lowest rate, until they
    suffice on their own (the break-even count at that rate)."""
    unsubsidised_value = values[model.unsubsidised_rate]
    enough = {b.horizon_years: b.persons_whole.value for b in break_even
              if b.subsidy_rate == model.unsubsidised_rate}
    mixes: list[Mix] = []
    for rate in model.subsidised_rates:
        for horizon in model.horizons_years:
            # Where workers at the lowest rate add nothing, one row says it all.
            last = 0 if is_never(enough[horizon]) else min(int(enough[horizon]),
                                                           model.participants)
            for unsubsidised in range(last + 1):
                mixes.append(_mix(model, cost, rate, horizon, unsubsidised,
                                  unsubsidised_value, values[rate]))
    return tuple(mixes)


def _mix(model: Model, cost: Figure, rate: float, horizon: float, unsubsidised: int,
         unsubsidised_value: Figure, subsidised_value: Figure) -> Mix:
    work = _years_term(model, "horizon", horizon, _listed(model, "horizons_years", horizon))
    terms = {"cost": _cost_term(cost), "unsubsidised": Term("unsubsidised", unsubsidised,
                                                            Unit.PERSONS),
             "horizon": work,
             "value_unsubsidised": _from("value_unsubsidised", unsubsidised_value),
             "value_subsidised": _from("value_subsidised", subsidised_value)}
    formula = f.FEWEST_SUBSIDISED_FORMULA
    if model.deadweight != 0:
        terms |= _deadweight_terms(model)
        formula = f.FEWEST_SUBSIDISED_DEADWEIGHT_FORMULA
    fewest = Figure(
        f.fewest_subsidised(cost.value, work.value, unsubsidised, unsubsidised_value.value,
                            subsidised_value.value,
                            f.counterfactual_persons(model.deadweight, model.participants)),
        Unit.PERSONS, formula, terms,
    )
    total = Figure(
        f.mix_total(unsubsidised, fewest.value), Unit.PERSONS, f.MIX_TOTAL_FORMULA,
        {"unsubsidised": Term("unsubsidised", unsubsidised, Unit.PERSONS),
         "subsidised": _from("subsidised", fewest)},
    )
    return Mix(rate, horizon, unsubsidised, fewest, total, total.value <= model.participants)
