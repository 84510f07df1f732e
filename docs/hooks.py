"""MkDocs hooks: the reference pages that are generated at build time, so they cannot drift.

A page asks for generated text with a marker line of its own:

    <!-- generated: cli-help -->   every command's --help, as the program prints it
    <!-- generated: schema -->     the JSON Schema of scenario files, a table per definition
    <!-- generated: figures -->    every figure of the registry, and the formula templates
    <!-- generated: formula-table -->  every figure's formula and arithmetic on LivA
    <!-- generated: formula-table-timed -->  the same, LivA discounted (TIMED)
    <!-- generated: rules -->      each arithmetic rule in words and as a spreadsheet formula
    <!-- generated: changelog -->  CHANGELOG.md

The text is the program's own: the Typer app run in-process at a fixed width without colour,
the function behind `nyttocalc schema`, and the core's figures read in ``liva_figures``
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
class Listed:
    name: str  # as payback's JSON, check's claims and --metric name it
    unit: str
    labels: tuple[str, str]  # English, Swedish
    group: str | None  # the result group that reports it; None: computed on the way
    dims: tuple[str, ...]
    metric: str | None  # its name as a --metric, where it is one
    formula: str  # its formula as --explain shows it, computed on LivA (Markdown)
    first_year: bool  # a key figure of the first year after (payback's JSON: `outcomes`)


@dataclass(frozen=True)
class Template:
    name: str
    text: str  # the template, terms in braces
    why: str  # the comment above it in the source: where the report reasons so


def liva_figures(sets: tuple[str, ...] = (), name: str = "liva") -> tuple[Any, Any]:
    """The bundled LivA scenario's model (with ``--set`` values ``sets``) and its figures,
    explained, from the figure registry (``nyttocalc.core.registry``): what the docs show of
    the core's figures is computed by the program, never copied. ``liva-actors``, the one
    with actors and groups before and after, has the key figures of the first year after."""
    from nyttocalc.bundled import example
    from nyttocalc.core import reasoning
    from nyttocalc.core.registry import Figures
    from nyttocalc.scenario.load import load

    liva = example(name)
    if liva is None:
        raise PluginError(f"docs/hooks.py: the bundled scenario {name} is missing")
    model = load(liva, list(sets)).model
    return model, Figures(reasoning.explained(model))


def figure_registry() -> tuple[list[Listed], list[Template]]:
    """Every figure of the registry, with its formula as ``--explain`` shows it on LivA, and
    every formula template of the core."""
    from nyttocalc.core import formulas
    from nyttocalc.core.figures import Figure
    from nyttocalc.core.registry import DEFINITIONS, GROUPS, At, metrics
    from nyttocalc.report.language.explained import symbolic

    model, computed = liva_figures()
    _, with_actors = liva_figures(name="liva-actors")
    party = model.perspectives[0]

    def first(group: Any) -> tuple[Any, At]:
        """Where a group's figures are shown: its first row on LivA (with actors for the first
        year after)."""
        figures = with_actors if group.first_year else computed
        return figures, next(group.points(figures, figures.model.perspectives[0]))

    anywhere = (computed, At(party.key, subsidy_rate=model.subsidy_rates[-1],
                             horizon_years=model.horizons_years[0], persons=model.participants))
    as_metric = {d.name: name for name, d in metrics().items()}

    def formula(name: str, where: tuple[Any, At]) -> str:
        figures, at = where
        value = figures(name, at)  # a figure, or a number given as it is (a term)
        return f"`{symbolic(value) if isinstance(value, Figure) else value.symbol}`"

    def shown(definition: Any) -> str:
        """Its formula; a key figure's of one group and of all groups."""
        name = definition.name
        if definition.group is None:
            return formula(name, anywhere)
        if "group" not in definition.dims:
            return formula(name, first(GROUPS[definition.group]))
        one = next(g.key for g in with_actors.model.outcomes.groups)
        party = with_actors.model.perspectives[0].key
        return (f"one group ({one}): {formula(name, (with_actors, At(party, group=one)))}; "
                f"all groups: {formula(name, (with_actors, At(party)))}")

    found = [Listed(d.name, str(d.unit), d.labels, d.group, d.dims, as_metric.get(d.name),
                    shown(d), bool(d.group and GROUPS[d.group].first_year))
             for d in DEFINITIONS.values()]
    templates = [Template(name, getattr(formulas, name), why)
                 for name, why in _commented_constants(inspect.getsource(formulas))
                 if isinstance(getattr(formulas, name, None), str)]
    return found, templates


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
    found, templates = figure_registry()
    out = ["## Figures", "",
           "Every figure the payback analysis computes, by the name payback's JSON and CSV, "
           "`check`'s claims (`figure:`) and `--metric` give it; the group is where payback "
           "reports it, the dimensions pick its row. A figure *on the way* has no column of "
           "its own: payback computes it for others, and `--explain` shows it in their "
           "arithmetic. NyttoSAM's key figures of the first year after are under `outcomes` "
           "(per group of participants, `groups`, and all groups together, `totals`); their "
           "meaning is in [NyttoSAM's definitions](../method/nyttosam.md). The formula is the "
           "one `--explain` shows on LivA, at the group's first row; the key figures' on LivA "
           "with actors (`liva-actors`).", "",
           "| figure | unit | group (dimensions) | `--metric` | English | Swedish | formula |",
           "|---|---|---|---|---|---|---|"]
    for figure in found:
        if figure.first_year:
            where = ("`outcomes`: `groups` (group), `totals`" if "group" in figure.dims
                     else "`outcomes`: `totals`")
        elif figure.group:
            where = f"{figure.group} ({', '.join(figure.dims)})"
        else:
            where = f"on the way ({', '.join(figure.dims) or 'per party'})"
        metric = f"`{figure.metric}`" if figure.metric else ""
        out.append(f"| `{figure.name}` | {figure.unit} | {where} | {metric} | "
                   f"{_escape(figure.labels[0])} | {_escape(figure.labels[1])} | "
                   f"{figure.formula} |")
    out += ["", "`--metric` takes one of the figures so marked; `persons_whole` is `sweep`'s "
            "default. As a metric, `cost` is the cost in present value (`present_cost`).", "",
            "## Formula templates", "",
            "Each template names its terms in braces; `--explain`, `check`, the workbook and "
            "the array evaluation of sweeps and Monte Carlo all fill in the same text. The "
            "note under each is the source's own comment: where the report reasons so.", ""]
    for template in templates:
        out += [f"### {template.name}", "", "```text", template.text, "```", ""]
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


def formula_table(sets: tuple[str, ...] = ()) -> str:
    """Every figure payback reports, with its formula and its arithmetic on LivA's numbers
    (society, at the first row of its group), as ``--explain`` shows them."""
    from nyttocalc.core.registry import payback_groups
    from nyttocalc.report.language.explained import arithmetic, symbolic
    from nyttocalc.report.language.labels import label

    model, computed = liva_figures(sets)
    society = model.perspectives[0]
    out = ["| figure | at | formula | LivA, society |", "|---|---|---|---|"]
    for group in payback_groups().values():
        at = next(group.points(computed, society))
        where = ", ".join(f"{dim} {getattr(at, dim):g}" for dim in group.dims)
        for definition in group.figures:
            figure = computed(definition.name, at)
            out.append(f"| {_escape(label(definition.name, 'en'))} | {where} | "
                       f"`{symbolic(figure)}` | {_escape(arithmetic(figure, 'en'))} |")
    return "\n".join(out)


def formula_table_timed() -> str:
    return formula_table(TIMED)


def rules() -> str:
    """Each arithmetic rule, in words and as its spreadsheet formula."""
    from nyttocalc.report.workbook.sheet_rules import describe

    out = ["| rule | what it computes | in the workbook |", "|---|---|---|"]
    for rule in describe():
        out.append(f"| `{rule.call}` | {_escape(rule.words)} | `{rule.formula}` |")
    return "\n".join(out)


# LivA with discounting, drop-off, deadweight and a cost paid over the intervention.
TIMED = ("analysis.discount_rate=0.035", "cohort.drop_off_rate=0.1", "cohort.deadweight=0.1",
         "analysis.intervention_years=2")

def payback_json() -> str:
    """The shape of payback's JSON: its result groups and key figures as the registry declares
    them, each row's dimensions, then its figures and flags."""
    from nyttocalc import __version__
    from nyttocalc.core.registry import key_figures, payback_groups

    def row(names: list[str]) -> str:
        return ", ".join(f'"{name}"' for name in names)

    groups = []
    for name, group in payback_groups().items():
        fields = row([*group.dims, *(d.name for d in group.figures), *group.flags])
        rows = f"{{{fields}}}" if not group.dims else f"[{{{fields}}}]"  # one row, or a list
        groups.append(f'     "{name}": {rows}')
    return "\n".join([
        "```text", "{", f'  "nyttocalc_version": "{__version__}",',
        '  "scenario": {"file", "title", "overrides": ["PATH=VALUE", …],',
        '               "assumptions": [{"path", "value", "unit", "reason"}]},',
        '  "cohort": {"participants", "full_time_equivalent", "delay_years"},',
        '  "analysis": {"horizons_years", "subsidy_rates", "long_view_years", "write_off_years"},',
        '  "perspectives": [', '    {"key": "society", "label": "Society",',
        ",\n".join(groups) + "}", "  ],",
        f'  "outcomes": {{"groups": [{{"group", "party", {row(list(key_figures("one group")))}}}],',
        f'               "totals": [{{"party", {row(list(key_figures(None)))}}}]}}',
        "}", "```"])


GENERATORS = {"cli-help": cli_help, "payback-json": payback_json, "schema": schema_tables,
              "figures": figures, "formula-table": formula_table,
              "formula-table-timed": formula_table_timed, "rules": rules, "changelog": changelog}


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
