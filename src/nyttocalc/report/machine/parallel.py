"""Work through a stream of items on the machine's processors: results in the stream's order,
only a few items ahead of the reader, so memory stays bounded however long the stream.

Worth it where each item is a few large NumPy operations (NumPy lets go of the interpreter's
lock while it computes on whole arrays): formatting a block of a million-point grid as text.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Each worker holds a block of a few MB ahead of the reader: four bound that memory. (Measured
# on two processors only: two workers 0.6 × one's time, three no faster than two.)
MAX_WORKERS = 4


def processors() -> int:
    """The processors this process may be scheduled on (its CPU affinity, where the system
    tells it; a CPU quota is not seen)."""
    allowed = getattr(os, "sched_getaffinity", None)
    return len(allowed(0)) if allowed is not None else os.cpu_count() or 1


def ordered_map(function: Callable[[Item], Result], items: Iterable[Item],
                workers: int | None = None) -> Iterator[Result]:
    """``map(function, items)``, computed on up to ``workers`` threads (by default one a
    processor, at most ``MAX_WORKERS``), with at most one item a worker in hand beyond the one
    being read. With one worker it is plain ``map``, in this thread. Where reading ``items``
    fails, the results of the items read before are delivered first, as ``map`` delivers them.
    A reader that stops early waits for the items in hand, no more."""
    workers = workers if workers is not None else min(MAX_WORKERS, processors())
    if workers <= 1:
        yield from map(function, items)
        return
    # Only here: it brings in logging, whose exit handler keeps the process from ending at once
    # (``__main__``).
    from concurrent.futures import Future, ThreadPoolExecutor

    with ThreadPoolExecutor(workers, thread_name_prefix="nyttocalc") as pool:
        pending: deque[Future[Result]] = deque()
        failure = None
        reading = iter(items)
        while True:
            try:
                item = next(reading)
            except StopIteration:
                break
            except Exception as exc:  # reading failed: what was read before is delivered first
                failure = exc
                break
            pending.append(pool.submit(function, item))
            if len(pending) > workers:
                yield pending.popleft().result()  # a worker's failure is raised here, in order
        while pending:
            yield pending.popleft().result()
        if failure is not None:
            raise failure
