"""The rules (``core.rules``) on NumPy arrays: element-wise, each case a mask.

Imported only where arrays are computed (sweeps, simulations, solve): ``payback`` never loads
NumPy. A rule's operands broadcast together; every branch is computed, warnings silenced, and
``cases`` writes each case's value where its condition holds, the first condition winning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nyttocalc.core.backend import NEVER, Backend, Value


def evaluate(define: Callable[..., Value], operands: Sequence[Any]) -> Any:
    """``define`` evaluated on the operands as arrays of floats."""
    with np.errstate(all="ignore"):  # a branch a case discards may divide by zero or overflow
        return define(ARRAYS, *(np.asarray(x, dtype=float) for x in operands))


class _Arrays:
    @staticmethod
    def cases(*pairs: tuple[Value, Value], otherwise: Value) -> Value:
        shape = np.broadcast_shapes(np.shape(otherwise),
                                    *(np.shape(x) for pair in pairs for x in pair))
        out = np.empty(shape)
        out[...] = otherwise
        for condition, value in reversed(pairs):  # the first case last: where it holds, it wins
            np.copyto(out, value, where=condition)
        return out

    divide = staticmethod(np.divide)
    exp = staticmethod(np.exp)
    log1p = staticmethod(np.log1p)
    ceil = staticmethod(np.ceil)
    maximum = staticmethod(np.maximum)
    minimum = staticmethod(np.minimum)
    is_finite = staticmethod(np.isfinite)

    @staticmethod
    def power(base: Value, exponent: Value) -> Value:
        return np.where((base == 0) & (exponent < 0), np.nan, np.power(base, exponent))

    @staticmethod
    def one_minus_exp(x: Value) -> Value:
        return -np.expm1(x)

    @staticmethod
    def is_never(x: Value) -> Value:
        return x == NEVER


ARRAYS: Backend = _Arrays()
