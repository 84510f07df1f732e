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


@pytest.mark.parametrize(("command", "fmt", "scenario"), [
    ("payback", "json", "liva"), ("payback", "csv", "liva"), ("check", "json", "liva"),
    ("check", "csv", "liva"), ("payback", "table", "liva"), ("check", "markdown", "liva"),
    # computed inputs of computed inputs, explained: their order is the formula's, not a set's
    ("payback", "markdown", "liva-actors"),
])
def test_output_does_not_depend_on_environment(command: str, fmt: str, scenario: str) -> None:
    extra = ("--explain",) if scenario == "liva-actors" else ()
    outputs = {run_process(command, f"scenarios/{scenario}.yaml", "--format", fmt, "--lang",
                           "sv", *extra, env=env).stdout for env in ENVIRONMENTS}
    assert len(outputs) == 1
    assert "\x1b[" not in outputs.pop()  # piped: no colour codes, even with FORCE_COLOR
