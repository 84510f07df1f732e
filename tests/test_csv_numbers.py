"""A sweep's CSV writes whole NumPy columns at once (``report/machine/csv_columns.py``), each
number exactly as ``csv_number`` writes it alone: the same text, byte for byte."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nyttocalc.report.machine.csv_columns import csv_column, csv_lines
from nyttocalc.report.machine.csv_number import csv_number
from tests.strategies import csv_floats, examples


def one_at_a_time(columns: list[list[float]], swedish: bool) -> str:
    separator = ";" if swedish else ","
    return "".join(separator.join(csv_number(column[i], swedish) for column in columns) + "\n"
                   for i in range(len(columns[0])))


def at_once(columns: list[list[float]], swedish: bool) -> str:
    return csv_lines([csv_column(np.array(column), swedish) for column in columns], swedish)


@settings(max_examples=examples(300))
@given(st.integers(1, 3).flatmap(lambda width: st.lists(
    st.lists(csv_floats, min_size=width, max_size=width), min_size=1, max_size=60)),
    st.booleans())
@example([[0.0, -0.0, math.inf, -math.inf, math.nan]], False)
@example([[1e-4, 9.99e-5, 1e15, 1e15 + 0.5, 2.0**52 + 0.5, 1e300, 5e-324, -2750000.0]], True)
@example([[0.1 + 0.2, 1 / 3, 2 / 3, 999999999999999.9, 0.00010000000000000002, 0.5]], False)
def test_every_number_is_written_as_csv_number_writes_it(rows: list[list[float]],
                                                          swedish: bool) -> None:
    columns = [list(column) for column in zip(*rows, strict=True)]
    assert at_once(columns, swedish) == one_at_a_time(columns, swedish)


def test_a_grid_of_liva_is_written_as_csv_number_writes_it() -> None:
    """Part of the grid the spreadsheet benchmark writes: persons society needs within 3
    years, 10^5 points of 15 to 17 significant digits, and their two axes."""
    rates = np.arange(100) / 1000
    production = np.arange(400_000, 1_400_000, 1000.0)
    grid = 2_750_000 / (3 * ((1 - rates[:, None]) * production[None, :] + 15_000))
    columns = [np.repeat(rates, production.size).tolist(),
               np.tile(production, rates.size).tolist(), grid.ravel().tolist()]
    for swedish in (False, True):
        assert at_once(columns, swedish) == one_at_a_time(columns, swedish)


@settings(max_examples=examples(200))
@given(st.lists(st.integers(0, 2**63 - 1), min_size=1, max_size=40), st.integers(1, 19))
@example([0, 9, 10, 99, 100, 2**63 - 1], 19)
def test_the_digits_of_whole_numbers_are_their_last_places(numbers: list[int],
                                                           width: int) -> None:
    from nyttocalc.report.machine.csv_columns import _digits

    text = _digits(np.array(numbers, dtype=np.int64), width)
    assert [bytes(row).decode("ascii") for row in text] == [f"{n:019d}"[-width:]
                                                            for n in numbers]
