"""Key paths: ``inputs.municipal_funding.value``, ``analysis.subsidy_rates.value.1``.

A path names a place in the scenario document by its keys, with list items by index. Where a path
passes through a parameter (a mapping with a ``value``), ``.value`` may be left out:
``inputs.municipal_funding`` and ``analysis.subsidy_rates.1`` say the same as the long forms.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nyttocalc.errors import clip
from nyttocalc.scenario.yamlsafe import KeyPath, YamlProblem, scalar

_INDEX = re.compile(r"[0-9]+")  # ASCII digits only: "²".isdigit() is true, int("²") fails


def did_you_mean(given: str, known: Iterable[object]) -> str:
    """`` (did you mean 'description'?)`` for a near miss, else nothing."""
    close = difflib.get_close_matches(given, [str(k) for k in known], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def dotted(path: KeyPath) -> str:
    """The key path as a message shows it; a key too long to show whole is shortened."""
    return ".".join(clip(str(part)) for part in path) or "(the document)"


@dataclass(frozen=True)
class Override:
    """One ``--set PATH=VALUE``: the resolved path and the text the user gave."""

    path: KeyPath
    given: str


class KeyPathError(Exception):
    """A key path that names nothing; ``given`` is the whole ``PATH=VALUE``, set by ``apply``."""

    def __init__(self, message: str, given: str = "") -> None:
        super().__init__(message)
        self.given = given
        self.message = message


def resolve(data: Any, path_text: str) -> KeyPath:
    """The full path of the scalar that ``path_text`` names in ``data``."""
    parts = path_text.split(".")
    if not path_text or any(not p for p in parts):
        raise KeyPathError("a key path is keys joined by dots, e.g. "
                           "inputs.municipal_funding.value")
    node, path = data, ()  # type: tuple[Any, KeyPath]
    try:
        for part in parts:
            if (isinstance(node, dict) and part not in node
                    and isinstance(node.get("value"), list | dict)):
                node, path = node["value"], (*path, "value")  # analysis.subsidy_rates.1
            node, path = _step(node, path, part)
    except KeyPathError as exc:
        if "did you mean" in exc.message:  # a near miss at the key itself says enough
            raise
        raise KeyPathError(exc.message + _elsewhere(data, path_text)) from None
    if isinstance(node, dict) and "value" in node:
        node, path = node["value"], (*path, "value")
    if isinstance(node, dict | list):
        kind = "a mapping" if isinstance(node, dict) else "a list"
        example = dotted((*path, _first(node)))
        raise KeyPathError(f"{dotted(path)} is {kind}, not a single value; "
                           f"name one of its items, e.g. {example}")
    return path


def _elsewhere(data: Any, given: str) -> str:
    """``; did you mean analysis.subsidy_rates.0 or …`` where the scenario has a number whose
    key path, or whose name, is close to what was given; else nothing. The inputs, cohort and
    analysis come first: they hold what a run sets."""
    sections = {k: v for k, v in data.items() if k in _PARAMETER_SECTIONS} if isinstance(
        data, dict) else {}
    leaves = list(_numbers(sections or data, ()))
    paths = [path for path, _ in leaves]
    close = set(difflib.get_close_matches(given, paths, n=3, cutoff=0.8))
    if not close:
        wanted = [p for p in given.split(".") if p != "value" and not _INDEX.fullmatch(p)]
        word = wanted[-1] if wanted else given
        names = {name for _, name in leaves}
        similar = set(difflib.get_close_matches(word, names, n=1, cutoff=0.8))
        similar |= {name for name in names if word in name.split("_")}
        close = {path for path, name in leaves if name in similar}
    if not close:
        return ""
    ordered = [path for path in paths if path in close][:4]
    counted = any(_INDEX.fullmatch(path.rsplit(".", 1)[-1]) for path in ordered)
    return (f"; did you mean {' or '.join(ordered)}?"
            + (" (a list's items are numbered from 0)" if counted else ""))


_PARAMETER_SECTIONS = ("inputs", "cohort", "analysis")


def _numbers(node: Any, path: KeyPath) -> Iterable[tuple[str, str]]:
    """(short key path, name) of every number in the document: the name is the last key
    (of a list, the list's key)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _numbers(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _numbers(value, (*path, index))
    elif isinstance(node, int | float) and not isinstance(node, bool):
        short = [part for part in path if part != "value"]
        name = next((str(p) for p in reversed(short) if isinstance(p, str)), "")
        yield ".".join(map(str, short)), name


def _first(node: dict[str, Any] | list[Any]) -> str | int:
    return next(iter(node)) if isinstance(node, dict) and node else 0


def _step(node: Any, path: KeyPath, part: str) -> tuple[Any, KeyPath]:
    if isinstance(node, dict):
        if part in node:
            return node[part], (*path, part)
        known = ", ".join(sorted(node)) or "none"
        raise KeyPathError(f"{dotted(path)} has no key {part!r}{did_you_mean(part, node)}; "
                           f"its keys are: {known}")
    if isinstance(node, list):
        if _INDEX.fullmatch(part) and int(part) < len(node):
            return node[int(part)], (*path, int(part))
        raise KeyPathError(f"{dotted(path)} is a list of {len(node)} items; "
                           f"{part!r} is not an index from 0 to {len(node) - 1}")
    raise KeyPathError(f"{dotted(path)} is a single value; it has no key {part!r}")


def apply(data: Any, assignments: list[str]) -> tuple[Any, list[Override]]:
    """A copy of ``data`` with each ``PATH=VALUE`` applied; the value is read as in a file."""
    if not assignments:
        return data, []
    result = copy.deepcopy(data)
    overrides: list[Override] = []
    for assignment in assignments:
        path_text, sep, value_text = assignment.partition("=")
        if not sep:
            raise KeyPathError("expected PATH=VALUE, e.g. inputs.municipal_funding.value=1500000",
                               assignment)
        try:
            path = resolve(result, path_text.strip())
        except KeyPathError as exc:
            raise KeyPathError(exc.message, assignment) from None
        earlier = next((o.given for o in overrides if o.path == path), None)
        if earlier is not None:  # the last would win, and the header would list both
            raise KeyPathError(f"{dotted(path)} is already set by --set {earlier}; set each "
                               "number once", assignment)
        try:
            value = scalar(value_text.strip())
        except YamlProblem as exc:
            raise KeyPathError(exc.message, assignment) from None
        parent = result
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = value
        overrides.append(Override(path, assignment))
    return result, overrides
