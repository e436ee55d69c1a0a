"""The JSON Schema of the scenario format, for editors (autocomplete, hover help) and tools."""

from __future__ import annotations

import json
from typing import Any

from .model import Scenario

SCHEMA_ID = "https://good-offices.invalid/scenario.schema.json"


def scenario_schema() -> dict[str, Any]:
    """The schema of a scenario file, generated from the pydantic model so the two cannot disagree."""
    schema = Scenario.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Good Offices scenario",
    }


def schema_text() -> str:
    """The schema as the committed file holds it: stable key order, two-space indent, trailing newline."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
