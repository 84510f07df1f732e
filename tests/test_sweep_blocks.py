"""A sweep computes only the cells asked for, a block of rows at a time, and streams its output:
the result is the same whatever the block size, and the same as every cell computed at once."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nyttocalc.core import batch
from nyttocalc.core import sweep as sweep_module
from nyttocalc.core.model import Model
from nyttocalc.core.sweep import Axis, sweep
from nyttocalc.report.machine.csv_columns import csv_column, csv_lines
from nyttocalc.report.machine.csv_number import csv_number
from tests.conftest import LIVA, run_cli
from tests.strategies import timed_models


@settings(max_examples=30, deadline=None)
@given(timed_models(), st.sampled_from(sorted(batch.METRICS)), st.data())
def test_narrowing_computes_the_cells_asked_for_and_nothing_else(
        model: Model, metric: str, data: st.DataObject) -> None:
    persons = 1 if batch.counts_persons(metric) else None
    every = batch.break_even(model, metric, persons=persons)
    asked = data.draw(st.lists(st.sampled_from(list(every)), min_size=1, unique=True))
    narrowed = batch.break_even(model, metric, asked, persons)
    assert set(narrowed) == set(asked)
    for cell, value in narrowed.items():
        assert value == every[cell] or (math.isnan(value) and math.isnan(every[cell]))


@settings(max_examples=20, deadline=None)
@given(timed_models(), st.data())
def test_a_narrowed_grid_is_the_full_sweeps_grid(model: Model, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([p for p in model.parameter_paths()
                                      if p != "cohort.participants"]))
    base = float(model.parameter(path))
    axes = [Axis(path, (base * 0.5, base, base * 1.5 + 1)),
            Axis("cohort.delay_years", (0.0, 1.0, 2.5, 4.0))] if path != "cohort.delay_years" \
        else [Axis(path, (0.0, 1.0, 2.5))]
    full = sweep(model, axes, "persons_exact")
    cell = data.draw(st.sampled_from(full.cells))
    narrowed = sweep(model, axes, "persons_exact", [cell])
    assert narrowed.cells == (cell,)
    assert narrowed.grids[cell].tolist() == full.grids[cell].tolist()
    for _, block in narrowed.blocks():
        assert list(block) == [cell]


GRID = ("--vary", "inputs.volunteer_time=0:1500000:100000",
        "--vary", "cohort.full_time_equivalent=0.25:1:0.25")
LINE = ("--vary", "inputs.municipal_revenue=0:300000:20000")


@pytest.mark.parametrize("args", [
    (*GRID, "-f", "csv"), (*GRID, "-f", "csv", "--lang", "sv"), (*GRID, "-f", "json"),
    (*GRID, "--perspective", "society"), (*GRID, "--metric", "payback_year", "-f", "json"),
    (*LINE, "-f", "csv"), (*LINE, "-f", "json"), (*LINE,),
    (*GRID, "--perspective", "municipality", "--horizon", "3", "-f", "csv"),
])
def test_the_block_size_changes_nothing(monkeypatch: pytest.MonkeyPatch,
                                        args: tuple[str, ...]) -> None:
    outputs = set()
    for size in (1, 7, 1 << 30):
        monkeypatch.setattr(sweep_module, "BLOCK_VALUES", size)
        run = run_cli("sweep", LIVA, *args)
        assert run.code == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_narrowed_csv_columns_are_the_full_csvs() -> None:
    full = run_cli("sweep", LIVA, *GRID, "-f", "csv").stdout.splitlines()
    narrowed = run_cli("sweep", LIVA, *GRID, "-f", "csv", "--perspective", "municipality",
                       "--horizon", "3", "--subsidy-rate", "0.8").stdout.splitlines()
    column = full[0].split(",").index("municipality 0.8 3")
    assert narrowed[0] == "inputs.volunteer_time,cohort.full_time_equivalent,municipality 0.8 3"
    assert [line.split(",")[-1] for line in narrowed[1:]] == \
        [line.split(",")[column] for line in full[1:]]


def _written(x: float, swedish: bool) -> str:
    """What a number's cell says, written out independently: empty where not finite, a whole
    number without decimals, anything else as Python's shortest repr (decimal comma in sv)."""
    if not math.isfinite(x):
        return ""
    text = str(int(x)) if x == int(x) else repr(x)
    return text.replace(".", ",") if swedish else text


@given(st.lists(st.one_of(st.floats(), st.integers(-10**20, 10**20).map(float),
                          st.sampled_from([0.0, -0.0, 1e16, 1e300, 5e-324, 0.1 + 0.2]))))
def test_many_numbers_are_written_as_one_is(values: list[float]) -> None:
    for swedish in (False, True):
        assert csv_lines([csv_column(values, swedish)], swedish) == \
            "".join(f"{_written(v, swedish)}\n" for v in values)
        assert [csv_number(v, swedish) for v in values] == [_written(v, swedish) for v in values]


@pytest.mark.parametrize("args", [("-f", "csv"), ("-f", "csv", "--lang", "sv")])
def test_the_number_of_threads_changes_nothing(monkeypatch: pytest.MonkeyPatch,
                                               args: tuple[str, ...]) -> None:
    from nyttocalc.report.machine import parallel

    monkeypatch.setattr(sweep_module, "BLOCK_VALUES", 40)  # many blocks, several in flight
    outputs = set()
    for processors in (1, 2, 3, 8):
        monkeypatch.setattr(parallel, "processors", lambda n=processors: n)
        run = run_cli("sweep", LIVA, *GRID, *args)
        assert run.code == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
