"""The same input gives byte-identical output whatever the hash seed, locale and terminal."""

from __future__ import annotations

import pytest

from tests.conftest import run_process

ENVIRONMENTS = [
    {"PYTHONHASHSEED": "0", "LC_ALL": "C", "COLUMNS": "40", "TERM": "dumb"},
    {"PYTHONHASHSEED": "12345", "LC_ALL": "C.UTF-8", "COLUMNS": "300", "FORCE_COLOR": "1",
     "TERM": "xterm-256color"},
    {"PYTHONHASHSEED": "random", "LANG": "sv_SE.UTF-8", "LC_ALL": "sv_SE.UTF-8",
     "NO_COLOR": "1"},
]


@pytest.mark.parametrize(("command", "fmt"), [("payback", "json"), ("payback", "csv"),
                                              ("check", "json"), ("check", "csv"),
                                              ("payback", "table"), ("check", "markdown")])
def test_output_does_not_depend_on_environment(command: str, fmt: str) -> None:
    outputs = {run_process(command, "scenarios/liva.yaml", "--format", fmt, "--lang", "sv",
                           env=env).stdout for env in ENVIRONMENTS}
    assert len(outputs) == 1
    assert "\x1b[" not in outputs.pop()  # piped: no colour codes, even with FORCE_COLOR
