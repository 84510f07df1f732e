"""Read a result row by the kinds of its fields: dimensions, figures and flags; and name the
group of a row of key figures.

The core's result rows are dataclasses; an int or float field is a dimension (which subsidy rate,
horizon or number of persons the row is about), a ``Figure`` field a computed figure, a bool a
flag. Every output format walks rows through this one function.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from nyttocalc.core.figures import Figure
from nyttocalc.core.payback import Row


@dataclass(frozen=True)
class RowParts:
    dims: dict[str, float]
    figures: dict[str, Figure]
    flags: dict[str, bool]


def parts(row: Any) -> RowParts:
    if isinstance(row, Row):
        return RowParts(dict(row.dims), dict(row.figures), dict(row.flags))
    dims: dict[str, float] = {}
    figures: dict[str, Figure] = {}
    flags: dict[str, bool] = {}
    for field in fields(row):
        value = getattr(row, field.name)
        if isinstance(value, Figure):
            figures[field.name] = value
        elif isinstance(value, bool):
            flags[field.name] = value
        elif isinstance(value, int | float):
            dims[field.name] = value
    return RowParts(dims, figures, flags)


def outcomes_group(group: str | None) -> str:
    """Where a key figure stands among the figures: ``outcomes GROUP`` for one group's,
    ``outcomes`` for every group's together (payback's CSV, the workbook's figure keys)."""
    return "outcomes" if group is None else f"outcomes {group}"
