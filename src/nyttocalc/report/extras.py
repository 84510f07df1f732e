"""The optional extra ``nyttocalc[report]``: plotext (charts), openpyxl (the workbook).

A command that needs one checks before any work and, where it is missing, says which
``pip install`` to run (exit 2).
"""

from __future__ import annotations

import importlib.util

from nyttocalc.errors import NyttocalcError

INSTALL = "pip install 'nyttocalc[report]'"


class MissingExtra(NyttocalcError):
    """An optional dependency that a command needs is not installed."""


def available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def require(module: str, command: str) -> None:
    if not available(module):
        raise MissingExtra(f"{command} needs {module}, which is not installed; install the "
                           f"report extra with: {INSTALL} (or, into the environment nyttocalc "
                           f"runs in, pip install {module}; with pipx: pipx inject nyttocalc "
                           f"{module})")
