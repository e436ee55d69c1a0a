"""Every shipped scenario plays to an ending under the determinism checker (after Mesa's test_examples)."""

from __future__ import annotations

import pytest

from game.engine import build_rules
from game.engine.checker import check_game
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario

from .test_game import random_chooser

SHIPPED = shipped()


def test_there_are_shipped_scenarios():
    assert SHIPPED


@pytest.mark.parametrize("entry", SHIPPED, ids=[s.id for s in SHIPPED])
def test_shipped_scenario_plays_deterministically(entry):
    result = load_scenario(entry.path)
    assert result.ok, [str(d) for d in result.diagnostics]
    assert result.scenario.id == entry.id, "a shipped file is named after its scenario id"
    rules = build_rules(result.scenario)
    for seed in (0, 1, 2):
        assert check_game(rules, seed, lambda game: ([], {})) == []
        assert check_game(rules, seed, random_chooser(seed)) == []
