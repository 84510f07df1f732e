"""A document's text as a quote is compared with it.

Both the document and every quote are normalised alike (``normalise``): Unicode NFKC (so a
no-break space is a space and "²" a "2"), soft hyphens (U+00AD) removed, a word hyphenated at a
line break between lower-case letters joined ("er-\\nhålla" → "erhålla"; "EU-\\nmedel" keeps
its hyphen), typographic quotes and dashes read as ASCII ones,
TeX's thin space ``\\,`` as a space, every run of white space (newlines, no-break spaces) as
one space, and, in Markdown, the emphasis marks ``*``, ``_`` and ``\\``` left out. Case and
everything else count. Each normalised character remembers where it came from, so a passage
found in the normalised text is named by its line in the document.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

QUOTE_MARKS = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
               "‘": "'", "’": "'", "‚": "'", "′": "'"}
DASHES = {"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"}
HYPHENS = "-‐"  # those that split a word at a line break
SOFT_HYPHEN = "\u00ad"
TEX_THIN_SPACE = "\\,"
MARKDOWN_MARKS = "*_`"
ELLIPSIS = "…"  # separates the parts of a quote: "… a … b"
MAX_WINDOWS = 5_000  # the closest passage is sought in at most this many windows, …
REFINED = 8  # … and the best few of them refined character by character


@dataclass(frozen=True)
class Normalised:
    text: str
    origins: tuple[int, ...]  # for each character of ``text``, its offset in the original


def normalise(raw: str, markdown: bool = False) -> Normalised:
    """The text as compared; see the module's docstring.

    >>> normalise("Det  räcker om\\n1,5\\u00a0del-\\ntagare, ”drygt”.").text
    'Det räcker om 1,5 deltagare, "drygt".'
    """
    out: list[str] = []
    origins: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        end = i + 1
        while end < n and unicodedata.combining(raw[end]):
            end += 1  # a letter with its combining marks is one unit
        char = raw[i]
        if char == SOFT_HYPHEN or (markdown and char in MARKDOWN_MARKS):
            i = end
            continue
        if raw.startswith(TEX_THIN_SPACE, i):
            _space(out, origins, i)
            i += len(TEX_THIN_SPACE)
            continue
        if char in HYPHENS and out and out[-1].islower():
            after = _after_line_break(raw, end)
            if after is not None and raw[after].islower():
                i = after  # a word split at a line break: joined
                continue
        for c in unicodedata.normalize("NFKC", raw[i:end]):
            c = QUOTE_MARKS.get(c, DASHES.get(c, c))
            if c.isspace():
                _space(out, origins, i)
            else:
                out.append(c)
                origins.append(i)
        i = end
    if out and out[-1] == " ":
        out.pop()
        origins.pop()
    return Normalised("".join(out), tuple(origins))


def _space(out: list[str], origins: list[int], at: int) -> None:
    if out and out[-1] != " ":
        out.append(" ")
        origins.append(at)


def _after_line_break(raw: str, at: int) -> int | None:
    """Where the next word starts, if only blanks and one line break come first."""
    i = at
    while i < len(raw) and raw[i] in " \t":
        i += 1
    if raw.startswith("\r\n", i):
        i += 2
    elif i < len(raw) and raw[i] in "\n\r":
        i += 1
    else:
        return None
    while i < len(raw) and raw[i] in " \t":
        i += 1
    return i if i < len(raw) else None


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote that must each stand in the document: the text between the
    ellipses ("…") that mark what the quote leaves out.

    >>> quote_parts("… krävs att fem deltagare … för att samhället …")
    ['krävs att fem deltagare', 'för att samhället']
    """
    return [part.strip() for part in quote.split(ELLIPSIS) if part.strip()]


@dataclass(frozen=True)
class SourceText:
    """A document as read: its key in the scenario's ``sources``, where it was read from, the
    raw text, and whether it is Markdown."""

    key: str
    path: str
    raw: str
    markdown: bool = False
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0] + [i + 1 for i, c in enumerate(self.raw) if c == "\n"]
        object.__setattr__(self, "line_starts", tuple(starts))

    @cached_property
    def normalised(self) -> Normalised:
        return normalise(self.raw, self.markdown)

    def line_of(self, offset: int) -> int:
        """The 1-based line of a raw offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def lines(self) -> list[str]:
        return self.raw.split("\n")


@dataclass(frozen=True)
class Passage:
    """Where a (normalised) text stands in a document: raw offsets, the line, the words."""

    start: int
    end: int
    line: int
    text: str
    similarity: float = 1.0  # 1 where it stands verbatim


def find(part: str, source: SourceText) -> list[Passage]:
    """Every place where the quote's part stands in the document, after normalisation."""
    wanted = normalise(part, source.markdown).text
    text = source.normalised.text
    found, at = [], text.find(wanted) if wanted else -1
    while at >= 0:
        found.append(_passage(source, at, at + len(wanted), 1.0))
        at = text.find(wanted, at + 1)
    return found


def closest(part: str, source: SourceText) -> Passage | None:
    """The passage of the document most like the quote's part (difflib's ratio over windows of
    the part's length, a coarse pass then a fine one around the best: bounded by
    ``MAX_WINDOWS``), widened to whole words."""
    wanted = normalise(part, source.markdown).text
    text = source.normalised.text
    if not wanted or not text:
        return None
    size = min(len(wanted), len(text))
    last = len(text) - size
    step = max(1, size // 4, last // MAX_WINDOWS)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(wanted)

    def similarity(start: int, floor: float) -> float:
        matcher.set_seq1(text[start:start + size])
        if matcher.real_quick_ratio() <= floor or matcher.quick_ratio() <= floor:
            return 0.0
        return matcher.ratio()

    def bound(start: int) -> float:
        matcher.set_seq1(text[start:start + size])
        return matcher.quick_ratio()  # an upper bound of the ratio, in linear time

    likely = sorted(((bound(start), start) for start in range(0, last + 1, step)),
                    reverse=True)[:REFINED * 4]
    coarse = sorted(((similarity(start, 0.0), start) for _, start in likely),
                    reverse=True)[:REFINED]
    best = max(coarse)
    for _, around in coarse:
        for start in range(max(0, around - step), min(last, around + step) + 1):
            ratio = similarity(start, best[0])
            if ratio > best[0] or (ratio == best[0] and start < best[1]):
                best = (ratio, start)
    ratio, start = best
    end = start + size
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return _passage(source, start, end, ratio)


def _passage(source: SourceText, start: int, end: int, similarity: float) -> Passage:
    origins = source.normalised.origins
    raw_start = origins[start]
    raw_end = origins[end - 1] + 1 if end > start else raw_start
    return Passage(raw_start, raw_end, source.line_of(raw_start),
                   source.normalised.text[start:end], similarity)
