"""A document's outline, and the lines that a claim's section names.

A claim names its section as headings joined by "›": "Lönsamhet, medellång sikt › Samhället".
A component matches a heading that reads the same, or begins with it and goes on after a space
or a punctuation mark ("Lönsamhet, medellång sikt – tre till fem år"); an exact heading is
preferred. Each component is sought after the previous one and within its scope.

- Markdown: the ``#`` headings; a section runs to the next heading of its level or above.
- Plain text has no marked headings. A heading is a line that starts a paragraph (a blank line
  before it), is short (at most 100 characters and 12 words), begins with a capital letter, does
  not end with a punctuation mark and holds no ":" or ";" (a label and its value: a budget
  line), and is not a list item, a footnote or a table-of-contents line (with a tab). Its level
  is unknown, so the components that the claims name tell the outline:
  a section runs to the next heading that is not one of the sub-headings the claims name under
  it, and a component is sought before the next heading that another section's name matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nyttocalc.documents.text import SourceText, normalise

SEPARATOR = "›"
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 12
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_NUMBERING = re.compile(r"^(\d+(\.\d+)*\.?\s+)")
_FINAL_PUNCTUATION = ".,:;!?…"

Trie = dict[str, "Trie"]


@dataclass(frozen=True)
class Heading:
    index: int  # 0-based line
    title: str  # normalised
    level: int | None  # Markdown: 1–6; plain text: None (unknown)


@dataclass(frozen=True)
class Section:
    """The lines a section path names: from its heading to the end of the section."""

    path: tuple[str, ...]  # the components found, as the claims write them
    start: int  # the heading's 0-based line
    end: int  # the line after the section
    heading: str  # the heading as the document prints it
    missing: tuple[str, ...] = ()  # components found as no heading under it ("fotnot ²")


def section_paths(section: str, normalised: bool = True) -> list[tuple[str, ...]]:
    """A claim's section as paths of components (normalised, unless asked not to); ";"
    separates sections.

    >>> section_paths("Intäkt › Samhället; Lönsamhet")
    [('Intäkt', 'Samhället'), ('Lönsamhet',)]
    """
    paths = []
    for one in section.split(";"):
        parts = tuple(normalise(p).text if normalised else p.strip()
                      for p in one.split(SEPARATOR) if p.strip())
        if parts:
            paths.append(parts)
    return paths


def trie_of(paths: Iterable[tuple[str, ...]]) -> Trie:
    root: Trie = {}
    for path in paths:
        node = root
        for part in path:
            node = node.setdefault(part, {})
    return root


def headings(source: SourceText) -> list[Heading]:
    lines = source.lines()
    if source.markdown:
        return _markdown_headings(lines)
    return [Heading(i, normalise(line).text, None) for i, line in enumerate(lines)
            if _heading_like(lines, i)]


def _markdown_headings(lines: Sequence[str]) -> list[Heading]:
    found, fenced = [], False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _ATX.match(line)
        if match:
            found.append(Heading(index, normalise(match.group(2), True).text,
                                 len(match.group(1))))
    return found


def _heading_like(lines: Sequence[str], index: int) -> bool:
    line = lines[index].strip()
    starts_paragraph = index == 0 or not lines[index - 1].strip()
    words = _NUMBERING.sub("", line)
    return (starts_paragraph and 0 < len(line) <= MAX_HEADING_CHARS
            and len(line.split()) <= MAX_HEADING_WORDS and "\t" not in lines[index]
            and words[:1].isupper() and line[-1] not in _FINAL_PUNCTUATION
            and ":" not in line and ";" not in line)


def matches(title: str, component: str) -> bool:
    """The heading reads the component, or begins with it and goes on after a non-letter."""
    if not title.startswith(component):
        return False
    rest = title[len(component):]
    return not rest or not rest[0].isalnum()


def locate(path: tuple[str, ...], outline: list[Heading], trie: Trie,
           line_count: int) -> Section | None:
    """The lines that ``path`` names, or None where its first component is no heading."""
    node, begin, scope_end = trie, 0, len(outline)
    chosen: list[int] = []
    for component in path:
        candidates = [i for i in range(begin, scope_end) if matches(outline[i].title, component)]
        exact = [i for i in candidates if outline[i].title == component]
        if not candidates:
            break
        index = (exact or candidates)[0]
        chosen.append(index)
        node = node.get(component, {})
        begin, scope_end = index + 1, min(scope_end, _scope_end(outline, index, node, trie))
    if not chosen:
        return None
    last = chosen[-1]
    end = _region_end(outline, last, node)
    return Section(path[:len(chosen)], outline[last].index,
                   outline[end].index if end < len(outline) else line_count,
                   outline[last].title, path[len(chosen):])


def _names(node: Trie) -> set[str]:
    names = set(node)
    for child in node.values():
        names |= _names(child)
    return names


def _scope_end(outline: list[Heading], index: int, node: Trie, trie: Trie) -> int:
    """Where sub-headings of the heading at ``index`` are no longer sought."""
    level = outline[index].level
    if level is not None:
        return _region_end(outline, index, node)
    inside, known = _names(node), _names(trie)
    return next((i for i in range(index + 1, len(outline))
                 if any(matches(outline[i].title, name) for name in known - inside)),
                len(outline))


def _region_end(outline: list[Heading], index: int, node: Trie) -> int:
    """The index of the heading that ends the section at ``index`` (or len: the end)."""
    level = outline[index].level
    if level is not None:
        return next((i for i in range(index + 1, len(outline))
                     if (outline[i].level or 0) <= level), len(outline))
    inside = _names(node)
    return next((i for i in range(index + 1, len(outline))
                 if not any(matches(outline[i].title, name) for name in inside)),
                len(outline))
