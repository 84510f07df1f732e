"""Scenario files: strict YAML reading, pydantic validation, key paths and overrides."""
