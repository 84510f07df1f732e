"""Hypothesis strategies for models and scenario documents, in one place."""

from __future__ import annotations

import math
import os
import struct
from typing import Any

import numpy as np
from hypothesis import strategies as st

from nyttocalc.core.model import Model
from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent

SCALE = int(os.environ.get("NYTTOCALC_HYPOTHESIS_SCALE", "1"))


def examples(n: int) -> int:
    """A test's number of examples, times NYTTOCALC_HYPOTHESIS_SCALE (a wider campaign)."""
    return n * SCALE


# Kronor: nothing, or at least one krona (subnormal amounts like 5e-324 kr are not money).
amounts = st.one_of(st.just(0.0), st.floats(min_value=1, max_value=1e8))
positive_amounts = st.floats(min_value=1, max_value=1e8, allow_nan=False, allow_infinity=False)
shares = st.floats(min_value=0, max_value=1, allow_nan=False)
horizons = st.floats(min_value=0.25, max_value=60, allow_nan=False)
# what a written-out perspective's value component scales with (a ledger's flows may also scale
# with the subsidy rate itself: see ledgers())
scalings = st.frozensets(st.sampled_from([Scaling.PRODUCTIVITY, Scaling.FTE]))


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


def _parameter(value: Any, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "description": "generated", "assumption": "generated"}


@st.composite
def scenario_documents(draw: st.DrawFn) -> dict[str, Any]:
    money = st.integers(min_value=0, max_value=50_000_000)
    rate = st.integers(min_value=0, max_value=100).map(lambda k: k / 100)
    inputs = {
        "cash": _parameter(draw(money), "SEK"),
        "volunteers": _parameter(draw(money), "SEK"),
        "markup": _parameter(draw(rate), "share"),
        "production": _parameter(draw(money), "SEK/person-year"),
        "support": _parameter(draw(money), "SEK/person-year"),
        "revenue": _parameter(draw(money), "SEK/person-year"),
    }
    return {
        "nyttocalc": 1,
        "title": "generated",
        "sources": {},
        "inputs": inputs,
        "cohort": {
            "participants": _parameter(draw(st.integers(1, 60)), "persons"),
            "full_time_equivalent": _parameter(draw(st.sampled_from([0.25, 0.5, 0.75, 1.0])),
                                               "FTE"),
            "delay_years": _parameter(draw(st.integers(0, 10)), "years"),
        },
        "analysis": {
            "horizons_years": _parameter(draw(st.lists(st.integers(1, 40), min_size=1,
                                                       max_size=4, unique=True)), "years"),
            "subsidy_rates": _parameter(draw(st.lists(rate, min_size=1, max_size=3,
                                                      unique=True)), "share"),
            "long_view_years": _parameter(draw(st.integers(1, 50)), "years"),
            "write_off_years": _parameter(draw(st.integers(1, 20)), "years"),
        },
        "perspectives": {
            "society": {
                "label": {"en": "Society", "sv": "Samhället"},
                "cost": {"items": ["cash", "volunteers"], "markup": "markup"},
                "value_per_person_year": [
                    {"input": "production", "scales_with": ["productivity", "fte"]},
                    {"input": "support", "scales_with": ["fte"]},
                ],
            },
            "municipality": {
                "label": {"en": "Municipality", "sv": "Kommunen"},
                "cost": {"items": ["cash"]},
                "value_per_person_year": [{"input": "revenue", "scales_with": ["fte"]}],
            },
        },
    }


@st.composite
def timed_models(draw: st.DrawFn) -> Model:
    """Models with discounting, drop-off, deadweight and an intervention period drawn too."""
    model = draw(models())
    return Model(**{**model.__dict__,
                    "discount_rate": draw(st.sampled_from([0.0, 0.015, 0.035, 0.1])),
                    "drop_off_rate": draw(st.sampled_from([0.0, 0.05, 0.3])),
                    "deadweight": draw(st.sampled_from([0.0, 0.1, 0.25])),
                    "intervention_years": draw(st.sampled_from([0.0, 1.0, 1.3333]))})


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[Any, dict[str, float]]:
    """A random ledger (actors, states, flows of every kind, funding) and its inputs."""
    from nyttocalc.core.ledger import Flow, FlowKind, Funding, Ledger, Move, State

    actors = [f"actor_{i}" for i in range(draw(st.integers(1, 4)))]
    inputs: dict[str, float] = {}
    states = {}
    for s in range(draw(st.integers(2, 3))):
        flows = []
        for f in range(draw(st.integers(0, 5))):
            name = f"amount_{s}_{f}"
            inputs[name] = draw(amounts)
            kind = draw(st.sampled_from(list(FlowKind)))
            scales = draw(st.frozensets(st.sampled_from(list(Scaling))))
            a, b = draw(st.sampled_from(actors)), draw(st.sampled_from(actors))
            if kind is FlowKind.TRANSFER:
                if a == b:
                    continue
                flows.append(Flow(kind, name, to=b, by=a, scales_with=scales))
            elif kind is FlowKind.REAL:
                flows.append(Flow(kind, name, to=a, scales_with=scales))
            else:
                flows.append(Flow(kind, name, by=a, scales_with=scales))
        states[f"state_{s}"] = State(f"state_{s}", {"en": f"state {s}"}, tuple(flows))
    funding = []
    for i in range(draw(st.integers(1, 3))):
        inputs[f"cost_{i}"] = draw(amounts)
        funding.append(Funding(f"cost_{i}", draw(st.sampled_from([None, *actors]))))
    before, after = draw(st.permutations(list(states)))[:2]
    ledger = Ledger({a: {"en": a} for a in actors}, states, tuple(funding), None,
                    Move(before, after))
    return ledger, inputs


def _from_bits(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


# Any float, every bit pattern as likely (NaN and infinity too); decimals as a report or a sweep
# writes them (k / 10^d: 0.3, 2.75); and the floats next to those, next to powers of ten and of
# two, where a shortest decimal is hardest to find.
any_floats = st.integers(0, 2**64 - 1).map(_from_bits)
decimal_floats = st.builds(lambda digits, places: digits / 10**places,
                           st.integers(-(10**17), 10**17), st.integers(0, 22))
edge_floats = st.builds(lambda base, steps: float(np.nextafter(base, math.inf * steps)) if steps
                        else base,
                        st.sampled_from([10.0**e for e in range(-6, 17)]
                                        + [2.0**e for e in range(-16, 54)] + [1e-4, 1e15]),
                        st.integers(-2, 2))
csv_floats = st.one_of(any_floats, decimal_floats, edge_floats,
                       st.floats(min_value=1e-4, max_value=1e15))


# ---- formulas and the intervals of their terms (core/intervals.py) ---------------------------

TERMS = ("a", "b", "c")


@st.composite
def arithmetic_formulas(draw: st.DrawFn, depth: int = 3) -> str:
    """A formula template over the terms {a}, {b}, {c} and small constants: + − × /, unary
    minus, ceil, min, max and sum, nested up to ``depth``."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        if draw(st.integers(0, 4)) == 0:
            return repr(draw(st.sampled_from([0.5, 1.0, 2.0, 3.0, 12.0])))
        return "{" + draw(st.sampled_from(TERMS)) + "}"
    kind = draw(st.sampled_from(["+", "−", "×", "/", "neg", "ceil", "max", "min", "sum"]))
    inner = arithmetic_formulas(depth - 1)
    if kind == "neg":
        return f"−({draw(inner)})"
    if kind in ("ceil",):
        return f"{kind}({draw(inner)})"
    if kind in ("max", "min", "sum"):
        args = draw(st.lists(inner, min_size=1, max_size=3))
        return f"{kind}({', '.join(args)})"
    return f"({draw(inner)}) {kind} ({draw(inner)})"


@st.composite
def monotone_formulas(draw: st.DrawFn, names: tuple[str, ...] = TERMS) -> str:
    """A formula in which each term occurs once, combined by + − × / (over positive numbers,
    each monotone in either argument), min and max: its bounds are attained at corners."""
    if len(names) == 1:
        return "{" + names[0] + "}"
    split = draw(st.integers(1, len(names) - 1))
    order = draw(st.permutations(names))
    left = draw(monotone_formulas(tuple(order[:split])))
    right = draw(monotone_formulas(tuple(order[split:])))
    kind = draw(st.sampled_from(["+", "−", "×", "/", "max", "min"]))
    if kind in ("max", "min"):
        return f"{kind}({left}, {right})"
    return f"({left}) {kind} ({right})"


@st.composite
def discounting_formulas(draw: st.DrawFn) -> str:
    """A formula of the discounting functions and ^ over a rate {r} (0–30 %), a number of years
    {n} (0–50) and amounts {a}, {b}, {c} of either sign."""
    amount = st.sampled_from(["{a}", "{b}", "{c}", "({a} − {b})", "{a} × {c}"])
    kind = draw(st.sampled_from(["npv", "pv", "annuity", "discount", "power", "sum"]))
    if kind == "npv":
        flows = draw(st.lists(amount, min_size=1, max_size=5))
        return f"npv({{r}}, {', '.join(flows)})"
    if kind == "pv":
        return f"pv({{r}}, {{n}}, {draw(amount)})"
    if kind in ("annuity", "discount"):
        return f"{draw(amount)} × {kind}({{r}}, {{n}})"
    if kind == "power":
        return f"{draw(amount)} × (1 + {{r}}) ^ {draw(st.sampled_from(['{n}', '−{n}', '3']))}"
    return f"{draw(amount)} + discount({{r}}, {{n}}) × {draw(amount)}"


def intervals_of(low: float, high: float) -> st.SearchStrategy[tuple[float, float]]:
    """An interval within [low, high], sometimes a single number (no subnormal floats: the
    logarithms of a discount factor lose their relative precision there)."""
    return st.tuples(st.floats(low, high, allow_subnormal=False),
                     st.floats(0, (high - low) / 4, allow_subnormal=False)).map(
        lambda pair: (pair[0], min(high, pair[0] + pair[1])))
