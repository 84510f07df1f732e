"""MkDocs hooks: the reference pages that are generated at build time, so they cannot drift.

A page asks for generated text with a marker line of its own:

    <!-- generated: cli-help -->   every command's --help, as the program prints it
    <!-- generated: schema -->     the JSON Schema of scenario files, a table per definition
    <!-- generated: figures -->    the figures sweep and sensitivity report, and the formulas
    <!-- generated: changelog -->  CHANGELOG.md

The text is the program's own: the Typer app run in-process at a fixed width without colour,
the function behind `nyttocalc schema`, and the core's figures read in ``figure_registry``
(the one place that knows where they live). The schema is also published whole, as
``reference/scenario.schema.json`` beside the page. A marker the hooks do not know fails the
build. mkdocs.yml names this file under ``hooks:``; it is excluded from the site.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- generated: (?P<name>[a-z-]+) -->$", re.MULTILINE)
HELP_WIDTH = 100  # columns: the help as a terminal of this width shows it
SCHEMA_FILE = "reference/scenario.schema.json"


# ---- the figures: the one place that reads them from the core ---------------------------------

@dataclass(frozen=True)
class Metric:
    name: str  # as --metric takes it, and as payback's JSON names the figure
    unit: str
    templates: tuple[str, ...]  # names of the templates it is computed with, in order


@dataclass(frozen=True)
class Template:
    name: str
    text: str  # the template, terms in braces
    why: str  # the comment above it in the source: where the report reasons so


def figure_registry() -> tuple[list[Metric], list[Template]]:
    """Every figure a sweep or sensitivity run can report, with its unit and the templates it
    is computed with, and every formula template of the core.

    The ONLY access the docs have to the core's figures: today ``METRICS`` in
    ``nyttocalc.core.numeric`` and the templates of ``nyttocalc.core.formulas``. When the
    figure registry replaces them, re-point this function and nothing else."""
    from nyttocalc.core import formulas
    from nyttocalc.core.numeric import METRICS

    computed_with = {  # which templates ``numeric.metric_value`` goes through for each metric
        "persons_whole": ("BREAK_EVEN_PERSONS_FORMULA", "WHOLE_PERSONS_FORMULA"),
        "persons_exact": ("BREAK_EVEN_PERSONS_FORMULA",),
        "persons_half_steps": ("BREAK_EVEN_PERSONS_FORMULA", "HALF_STEPS_FORMULA"),
        "payback_year": ("BREAK_EVEN_PERSONS_FORMULA", "PAYBACK_YEAR_FORMULA"),
        "employment_rate": ("REQUIRED_PER_YEAR_FORMULA", "REQUIRED_PER_PARTICIPANT_FORMULA",
                            "EMPLOYMENT_RATE_FORMULA"),
        "required_value_per_year": ("REQUIRED_PER_YEAR_FORMULA",),
        "value_per_person_year": ("PRODUCTIVITY_FACTOR", "SUBSIDY_FACTOR", "FTE_FACTOR"),
        "cost": ("COST_FORMULA",),
    }
    templates = [Template(name, getattr(formulas, name), why)
                 for name, why in _commented_constants(inspect.getsource(formulas))
                 if isinstance(getattr(formulas, name, None), str)]
    known = {t.name for t in templates}
    metrics = []
    for name, unit in METRICS.items():
        used = computed_with.get(name)
        if used is None or not set(used) <= known:
            raise PluginError(f"docs/hooks.py: say which templates the metric {name!r} is "
                              f"computed with (figure_registry)")
        metrics.append(Metric(name, str(unit), used))
    return metrics, templates


def _commented_constants(source: str) -> list[tuple[str, str]]:
    """The module's public upper-case constants, each with the comment lines just above it
    (the block a run of constants shares is given to its first) and its own line comment."""
    lines = source.splitlines()
    found: list[tuple[str, str]] = []
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if not name.isupper() or name.startswith("_"):
            continue
        above: list[str] = []
        number = node.lineno - 2
        while number >= 0 and lines[number].lstrip().startswith("#"):
            above.insert(0, lines[number].lstrip()[1:].strip())
            number -= 1
        own = lines[node.end_lineno - 1 if node.end_lineno else node.lineno - 1]
        if "  # " in own:  # a line comment: a sentence of its own
            note = own.split("  # ", 1)[1].strip()
            above.append(note[:1].upper() + note[1:] + ("" if note.endswith(".") else "."))
        found.append((name, " ".join(above)))
    return found


# ---- the pages ---------------------------------------------------------------------------------

def cli_help() -> str:
    """Each command's --help, in the order --help lists them."""
    import typer.main
    from typer.testing import CliRunner

    from nyttocalc.cli import app

    def shown(*args: str) -> str:
        result = CliRunner().invoke(app, [*args, "--help"], terminal_width=HELP_WIDTH,
                                    color=False, env={"NO_COLOR": "1", "COLUMNS": None})
        if result.exit_code != 0:
            raise PluginError(f"nyttocalc {' '.join(args)} --help exited {result.exit_code}")
        return result.stdout.rstrip("\n")

    parts = ["## nyttocalc", "", "```text", shown(), "```"]
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        parts += ["", f"## nyttocalc {name}", "", "```text", shown(name), "```"]
    return "\n".join(parts)


def figures() -> str:
    metrics, templates = figure_registry()
    by_name = {t.name: t for t in templates}
    out = ["## Metrics of `sweep` and `sensitivity`", "",
           "`--metric` takes one of these; the first is `sweep`'s default. Each is computed "
           "with the templates named, in that order (see below).", "",
           "| metric | unit | computed with |", "|---|---|---|"]
    for metric in metrics:
        used = ", ".join(f"[`{name}`](#{name.lower()})"
                         for name in metric.templates)
        out.append(f"| `{metric.name}` | {metric.unit} | {used} |")
    out += ["", "## Formula templates", "",
            "Each template names its terms in braces; `--explain`, `check`, the workbook and "
            "the array evaluation of sweeps and Monte Carlo all fill in the same text. The "
            "note under each is the source's own comment: where the report reasons so.", ""]
    for name in by_name:
        template = by_name[name]
        out += [f"### {name}", "", "```text", template.text, "```", ""]
        if template.why:
            out += [_escape(template.why), ""]
    return "\n".join(out).rstrip("\n")


def _schema() -> dict[str, Any]:
    from nyttocalc.scenario.jsonschema import scenario_schema

    schema: dict[str, Any] = scenario_schema()
    return schema


def _schema_text() -> str:
    from nyttocalc.scenario.jsonschema import scenario_schema_text

    text: str = scenario_schema_text()
    return text


def schema_tables() -> str:
    schema = _schema()
    definitions: dict[str, Any] = schema["$defs"]
    roots = [ref["$ref"].rsplit("/", 1)[1] for ref in schema.get("anyOf", [])]
    out = [_escape(schema.get("description", "")), "",
           "A file is one of: " + ", ".join(f"[{name}](#{name.lower()})" for name in roots)
           + ". Every object refuses keys it does not list.", ""]
    for name in [*roots, *sorted(set(definitions) - set(roots))]:
        definition = definitions[name]
        out += [f"### {name}", ""]
        if definition.get("description"):
            out += [_escape(definition["description"]), ""]
        properties = definition.get("properties")
        if not properties:
            out += [f"Type: {_type(definition)}.", ""]
            continue
        required = set(definition.get("required", []))
        out += ["| key | type | required | allowed |", "|---|---|---|---|"]
        for key, spec in properties.items():
            notes = _constraints(spec)
            if spec.get("description"):
                notes = [_escape(spec["description"]), *notes]
            out.append(f"| `{key}` | {_type(spec)} | {'yes' if key in required else ''} | "
                       f"{'; '.join(notes)} |")
        out.append("")
    return "\n".join(out).rstrip("\n")


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "const" in spec:
        return f"`{json.dumps(spec['const'], ensure_ascii=False)}`"
    if "enum" in spec:
        return " \\| ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in spec["enum"])
    for key in ("anyOf", "oneOf"):
        if key in spec:
            return " or ".join(_type(option) for option in spec[key])
    kind = spec.get("type", "any")
    if kind == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if kind == "object":
        for pattern, value in spec.get("patternProperties", {}).items():
            return f"mapping of keys matching `{pattern}` to {_type(value)}"
        if isinstance(spec.get("additionalProperties"), dict):
            return f"mapping to {_type(spec['additionalProperties'])}"
    return str(kind)


def _constraints(spec: dict[str, Any]) -> list[str]:
    words = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<",
             "minLength": "length ≥", "maxLength": "length ≤", "minItems": "items ≥",
             "maxItems": "items ≤", "pattern": "matches"}
    notes = []
    if "propertyNames" in spec:
        notes += [f"key {note}" for note in _constraints(spec["propertyNames"])]
    for option in [spec, *spec.get("anyOf", []), *spec.get("oneOf", [])]:
        for key, word in words.items():
            if key in option:
                value = option[key]
                shown = f"`{value}`" if key == "pattern" else _number(value)
                note = f"{word} {shown}"
                if note not in notes:
                    notes.append(note)
    if "default" in spec and spec["default"] is not None:
        notes.append(f"default `{json.dumps(spec['default'], ensure_ascii=False)}`")
    return [_escape(note) for note in notes]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return f"{int(value):,}".replace(",", " ")
    return str(value)


def _escape(text: str) -> str:
    """Text for a Markdown table cell or paragraph: no table breaks, no stray markup."""
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def changelog() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").rstrip("\n")


GENERATORS = {"cli-help": cli_help, "schema": schema_tables, "figures": figures,
              "changelog": changelog}


# ---- MkDocs events -----------------------------------------------------------------------------

def on_files(files: Files, config: Any) -> Files:
    """Publish the whole schema beside its page, so a link can name it."""
    files.append(File.generated(config, SCHEMA_FILE, content=_schema_text()))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    def generated(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in GENERATORS:
            raise PluginError(f"{page.file.src_uri}: no generator for the marker {name!r}; "
                              f"known: {', '.join(GENERATORS)}")
        return GENERATORS[name]()

    return MARKER.sub(generated, markdown)
