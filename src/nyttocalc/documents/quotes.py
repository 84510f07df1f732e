"""Does every quote of the scenario stand in its document?

A citation (a claim's ``where``, an input's ``source``) quotes the report; when the report is
edited after the scenario was written, the quote no longer stands there, and ``check`` would
go on judging the old words. Each part of each quote (see ``text.quote_parts``) is sought in
the document's normalised text; a part that is missing is shown with the closest passage.
"""

from __future__ import annotations

from dataclasses import dataclass

from nyttocalc.documents.text import Passage, SourceText, closest, find, quote_parts


@dataclass(frozen=True)
class Citation:
    """A quote of a document: whose (a claim's id, or an input's key path), where, the words."""

    owner: str
    kind: str  # "claim" or "input"
    document: str  # the key of the scenario's source
    section: str
    quote: str


@dataclass(frozen=True)
class PartCheck:
    text: str  # the part of the quote, as the scenario writes it
    found: tuple[Passage, ...]  # every place it stands; none where it is missing
    closest: Passage | None = None  # where it is missing: the passage most like it


@dataclass(frozen=True)
class QuoteCheck:
    citation: Citation
    parts: tuple[PartCheck, ...]

    @property
    def found(self) -> bool:
        return all(part.found for part in self.parts)


def check_quotes(source: SourceText, citations: list[Citation]) -> tuple[QuoteCheck, ...]:
    """Every citation of this document, each part of its quote sought in the text."""
    checks = []
    for citation in citations:
        if citation.document != source.key:
            continue
        parts = []
        for part in quote_parts(citation.quote):
            found = tuple(find(part, source))
            parts.append(PartCheck(part, found, None if found else closest(part, source)))
        checks.append(QuoteCheck(citation, tuple(parts)))
    return tuple(checks)
