"""Cross-references inside a scenario: citations name a source, perspectives name inputs."""

from __future__ import annotations

from collections.abc import Iterator

from nyttocalc.scenario.schema import Scenario
from nyttocalc.scenario.yamlsafe import KeyPath

COST_UNIT = "SEK"
MARKUP_UNIT = "share"
VALUE_UNIT = "SEK/person-year"


def check_references(scenario: Scenario) -> list[tuple[KeyPath, str]]:
    return [*_citations(scenario), *_perspective_inputs(scenario)]


def _citations(scenario: Scenario) -> Iterator[tuple[KeyPath, str]]:
    known = ", ".join(sorted(scenario.sources)) or "none"
    for section, parameters in scenario.parameters():
        for name, parameter in parameters.items():
            source = parameter.source
            if source is not None and source.document not in scenario.sources:
                yield ((section, name, "source", "document"),
                       f"{source.document!r} is not a key of `sources`; known sources: {known}")


def _perspective_inputs(scenario: Scenario) -> Iterator[tuple[KeyPath, str]]:
    for key, perspective in scenario.perspectives.items():
        base: KeyPath = ("perspectives", key)
        for index, item in enumerate(perspective.cost.items):
            yield from _input_ref(scenario, (*base, "cost", "items", index), item, COST_UNIT)
        if perspective.cost.markup is not None:
            yield from _input_ref(scenario, (*base, "cost", "markup"), perspective.cost.markup,
                                  MARKUP_UNIT)
        for index, component in enumerate(perspective.value_per_person_year):
            yield from _input_ref(scenario, (*base, "value_per_person_year", index, "input"),
                                  component.input, VALUE_UNIT)


def _input_ref(scenario: Scenario, path: KeyPath, name: str,
               unit: str) -> Iterator[tuple[KeyPath, str]]:
    candidates = sorted(n for n, i in scenario.inputs.items() if i.unit == unit) or ["none"]
    if name not in scenario.inputs:
        yield path, (f"{name!r} is not an input; expected one of the inputs with unit {unit}: "
                     f"{', '.join(candidates)}")
    elif scenario.inputs[name].unit != unit:
        yield path, (f"the input {name!r} has unit {scenario.inputs[name].unit}; this place takes "
                     f"an input with unit {unit}: {', '.join(candidates)}")
