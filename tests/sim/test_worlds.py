"""The worlds the advisor plays on: drawn from what the player can know, never from the hidden state — during a
secret crisis's secret days not even the real rung, which the office does not know yet."""

from __future__ import annotations

import yaml

from game.engine import Game, build_rules
from game.scenario.model import Scenario
from game.sim.advisor import advise
from game.sim.worlds import sample_worlds

from .brink import BRINK

SECRET_RUNG = 1


def secret_brink():
    """The brink fixture with its crisis secret until the fourth day: the world sees rung 1, the truth is higher."""
    data = yaml.safe_load(BRINK.read_text(encoding="utf-8"))
    data["pairs"][0]["secret"] = {"until": "2000-01-04", "rung": SECRET_RUNG}
    return build_rules(Scenario.model_validate(data))


def test_during_the_secret_days_the_worlds_start_from_the_rung_the_world_sees():
    rules = secret_brink()
    game = Game(rules, 3)
    assert game.state.pairs[0].rung > SECRET_RUNG  # the truth, which the office cannot know
    for world in sample_worlds(game, 12):
        pair = world.pairs[0]
        assert pair.rung == pair.peak_rung == SECRET_RUNG
        assert SECRET_RUNG - 0.5 <= pair.pressure <= SECRET_RUNG + 1.5  # somewhere on that rung (with its margins)


def test_the_advice_in_the_secret_days_does_not_depend_on_the_real_rung():
    rules = secret_brink()
    one, two = Game(rules, 4), Game(rules, 4)
    two.state.pairs[0].pressure, two.state.pairs[0].rung = 3.2, 3
    two.state.pairs[0].peak_rung = max(two.state.pairs[0].peak_rung, 3)
    assert advise(one, runs=8) == advise(two, runs=8)


def test_once_the_secret_is_out_the_worlds_start_from_the_real_rung():
    rules = secret_brink()
    game = Game(rules, 3)
    while game.turn < 3:
        game.step()
    assert {w.pairs[0].rung for w in sample_worlds(game, 6)} == {game.state.pairs[0].rung}
