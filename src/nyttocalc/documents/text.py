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
import heapq
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import overload

QUOTE_MARKS = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
               "‘": "'", "’": "'", "‚": "'", "′": "'"}
DASHES = {"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"}
HYPHENS = "-‐"  # those that split a word at a line break
SOFT_HYPHEN = "\u00ad"
TEX_THIN_SPACE = "\\,"
MARKDOWN_MARKS = "*_`"
ELLIPSIS = "…"  # separates the parts of a quote: "… a … b"
MAX_WINDOWS = 5_000  # where no word of a quote stands in the document: windows tried, …
CANDIDATES = 32  # … otherwise the windows its words align best, each scored, …
REFINED = 4  # … and the best few of them refined, in halving steps
MAX_COMPARED = 500  # characters of a quote's part compared; a longer part by its start
MAX_POSTINGS = 20_000  # a word more frequent than this does not say where a quote stands
MAX_WIDENING = 40  # characters a passage is widened by, each side, to whole words
_WORD = re.compile(r"\w+")
_LINE_END = re.compile("\n")


@dataclass(frozen=True)
class Normalised:
    """The normalised text and where each of its characters came from in the original, as
    runs: ``starts[k]`` is where run k begins in ``text``, ``raw_starts[k]`` in the original,
    and the run's characters follow one another in both."""

    text: str
    starts: array[int]
    raw_starts: array[int]

    def origin(self, index: int) -> int:
        """The offset in the original of the normalised character at ``index``."""
        run = bisect.bisect_right(self.starts, index) - 1
        return self.raw_starts[run] + index - self.starts[run]


def _offsets(size: int) -> array[int]:
    """An empty array for offsets into a text of ``size`` characters: four bytes each where
    they fit (a document is at most 20 MiB), eight otherwise."""
    return array("i" if size < 2**31 else "q")


class _Output:
    """The normalised text as it is built: its pieces, its last character, and its runs."""

    def __init__(self, size: int) -> None:
        self.joined: list[str] = []  # the pieces so far, joined a few thousand at a time …
        self.pieces: list[str] = []  # … and those since (a piece apiece costs memory)
        self.length = 0
        self.last = ""
        self.starts = _offsets(size)
        self.raw_starts = _offsets(size)

    def copy(self, raw: str, start: int, stop: int) -> None:
        self._from(start)
        self._append(raw[start:stop])
        self.length += stop - start
        self.last = raw[stop - 1]

    def char(self, char: str, at: int) -> None:
        self._from(at)
        self._append(char)
        self.length += 1
        self.last = char

    def _append(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) == 4096:
            self.joined.append("".join(self.pieces))
            self.pieces.clear()

    def space(self, at: int) -> None:
        if self.last not in ("", " "):
            self.char(" ", at)

    def _from(self, at: int) -> None:
        """The next character comes from ``at``: a new run unless it continues the last."""
        if not self.starts or self.raw_starts[-1] + self.length - self.starts[-1] != at:
            self.starts.append(self.length)
            self.raw_starts.append(at)

    def result(self) -> Normalised:
        text = "".join((*self.joined, *self.pieces))
        return Normalised(text[:-1] if text.endswith(" ") else text, self.starts,
                          self.raw_starts)


def normalise(raw: str, markdown: bool = False) -> Normalised:
    """The text as compared; see the module's docstring.

    Characters that normalisation leaves as they are (most of a report: letters, digits,
    single spaces) are copied a run at a time; each other one is normalised on its own with
    its combining marks.

    >>> normalise("Det  räcker om\\n1,5\\u00a0del-\\ntagare, ”drygt”.").text
    'Det räcker om 1,5 deltagare, "drygt".'
    """
    special = _special_characters(raw, markdown)
    out = _Output(len(raw))
    i, n = 0, len(raw)
    while i < n:
        found = special.search(raw, i)
        stop = n if found is None else found.start()
        if i < stop and raw[i] == " " and out.last in ("", " "):
            i += 1  # a space after a space, or at the start, is left out
        if i < stop:
            out.copy(raw, i, stop)
        if found is None:
            break
        i = _unit(raw, stop, markdown, out)
    return out.result()


_ASCII_SPECIAL = "\t\n\v\f\r\x1c\x1d\x1e\x1f" + TEX_THIN_SPACE[0] + HYPHENS[0]


def _special_characters(raw: str, markdown: bool) -> re.Pattern[str]:
    """What ``normalise`` must look at one by one in this text: white space but a single
    space, hyphens, TeX's backslash, Markdown's marks, every other character that NFKC, the
    quote marks or the dashes change, and a character that combining marks follow."""
    others = {c for c in set(raw) if not c.isascii()}
    combining = "".join(sorted(c for c in others if unicodedata.combining(c)))
    changed = "".join(sorted(c for c in others if not _kept(c)))
    marks = MARKDOWN_MARKS if markdown else ""
    pattern = f"[{re.escape(_ASCII_SPECIAL + marks + changed)}]| (?= )"
    if combining:
        pattern += f"|.(?=[{re.escape(combining)}])"
    return re.compile(pattern, re.DOTALL)


def _kept(char: str) -> bool:
    """Whether ``normalise`` leaves this (non-ASCII) character as it is, where no combining
    mark follows it."""
    return (char not in QUOTE_MARKS and char not in DASHES and char not in HYPHENS
            and char != SOFT_HYPHEN and not char.isspace() and not unicodedata.combining(char)
            and unicodedata.normalize("NFKC", char) == char)


def _unit(raw: str, i: int, markdown: bool, out: _Output) -> int:
    """Normalise the character at ``i`` with its combining marks into ``out``; where the
    next unit starts."""
    n = len(raw)
    end = i + 1
    while end < n and unicodedata.combining(raw[end]):
        end += 1  # a letter with its combining marks is one unit
    char = raw[i]
    if char == SOFT_HYPHEN or (markdown and char in MARKDOWN_MARKS):
        return end
    if raw.startswith(TEX_THIN_SPACE, i):
        out.space(i)
        return i + len(TEX_THIN_SPACE)
    if char in HYPHENS and out.last.islower():
        after = _after_line_break(raw, end)
        if after is not None and raw[after].islower():
            return after  # a word split at a line break: joined
    for c in unicodedata.normalize("NFKC", raw[i:end]):
        c = QUOTE_MARKS.get(c, DASHES.get(c, c))
        if c.isspace():
            out.space(i)
        else:
            out.char(c, i)
    return end


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
    line_starts: array[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = _offsets(len(self.raw))
        starts.append(0)
        starts.extend(match.end() for match in _LINE_END.finditer(self.raw))
        object.__setattr__(self, "line_starts", starts)

    @cached_property
    def normalised(self) -> Normalised:
        return normalise(self.raw, self.markdown)

    @cached_property
    def words(self) -> dict[str, array[int]]:
        """Where each word of the normalised text starts, by word (for ``closest``)."""
        text = self.normalised.text
        index: dict[str, array[int]] = {}
        for match in _WORD.finditer(text):
            places = index.get(match.group())
            if places is None:
                places = index[match.group()] = _offsets(len(text))
            places.append(match.start())
        return index

    def line_of(self, offset: int) -> int:
        """The 1-based line of a raw offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def lines(self) -> Lines:
        """The lines of the raw text, each made when it is read (a list of a large
        document's lines would take more memory than its text)."""
        return Lines(self.raw, self.line_starts)


class Lines(Sequence[str]):
    """A text's lines, by index, without the line breaks."""

    def __init__(self, raw: str, starts: array[int]) -> None:
        self._raw, self._starts = raw, starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        end = self._starts[index + 1] - 1 if index + 1 < len(self) else len(self._raw)
        return self._raw[self._starts[index]:end]


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
    """The passage of the document most like the quote's part, widened to whole words.

    Windows of the part's length are tried where the part's words stand in the document at
    the same distances from one another as in the part (or, where none of its words stands
    in the document, windows spread over it); the best are scored with difflib's ratio and
    refined in halving steps. The cost is bounded whatever the document's size: at most
    ``MAX_POSTINGS`` places of a word, ``CANDIDATES`` windows scored, ``REFINED`` refined,
    ``MAX_COMPARED`` characters compared."""
    wanted = normalise(part, source.markdown).text[:MAX_COMPARED]
    text = source.normalised.text
    if not wanted or not text:
        return None
    size = min(len(wanted), len(text))
    last = len(text) - size
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

    starts = _aligned_starts(wanted, source.words, last)
    if not starts:
        stride = max(1, size // 4, last // MAX_WINDOWS)
        starts = [start for _, start in heapq.nsmallest(
            CANDIDATES, ((-bound(start), start) for start in range(0, last + 1, stride)))]
    # the same words in several places (a repeated paragraph) are scored once, at the first
    starts = sorted({text[start:start + size]: start for start in sorted(starts, reverse=True)}
                    .values())
    best = (0.0, 0)
    for ratio, start in _best_scored(starts, bound, similarity):
        here = (ratio, start)
        step = max(1, size // 4)
        while step:
            for nearby in (here[1] - step, here[1] + step):
                if 0 <= nearby <= last:
                    ratio = similarity(nearby, here[0])
                    if ratio > here[0]:
                        here = (ratio, nearby)
            step //= 2
        if here[0] > best[0] or (here[0] == best[0] and here[1] < best[1]):
            best = here
    ratio, start = best
    return _passage(source, *_whole_words(text, start, start + size), ratio)


def _best_scored(starts: list[int], bound: Callable[[int], float],
                 similarity: Callable[[int, float], float]) -> list[tuple[float, int]]:
    """The ``REFINED`` starts of the highest ratio, each with it: tried in the order of their
    bound, and only while the bound can beat the ones kept."""
    kept: list[tuple[float, int]] = []  # a heap: the lowest ratio kept first
    for upper, start in sorted((-bound(start), start) for start in starts):
        floor = kept[0][0] if len(kept) == REFINED else 0.0
        if -upper <= floor and len(kept) == REFINED:
            break
        ratio = similarity(start, floor)
        if len(kept) < REFINED:
            heapq.heappush(kept, (ratio, -start))
        elif ratio > floor:
            heapq.heapreplace(kept, (ratio, -start))
    return sorted(((ratio, -start) for ratio, start in kept), key=lambda item: (-item[0], item[1]))


def _aligned_starts(wanted: str, words: dict[str, array[int]], last: int) -> list[int]:
    """Where a window would start if it held the words of ``wanted`` where they stand in the
    document, the starts that most words agree on first; none if no word stands there. A
    word is counted from its rarest on; one more frequent than ``MAX_POSTINGS`` only where
    no rarer one stands in the document, and then by an even sample of its places."""
    in_quote = sorted((len(words.get(m.group(), ())), m.start(), m.group())
                       for m in _WORD.finditer(wanted))
    votes: Counter[int] = Counter()
    for count, offset, word in in_quote:
        if not count:
            continue
        places = words[word]
        if count > MAX_POSTINGS:
            if votes:
                break
            places = places[::count // MAX_POSTINGS + 1]
        votes.update(map(offset.__rsub__, places))  # each place's start: place - offset
    best = heapq.nsmallest(CANDIDATES, votes.items(), key=lambda item: (-item[1], item[0]))
    return sorted({min(max(start, 0), last) for start, _ in best})


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to the spaces around it, by at most ``MAX_WIDENING`` each side."""
    low, high = max(0, start - MAX_WIDENING), min(len(text), end + MAX_WIDENING)
    space = text.rfind(" ", low, start)
    start = space + 1 if space >= 0 else low
    space = text.find(" ", end, high)
    return start, space if space >= 0 else high


def _passage(source: SourceText, start: int, end: int, similarity: float) -> Passage:
    normalised = source.normalised
    raw_start = normalised.origin(start)
    raw_end = normalised.origin(end - 1) + 1 if end > start else raw_start
    return Passage(raw_start, raw_end, source.line_of(raw_start), normalised.text[start:end],
                   similarity)
