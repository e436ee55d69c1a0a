"""The state snapshot: plain JSON data that turns back into exactly the same GameState."""

from __future__ import annotations

import json

from game.engine import Game
from game.engine.state import Initiative
from game.saves import state_from_dict, state_to_dict

from .conftest import play_some


def _json_native(value) -> bool:
    """True when `value` is made only of what JSON stores (no tuples, sets or other objects)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_native(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_native(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def test_initial_state_round_trips_exactly(sample):
    rules, _, _ = sample
    state = Game(rules, 11).state
    data = state_to_dict(state)
    assert _json_native(data)
    assert state_from_dict(data) == state
    assert state_from_dict(json.loads(json.dumps(data))) == state


def test_played_state_round_trips_through_json(sample):
    rules, _, _ = sample
    state = play_some(rules).state
    data = state_to_dict(state)
    again = json.loads(json.dumps(data))
    assert again == data
    restored = state_from_dict(again)
    assert restored == state
    assert state_to_dict(restored) == data


def test_sets_become_sorted_lists_and_tuples_lists(sample):
    rules, _, _ = sample
    state = Game(rules, 5).state
    state.accepted = {"zeta", "alpha"}
    state.chose = {("shots", "silent"), ("march", "speak")}
    state.initiatives.append(Initiative("good_offices", "good_offices", 0, 0, 1, 2, 0, 1))
    state.variables["water_deal"] = True
    state.ending = "treaty"
    data = state_to_dict(state)
    assert data["accepted"] == ["alpha", "zeta"]
    assert data["chose"] == [["march", "speak"], ["shots", "silent"]]
    assert all(isinstance(row, list) for row in data["history"])
    restored = state_from_dict(json.loads(json.dumps(data)))
    assert restored == state
    assert restored.variables["water_deal"] is True
    assert isinstance(restored.history[0], tuple)


def test_snapshot_is_a_copy(sample):
    rules, _, _ = sample
    game = Game(rules, 2)
    data = state_to_dict(game.state)
    game.state.council[0] = 0.0
    game.state.parties[0].hostility = 0.99
    assert data["council"][0] != 0.0
    assert data["parties"][0]["hostility"] != 0.99
