"""What `check` finds in the documents it is given: the quotes, and the numbers left out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nyttocalc.documents.coverage import SWEDISH, Coverage, coverage_of
from nyttocalc.documents.quotes import Citation, QuoteCheck, check_quotes
from nyttocalc.documents.text import SourceText


@dataclass(frozen=True)
class DocumentCheck:
    source: SourceText
    quotes: tuple[QuoteCheck, ...]
    coverage: Coverage | None = None

    @property
    def missing(self) -> tuple[QuoteCheck, ...]:
        return tuple(q for q in self.quotes if not q.found)


def check_documents(sources: tuple[SourceText, ...], citations: list[Citation],
                    values: Mapping[str, tuple[float, ...]], coverage: bool,
                    style: tuple[str, str] = SWEDISH) -> tuple[DocumentCheck, ...]:
    """Each document's quotes; with ``coverage``, its numbers in the sections the claims and
    inputs name, each covered or not by a quote whose numbers (``values``, by citation owner)
    it prints; ``style`` (decimal mark, thousands separator) is how the documents write them."""
    checks = []
    for source in sources:
        quotes = check_quotes(source, citations)
        checks.append(DocumentCheck(source, quotes, coverage_of(source, quotes, values, style)
                                    if coverage else None))
    return tuple(checks)


def quotes_found(documents: tuple[DocumentCheck, ...]) -> dict[str, bool]:
    """Whether each claim's quote stands in its document, by claim id (absent: not checked)."""
    return {q.citation.owner: q.found for d in documents for q in d.quotes
            if q.citation.kind == "claim"}
