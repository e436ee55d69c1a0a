"""Shared fixtures for the save tests: the sample scenario's rules and digest, and a played game."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Action, Game, build_rules
from game.scenario.loader import load_scenario

SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


@pytest.fixture(scope="session")
def sample():
    """(rules, digest, path) of the shipped sample scenario."""
    result = load_scenario(SAMPLE)
    assert result.scenario is not None, result.diagnostics
    return build_rules(result.scenario), result.digest, str(SAMPLE)


def play_some(rules, seed: int = 3, turns: int = 4) -> Game:
    """A game with a few turns of real play: instruments, a proposal and answers to events."""
    game = Game(rules, seed)
    plan = [
        [Action("good_offices", "karelia_lowmark"), Action("early_warning")],
        [Action("track_two", "karelia_lowmark")],
        [Action("shared_filling", None, "private")],
        [Action("private_appeal", "lowmark")],
    ]
    for orders in plan[:turns]:
        if game.done:
            break
        legal = [a for a in orders if game.why_illegal(a) is None]
        answers = {key: options[0][0] for key, _, options in game.pending()}
        game.step(legal, answers)
    return game
