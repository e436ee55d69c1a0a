"""Orders on arrays play the engine's games: every `fixed:` policy of every shipped scenario (each instrument on
each target, each proposal in each mode: their menus, costs, launches, initiatives in flight and effects), and
pairs of moves ordered together (joint legality, two launches, two initiatives at work), leave the same record
game for game. The random policy draws its choices from the arrays' own generator, the same on any number of
processes."""

from __future__ import annotations

import random

import numpy as np
import pytest

from game.engine import Action, Game, build_rules
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.sim.arrays.orders import NONE, Orders, _second_menu, menu
from game.sim.arrays.play import _play, move_of, play_fixed, tables_for
from game.sim.balance import fixed_policies
from game.sim.batch import run_batch
from game.sim.policies import fixed_action, get_policy, play
from game.sim.seeds import derive_seed

SCENARIOS = shipped()
SEEDS = [derive_seed(11, i) for i in range(6)]


@pytest.fixture(scope="module", params=SCENARIOS, ids=[s.id for s in SCENARIOS])
def rules(request):
    return build_rules(load_scenario(request.param.path).scenario)


def record(game: Game) -> tuple:
    s = game.state
    return s.ending, s.turn, tuple(p.peak_rung for p in s.pairs), repr(s.office.prestige), repr(s.office.budget)


def array_records(out) -> list[tuple]:
    return [(out.ending_ids[out.ending[j]], int(out.turns[j]), tuple(int(r) for r in out.peak_rungs[j]),
             repr(float(out.prestige[j])), repr(float(out.budget[j]))) for j in range(len(out.seeds))]


def test_every_fixed_policy_plays_the_engine_s_games(rules):
    differ = []
    for name in fixed_policies(rules):
        arrays = array_records(play_fixed(rules, SEEDS, fixed_action(name, rules)))
        engine = [record(play(Game(rules, seed, record=False), get_policy(name, rules))) for seed in SEEDS]
        differ += [(name, seed) for seed, a, e in zip(SEEDS, arrays, engine, strict=True) if a != e]
    assert not differ, differ[:5]


def _engine_action(rules, move) -> Action:
    if move.proposal is not None:
        return Action(move.key, None, move.mode)
    kind = move.instrument.target
    target = rules.pair_ids[move.target] if kind == "pair" else rules.party_ids[move.target] if kind == "party" \
        else None
    return Action(move.key, target)


def _both(a, b):
    """Order `a`, then `b` if still legal with it (b alone when a is not legal), every turn."""

    def decide(T, w, dice):
        legal, free = menu(T, w)
        first = np.where(legal[a.index], a.index, NONE)
        then = _second_menu(T, w, legal, first, free)[b.index]
        second = np.where((first != NONE) & then, b.index, NONE)
        first = np.where(first == NONE, np.where(legal[b.index], b.index, NONE), first)
        return Orders(first, second, {})

    return decide


def test_two_moves_ordered_together_play_the_engine_s_games(rules):
    T = tables_for(rules)
    pick = random.Random(rules.scenario.id)
    differ = []
    for _ in range(6):
        a, b = pick.sample(T.moves, 2)
        arrays = array_records(_play(rules, SEEDS, _both(a, b)))
        orders = (_engine_action(rules, a), _engine_action(rules, b))
        for seed, got in zip(SEEDS, arrays, strict=True):
            game = Game(rules, seed, record=False)
            while not game.done:
                taken: list[Action] = []
                for action in orders:
                    if game.why_illegal(action, taken) is None:
                        taken.append(action)
                game.step(taken)
            if record(game) != got:
                differ.append((orders, seed))
    assert not differ, differ[:3]


def test_an_engine_action_maps_to_its_own_array_move(rules):
    T = tables_for(rules)
    for move in T.moves:
        assert move_of(T, _engine_action(rules, move)) is move


def test_random_games_on_arrays_are_the_same_on_one_process_or_two():
    path = next(s.path for s in SCENARIOS if s.id == "oslo_back_channel_1993")
    one = run_batch(path, "random", 400, seed=2, jobs=1)
    two = run_batch(path, "random", 400, seed=2, jobs=2)
    assert one.backend == two.backend == "arrays"
    assert one.records == two.records
    assert len({r.ending for r in one.records}) >= 4
