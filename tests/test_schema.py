"""nyttocalc schema: the scenario format as JSON Schema, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from nyttocalc.scenario.jsonschema import SCHEMA_DIALECT
from tests.conftest import BROKEN, FIXTURES, ROOT, run_cli

COMMITTED = ROOT / "schema" / "scenario.schema.json"


def schema() -> dict:  # type: ignore[type-arg]
    run = run_cli("schema")
    assert run.code == 0
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_the_schema_is_valid_json_schema_2020_12() -> None:
    document = schema()
    assert document["$schema"] == SCHEMA_DIALECT
    jsonschema.Draft202012Validator.check_schema(document)


def test_the_committed_schema_is_the_commands_output() -> None:
    """scenarios/*.yaml point editors at schema/scenario.schema.json: keep it current with
    `nyttocalc schema -o schema/scenario.schema.json --force`. Compared as JSON, not text:
    pydantic writes a bound of a float field as 0 in one version and 0.0 in another."""
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == schema()


@pytest.mark.parametrize("path", [*sorted((ROOT / "scenarios").glob("*.yaml")),
                                  FIXTURES / "three_perspectives.yaml"], ids=lambda p: p.name)
def test_bundled_scenarios_are_valid_under_the_schema(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    if path.parent.name == "scenarios":
        assert first_line == "# yaml-language-server: $schema=../schema/scenario.schema.json"
    validator = jsonschema.Draft202012Validator(schema())
    assert list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))) == []


@pytest.mark.parametrize("name", ["unknown_key_typo.yaml", "negative_cost.yaml",
                                  "rate_above_one.yaml", "missing_title.yaml"])
def test_the_editor_flags_what_the_tool_refuses(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    document = yaml.safe_load((BROKEN / name).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document))
