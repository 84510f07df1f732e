"""Which numbers of a document's named sections does the scenario cover?

The sections are those the claims and inputs cite (see ``outline``), grouped by their first
heading; a section that lies inside another group's (a section named together with its parent
under another name) is counted once, in the first, with a warning. A *number* is a figure as
the report prints it, in its number style: digits grouped by thousands with a decimal mark
("2,75", "175 000", "17" in Swedish; "$4,184", "$1.15m" in English), or a number word from "två"
to "tolv" ("fem deltagare"; "en" and "ett" are left out: they are mostly articles). Not numbers:
a year (four digits from 1900 to 2099), a date (2019-03-01), digits joined to letters ("C2C"),
superscript footnote markers, a line that is only a number (a page number), and references
("bilaga 5", "kapitel 3", "§ 3", "sidan 4", "fotnot 2"). Numbers in the sections' headings are
listed apart, and not counted.

A number is *covered* when it stands inside a found quote of a claim or an input and reads one
of that citation's numbers (the claim's published figure and every number its derivation
uses; the input's value), in units, thousands, millions, billions or per cent, either sign.
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
SCALES = (1.0, 1e3, 1e6, 1e9, 0.01)  # kr, tkr, mkr, miljarder, procent
SWEDISH = (",", " ")  # the decimal mark and the thousands separator


def _digits(style: tuple[str, str]) -> re.Pattern[str]:
    """A printed number in a style: Swedish "175 000" and "2,75" (a thin or no-break space,
    or TeX's "\\,", groups thousands too); English "4,184", "1.15", "$1.15m"."""
    decimal, thousands = style
    dot = re.escape(decimal)
    spaced = thousands == " "
    group = r"(?:[ \u00a0\u202f]|\\,)" if spaced else re.escape(thousands)
    suffix = "" if decimal == "," else r"(?:bn|mn|[km])?"
    grouped = (rf"(?<![\w.,\-])[0-9]{{1,3}}(?:{group}[0-9]{{3}})+(?:{dot}[0-9]+)?{suffix}(?![\w])"
               if thousands else "")
    plain = rf"(?<![\w.,])[0-9]+(?:{dot}[0-9]+)?{suffix}(?![\w])"
    return re.compile(f"{grouped}|{plain}" if grouped else plain)
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
    in_headings: tuple[NumberFound, ...] = ()  # numbers of its headings: listed, not counted

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
    overlaps: tuple[tuple[str, str], ...] = ()  # (a section, the one it lies in): counted once


def numbers_in(line: str, style: tuple[str, str] = SWEDISH) -> list[tuple[int, int, float]]:
    """The numbers of one line of text: (start, end, value), by the module's rules.

    >>> [v for _, _, v in numbers_in("2,75 mkr, 175 000 kr, fem deltagare, 2019, C2C, bilaga 5")]
    [2.75, 175000.0, 5.0]
    >>> [v for _, _, v in numbers_in("$4,184 and $1.15m, ($714)", (".", ","))]
    [4184.0, 1.15, 714.0]
    """
    if re.fullmatch(r"\s*[0-9]+\s*", line):
        return []  # a page number
    masked = _DATE.sub(lambda m: " " * len(m.group()), line)
    decimal, thousands = style
    found = []
    for match in _digits(style).finditer(masked):
        text = re.sub(r"[ \u00a0\u202f]|\\,", "", match.group()) if thousands == " " else (
            match.group().replace(thousands, "") if thousands else match.group())
        value = float(re.sub(r"(bn|mn|[km])$", "", text).replace(decimal, "."))
        if (("," not in text and value.is_integer() and int(value) in _YEAR)
                or _REFERENCE.search(masked[:match.start()])):
            continue
        found.append((match.start(), match.end(), value))
    for match in _WORD.finditer(masked):
        found.append((match.start(), match.end(), float(NUMBER_WORDS[match.group().lower()])))
    return sorted(found)


def reads(value: float, wanted: tuple[float, ...]) -> bool:
    """The printed number is one of ``wanted`` in units, thousands, millions, billions or per
    cent, either sign (a negative printed "(714)" or "−714")."""
    return any(math.isclose(value * scale, abs(v), rel_tol=1e-9, abs_tol=1e-12)
               for scale in SCALES for v in wanted)


def coverage_of(source: SourceText, quotes: tuple[QuoteCheck, ...],
                values: Mapping[str, tuple[float, ...]],
                style: tuple[str, str] = SWEDISH) -> Coverage:
    """The numbers of every section the claims and inputs of this document name, and who covers
    each; ``style`` is how the document writes numbers (decimal mark, thousands separator)."""
    named = {path: original for q in sorted(quotes, key=lambda q: q.citation.kind != "claim")
             for path, original in zip(section_paths(q.citation.section),
                                       section_paths(q.citation.section, normalised=False),
                                       strict=True)}
    # The claims' sections tell a plain text's outline; an input's section is sought in it
    # on its own, so that a section only an input names does not move the claims' ones.
    claimed = [path for q in quotes if q.citation.kind == "claim"
               for path in section_paths(q.citation.section)]
    lines = source.lines()
    outline = headings(source)
    located: dict[tuple[str, ...], Section] = {}
    not_found = []
    for path in named:
        trie = trie_of(claimed if path in claimed else [*claimed, path])
        section = locate(path, outline, trie, len(lines))
        if section is None:
            not_found.append(" › ".join(path))
        else:
            located.setdefault(section.path, section)
    heading_lines = {h.index for h in outline}
    spans = [(p.start, p.end, q.citation.owner) for q in quotes for part in q.parts
             for p in part.found]

    def number(index: int, start: int, end: int, value: float,
               sections: list[Section]) -> NumberFound:
        at = source.line_starts[index]
        deepest = max((s for s in sections if s.start <= index < s.end),
                      key=lambda s: (len(s.path), s.start))
        owners = tuple(dict.fromkeys(
            owner for lo, hi, owner in spans
            if lo <= at + start and at + end <= hi and reads(value, values.get(owner, ()))))
        return NumberFound(lines[index][start:end], value, index + 1, at + start, at + end,
                           " › ".join(deepest.path), owners)

    groups: list[SectionCoverage] = []
    counted: dict[int, str] = {}  # a line counted, and the group it is counted in
    overlaps: list[tuple[str, str]] = []
    for root in dict.fromkeys(path[0] for path in located):
        sections = [s for path, s in located.items() if path[0] == root]
        first = min(sections, key=lambda s: s.start)
        lines_of = {i for s in sections for i in range(s.start, s.end)}
        original = next(named[p][0] for p in named if p[0] == root)
        shared = sorted(lines_of & counted.keys())
        if shared:  # lines another group already counts: there, once
            overlaps.append((original, counted[shared[0]]))
        rows = sorted(lines_of - counted.keys())
        counted |= dict.fromkeys(rows, original)
        found = [number(index, start, end, value, sections)
                 for index in rows if index not in heading_lines
                 for start, end, value in numbers_in(lines[index], style)]
        titled = [number(index, start, end, value, sections)
                  for index in rows if index in heading_lines
                  for start, end, value in numbers_in(lines[index], style)]
        groups.append(SectionCoverage(original, first.heading, first.start + 1, tuple(found),
                                      tuple(titled)))
    return Coverage(tuple(groups), tuple(not_found), tuple(overlaps))
