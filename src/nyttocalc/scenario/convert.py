"""From a validated scenario to the core's plain ``Model``."""

from __future__ import annotations

from typing import Any

from nyttocalc.core.claims import Claim, FigureRef, Operand, Qualifier
from nyttocalc.core.figures import Unit
from nyttocalc.core.ledger import Flow, FlowKind, Funding, Ledger, Move, State
from nyttocalc.core.model import Model
from nyttocalc.core.payback import input_term
from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent
from nyttocalc.core.transitions import Group, Outcomes, Transition
from nyttocalc.scenario import printed
from nyttocalc.scenario.printed import NumberStyle
from nyttocalc.scenario.schema import (
    AnyScenario,
    ClaimSpec,
    ComputedInput,
    FigureSelector,
    RealFlow,
    ResourceFlow,
    TransferFlow,
    money_kind,
)


def to_ledger(scenario: AnyScenario) -> Ledger | None:
    spec = scenario.ledger
    if spec is None:
        return None
    return Ledger(
        actors={key: _labels(actor.label) for key, actor in spec.actors.items()},
        states={key: State(key, _labels(state.label), tuple(_flow(f) for f in state.flows))
                for key, state in spec.states.items()},
        funding=tuple(Funding(item.input, item.paid_by) for item in spec.funding),
        markup=spec.markup,
        move=Move(spec.move.from_, spec.move.to),
    )


def _labels(labels: Any) -> dict[str, str]:
    return {"en": labels.en, "sv": labels.sv}


def _flow(spec: RealFlow | ResourceFlow | TransferFlow) -> Flow:
    scales = frozenset(Scaling(s) for s in spec.scales_with)
    if isinstance(spec, RealFlow):
        return Flow(FlowKind.REAL, spec.real, to=spec.to, scales_with=scales)
    if isinstance(spec, ResourceFlow):
        return Flow(FlowKind.RESOURCE, spec.resource, by=spec.by, scales_with=scales)
    return Flow(FlowKind.TRANSFER, spec.transfer, to=spec.to, by=spec.from_, scales_with=scales)


def to_outcomes(scenario: AnyScenario) -> Outcomes | None:
    spec = scenario.outcomes
    if spec is None:
        return None
    return Outcomes(spec.reference, tuple(
        Group(key, _labels(group.label), tuple(
            Transition(Move(t.from_, t.to), float(t.persons.value), t.subsidy_rate,
                       count_path(key, index))
            for index, t in enumerate(group.transitions)))
        for key, group in spec.groups.items()))


def count_path(group: str, index: int) -> str:
    """The key path of a transition's count of persons, which ``--set`` takes."""
    return f"outcomes.groups.{group}.transitions.{index}.persons"


def number_style(scenario: AnyScenario) -> NumberStyle:
    """How the scenario's report writes numbers, for reading its printed figures."""
    spec = scenario.numbers
    return NumberStyle(spec.decimal, spec.thousands, spec.currency)


def unit(text: str) -> Unit:
    """The core's unit of a unit as a scenario writes it: money in any currency is money."""
    return Unit(str(money_kind(text)))


# A claims-only audit has no cohort or analysis: its model holds these numbers, which nothing
# reads (it has no perspectives).
_AUDIT = {"participants": 1, "full_time_equivalent": 1.0, "delay_years": 0.0,
          "horizons_years": [1.0], "subsidy_rates": [0.0], "long_view_years": 1.0,
          "write_off_years": 1.0}


def _number(section: Any, name: str) -> Any:
    return _AUDIT[name] if section is None else getattr(section, name).value


def to_model(scenario: AnyScenario) -> Model:
    cohort, analysis = scenario.cohort, scenario.analysis
    computed = scenario.computed_inputs()
    ledger = to_ledger(scenario)
    return Model(
        inputs={name: float(item.value) for name, item in scenario.inputs.items()
                if not isinstance(item, ComputedInput)},
        formulas={name: item.formula for name, item in computed.items()},
        units={name: unit(item.unit) for name, item in scenario.inputs.items()},
        margins=_margins(scenario),
        perspectives=tuple(
            Perspective(
                key=key,
                labels={"en": spec.label.en, "sv": spec.label.sv},
                cost_items=tuple(spec.cost.items),
                cost_markup=spec.cost.markup,
                value_components=tuple(
                    ValueComponent(c.input, frozenset(Scaling(s) for s in c.scales_with))
                    for c in spec.value_per_person_year
                ),
            )
            for key, spec in scenario.perspectives.items()
        ) + (ledger.perspectives() if ledger is not None else ()),
        participants=_number(cohort, "participants"),
        full_time_equivalent=_number(cohort, "full_time_equivalent"),
        delay_years=_number(cohort, "delay_years"),
        horizons_years=tuple(_number(analysis, "horizons_years")),
        subsidy_rates=tuple(_number(analysis, "subsidy_rates")),
        long_view_years=_number(analysis, "long_view_years"),
        write_off_years=_number(analysis, "write_off_years"),
        discount_rate=_optional(analysis and analysis.discount_rate),
        drop_off_rate=_optional(cohort and cohort.drop_off_rate),
        deadweight=_optional(cohort and cohort.deadweight),
        intervention_years=_optional(analysis and analysis.intervention_years),
        ledger=ledger,
        outcomes=to_outcomes(scenario),
    )


def _margins(scenario: AnyScenario) -> dict[str, float]:
    """Half the last printed digit of each number the file gives with its `printed` text, by
    key path (a text that does not read is the loader's error to give, not a margin)."""
    style = number_style(scenario)
    margins = {}
    for section, parameters in scenario.parameters():
        for name, p in parameters.items():
            if p.printed is None or not isinstance(p.value, int | float):
                continue
            try:
                margins[f"{section}.{name}"] = printed.margin(p.printed, style, p.scale,
                                                              count=p.unit == "persons")
            except printed.PrintedError:
                continue
    return margins


def _optional(parameter: Any) -> float:
    """An optional parameter's value; absent, 0: no discounting, drop-off or deadweight."""
    return 0.0 if parameter is None else float(parameter.value)


def to_claims(scenario: AnyScenario, model: Model) -> tuple[Claim, ...]:
    """The scenario's claims; ``model`` is ``to_model(scenario)``, for computed inputs."""
    return tuple(_claim(spec, scenario, model) for spec in scenario.claims)


def _claim(spec: ClaimSpec, scenario: AnyScenario, model: Model) -> Claim:
    style = number_style(scenario)
    operands = {}
    for name, term in spec.terms.items():
        if term.figure is not None:
            operands[name] = Operand(name, figure=_figure_ref(term.figure))
        elif term.claim is not None:
            operands[name] = Operand(name, claim=term.claim)
        elif term.input is not None:
            value, given = parameter_value(scenario, term.input)
            computed = term.input.removeprefix("inputs.").removesuffix(".value")
            source = (input_term(model, computed).source if computed in model.formulas
                      else None)
            operands[name] = Operand(term.input, unit(given), value=value, source=source,
                                     path=_short(term.input))
        else:
            assert term.number is not None
            assert term.unit is not None
            margin = (printed.margin(term.printed, style, term.scale,
                                     count=term.unit == "persons")
                      if term.printed is not None else 0.0)
            operands[name] = Operand(term.printed or f"{term.number:g}", unit(term.unit),
                                     value=term.number, margin=margin)
    return Claim(
        id=spec.id,
        qualifier=Qualifier(spec.qualifier),
        published=spec.published,
        precision=spec.precision,
        unit=unit(spec.unit) if spec.unit is not None else None,
        figure=_figure_ref(spec.figure) if spec.figure is not None else None,
        formula=spec.formula,
        operands=operands,
        document=spec.where.document,
        trailing_zero=printed.read(spec.printed, style, spec.scale).trailing_zero,
    )


def _figure_ref(selector: FigureSelector) -> FigureRef:
    return FigureRef(selector.perspective, selector.figure, selector.dims(), selector.group)


def parameter_value(scenario: AnyScenario, path: str) -> tuple[float, str]:
    """The value and unit of the scenario scalar at a key path: ``inputs.municipal_funding``,
    ``cohort.delay_years``, ``analysis.horizons_years.1`` (``.value`` may be left out)."""
    parts = path.split(".")
    if len(parts) > 2 and parts[2] == "value":  # the long form: inputs.x.value, analysis.y.value.1
        del parts[2]
    computed = scenario.computed_inputs()
    if len(parts) == 2 and parts[0] == "inputs" and parts[1] in computed:
        return float(to_model(scenario).input_value(parts[1])), computed[parts[1]].unit
    sections = dict(scenario.parameters())
    if len(parts) not in (2, 3) or parts[0] not in sections or parts[1] not in sections[parts[0]]:
        raise KeyError(path)
    parameter: Any = sections[parts[0]][parts[1]]
    value = parameter.value
    if len(parts) == 3:
        if not (isinstance(value, list) and parts[2].isdigit() and int(parts[2]) < len(value)):
            raise KeyError(path)
        value = value[int(parts[2])]
    elif isinstance(value, list):
        raise KeyError(path)
    return float(value), str(parameter.unit)


def _short(path: str) -> str:
    """A key path without its ``.value`` step: ``inputs.x.value`` → ``inputs.x``,
    ``analysis.subsidy_rates.value.1`` → ``analysis.subsidy_rates.1``."""
    parts = path.split(".")
    return ".".join(parts[:2] + [p for p in parts[2:] if p != "value"])
