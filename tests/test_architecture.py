"""The core is pure: importable and usable without YAML, pydantic, Typer or rich."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


def test_no_circle_of_imports_in_the_core() -> None:
    """Each core module builds only on modules below it: a circle (model → outcomes →
    reasoning → model) would make the order of imports matter and the layers meaningless."""
    modules = {path.stem for path in CORE.glob("*.py")}
    graph = {path.stem: _core_imports(ast.parse(path.read_text(encoding="utf-8")), modules)
             - {path.stem} for path in CORE.glob("*.py")}
    assert {"model", "reasoning"} <= graph["outcomes"]  # the imports are seen
    assert [" → ".join(cycle) for cycle in _cycles(graph)] == []
