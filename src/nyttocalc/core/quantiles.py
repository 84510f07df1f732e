"""Percentiles that are actual draws, exactly as NumPy's ``inverted_cdf`` method picks them: of
an array held whole, of whole numbers from their tally, and of a stream of chunks read twice.

The last keeps memory bounded for ten million draws over hundreds of figures: the first pass
keeps every s-th value of each sorted chunk, which bounds where each percentile can lie; the
second pass counts the values below that bracket and keeps the few inside it. Nothing is
estimated: the answer is the same draw a sort of everything would pick.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def ranks(n: int, percentiles: Sequence[float]) -> list[int]:
    """The 0-based rank of each percentile among ``n`` sorted values (``inverted_cdf``)."""
    return [max(0, math.ceil(p / 100 * n) - 1) for p in percentiles]


def of_array(values: Any, percentiles: Sequence[float]) -> tuple[float, ...]:
    """The values at the percentiles' ranks (an actual value: no interpolation between a finite
    year and "never"). NumPy's sort is faster here than a partition at five ranks."""
    import numpy as np  # in the functions, not with the module: see ``simulate.simulate``

    ordered = np.sort(values)
    return tuple(float(ordered[rank]) for rank in ranks(values.size, percentiles))


def of_tally(tally: Any, percentiles: Sequence[float]) -> tuple[float, ...]:
    """The percentiles of whole numbers 0, 1, 2, … from how often each occurs (a bincount):
    what ``of_array`` gives for the numbers themselves."""
    import numpy as np

    cumulative = np.cumsum(tally)
    n = int(cumulative[-1])
    return tuple(float(np.searchsorted(cumulative, rank, side="right"))
                 for rank in ranks(n, percentiles))


class TwoPasses:
    """The percentiles of ``n`` values that arrive in chunks, read twice in the same order:
    ``first(chunk)`` for each chunk, then ``second(chunk)`` for each, then ``result()``.
    Values must not be NaN (infinity is fine).

    Pass 1 sorts each chunk of c values and keeps every s-th (s = √(c/16)) and the last. For a
    value v, the kept values of a chunk that are ≤ v bound how many of the chunk's values are
    ≤ v to within s; summed over the chunks, they give values ``low`` and ``high`` that surely
    bracket each rank, a few × chunks × s values apart. Pass 2 counts the values ≤ ``low`` and
    keeps those in (``low``, ``high``], each distinct value once with its count. At 10^7 values
    in chunks of 2^20, some 40 000 values are kept for all the percentiles, in either pass.
    """

    def __init__(self, n: int, percentiles: Sequence[float]) -> None:
        self._ranks = ranks(n, percentiles)
        self._kept: list[tuple[Any, int, int]] = []  # per chunk: kept values, s, its size
        self._brackets: list[tuple[float | None, float]] = []
        self._below = [0] * len(self._ranks)
        self._inside: list[list[tuple[Any, Any]]] = [[] for _ in self._ranks]

    def first(self, chunk: Any) -> None:
        import numpy as np

        ordered = np.sort(chunk)
        every = max(1, math.isqrt(len(ordered) // 16))
        self._kept.append((ordered[_places(every, len(ordered)) - 1], every, len(ordered)))

    def _bracket(self) -> list[tuple[float | None, float]]:
        """For each rank: (low, high) with #(x ≤ low) ≤ rank < #(x ≤ high); low None where
        no value is surely below the rank."""
        import numpy as np

        candidates = np.unique(np.concatenate([kept for kept, _, _ in self._kept]))
        at_least = np.zeros(candidates.size, dtype=np.int64)  # ≤ #(x ≤ v)
        at_most = np.zeros(candidates.size, dtype=np.int64)  # ≥ #(x ≤ v)
        for kept, every, size in self._kept:
            places = _places(every, size)
            count = np.searchsorted(kept, candidates, side="right")  # kept values ≤ v
            bounds = np.concatenate(([0], places))
            at_least += bounds[count]  # the count-th kept value is ≤ v, and all before it
            at_most += np.where(count < places.size,  # the next kept value is > v
                                bounds[np.minimum(count + 1, places.size)] - 1, size)
        brackets: list[tuple[float | None, float]] = []
        for rank in self._ranks:
            below = int(np.searchsorted(at_most, rank, side="right")) - 1
            above = int(np.searchsorted(at_least, rank + 1, side="left"))
            brackets.append((float(candidates[below]) if below >= 0 else None,
                             float(candidates[above])))
        return brackets

    def second(self, chunk: Any) -> None:
        import numpy as np

        if not self._brackets:
            self._brackets = self._bracket()
            self._kept = []  # pass 1's values are no longer needed
        ordered = np.sort(chunk)
        for k, (low, high) in enumerate(self._brackets):
            start = 0 if low is None else int(np.searchsorted(ordered, low, side="right"))
            stop = int(np.searchsorted(ordered, high, side="right"))
            self._below[k] += start
            self._inside[k].append(_runs(ordered[start:stop]))

    def result(self) -> tuple[float, ...]:
        import numpy as np

        found = []
        for k, rank in enumerate(self._ranks):
            values = np.concatenate([v for v, _ in self._inside[k]])
            counts = np.concatenate([c for _, c in self._inside[k]])
            order = np.argsort(values, kind="stable")
            place = np.cumsum(counts[order])
            found.append(float(values[order][np.searchsorted(place, rank - self._below[k],
                                                             side="right")]))
        return tuple(found)


def _runs(ordered: Any) -> tuple[Any, Any]:
    """Sorted values as (each distinct value, how often): many draws share a value (no one
    employed, "never"), and a bracket around such a value is kept as one number and a count."""
    import numpy as np

    if not ordered.size:
        return ordered, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def _places(every: int, size: int) -> Any:
    """The 1-based places kept of a sorted chunk: every ``every``-th, and the last."""
    import numpy as np

    places = np.arange(every, size + 1, every)
    if places.size == 0 or places[-1] != size:
        places = np.append(places, size)
    return places
