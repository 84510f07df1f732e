"""The core is pure: importable and usable without YAML, pydantic, Typer or rich."""

from __future__ import annotations

import subprocess
import sys

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
