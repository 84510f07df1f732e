"""Read YAML text into plain data without the traps of PyYAML's YAML 1.1.

- A plain scalar is resolved by YAML 1.2's core schema, and refused where YAML 1.1 reads it
  differently (``no`` is False there, ``1e6`` a string, ``010`` eight, ``1:30`` ninety): a scenario
  must mean the same to every reader. Quote text; write numbers as ``1000000`` or ``1.0e+6``.
- Anchors, aliases, merge keys and explicit tags are refused while composing, before anything
  can expand ("billion laughs"); so are duplicate keys and keys that are not text.
- Nesting is bounded, so a pathological document fails fast instead of exhausting the stack.

The result keeps the position of every key path, so later errors can name a line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]
MAX_DEPTH = 64
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
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc) from None
    except yaml.reader.ReaderError as exc:  # a character that YAML does not allow
        line = line_at(text, exc.position)
        char = exc.character
        shown = f"U+{char:04X}" if isinstance(char, int) else f"byte {char!r}"
        raise YamlProblem(
            f"this is not valid YAML: it contains the character {shown}, which YAML does not "
            "allow (is this a binary file?)", line) from None
    if node is None:
        raise YamlProblem("the document is empty", None)
    lines: dict[KeyPath, int] = {}
    return Document(_construct(node, (), lines), lines, _line(node.start_mark) or 1)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    """PyYAML's error, with the line where the broken construct starts (its context)."""
    problem = exc.problem or "not valid YAML"
    if "'\\t'" in problem or "\t" in problem:
        return YamlProblem("a tab character: YAML indents with spaces, never tabs",
                           _line(exc.problem_mark))
    if exc.context and exc.context.startswith("expected a single document"):
        return YamlProblem("a scenario is a single document, but a second one starts here "
                           "(after '---' or '...'); remove it", _line(exc.problem_mark))
    if "mapping values are not allowed" in problem:
        problem += " (a colon inside a value? quote the value, or check the indentation)"
    context_line, problem_line = _line(exc.context_mark), _line(exc.problem_mark)
    if exc.context and context_line is not None and context_line != problem_line:
        return YamlProblem(f"this is not valid YAML: {exc.context} here, {problem} "
                           f"(noticed at line {problem_line})", context_line)
    if exc.context:
        problem = f"{exc.context}, {problem}"
    return YamlProblem(f"this is not valid YAML: {problem}", problem_line or context_line)


def scalar(text: str) -> Any:
    """Read one value (as from ``--set PATH=VALUE``) exactly as it would be read in a file."""
    if not text.strip():
        raise YamlProblem("give a value after '='", None)
    value = parse(text).data
    if isinstance(value, dict | list):
        raise YamlProblem("give a single value, not a list or mapping", None)
    return value


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes only what a scenario may contain."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._path: list[str | int] = []  # the key path of the node being composed
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = _line(event.start_mark)
        # PyYAML passes a mapping value's key node as ``index``, a list item's position as int.
        if isinstance(index, ScalarNode):
            self._path.append(str(index.value))
        elif isinstance(index, int) and isinstance(parent, SequenceNode):
            self._path.append(index)
        else:
            self._path.append("")  # a key itself, or the root: no path segment of its own
        path = tuple(p for p in self._path if p != "")
        try:
            if isinstance(event, AliasEvent):
                raise YamlProblem("aliases (*name) are not allowed in a scenario: write the "
                                  "value out", line, path)
            if isinstance(event, ScalarEvent | CollectionStartEvent):
                if event.anchor is not None:
                    raise YamlProblem(f"anchors (&{event.anchor}) are not allowed in a scenario: "
                                      "write the value out", line, path)
                if event.tag not in (None, "!"):
                    raise YamlProblem(f"explicit tags ({event.tag}) are not allowed in a "
                                      "scenario", line, path)
            if len(self._path) > MAX_DEPTH:
                raise YamlProblem(f"the document nests deeper than {MAX_DEPTH} levels", line)
            self._nodes += 1
            if self._nodes > MAX_NODES:
                raise YamlProblem(f"the document has more than {MAX_NODES} values; a scenario "
                                  "has a few hundred. Is this the right file?", line, path)
            return super().compose_node(parent, index)
        finally:
            self._path.pop()


def _line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def _construct(node: Node, path: KeyPath, lines: dict[KeyPath, int]) -> Any:
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = _line(key_node.start_mark) or 0
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("a key must be text, not a list or mapping", line, path)
            key = key_node.value if key_node.style else _resolve_plain(key_node.value, line, path)
            if not isinstance(key, str):
                raise YamlProblem(f"the key {key_node.value!r} must be text; quote it", line, path)
            if key in first_seen:
                raise YamlProblem(
                    f"the key {key!r} appears twice (lines {first_seen[key]} and {line}); "
                    "keep one", line, (*path, key))
            first_seen[key] = line
            lines[(*path, key)] = line
            result[key] = _construct(value_node, (*path, key), lines)
        return result
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = _line(item.start_mark) or 0
            items.append(_construct(item, (*path, index), lines))
        return items
    assert isinstance(node, ScalarNode)
    if node.style:  # quoted or block scalar: always text
        return node.value
    return _resolve_plain(node.value, _line(node.start_mark), path)


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
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS and _looks_numeric(text):
        raise YamlProblem(f"a number of {len(text)} characters is not a figure anyone means; "
                          "write it as plain digits (at most a few dozen)", line, path)
    modern = _resolve_12(text)
    legacy = _resolve_11(text)
    if legacy is _Merge:
        raise YamlProblem("merge keys (<<) are not allowed in a scenario", line, path)
    if not _same(modern, legacy):
        raise YamlProblem(
            f"{text!r} is ambiguous: YAML 1.2 reads it as {_describe(modern)} but YAML 1.1 "
            f"(PyYAML, many editors) as {_describe(legacy)}; {_advice(modern, legacy)}",
            line, path)
    return modern


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+0-9._:eEoxXa-fA-F]+", text))


def _describe(value: Any) -> str:
    if isinstance(value, _Invalid11):
        return str(value)
    if isinstance(value, str):
        return f"the text {value!r}"
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
