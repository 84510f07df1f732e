"""From a validated scenario to the core's plain ``Model``."""

from __future__ import annotations

from nyttocalc.core.model import Model, Perspective, Scaling, ValueComponent
from nyttocalc.scenario.schema import Scenario


def to_model(scenario: Scenario) -> Model:
    return Model(
        inputs={name: float(item.value) for name, item in scenario.inputs.items()},
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
        ),
        participants=scenario.cohort.participants.value,
        full_time_equivalent=scenario.cohort.full_time_equivalent.value,
        delay_years=scenario.cohort.delay_years.value,
        horizons_years=tuple(scenario.analysis.horizons_years.value),
        subsidy_rates=tuple(scenario.analysis.subsidy_rates.value),
        long_view_years=scenario.analysis.long_view_years.value,
        write_off_years=scenario.analysis.write_off_years.value,
    )
