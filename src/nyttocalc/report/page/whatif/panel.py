"""The inputs a board moves in the page: those that move the answer most (the sensitivity's
ranking), the subsidy rates, the delay, the horizons and, with outcomes, the transition counts;
each with its name, unit, value and the range the scenario format allows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.language.phrases import years_phrase
from nyttocalc.report.page.answer import Drivers
from nyttocalc.run import RunInfo

TOP = 4  # how many of the inputs that move the answer most get a control
# A count that shapes the tables (a row per participant) is no control: the page cannot add rows.
SHAPES = ("cohort.participants",)


@dataclass(frozen=True)
class WhatIf:
    """What the page lets a reader move (``controls``) and the analysis it moves."""

    controls: tuple[Control, ...]
    analysis: PaybackAnalysis


@dataclass(frozen=True)
class Control:
    path: str
    name: str
    unit: Unit
    value: float
    low: float | None
    high: float | None
    low_included: bool
    whole: bool


def controls(model: Model, drivers: Sequence[Drivers], run: RunInfo,
             tied_groups: Sequence[str] = (), lang: str = "en") -> tuple[Control, ...]:
    """The panel's inputs, in the order they are shown: what moves the answer most first. The
    counts of ``tied_groups`` add up to a total, so none of them moves alone: they get no
    control. An item of a list (a subsidy rate, a horizon) is named by its value in the
    scenario: ``Wage-subsidy rates (80% in the scenario)``."""
    ranked = sorted((e for d in drivers for e in d.effects), key=lambda e: -e.swing)
    paths = list(dict.fromkeys(e.variation.path for e in ranked
                               if e.variation.path not in SHAPES))[:TOP]
    paths += [f"analysis.subsidy_rates.{i}" for i in range(len(model.subsidy_rates))]
    paths += ["cohort.delay_years"]
    paths += [f"analysis.horizons_years.{i}" for i in range(len(model.horizons_years))]
    if model.outcomes is not None:
        paths += [t.path for g in model.outcomes.groups if g.key not in tied_groups
                  for t in g.transitions]
    return tuple(_control(path, model, run, lang) for path in dict.fromkeys(paths))


def _control(path: str, model: Model, run: RunInfo, lang: str) -> Control:
    info = run.input(path)
    name = str(info.name or info.description) if info is not None else path
    unit = info.unit if info is not None else Unit.NUMBER
    value = float(_value(model, path))
    if info is not None and info.path != path:  # an item of a list: which one
        given = (numbers.percent(value, lang, 4) if unit is Unit.SHARE else
                 years_phrase(value, lang) if unit is Unit.YEARS else
                 f"{numbers.number(value, lang, 6)} {unit_after(unit.value, lang)}".strip())
        name += f" ({label('whatif.item', lang, value=given)})"
    bounds = info.bounds if info is not None else None
    return Control(path, name, unit, value,
                   bounds.low if bounds else None, bounds.high if bounds else None,
                   bounds.low_included if bounds else True, bounds.whole if bounds else False)


def _value(model: Model, path: str) -> float:
    if path.startswith("outcomes."):
        assert model.outcomes is not None
        return next(t.persons for g in model.outcomes.groups for t in g.transitions
                    if t.path == path)
    return float(model.parameter(path))
