"""Blocks worked through on several threads come out as plain ``map`` gives them, and the
reader is never far behind: memory stays bounded however long the stream."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.report.machine import parallel
from nyttocalc.report.machine.parallel import ordered_map


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers()), st.integers(min_value=1, max_value=4))
def test_the_results_are_maps_in_its_order(items: list[int], workers: int) -> None:
    assert list(ordered_map(lambda x: x * x - 1, items, workers)) == [x * x - 1 for x in items]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_at_most_one_item_a_worker_is_taken_ahead_of_the_reader(workers: int) -> None:
    taken = []

    def items() -> Iterator[int]:
        for i in range(100):
            taken.append(i)
            yield i

    for read, _ in enumerate(ordered_map(lambda x: x, items(), workers), start=1):
        assert len(taken) <= read + workers


def test_one_worker_computes_in_the_readers_thread() -> None:
    names = list(ordered_map(lambda _: threading.current_thread().name, range(3), 1))
    assert names == [threading.current_thread().name] * 3


@pytest.mark.parametrize("items", [[4, 2, 0, 1], [4, 2, 0, 1, 5, 8, 10]])
def test_a_failure_reaches_the_reader_after_the_results_before_it_and_none_after(
        items: list[int]) -> None:
    def inverse(x: int) -> float:
        return 1 / x

    results = ordered_map(inverse, items, 2)
    assert [next(results), next(results)] == [0.25, 0.5]
    with pytest.raises(ZeroDivisionError):
        next(results)
    assert list(results) == []


def test_a_reader_that_stops_early_leaves_the_rest_undone() -> None:
    done = []

    def work(x: int) -> int:
        done.append(x)
        return x

    threads = threading.active_count()
    results = ordered_map(work, range(1000), 2)
    assert next(results) == 0
    results.close()
    assert len(done) <= 3
    assert threading.active_count() == threads  # the workers are gone with it


@pytest.mark.parametrize(("processors", "threads"),
                         [(1, 1), (2, 2), (16, parallel.MAX_WORKERS)])
def test_the_default_is_a_worker_a_processor_and_at_most_four(
        monkeypatch: pytest.MonkeyPatch, processors: int, threads: int) -> None:
    monkeypatch.setattr(parallel, "processors", lambda: processors)
    barrier = threading.Barrier(threads, timeout=10)

    def meet(_: int) -> str:
        barrier.wait()  # fails unless this many workers run at once
        return threading.current_thread().name

    # twice as many items as workers: more threads than the cap would show as more names
    assert len(set(ordered_map(meet, range(2 * threads)))) == threads


def test_a_failure_to_read_the_items_comes_after_the_results_before_it() -> None:
    def items() -> Iterator[int]:
        yield from (1, 2, 3)
        raise KeyError("the fourth")

    results = ordered_map(lambda x: 10 * x, items(), 3)
    assert [next(results), next(results), next(results)] == [10, 20, 30]
    with pytest.raises(KeyError):
        next(results)
