"""Two ways to carry out the same reasoning: with its arithmetic, or as plain numbers.

Every figure is defined once, as a formula template over named terms (``formulas``), by the
functions of ``reasoning``. They take a ``Calc`` that decides what a figure becomes:

- ``Explained``: a ``Figure`` with its formula and terms, which --explain shows and ``check``
  recomputes with other numbers; a term is a ``Term``.
- ``Plain``: the number itself, a float or, element-wise, a NumPy array (a sweep, a Monte Carlo
  run): no object per figure, a million points in one pass.

Both evaluate the same template with the same arithmetic (``figures.evaluate``), so a figure in a
sweep is the figure ``payback`` explains.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from nyttocalc.core.arith import NEVER, Num, is_never
from nyttocalc.core.figures import Figure, Term, Unit, evaluate


class Calc(Protocol):
    """What a figure and a term are: ``Any`` for the reasoning, which never looks inside."""

    explains: bool  # whether figures keep their arithmetic (and terms their key paths)

    def known(self, symbol: str, value: Num, unit: Unit, path: str | None = None) -> Any:
        """A number the reasoning is given: an input, a dimension, a count."""

    def compute(self, unit: Unit, formula: str, terms: Mapping[str, Any],
                never_with: Any = None) -> Any:
        """The figure ``formula`` makes of ``terms``; ``never`` wherever ``never_with`` is."""

    def term(self, symbol: str, computed: Any, path: str | None = None) -> Any:
        """A computed figure used in a later formula under the name ``symbol`` (``path``: the
        key path of a computed input it is)."""

    def value(self, quantity: Any) -> Num:
        """The number of a figure or a term."""


class Explained:
    explains = True

    def known(self, symbol: str, value: Num, unit: Unit, path: str | None = None) -> Term:
        return Term(symbol, value, unit, path=path)

    def compute(self, unit: Unit, formula: str, terms: Mapping[str, Term],
                never_with: Term | None = None) -> Figure:
        value = _no_negative_zero(evaluate(formula, {name: term.value
                                                     for name, term in terms.items()}))
        if never_with is not None and is_never(never_with.value):
            value = NEVER
        return Figure(value, unit, formula, terms, never_with)

    def term(self, symbol: str, computed: Figure, path: str | None = None) -> Term:
        return Term(symbol, computed.value, computed.unit, computed, path)

    def value(self, quantity: Figure | Term) -> Num:
        return quantity.value


class Plain:
    explains = False

    def known(self, symbol: str, value: Num, unit: Unit, path: str | None = None) -> Num:
        return value

    def compute(self, unit: Unit, formula: str, terms: Mapping[str, Num],
                never_with: Num | None = None) -> Num:
        if all(isinstance(t, int | float) for t in terms.values()):
            value = _no_negative_zero(evaluate(formula, terms))
        else:  # "never" (inf) times 0 is NaN in an array: the figures say so, not a warning
            import numpy as np

            with np.errstate(invalid="ignore", over="ignore"):
                value = _no_negative_zero(evaluate(formula, terms))
        return value if never_with is None else _where_never(never_with, value)

    def term(self, symbol: str, computed: Num, path: str | None = None) -> Num:
        return computed

    def value(self, quantity: Num) -> Num:
        return quantity


def _no_negative_zero(value: Num) -> Num:
    """−0.0 (−x × 0, a loss that is nothing) as 0.0: + 0.0 changes no other number."""
    return value + 0.0


def _where_never(waits_for: Num, value: Num) -> Num:
    if isinstance(waits_for, int | float) and isinstance(value, int | float):
        return NEVER if is_never(waits_for) else value
    import numpy as np

    result: float = np.where(np.isinf(waits_for), NEVER, value)
    return result


EXPLAINED = Explained()
PLAIN = Plain()
