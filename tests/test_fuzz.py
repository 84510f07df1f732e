"""Fuzz: generated scenario documents, valid and mutated, through every command.

Every run must end with a documented exit status (payback: 0 or 2; check: 0, 1 or 2; schema: 0),
never a traceback (the in-process runner re-raises any exception), never a non-finite number in
the output, and on a refusal one paragraph on stderr.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import LIVA, run_cli
from tests.strategies import scenario_documents

EXAMPLES = int(os.environ.get("NYTTOCALC_FUZZ_EXAMPLES", "150"))
NON_FINITE = re.compile(r"\b(inf|-inf|nan|Infinity|NaN)\b")
ODD_VALUES = st.sampled_from([
    "no", "yes", "on", "1e6", "1 000", "80%", "2,75", "", None, True, -5, 0, 1.5e300, -1e-300,
    10**30, [], {}, "x" * 300, "ä", 14.5, [1, 2], {"value": 1}, ".nan", ".inf", "~",
])


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@st.composite
def mutated(draw: st.DrawFn) -> str:
    doc = draw(st.one_of(scenario_documents(),
                         st.just(json.loads(json.dumps(_liva_data())))))
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        action = draw(st.sampled_from(["delete", "replace", "unknown_key"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(ODD_VALUES)
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["valeu", "extra", "units", "descripton"]))] = 1
    text = json.dumps(doc, ensure_ascii=False)
    textual = draw(st.sampled_from(["none", "truncate", "tab", "anchor", "byte"]))
    if textual == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif textual == "tab":
        text = text.replace(", ", ",\n\t", 1)
    elif textual == "anchor":
        text = text.replace(": ", ": &a ", 1)
    elif textual == "byte":
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        text = text[:at] + draw(st.sampled_from(["\x00", "\x07", "'", '"', "{", "]"])) + text[at:]
    return text


_LIVA: dict[str, Any] = {}


def _liva_data() -> dict[str, Any]:
    if not _LIVA:
        from nyttocalc.scenario import yamlsafe

        _LIVA.update(yamlsafe.parse(LIVA.read_text(encoding="utf-8")).data)
    return _LIVA


COMMANDS = st.sampled_from([
    ("payback", "--format", "table"), ("payback", "--format", "json", "--explain"),
    ("payback", "--format", "csv", "--lang", "sv"), ("payback", "--format", "markdown"),
    ("check", "--format", "table"), ("check", "--format", "json", "--lang", "sv"),
    ("check", "--format", "csv"),
    ("sweep", "--vary", "cohort.delay_years=0:8:4", "--vary", "analysis.subsidy_rates.0=0,0.5",
     "--format", "json"),
    ("sweep", "--vary", "analysis.horizons_years.0=1:5:2", "--format", "table"),
    ("sensitivity", "--format", "csv"),
    ("timeline", "--persons", "1", "--format", "json"),
    ("simulate", "--draws", "200", "--format", "json"),
    ("payback", "--plot", "--format", "table"),
])
ALLOWED = {"payback": {0, 2}, "check": {0, 1, 2}, "sweep": {0, 2}, "sensitivity": {0, 2},
           "timeline": {0, 2}, "simulate": {0, 2}}


def assert_no_non_finite_number(stdout: str, fmt: str, text: str) -> None:
    if fmt == "json":
        def refuse(constant: str) -> None:
            raise AssertionError(f"JSON carries {constant}")

        json.loads(stdout, parse_constant=refuse)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout), delimiter=";" if ";" in stdout[:200] else ","))
        header = rows[0]
        for row in rows[1:]:
            for name in ("value", "published", "computed", "difference"):
                if name in header and row[header.index(name)]:
                    assert math.isfinite(float(row[header.index(name)].replace(",", ".")))
    else:  # tables show the scenario's own text too: only a token the input lacks counts
        assert not set(NON_FINITE.findall(stdout)) - set(NON_FINITE.findall(text)), stdout


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # LivA itself is 37 kB
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated(), command=COMMANDS)
def test_every_command_survives_every_document(tmp_path: Path, text: str,
                                               command: tuple[str, ...]) -> None:
    path = tmp_path / "fuzzed.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli(command[0], path, *command[1:])  # an exception here is a failure
    assert run.code in ALLOWED[command[0]], (run.code, run.stderr)
    if run.code != 2:
        assert_no_non_finite_number(run.stdout, command[command.index("--format") + 1], text)
    if run.code == 2:
        assert run.stdout == ""
        assert run.stderr.startswith("error: ")
        assert run.stderr.count("\n") == 1, run.stderr
        assert "Traceback" not in run.stderr


def test_schema_command_runs() -> None:
    assert run_cli("schema").code == 0
