"""The core is pure: importable and usable without YAML, pydantic, Typer or rich."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nyttocalc.core

PROGRAM = """
import sys
import nyttocalc.core
from nyttocalc.core import analyse
heavy = sorted(m for m in ("yaml", "pydantic", "typer", "rich", "numpy", "nyttocalc.scenario",
                           "nyttocalc.report", "nyttocalc.cli") if m in sys.modules)
print(",".join(heavy))
"""


def test_the_core_imports_no_io_validation_or_presentation_library() -> None:
    out = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""


def test_help_does_not_load_the_scenario_machinery() -> None:
    """``nyttocalc --help`` stays fast: no YAML, no scenario loader, no rendering."""
    program = ("import sys\nfrom nyttocalc.cli import app\n"
               "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
               "print(','.join(m for m in ('yaml', 'nyttocalc.scenario', 'nyttocalc.report',"
               " 'nyttocalc.core.payback') if m in sys.modules), file=sys.stderr)")
    err = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                         check=True).stderr.strip()
    assert err == ""


# ---- the commands are thin: load, ask the application layer, render ------------------------

CLI = Path(__file__).resolve().parent.parent / "src" / "nyttocalc" / "cli.py"
MOST_COMMAND_LINES = 20  # of a command's body, its docstring left out


def _commands(tree: ast.Module) -> list[ast.FunctionDef]:
    """The functions decorated ``@app.command()``."""
    return [node for node in tree.body if isinstance(node, ast.FunctionDef)
            and any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                    and d.func.attr == "command" for d in node.decorator_list)]


def _body_lines(function: ast.FunctionDef) -> int:
    body = function.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring: the command's help
    assert body[-1].end_lineno is not None
    return body[-1].end_lineno - body[0].lineno + 1


def test_every_command_only_loads_asks_and_renders() -> None:
    commands = _commands(ast.parse(CLI.read_text(encoding="utf-8")))
    assert len(commands) >= 13
    long = {c.name: n for c in commands if (n := _body_lines(c)) > MOST_COMMAND_LINES}
    assert not long, (f"commands longer than {MOST_COMMAND_LINES} lines: {long}; what a command "
                      "decides belongs in nyttocalc.app, what it shows in nyttocalc.report")


def _is_number(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, int | float)
            and not isinstance(node.value, bool))


def _is_core(module: str) -> bool:
    return module == "nyttocalc.core" or module.startswith("nyttocalc.core.")


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import names, a ``from`` import's own first."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return [node.module or "", *(f"{node.module}.{alias.name}" for alias in node.names)]


def business_rules(source: str) -> list[str]:
    """What in the command line's source decides rather than loads, asks or renders: an import
    from the core (other than of types, for annotations), arithmetic or a comparison on a
    number, ``math``, and a literal that is a setting of an analysis: a share (``"20%"``), a
    figure's name (``"persons_exact"``) or a key path into the scenario
    (``"analysis.horizons_years.0"``). Each as ``line: what``."""
    from nyttocalc.core.batch import METRICS
    from nyttocalc.scenario.schema import Scenario

    tree = ast.parse(source)
    for_types = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                 and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                 for statement in block.body for node in ast.walk(statement)}
    key_path = re.compile(rf"(?:{'|'.join(Scenario.model_fields)})\.\S+")
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in for_types:
            ruled = next((name for name in _imported(node) if name == "math" or _is_core(name)),
                         None)
            found += [(line, f"imports {ruled}")] if ruled else []
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "math":
            found.append((line, f"math.{node.attr}"))
        elif isinstance(node, ast.BinOp | ast.AugAssign) and any(
                _is_number(operand) for operand in ast.iter_child_nodes(node)):
            found.append((line, "arithmetic on a number"))
        elif isinstance(node, ast.Compare) and any(
                _is_number(operand) for operand in (node.left, *node.comparators)):
            found.append((line, "a comparison with a number"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if re.fullmatch(r"\d+(?:[.,]\d+)?\s*%", text) or text in METRICS \
                    or key_path.fullmatch(text):
                found.append((line, f"the setting {text!r}"))
    return [f"{line}: {what}" for line, what in sorted(found, key=lambda item: item[0])]


def test_the_command_line_holds_no_business_rules() -> None:
    found = business_rules(CLI.read_text(encoding="utf-8"))
    assert not found, ("the command line decides what belongs in nyttocalc.app: "
                       + "; ".join(found))


def test_the_rule_finds_what_the_commands_once_did_themselves() -> None:
    """The commands before they were thin: each kind of rule is found."""
    before = '''
import math
from nyttocalc.core.solve import Question
from nyttocalc import core
def solve(by: str = "20%", metric: str = "persons_exact") -> None:
    years = option("--horizon", "analysis.horizons_years.0")
    roots = [math.ceil(r - 1e-9) for r in roots]
    if persons > 0:
        pass
'''
    assert set(business_rules(before)) == {
        "2: imports math", "3: imports nyttocalc.core.solve", "4: imports nyttocalc.core",
        "5: the setting '20%'", "5: the setting 'persons_exact'",
        "6: the setting 'analysis.horizons_years.0'", "7: math.ceil",
        "7: arithmetic on a number", "8: a comparison with a number"}


# ---- report/: the outputs as products, each a package --------------------------------------

REPORT = Path(__file__).resolve().parent.parent / "src" / "nyttocalc" / "report"
PRODUCTS = ("tables", "page", "workbook", "machine", "charts")
SHARED = ("language", "cells", "rows", "extras")  # what every product may use
# What else of report/ each part may import: the page lays out the printouts and their charts,
# a chart's text alternative is a table, the workbook lays out payback's tables of key figures.
MAY_ALSO_USE: dict[str, tuple[str, ...]] = {
    "tables": ("charts",), "page": ("tables", "charts"), "workbook": ("tables.payback",),
    "machine": (), "charts": ("tables.printout",),
    "language": (), "cells": (), "rows": (), "extras": (),
}


def _report_imports(source: str) -> list[str]:
    """What a module imports of report/, lazy imports too, as ``tables.payback`` or ``extras``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "nyttocalc.report":
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom | ast.Import):
            found += [name.removeprefix("nyttocalc.report.") for name in _imported(node)[:1]
                      if name.startswith("nyttocalc.report.")]
    return found


def uses_beyond_its_part(part: str, source: str) -> list[str]:
    """What a module of ``part`` (a package of report/, or a shared module) imports of report/
    that it may not."""
    allowed = (part, *(SHARED if part in PRODUCTS else ()), *MAY_ALSO_USE[part])
    return [used for used in _report_imports(source)
            if not any(used == a or used.startswith(f"{a}.") for a in allowed)]


def test_report_holds_a_package_per_output_and_the_language_they_share() -> None:
    top = {p.name.removesuffix(".py") for p in REPORT.iterdir()
           if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert top == {"__init__", *PRODUCTS, *SHARED}
    for package in (*PRODUCTS, "language"):
        docstring = ast.get_docstring(ast.parse((REPORT / package / "__init__.py").read_text(
            encoding="utf-8")))
        assert docstring is not None, package
        assert "\n" not in docstring, package  # its job, in a line


def test_each_output_uses_the_shared_language_and_only_what_it_lays_out() -> None:
    found = []
    for path in sorted(REPORT.rglob("*.py")):
        where = path.relative_to(REPORT)
        if where.parts == ("__init__.py",):
            continue
        part = where.parts[0].removesuffix(".py")
        found += [f"{where} imports {used}"
                  for used in uses_beyond_its_part(part, path.read_text(encoding="utf-8"))]
    assert not found, "; ".join(found)


def test_the_rule_finds_an_output_that_uses_another() -> None:
    source = ("from nyttocalc.report.machine.as_json import dumps\n"
              "from nyttocalc.report import extras, page\n"
              "def draw():\n    from nyttocalc.report.language.labels import label\n")
    assert uses_beyond_its_part("tables", source) == ["machine.as_json", "page"]
    assert uses_beyond_its_part("machine", source) == ["page"]
    assert uses_beyond_its_part("language", source) == ["machine.as_json", "extras", "page"]


# ---- what the commands decide, asked without Typer ------------------------------------------

def test_the_application_layer_runs_without_the_command_line() -> None:
    program = ("import sys\nfrom pathlib import Path\n"
               "from nyttocalc.app.report import report_parts\n"
               "from nyttocalc.scenario.load import load\n"
               "report_parts(load(Path('scenarios/liva.yaml')), 100, 1, None)\n"
               "print(','.join(m for m in ('typer', 'click', 'nyttocalc.cli')\n"
               "               if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent).stdout.strip()
    assert out == ""


def test_the_report_moves_every_input_but_the_questions_by_a_fifth() -> None:
    from nyttocalc.app.analysts import QUESTIONS
    from nyttocalc.app.report import report_parts
    from nyttocalc.scenario.load import load
    from tests.conftest import LIVA

    loaded = load(LIVA)
    model = loaded.model
    parts = report_parts(loaded, 200, 1, None)
    paying = [r.perspective.key for r in parts.analysis.perspectives if r.has_cost]
    assert [d.party for d in parts.drivers] == paying == ["society", "municipality"]
    questions = (*QUESTIONS, "analysis.subsidy_rates.")
    for drivers in parts.drivers:
        assert (drivers.share, drivers.rate) == (0.2, model.unsubsidised_rate)
        assert drivers.effects
        assert not [e.variation.path for e in drivers.effects
                    if e.variation.path.startswith(questions)]
    assert [c.party for c in parts.chances] == paying
    assert all([h for h, _ in c.by_horizon] == list(model.horizons_years) for c in parts.chances)
    assert parts.simulation is not None
    assert parts.simulation.draws == 200
    # the timeline: the simulation's expected number in work, unless --persons says
    assert parts.employed == model.participants * 0.25 == 3.5
    assert report_parts(loaded, 200, 1, 2.0).employed == 2.0
    assert parts.computed == {"inputs.municipal_revenue_from_income": 163283.34}


def test_the_report_without_a_simulation_shows_the_observed_number_in_work() -> None:
    from nyttocalc.app.report import report_parts
    from nyttocalc.scenario.load import load
    from tests.conftest import ROOT

    parts = report_parts(load(ROOT / "scenarios" / "liva-actors.yaml"), 200, 1, None)
    assert (parts.simulation, parts.chances, parts.expected) == (None, (), None)
    assert parts.employed == 0  # its outcomes: nobody of the cohort moved into work
    assert parts.timelines is None


@pytest.mark.parametrize(("root", "larger_pays", "whole"), [
    (3 + 4e-13, True, 3),  # float residue above 3: 3 pays back, as payback's whole persons
    (3 - 4e-13, False, 3),
    (3 + 1e-6, True, 4),  # a millionth of a person more is one person more
    (3 - 1e-6, False, 2),
    (3.5, True, 4),
    (3.5, False, 3),
])
def test_solve_gives_a_head_count_on_the_side_that_pays_back(root: float, larger_pays: bool,
                                                             whole: int) -> None:
    from nyttocalc.app.analysts import whole_roots
    from nyttocalc.core.arith import ceil_step
    from nyttocalc.core.solve import Answer

    rounded = whole_roots(Answer((root,), (larger_pays,), False, -1.0, 1.0)).roots
    assert rounded == (whole,)
    assert type(rounded[0]) is int  # JSON writes 3, as for a count, not 3.0
    if larger_pays:
        assert whole == ceil_step(root)


def test_solve_for_the_cohort_answers_with_a_whole_cohort_that_pays_back() -> None:
    """With deadweight, a larger cohort finds more work anyway: 3 employed pay back the
    municipality's cost in 3 years for a cohort of at most 3, and not for 4."""
    from nyttocalc.app.analysts import solve
    from nyttocalc.core.solve import persons_at
    from nyttocalc.scenario.load import load
    from tests.conftest import LIVA

    loaded = load(LIVA, ["cohort.deadweight=0.2"])
    solved = solve(loaded, "cohort.participants", 3, "municipality", 3, None, None)
    assert (solved.answer.roots, solved.answer.pays_back_above) == ((3,), (False,))
    assert solved.check is not None
    assert solved.check <= 3
    assert persons_at(loaded.model, solved.question, 4) > 3


CORE = Path(nyttocalc.core.__file__).parent


def _core_imports(tree: ast.Module, modules: set[str]) -> set[str]:
    """The core modules a module imports, wherever: at the top, in a function, or for type
    checking only. ``from nyttocalc.core import analyse`` imports the package, ``__init__``."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # within the core, ``from . import x`` and ``from .x import y`` (the level is 1)
            base = (node.module or "") if node.level == 0 else ".".join(
                filter(None, ["nyttocalc.core", node.module]))
            names += [f"{base}.{alias.name}" for alias in node.names]
    found = set()
    for name in names:
        if name.startswith("nyttocalc.core."):
            first = name.split(".")[2]
            found.add(first if first in modules else "__init__")
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each import that closes one, found depth first."""
    cycles: list[list[str]] = []
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> None:
        path.append(module)
        for imported in sorted(graph[module]):
            if imported in path:
                cycles.append([*path[path.index(imported):], imported])
            elif imported not in done:
                visit(imported)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module)
    return cycles


PACKAGE = Path(nyttocalc.__file__).parent


def test_no_circle_of_imports_anywhere_in_the_package() -> None:
    """No two modules of nyttocalc need each other, through any chain: imports in functions and
    for type checking count too (a plot that needs the printout's table while the printout
    names the plot is one thing in two files). A package's ``__init__`` only hands names on
    and is no module of its own here."""
    modules = {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts): path
               for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}

    def module_of(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {name: {found for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.Import | ast.ImportFrom)
                    for imported in _imported(node)
                    if (found := module_of(imported)) not in (None, name)}
             for name, path in modules.items()}
    assert {"nyttocalc.core.reasoning", "nyttocalc.core.ledger"} <= graph[
        "nyttocalc.core.outcomes"]  # the imports are seen
    assert [" → ".join(cycle) for cycle in _cycles(graph)] == []


def test_no_core_module_imports_the_layers_above_it() -> None:
    """Every core module, lazy imports and those ``nyttocalc.core`` itself does not load (the
    payback curves) too: the core computes, the loader, the outputs and the commands use it."""
    above = ("nyttocalc.report", "nyttocalc.scenario", "nyttocalc.cli", "nyttocalc.app")
    found = [f"{path.name} imports {name}" for path in sorted(CORE.glob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Import | ast.ImportFrom) for name in _imported(node)
             if name.startswith(above)]
    assert found == []


def test_no_circle_of_imports_in_the_core() -> None:
    """Each core module builds only on modules below it: a circle (model → outcomes →
    reasoning → model) would make the order of imports matter and the layers meaningless."""
    modules = {path.stem for path in CORE.glob("*.py")}
    graph = {path.stem: _core_imports(ast.parse(path.read_text(encoding="utf-8")), modules)
             - {path.stem} for path in CORE.glob("*.py")}
    assert {"ledger", "reasoning"} <= graph["outcomes"]  # the imports are seen
    assert [" → ".join(cycle) for cycle in _cycles(graph)] == []
