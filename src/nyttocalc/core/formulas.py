"""The payback formulas of the LivA evaluation (Payoff 2019), one function per line of reasoning.

Every function is plain arithmetic on its arguments, so it gives the same answer for a float and
element-wise for NumPy arrays. A figure that can never be reached is ``inf`` (see ``arith``).
Section names refer to "Ekonomisk nytta ur ett socialt investeringsperspektiv" in the report.

Each function has a ``*_FORMULA`` template beside it: the same formula written for a reader, with
named placeholders that ``payback`` fills with the scenario's numbers (``--explain``). A test
re-evaluates every template against the function's result, so the two cannot drift apart: every
"/" in a template is ``arith.ratio`` here, every "−" ``arith.difference``, every ceil
``arith.ceil_step``.
"""

from __future__ import annotations

from collections.abc import Sequence

from nyttocalc.core import discounting
from nyttocalc.core.arith import Num, ceil_step, difference, maximum, ratio
from nyttocalc.core.figures import slot

COST_FORMULA = "{sum_of_items} × (1 + {markup})"


def cost(items: Sequence[Num], markup: Num | float = 0.0) -> Num:
    """The resources a perspective spends, marked up to socio-economic kronor where it applies.

    Partnerskapskostnader: "Den totala resursförbrukningen utgör därmed 1,2 + 1 = 2,2 mkr. Uttryckt
    i samhällsekonomiska kronor, d.v.s. inkl. indirekta skatter, motsvarar det en kostnad på
    2,75 mkr." For the municipality the cost is its cash, with no markup.

    >>> cost([1_200_000, 1_000_000], 0.25)
    2750000.0
    """
    total: Num = sum(items, 0.0)
    return total * (1 + markup)


def value_component(amount: Num, productivity: Num, fte: Num, *, by_productivity: bool,
                    by_fte: bool) -> Num:
    """One component of the value of an employed person-year, scaled as the scenario says.

    Intäkt / Lönsamhet medellång sikt: production value follows productivity, which is
    1 − the wage-subsidy rate ("En sådan subventionsgrad innebär en produktivitet på 20 procent");
    avoided support costs do not. Part-time work scales both ("en arbetar heltid och en halvtid").
    """
    scaled = amount
    if by_productivity:
        scaled = scaled * productivity
    if by_fte:
        scaled = scaled * fte
    return scaled


PRODUCTIVITY_FACTOR = " × (1 − {subsidy_rate})"
FTE_FACTOR = " × {fte}"


def productivity(subsidy_rate: Num) -> Num:
    """The share of a subsidised wage that is the worker's own production: 1 − subsidy rate.

    Bilaga 5: "Lönebidraget står i omvänd relation till individens produktivitet."
    """
    return difference(1.0, subsidy_rate)


BREAK_EVEN_PERSONS_FORMULA = "{cost} / ({horizon} × {value})"


BREAK_EVEN_PERSONS_DEADWEIGHT_FORMULA = (
    "{cost} / ({horizon} × {value}) + {deadweight} × {participants}")


def break_even_persons(cost: Num, value_per_person_year: Num, horizon_years: Num,
                       counterfactual_persons: Num = 0.0) -> Num:
    """How many employed persons pay back the cost within the horizon (exact, unrounded).

    Lönsamhet medellång sikt: "hur många av ungdomarna i den primära målgruppen måste komma in i
    arbete för att insatskostnaden ska vara återbetald på ett, tre respektive fem år?" Those who
    would have found work anyway (deadweight × participants) count for nothing, so they come on
    top.

    >>> round(break_even_persons(2_750_000, 600_000, 3), 3)
    1.528
    """
    return ratio(cost, horizon_years * value_per_person_year) + counterfactual_persons


def counterfactual_persons(deadweight: Num, participants: Num) -> Num:
    """The participants who would have found work without the intervention (the
    alternativscenario): only employment beyond them is the intervention's."""
    return deadweight * participants


def additional_persons(persons: Num, counterfactual: Num) -> Num:
    """The employed beyond those who would have found work anyway: only that employment is the
    intervention's, and where fewer are employed than that, it has added none (not fewer than
    none: the model has no effect that takes work away).

    >>> additional_persons(3.5, 14.0), additional_persons(5.0, 1.4)
    (0.0, 3.6)
    """
    return maximum(difference(persons, counterfactual), 0.0)


# Discounting and drop-off replace a horizon of H years by its present value in person-years,
# and a cost paid over the intervention by its present value (see ``discounting``).
PRESENT_VALUE_YEARS_FORMULA = "pv_years({intervention} + {delay}, {years}, {rate}, {drop_off})"
PRESENT_VALUE_COST_FORMULA = "{cost} × pv_spread({rate}, {intervention})"


def present_value_years(intervention_years: Num, delay_years: Num, years: Num,
                        discount_rate: Num, drop_off_rate: Num) -> Num:
    """Years of work in present value: the work starts when the intervention has ended and the
    delay has passed; it is discounted to the start of the intervention and thinned by drop-off.
    Exactly ``years`` when both rates are 0."""
    return discounting.present_value_years(intervention_years + delay_years, years,
                                           discount_rate, drop_off_rate)


def present_value_cost(cost: Num, discount_rate: Num, intervention_years: Num) -> Num:
    """The cost, paid evenly over the intervention, in present value at its start."""
    return cost * discounting.spread_cost_factor(discount_rate, intervention_years)


WHOLE_PERSONS_FORMULA = "ceil({persons})"
HALF_STEPS_FORMULA = "ceil({persons} × 2) / 2"


def whole_persons(persons: Num) -> Num:
    """The break-even count rounded up to whole persons ("fem deltagare")."""
    return ceil_step(persons, 1.0)


def half_steps(persons: Num) -> Num:
    """The break-even count rounded up to half-time steps ("2,5 deltagare": two full, one half)."""
    return ceil_step(persons, 0.5)


PAYBACK_YEAR_FORMULA = "{delay} + {years}"


def payback_year(delay_years: Num, years_of_work: Num) -> Num:
    """The year after the end of the intervention in which the cost is paid back.

    Lönsamhet medellång sikt: "Om vi antar att vår kalkyl utgår från att det gått fyra år sedan
    insatsen upphört innan deltagarna börjat ta klivet in på arbetsmarknaden så är
    partnerskapskostnaden återbetald efter fem år" and "sju år (4 + 3) efter avslutad insats".
    """
    return delay_years + years_of_work


YEARS_OF_WORK_FORMULA = "{cost} / ({persons} × {value})"
YEARS_OF_WORK_DEADWEIGHT_FORMULA = (
    "{cost} / (({persons} − {deadweight} × {participants}) × {value})")
YEARS_OF_WORK_DISCOUNTED_FORMULA = (
    "years_to({person_years}, {intervention} + {delay}, {rate}, {drop_off})")


def years_of_work_to_payback(cost: Num, value_per_person_year: Num, persons: Num,
                             counterfactual: Num = 0.0) -> Num:
    """The inverse question: if this many get work, how many years of work pay back the cost.
    Undiscounted, and counting only those beyond the counterfactual."""
    return ratio(cost, difference(persons, counterfactual) * value_per_person_year)


def discounted_years_of_work(person_years: Num, intervention_years: Num, delay_years: Num,
                             discount_rate: Num, drop_off_rate: Num) -> Num:
    """How long the work must last for ``person_years`` of it in present value (see
    ``present_value_years``); never where drop-off and discounting keep it below that."""
    return discounting.years_to_accumulate(person_years, intervention_years + delay_years,
                                           discount_rate, drop_off_rate)


# The report's "sannolikhetskalkyl" goes cost → per year → per participant → share of the value;
# the formulas follow the same chain, so ``check`` can ask whether a printed figure used a
# rounded intermediate (0,92 mkr a year; 29 000 kr a participant).
REQUIRED_PER_YEAR_FORMULA = "{cost} / {horizon}"
REQUIRED_PER_PARTICIPANT_FORMULA = "{per_year} / {participants}"
EMPLOYMENT_RATE_FORMULA = "{per_participant} / {value}"
EMPLOYMENT_RATE_DEADWEIGHT_FORMULA = "{per_participant} / {value} + {deadweight}"


def required_value_per_year(cost: Num, horizon_years: Num) -> Num:
    """The value that must be "worked up" each year of the horizon ("cirka 0,92 mkr per år")."""
    return ratio(cost, horizon_years)


def required_value_per_participant_year(per_year: Num, participants: Num) -> Num:
    """That yearly value shared by every participant ("cirka 66 000 kr per deltagare")."""
    return ratio(per_year, participants)


def break_even_employment_rate(per_participant_year: Num, value_per_person_year: Num,
                               deadweight: Num = 0.0) -> Num:
    """The share of the participants that must be employed for the cost to be paid back: what
    each participant must "work up" a year, as a share of the value of a person-year.

    Lönsamhet medellång sikt, the report's "sannolikhetskalkyl": "De 66 000 kr utgör 11 procent
    (av 600 000 kr) vilket innebär att … om sannolikheten är högre än 11 procent att alla 14 har
    ett heltidsarbete utan subvention är insatsen lönsam". Above 1 the cohort cannot pay back.
    The share who would have found work anyway (deadweight) comes on top.

    >>> round(break_even_employment_rate(2_750_000 / 3 / 14, 600_000), 4)
    0.1091
    """
    return ratio(per_participant_year, value_per_person_year) + deadweight


FEWEST_SUBSIDISED_FORMULA = (
    "ceil(({cost} − {unsubsidised} × {horizon} × {value_unsubsidised})"
    " / ({horizon} × {value_subsidised}))"
)
FEWEST_SUBSIDISED_DEADWEIGHT_FORMULA = (
    "ceil(({cost} − {unsubsidised} × {horizon} × {value_unsubsidised})"
    " / ({horizon} × {value_subsidised}) + {deadweight} × {participants})"
)


def fewest_subsidised(cost: Num, horizon_years: Num, unsubsidised: Num, value_unsubsidised: Num,
                      value_subsidised: Num, counterfactual: Num = 0.0) -> Num:
    """In a mix, the fewest subsidised workers who, beside the unsubsidised ones, pay back in time.

    Lönsamhet medellång sikt: "fyra ungdomar kommer i arbete, varav en arbetar utan subvention och
    tre med subvention (1 × 600 000 + 3 × 130 000 = 0,99 mkr)". With deadweight, those who would
    have found work anyway are counted among the subsidised workers, the least valuable ones.
    """
    remaining = difference(cost, unsubsidised * horizon_years * value_unsubsidised)
    return ceil_step(ratio(remaining, horizon_years * value_subsidised) + counterfactual, 1.0)


MIX_TOTAL_FORMULA = "{unsubsidised} + {subsidised}"


def mix_total(unsubsidised: Num, subsidised: Num) -> Num:
    """Everyone a mix employs: the workers at the lowest rate and the subsidised ones."""
    return unsubsidised + subsidised


LONG_VIEW_FORMULA = "{years} × {value}"
LONG_VIEW_MULTIPLE_FORMULA = "{long_view} / {cost}"


def long_view_value(value_per_person_year: Num, years: Num) -> Num:
    """The value one participant creates over a long working life.

    Lönsamhet lång sikt: "I ett 40-årigt perspektiv skapar sålunda EN deltagare ett
    samhällsekonomiskt värde på cirka 24 mkr i ett osubventionerat arbete".
    """
    return years * value_per_person_year


def long_view_multiple(long_view: Num, cost: Num) -> Num:
    """That long-view value as a multiple of the cost ("nästan nio ggr högre")."""
    return ratio(long_view, cost)


WRITE_OFF_FORMULA = "{cost} / {years}"


def annual_write_off(cost: Num, years: Num) -> Num:
    """The cost written off evenly over a number of years.

    Lönsamhet kort sikt: "inte ens om kostnaden avskrivs på en tioårsperiod (och då årligen utgör
    410 000 kr)".
    """
    return ratio(cost, years)


def sum_formula(names: Sequence[str]) -> str:
    """A template that adds the named terms, in parentheses when there is more than one."""
    summed = " + ".join(slot(name) for name in names)
    return f"({summed})" if len(names) > 1 else summed
