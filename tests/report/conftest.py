"""Shared fixtures for the report tests: the sample scenario, and saved games written as a student would."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Action, Game, build_rules
from game.saves import save_game
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"
SEED = 42
# Each student's orders by turn (turns not listed: wait). Answers to events: the first option.
PLANS = {
    "Ana": {0: [Action("track_two", "karelia_lowmark")], 1: [Action("private_appeal", "lowmark")],
            3: [Action("shared_filling", None, "private")]},
    "Ben": {0: [Action("public_appeal", "karelia_lowmark")], 2: [Action("visit", "lowmark")]},
    "Chloé": {},
    "Dmitri": {0: [Action("good_offices", "karelia_lowmark"), Action("early_warning")],
               4: [Action("shared_filling", None, "public")]},
}


@pytest.fixture(scope="session")
def sample():
    """(rules, digest) of the shipped sample scenario."""
    result = load_scenario(SAMPLE)
    assert result.scenario is not None, result.diagnostics
    return build_rules(result.scenario), result.digest


def play(rules, plan: dict[int, list[Action]], seed: int = SEED, stop: int | None = None) -> Game:
    """A game played by `plan` (illegal orders dropped) to the end, or until turn `stop`."""
    game = Game(rules, seed)
    while not game.done and (stop is None or game.turn < stop):
        orders: list[Action] = []
        for action in plan.get(game.turn, []):
            if game.why_illegal(action, orders) is None:
                orders.append(action)
        game.step(orders, {key: options[0][0] for key, _, options in game.pending()})
    return game


def write(sample, folder: Path, name: str, player: str, plan: dict[int, list[Action]], **kw) -> Path:
    rules, digest = sample
    return save_game(play(rules, plan, **kw), folder, name, player, scenario_path=str(SAMPLE), digest=digest)


@pytest.fixture
def class_folder(tmp_path, sample) -> Path:
    """A folder of four finished games of one session, one per student in PLANS."""
    folder = tmp_path / "class"
    for i, (player, plan) in enumerate(PLANS.items()):
        write(sample, folder, f"student{i}", player, plan)
    return folder


@pytest.fixture
def one_save(tmp_path, sample) -> Path:
    return write(sample, tmp_path, "ana", "Ana", PLANS["Ana"])
