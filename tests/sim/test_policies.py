"""Policies: only legal moves, deterministic for a seed, history on its dates, fixed moves, clear errors."""

from __future__ import annotations

import pytest

from game.engine import Action, Game, Rules
from game.sim.policies import Greedy, Historical, Policy, UnknownPolicy, get_policy, play

SEEDS = range(6)
ALL = ["passive", "random", "greedy", "historical", "fixed:public_appeal", "fixed:private_appeal:lowmark",
       "fixed:early_warning", "fixed:shared_filling:public"]


def checked_game(rules: Rules, policy: Policy, seed: int) -> Game:
    """Play a whole game, asserting before each step that every decided action is legal after the ones before it
    and that every answer is to a pending event with one of its choices."""
    game = Game(rules, seed)
    while not game.done:
        actions, choices = policy.decide(game)
        taken: list[Action] = []
        for action in actions:
            assert game.why_illegal(action, taken) is None, (policy.name, game.turn, action)
            taken.append(action)
        pending = {event: {c for c, _ in options} for event, _, options in game.pending()}
        for event, choice in choices.items():
            assert choice in pending.get(event, set()), (policy.name, event, choice)
        game.step(actions, choices)
    return game


@pytest.mark.parametrize("name", ALL)
def test_policy_plays_only_legal_actions_over_whole_games(rules, name):
    policy = get_policy(name, rules)
    for seed in SEEDS:
        game = checked_game(rules, policy, seed)
        assert game.ending in {e.key for e in rules.endings}


def test_passive_takes_no_action_and_default_choices(rules):
    defaults = {ev.key: ev.choices[ev.default_choice].key for ev in rules.events if ev.choices}
    for seed in SEEDS:
        game = play(Game(rules, seed), get_policy("passive", rules))
        assert all(turn.actions == () for turn in game.inputs)
        assert all(defaults[event] == choice for turn in game.inputs for event, choice in turn.choices)


@pytest.mark.parametrize("name", ["random", "greedy"])
def test_policy_is_deterministic_for_a_seed(rules, name):
    for seed in (0, 11):
        first = play(Game(rules, seed), get_policy(name, rules)).inputs
        second = play(Game(rules, seed), get_policy(name, rules)).inputs
        assert first == second


def test_random_acts_and_varies_with_the_seed(rules):
    policy = get_policy("random", rules)
    runs = [play(Game(rules, seed), policy).inputs for seed in range(8)]
    assert any(turn.actions for inputs in runs for turn in inputs)
    assert len({tuple(inputs) for inputs in runs}) > 1


def test_random_answers_pending_events(rules):
    policy = get_policy("random", rules)
    answered = [turn.choices for seed in range(40) for turn in play(Game(rules, seed), policy).inputs if turn.choices]
    assert answered, "no event with choices fired in 40 random games; pick another check"


def test_greedy_does_better_than_passive(rules):
    greedy, passive = get_policy("greedy", rules), get_policy("passive", rules)
    rating = {e.key: e.rating for e in rules.endings}
    good = sum(rating[play(Game(rules, s), greedy).ending] != "failure" for s in range(8))
    base = sum(rating[play(Game(rules, s), passive).ending] != "failure" for s in range(8))
    assert good > base


def test_greedy_horizon_is_tunable(rules):
    game = Game(rules, 4)
    actions, choices = Greedy(horizon=0).decide(game)
    assert choices == {}
    assert len(actions) <= 1


def test_historical_plays_history_on_its_turns(rules):
    assert rules.historical, "the sample scenario has a historical policy"
    first_turn = min(rules.historical)
    game = checked_game(rules, get_policy("historical", rules), 0)
    planned = {t: [Action(a.use, a.target, a.mode) for a in acts] for t, (acts, _) in rules.historical.items()}
    for turn, inputs in enumerate(game.inputs):
        played = list(inputs.actions)
        if turn not in planned:
            assert played == [], turn
        else:
            assert all(a in planned[turn] for a in played), turn
    assert list(game.inputs[first_turn].actions) == planned[first_turn]


def test_historical_skips_an_illegal_action_and_keeps_going(rules):
    plan = {0: ([Action("no_such_instrument"), Action("early_warning"), Action("early_warning")], {"x": "y"})}
    actions, choices = Historical(plan).decide(Game(rules, 0))
    assert actions == [Action("early_warning")]
    assert choices == {}


def test_fixed_plays_its_action_whenever_legal(rules):
    policy = get_policy("fixed:private_appeal:lowmark", rules)
    action = Action("private_appeal", "lowmark")
    game = Game(rules, 2)
    while not game.done:
        legal = game.why_illegal(action) is None
        actions, choices = policy.decide(game)
        assert actions == ([action] if legal else [])
        assert choices == {}
        game.step(actions, choices)
    assert any(turn.actions for turn in game.inputs)


def test_fixed_fills_in_a_single_pair_and_a_proposal_mode(rules):
    assert get_policy("fixed:good_offices", rules).action == Action("good_offices", "karelia_lowmark")
    assert get_policy("fixed:shared_filling", rules).action == Action("shared_filling", None, "private")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gredy", "did you mean 'greedy'?"),
        ("fixed:public_apeal", "did you mean 'public_appeal'?"),
        ("fixed:private_appeal", "needs a target party: karelia, lowmark"),
        ("fixed:private_appeal:atlantis", "has no party 'atlantis'"),
        ("fixed:early_warning:lowmark", "takes no target"),
        ("fixed:shared_filling:loud", "private or public"),
        ("fixed:", "fixed:INSTRUMENT[:TARGET]"),
    ],
)
def test_unknown_policy_message(rules, name, expected):
    with pytest.raises(UnknownPolicy) as info:
        get_policy(name, rules)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


def test_unknown_policy_lists_the_valid_names(rules):
    with pytest.raises(UnknownPolicy) as info:
        get_policy("zzz", rules)
    for name in ("passive", "random", "greedy", "historical", "fixed:INSTRUMENT[:TARGET]"):
        assert name in str(info.value)
