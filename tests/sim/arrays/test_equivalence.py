"""The array back end plays the very games the engine plays: on every shipped scenario, a few hundred passive
games on both back ends leave the same record — ending, turns, every pair's peak rung, the final prestige and
budget to the last bit. (The array twin's mechanics are a second writing of the engine's; this is what keeps
the two in step: a rule changed on one side only fails here.)"""

from __future__ import annotations

import pytest

from game.engine import Game, build_rules
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.sim.arrays.play import play_passive
from game.sim.batch import run_batch
from game.sim.seeds import derive_seed

GAMES = 300
SCENARIOS = shipped()


@pytest.fixture(scope="module", params=SCENARIOS, ids=[s.id for s in SCENARIOS])
def rules(request):
    return build_rules(load_scenario(request.param.path).scenario)


def engine_record(rules, seed: int) -> tuple:
    game = Game(rules, seed, record=False)
    while not game.done:
        game.step()
    s = game.state
    return s.ending, s.turn, tuple(p.peak_rung for p in s.pairs), repr(s.office.prestige), repr(s.office.budget)


def test_every_passive_game_is_the_engine_s_game(rules):
    seeds = [derive_seed(7, i) for i in range(GAMES)]
    out = play_passive(rules, seeds)
    differ = []
    for j, seed in enumerate(seeds):
        arrays = (out.ending_ids[out.ending[j]], int(out.turns[j]), tuple(int(r) for r in out.peak_rungs[j]),
                  repr(float(out.prestige[j])), repr(float(out.budget[j])))
        expected = engine_record(rules, seed)
        if arrays != expected:
            differ.append((seed, arrays, expected))
    assert not differ, f"{len(differ)} of {GAMES} games differ, e.g. {differ[:2]}"


def test_the_games_differ_from_one_another_so_the_comparison_has_teeth(rules):
    out = play_passive(rules, [derive_seed(7, i) for i in range(GAMES)])
    records = {(e, t, tuple(p)) for e, t, p in zip(out.ending.tolist(), out.turns.tolist(), out.peak_rungs.tolist(),
                                                     strict=True)}
    assert len(records) >= 3
    assert len(set(out.prestige.tolist()) | set(out.budget.tolist())) >= 2


@pytest.mark.parametrize("scenario", ["cuban_missile_crisis_1962", "kashmir_1965"])
def test_a_batch_on_arrays_reports_what_the_engine_reports_scores_included(scenario):
    path = next(s.path for s in SCENARIOS if s.id == scenario)
    arrays = run_batch(path, "passive", 120, seed=4, jobs=1, with_score=True, backend="arrays")
    engine = run_batch(path, "passive", 120, seed=4, jobs=1, with_score=True, backend="engine")
    assert (arrays.backend, engine.backend) == ("arrays", "engine")
    assert arrays.records == engine.records
    skip = {"seconds", "games_per_second", "backend"}
    assert {k: v for k, v in arrays.to_json().items() if k not in skip} == \
        {k: v for k, v in engine.to_json().items() if k not in skip}
