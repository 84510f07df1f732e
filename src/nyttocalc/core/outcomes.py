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
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from nyttocalc.core import formulas as f
from nyttocalc.core.figures import Figure, Term, Unit, slot
from nyttocalc.core.ledger import Ledger, Move
from nyttocalc.core.model import Model
from nyttocalc.core.reasoning import Reasoning, explained
from nyttocalc.core.transitions import Group, Outcomes, Transition


@dataclass(frozen=True)
class GroupEffect:
    """One group's first year after, for one party."""

    group: str
    party: str
    revenue: Figure
    potential: Figure
    efficiency: Figure


@dataclass(frozen=True)
class KeyFigures:
    """Every group's first year after together, for one party, against what it paid."""

    party: str
    revenue: Figure
    cost: Figure
    net_benefit: Figure
    payback_time: Figure
    potential: Figure
    efficiency: Figure


@dataclass(frozen=True)
class OutcomesAnalysis:
    groups: tuple[GroupEffect, ...]
    totals: tuple[KeyFigures, ...]

    def figure(self, party: str, name: str, group: str | None = None) -> Figure | None:
        """One key figure: a group's (``group``), or every group's together; None where there
        is no such figure."""
        rows: tuple[GroupEffect | KeyFigures, ...] = (
            tuple(e for e in self.groups if e.group == group) if group is not None
            else self.totals)
        if name not in (GROUP_FIGURES if group is not None else TOTAL_FIGURES):
            return None
        found: Figure | None = next((getattr(row, name) for row in rows if row.party == party),
                                    None)
        return found


def _figure_names(row: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(row) if str(f.type) == "Figure")


GROUP_FIGURES = _figure_names(GroupEffect)  # revenue, potential, efficiency
TOTAL_FIGURES = _figure_names(KeyFigures)  # … and cost, net benefit, payback time


REFERENCE_RATE = 0.0  # a person's potential is work without a subsidy


def key_figures(model: Model, ledger: Ledger, outcomes: Outcomes) -> OutcomesAnalysis:
    """NyttoSAM's key figures for society and every actor, per group and for all groups."""
    why = explained(model)
    effects = tuple(_group(why, ledger, outcomes, group, party)
                    for group in outcomes.groups for party in ledger.parties())
    totals = tuple(_total(why, ledger, party, [e for e in effects if e.party == party])
                   for party in ledger.parties())
    return OutcomesAnalysis(effects, totals)


def _group(why: Reasoning, ledger: Ledger, outcomes: Outcomes, group: Group,
           party: str) -> GroupEffect:
    calc = why.calc
    revenue_terms: dict[str, Term] = {}
    potential_terms: dict[str, Term] = {}
    for index, t in enumerate(group.transitions):
        move = _move_symbol(t)
        persons = calc.known(f"persons_{move}", t.persons, Unit.PERSONS, t.path)
        effect = why.value(ledger.perspective(party, t.move), t.subsidy_rate, listed=False)
        potential = why.value(ledger.perspective(party, Move(t.move.before, outcomes.reference)),
                              REFERENCE_RATE, listed=False)
        revenue_terms |= {f"persons_{index}": persons,
                          f"effect_{index}": calc.term(f"effect_{move}", effect)}
        potential_terms |= {f"persons_{index}": persons,
                            f"potential_{index}": calc.term(f"potential_{t.move.before}",
                                                            potential)}
    count = range(len(group.transitions))
    revenue = calc.compute(Unit.SEK_PER_YEAR, _sum_of_products("persons", "effect", count),
                           revenue_terms)
    potential = calc.compute(Unit.SEK_PER_YEAR, _sum_of_products("persons", "potential", count),
                             potential_terms)
    return GroupEffect(group.key, party, revenue, potential, _efficiency(why, revenue, potential))


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


def _total(why: Reasoning, ledger: Ledger, party: str,
           effects: list[GroupEffect]) -> KeyFigures:
    calc = why.calc
    revenue = _sum(why, [e.revenue for e in effects], "revenue")
    potential = _sum(why, [e.potential for e in effects], "potential")
    cost = why.cost(ledger.perspective(party, ledger.move))
    revenue_term, cost_term = calc.term("revenue", revenue), calc.term("cost", cost)
    return KeyFigures(
        party, revenue, cost,
        calc.compute(Unit.SEK_PER_YEAR, f.NET_BENEFIT_FORMULA,
                     {"revenue": revenue_term, "cost": cost_term}),
        calc.compute(Unit.YEARS, f.PAYBACK_TIME_FORMULA,
                     {"revenue": revenue_term, "cost": cost_term}),
        potential, _efficiency(why, revenue, potential))


def _efficiency(why: Reasoning, revenue: Figure, potential: Figure) -> Figure:
    calc = why.calc
    efficiency: Figure = calc.compute(Unit.SHARE, f.EFFICIENCY_FORMULA, {
        "revenue": calc.term("revenue", revenue), "potential": calc.term("potential", potential)})
    return efficiency


def _sum(why: Reasoning, figures: list[Figure], symbol: str) -> Figure:
    """The groups' figures added: ``{symbol_0} + {symbol_1} + …``."""
    terms = {f"{symbol}_{i}": why.calc.term(f"{symbol}_{i}", fig) for i, fig in enumerate(figures)}
    total: Figure = why.calc.compute(Unit.SEK_PER_YEAR, f.sum_formula(list(terms)), terms)
    return total


def _sum_of_products(left: str, right: str, indices: range) -> str:
    """``{persons_0} × {effect_0} + {persons_1} × {effect_1} + …``; 0 for none."""
    return " + ".join(f"{slot(f'{left}_{i}')} × {slot(f'{right}_{i}')}"
                      for i in indices) or f.NOTHING
