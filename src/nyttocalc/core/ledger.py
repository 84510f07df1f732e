"""Who pays and who gains: actors, the states a participant can be in, and the flows of each.

NyttoSAM (the report's Bilaga 5) counts effects for society and for each actor (kommun, region,
Försäkringskassan, Arbetsförmedlingen, övrig stat, individen, …). A participant's year in a
state (a case type: social assistance, work, work with a wage subsidy, studies) is a list of
yearly flows, each an amount (an input) that scales as its flow says:

- **real**: a value created (production) that one actor receives; it counts for society too;
- **resource**: a real resource used (a caseworker's time, care, a prison place), borne by one
  actor; it counts against society too;
- **transfer**: money from one actor to another (a wage, a tax, a benefit, a wage subsidy):
  minus for the payer, plus for the receiver, nothing for society. "De finansiella effekterna
  påverkar de olika aktörernas resultat, däremot inte resultatet på samhällsnivå där summan av
  de finansiella effekterna är noll" ("Analys, slutsatser och rekommendationer").

The effect of a move from state A to state B, for an actor, is its flows in B less its flows in
A: a perspective whose value per person-year is those flows, signed. Society's is the real flows
alone, and equals the sum over every actor, as the transfers cancel. The intervention's cost is
paid by the actors named (society's: all of it, in socio-economic kronor).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent

SOCIETY = "society"
SOCIETY_LABELS = {"en": "Society", "sv": "Samhället"}


class FlowKind(StrEnum):
    REAL = "real"
    RESOURCE = "resource"
    TRANSFER = "transfer"


@dataclass(frozen=True)
class Flow:
    """One yearly flow of a state: ``amount`` names an input (kronor per person-year)."""

    kind: FlowKind
    amount: str
    to: str | None = None  # real: who receives the value; transfer: who receives the money
    by: str | None = None  # resource: who bears it; transfer: who pays
    scales_with: frozenset[Scaling] = frozenset()

    def sign_for(self, actor: str) -> int:
        """+1 where ``actor`` gains by this flow, −1 where it loses, 0 where it is not party
        to it; for society (``SOCIETY``) real flows gain, resources lose, transfers nothing."""
        if actor == SOCIETY:
            return {FlowKind.REAL: 1, FlowKind.RESOURCE: -1, FlowKind.TRANSFER: 0}[self.kind]
        gains = 1 if self.to == actor else 0
        loses = 1 if self.by == actor else 0
        return gains - loses


@dataclass(frozen=True)
class State:
    """A case type: a participant's year in one situation, as flows."""

    key: str
    labels: Mapping[str, str]
    flows: tuple[Flow, ...]


@dataclass(frozen=True)
class Funding:
    """An item of the intervention's cost, and the actor who paid it (None: a real resource
    nobody paid in money, such as volunteers' time)."""

    amount: str  # an input in kronor
    paid_by: str | None = None


@dataclass(frozen=True)
class Move:
    before: str  # a state's key: where a participant is without the intervention, or before it
    after: str  # where the participant is after it


@dataclass(frozen=True)
class Ledger:
    actors: Mapping[str, Mapping[str, str]]  # key → labels by language
    states: Mapping[str, State]
    funding: tuple[Funding, ...]
    markup: str | None  # a share input: society's cost in socio-economic kronor
    move: Move  # what the break-even analysis asks about: how many must make this move

    def parties(self) -> tuple[str, ...]:
        """Society, then every actor: whose effects are counted."""
        return (SOCIETY, *self.actors)

    def labels(self, party: str) -> Mapping[str, str]:
        return SOCIETY_LABELS if party == SOCIETY else self.actors[party]

    def components(self, party: str, move: Move) -> tuple[ValueComponent, ...]:
        """What one person-year of ``move`` changes for ``party``: its flows after, and minus its
        flows before, each once per flow (a flow both states hold cancels)."""
        found: list[ValueComponent] = []
        for state, side in ((self.states[move.after], 1), (self.states[move.before], -1)):
            for flow in state.flows:
                sign = flow.sign_for(party) * side
                if sign:
                    found.append(ValueComponent(flow.amount, flow.scales_with, sign))
        return _cancelled(found)

    def perspective(self, party: str, move: Move) -> Perspective:
        """``party``'s perspective on ``move``: what it paid for the intervention, and what the
        move brings it per person-year."""
        if party == SOCIETY:
            items = tuple(item.amount for item in self.funding)
            markup = self.markup
        else:
            items = tuple(item.amount for item in self.funding if item.paid_by == party)
            markup = None
        return Perspective(party, self.labels(party), items, markup,
                           self.components(party, move))

    def perspectives(self) -> tuple[Perspective, ...]:
        """Society's and every actor's perspective on the ledger's move."""
        return tuple(self.perspective(party, self.move) for party in self.parties())


def _cancelled(components: list[ValueComponent]) -> tuple[ValueComponent, ...]:
    """The components with each pair that cancels (the same input and scaling, opposite signs:
    a flow that is there before and after) left out: of each component, as many of its first
    occurrences as its twin occurs, at most; the rest in order. Counted, not searched, so a
    state with thousands of flows takes as long to read as it is long."""
    counts = Counter(components)
    to_drop = {component: min(count, counts[_twin(component)])
               for component, count in counts.items()}
    left: list[ValueComponent] = []
    for component in components:
        if to_drop[component]:
            to_drop[component] -= 1
        else:
            left.append(component)
    return tuple(left)


def _twin(component: ValueComponent) -> ValueComponent:
    """The same flow with the opposite sign: what cancels it."""
    return ValueComponent(component.input, component.scales_with, -component.sign)
