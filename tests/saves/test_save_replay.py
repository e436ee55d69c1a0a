"""Property: any game, on any seed, with any legal play, comes back from its save as exactly the same game."""

from __future__ import annotations

import random
import tempfile

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.saves import from_json, load_save, resume, save_game, state_from_dict, state_to_dict, to_json
from game.saves.store import save_data


def random_play(rules, seed: int, rnd: random.Random, stop: float) -> Game:
    """Play legal random orders and random answers to events; stop early with probability `stop` per turn."""
    game = Game(rules, seed)
    while not game.done and rnd.random() >= stop:
        legal = game.legal_actions()
        taken = []
        for action in rnd.sample(legal, k=min(len(legal), rnd.randint(0, 3))):
            if game.why_illegal(action, taken) is None:
                taken.append(action)
        answers = {key: rnd.choice(options)[0] for key, _, options in game.pending() if rnd.random() < 0.8}
        game.step(taken, answers)
    return game


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(-(2**63), 2**64), rnd=st.randoms(use_true_random=False), stop=st.sampled_from([0.0, 0.1]))
def test_replay_from_save_reproduces_the_state(sample, seed, rnd, stop):
    rules, digest, path = sample
    game = random_play(rules, seed, rnd, stop)
    save = from_json(to_json(save_data(game, scenario_path=path, digest=digest)), "memory")
    again = resume(save, rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.observation() == game.observation()
    assert state_from_dict(save.snapshot) == game.state
    if game.done:
        assert again.score() == game.score()


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10**6), rnd=st.randoms(use_true_random=False))
def test_replay_through_a_file(sample, seed, rnd):
    rules, digest, path = sample
    game = random_play(rules, seed, rnd, 0.2)
    with tempfile.TemporaryDirectory() as folder:
        saved = save_game(game, folder, scenario_path=path, digest=digest)
        again = resume(load_save(saved), rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
