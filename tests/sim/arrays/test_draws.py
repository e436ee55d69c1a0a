"""The array back end draws exactly what the engine draws: the same float, bit for bit, at every address of every
seed (game/engine/rng.py's counter-based SplitMix64 in numpy's uint64 arithmetic)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.rng import Dice
from game.sim.arrays.draws import ArrayDice
from game.sim.seeds import derive_seed

seeds = st.integers(min_value=-(2**70), max_value=2**70)  # the engine masks any integer to 64 bits


@settings(max_examples=300, deadline=None)
@given(seed_list=st.lists(seeds, min_size=1, max_size=20), turn=st.integers(0, 2000), stream=st.integers(0, 9),
       key=st.integers(0, 2**32 - 1))
def test_every_world_draws_what_the_engine_draws_on_its_seed(seed_list, turn, stream, key):
    drawn = ArrayDice(seed_list).uniform(turn, stream, key)
    assert drawn.dtype == np.float64
    assert [float(x) for x in drawn] == [Dice(s).uniform(turn, stream, key) for s in seed_list]


def test_a_batch_of_game_seeds_draws_the_same_floats_at_the_engine_s_busiest_addresses():
    game_seeds = [derive_seed(0, i) for i in range(2000)]
    dice = ArrayDice(game_seeds)
    for turn, stream, key in [(0, 3, 0), (7, 2, 1), (12, 1, 0), (47, 3, 34), (999, 6, 12345)]:
        expected = [Dice(s).uniform(turn, stream, key) for s in game_seeds]
        assert dice.uniform(turn, stream, key).tolist() == expected


def test_dropping_worlds_keeps_each_world_s_own_draws():
    game_seeds = [derive_seed(3, i) for i in range(50)]
    keep = np.array([0, 7, 8, 49])
    kept = ArrayDice(game_seeds).take(keep)
    assert kept.uniform(5, 2, 1).tolist() == [Dice(game_seeds[i]).uniform(5, 2, 1) for i in keep]
