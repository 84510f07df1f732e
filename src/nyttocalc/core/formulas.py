"""The formulas of the LivA evaluation (Payoff 2019), one template per line of its reasoning.

A template names its terms in braces; ``figures.evaluate`` computes it, and ``reasoning`` fills
it, the same template for an explained figure (--explain, ``check``) and for a plain number or
an array (sweeps, Monte Carlo). Every "/" is ``arith.ratio`` (how many … make up …: 0 where
nothing is owed, never where nothing is added or each one takes away), every "−"
``arith.difference`` and every "+" ``arith.total`` (0 where the two cancel), every ceil
``arith.ceil_step`` and ``share`` ``arith.share``. Section
names refer to "Ekonomisk nytta ur ett socialt investeringsperspektiv" in the report.

>>> from nyttocalc.core.figures import evaluate
>>> evaluate(BREAK_EVEN_PERSONS_FORMULA, {"cost": 2_750_000, "horizon": 3, "value": 600_000})
1.5277777777777777
"""

from __future__ import annotations

from collections.abc import Sequence

from nyttocalc.core.figures import slot

# Partnerskapskostnader: "Den totala resursförbrukningen utgör därmed 1,2 + 1 = 2,2 mkr. Uttryckt
# i samhällsekonomiska kronor, d.v.s. inkl. indirekta skatter, motsvarar det en kostnad på
# 2,75 mkr." For the municipality the cost is its cash, with no markup.
COST_FORMULA = "{sum_of_items} × (1 + {markup})"


def sum_formula(names: Sequence[str]) -> str:
    """A template that adds the named terms, in parentheses when there is more than one; 0 for
    none."""
    summed = " + ".join(slot(name) for name in names)
    return f"({summed})" if len(names) > 1 else summed or NOTHING


def signed_sum(parts: Sequence[tuple[int, str]]) -> str:
    """``a + b − c``: the parts added or subtracted by their sign; 0 for none.

    >>> signed_sum([(-1, "{a}"), (1, "{b}"), (-1, "{c}")])
    '−{a} + {b} − {c}'
    """
    text = ""
    for sign, part in parts:
        if not text:
            text = part if sign > 0 else f"−{part}"
        else:
            text += f" + {part}" if sign > 0 else f" − {part}"
    return text or NOTHING


# Intäkt / Lönsamhet medellång sikt: a value component of an employed person-year follows
# productivity, 1 − the wage-subsidy rate ("En sådan subventionsgrad innebär en produktivitet på
# 20 procent"; Bilaga 5: "Lönebidraget står i omvänd relation till individens produktivitet"),
# where the scenario says so, and part-time work ("en arbetar heltid och en halvtid").
PRODUCTIVITY_FACTOR = " × (1 − {subsidy_rate})"
SUBSIDY_FACTOR = " × {subsidy_rate}"  # what a wage subsidy pays: the rate of the wage cost
FTE_FACTOR = " × {fte}"
NOTHING = "0"  # the cost of a perspective that pays nothing

# Lönsamhet medellång sikt: "hur många av ungdomarna i den primära målgruppen måste komma in i
# arbete för att insatskostnaden ska vara återbetald på ett, tre respektive fem år?" Those who
# would have found work anyway (deadweight × participants) count for nothing: they come on top.
COUNTERFACTUAL = "{deadweight} × {participants}"  # persons who would have worked anyway
BREAK_EVEN_PERSONS_FORMULA = "{cost} / ({horizon} × {value})"
BREAK_EVEN_PERSONS_DEADWEIGHT_FORMULA = f"{BREAK_EVEN_PERSONS_FORMULA} + {COUNTERFACTUAL}"

# The break-even count rounded up to whole persons ("fem deltagare") and to half-time steps
# ("2,5 deltagare": two full-time, one half-time).
WHOLE_PERSONS_FORMULA = "ceil({persons})"
HALF_STEPS_FORMULA = "ceil({persons} × 2) / 2"

# "Om vi antar att vår kalkyl utgår från att det gått fyra år sedan insatsen upphört innan
# deltagarna börjat ta klivet in på arbetsmarknaden så är partnerskapskostnaden återbetald efter
# fem år" and "sju år (4 + 3) efter avslutad insats": the year after the end of the intervention.
PAYBACK_YEAR_FORMULA = "{delay} + {years}"

# Discounting and drop-off replace a horizon of H years by its present value in person-years: the
# work starts when the intervention has ended and the delay has passed, is discounted to the start
# of the intervention and thinned by drop-off (exactly H when both rates are 0). A cost paid
# evenly over the intervention is worth its present value at the start.
PRESENT_VALUE_YEARS_FORMULA = "pv_years({intervention} + {delay}, {years}, {rate}, {drop_off})"
PRESENT_VALUE_COST_FORMULA = "{cost} × pv_spread({rate}, {intervention})"

# The inverse question: if this many get work, how many years of work pay back the cost; counting
# only those beyond the counterfactual, and, with discounting or drop-off, how long the work must
# last for its present value to add up to that many person-years (never where it cannot).
YEARS_OF_WORK_FORMULA = "{cost} / ({persons} × {value})"
YEARS_OF_WORK_DEADWEIGHT_FORMULA = f"{{cost}} / (({{persons}} − {COUNTERFACTUAL}) × {{value}})"
YEARS_OF_WORK_DISCOUNTED_FORMULA = (
    "years_to({person_years}, {intervention} + {delay}, {rate}, {drop_off})")

# The report's "sannolikhetskalkyl" goes cost → per year → per participant → share of the value,
# and the formulas follow the same chain, so ``check`` can ask whether a printed figure used a
# rounded intermediate: "Tillsammans ska de 'arbeta ihop' 0,92 mkr årligen under tre år vilket
# motsvarar cirka 66 000 kr per deltagare. De 66 000 kr utgör 11 procent (av 600 000 kr)". Above
# 1 the cohort cannot pay back; the share who would have found work anyway comes on top.
REQUIRED_PER_YEAR_FORMULA = "{cost} / {horizon}"
REQUIRED_PER_PARTICIPANT_FORMULA = "{per_year} / {participants}"
EMPLOYMENT_RATE_FORMULA = "{per_participant} / {value}"
EMPLOYMENT_RATE_DEADWEIGHT_FORMULA = f"{EMPLOYMENT_RATE_FORMULA} + {{deadweight}}"

# In a mix, the fewest subsidised workers who, beside the unsubsidised ones, pay back in time:
# "fyra ungdomar kommer i arbete, varav en arbetar utan subvention och tre med subvention
# (1 × 600 000 + 3 × 130 000 = 0,99 mkr)". With deadweight, those who would have found work
# anyway are counted among the subsidised workers, the least valuable ones.
_SUBSIDISED_NEEDED = ("({cost} − {unsubsidised} × {horizon} × {value_unsubsidised})"
                      " / ({horizon} × {value_subsidised})")
FEWEST_SUBSIDISED_FORMULA = f"ceil({_SUBSIDISED_NEEDED})"
FEWEST_SUBSIDISED_DEADWEIGHT_FORMULA = f"ceil({_SUBSIDISED_NEEDED} + {COUNTERFACTUAL})"
MIX_TOTAL_FORMULA = "{unsubsidised} + {subsidised}"

# Lönsamhet lång sikt: "I ett 40-årigt perspektiv skapar sålunda EN deltagare ett
# samhällsekonomiskt värde på cirka 24 mkr i ett osubventionerat arbete, ett belopp som är
# nästan nio ggr högre än den totala insatskostnaden".
LONG_VIEW_FORMULA = "{years} × {value}"
LONG_VIEW_MULTIPLE_FORMULA = "{long_view} / {cost}"
# A party that paid nothing has no multiple of its cost, whether the move brings it a gain,
# nothing or a loss: undefined (n/a, null), as an efficiency without a potential is.
NO_COST_MULTIPLE_FORMULA = "share({long_view}, {cost})"

# Lönsamhet kort sikt: "inte ens om kostnaden avskrivs på en tioårsperiod (och då årligen utgör
# 410 000 kr)".
WRITE_OFF_FORMULA = "{cost} / {years}"

# What k employed bring over a horizon beyond those who would have worked anyway, and that less
# the cost, in present value: what solve sets to zero, what a Monte Carlo draw and a timeline
# report.
# The employed beyond those who would have found work anyway: only that employment is the
# intervention's, and where fewer are employed than that it has added none (not fewer than none:
# the model has no effect that takes work away).
ADDITIONAL_PERSONS_FORMULA = f"max({{persons}} − {COUNTERFACTUAL}, 0)"
BENEFIT_FORMULA = "{persons} × {value} × {horizon}"
NET_VALUE_FORMULA = "{benefit} − {cost}"

# NyttoSAM's key figures of the first year after (Bilaga 5): the revenue (intäkter) of a group is
# each move's persons times what the move brings the party in a year, added; of every group
# together, the groups' revenues added.
# "Lönsamhet; beräknas som skillnaden mellan intäkter och kostnader".
NET_BENEFIT_FORMULA = "{revenue} − {cost}"
# "Återbetalningstid; den tid det tar för insatsen att nå 'break-even'": how many years of the
# first year's revenue make up the cost; 0 with nothing to pay back and no loss, never where the
# revenue is a loss (also for a party that paid nothing).
PAYBACK_TIME_FORMULA = "{cost} / {revenue}"
# The verkningsgrad: the share of the before-state's yearly cost (its potential) the revenue
# frees; negative where the moves cost the party, undefined where it has no potential to free.
EFFICIENCY_FORMULA = "share({revenue}, {potential})"
