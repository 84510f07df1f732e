"""NyttoSAM's standard method: the 12 months before against the 12 months after.

A group states how many participants were in each state before and after (a transition table,
observed or assumed); each transition brings every party the effect of its move for a year.
Bilaga 5 defines the key figures:

- **intäkter** (revenue): what the moves bring in the first year after;
- **kostnader** (cost): what the party paid for the intervention;
- **lönsamhet** (net benefit): revenue less cost;
- **återbetalningstid** (payback time): the years of such revenue that pay the cost back;
- **potential**: the yearly cost of a participant's before-state, against the ledger's reference
  state (work, full time, without a subsidy): "den genomsnittliga årliga kostnaden för att en
  person inte arbetar … [och] typfallens förbrukning av vård, omsorg och handläggning";
- **verkningsgrad**: the share of that potential freed in the first year after: "om kostnaden
  initialt är 600 000 kr och det skapas ett värde på 120 000 kr under en period av 12 månader
  efter insatsen … motsvarar det en verkningsgrad på 20 procent".

The figures themselves are declared in ``registry`` (their names, labels and dimensions: a
party and a group, or every group together); this module holds their arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from nyttocalc.core import formulas as f
from nyttocalc.core.figures import Figure, Term, Unit, slot
from nyttocalc.core.ledger import Ledger, Move
from nyttocalc.core.reasoning import Reasoning
from nyttocalc.core.transitions import Group, Transition

REFERENCE_RATE = 0.0  # a person's potential is work without a subsidy


def revenue(why: Reasoning, group: Group, party: str) -> Figure:
    """What a group's moves bring ``party`` in the first year after: each transition's persons
    times the effect of its move for a year."""
    return _per_transition(why, group, "effect", lambda t: (
        f"effect_{_move_symbol(t)}",
        why.value(_ledger(why).perspective(party, t.move), t.subsidy_rate, listed=False)))


def potential(why: Reasoning, group: Group, party: str) -> Figure:
    """The yearly cost to ``party`` of a group's states before, against the reference state."""
    outcomes = why.model.outcomes
    assert outcomes is not None
    return _per_transition(why, group, "potential", lambda t: (
        f"potential_{t.move.before}",
        why.value(_ledger(why).perspective(party, Move(t.move.before, outcomes.reference)),
                  REFERENCE_RATE, listed=False)))


def every_group(why: Reasoning, figures: list[Figure], symbol: str) -> Figure:
    """The groups' figures added: ``{symbol_0} + {symbol_1} + …``."""
    terms = {f"{symbol}_{i}": why.calc.term(f"{symbol}_{i}", fig) for i, fig in enumerate(figures)}
    added: Figure = why.calc.compute(Unit.SEK_PER_YEAR, f.sum_formula(list(terms)), terms)
    return added


def net_benefit(why: Reasoning, revenue: Figure, cost: Figure) -> Figure:
    return _against_cost(why, Unit.SEK_PER_YEAR, f.NET_BENEFIT_FORMULA, revenue, cost)


def payback_time(why: Reasoning, revenue: Figure, cost: Figure) -> Figure:
    return _against_cost(why, Unit.YEARS, f.PAYBACK_TIME_FORMULA, revenue, cost)


def efficiency(why: Reasoning, revenue: Figure, potential: Figure) -> Figure:
    calc = why.calc
    share: Figure = calc.compute(Unit.SHARE, f.EFFICIENCY_FORMULA, {
        "revenue": calc.term("revenue", revenue), "potential": calc.term("potential", potential)})
    return share


def _against_cost(why: Reasoning, unit: Unit, template: str, revenue: Figure,
                  cost: Figure) -> Figure:
    calc = why.calc
    figure: Figure = calc.compute(unit, template, {"revenue": calc.term("revenue", revenue),
                                                   "cost": calc.term("cost", cost)})
    return figure


def _per_transition(why: Reasoning, group: Group, kind: str,
                    per_person: Callable[[Transition], tuple[str, Any]]) -> Figure:
    """``{persons_0} × {kind_0} + {persons_1} × {kind_1} + …`` over the group's transitions,
    each ``kind`` term named and valued by ``per_person``."""
    calc = why.calc
    terms: dict[str, Term] = {}
    for index, t in enumerate(group.transitions):
        symbol, value = per_person(t)
        terms |= {f"persons_{index}": calc.known(f"persons_{_move_symbol(t)}", t.persons,
                                                 Unit.PERSONS, t.path),
                  f"{kind}_{index}": calc.term(symbol, value)}
    template = " + ".join(f"{slot(f'persons_{i}')} × {slot(f'{kind}_{i}')}"
                          for i in range(len(group.transitions))) or f.NOTHING
    figure: Figure = calc.compute(Unit.SEK_PER_YEAR, template, terms)
    return figure


def _ledger(why: Reasoning) -> Ledger:
    ledger = why.model.ledger
    assert ledger is not None, "key figures come from a ledger"
    return ledger


def _move_symbol(t: Transition) -> str:
    """``social_assistance_to_work``, and with a subsidy its rate in percent
    (``social_assistance_to_work_subsidy_80``): the same states at another rate are another
    move, with another effect.

    >>> _move_symbol(Transition(Move("a", "b"), 1.0, 0.335, "x"))
    'a_to_b_subsidy_33_5'
    """
    move = f"{t.move.before}_to_{t.move.after}"
    if not t.subsidy_rate:
        return move
    percent = Decimal(repr(t.subsidy_rate)).scaleb(2).normalize()
    return f"{move}_subsidy_{format(percent, 'f').replace('.', '_')}"
