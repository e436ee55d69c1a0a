"""The tables Rules works out once per scenario for the turn to read: what they leave out must make no difference."""

from __future__ import annotations

from benchmarks.fingerprints import rules_of
from game.engine import Game
from game.engine.record import Cause
from game.scenario.catalogue import shipped
from game.sim.policies import get_policy

from .conftest import duel

EVENT = {"title": "Late", "text": "Only after the first days.", "repeat": True}


def test_an_event_the_calendar_rules_out_is_not_listed_on_those_turns():
    rules = duel(events=[{**EVENT, "id": "late", "when": "turn >= 3 and east.hostility >= 0"},
                         {**EVENT, "id": "dated", "when": "date >= 2000-01-05 or east.hostility > 2"},
                         {**EVENT, "id": "open", "when": "east.hostility >= 0"}])
    listed = [[e.key for e in rules.events_at[t]] for t in range(6)]
    assert listed[:3] == [["dated", "open"]] * 3  # 'dated' may still fire: the 'or' leaves it to the state
    assert listed[3] == ["late", "dated", "open"]
    assert listed[5] == listed[3]


def test_no_event_left_out_of_a_turn_could_have_fired_on_it():
    left_out = 0
    for scenario in shipped():
        rules = rules_of(scenario.path)
        policy = get_policy("random", rules)
        for seed in range(4):
            game = Game(rules, seed, record=False)
            while not game.done:
                t = game.turn
                listed = set(rules.events_at[t])
                for ev in rules.events:
                    if ev not in listed and (ev.turn is None or ev.turn <= t <= ev.last_turn):
                        left_out += 1
                        assert not ev.when(game.state), (scenario.id, ev.key, t)
                game.step(*policy.decide(game))
    assert left_out > 0  # the shipped scenarios do have events the calendar rules out


def test_a_cause_is_made_once_and_equals_one_made_afresh():
    rules = duel()
    first = rules.cause("decision", "east", ("escalate",))
    assert first == Cause("decision", "east", ("escalate",))
    assert rules.cause("decision", "east", ("escalate",)) is first
    assert rules.cause("decision", "west", ("escalate",)) != first
