"""Cross-references inside a scenario: citations name a source, perspectives name inputs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nyttocalc.core.figures import FormulaError, evaluate, placeholders
from nyttocalc.core.payback import FIGURES
from nyttocalc.scenario import printed
from nyttocalc.scenario.convert import parameter_value
from nyttocalc.scenario.schema import FigureSelector, Scenario
from nyttocalc.scenario.yamlsafe import KeyPath

Problem = tuple[KeyPath, str]  # where, and what is wrong
Found = tuple[KeyPath, str, KeyPath]  # … and the input it concerns, or ()

COST_UNIT = "SEK"
MARKUP_UNIT = "share"
VALUE_UNIT = "SEK/person-year"


def check_references(scenario: Scenario) -> list[Found]:
    plain = [*_citations(scenario), *_computed_inputs(scenario), *_claims(scenario)]
    return [*((path, message, ()) for path, message in plain), *_perspective_inputs(scenario)]


def _citations(scenario: Scenario) -> Iterator[Problem]:
    known = ", ".join(sorted(scenario.sources)) or "none"
    cited: list[Problem] = [
        ((section, name, "source", "document"), parameter.source.document)
        for section, parameters in scenario.parameters()
        for name, parameter in parameters.items() if parameter.source is not None
    ]
    cited += [(("inputs", name, "source", "document"), item.source.document)
              for name, item in scenario.computed_inputs().items() if item.source is not None]
    cited += [(("claims", i, "where", "document"), claim.where.document)
              for i, claim in enumerate(scenario.claims)]
    if scenario.simulation is not None:
        drawn: dict[tuple[str, ...], Any] = {
            ("employment_probability",): scenario.simulation.employment_probability}
        drawn |= {("uncertain", k): d for k, d in scenario.simulation.uncertain.items()}
        cited += [(("simulation", *where, "source", "document"), d.source.document)
                  for where, d in drawn.items() if d.source is not None]
    for path, document in cited:
        if document not in scenario.sources:
            yield path, f"{document!r} is not a key of `sources`; known sources: {known}"


def _computed_inputs(scenario: Scenario) -> Iterator[Problem]:
    """A formula input's terms are inputs with values (not other formulas), and it evaluates."""
    computed = scenario.computed_inputs()
    plain = sorted(n for n in scenario.inputs if n not in computed)
    for name, item in computed.items():
        path: KeyPath = ("inputs", name, "formula")
        unknown = sorted(t for t in placeholders(item.formula) if t not in plain)
        if unknown:
            yield path, (f"the formula names {', '.join(map(repr, unknown))}, which "
                         f"{'is not an input' if len(unknown) == 1 else 'are not inputs'} "
                         f"with a value; its terms in braces are inputs: {', '.join(plain)}")
            continue
        try:
            evaluate(item.formula, dict.fromkeys(placeholders(item.formula), 1.0))
        except FormulaError as exc:
            yield path, str(exc)


def _perspective_inputs(scenario: Scenario) -> Iterator[Found]:
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
               unit: str) -> Iterator[Found]:
    candidates = sorted(n for n, i in scenario.inputs.items() if i.unit == unit) or ["none"]
    if name not in scenario.inputs:
        yield path, (f"{name!r} is not an input; expected one of the inputs with unit {unit}: "
                     f"{', '.join(candidates)}"), ()
    elif scenario.inputs[name].unit != unit:
        yield path, (f"the input {name!r} has unit {scenario.inputs[name].unit}; this place takes "
                     f"an input with unit {unit}: {', '.join(candidates)}"), ("inputs", name)


def _claims(scenario: Scenario) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, claim in enumerate(scenario.claims):
        base: KeyPath = ("claims", index)
        if claim.id in first_seen:
            yield (*base, "id"), (f"the id {claim.id!r} is also claim {first_seen[claim.id]}'s; "
                                  "give each claim its own id")
        first_seen.setdefault(claim.id, index)
        for problem in printed.consistency_problems(claim.printed, claim.published,
                                                    claim.precision, claim.qualifier):
            yield (*base, "printed"), problem
        if claim.figure is not None:
            yield from _figure_selector(scenario, (*base, "figure"), claim.figure)
        if claim.formula is not None:
            yield from _formula(claim.formula, set(claim.terms), (*base, "formula"))
        for name, term in claim.terms.items():
            if term.input is not None:
                try:
                    parameter_value(scenario, term.input)
                except KeyError:
                    yield (*base, "terms", name, "input"), (
                        f"{term.input!r} is not the key path of a single input; e.g. "
                        "inputs.municipal_funding, cohort.delay_years, "
                        "analysis.horizons_years.1")
            if term.figure is not None:
                yield from _figure_selector(scenario, (*base, "terms", name, "figure"),
                                            term.figure)


def _formula(formula: str, terms: set[str], path: KeyPath) -> Iterator[Problem]:
    used = placeholders(formula)
    if used != terms:
        missing, unused = sorted(used - terms), sorted(terms - used)
        yield path, (f"the formula's terms in braces ({', '.join(sorted(used)) or 'none'}) must "
                     f"be the claim's `terms`; missing: {', '.join(missing) or 'none'}, unused: "
                     f"{', '.join(unused) or 'none'}")
        return
    try:
        evaluate(formula, dict.fromkeys(terms, 1.0))
    except FormulaError as exc:
        yield path, str(exc)


def _figure_selector(scenario: Scenario, path: KeyPath,
                     selector: FigureSelector) -> Iterator[Problem]:
    if selector.perspective not in scenario.perspectives:
        known = ", ".join(scenario.perspectives)
        yield (*path, "perspective"), (f"{selector.perspective!r} is not a perspective of this "
                                       f"scenario: {known}")
    catalogue = FIGURES
    kind = catalogue.get(selector.figure)
    if kind is None:
        yield (*path, "figure"), (f"{selector.figure!r} is not a figure the analysis computes; "
                                  f"expected one of: {', '.join(catalogue)}")
        return
    given = set(selector.dims())
    if given != set(kind.dims):
        needed = ", ".join(kind.dims) or "none"
        yield path, (f"{selector.figure} is picked by {needed}; this gives "
                     f"{', '.join(sorted(given)) or 'none'}")
    # Whether the values exist (a mix's rate above the lowest, a number of persons within the
    # cohort) is checked by `check` itself: a --set for `payback` must not break on a claim.
