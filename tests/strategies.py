"""Hypothesis strategies for models and scenario documents, in one place."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from nyttocalc.core.model import Model, Perspective, Scaling, ValueComponent

# Kronor: nothing, or at least one krona (subnormal amounts like 5e-324 kr are not money).
amounts = st.one_of(st.just(0.0), st.floats(min_value=1, max_value=1e8))
positive_amounts = st.floats(min_value=1, max_value=1e8, allow_nan=False, allow_infinity=False)
shares = st.floats(min_value=0, max_value=1, allow_nan=False)
horizons = st.floats(min_value=0.25, max_value=60, allow_nan=False)
scalings = st.frozensets(st.sampled_from(list(Scaling)))


@st.composite
def perspectives(draw: st.DrawFn, key: str, inputs: dict[str, float]) -> Perspective:
    n_items = draw(st.integers(1, 3))
    n_components = draw(st.integers(1, 3))
    items = []
    for i in range(n_items):
        name = f"{key}_cost_{i}"
        inputs[name] = draw(amounts)
        items.append(name)
    markup = None
    if draw(st.booleans()):
        markup = f"{key}_markup"
        inputs[markup] = draw(shares)
    components = []
    for i in range(n_components):
        name = f"{key}_value_{i}"
        inputs[name] = draw(amounts)
        components.append(ValueComponent(name, draw(scalings)))
    return Perspective(key, {"en": key, "sv": key}, tuple(items), markup, tuple(components))


@st.composite
def models(draw: st.DrawFn, **fixed: Any) -> Model:
    inputs: dict[str, float] = {}
    keys = draw(st.lists(st.sampled_from(["society", "municipality", "region", "state"]),
                         min_size=1, max_size=3, unique=True))
    fields: dict[str, Any] = {
        "inputs": inputs,
        "perspectives": tuple(draw(perspectives(k, inputs)) for k in keys),
        "participants": draw(st.integers(1, 40)),
        "full_time_equivalent": draw(st.floats(min_value=0.05, max_value=1)),
        "delay_years": draw(st.floats(min_value=0, max_value=20)),
        "horizons_years": tuple(draw(st.lists(horizons, min_size=1, max_size=4, unique=True))),
        "subsidy_rates": tuple(draw(st.lists(shares, min_size=1, max_size=4, unique=True))),
        "long_view_years": draw(st.floats(min_value=1, max_value=60)),
        "write_off_years": draw(st.floats(min_value=1, max_value=30)),
    }
    fields.update(fixed)
    return Model(**fields)
