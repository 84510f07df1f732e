"""The calculation model: plain, frozen data that the formulas read.

Every scalar of a model has a key path, the same as in the scenario file
(``inputs.production_value``, ``cohort.delay_years``, ``analysis.subsidy_rates.1``).
``with_values`` replaces scalars by path; the values may be NumPy arrays, which is how sweeps,
sensitivity runs and Monte Carlo draws evaluate many points in one pass through the same
formulas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from nyttocalc.core.arith import Num, is_zero
from nyttocalc.core.figures import Unit, evaluate, placeholders
from nyttocalc.core.ledger import Ledger
from nyttocalc.core.perspective import Perspective
from nyttocalc.core.transitions import Outcomes
from nyttocalc.errors import NyttocalcError

# Scalar fields of the cohort and the analysis, by key path. Lists (horizons, subsidy rates) are
# addressed item by item: ``analysis.horizons_years.0``.
_FIELDS = {
    "cohort.participants": "participants",
    "cohort.full_time_equivalent": "full_time_equivalent",
    "cohort.delay_years": "delay_years",
    "cohort.drop_off_rate": "drop_off_rate",
    "cohort.deadweight": "deadweight",
    "analysis.long_view_years": "long_view_years",
    "analysis.write_off_years": "write_off_years",
    "analysis.discount_rate": "discount_rate",
    "analysis.intervention_years": "intervention_years",
}
_LISTS = {"analysis.horizons_years": "horizons_years", "analysis.subsidy_rates": "subsidy_rates"}


_PATHS = {name: path for path, name in _FIELDS.items()}


def field_path(name: str) -> str:
    """The key path of a cohort or analysis field: ``delay_years`` → ``cohort.delay_years``."""
    return _PATHS[name]


class UnknownParameter(NyttocalcError):
    """A key path that names no scalar of the model."""


@dataclass(frozen=True)
class Model:
    """Everything the payback formulas need, with every scalar already validated.

    ``inputs`` maps input names to values; ``formulas`` maps the names of computed inputs to their
    formula over other inputs (``12 × {monthly_income} × {municipal_tax_rate}``). The perspectives
    refer to both by name. Discounting, drop-off and deadweight default to 0, which is the report's
    undiscounted, certain arithmetic.
    """

    inputs: Mapping[str, Num]
    perspectives: tuple[Perspective, ...]
    participants: int
    full_time_equivalent: Num
    delay_years: Num
    horizons_years: tuple[Num, ...]
    subsidy_rates: tuple[Num, ...]
    long_view_years: Num
    write_off_years: Num
    discount_rate: Num = 0.0  # real, per year
    drop_off_rate: Num = 0.0  # the share of those in work who leave it each year
    deadweight: Num = 0.0  # the share of participants who would have found work anyway
    intervention_years: Num = 0.0  # the cost is paid evenly over these years, before the delay
    formulas: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, Unit] = field(default_factory=dict)  # of inputs, for explanations
    # How far a number may be from what it stands for, by key path: half the last digit of an
    # input as the report prints it ("1,2 mkr": 50 000). Only `check` reads it.
    margins: Mapping[str, float] = field(default_factory=dict)
    ledger: Ledger | None = None  # actors, states and flows, where the perspectives come from
    outcomes: Outcomes | None = None  # states before and after, per group: the key figures

    @property
    def unsubsidised_rate(self) -> float:
        """The lowest listed wage-subsidy rate: the "without subsidy" side of a mix."""
        return min(self.subsidy_rates)

    @property
    def subsidised_rates(self) -> tuple[float, ...]:
        """Every listed rate above the lowest: the "with subsidy" side of a mix."""
        return tuple(r for r in self.subsidy_rates if r > self.unsubsidised_rate)

    @property
    def is_discounted(self) -> bool:
        return not (is_zero(self.discount_rate) and is_zero(self.drop_off_rate))

    def input_value(self, name: str) -> Num:
        """An input's value; a computed input's formula evaluated over the others."""
        if name in self.formulas:
            formula = self.formulas[name]
            return evaluate(formula, {t: self.input_value(t) for t in placeholders(formula)})
        return self.inputs[name]

    def parameter_paths(self) -> list[str]:
        """The key path of every scalar the model holds, in scenario order."""
        paths = [f"inputs.{name}" for name in self.inputs]
        paths += [p for p in _FIELDS if p.startswith("cohort.")]
        for path, name in _LISTS.items():
            paths += [f"{path}.{i}" for i in range(len(getattr(self, name)))]
        paths += [p for p in _FIELDS if p.startswith("analysis.")]
        return paths

    def parameter(self, path: str) -> Num:
        """The value at a key path: ``inputs.volunteer_time``, ``analysis.subsidy_rates.1``."""
        kind, key, index = self._locate(path)
        if kind == "inputs":
            return self.inputs[key]
        value = getattr(self, key)
        return value[index] if index is not None else value  # type: ignore[no-any-return]

    def with_values(self, values: Mapping[str, Num]) -> Model:
        """A copy with the scalars at the given key paths replaced (by floats or arrays)."""
        inputs = dict(self.inputs)
        changes: dict[str, object] = {}
        for path, value in values.items():
            kind, key, index = self._locate(path)
            if kind == "inputs":
                inputs[key] = value
            elif index is None:
                changes[key] = value
            else:
                items = list(changes.get(key, getattr(self, key)))  # type: ignore[call-overload]
                items[index] = value
                changes[key] = tuple(items)
        return replace(self, inputs=inputs, **changes)  # type: ignore[arg-type]

    def _locate(self, path: str) -> tuple[str, str, int | None]:
        head, _, rest = path.partition(".")
        if head == "inputs" and rest in self.inputs:
            return "inputs", rest, None
        if path in _FIELDS:
            return "field", _FIELDS[path], None
        list_path, _, index = path.rpartition(".")
        if list_path in _LISTS and index.isascii() and index.isdigit():
            name = _LISTS[list_path]
            if int(index) < len(getattr(self, name)):
                return "field", name, int(index)
        if head == "inputs" and rest in self.formulas:
            raise UnknownParameter(f"{path} is computed by its formula ({self.formulas[rest]}); "
                                   "vary one of its terms instead")
        raise UnknownParameter(f"{path} names no number of the scenario")
