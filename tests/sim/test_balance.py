"""Balance analysis: verdicts on fixtures built to have an unreachable ending, a useless instrument and a
dominant repeated move; paired seeds; the same result for any number of processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game, build_rules
from game.scenario.loader import load_scenario
from game.sim.balance import analyse, default_runs, fixed_policies, menu, play_without, tasks
from game.sim.counterfactual import still_legal, still_valid
from game.sim.policies import get_policy, play
from game.sim.seeds import derive_seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "balance"


def _rules(name: str):
    result = load_scenario(FIXTURES / f"{name}.yaml")
    assert result.scenario is not None, result.diagnostics
    return build_rules(result.scenario)


UNBALANCED = _rules("unbalanced")
DOMINANT = _rules("dominant")


@pytest.fixture(scope="module")
def unbalanced():
    return analyse(UNBALANCED, runs=60)


@pytest.fixture(scope="module")
def dominant():
    return analyse(DOMINANT, runs=60)


def test_an_unreachable_ending_is_reported(unbalanced):
    assert not unbalanced.endings["miracle"].reached
    assert unbalanced.endings["calm"].reached and unbalanced.endings["calm"].best_share > 0.5
    assert any(line.startswith("Ending 'miracle' (Miracle) is unreachable under every policy tried")
               for line in unbalanced.verdict)
    assert not any("'calm'" in line and "unreachable" in line for line in unbalanced.verdict)


def test_a_useless_instrument_is_never_worth_it(unbalanced):
    useless = unbalanced.instruments["track_two"]
    assert useless.used_share > 0.2 and useless.changed_share == 0.0 and useless.rarely_matters
    assert "Track II channel is never worth it: using it changed the outcome in 0.0% of the games that used it." \
        in unbalanced.verdict
    useful = unbalanced.instruments["private_appeal"]
    assert useful.changed_share > 0.05 and not useful.rarely_matters and not useful.not_worth_cost


def test_no_dominance_where_none_exists(unbalanced):
    assert unbalanced.dominant is None
    assert any(line.startswith("No single repeated move dominates") for line in unbalanced.verdict)


def test_a_dominant_repeated_move_beats_everything_including_history(dominant):
    assert dominant.dominant == "fixed:stand_down:private"
    assert ("fixed:stand_down:private dominates: it beats every other strategy including history"
            in " ".join(dominant.verdict))
    assert dominant.policies["historical"].ratings["failure"] > 0.9


def test_every_policy_plays_and_is_summarised(dominant):
    assert set(dominant.policies) == {"passive", "random", "greedy", "historical", *fixed_policies(DOMINANT)}
    for p in dominant.policies.values():
        assert abs(sum(p.endings.values()) - 1) < 1e-9 and abs(sum(p.ratings.values()) - 1) < 1e-9
        assert 1 <= p.mean_turns <= DOMINANT.turns


def test_fixed_policies_cover_each_target_and_mode():
    assert fixed_policies(DOMINANT) == [
        "fixed:public_appeal:east_west", "fixed:private_appeal:east", "fixed:private_appeal:west",
        "fixed:stand_down:private"]


def test_same_result_for_one_and_two_processes():
    assert analyse(UNBALANCED, runs=20, jobs=1) == analyse(UNBALANCED, runs=20, jobs=2)


def test_long_scenarios_get_fewer_default_runs_and_screened_moves():
    assert default_runs(UNBALANCED) == 200
    work = tasks(UNBALANCED, 200)
    assert ("passive", 0, 200) in work and all(stop <= 200 for _, _, stop in work)


def test_json_has_stable_keys(unbalanced):
    data = unbalanced.to_json()
    assert set(data) == {"scenario", "title", "turns", "runs", "seed", "policies", "endings", "instruments",
                         "best_fixed", "dominant", "verdict"}
    assert set(data["policies"]["passive"]) == {"runs", "endings", "ratings", "mean_value", "mean_turns"}
    assert set(data["endings"]["war"]) == {"title", "rating", "reached", "best_policy", "best_share", "mean_turns"}
    assert set(data["instruments"]["track_two"]) == {
        "name", "used_share", "changed_share", "value_effect", "best_fixed", "best_fixed_gain", "rarely_matters",
        "not_worth_cost", "informational", "substitutable"}


def test_bad_counts_are_refused():
    with pytest.raises(ValueError, match="runs"):
        analyse(UNBALANCED, runs=0)
    with pytest.raises(ValueError, match="jobs"):
        analyse(UNBALANCED, runs=5, jobs=0)


def test_a_move_that_others_can_replace_is_a_substitute_not_useless():
    # random play never changes ending without it (other moves do the same work), but repeated on its own it
    # turns every failure into a success: the verdict must not call it useless
    from game.sim.balance import Outcome, _instrument_stats

    win, loss = Outcome("calm", 100.0, 4), Outcome("war", -100.0, 4)
    played = {"random": [win] * 10, "passive": [loss] * 10, "fixed:private_appeal:north": [win] * 10}
    stats = _instrument_stats(UNBALANCED, "private_appeal", played, [win] * 10)
    assert stats.changed_share == 0.0 and stats.best_fixed_gain == 200.0
    assert stats.substitutable and not stats.rarely_matters
    alone_useless = {**played, "fixed:private_appeal:north": [loss] * 10}
    stats = _instrument_stats(UNBALANCED, "private_appeal", alone_useless, [win] * 10)
    assert stats.rarely_matters and not stats.substitutable


def _replayed_from_the_start_without(rules, key, inputs, seed):
    """The plain way: the whole record again on its seed, without `key`, then waiting to the end."""
    game = Game(rules, seed, record=False)
    for turn_input in inputs:
        if game.done:
            break
        choices = dict(turn_input.choices)
        actions = [a for a in turn_input.actions if a.use != key]
        game.step(still_legal(game, actions, choices), still_valid(game, choices))
    while not game.done:
        game.step()
    return game.ending, game.turn


@pytest.mark.parametrize("rules", [UNBALANCED, DOMINANT], ids=["unbalanced", "dominant"])
def test_replays_without_an_instrument_fork_from_the_record_and_end_as_a_replay_from_the_start(rules):
    keys = menu(rules)
    random = get_policy("random", rules)
    used = set()
    for i in range(12):
        seed = derive_seed(5, i)
        inputs = play(Game(rules, seed, record=False), random).inputs
        replays = play_without(rules, keys, inputs, seed)
        assert list(replays) == keys
        for key in keys:
            if not any(a.use == key for t in inputs for a in t.actions):
                assert replays[key] is None  # never used: it would replay identically
                continue
            used.add(key)
            assert (replays[key].ending, replays[key].turns) == _replayed_from_the_start_without(rules, key, inputs,
                                                                                                 seed)
    assert len(used) >= 2
