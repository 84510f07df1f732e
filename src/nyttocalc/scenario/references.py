"""Cross-references inside a scenario: citations name a source, perspectives name inputs, a
group's transitions add up to its participants."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from nyttocalc.core.figures import FormulaError, placeholders, validate
from nyttocalc.core.ledger import SOCIETY
from nyttocalc.core.payback import FIGURES
from nyttocalc.core.registry import key_figures
from nyttocalc.scenario import printed
from nyttocalc.scenario.computed import (
    NOT_A_NUMBER,
    circle_from,
    circles,
    computed_terms,
    first_not_a_number,
    plain_inputs,
    too_deep_or_large,
)
from nyttocalc.scenario.convert import number_style, parameter_value
from nyttocalc.scenario.keypath import did_you_mean
from nyttocalc.scenario.schema import (
    AnyScenario,
    Audit,
    ClaimSpec,
    FigureSelector,
    GroupSpec,
    TransferFlow,
    currency_of,
    money_kind,
)
from nyttocalc.scenario.yamlsafe import KeyPath

Problem = tuple[KeyPath, str]  # where, and what is wrong
Found = tuple[KeyPath, str, KeyPath]  # … and the input it concerns, or ()

COST_UNIT = "SEK"
MARKUP_UNIT = "share"
VALUE_UNIT = "SEK/person-year"


def check_references(scenario: AnyScenario) -> list[Found]:
    plain = [*_citations(scenario), *_computed_inputs(scenario), *_printed_inputs(scenario),
             *_currencies(scenario), *_claims(scenario), *_claim_operands(scenario),
             *_ledger(scenario)]
    return [*((path, message, ()) for path, message in plain), *_perspective_inputs(scenario),
            *_ledger_inputs(scenario), *_outcomes(scenario)]


def perspective_keys(scenario: AnyScenario) -> list[str]:
    """Every perspective of the scenario: those written out, then society's and each actor's
    from the ledger."""
    derived = [SOCIETY, *scenario.ledger.actors] if scenario.ledger is not None else []
    return [*scenario.perspectives, *derived]


def _citations(scenario: AnyScenario) -> Iterator[Problem]:
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


def _computed_inputs(scenario: AnyScenario) -> Iterator[Problem]:
    """A formula input's terms are inputs (computed ones too, but none that refers back to
    it, and not so many or so deep that written out it would not fit), and it evaluates."""
    computed = scenario.computed_inputs()
    formulas = {name: item.formula for name, item in computed.items()}
    terms = computed_terms(formulas)
    circled = circles(terms)
    unwieldy = too_deep_or_large({name: [t for t in named if t not in circled]
                                  for name, named in terms.items() if name not in circled})
    below_another = {t for name in unwieldy for t in terms[name]}
    sound = True
    for name, item in computed.items():
        path: KeyPath = ("inputs", name, "formula")
        unknown = sorted(t for t in placeholders(item.formula) if t not in scenario.inputs)
        if unknown:
            yield path, (f"the formula names {', '.join(map(repr, unknown))}, which "
                         f"{'is not an input' if len(unknown) == 1 else 'are not inputs'}; "
                         f"its terms in braces are inputs: {', '.join(sorted(scenario.inputs))}")
            sound = False
            continue
        if name in circled:
            yield path, (f"the formula refers back to itself: "
                         f"{' → '.join(circle_from(name, terms))}; a computed input is computed "
                         "from other inputs")
            continue
        if name in unwieldy:
            if name not in below_another:  # the top of the chain says it for all below
                yield path, unwieldy[name]
            continue
        try:
            validate(item.formula)
        except FormulaError as exc:
            yield path, str(exc)
            sound = False
    if sound and not circled and not unwieldy:
        found = first_not_a_number(formulas, terms, plain_inputs(scenario))
        if found is not None:
            yield ("inputs", found[0], "formula"), f"with these inputs {NOT_A_NUMBER}"


def _perspective_inputs(scenario: AnyScenario) -> Iterator[Found]:
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


def _input_ref(scenario: AnyScenario, path: KeyPath, name: str,
               unit: str) -> Iterator[Found]:
    candidates = sorted(n for n, i in scenario.inputs.items()
                        if money_kind(i.unit) == unit) or ["none"]
    shown = unit.replace("SEK", scenario.numbers.currency, 1)  # in the scenario's currency
    if name not in scenario.inputs:
        yield path, (f"{name!r} is not an input; expected one of the inputs with unit {shown}: "
                     f"{', '.join(candidates)}"), ()
    elif money_kind(scenario.inputs[name].unit) != unit:
        yield path, (f"the input {name!r} has unit {scenario.inputs[name].unit}; this place takes "
                     f"an input with unit {shown}: {', '.join(candidates)}"), ("inputs", name)


def _ledger(scenario: AnyScenario) -> Iterator[Problem]:
    """Flows, funding and the move name actors and states that exist; a transfer goes between
    two actors, so that it cancels for society."""
    ledger = scenario.ledger
    if ledger is None:
        if isinstance(scenario, Audit):
            return  # claims only: nothing to derive perspectives from, and none needed
        if not scenario.perspectives:
            yield ("perspectives",), ("expected at least one perspective, got none; or give a "
                                      "`ledger` (actors, states and flows), from which society's "
                                      "and every actor's perspective are derived; or, for a "
                                      "claims-only audit, leave out `perspectives` and give "
                                      "`claims`")
        if scenario.outcomes is not None:
            yield ("outcomes",), ("`outcomes` needs a `ledger`: the states its transitions "
                                  "name, and the actors they concern")
        return
    base: KeyPath = ("ledger",)
    actors = ", ".join(ledger.actors)
    clash = sorted(set(scenario.perspectives) & {SOCIETY, *ledger.actors})
    if clash:
        yield ("perspectives", clash[0]), (
            f"{clash[0]!r} is also a perspective the ledger derives (society and every actor); "
            "give it another key")
    if SOCIETY in ledger.actors:
        yield (*base, "actors", SOCIETY), (f"{SOCIETY!r} is not an actor: society's perspective "
                                           "is the sum of every actor's, derived by itself")
    for key, state in ledger.states.items():
        for index, flow in enumerate(state.flows):
            where: KeyPath = (*base, "states", key, "flows", index)
            for role in ("to", "by", "from_"):
                actor = getattr(flow, role, None)
                if actor is not None and actor not in ledger.actors:
                    yield (*where, role.rstrip("_")), (
                        f"{actor!r} is not an actor of the ledger; its actors: {actors}")
            if isinstance(flow, TransferFlow) and flow.from_ == flow.to:
                yield where, (f"the transfer {flow.transfer!r} goes from {flow.to} to itself: a "
                              "transfer moves money from one actor to another, so that it "
                              "cancels for society")
    for index, item in enumerate(ledger.funding):
        if item.paid_by is not None and item.paid_by not in ledger.actors:
            yield (*base, "funding", index, "paid_by"), (
                f"{item.paid_by!r} is not an actor of the ledger; its actors: {actors}")
    yield from _states(scenario, (*base, "move"), ledger.move.from_, ledger.move.to)


def _outcomes(scenario: AnyScenario) -> Iterator[Found]:
    """Transitions name states; a group lists each move once; where a group's size, or the
    groups that make up the cohort, are given, the transitions add up to it."""
    outcomes = scenario.outcomes
    if outcomes is None or scenario.ledger is None or scenario.cohort is None:
        return
    if outcomes.reference not in scenario.ledger.states:
        yield ("outcomes", "reference"), _no_state(scenario, outcomes.reference), ()
    for key, group in outcomes.groups.items():
        first: dict[tuple[str, str, float], int] = {}
        for index, t in enumerate(group.transitions):
            where: KeyPath = ("outcomes", "groups", key, "transitions", index)
            yield from ((*problem, ()) for problem in _states(scenario, where, t.from_, t.to))
            move = (t.from_, t.to, t.subsidy_rate)
            if move in first:
                rate = f" at a {t.subsidy_rate * 100:g} % subsidy" if t.subsidy_rate else ""
                yield where, (f"the move {t.from_} → {t.to}{rate} is transition "
                              f"{first[move]} of this group too; list each move once, with the "
                              "persons added"), ()
            first.setdefault(move, index)
        if group.participants is not None:
            size: KeyPath = ("outcomes", "groups", key, "participants")
            yield from _adds_up(size, [group], group.participants.value, size)
    unknown = [g for g in outcomes.cohort_groups if g not in outcomes.groups]
    for name in unknown:
        yield ("outcomes", "cohort_groups", outcomes.cohort_groups.index(name)), (
            f"{name!r} is not a group of outcomes; its groups: "
            f"{', '.join(outcomes.groups)}"), ()
    if outcomes.cohort_groups and not unknown:
        yield from _adds_up(("outcomes", "cohort_groups"),
                            [outcomes.groups[g] for g in outcomes.cohort_groups],
                            scenario.cohort.participants.value, ("cohort", "participants"))


def _adds_up(where: KeyPath, groups: list[GroupSpec], participants: int,
             size: KeyPath) -> Iterator[Found]:
    """Every participant of these groups is in one transition of theirs: the persons add up to
    the number at ``size``."""
    counts = [t.persons.value for group in groups for t in group.transitions]
    total = math.fsum(counts)
    if not math.isclose(total, participants, rel_tol=1e-12, abs_tol=1e-12):
        terms = " + ".join(f"{c:g}" for c in counts) + " = " if len(counts) > 1 else ""
        yield where, (f"the transitions add up to {terms}{total:g} persons, not "
                      f"{'.'.join(map(str, size))} = {participants}: every participant is in "
                      "one transition (one who stayed moves from a state to itself)"), size


def _states(scenario: AnyScenario, where: KeyPath, before: str, after: str) -> Iterator[Problem]:
    assert scenario.ledger is not None
    for key, state in (("from", before), ("to", after)):
        if state not in scenario.ledger.states:
            yield (*where, key), _no_state(scenario, state)


def _no_state(scenario: AnyScenario, state: str) -> str:
    assert scenario.ledger is not None
    return (f"{state!r} is not a state of the ledger; its states: "
            f"{', '.join(scenario.ledger.states)}")


def _ledger_inputs(scenario: AnyScenario) -> Iterator[Found]:
    ledger = scenario.ledger
    if ledger is None:
        return
    for key, state in ledger.states.items():
        for index, flow in enumerate(state.flows):
            kind = next(k for k in ("real", "resource", "transfer") if hasattr(flow, k))
            yield from _input_ref(scenario, ("ledger", "states", key, "flows", index, kind),
                                  getattr(flow, kind), VALUE_UNIT)
    for index, item in enumerate(ledger.funding):
        yield from _input_ref(scenario, ("ledger", "funding", index, "input"), item.input,
                              COST_UNIT)
    if ledger.markup is not None:
        yield from _input_ref(scenario, ("ledger", "markup"), ledger.markup, MARKUP_UNIT)


def _claims(scenario: AnyScenario) -> Iterator[Problem]:
    style = number_style(scenario)
    first_seen: dict[str, int] = {}
    for index, claim in enumerate(scenario.claims):
        base: KeyPath = ("claims", index)
        if claim.id in first_seen:
            yield (*base, "id"), (f"the id {claim.id!r} is also claim {first_seen[claim.id]}'s; "
                                  "give each claim its own id")
        first_seen.setdefault(claim.id, index)
        money = claim.unit is None or currency_of(claim.unit) is not None
        for problem in printed.consistency_problems(claim.printed, claim.published,
                                                    claim.precision, claim.qualifier, style,
                                                    claim.scale, money):
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
            if term.number is not None and term.printed is not None:
                money = term.unit is not None and currency_of(term.unit) is not None
                for problem in printed.value_problems(term.printed, term.number, style,
                                                      term.scale, money):
                    yield (*base, "terms", name, "printed"), problem
            elif term.scale is not None:
                yield (*base, "terms", name, "scale"), "`scale` goes with `printed`"


def _formula(formula: str, terms: set[str], path: KeyPath) -> Iterator[Problem]:
    used = placeholders(formula)
    if used != terms:
        missing, unused = sorted(used - terms), sorted(terms - used)
        yield path, (f"the formula's terms in braces ({', '.join(sorted(used)) or 'none'}) must "
                     f"be the claim's `terms`; missing: {', '.join(missing) or 'none'}, unused: "
                     f"{', '.join(unused) or 'none'}")
        return
    try:
        validate(formula)
    except FormulaError as exc:
        yield path, str(exc)


def _figure_selector(scenario: AnyScenario, path: KeyPath,
                     selector: FigureSelector) -> Iterator[Problem]:
    if selector.perspective not in perspective_keys(scenario):
        known = ", ".join(perspective_keys(scenario))
        yield (*path, "perspective"), (f"{selector.perspective!r} is not a perspective of this "
                                       f"scenario: {known}")
    if selector.group is not None or selector.figure in KEY_FIGURES:
        yield from _key_figure_selector(scenario, path, selector)
        return
    kind = FIGURES.get(selector.figure)
    if kind is None:
        yield (*path, "figure"), (f"{selector.figure!r} is not a figure the analysis computes; "
                                  f"expected one of: {', '.join(FIGURES)}; or a key figure of "
                                  f"`outcomes`: {', '.join(KEY_FIGURES)}")
        return
    given = set(selector.dims())
    if given != set(kind.dims):
        needed = ", ".join(kind.dims) or "none"
        yield path, (f"{selector.figure} is picked by {needed}; this gives "
                     f"{', '.join(sorted(given)) or 'none'}")
    # Whether the values exist (a mix's rate above the lowest, a number of persons within the
    # cohort) is checked by `check` itself: a --set for `payback` must not break on a claim.


KEY_FIGURES = [name for name in key_figures(None) if name not in FIGURES]  # cost is the analysis's


def _key_figure_selector(scenario: AnyScenario, path: KeyPath,
                         selector: FigureSelector) -> Iterator[Problem]:
    """A key figure of the first year after: the scenario has `outcomes`; a group's key figure
    names one of its groups; no subsidy rate, horizon or count (the transitions give them)."""
    outcomes = scenario.outcomes
    if outcomes is None:
        yield (*path, "figure"), (f"{selector.figure} is a key figure of `outcomes`, which this "
                                  "scenario does not have")
        return
    if selector.dims():
        yield path, (f"a key figure is picked by its perspective (and group) only; this gives "
                     f"{', '.join(sorted(selector.dims()))}")
    if selector.group is None:
        return
    if selector.group not in outcomes.groups:
        yield (*path, "group"), (f"{selector.group!r} is not a group of outcomes; its groups: "
                                 f"{', '.join(outcomes.groups)}")
    elif selector.figure not in key_figures(selector.group):
        yield (*path, "figure"), (f"a group's key figures are "
                                  f"{', '.join(key_figures(selector.group))}; "
                                  f"{selector.figure} is of all groups together (leave out "
                                  "`group`)")


def _printed_inputs(scenario: AnyScenario) -> Iterator[Problem]:
    """An input's `printed` text reads its value in the report's number style (and currency);
    a list of values (horizons, subsidy rates) has no one printed figure."""
    style = number_style(scenario)
    for section, parameters in scenario.parameters():
        for name, parameter in parameters.items():
            path: KeyPath = (section, name)
            if parameter.printed is None:
                if parameter.scale is not None:
                    yield (*path, "scale"), "`scale` goes with `printed`"
                continue
            if not isinstance(parameter.value, int | float):
                yield (*path, "printed"), ("a list of values has no one printed figure; leave "
                                           "out `printed`")
                continue
            money = currency_of(parameter.unit) is not None
            for problem in printed.value_problems(parameter.printed, float(parameter.value),
                                                  style, parameter.scale, money):
                yield (*path, "printed"), problem


def _currencies(scenario: AnyScenario) -> Iterator[Problem]:
    """Every amount is in the scenario's one currency."""
    currency = scenario.numbers.currency
    units: list[tuple[KeyPath, str]] = [(("inputs", name, "unit"), str(item.unit))
                                        for name, item in scenario.inputs.items()]
    for index, claim in enumerate(scenario.claims):
        if claim.unit is not None:
            units.append((("claims", index, "unit"), claim.unit))
        units += [(("claims", index, "terms", name, "unit"), term.unit)
                  for name, term in claim.terms.items() if term.unit is not None]
    for path, unit in units:
        written = currency_of(unit)
        if written is not None and written != currency:
            yield path, (f"the unit {unit!r} is in {written}, but this scenario's currency is "
                         f"{currency} (numbers.currency); write "
                         f"{unit.replace(written, currency, 1)!r}, or declare numbers: "
                         f"{{currency: {written}}}")


def _claim_operands(scenario: AnyScenario) -> Iterator[Problem]:
    """A claim's `claim:` operand names another claim, and no claim depends on itself."""
    ids = {claim.id: claim for claim in scenario.claims}
    for index, claim in enumerate(scenario.claims):
        for name, term in claim.terms.items():
            if term.claim is None:
                continue
            where: KeyPath = ("claims", index, "terms", name, "claim")
            if term.claim not in ids:
                yield where, (f"{term.claim!r} is not the id of a claim of this scenario"
                              f"{did_you_mean(term.claim, list(ids))}")
                continue
            circle = _claim_circle(claim.id, term.claim, ids)
            if circle:
                yield where, (f"the claims depend on each other in a circle: "
                              f"{' → '.join(circle)}; a claim is computed from inputs and "
                              "from other claims' figures, never from its own")


def _claim_circle(start: str, first: str, ids: dict[str, ClaimSpec]) -> list[str]:
    """A chain of `claim:` operands from ``start`` through ``first`` back to ``start``."""
    def walk(name: str, chain: list[str]) -> list[str]:
        if name == start:
            return chain
        if name in chain[:-1] or name not in ids:
            return []
        for term in ids[name].terms.values():
            if term.claim is not None:
                found = walk(term.claim, [*chain, term.claim])
                if found:
                    return found
        return []

    return walk(first, [start, first])

