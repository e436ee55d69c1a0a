"""Shared fixtures for the simulation tests: the sample scenario's rules, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Rules, build_rules
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"


@pytest.fixture(scope="session")
def rules() -> Rules:
    result = load_scenario(SAMPLE)
    assert result.scenario is not None, result.diagnostics
    return build_rules(result.scenario)
