"""The committed JSON Schema matches the model, and shipped scenarios point editors at it."""

from __future__ import annotations

import json
from pathlib import Path

from game.scenario.catalogue import shipped
from game.scenario.schema import scenario_schema, schema_text

COMMITTED = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"


def test_committed_schema_matches_the_model():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/scenario.schema.json is out of date: run 'python main.py schema > scenarios/scenario.schema.json'"
    )


def test_schema_describes_fields_for_editor_hover_help():
    schema = scenario_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    party = schema["$defs"]["Party"]["properties"]
    assert "Richardson" in party["restraint"]["description"]
    assert set(schema["required"]) >= {"id", "title", "calendar", "parties", "pairs", "endings"}
    assert json.loads(schema_text()) == schema


def test_shipped_scenarios_carry_the_yaml_language_server_modeline():
    for entry in shipped():
        first = entry.path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./scenario.schema.json", entry.path
