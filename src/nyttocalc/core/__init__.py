"""The calculation core: pure functions and frozen data, no I/O, no printing.

Importable without YAML, pydantic, Typer or rich (a ruff rule and a test hold it to that).
"""

from nyttocalc.core.figures import Figure, Term, Unit
from nyttocalc.core.model import Model, Perspective, Scaling, ValueComponent
from nyttocalc.core.payback import PaybackAnalysis, analyse

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
