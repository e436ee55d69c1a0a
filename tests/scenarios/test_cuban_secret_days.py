"""Cuba's secret days (16–21 October 1962): the player has choices worth making before the world knows, and in
ordinary play the crisis stays below the blockade until Kennedy's speech of 22 October, as it did."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine import Game
from game.scenario.calendar import turn_of
from game.sim.policies import get_policy
from game.sim.seeds import derive_seed

from .shipped import load_shipped

CUBA = "cuban_missile_crisis_1962"
BLOCKADE = 4


@pytest.fixture(scope="module")
def rules():
    return load_shipped(CUBA)[1]


def test_the_first_day_offers_more_than_briefings_and_waiting(rules):
    game = Game(rules, 0)
    kinds = {rules.instruments[a.use].kind for a in game.legal_actions() if a.use in rules.instruments}
    assert {"visit", "track_two"} <= kinds
    assert len({a for a in game.legal_actions() if not rules.is_wait(a.use)}) >= 6


def test_a_quiet_channel_opened_on_the_first_day_is_working_before_the_speech(rules):
    game = Game(rules, 1)
    game.step([next(a for a in game.legal_actions() if a.use == "track_two")])
    speech = turn_of(rules.scenario.calendar, dt.date(1962, 10, 22))
    while game.turn < speech:
        game.step()
    channel = next(i for i in game.state.initiatives if i.kind == "track_two")
    assert channel.matures <= game.turn


@pytest.mark.parametrize("policy", ["passive", "random", "historical"])
def test_no_blockade_before_the_quarantine_speech_in_ordinary_play(rules, policy):
    speech = turn_of(rules.scenario.calendar, dt.date(1962, 10, 22))
    chooser = get_policy(policy, rules)
    early = 0
    runs = 200
    for n in range(runs):
        game = Game(rules, derive_seed(0, n), record=False)
        while game.turn < speech:
            if max(p.rung for p in game.state.pairs) >= BLOCKADE:
                early += 1
                break
            game.step(*chooser.decide(game))
    assert early / runs <= 0.03
