"""Intelligence: late, noisy estimates; early warning narrows the band and the delay over turns."""

from __future__ import annotations

from game.engine import Action, Game

from .conftest import duel


def _band(game: Game) -> float:
    est = game.observation().parties[0].estimates["hostility"]
    return est.high - est.low


def test_early_warning_narrows_the_band_over_turns():
    rules = duel(sg={"intelligence": 0.1})
    game = Game(rules, 3)
    bands = [game.observation().office.estimate_band]
    game.step([Action("early_warning")])
    for _ in range(3):
        bands.append(game.observation().office.estimate_band)
        game.step()
    bands.append(game.observation().office.estimate_band)
    assert all(b2 < b1 for b1, b2 in zip(bands[1:], bands[2:], strict=False))
    assert bands[-1] < bands[0]


def test_early_warning_shortens_the_delay():
    poor = Game(duel(sg={"intelligence": 0.0}), 0).observation().office.estimate_delay
    good = Game(duel(sg={"intelligence": 1.0}), 0).observation().office.estimate_delay
    assert poor > good == 0


def test_estimates_lag_behind_the_truth_at_poor_intelligence():
    rules = duel(sg={"intelligence": 0.0}, tuning={"intel_delay": 2})
    game = Game(rules, 0)
    for _ in range(4):
        game.step()
    first = game.observation()
    game.state.parties[0].hostility = 0.99  # the truth changes now; the estimate cannot know yet
    assert game.observation() == first


def test_the_band_contains_the_delayed_truth_most_of_the_time():
    rules = duel(sg={"intelligence": 0.5})
    inside = total = 0
    for seed in range(200):
        game = Game(rules, seed)
        game.step()
        obs = game.observation()
        lag = obs.office.estimate_delay
        truth = game.state.history[max(0, game.turn - lag)][0]
        est = obs.parties[0].estimates["hostility"]
        inside += est.low <= truth <= est.high
        total += 1
    assert 0.8 <= inside / total <= 0.98


def test_intentions_are_hidden_until_revealed():
    game = Game(duel(), 0)
    assert all(p.intention is None for p in game.observation().parties)
