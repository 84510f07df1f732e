"""The scenario format as a JSON Schema, for editors (yaml-language-server) and other tools.

The schema says what pydantic checks (keys, types, ranges, units). What only the loader checks
is not in it: YAML 1.1 ambiguity, duplicate keys, references between sections, printed figures.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from nyttocalc.scenario.schema import Audit, Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_schema() -> dict[str, Any]:
    """Either kind of scenario file: one for the payback analysis (with perspectives or a
    ledger, a cohort and an analysis), or a claims-only audit (sources, inputs and claims)."""
    schema = TypeAdapter(Scenario | Audit).json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "nyttocalc scenario",
        "description": ("A nyttocalc scenario: inputs with their units and sources, the cohort, "
                        "what to analyse, perspectives and the published claims to check; or a "
                        "claims-only audit of a report: its sources, inputs and claims."),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def scenario_schema_text() -> str:
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
