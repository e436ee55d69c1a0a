"""Scenarios at the edges of what validates: the engine plays them to the end, keeps every value finite, and a
turn costs no more late in a long game than early (the launches are bookkeeping, not a list rescanned)."""

from __future__ import annotations

import datetime as dt
import json
import math

from game.engine import Action, Game, replay
from game.present.news import message_text
from game.saves import state_to_dict, to_json
from game.saves.store import save_data
from game.scenario.limits import MAX_NUMBER, MAX_TURNS

from .conftest import duel, play


def _warnings(game: Game) -> list[str]:
    return [message_text(game.rules, m) for r in game.reports for m in r.messages if m.kind == "warning"]


def test_a_calendar_ending_on_the_last_representable_date_plays_with_distractions():
    rules = duel(calendar={"start": "9999-12-20", "end": "9999-12-31", "turn_unit": "day"},
                 distractions=[{"id": "quake", "name": "Quake", "start": "9999-12-30", "end": "9999-12-31"}])
    game = play(rules, 1)
    assert game.done and rules.dates[-1] == dt.date.max
    assert rules.distraction_attention[-1] == 1 and rules.distraction_attention[-2] == 1


def test_a_calendar_starting_on_the_first_representable_date_plays():
    rules = duel(calendar={"start": "0001-01-01", "end": "0001-03-01", "turn_unit": "week"})
    assert play(rules, 2).done


def test_an_effect_that_overflows_is_held_finite_with_a_warning():
    rules = duel(variables={"tension": 1.0},
                 events=[{"id": "boom", "title": "Boom", "text": "Numbers grow.", "chance": 1.0, "repeat": True,
                          "when": "tension > 0 - 1", "effects": ["tension *= 1000000000000000000000000000000"]}])
    game = play(rules, 3, turns=4)
    assert game.state.variables["tension"] == MAX_NUMBER
    assert any("went past" in w and "tension" in w for w in _warnings(game))
    assert json.loads(to_json(save_data(game, scenario_path="x", digest="d")))["snapshot"]["variables"]["tension"] \
        == MAX_NUMBER


def test_an_effect_that_gives_no_number_leaves_the_value_with_a_warning():
    big = "1" + "0" * 300
    rules = duel(variables={"tension": 2.0},
                 events=[{"id": "nan", "title": "NaN", "text": "Infinity minus infinity.", "date": "2000-01-02",
                          "effects": [f"tension = {big} * {big} - {big} * {big}",
                                      f"east.hostility = {big} * {big} - {big} * {big}",
                                      f"envoys = {big} * {big} - {big} * {big}"]}])
    game = play(rules, 3, turns=3)
    assert game.state.variables["tension"] == 2.0
    assert math.isfinite(game.state.parties[0].hostility)
    assert sum("gave no number" in w for w in _warnings(game)) == 3


def test_products_of_whole_numbers_never_overflow_an_expression():
    huge = " * ".join(["date"] * 200)
    rules = duel(variables={"x": 0.0},
                 events=[{"id": "big", "title": "Big", "text": "Ordinals multiplied.", "date": "2000-01-02",
                          "effects": [f"x = {huge}", f"x = {huge} / 2", f"x = {huge} * 0.5 - 1"]}])
    game = play(rules, 1, turns=3)
    assert game.state.variables["x"] == MAX_NUMBER


def test_an_unaffordable_default_answer_does_not_stop_play():
    rules = duel(events=[{"id": "costly", "title": "Costly", "text": "Pay up.", "date": "2000-01-01",
                          "choices": [{"id": "pay", "label": "Pay", "cost": {"prestige": 100}},
                                      {"id": "free", "label": "Refuse"}], "default_choice": "pay"}])
    game = Game(rules, 1)
    assert game.pending()
    game.step()
    assert game.state.office.prestige >= 0 and ("costly", "pay") in game.state.chose
    assert state_to_dict(replay(rules, 1, game.inputs).state) == state_to_dict(game.state)


def test_the_longest_calendar_plays_to_its_end_with_the_same_moves_every_turn():
    rules = duel(calendar={"start": "2000-01-01", "end": (dt.date(2000, 1, 1) + dt.timedelta(MAX_TURNS - 1))
                           .isoformat(), "turn_unit": "day"}, endings=[{"id": "end", "title": "End", "rating":
                                                                         "success", "text": "Over.", "at_end": True}])
    game = play(rules, 5, actions=[Action("private_appeal", "east")])
    assert game.done and game.turn == MAX_TURNS
    assert len(game.state.recent_launches[("private_appeal", 0)]) <= 5  # bookkeeping stays small
    assert game.state.last_launch["private_appeal"] >= MAX_TURNS - 5
