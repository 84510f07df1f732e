"""Numbers given on the command line (``--vary``, ``--for``, ``--between``) and distributions in
the file: each is checked against the type and range of the scenario place it goes to, the same
field definition that validates the file, and never by validating a whole scenario per value.
"""

from __future__ import annotations

import decimal
import math
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import annotated_types
from pydantic import ConfigDict, TypeAdapter, ValidationError

from nyttocalc.core.uncertainty import MIN_NORMAL_MASS, Distribution, Uncertainty
from nyttocalc.errors import NyttocalcError
from nyttocalc.scenario import keypath, yamlsafe
from nyttocalc.scenario.computed import (
    NOT_A_NUMBER,
    computed_terms,
    first_not_a_number,
    plain_inputs,
)
from nyttocalc.scenario.keypath import Override
from nyttocalc.scenario.schema import AnyScenario, Parameter

MAX_VALUES_PER_AXIS = 100_000
_STRICT = ConfigDict(strict=True, allow_inf_nan=False)


class PlaceError(NyttocalcError):
    """A command-line value or a distribution that its place in the scenario does not take;
    ``path`` is where in the file, for a distribution."""

    def __init__(self, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


@dataclass(frozen=True)
class NumberPlace:
    """A number of the scenario that can be varied: its key path, unit and valid values."""

    path: str  # short form: inputs.x, cohort.delay_years, analysis.subsidy_rates.1
    unit: str
    annotation: Any  # the field's type with its constraints, as pydantic validates the file
    value: float

    @cached_property
    def _adapter(self) -> TypeAdapter[Any]:
        return TypeAdapter(self.annotation, config=_STRICT)

    @property
    def whole(self) -> bool:
        return _base_type(self.annotation) is int

    @cached_property
    def bounds(self) -> tuple[float, float]:
        """The lowest and highest valid value (an open bound is approached, not reached)."""
        low, high = -math.inf, math.inf
        for item in _constraints(self.annotation):
            if isinstance(item, annotated_types.Ge):
                low = float(item.ge)  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.Gt):
                low = math.nextafter(float(item.gt), math.inf)  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.Le):
                high = float(item.le)  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.Lt):
                high = math.nextafter(float(item.lt), -math.inf)  # type: ignore[arg-type]
        return low, high

    def check(self, value: object) -> float:
        """The value as a float if this place takes it; else a PlaceError saying what it takes."""
        try:
            return float(self._adapter.validate_python(value))
        except ValidationError as exc:
            error = exc.errors()[0]
            raise PlaceError(f"{value!r} is not a valid {self.path} ({self.unit}): "
                             f"{error['msg'].replace('Input should be', 'expected')}; it takes "
                             f"{self.takes()}") from None

    def takes(self) -> str:
        """``a number from 0 to 1``, ``a number above 0 and at most 200``."""
        kind = "a whole number" if self.whole else "a number"
        low, high = self.bounds
        open_low = any(isinstance(c, annotated_types.Gt) for c in _constraints(self.annotation))
        if open_low:
            return f"{kind} above {_show(math.nextafter(low, -math.inf))} and at most {_show(high)}"
        return f"{kind} from {_show(low)} to {_show(high)}"

    def clip(self, value: float) -> float:
        low, high = self.bounds
        clipped = min(max(value, low), high)
        return float(round(clipped)) if self.whole else clipped


def _show(x: float) -> str:
    return f"{x:g}"


def _constraints(annotation: Any) -> list[Any]:
    found: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        for item in extra:
            found += list(getattr(item, "metadata", [item]))
    return found


def _base_type(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def number_place(scenario: AnyScenario, text: str) -> NumberPlace:
    """The place a key path names, if it is a single number of inputs, cohort or analysis (an
    optional one the file leaves out too: its value is the default)."""
    computed = scenario.computed_inputs()
    short = text.strip().removesuffix(".value")
    if short.startswith("inputs.") and short[len("inputs."):] in computed:
        formula = computed[short[len("inputs."):]].formula
        raise PlaceError(f"{short} is computed by its formula ({formula}); give one of its terms "
                          "instead")
    numbers = scenario.every_number()
    data = {section: {name: {"value": p.value} for name, p in params.items()}
            for section, params in numbers}
    try:
        path = keypath.resolve(data, text.strip())
    except keypath.KeyPathError as exc:
        raise PlaceError(exc.message) from None
    section, name = str(path[0]), str(path[1])
    parameter: Parameter = dict(numbers)[section][name]
    field = type(parameter).model_fields["value"]
    annotation = typing.Annotated[(field.annotation, *field.metadata)] if field.metadata \
        else field.annotation
    value: Any = parameter.value
    if len(path) == 4:  # a list item: analysis.subsidy_rates.value.1
        annotation = typing.get_args(_base_type(annotation))[0]
        value = value[int(path[3])]
    return NumberPlace(short_path(path), str(parameter.unit), annotation, float(value))


def short_path(path: tuple[str | int, ...]) -> str:
    """``inputs.x`` for (inputs, x, value); ``analysis.subsidy_rates.1`` for its long form."""
    return ".".join(str(p) for p in path if p != "value")


def parse_values(text: str) -> list[object]:
    """``START:STOP:STEP`` (both ends included), ``v1,v2,v3`` or one value, each read as a
    YAML 1.2 scalar, as in a file."""
    text = text.strip()
    if ":" in text:
        return _range(text)
    values = [parse_number(part) for part in text.split(",")]
    if len(set(values)) != len(values):
        raise PlaceError(f"{text!r} lists a value twice")
    return values


def _range(text: str) -> list[object]:
    """The points of ``START:STOP:STEP``, computed exactly from their decimal digits (0.1 × 3 is
    0.3, and 1000000:1000000.00001:0.000001 has 11 distinct points). A range includes both
    ends: a step that does not land on STOP is refused with the range it would give."""
    parts = text.split(":")
    if len(parts) != 3:
        raise PlaceError(f"{text!r} is not a range; write START:STOP:STEP, e.g. 0:1:0.1")
    start, stop, step = (parse_number(p) for p in parts)
    if not step > 0:
        raise PlaceError(f"the step {parts[2].strip()!r} must be a number above 0")
    if stop < start:
        raise PlaceError(f"the range {text!r} runs backwards; write the lower end first")
    with decimal.localcontext(decimal.Context(prec=60)):
        first, last, by = (_decimal(x) for x in (start, stop, step))
        steps = (last - first) / by
        if steps > MAX_VALUES_PER_AXIS - 1:
            raise PlaceError(f"{text!r} has more than {MAX_VALUES_PER_AXIS:,} values along one "
                             "axis; take a larger step")
        count = int(steps) + 1
        points = [first + i * by for i in range(count)]
    whole = all(isinstance(x, int) for x in (start, stop, step))
    values: list[object] = [int(p) if whole else float(p) for p in points]
    if points[-1] != last:
        shown = [_number_text(v) for v in values]
        listed = ", ".join(shown if len(shown) <= 6 else [*shown[:3], "…", *shown[-2:]])
        raise PlaceError(
            f"the range {text!r} does not end at {parts[1].strip()}: in steps of "
            f"{parts[2].strip()} from {parts[0].strip()} its values would be {listed}; a range "
            f"includes both ends, so end it at {shown[-1]} ({parts[0].strip()}:{shown[-1]}:"
            f"{parts[2].strip()}) or take a step that divides {parts[1].strip()} − "
            f"{parts[0].strip()}")
    if len(set(values)) != len(values):
        raise PlaceError(f"the steps of {text!r} are finer than a number can tell apart at "
                         f"{_number_text(values[-1])}; take a larger step")
    return values


def _decimal(x: int | float) -> decimal.Decimal:
    """A number as the decimal digits it was written with (a float's shortest repr)."""
    return decimal.Decimal(x if isinstance(x, int) else repr(x))


def _number_text(x: object) -> str:
    return repr(x) if isinstance(x, float) else str(x)


def parse_number(text: str) -> Any:
    """One number, read as a YAML 1.2 scalar exactly as in a file, and finite."""
    try:
        value = yamlsafe.scalar(text.strip())
    except yamlsafe.YamlProblem as exc:
        raise PlaceError(f"{text.strip()!r}: {exc.message}") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PlaceError(f"{text.strip()!r} is not a number")
    if not math.isfinite(value):
        raise PlaceError(f"{text.strip()!r} is not a finite number")
    return value


def uncertainty(scenario: AnyScenario) -> Uncertainty:
    """The scenario's ``simulation`` section as the core's distributions, each checked against
    the range of the number it draws."""
    section = scenario.simulation
    if section is None:
        raise PlaceError("the scenario has no `simulation` section; declare at least "
                         "`simulation.employment_probability` (see the README, Uncertainty)")
    probability = _distribution(section.employment_probability, (0.0, 1.0),
                                ("simulation", "employment_probability"))
    drawn = {}
    for text, spec in section.uncertain.items():
        where = ("simulation", "uncertain", text)
        try:
            place = number_place(scenario, text)
        except PlaceError as exc:
            raise PlaceError(f"{text} names no number that can be drawn: {exc.message}",
                             where) from None
        if place.whole:
            raise PlaceError(f"{place.path} is a whole number; only numbers with decimals can "
                             "be drawn", where)
        if place.path in drawn:
            raise PlaceError(f"{place.path} is already drawn (written another way)", where)
        drawn[place.path] = _distribution(spec, place.bounds, where)
    return Uncertainty(probability, drawn)


def _distribution(spec: Any, bounds: tuple[float, float],
                  where: tuple[str, ...]) -> Distribution:
    low, high = bounds
    kind = spec.distribution
    if kind == "fixed":
        ends = [spec.value]
    elif kind == "normal":
        low = max(low, spec.low) if spec.low is not None else low
        high = min(high, spec.high) if spec.high is not None else high
        ends = []
    else:
        ends = [spec.low, spec.high]
    for end in ends:
        if not bounds[0] <= end <= bounds[1]:
            raise PlaceError(f"{end:g} is outside the valid range of what it draws, "
                             f"{_show(bounds[0])} to {_show(bounds[1])}", where)
    fields = {k: getattr(spec, k) for k in ("value", "mode", "mean", "sd", "alpha", "beta")
              if hasattr(spec, k)}
    if kind in ("uniform", "triangular", "beta"):
        low, high = spec.low, spec.high
    if kind == "fixed":
        low = high = spec.value
    distribution = Distribution(kind, low, high, **fields)
    if kind == "normal" and not (low < high and distribution.normal_mass() >= MIN_NORMAL_MASS):
        raise PlaceError(f"less than {MIN_NORMAL_MASS:.0%} of this normal lies in the valid "
                         f"range {_show(low)} to {_show(high)}; centre it inside", where)
    return distribution


def axis(scenario: AnyScenario, assignment: str) -> tuple[NumberPlace, list[float]]:
    """``PATH=START:STOP:STEP`` or ``PATH=v1,v2`` → the place and its checked values. An item of
    a list (a horizon, a subsidy rate) may take the value of another item: a file lists each
    value once, so that its tables do not repeat a row, but a sweep point is a question ("and at
    0 %?") whose answer is that of the item it equals."""
    path_text, sep, spec = assignment.partition("=")
    if not sep or not spec.strip():
        raise PlaceError("expected PATH=START:STOP:STEP or PATH=v1,v2,…, e.g. "
                         "analysis.subsidy_rates.1=0:1:0.1")
    place = number_place(scenario, path_text)
    checked = [place.check(v) for v in parse_values(spec)]
    _computed_at(scenario, place, checked)
    return place, checked


def _computed_at(scenario: AnyScenario, place: NumberPlace, values: list[float]) -> None:
    """Refuse a value of an input at which a computed input that reads it is no number (a
    rounding step of 0 in ``ceil(x / step) × step``), as the file would be refused."""
    formulas = {name: item.formula for name, item in scenario.computed_inputs().items()}
    name = place.path.removeprefix("inputs.")
    if not formulas or name == place.path:
        return
    import numpy as np

    numbers: dict[str, Any] = {**plain_inputs(scenario), name: np.array(values)}
    found = first_not_a_number(formulas, computed_terms(formulas), numbers)
    if found is not None:
        computed, index = found
        raise PlaceError(f"at {values[index or 0]:g}, inputs.{computed}: {NOT_A_NUMBER}")


def sweep_axes(scenario: AnyScenario, assignments: Sequence[str], overrides: Sequence[Override],
               max_axes: int, max_points: int) -> list[tuple[NumberPlace, list[float]]]:
    """The axes of ``sweep``: each ``--vary`` checked, at most ``max_axes`` of them, different
    inputs, at most ``max_points`` in all."""
    if not 1 <= len(assignments) <= max_axes:
        raise NyttocalcError("give --vary once (a table) or twice (a heat map)")
    axes = []
    for given in assignments:
        try:
            axes.append(axis(scenario, given))
        except PlaceError as exc:
            raise NyttocalcError(f"--vary {given}: {exc.message}") from None
    paths = [place.path for place, _ in axes]
    if len(set(paths)) != len(paths):
        raise NyttocalcError("the two --vary name the same input")
    refuse_overridden(overrides, paths, "varied by --vary")
    points = math.prod(len(values) for _, values in axes)
    if points > max_points:
        raise NyttocalcError(f"the grid has {points:,} points; at most {max_points:,}: take "
                             "larger steps")
    return axes


def variations(scenario: AnyScenario, paths: Sequence[str],
               by: float) -> list[tuple[NumberPlace, float, float]]:
    """Each place moved down and up by the share ``by`` of its value, kept in its valid range.
    Paths the scenario does not hold (an optional parameter left out) are skipped."""
    found = []
    for path in paths:
        try:
            place = number_place(scenario, path)
        except PlaceError:
            continue
        low = place.clip(place.value * (1 - by))
        high = place.clip(place.value * (1 + by))
        found.append((place, low, high))
    return found


def parse_share(text: str) -> float:
    """``20%`` or ``0.2`` → 0.2, for --by."""
    stripped = text.strip()
    percent = stripped.endswith("%")
    value = parse_number(stripped.removesuffix("%").strip()) if stripped else None
    if value is None:
        raise PlaceError("expected a share such as 20% or 0.2")
    share = value / 100 if percent else value
    if not 0 < share <= 1:
        raise PlaceError(f"{text!r} is not a share above 0 and at most 100 %")
    return float(share)


def search_range(place: NumberPlace, between: str | None) -> tuple[float, float]:
    """Where ``solve`` looks: ``--between LOW:HIGH``, checked as values of the place; else the
    place's valid range, for an amount up to ten times the scenario's value."""
    if between is not None:
        ends = between.split(":")
        if len(ends) != 2 or not all(e.strip() for e in ends):
            raise PlaceError(f"--between {between!r}: expected LOW:HIGH, e.g. 0:1")
        low, high = (place.check(parse_number(e)) for e in ends)
        if not low < high:
            raise PlaceError(f"--between {between!r}: LOW must be below HIGH")
        return low, high
    low, high = place.bounds
    if high > 1e6 * max(abs(place.value), 1.0):  # an amount: look near the scenario's value
        high = 10 * max(abs(place.value), 1.0)
    return low, high


def refuse_overridden(overrides: Sequence[Override], paths: Sequence[str], by: str) -> None:
    """A number both --set and varied or drawn would silently lose the --set: refuse it."""
    for override in overrides:
        if short_path(override.path) in paths:
            raise NyttocalcError(f"--set {override.given}: {short_path(override.path)} is also "
                                 f"{by}; give its values one way")


def option(scenario: AnyScenario, name: str, like: str, value: float) -> float:
    """A command-line number (``--horizon``) checked as the place ``like`` checks its values."""
    try:
        return number_place(scenario, like).check(value)
    except PlaceError as exc:
        raise NyttocalcError(f"{name} {value:g}: {exc.message}") from None


def persons(value: float, participants: int) -> float:
    """``--persons`` of ``solve`` and ``timeline``: how many of the participants get work, from 0
    to their number (more cannot be employed; ``payback`` marks such a count with *)."""
    if not (math.isfinite(value) and 0 <= value <= participants):
        raise NyttocalcError(f"--persons {value:g}: expected a number from 0 to the "
                             f"{participants} participants")
    return value
