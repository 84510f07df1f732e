"""A number as a CSV cell holds it: unrounded, in the language's decimal mark, empty where the
figure is never reached. ``csv_columns`` writes the same text for a whole column at once."""

from __future__ import annotations


class CsvNumber(str):
    """A number as ``csv_number`` writes it: a cell that is never escaped, negative or not."""


def csv_number(x: float, swedish: bool) -> CsvNumber:
    """Unrounded; empty where the figure is never reached.

    >>> csv_number(2.5, True), csv_number(2750000.0, False), csv_number(float("inf"), False)
    ('2,5', '2750000', '')
    """
    x = float(x)
    # x - x is NaN (true) for inf and NaN, 0.0 (false) for every finite number
    text = "" if x - x else str(int(x)) if x.is_integer() else repr(x)
    return CsvNumber(text.replace(".", ",") if swedish else text)
