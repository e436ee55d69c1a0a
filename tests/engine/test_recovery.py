"""Prestige recovers with time: a flat amount a turn, and in scenarios that say so a share of the fall below the
starting level, so that failure is costly but not the end of the office."""

from __future__ import annotations

import pytest

from game.engine import Game
from game.engine.game import prestige_recovery

from .conftest import duel


def _recovered(rules, prestige: float) -> float:
    game = Game(rules, 0)
    game.state.office.prestige = prestige
    report = game.step()
    return sum(c.after - c.before for c in report.changes if c.target == "prestige" and c.cause.id == "recovery")


def test_by_default_prestige_recovers_half_a_point_a_turn():
    rules = duel()
    assert _recovered(rules, 20.0) == pytest.approx(0.5)
    assert _recovered(rules, 90.0) == pytest.approx(0.5)


def test_a_rebound_brings_a_deep_fall_back_faster_than_a_shallow_one():
    rules = duel(sg={"prestige": 60}, tuning={"prestige_rebound": 0.1, "prestige_recovery": 0.25})
    assert prestige_recovery(rules, 0.0) == pytest.approx(0.25 + 6.0)
    assert prestige_recovery(rules, 50.0) == pytest.approx(0.25 + 1.0)
    assert prestige_recovery(rules, 70.0) == pytest.approx(0.25)  # above where it started: no rebound
    assert _recovered(rules, 10.0) == pytest.approx(5.25)


def test_an_office_left_with_nothing_is_back_in_play_within_a_year_of_monthly_turns():
    rules = duel(sg={"prestige": 55}, tuning={"prestige_rebound": 0.06})
    prestige = 0.0
    for _ in range(12):
        prestige += prestige_recovery(rules, prestige)
    assert prestige > 25  # enough for good offices, an envoy and an appeal again
