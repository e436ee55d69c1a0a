"""Forks with another future (reseed), the batch mode without turn-report details, and scoring against a shared
baseline: the engine hooks the advisor, counterfactuals and batch tools rely on."""

from __future__ import annotations

import pickle

from game.engine import Action, Game
from game.engine.checker import fingerprint
from game.engine.rng import Dice

from .conftest import duel, play

RULES = duel()


def test_reseeded_dice_keep_the_past_and_change_the_future():
    dice = Dice(11)
    forked = dice.reseeded(3, 99)
    assert [forked.uniform(t, 2, 5) for t in range(3)] == [dice.uniform(t, 2, 5) for t in range(3)]
    assert forked.uniform(3, 2, 5) == Dice(99).uniform(3, 2, 5) != dice.uniform(3, 2, 5)


def test_a_plain_fork_continues_like_the_game():
    game = play(RULES, 4, turns=3)
    twin = game.fork()
    for g in (game, twin):
        while not g.done:
            g.step()
    assert fingerprint(twin.state) == fingerprint(game.state)


def test_reseeded_forks_sample_different_futures_from_the_same_past():
    game = play(RULES, 4, turns=3)
    ends = set()
    for reseed in range(12):
        twin = game.fork(reseed)
        assert fingerprint(twin.state) == fingerprint(game.state)
        while not twin.done:
            twin.step()
        ends.add(tuple(p.pressure for p in twin.state.pairs) + tuple(p.hostility for p in twin.state.parties))
        assert twin.inputs[:3] == game.inputs
    assert len(ends) > 1
    assert fingerprint(game.state) == fingerprint(play(RULES, 4, turns=3).state)  # the original is untouched


def test_batch_mode_plays_the_same_game_without_the_details():
    actions = [Action("public_appeal", "east_west"), Action("private_appeal", "east")]
    loud = play(RULES, 9, actions=actions)
    quiet = Game(RULES, 9, record=False)
    for turn_input in loud.inputs:
        quiet.step(turn_input.actions, dict(turn_input.choices))
    assert fingerprint(quiet.state) == fingerprint(loud.state)
    assert all(not r.changes and not r.messages for r in quiet.reports)
    assert any(r.changes for r in loud.reports)
    assert [r.decisions for r in quiet.reports] == [r.decisions for r in loud.reports]
    assert quiet.fork().record is False and quiet.fork(record=True).record is True


def test_score_against_a_shared_baseline_is_the_score():
    game = play(RULES, 2, actions=[Action("good_offices", "east_west")])
    assert game.score_against(game.baseline_state()) == game.score()
    twin = play(RULES, 2, turns=2).fork(77)
    while not twin.done:
        twin.step()
    assert twin.score() == twin.score_against(twin.baseline_state())


def test_a_game_sent_to_another_process_plays_on_exactly_as_the_original():
    game = play(RULES, 6, turns=3).fork(77, record=False)  # a reseeded future: its dice travel too
    rebuilt = duel()  # rules built again from the same scenario, as a worker process builds them
    twin = Game.resumed(rebuilt, pickle.loads(pickle.dumps(game.portable())))
    assert twin.rules is rebuilt and twin.turn == game.turn and twin.inputs == game.inputs
    appeal = Action("public_appeal", "east_west")
    for g in (game, twin):
        while not g.done:
            g.step([appeal] if g.turn % 2 and g.why_illegal(appeal) is None else [])
    assert fingerprint(twin.state) == fingerprint(game.state) and twin.ending == game.ending
    assert twin.score() == game.score()
