"""Read YAML text into plain data without the traps of PyYAML's YAML 1.1.

- A plain scalar is resolved by YAML 1.2's core schema, and refused where YAML 1.1 reads it
  differently (``no`` is False there, ``1e6`` a string, ``010`` eight, ``1:30`` ninety): a scenario
  must mean the same to every reader. Quote text; write numbers as ``1000000`` or ``1.0e+6``.
- Anchors, aliases, merge keys and explicit tags are refused while composing, before anything
  can expand ("billion laughs"); so are duplicate keys and keys that are not text.
- Nesting and size are bounded, so a pathological document fails fast.

The result keeps the position of every key path, so later errors can name a line.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from nyttocalc.errors import clip, excerpt

KeyPath = tuple[str | int, ...]
MAX_DEPTH = 64
_TOO_DEEP = f"the document nests deeper than {MAX_DEPTH} levels"
MAX_NODES = 20_000  # a scenario has a few hundred; stop early instead of composing a million


@dataclass(frozen=True)
class YamlProblem(Exception):
    """The text is not a scenario document we will read; ``line`` is 1-based, or None."""

    message: str
    line: int | None
    path: KeyPath = ()


@dataclass(frozen=True)
class Document:
    data: Any
    lines: dict[KeyPath, int]  # key path → 1-based line of the key (or of the sequence item)
    first_line: int  # where the document's content starts


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_at(text: str, offset: int) -> int:
    """The 1-based line of ``offset`` in ``text``; CRLF, CR and LF each end a line."""
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def parse(text: str) -> Document:
    """Parse one YAML document into dicts, lists, str, int, float, bool and None."""
    source = None
    try:
        source = _EVENTS(text)  # the pure-Python reader checks the characters right here
        return _Builder(source).document()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a character that YAML does not allow
        char = getattr(exc, "character", None)
        shown = f"U+{char:04X}" if isinstance(char, int) else "a control character"
        raise YamlProblem(
            f"this is not valid YAML: it contains {shown}, which YAML does not allow (is this a "
            "binary file?)", line_at(text, exc.position)) from None
    finally:
        if source is not None:
            source.dispose()


def scalar(text: str) -> Any:
    """Read one value (as from ``--set PATH=VALUE``) exactly as it would be read in a file."""
    if not text.strip():
        raise YamlProblem("give a value after '='", None)
    value = parse(text).data
    if isinstance(value, dict | list):
        raise YamlProblem("give a single value, not a list or mapping", None)
    return value


# libyaml's parser where PyYAML was built with it (ten times faster); the same events otherwise.
_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Builder:
    """Builds plain data from the parser's events, refusing what a scenario may not contain.

    Working on events means nothing is composed before it is checked: an alias or an anchor is
    refused where it stands, and nesting and size are bounded as the document is read.
    """

    def __init__(self, source: Any) -> None:
        self._source = source
        self._lines: dict[KeyPath, int] = {}
        self._values = 0

    def document(self) -> Document:
        self._expect(StreamStartEvent)
        event = self._source.get_event()
        if isinstance(event, StreamEndEvent):
            raise YamlProblem("the document is empty", None)
        first_line = _line(self._source.peek_event().start_mark) or 1
        data = self._node(())
        self._expect(DocumentEndEvent)
        event = self._source.get_event()
        if not isinstance(event, StreamEndEvent):
            raise YamlProblem("a scenario is a single document, but a second one starts here "
                              "(after '---' or '...'); remove it", _line(event.start_mark))
        return Document(data, self._lines, first_line)

    def _expect(self, kind: type) -> None:
        event = self._source.get_event()
        assert isinstance(event, kind), event  # the parser guarantees the stream's shape

    def _node(self, path: KeyPath) -> Any:
        event = self._source.get_event()
        line = _line(event.start_mark)
        self._refuse_what_a_scenario_may_not_hold(event, line, path)
        if isinstance(event, ScalarEvent):
            return _scalar_value(event, line, path)
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(self._source.peek_event(), SequenceEndEvent):
                index = len(items)
                self._lines[(*path, index)] = _line(self._source.peek_event().start_mark) or 0
                items.append(self._node((*path, index)))
            self._source.get_event()
            return items
        assert isinstance(event, MappingStartEvent)
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        while not isinstance(self._source.peek_event(), MappingEndEvent):
            key, key_line = self._key(path)
            if key in first_seen:
                raise YamlProblem(f"the key {excerpt(key)} appears twice (lines "
                                  f"{first_seen[key]} and {key_line}); keep one", key_line,
                                  (*path, key))
            first_seen[key] = key_line
            self._lines[(*path, key)] = key_line
            result[key] = self._node((*path, key))
        self._source.get_event()
        return result

    def _key(self, path: KeyPath) -> tuple[str, int]:
        event = self._source.get_event()
        line = _line(event.start_mark) or 0
        self._refuse_what_a_scenario_may_not_hold(event, line, path)
        if not isinstance(event, ScalarEvent):
            raise YamlProblem("a key must be text, not a list or mapping", line, path)
        key = _scalar_value(event, line, path)
        if not isinstance(key, str):
            raise YamlProblem(f"the key {excerpt(event.value)} must be text; quote it", line, path)
        return key, line

    def _refuse_what_a_scenario_may_not_hold(self, event: Any, line: int | None,
                                             path: KeyPath) -> None:
        if isinstance(event, AliasEvent):
            raise YamlProblem("aliases (*name) are not allowed in a scenario: write the value "
                              "out", line, path)
        if event.anchor is not None:
            raise YamlProblem(f"anchors (&{clip(event.anchor)}) are not allowed in a scenario: "
                              "write the value out", line, path)
        if event.tag not in (None, "!") and not (isinstance(event, ScalarEvent)
                                                 and event.implicit[0]):
            raise YamlProblem(f"explicit tags ({clip(event.tag)}) are not allowed in a scenario",
                              line, path)
        if len(path) >= MAX_DEPTH:
            raise YamlProblem(_TOO_DEEP, line)
        self._values += 1
        if self._values > MAX_NODES:
            raise YamlProblem(f"the document has more than {MAX_NODES} values; a scenario "
                              "has a few hundred. Is this the right file?", line, path)


def _scalar_value(event: ScalarEvent, line: int | None, path: KeyPath) -> Any:
    """Quoted and block scalars are text; plain ones are resolved (and may be refused)."""
    if event.style not in (None, ""):
        return event.value
    return _resolve_plain(event.value, line, path)


def _line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """PyYAML's error, with the line where the broken construct starts (its context).

    A parser may give up on deep nesting itself, before the builder sees the 64th level
    (libyaml stops at 1000 and scans ahead in flow context); whatever its words, the nesting at
    the place it stopped decides, and the user reads the same message as from the builder.
    """
    mark = exc.problem_mark
    if mark is not None and _nesting_at(text, mark.index) >= MAX_DEPTH:
        return YamlProblem(_TOO_DEEP, _line(mark))
    problem = clip(exc.problem or "not valid YAML")
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return YamlProblem("a tab character: YAML indents with spaces, never tabs", _line(mark))
    if "mapping values are not allowed" in problem:
        problem += " (a colon inside a value? quote the value, or check the indentation)"
    context = clip(exc.context) if exc.context else None
    context_line, problem_line = _line(exc.context_mark), _line(mark)
    if context and context_line is not None and context_line != problem_line:
        return YamlProblem(f"this is not valid YAML: {context} here, {problem} "
                           f"(noticed at line {problem_line})", context_line)
    if context:
        problem = f"{context}, {problem}"
    return YamlProblem(f"this is not valid YAML: {problem}", problem_line or context_line)


def _nesting_at(text: str, end: int) -> int:
    """How deep the text is nested where a parser stopped: the flow collections (``[``, ``{``)
    still open before ``end``, outside quoted scalars and comments, plus the block sequence
    entries (``- ``) that open on that line."""
    depth = 0
    index = 0
    while index < end:
        char = text[index]
        starts_token = index == 0 or text[index - 1] in " \t\r\n[{,:"
        if char == "#" and (index == 0 or text[index - 1] in " \t\r\n"):
            index = _end_of(text, index, "\n", end)
        elif char in "'\"" and starts_token:
            index = _end_of_quoted(text, index, end)
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    line = text[:end].rsplit("\n", 1)[-1]
    return depth + len(re.findall(r"(?:^|\s)-(?=\s|$)", line))


def _end_of(text: str, index: int, char: str, end: int) -> int:
    found = text.find(char, index + 1, end)
    return end if found < 0 else found


def _end_of_quoted(text: str, index: int, end: int) -> int:
    """The index of the quote that closes the scalar opened at ``index`` (``''`` and ``\\"``
    are escapes), or ``end``."""
    quote = text[index]
    index += 1
    while index < end:
        if text[index] == "\\" and quote == '"':
            index += 2
            continue
        if text[index] == quote:
            if quote == "'" and text[index + 1: index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return end


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_YAML11 = yaml.SafeLoader("")


def _resolve_12(text: str) -> Any:
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _resolve_11(text: str) -> Any:
    tag = _YAML11.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag == "tag:yaml.org,2002:merge":
        return _Merge
    if tag == "tag:yaml.org,2002:value":  # the 1.1 "default value" key "=", read as text
        return text
    try:
        return _YAML11.construct_object(ScalarNode(tag, text), deep=True)
    except (ValueError, OverflowError):  # "2019-02-30" looks like a 1.1 date but is none
        return _Invalid11(tag.rsplit(":", 1)[-1])


@dataclass(frozen=True)
class _Invalid11:
    """What YAML 1.1 makes of text that matches one of its types but is not valid as it."""

    kind: str

    def __str__(self) -> str:
        return f"an invalid {self.kind}"


class _Merge:
    """YAML 1.1's merge key ``<<``, which a scenario may not use."""


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


MAX_NUMBER_DIGITS = 100


def _resolve_plain(text: str, line: int | None, path: KeyPath) -> Any:
    too_long, modern, legacy = _readings(text)
    if too_long:
        raise YamlProblem(f"a number of {len(text)} characters is not a figure anyone means; "
                          "write it as plain digits (at most a few dozen)", line, path)
    if legacy is _Merge:
        raise YamlProblem("merge keys (<<) are not allowed in a scenario", line, path)
    if not _same(modern, legacy):
        raise YamlProblem(
            f"{excerpt(text)} is ambiguous: YAML 1.2 reads it as {_describe(modern)} but YAML 1.1 "
            f"(PyYAML, many editors) as {_describe(legacy)}; {_advice(modern, legacy)}",
            line, path)
    return modern


@functools.lru_cache(maxsize=4096)
def _readings(text: str) -> tuple[bool, Any, Any]:
    """Whether a plain scalar is a number too long to mean, and how YAML 1.2 and 1.1 read it;
    each text once (a scenario repeats its keys and units hundreds of times)."""
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS and _looks_numeric(text):
        return True, None, None
    return False, _resolve_12(text), _resolve_11(text)


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+0-9._:eEoxXa-fA-F]+", text))


def _describe(value: Any) -> str:
    if isinstance(value, _Invalid11):
        return str(value)
    if isinstance(value, str):
        return f"the text {excerpt(value)}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "null"
    return f"the {type(value).__name__} {value}"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _advice(modern: Any, legacy: Any) -> str:
    if _is_number(modern) or _is_number(legacy):
        return ("write numbers as plain digits, without leading zeros or separators, and an "
                "exponent with a point and a sign: 1000000 or 1.0e+6; quote it if it is text")
    return "put text in quotes, and write a yes/no as true or false"
