"""Which numbers of a document's named sections does the scenario cover?

The sections are those the claims cite (see ``outline``), grouped by their first heading. A
*number* is a figure as the report prints it: digits with thousands separated by spaces and a
decimal comma ("2,75", "175 000", "17"), or a number word from "två" to "tolv" ("fem
deltagare"; "en" and "ett" are left out: they are mostly articles). Not numbers: a year (four
digits from 1900 to 2099), a date (2019-03-01), digits joined to letters ("C2C"), superscript
footnote markers, a line that is only a number (a page number), headings, and references
("bilaga 5", "kapitel 3", "§ 3", "sidan 4", "fotnot 2").

A number is *covered* when it stands inside a found quote of a claim or an input and reads one
of that citation's numbers (the claim's published figure and every number its derivation
uses; the input's value) in kronor, thousands (tkr), millions (mkr) or per cent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from nyttocalc.documents.outline import (
    Section,
    headings,
    locate,
    section_paths,
    trie_of,
)
from nyttocalc.documents.quotes import QuoteCheck
from nyttocalc.documents.text import SourceText

NUMBER_WORDS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
                "nio": 9, "tio": 10, "elva": 11, "tolv": 12}
SCALES = (1.0, 1e3, 1e6, 0.01)  # kr, tkr, mkr, procent
_DIGITS = re.compile(r"(?<![\w.,\-])[0-9]{1,3}(?:(?:[ \u00a0\u202f]|\\,)[0-9]{3})+(?:,[0-9]+)?"
                     r"(?![\w])|(?<![\w.,])[0-9]+(?:,[0-9]+)?(?![\w])")
_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
_REFERENCE = re.compile(r"(bilaga|bilagan|kapitel|kap\.|§|sidan|sid\.|s\.|fotnot|not)\s*$",
                        re.IGNORECASE)
_YEAR = range(1900, 2100)


@dataclass(frozen=True)
class NumberFound:
    text: str  # as printed
    value: float  # as read, without a unit
    line: int  # 1-based
    start: int  # raw offsets in the document
    end: int
    section: str  # the deepest named section it stands in
    covered_by: tuple[str, ...] = ()  # the claims and inputs whose quotes cover it


@dataclass(frozen=True)
class SectionCoverage:
    name: str  # the first component, as the claims write it
    heading: str  # the first of its named headings, as the document prints it (normalised)
    line: int  # 1-based line of that heading
    numbers: tuple[NumberFound, ...]

    @property
    def covered(self) -> tuple[NumberFound, ...]:
        return tuple(n for n in self.numbers if n.covered_by)

    @property
    def uncovered(self) -> tuple[NumberFound, ...]:
        return tuple(n for n in self.numbers if not n.covered_by)


@dataclass(frozen=True)
class Coverage:
    sections: tuple[SectionCoverage, ...]
    not_found: tuple[str, ...] = ()  # section paths the claims name that no heading matches


def numbers_in(line: str) -> list[tuple[int, int, float]]:
    """The numbers of one line of text: (start, end, value), by the module's rules.

    >>> [v for _, _, v in numbers_in("2,75 mkr, 175 000 kr, fem deltagare, 2019, C2C, bilaga 5")]
    [2.75, 175000.0, 5.0]
    """
    if re.fullmatch(r"\s*[0-9]+\s*", line):
        return []  # a page number
    masked = _DATE.sub(lambda m: " " * len(m.group()), line)
    found = []
    for match in _DIGITS.finditer(masked):
        text = re.sub(r"[ \u00a0\u202f]|\\,", "", match.group())
        value = float(text.replace(",", "."))
        if (("," not in text and value.is_integer() and int(value) in _YEAR)
                or _REFERENCE.search(masked[:match.start()])):
            continue
        found.append((match.start(), match.end(), value))
    for match in _WORD.finditer(masked):
        found.append((match.start(), match.end(), float(NUMBER_WORDS[match.group().lower()])))
    return sorted(found)


def reads(value: float, wanted: tuple[float, ...]) -> bool:
    """The printed number is one of ``wanted`` in kronor, tkr, mkr or per cent."""
    return any(math.isclose(value * scale, v, rel_tol=1e-9, abs_tol=1e-12)
               for scale in SCALES for v in wanted)


def coverage_of(source: SourceText, quotes: tuple[QuoteCheck, ...],
                values: Mapping[str, tuple[float, ...]]) -> Coverage:
    """The numbers of every section the claims of this document name, and who covers each."""
    named = {path: original for q in quotes if q.citation.kind == "claim"
             for path, original in zip(section_paths(q.citation.section),
                                       section_paths(q.citation.section, normalised=False),
                                       strict=True)}
    paths = list(named)
    lines = source.lines()
    outline = headings(source)
    trie = trie_of(paths)
    located: dict[tuple[str, ...], Section] = {}
    not_found = []
    for path in paths:
        section = locate(path, outline, trie, len(lines))
        if section is None:
            not_found.append(" › ".join(path))
        else:
            located.setdefault(section.path, section)
    heading_lines = {h.index for h in outline}
    spans = [(p.start, p.end, q.citation.owner) for q in quotes for part in q.parts
             for p in part.found]
    groups = []
    for root in dict.fromkeys(path[0] for path in located):
        sections = [s for path, s in located.items() if path[0] == root]
        first = min(sections, key=lambda s: s.start)
        rows = sorted({i for s in sections for i in range(s.start, s.end)} - heading_lines)
        found = []
        for index in rows:
            for start, end, value in numbers_in(lines[index]):
                at = source.line_starts[index]
                deepest = max((s for s in sections if s.start <= index < s.end),
                              key=lambda s: (len(s.path), s.start))
                owners = tuple(dict.fromkeys(
                    owner for lo, hi, owner in spans
                    if lo <= at + start and at + end <= hi and reads(value, values.get(owner, ()))))
                found.append(NumberFound(lines[index][start:end], value, index + 1, at + start,
                                         at + end, " › ".join(deepest.path), owners))
        original = next(named[p][0] for p in named if p[0] == root)
        groups.append(SectionCoverage(original, first.heading, first.start + 1, tuple(found)))
    return Coverage(tuple(groups), tuple(not_found))
