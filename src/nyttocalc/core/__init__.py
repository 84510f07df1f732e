"""The calculation core: pure functions and frozen data, no I/O, no printing.

Importable without YAML, pydantic, Typer or rich (a ruff rule and a test hold it to that).
"""

from nyttocalc.core.figures import Figure, Term, Unit
from nyttocalc.core.model import Model
from nyttocalc.core.payback import PaybackAnalysis, analyse
from nyttocalc.core.perspective import Perspective, Scaling, ValueComponent

__all__ = [
    "Figure",
    "Model",
    "PaybackAnalysis",
    "Perspective",
    "Scaling",
    "Term",
    "Unit",
    "ValueComponent",
    "analyse",
]
