"""The warm worker processes of one game: started once, reused by every call, the work cut so that the answer is
the same whatever the number of processes, and gone once closed."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import Game
from game.sim.advisor import advise
from game.sim.pool import RulesPool, chunks

from .brink import brink


def _turn_and_value(game: Game, item: int) -> tuple[int, int]:
    return game.turn, item * item


@given(st.lists(st.integers(), max_size=60), st.integers(1, 20))
def test_chunks_cut_the_items_into_contiguous_runs_in_order(items, count):
    parts = chunks(items, count)
    assert [x for part in parts for x in part] == items
    assert len(parts) <= count and all(parts)
    if parts:
        assert max(map(len, parts)) - min(map(len, parts)) <= 1


def test_the_advice_is_the_same_on_one_process_on_two_and_here():
    rules = brink(intelligence=0.6)
    game = Game(rules, 4)
    game.step()
    here = advise(game, runs=16)
    for jobs in (1, 2):
        pool = RulesPool(rules, jobs)
        try:
            assert advise(game, runs=16, pool=pool) == here
            assert advise(game, runs=16, horizon=2, pool=pool) == advise(game, runs=16, horizon=2)
        finally:
            pool.close()


def test_the_pool_is_started_once_and_reused_then_shut_down():
    rules = brink()
    game = Game(rules, 1)
    pool = RulesPool(rules, 2)
    try:
        assert pool.map(_turn_and_value, game, range(10)) == [(0, n * n) for n in range(10)]
        workers = {p.pid for p in multiprocessing.active_children()}
        assert len(workers) >= 2
        game.step()
        advise(game, runs=8, pool=pool)
        assert pool.map(_turn_and_value, game, [3]) == [(1, 9)]  # the game as it is now, not as it was
        assert {p.pid for p in multiprocessing.active_children()} == workers  # the same processes, kept warm
        assert pool.calls >= 3  # each round of the advisor is one call
    finally:
        pool.close()
    assert not pool.open
    assert not workers & {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(RuntimeError, match="closed"):
        pool.map(_turn_and_value, game, [1])
    pool.close()  # closing twice is harmless


def test_a_pool_serves_only_the_rules_it_was_built_for():
    pool = RulesPool(brink(), 1)
    try:
        with pytest.raises(ValueError, match="another game"):
            advise(Game(brink(), 1), runs=4, pool=pool)
    finally:
        pool.close()
