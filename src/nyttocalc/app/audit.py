"""What check asks: every claim's verdict, and every quote and number in the documents given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.core.claims import ClaimResult
    from nyttocalc.documents.check import DocumentCheck
    from nyttocalc.scenario.load import LoadedScenario


@dataclass(frozen=True)
class Audit:
    results: tuple[ClaimResult, ...]
    documents: tuple[DocumentCheck, ...]

    @property
    def quote_missing(self) -> bool:
        """A quote is not in its document: the report changed after the scenario was written."""
        return any(d.missing for d in self.documents)

    def fails(self, strict: bool) -> bool:
        """A claim does not follow (``strict``: or follows only through a rounding chain)."""
        from nyttocalc.core.claims import fails

        return any(fails(r.verdict, strict) for r in self.results)


def audit(loaded: LoadedScenario, documents: list[str], coverage: bool) -> Audit:
    """The claims checked; the documents (``--document KEY=PATH`` and the sources' paths) read
    and their quotes found, and with ``coverage`` their numbers that no claim covers."""
    from nyttocalc.core.claims import check
    from nyttocalc.documents.check import check_documents
    from nyttocalc.scenario.sources import citations, quoted_values, read_sources

    sources = read_sources(loaded, documents)
    if coverage and not sources:
        raise NyttocalcError("--coverage lists the numbers of a document: give its text "
                             "with --document KEY=PATH (or a `path` in its source)")
    results = check(loaded.claims, loaded.model)
    style = (loaded.scenario.numbers.decimal, loaded.scenario.numbers.thousands)
    found = check_documents(sources, citations(loaded), quoted_values(loaded, results), coverage,
                            style)
    return Audit(results, found)
