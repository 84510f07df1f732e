"""The report's reasoning, each figure defined once.

``Reasoning(calc, model)`` computes every figure of the payback analysis from its formula
template (``formulas``) and its terms; ``calc`` decides whether a figure is explained (a
``Figure``: ``payback``, ``check``, --explain) or a plain number (sweeps, solve, sensitivity,
timeline, Monte Carlo; floats or NumPy arrays). Callers compute a figure's terms first and pass
them on, so each figure is computed once per use.

Discounting, drop-off and deadweight enter a figure as extra terms only where they are not zero:
at zero every figure keeps the report's formula, value and explanation exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nyttocalc.core import formulas as f
from nyttocalc.core.arith import Num, is_zero
from nyttocalc.core.calc import EXPLAINED, PLAIN, Calc
from nyttocalc.core.figures import Unit, placeholders, slot
from nyttocalc.core.model import Model, field_path
from nyttocalc.core.perspective import Perspective, Scaling

# The cohort's and the analysis' numbers that formulas name as the file does, and their units.
_NUMBER_UNITS = {
    "participants": Unit.PERSONS,
    "delay_years": Unit.YEARS,
    "drop_off_rate": Unit.SHARE,
    "deadweight": Unit.SHARE,
    "discount_rate": Unit.SHARE,
    "intervention_years": Unit.YEARS,
}


@dataclass(frozen=True)
class Reasoning:
    calc: Calc
    model: Model

    # ---- the cost ------------------------------------------------------------------------------

    def cost(self, perspective: Perspective) -> Any:
        """What a perspective pays for the intervention, in socio-economic kronor where it is
        marked up (``formulas.COST_FORMULA``)."""
        items = perspective.cost_items
        terms = {name: self._input(name, Unit.SEK) for name in items}
        if perspective.cost_markup is None:
            return self.calc.compute(Unit.SEK, f.sum_formula(items), terms)
        markup = perspective.cost_markup
        terms[markup] = self._input(markup, Unit.SHARE)
        formula = f.COST_FORMULA.format(sum_of_items=f.sum_formula(items), markup=slot(markup))
        return self.calc.compute(Unit.SEK, formula, terms)

    def present_cost(self, cost: Any) -> Any:
        """The cost in present value where it is paid over the intervention and discounted;
        else the cost itself."""
        m = self.model
        if is_zero(m.discount_rate) or is_zero(m.intervention_years):
            return cost
        return self.calc.compute(Unit.SEK, f.PRESENT_VALUE_COST_FORMULA, {
            "cost": self.cost_term(cost), "rate": self._number("discount_rate"),
            "intervention": self._number("intervention_years")})

    def cost_term(self, cost: Any) -> Any:
        """The cost as a term: ``cost``, or ``cost_present_value`` where it was discounted."""
        discounted = self.calc.explains and cost.formula == f.PRESENT_VALUE_COST_FORMULA
        return self.calc.term("cost_present_value" if discounted else "cost", cost)

    def write_off(self, cost: Any) -> Any:
        return self.calc.compute(Unit.SEK_PER_YEAR, f.WRITE_OFF_FORMULA, {
            "cost": self.cost_term(cost),
            "years": self._known("write_off_years", self.model.write_off_years, Unit.YEARS,
                                 "analysis.write_off_years")})

    # ---- the value of an employed person-year --------------------------------------------------

    def value(self, perspective: Perspective, rate: Num, listed: bool = True) -> Any:
        """What one employed person-year at wage-subsidy ``rate`` is worth to a perspective: its
        value components, each scaled as the scenario says. ``listed``: the rate is one of the
        analysis' subsidy rates, where it is listed; not a transition's own rate or the
        potential's reference, which stay put when a listed rate changes."""
        m = self.model
        terms: dict[str, Any] = {}
        parts: list[tuple[int, str]] = []
        for component in perspective.value_components:
            terms[component.input] = self.input_term(component.input)
            part = slot(component.input)
            if {Scaling.PRODUCTIVITY, Scaling.SUBSIDY} & component.scales_with:
                terms["subsidy_rate"] = self._known(
                    "subsidy_rate", rate, Unit.SHARE,
                    self._listed("subsidy_rates", rate) if listed else None)
            if Scaling.PRODUCTIVITY in component.scales_with:
                part += f.PRODUCTIVITY_FACTOR
            if Scaling.SUBSIDY in component.scales_with:
                part += f.SUBSIDY_FACTOR
            if Scaling.FTE in component.scales_with:
                terms["fte"] = self._known("full_time_equivalent", m.full_time_equivalent,
                                           Unit.FTE, "cohort.full_time_equivalent")
                part += f.FTE_FACTOR
            parts.append((component.sign, part))
        return self.calc.compute(Unit.SEK_PER_PERSON_YEAR, f.signed_sum(parts), terms)

    def input_term(self, name: str) -> Any:
        """An input as a term; a computed input brings its formula and terms along."""
        m = self.model
        unit = m.units.get(name, Unit.SEK_PER_PERSON_YEAR)
        if name not in m.formulas:
            return self._known(name, m.inputs[name], unit, f"inputs.{name}")
        formula = m.formulas[name]
        computed = self.calc.compute(unit, formula, {t: self.input_term(t)
                                                     for t in placeholders(formula)})
        return self.calc.term(name, computed, f"inputs.{name}")

    # ---- years of work -------------------------------------------------------------------------

    def work(self, symbol: str, years: Num, path: str | None) -> Any:
        """Years of work as a term: in present value (``symbol_present_value``) where
        discounting or drop-off apply, else the years themselves."""
        m = self.model
        raw = self._known(symbol, years, Unit.YEARS, path)
        if not m.is_discounted:
            return raw
        present = self.calc.compute(Unit.YEARS, f.PRESENT_VALUE_YEARS_FORMULA, {
            "intervention": self._number("intervention_years"),
            "delay": self._number("delay_years"), "years": raw,
            "rate": self._number("discount_rate"), "drop_off": self._number("drop_off_rate")})
        return self.calc.term(f"{symbol}_present_value", present)

    def horizon(self, years: Num) -> Any:
        """A horizon's years of work as a term."""
        return self.work("horizon", years, self._listed("horizons_years", years))

    # ---- break-even ----------------------------------------------------------------------------

    def persons_exact(self, cost: Any, value: Any, work: Any) -> Any:
        """How many employed pay back the cost within the horizon, unrounded; those who would
        have worked anyway come on top."""
        terms = {"cost": self.cost_term(cost), "horizon": work,
                 "value": self.calc.term("value", value)}
        if is_zero(self.model.deadweight):
            return self.calc.compute(Unit.PERSONS, f.BREAK_EVEN_PERSONS_FORMULA, terms)
        return self.calc.compute(Unit.PERSONS, f.BREAK_EVEN_PERSONS_DEADWEIGHT_FORMULA,
                                 terms | self._deadweight())

    def persons_whole(self, exact: Any) -> Any:
        return self.calc.compute(Unit.PERSONS, f.WHOLE_PERSONS_FORMULA,
                                 {"persons": self.calc.term("persons", exact)})

    def persons_half_steps(self, exact: Any) -> Any:
        return self.calc.compute(Unit.PERSONS, f.HALF_STEPS_FORMULA,
                                 {"persons": self.calc.term("persons", exact)})

    def payback_year(self, exact: Any, horizon: Num) -> Any:
        """delay + horizon: never where no count of persons pays back."""
        years = self._known("horizon", horizon, Unit.YEARS, self._listed("horizons_years",
                                                                         horizon))
        return self.calc.compute(Unit.YEARS, f.PAYBACK_YEAR_FORMULA,
                                 {"delay": self._number("delay_years"), "years": years},
                                 never_with=self.calc.term("persons", exact))

    def required_per_year(self, cost: Any, work: Any) -> Any:
        return self.calc.compute(Unit.SEK_PER_YEAR, f.REQUIRED_PER_YEAR_FORMULA,
                                 {"cost": self.cost_term(cost), "horizon": work})

    def required_per_participant_year(self, per_year: Any) -> Any:
        return self.calc.compute(Unit.SEK_PER_PERSON_YEAR, f.REQUIRED_PER_PARTICIPANT_FORMULA, {
            "per_year": self.calc.term("required_value_per_year", per_year),
            "participants": self._number("participants")})

    def employment_rate(self, per_participant: Any, value: Any) -> Any:
        terms = {"per_participant": self.calc.term("required_value_per_participant_year",
                                                   per_participant),
                 "value": self.calc.term("value", value)}
        if is_zero(self.model.deadweight):
            return self.calc.compute(Unit.SHARE, f.EMPLOYMENT_RATE_FORMULA, terms)
        return self.calc.compute(Unit.SHARE, f.EMPLOYMENT_RATE_DEADWEIGHT_FORMULA,
                                 terms | {"deadweight": self._deadweight()["deadweight"]})

    # ---- the long view -------------------------------------------------------------------------

    def long_view(self, value: Any) -> Any:
        years = self.work("long_view_years", self.model.long_view_years,
                          "analysis.long_view_years")
        return self.calc.compute(Unit.SEK, f.LONG_VIEW_FORMULA,
                                 {"years": years, "value": self.calc.term("value", value)})

    def long_view_multiple(self, long_view: Any, cost: Any) -> Any:
        formula = (f.NO_COST_MULTIPLE_FORMULA if is_zero(self.calc.value(cost))
                   else f.LONG_VIEW_MULTIPLE_FORMULA)
        return self.calc.compute(Unit.MULTIPLE, formula, {
            "long_view": self.calc.term("long_view", long_view), "cost": self.cost_term(cost)})

    # ---- if k get work -------------------------------------------------------------------------

    def years_of_work(self, cost: Any, value: Any, persons: Num) -> Any:
        """How long ``persons`` employed must work to pay back the cost (in present value:
        how long it takes for their work to add up to it)."""
        m = self.model
        terms = {"cost": self.cost_term(cost),
                 "persons": self._known("persons", persons, Unit.PERSONS),
                 "value": self.calc.term("value", value)}
        if is_zero(m.deadweight):
            years = self.calc.compute(Unit.YEARS, f.YEARS_OF_WORK_FORMULA, terms)
        else:
            years = self.calc.compute(Unit.YEARS, f.YEARS_OF_WORK_DEADWEIGHT_FORMULA,
                                      terms | self._deadweight())
        if not m.is_discounted:
            return years
        return self.calc.compute(Unit.YEARS, f.YEARS_OF_WORK_DISCOUNTED_FORMULA, {
            "person_years": self.calc.term("person_years_present_value", years),
            "intervention": self._number("intervention_years"),
            "delay": self._number("delay_years"),
            "rate": self._number("discount_rate"), "drop_off": self._number("drop_off_rate")})

    def paid_back_after(self, years_of_work: Any) -> Any:
        """The year after the end of the intervention in which the cost is paid back."""
        return self.calc.compute(Unit.YEARS, f.PAYBACK_YEAR_FORMULA, {
            "delay": self._number("delay_years"),
            "years": self.calc.term("years_of_work", years_of_work)})

    # ---- mixes ---------------------------------------------------------------------------------

    def fewest_subsidised(self, cost: Any, work: Any, unsubsidised: Num, value_unsubsidised: Any,
                          value_subsidised: Any) -> Any:
        terms = {"cost": self.cost_term(cost),
                 "unsubsidised": self._known("unsubsidised", unsubsidised, Unit.PERSONS),
                 "horizon": work,
                 "value_unsubsidised": self.calc.term("value_unsubsidised", value_unsubsidised),
                 "value_subsidised": self.calc.term("value_subsidised", value_subsidised)}
        if is_zero(self.model.deadweight):
            return self.calc.compute(Unit.PERSONS, f.FEWEST_SUBSIDISED_FORMULA, terms)
        return self.calc.compute(Unit.PERSONS, f.FEWEST_SUBSIDISED_DEADWEIGHT_FORMULA,
                                 terms | self._deadweight())

    def mix_total(self, unsubsidised: Num, subsidised: Any) -> Any:
        return self.calc.compute(Unit.PERSONS, f.MIX_TOTAL_FORMULA, {
            "unsubsidised": self._known("unsubsidised", unsubsidised, Unit.PERSONS),
            "subsidised": self.calc.term("subsidised", subsidised)})

    # ---- net value of k employed ---------------------------------------------------------------

    def counterfactual(self) -> Any:
        """The participants who would have found work anyway."""
        return self.calc.compute(Unit.PERSONS, f.COUNTERFACTUAL, self._deadweight())

    def additional_persons(self, persons: Num) -> Any:
        """The employed beyond those who would have worked anyway, as a term (the employed
        themselves where nobody would have)."""
        known = self._known("persons", persons, Unit.PERSONS)
        if is_zero(self.model.deadweight):
            return known
        return self.calc.term("additional_persons", self.calc.compute(
            Unit.PERSONS, f.ADDITIONAL_PERSONS_FORMULA, {"persons": known} | self._deadweight()))

    def benefit(self, value: Any, work: Any, additional: Any) -> Any:
        """What the employed beyond the counterfactual (``additional_persons``) bring over the
        horizon, in present value: persons × value × years of work."""
        return self.calc.compute(Unit.SEK, f.BENEFIT_FORMULA, {
            "persons": additional, "value": self.calc.term("value", value), "horizon": work})

    def net_value(self, benefit: Any, cost: Any) -> Any:
        """The benefit beyond the cost, in present value."""
        return self.calc.compute(Unit.SEK, f.NET_VALUE_FORMULA, {
            "benefit": self.calc.term("benefit", benefit), "cost": self.cost_term(cost)})

    # ---- terms ---------------------------------------------------------------------------------

    def _known(self, symbol: str, value: Num, unit: Unit, path: str | None = None) -> Any:
        return self.calc.known(symbol, value, unit, path)

    def _input(self, name: str, unit: Unit) -> Any:
        if name in self.model.formulas:
            return self.input_term(name)
        return self._known(name, self.model.inputs[name], unit, f"inputs.{name}")

    def _listed(self, name: str, value: Num) -> str | None:
        """The key path of a listed horizon or subsidy rate (``analysis.horizons_years.0``);
        None for a value the scenario does not list (one only a claim asks about), and where
        figures are plain numbers (paths are for explanations)."""
        if not self.calc.explains:
            return None
        listed = getattr(self.model, name)
        return f"analysis.{name}.{listed.index(value)}" if value in listed else None

    def _number(self, name: str) -> Any:
        """A number of the cohort or the analysis, named in formulas as in the file."""
        return self._known(name, getattr(self.model, name), _NUMBER_UNITS[name],
                           field_path(name))

    def _deadweight(self) -> dict[str, Any]:
        return {"deadweight": self._number("deadweight"),
                "participants": self._number("participants")}


def explained(model: Model) -> Reasoning:
    return Reasoning(EXPLAINED, model)


def plain(model: Model) -> Reasoning:
    return Reasoning(PLAIN, model)
