"""What payback and export ask: the analysis of every perspective, and the claims' verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.core.payback import PaybackAnalysis
    from nyttocalc.scenario.load import LoadedScenario


def payback_analysis(loaded: LoadedScenario) -> PaybackAnalysis:
    from nyttocalc.core.payback import analyse

    return analyse(loaded.model)


def workbook_contents(loaded: LoadedScenario
                      ) -> tuple[PaybackAnalysis, tuple[ClaimResult, ...] | None]:
    """The analysis, and the claims' verdicts where the scenario has claims."""
    from nyttocalc.core.claims import check

    checked = check(loaded.claims, loaded.model) if loaded.claims else None
    return payback_analysis(loaded), checked
