"""The committed JSON Schema matches the model, and shipped scenarios point editors at it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import TypeAdapter

from game.scenario import model as scenario_model
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


def _properties(schema):
    """(model name, field name, property schema) for every field of every model in the schema."""
    models = {"Scenario": schema, **schema["$defs"]}
    for model, node in models.items():
        for field, prop in node.get("properties", {}).items():
            yield model, field, prop


def test_every_field_carries_a_description_and_examples_for_editor_hover_help():
    found = list(_properties(scenario_schema()))
    assert len(found) > 100
    lacking = [f"{m}.{f}" for m, f, p in found if not p.get("description") or not p.get("examples")]
    assert not lacking, f"fields without a description or examples: {lacking}"


def test_every_example_is_a_valid_value_of_its_field():
    node = scenario_model.Node
    nodes = [c for c in vars(scenario_model).values() if isinstance(c, type) and issubclass(c, node) and c is not node]
    checked = 0
    for cls in nodes:
        for field in cls.model_fields.values():
            annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
            for example in field.examples or []:
                TypeAdapter(annotation).validate_python(example)  # raises, naming the type, if the example is wrong
                checked += 1
    assert checked > 100
