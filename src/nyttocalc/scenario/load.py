"""Load a scenario file: read, parse, apply ``--set`` overrides, validate, check references.

Every failure becomes a ``ScenarioError``: one paragraph naming the file, the line, the key path
and what was expected.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Tag, ValidationError

from nyttocalc import bundled
from nyttocalc.core.claims import Claim
from nyttocalc.core.model import Model
from nyttocalc.core.uncertainty import Uncertainty
from nyttocalc.errors import NyttocalcError, excerpt
from nyttocalc.files import FileProblem, read_regular, real_path, shown_name
from nyttocalc.run import (
    Assumption,
    Bounds,
    Citation,
    ClaimSource,
    InputInfo,
    RunInfo,
    Said,
    SourceInfo,
)
from nyttocalc.scenario import gaps, keypath, usage, uses, values, yamlsafe
from nyttocalc.scenario.convert import count_path, to_claims, to_model, unit
from nyttocalc.scenario.paths import PathRefused, Reach, reach_of, resolve_allowed
from nyttocalc.scenario.references import check_references
from nyttocalc.scenario.schema import (
    OPTIONAL_PARAMETERS,
    AnyScenario,
    Audit,
    ComputedInput,
    MissingFigure,
    Parameter,
    ParameterFile,
    Scenario,
    Words,
    default_parameter,
    is_audit,
)
from nyttocalc.scenario.texts import said, short_name
from nyttocalc.scenario.yamlsafe import KeyPath

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 5


@dataclass(frozen=True)
class Problem:
    path: KeyPath
    message: str
    line: int | None = None
    related: KeyPath = ()  # another place the problem is about (the input a reference names)


class ScenarioError(NyttocalcError):
    """A scenario that cannot be used; ``str()`` is the one-paragraph message."""


class MissingFile(ScenarioError):
    """The file named is not there."""


FileKind = Literal["scenario", "parameter"]


@dataclass(frozen=True)
class LoadedScenario:
    name: str  # the file as the user named it
    scenario: AnyScenario
    model: Model
    claims: tuple[Claim, ...]
    overrides: tuple[keypath.Override, ...]
    reach: Reach  # where the files it names may be
    uncertainty: Uncertainty | None = None  # the simulation section, where there is one
    lines: Mapping[KeyPath, int] = field(default_factory=dict)  # key path → line in the file
    warnings: tuple[str, ...] = ()  # what is allowed but likely a mistake (an unused input)
    # Figures of its parameter sets that the scenario does not use: their assumptions are not
    # the scenario's (a set offers more figures than any one scenario needs).
    unused_shared: frozenset[str] = frozenset()

    @property
    def claims_only(self) -> bool:
        """A claims-only audit: no perspectives or ledger, nothing but `check` to run."""
        return isinstance(self.scenario, Audit)


def load(path: Path, overrides: Sequence[str] = (), allow: Sequence[str] = ()
         ) -> LoadedScenario:
    """The scenario at ``path`` with its ``--set`` overrides; ``allow`` are the folders given
    with ``--allow-path``, where the files the scenario names may also be (see ``paths``)."""
    name = str(path)
    reach = reach_of(path, allow)
    document = _document(name, read_text(path), "scenario")
    data, missing = _with_parameter_files(name, path, document.data, document.lines, reach)
    try:
        data, applied = keypath.apply(_with_optional_set(data, overrides), list(overrides))
    except keypath.KeyPathError as exc:
        raise ScenarioError(f"{name}, --set {exc.given}: {exc.message}.") from None
    gaps.refuse_unfilled(name, data, document.lines)
    schema: type[Scenario] | type[Audit] = Audit if is_audit(data) else Scenario
    try:
        scenario = schema.model_validate(_without_stale_printed(data, applied))
    except ValidationError as exc:
        problems = [_problem(error, data, schema) for error in exc.errors()]
        raise _error(name, problems, document.lines, applied) from None
    gaps.refuse_missing(name, scenario, missing, document.lines)
    problems = [Problem(path, message, related=related)
                for path, message, related in check_references(scenario)]
    uncertain = None
    if not problems and scenario.simulation is not None:
        try:
            uncertain = values.uncertainty(scenario)
        except values.PlaceError as exc:
            problems.append(Problem(exc.path, exc.message))
    if problems:
        raise _error(name, problems, document.lines, applied)
    model = to_model(scenario)
    given = document.data.get("inputs")
    own = set(given) if isinstance(given, dict) else set()
    used = usage.used(scenario)
    return LoadedScenario(name, scenario, model, to_claims(scenario, model), tuple(applied),
                          reach, uncertain, document.lines,
                          () if isinstance(scenario, Audit)  # an audit's inputs are what
                          # the report prints, some only as context
                          else _unused(name, scenario, own, document.lines),
                          frozenset(n for n in scenario.inputs if n not in own | used))


def _unused(name: str, scenario: Scenario | Audit, own: set[str],
            lines: Mapping[KeyPath, int]) -> tuple[str, ...]:
    """A warning for each of the scenario's own inputs that no figure uses."""
    return tuple(
        f"{name}, line {lines.get(('inputs', key), '?')}, inputs.{key}: no figure, formula, "
        "claim or simulation uses this input, so it changes nothing; name it where it counts "
        f"{usage.where_to_use(scenario, key)}, or remove it"
        for key in usage.unused(scenario, own))


# The key each kind of file starts with, and how it is described to a user who gave the other.
_MARKS = {"scenario": "nyttocalc", "parameter": "nyttocalc-parameters"}
_KEYS = {"scenario": "a scenario is a mapping of keys (nyttocalc, title, sources, inputs, …)",
         "parameter": "a parameter file is a mapping of keys (nyttocalc-parameters, title, "
                      "sources, inputs)"}


def _document(name: str, text: str, kind: FileKind) -> yamlsafe.Document:
    """The parsed file, if it is a mapping and not the other kind of file (a scenario given as
    a parameter file, or the reverse); a foreign file is refused without quoting it."""
    try:
        document = yamlsafe.parse(text)
    except yamlsafe.YamlProblem as exc:
        raise _error(name, [Problem(exc.path, exc.message, exc.line)], {}, []) from None
    data = document.data
    if not isinstance(data, dict):
        shape = "a list" if isinstance(data, list) else "a single value"
        raise _error(name, [Problem((), f"the document is {shape}; {_KEYS[kind]}",
                                    document.first_line)], {}, [])
    mark = _MARKS[kind]
    other: FileKind = "parameter" if kind == "scenario" else "scenario"
    if mark in data:
        return document
    if _MARKS[other] in data:
        if kind == "scenario":
            raise ScenarioError(f"{name} is a parameter file, not a scenario: name it in a "
                                "scenario's `uses` (e.g. uses: [../parameters/se-2019.yaml]).")
        raise ScenarioError(f"{name} is a scenario, not a parameter file: `uses` names "
                            f"parameter files, which start with `{mark}: 1`.")
    if kind == "parameter" and not difflib.get_close_matches(mark, [str(k) for k in data]):
        raise ScenarioError(f"{name} is not a parameter file: it has no key {mark!r}; a "
                            f"parameter file starts with `{mark}: 1`.")
    return document  # a misspelt mark: validation says "did you mean"


def _with_parameter_files(name: str, path: Path, data: dict[str, Any],
                          lines: Mapping[KeyPath, int], reach: Reach
                          ) -> tuple[dict[str, Any], dict[str, gaps.Missing]]:
    """The document with the sources and inputs of each parameter file it `uses` added (and a
    municipality's local tax rates where an entry names one), each file read and validated on
    its own (its errors name it); a key that two of them give is an error. Also the figures
    the files list as missing, by name.

    A parameter file uses nothing itself (it has no `uses`), so files cannot use each other
    in a cycle; a scenario that names itself, or another scenario, is told so."""
    entries = uses.entries(data.get("uses"))
    if not entries:
        return data, {}  # absent, or wrong: the scenario's validation says what it expects
    merged = {**data, "sources": dict(data.get("sources") or {}),
              "inputs": dict(data.get("inputs") or {})}
    given_by = {(section, key): "here" for section in ("sources", "inputs")
                if isinstance(merged[section], dict) for key in merged[section]}
    missing: dict[str, gaps.Missing] = {}
    itself = real_path(path)
    named: dict[Path, int] = {}
    for entry in entries:
        where = f"{name}, line {lines.get(('uses', entry.index), '?')}, uses.{entry.index}"
        file = _parameter_path(entry.parameters, reach, where)
        real = real_path(file)
        if real == itself:
            raise ScenarioError(f"{where}: {shown_name(entry.parameters)} is this scenario file "
                                "itself; `uses` names parameter files, which start with "
                                "`nyttocalc-parameters: 1`.")
        if real in named:
            raise ScenarioError(f"{where}: {shown_name(entry.parameters)} is the file "
                                f"uses.{named[real]} names already; name each parameter file "
                                "once.")
        named[real] = entry.index
        parameters = _parameter_file(file, entry.parameters, where, reach)
        added = {"sources": parameters["sources"], "inputs": parameters["inputs"]}
        if entry.municipality is not None:
            local = uses.local_tax(parameters, entry, where)
            added = {section: {**added[section], **local[section]} for section in added}
        origin = uses.described(entry)
        for section, items in added.items():
            if not isinstance(merged[section], dict):
                continue
            for key, value in items.items():
                if (section, key) in given_by:
                    first = given_by[(section, key)]
                    raise ScenarioError(
                        f"{name}: {section}.{key} is given both {first} and by {origin}; keep "
                        "one (the scenario's own value can be set with --set).")
                given_by[(section, key)] = f"by {origin}"
                merged[section][key] = (_in_language(value, parameters.get("language", "en"))
                                        if section == "inputs" else value)
        for key, item in parameters.get("missing", {}).items():
            missing.setdefault(key, gaps.Missing(
                entry.parameters, item["unit"], MissingFigure.model_validate(item).reason()))
    return merged, missing


def _in_language(item: Any, lang: str) -> Any:
    """A parameter file's input with its plain texts marked as in the file's language, which
    need not be the scenario's."""
    if not isinstance(item, dict):
        return item
    return {key: {lang: value} if key in _TEXTS and isinstance(value, str) else value
            for key, value in item.items()}


_TEXTS = ("label", "description", "assumption")


def _parameter_path(given: str, reach: Reach, where: str) -> Path:
    """The file a `uses` entry names: a bundled parameter set by its name, or a path (a name
    that is no bundled set but a file beside the scenario is that file)."""
    if bundled.is_name(given):
        found = bundled.parameter_set(given)
        if found is None and not _exists(reach.scenario_folder / given):
            sets = bundled.parameter_set_names()
            raise ScenarioError(
                f"{where}: {excerpt(given)} is not a parameter set that comes with nyttocalc"
                f"{bundled.closest(given, sets)}; the sets: {', '.join(sets)} (`nyttocalc "
                "parameters` lists them). A parameter file of your own is named by its path, "
                "ending in .yaml.")
        if found is not None:
            return found
    try:
        return resolve_allowed(given, reach, "parameter")
    except PathRefused as exc:
        raise ScenarioError(f"{where}: {exc}.") from None
    except FileProblem as exc:
        raise ScenarioError(f"{where}: {shown_name(given)}{exc.reason}; {_GIVE['parameter']}."
                            ) from None


def _exists(path: Path) -> bool:
    """Whether there is anything at ``path`` (a link too); a name no file can have is left
    to the path's own checks to explain."""
    try:
        return os.path.lexists(path)
    except (ValueError, OSError):
        return True


def _parameter_file(file: Path, given: str, where: str, reach: Reach) -> dict[str, Any]:
    """A parameter file's data, validated; a problem names the file (and the scenario's line
    that uses it)."""
    name = shown_name(given)
    try:
        text = read_text(file, "parameter", name)
    except MissingFile:
        relative = "" if Path(given).is_absolute() else (
            f" (that is {shown_name(real_path(file))}: a path in `uses` is relative to the "
            f"folder of the scenario file, {shown_name(reach.own)})")
        raise ScenarioError(
            f"{where}: {name}: no such parameter file{relative}; give the path of "
            "a parameter file, such as ../parameters/se-2019.yaml from a scenario in "
            "scenarios/.") from None
    except ScenarioError as exc:
        raise ScenarioError(f"{where}: {exc}") from None
    try:
        document = _document(name, text, "parameter")
        ParameterFile.model_validate(document.data)
    except ScenarioError as exc:
        raise ScenarioError(f"{where}: {exc}") from None
    except ValidationError as exc:
        problems = [_problem(error, document.data, ParameterFile) for error in exc.errors()]
        raise ScenarioError(f"{where}: {_error(name, problems, document.lines, [])}") from None
    data: dict[str, Any] = document.data
    return data


def _without_stale_printed(data: dict[str, Any],
                           applied: list[keypath.Override]) -> dict[str, Any]:
    """The document without the `printed` text (and its `scale`) of a number that a --set
    replaced: the report printed the old value, not this one."""
    for override in applied:
        if override.path[-1:] != ("value",):
            continue
        parent: Any = data
        for key in override.path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and "printed" in parent:
            parent.pop("printed")
            parent.pop("scale", None)
    return data


def _with_optional_set(data: dict[str, Any], overrides: Sequence[str]) -> dict[str, Any]:
    """The document with each optional parameter that a --set names and the file leaves out
    (``analysis.discount_rate``) written in at its default, so the --set has a place to go."""
    missing = set()
    for override in overrides:
        section, _, rest = override.partition("=")[0].strip().partition(".")
        name = rest.partition(".")[0]
        if ((section, name) in OPTIONAL_PARAMETERS and isinstance(data.get(section), dict)
                and name not in data[section]):
            missing.add((section, name))
    if not missing:
        return data
    data = {**data}
    for section, name in missing:
        data[section] = {**data[section], name: default_parameter(section, name)}
    return data


_GIVE = {
    "scenario": "give the path of a scenario file (a .yaml file such as scenarios/liva.yaml)",
    "parameter": "give the path of a parameter file (a .yaml file such as "
                 "parameters/se-2019.yaml)",
}


def read_text(path: Path, kind: FileKind = "scenario", name: str | None = None) -> str:
    """The file's text, refusing what is not a reasonably sized UTF-8 file; ``kind`` is what
    the file should be (a scenario or a parameter file), for the advice; ``name`` how the
    message names the file (by default its path)."""
    name = name or shown_name(path)
    give = _GIVE[kind]
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileProblem as exc:
        raise (MissingFile if exc.missing else ScenarioError)(
            f"{name}{exc.reason}; {give}.") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; a "
                            "scenario file is a few kilobytes of YAML. Is this the right file?")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = yamlsafe.line_at(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        raise ScenarioError(
            f"{name}, line {line}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} at "
            f"offset {exc.start}); save it as UTF-8.") from None


def _error(name: str, problems: list[Problem], lines: dict[KeyPath, int],
           overrides: list[keypath.Override]) -> ScenarioError:
    placed = sorted((_place(p, lines, overrides) for p in problems),
                    key=lambda item: (item[0] is None, item[0] or 0))
    texts = [_sentence(line, where, message) for line, where, message in placed]
    if len(texts) == 1:
        return ScenarioError(f"{name}, {texts[0]}.")
    shown = texts[:MAX_PROBLEMS_SHOWN]
    more = len(texts) - len(shown)
    tail = f"; and {more} more" if more else ""
    listed = "; ".join(f"({i}) {text}" for i, text in enumerate(shown, 1))
    return ScenarioError(f"{name} has {len(texts)} problems: {listed}{tail}.")


def _place(problem: Problem, lines: dict[KeyPath, int],
           overrides: list[keypath.Override]) -> tuple[int | None, str, str]:
    for override in overrides:
        for path in (problem.path, problem.related):
            shorter = min(len(path), len(override.path))
            if shorter and path[:shorter] == override.path[:shorter]:
                elsewhere = path is problem.related
                where = keypath.dotted(problem.path)
                place = f"--set {override.given}" + (f" (at {where})" if elsewhere else "")
                return None, place, problem.message
    line = problem.line
    if line is None:
        for end in range(len(problem.path), -1, -1):
            if problem.path[:end] in lines:
                line = lines[problem.path[:end]]
                break
    return line, keypath.dotted(problem.path), problem.message


def _sentence(line: int | None, where: str, message: str) -> str:
    """``line 14, inputs.x.value: message``; without a key path ``line 14: message``."""
    place = [f"line {line}"] if line is not None else []
    if where != "(the document)":
        place.append(where)
    return f"{', '.join(place)}: {message}" if place else message


# ---- pydantic errors → problems ---------------------------------------------------------------

def _problem(error: Any, data: Any, root: type[BaseModel]) -> Problem:
    """A pydantic error as a problem at its key path in the document; ``root`` is the model
    the document was validated against (a scenario, an audit, a parameter file)."""
    loc: tuple[str | int, ...] = tuple(error["loc"])
    path = _data_path(loc, data)
    if error["type"] == "union_tag_not_found":
        typo = _typo_for("unit", error.get("input"))
        if typo is not None:
            return Problem((*path, typo), f"{excerpt(typo)} is not a known key here (did you mean "
                                          "'unit'?); the unit says what kind of input this is "
                                          "(SEK, SEK/person-year, SEK/month or share)")
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        path = (*path, "unit")
    return Problem(path, _message(error, loc, path, root))


def _typo_for(key: str, mapping: Any) -> str | None:
    """A key of ``mapping`` that looks like a misspelt ``key``, if there is one."""
    if not isinstance(mapping, dict):
        return None
    close = difflib.get_close_matches(key, [str(k) for k in mapping if k != key], n=1)
    return close[0] if close else None


def _data_path(loc: tuple[str | int, ...], data: Any) -> KeyPath:
    """The key path in the document; drops what pydantic adds to ``loc`` that is not a key:
    a discriminated union's tag (the input's unit) and ``[key]`` for a bad mapping key."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        is_last = index == len(loc) - 1
        if part == "[key]" or (isinstance(node, dict) and node.get("unit") == part
                               and part not in node):
            continue
        if part == "formula" and loc[index + 1: index + 2] == ("formula",):
            continue  # the computed input's union tag, before its key `formula`
        if (isinstance(node, dict) and part in node and not is_last
                and not isinstance(node[part], dict | list)):
            continue  # a flow's kind: the union's tag, and a key whose value holds nothing
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_mapping or in_list:
            node = node[part]
            path.append(part)
        elif is_last or isinstance(part, int):
            path.append(part)  # a missing key, or an index beyond a list
        # otherwise: a discriminated union's tag, which is not in the document
    return tuple(path)


_PATTERNS = {
    r"^[a-z][a-z0-9_]*$": "use lowercase letters, digits and underscores, starting with a letter",
    r"^[a-z0-9][a-z0-9_-]*$": "use lowercase letters, digits, '_' and '-'",
}
_BOUNDS = {
    "greater_than": (">", "gt"),
    "greater_than_equal": ("≥", "ge"),
    "less_than": ("<", "lt"),
    "less_than_equal": ("≤", "le"),
}
_NUMBER_ERRORS = {"float_type", "int_type", "int_parsing", "float_parsing", "finite_number"}


def _message(error: Any, loc: tuple[str | int, ...], path: KeyPath,
             root: type[BaseModel]) -> str:
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"the key {loc[-1]!r} is missing; it is required here"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], root)
        also = keypath.did_you_mean(str(loc[-1]), allowed)
        known = ", ".join(allowed) if allowed else "none"
        if root is ParameterFile and loc == ("uses",):
            also = " (a parameter file uses no other file: only a scenario has `uses`)"
        return f"{excerpt(loc[-1])} is not a known key here{also}; expected one of: {known}"
    if kind == "union_tag_invalid":
        # A computed input is told apart by its `formula`, not by a unit: not a unit to offer.
        tags = [t for t in str(ctx.get("expected_tags")).split(", ") if t != "'formula'"]
        close = keypath.did_you_mean(str(ctx.get("tag")), [t.strip("'") for t in tags])
        return (f"the unit {excerpt(ctx.get('tag'))} is not one this place takes{close}; "
                f"expected one of: {', '.join(tags)}")
    if kind == "union_tag_not_found":
        return ("the key 'unit' is missing; it says what kind of input this is "
                "(SEK, SEK/person-year, SEK/month or share)")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        advice = _PATTERNS.get(pattern, "see " + pattern)
        return f"{excerpt(given)} is not a valid name here: {advice}"
    if kind == "too_short" and isinstance(given, dict | list):
        return "expected at least one entry, got none"
    if kind in _NUMBER_ERRORS and given is None:
        return "expected a number, got nothing (the value is empty)"
    bound = _BOUNDS.get(kind)
    if bound is not None:
        limit = ctx.get(bound[1])
        return f"expected a number {bound[0]} {limit}, got {excerpt(given)}"
    if kind == "int_type" and isinstance(given, float):
        return f"expected a whole number, got {excerpt(given)}"
    if kind in _NUMBER_ERRORS and isinstance(given, str):
        return f"expected a number, got the text {excerpt(given)}{_number_hint(given)}"
    if kind in _NUMBER_ERRORS and isinstance(given, bool):
        return f"expected a number, got the boolean {str(given).lower()}"
    text = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        text = text.removeprefix(prefix)
    text = text.replace("Input should be", "expected").replace("input should be", "expected")
    text = text[0].lower() + text[1:] if text else text
    if given is not None and not isinstance(given, dict | list) and kind != "value_error":
        text += f", got {excerpt(given)}"
    elif isinstance(given, list | dict) and kind.endswith("_type"):
        text += f", got {'a list' if isinstance(given, list) else 'a mapping'}"
    return text


def _number_hint(text: str) -> str:
    """Advice for text that a person meant as a number; only what is true of this text."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    if compact.endswith("%") and _is_number(compact[:-1].replace(",", ".")):
        return "; write a share as a fraction, e.g. 0.8 for 80 %"
    if re.search(r"(mkr|kr|sek)$", compact, re.IGNORECASE):
        return "; write an amount as a plain number of kronor, e.g. 1200000 for 1,2 mkr"
    if "," in compact and _is_number(compact.replace(",", ".", 1)):
        return "; write the decimal separator as a point, e.g. 2.75"
    if compact != text and _is_number(compact):
        return "; write it without spaces, e.g. 1000000"
    return ""


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _allowed_keys(loc: tuple[str | int, ...], root: type[BaseModel]) -> list[str]:
    """The keys a mapping at ``loc`` may have, found by walking the schema's types from
    ``root``; each as a file writes it (``from``, not the field's name ``from_``)."""
    annotation: Any = root
    for part in loc:
        annotation, tagged = _unwrap(annotation, part)
        if annotation is None:
            return []
        if tagged:
            continue  # the part was a discriminated union's tag: the member is chosen
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = _field(annotation, part)
            if field is None:
                continue
            annotation = field.annotation
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[1]
        elif typing.get_origin(annotation) is list:
            annotation = typing.get_args(annotation)[0]
    annotation, _ = _unwrap(annotation, None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return sorted(field.alias or name for name, field in annotation.model_fields.items())
    return []


def _field(model: type[BaseModel], key: str | int) -> Any:
    """The field a file's key names (by its alias where it has one), or None."""
    return next((field for name, field in model.model_fields.items()
                 if (field.alias or name) == key), None)


def _unwrap(annotation: Any, tag: str | int | None) -> tuple[Any, bool]:
    """Strip Annotated and Optional; pick a discriminated union's member by ``tag`` (an input's
    unit, a flow's kind), and say whether it did."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
            chosen = next((m for m in members if tag is not None and _tagged(m, tag)), None)
            if chosen is not None:
                return _unwrap(chosen, None)[0], True
            return members[0], False
        else:
            return annotation, False


def _tagged(member: Any, tag: str | int) -> bool:
    """Whether a union's member is the one ``tag`` picks: by its ``Tag`` (an input's unit, a
    flow's kind) or by a field that can only be ``tag`` (a distribution's name)."""
    if any(isinstance(m, Tag) and m.tag == tag for m in getattr(member, "__metadata__", ())):
        return True
    fields = getattr(member, "model_fields", {})
    return any(typing.get_origin(f.annotation) is Literal and tag in typing.get_args(f.annotation)
               for f in fields.values())


def run_info(loaded: LoadedScenario, lang: str = "en") -> RunInfo:
    """What the report says about this run: file, title, overrides and declared assumptions,
    every text in ``lang`` where the scenario gives it (else in the language it has)."""
    scenario = loaded.scenario

    def say(text: str | Words) -> Said:
        return said(text, lang, scenario.language)

    assumptions = [
        Assumption(f"{section}.{name}", parameter.value, unit(parameter.unit),
                   say(parameter.assumption))
        for section, parameters in scenario.parameters()
        for name, parameter in parameters.items()
        if parameter.assumption is not None
        and not (section == "inputs" and name in loaded.unused_shared)
    ]
    claims = {c.id: ClaimSource(c.where.document, c.where.section, c.where.quote, c.printed,
                                say(c.label) if c.label else None,
                                say(c.where.note) if c.where.note else None, c.scale)
              for c in scenario.claims}
    sources = tuple(SourceInfo(key, s.title, s.author, s.year, s.url or s.document)
                    for key, s in scenario.sources.items())
    return RunInfo(loaded.name, say(scenario.title), tuple(o.given for o in loaded.overrides),
                   tuple(assumptions), claims, _inputs(scenario, say), sources, lang,
                   scenario.numbers.decimal, scenario.numbers.thousands)


def bounds(item: Parameter) -> Bounds:
    """The values the format allows for a parameter's value (each item's, for a list), as its
    schema states them."""
    field = type(item).model_fields["value"]
    constraints = list(field.metadata)
    for argument in typing.get_args(field.annotation):  # list[Annotated[float, Field(…)]]
        for meta in getattr(argument, "__metadata__", ()):
            constraints += getattr(meta, "metadata", [])
    found = Bounds(whole=field.annotation is int)
    for constraint in constraints:
        for kind in ("ge", "gt", "le"):
            value = getattr(constraint, kind, None)
            if value is None:
                continue
            if kind == "le":
                found = replace(found, high=float(value))
            else:
                found = replace(found, low=float(value), low_included=kind == "ge")
    return found


def _inputs(scenario: AnyScenario, say: Callable[[str | Words], Said]
            ) -> tuple[InputInfo, ...]:
    """Every input, cohort and analysis number in the scenario's order (those the file leaves
    out as their defaults), computed inputs with their formula; then the transitions' counts of
    persons (the key figures' numbers)."""
    def info(path: str, item: Parameter | ComputedInput, default: bool = False) -> InputInfo:
        source = (Citation(item.source.document, item.source.section, item.source.quote)
                  if item.source else None)
        description = say(item.description)
        name = short_name(say(item.label) if item.label else None, description)
        assumption = say(item.assumption) if item.assumption is not None else None
        if isinstance(item, ComputedInput):
            return InputInfo(path, None, unit(item.unit), description, source, assumption,
                             item.formula, name=name)
        return InputInfo(path, item.value, unit(item.unit), description, source, assumption,
                         default=default, name=name, bounds=bounds(item))

    listed = [info(f"inputs.{name}", item) for name, item in scenario.inputs.items()]
    stated = dict(scenario.parameters())
    for section, parameters in scenario.every_number()[1:]:
        listed += [info(f"{section}.{name}", item, default=name not in stated[section])
                   for name, item in parameters.items()]
    groups = scenario.outcomes.groups if scenario.outcomes else {}
    listed += [info(count_path(key, index), t.persons) for key, group in groups.items()
               for index, t in enumerate(group.transitions)]
    return tuple(listed)

