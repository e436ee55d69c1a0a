"""Engine test helpers: build rules from the duel fixture with parts of it replaced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine import Game, build_rules
from game.engine.rules import Rules
from game.scenario.model import Scenario

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "duel.yaml"


def duel(**changes: Any) -> Rules:
    """Rules of the duel fixture; `changes` replace top-level fields, and `party`/`pair`/`sg`/`tuning` merge."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for key in ("party", "pair"):
        if key in changes:
            target = data["parties" if key == "party" else "pairs"]
            for item in target:
                item.update(changes[key])
            del changes[key]
    if "sg" in changes:
        data["secretary_general"].update(changes.pop("sg"))
    if "tuning" in changes:
        data["tuning"] = {**data.get("tuning", {}), **changes.pop("tuning")}
    data.update(changes)
    return build_rules(Scenario.model_validate(data))


@pytest.fixture
def rules() -> Rules:
    return duel()


def play(rules: Rules, seed: int, turns: int | None = None, actions=()) -> Game:
    """Play `turns` turns (or to the end) repeating the same actions whenever they are legal."""
    game = Game(rules, seed)
    n = 0
    while not game.done and (turns is None or n < turns):
        taken = []
        for a in actions:
            if game.why_illegal(a, taken) is None:
                taken.append(a)
        game.step(taken)
        n += 1
    return game
