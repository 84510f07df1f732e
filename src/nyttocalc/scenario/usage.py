"""Which inputs a scenario uses, and where it names each.

An input is *used* when a figure can reach it: a perspective's cost item, markup or value
component, a ledger's flow, funding item or markup, a claim's term, an uncertain input of the
simulation, or a term of a computed input's formula that is itself used. An input nothing
reaches changes no figure, so a scenario that declares one is told (a warning, not an error:
the run is still right, but a value the author thought counts does not).
"""

from __future__ import annotations

from collections.abc import Iterator

from nyttocalc.core.figures import placeholders
from nyttocalc.scenario.schema import Audit, RealFlow, ResourceFlow, Scenario
from nyttocalc.scenario.yamlsafe import KeyPath

Place = tuple[str, KeyPath]  # an input's name, and the key path that names it


def references(scenario: Scenario | Audit) -> dict[str, list[KeyPath]]:
    """Every name the scenario uses as an input (defined or not), with each place that names
    it: the places that make figures first, then the computed inputs' formulas."""
    found: dict[str, list[KeyPath]] = {}
    for name, where in (*_roots(scenario), *_formula_terms(scenario)):
        found.setdefault(name, []).append(where)
    return found


def used(scenario: Scenario | Audit) -> set[str]:
    """The inputs some figure, claim or simulation reaches, directly or through formulas."""
    computed = scenario.computed_inputs()
    reached: set[str] = set()
    waiting = [name for name, _ in _roots(scenario)]
    while waiting:
        name = waiting.pop()
        if name in reached:
            continue
        reached.add(name)
        if name in computed:
            waiting.extend(placeholders(computed[name].formula))
    return reached


def unused(scenario: Scenario | Audit, own: set[str]) -> list[str]:
    """The scenario's own inputs (``own``: not those of its parameter files, which offer more
    figures than any one scenario needs) that nothing uses, in the file's order."""
    reached = used(scenario)
    return [name for name in scenario.inputs if name in own and name not in reached]


def _roots(scenario: Scenario | Audit) -> Iterator[Place]:
    for key, perspective in scenario.perspectives.items():
        base: KeyPath = ("perspectives", key)
        for index, item in enumerate(perspective.cost.items):
            yield item, (*base, "cost", "items", index)
        if perspective.cost.markup is not None:
            yield perspective.cost.markup, (*base, "cost", "markup")
        for index, component in enumerate(perspective.value_per_person_year):
            yield component.input, (*base, "value_per_person_year", index, "input")
    ledger = scenario.ledger
    if ledger is not None:
        for key, state in ledger.states.items():
            for index, flow in enumerate(state.flows):
                kind = ("real" if isinstance(flow, RealFlow) else
                        "resource" if isinstance(flow, ResourceFlow) else "transfer")
                yield getattr(flow, kind), ("ledger", "states", key, "flows", index, kind)
        for index, funding in enumerate(ledger.funding):
            yield funding.input, ("ledger", "funding", index, "input")
        if ledger.markup is not None:
            yield ledger.markup, ("ledger", "markup")
    for index, claim in enumerate(scenario.claims):
        for term, operand in claim.terms.items():
            name = _input_named(operand.input)
            if name is not None:
                yield name, ("claims", index, "terms", term, "input")
    if scenario.simulation is not None:
        for path in scenario.simulation.uncertain:
            name = _input_named(path)
            if name is not None:
                yield name, ("simulation", "uncertain", path)


def _formula_terms(scenario: Scenario | Audit) -> Iterator[Place]:
    for name, item in scenario.computed_inputs().items():
        for term in placeholders(item.formula):
            yield term, ("inputs", name, "formula")


def _input_named(path: str | None) -> str | None:
    """The input a key path names (``inputs.x``, ``inputs.x.value``), or None."""
    if path is None:
        return None
    parts = path.split(".")
    return parts[1] if len(parts) >= 2 and parts[0] == "inputs" else None


_PLACES = {
    "share": "(a ledger's `markup` or a perspective's `cost.markup`, which mark up society's "
             "cost; or a computed input's formula, as {{{name}}})",
    "SEK": "(a ledger's `funding`, or a perspective's `cost.items`)",
    "SEK/person-year": "(a flow of the ledger's states, or a perspective's "
                       "`value_per_person_year`)",
}


def where_to_use(scenario: Scenario | Audit, name: str) -> str:
    """Where an input of this kind counts, for the warning about an unused one."""
    unit = scenario.inputs[name].unit
    return _PLACES.get(unit, "(a computed input's formula, as {{{name}}})").format(name=name)
