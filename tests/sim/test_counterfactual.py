"""Counterfactuals: the past exactly as played, futures sampled from the decision point, common luck per run."""

from __future__ import annotations

import pytest

from game.engine import Action, Game, TurnInput, build_rules
from game.engine.checker import fingerprint
from game.present.moves import comparison_label
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from game.sim.counterfactual import _baseline_state, compare, future_seed, key_decisions
from game.sim.policies import get_policy

from .brink import brink

STAND_DOWN = Action("stand_down", None, "private")
APPEAL = Action("public_appeal", "east_west")


def _played(rules, seed, plan):
    """Play `plan` (actions per turn), then wait to the end; returns the inputs."""
    game = Game(rules, seed)
    for actions in plan:
        if game.done:
            break
        game.step(actions)
    while not game.done:
        game.step()
    return game.inputs


RULES = brink()
INPUTS = _played(RULES, 3, [[APPEAL], [STAND_DOWN]])


def test_waiting_instead_of_the_war_preventing_proposal_brings_war():
    c = compare(RULES, 3, INPUTS, 1, (), runs=60)
    assert c.played == (STAND_DOWN,) and c.alternative == ()
    assert c.counterfactual.endings["war"] > c.actual.endings["war"] + 0.3
    assert c.counterfactual.ratings["failure"] > c.actual.ratings["failure"]
    assert comparison_label(RULES, c.played, c.alternative) == \
        "waiting instead of the private proposal 'Mutual stand-down'"
    assert c.date == RULES.dates[1].isoformat() and c.turn == 1


def test_the_played_action_as_alternative_gives_the_same_distribution():
    c = compare(RULES, 3, INPUTS, 1, (STAND_DOWN,), runs=40)
    assert c.actual == c.counterfactual


def test_deterministic():
    assert compare(RULES, 3, INPUTS, 0, (), runs=30) == compare(RULES, 3, INPUTS, 0, (), runs=30)


def test_distribution_shape_and_the_past_as_played():
    c = compare(RULES, 3, INPUTS, 1, (), runs=25)
    game = Game(RULES, 3)
    rungs = [game.state.pairs[0].rung]
    game.step(INPUTS[0].actions)
    rungs.append(game.state.pairs[0].rung)
    for d in (c.actual, c.counterfactual):
        assert d.runs == 25
        assert set(d.endings) == {"war", "calm", "tense"} and abs(sum(d.endings.values()) - 1) < 1e-9
        assert set(d.ratings) == {"success", "partial", "failure"} and abs(sum(d.ratings.values()) - 1) < 1e-9
        assert len(d.escalation["east_west"]) == RULES.turns + 1
        assert d.escalation["east_west"][:2] == rungs  # turns before the decision are the same in every run
    assert c.actual.mean_score > c.counterfactual.mean_score


def test_futures_differ_between_runs():
    c = compare(RULES, 3, INPUTS, 0, (), runs=40)
    assert 0 < c.actual.endings["war"] < 1  # one future repeated would give 0 or 1


def test_bad_turn_or_illegal_alternative_is_refused():
    with pytest.raises(ValueError, match="not a turn"):
        compare(RULES, 3, INPUTS, len(INPUTS), ())
    with pytest.raises(ValueError, match="not possible"):
        compare(RULES, 3, INPUTS, 1, (Action("public_appeal", "nowhere"),))


def test_later_moves_that_became_illegal_are_dropped():
    inputs = list(INPUTS[:2]) + [TurnInput((STAND_DOWN,), ())] + list(INPUTS[3:])
    c = compare(RULES, 3, inputs, 1, (), runs=10)  # stand_down at turn 2 is legal only where it was not accepted
    assert c.actual.runs == 10


def test_key_decisions_finds_the_proposal_first():
    found = key_decisions(RULES, 3, INPUTS, runs=40, top=2)
    assert 1 <= len(found) <= 2
    assert found[0].turn == 1 and STAND_DOWN not in found[0].alternative
    assert found[0].counterfactual.endings["war"] > found[0].actual.endings["war"]
    assert [c.distance for c in found] == sorted((c.distance for c in found), reverse=True)
    assert key_decisions(RULES, 3, INPUTS, runs=40, top=2) == found


def test_key_decisions_on_two_processes_are_the_same():
    assert key_decisions(RULES, 3, INPUTS, runs=20, top=2, jobs=2) == key_decisions(RULES, 3, INPUTS, runs=20, top=2)


def test_the_same_decisions_whatever_the_string_hashing(tmp_path):
    """Near-ties between alternatives are broken by bits that must not depend on the process's hash seed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = ("from tests.sim.test_counterfactual import RULES, INPUTS; from game.sim.counterfactual import "
              "key_decisions; print(repr(key_decisions(RULES, 3, INPUTS, runs=10, top=3)))")
    root = Path(__file__).resolve().parents[2]
    outs = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(h)}).stdout for h in (1, 2, 3)}
    assert len(outs) == 1


@pytest.mark.parametrize("scenario", ["cuban_missile_crisis_1962", "unpredep_fyrom_1995"])
def test_a_futures_baseline_shares_its_first_turns_and_is_the_baseline_played_from_the_start(scenario):
    rules = build_rules(load_scenario(resolve(scenario)).scenario)
    game, memo = Game(rules, 8, record=False), {}
    policy = get_policy("random", rules)
    while not game.done and game.turn < 9:
        for run in range(3):
            reseed = future_seed(8, game.turn, run)
            alone = game.fork(reseed, record=False).baseline_state()
            assert fingerprint(_baseline_state(game, reseed, memo)) == fingerprint(alone)
        game.step(*policy.decide(game))
    assert sum(1 for key in memo if key[0] == "passive") == game.turn - 1  # one shared start per decision turn
