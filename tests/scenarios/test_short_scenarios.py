"""The three shorter shipped scenarios (Iraq 1998, Afghanistan 1988, Oslo 1993): facts, teaching material and
balance against doing nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from game.scenario.loader import load_scenario
from game.sim.batch import run_batch

from .shipped import load_shipped, path_of

# id -> (first turn, last turn, turn unit, number of turns)
CALENDARS = {
    "iraq_inspections_1998": (dt.date(1998, 1, 1), dt.date(1998, 12, 1), "month", 12),
    "afghanistan_geneva_1988": (dt.date(1988, 1, 1), dt.date(1989, 2, 1), "month", 14),
    "oslo_back_channel_1993": (dt.date(1992, 12, 1), dt.date(1993, 9, 1), "month", 10),
}
IDS = list(CALENDARS)
BALANCE_RUNS = 300


@pytest.fixture(scope="module", params=IDS)
def loaded(request):
    return (request.param, *load_shipped(request.param))




def test_calendar_and_turn_count(loaded):
    scenario_id, scenario, rules = loaded
    start, end, unit, turns = CALENDARS[scenario_id]
    assert (scenario.calendar.start, scenario.calendar.end, scenario.calendar.turn_unit) == (start, end, unit)
    assert rules.turns == turns
    assert 8 <= rules.turns <= 16, "the short scenarios stay between 8 and 16 turns"


def test_has_teaching_material(loaded):
    _, scenario, _ = loaded
    assert scenario.historical_notes and all(note.source for note in scenario.historical_notes)
    assert len(scenario.discussion) >= 3
    terms = {entry.term for entry in scenario.glossary}
    assert "Good offices" in terms
    assert scenario.notes


def test_historical_policy_is_present_and_answers_a_choice(loaded):
    _, scenario, _ = loaded
    assert scenario.historical_policy
    assert any(step.choices for step in scenario.historical_policy)


def test_endings_run_from_success_to_failure(loaded):
    _, scenario, _ = loaded
    assert {e.rating for e in scenario.endings} == {"success", "partial", "failure"}


def test_oslo_says_the_un_role_is_invented():
    scenario = load_scenario(path_of("oslo_back_channel_1993")).scenario
    assert "INVENTED FRAMING" in scenario.notes
    assert "Norway" in scenario.briefing.role
    assert any(ev.invented for ev in scenario.events)


@pytest.mark.parametrize("scenario_id", IDS)
def test_historical_policy_beats_doing_nothing(scenario_id):
    path = path_of(scenario_id)
    historical = run_batch(path, "historical", BALANCE_RUNS, seed=7)
    passive = run_batch(path, "passive", BALANCE_RUNS, seed=7)
    assert historical.success_rate >= passive.success_rate + 0.15
    assert historical.failure_rate < passive.failure_rate


@pytest.mark.parametrize("scenario_id", ["iraq_inspections_1998", "afghanistan_geneva_1988"])
def test_the_options_the_real_secretary_general_did_not_take_are_marked_invented(scenario_id):
    scenario = load_scenario(path_of(scenario_id)).scenario
    taken = {(ev, choice) for step in scenario.historical_policy for ev, choice in step.choices.items()}
    for ev in scenario.events:
        for choice in ev.choices:
            assert choice.invented == ((ev.id, choice.id) not in taken), (ev.id, choice.id)
    assert "marked invented on the choices themselves" in " ".join(scenario.notes.split())


def test_oslo_has_norway_as_the_host_that_mediates_the_channel():
    scenario = load_scenario(path_of("oslo_back_channel_1993")).scenario
    norway = next(p for p in scenario.parties if p.id == "norway")
    assert (norway.role, norway.mediates) == ("mediator", ["israel_plo"])
    assert all("norway" not in pair.between for pair in scenario.pairs)


def test_afghanistan_counts_the_soldiers_withdrawn_on_the_accords_timetable():
    from game.engine import Game

    _, rules = load_shipped("afghanistan_geneva_1988")
    game = Game(rules, 0)
    while not game.done:
        if rules.dates[game.turn] == dt.date(1988, 4, 1):
            game.state.accepted.add("geneva_accords")  # as if signed in April: the withdrawal starts on 15 May
        game.state.variables["withdrawal_suspended"] = False
        game.step()
    track = game.state.variables["troops_out"]
    assert game.state.fired.get("withdrawal_begins") == 1
    assert track == 100.0  # about half by mid-August, all by February 1989
