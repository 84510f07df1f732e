"""What parameters asks: the parameter sets, or one set's figures with a municipality's rates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.scenario.parameter_sets import SetDescription, SetSummary


def parameter_listing(name: str | None, municipality: str | None,
                      lang: str) -> list[SetSummary] | SetDescription:
    """The sets (no name), or one set's figures (with a municipality's rates)."""
    from nyttocalc.scenario import parameter_sets

    if name is None:
        if municipality is not None:
            raise NyttocalcError("--municipality needs a parameter set: nyttocalc parameters "
                                 f"se-2025 --municipality {municipality}.")
        return parameter_sets.summaries(lang)
    return parameter_sets.describe(name, municipality, lang)
