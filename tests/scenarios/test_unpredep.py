"""The shipped UNPREDEP scenario (FYROM, 1995-1999): the issue's facts and its balance against doing nothing."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from game.scenario.calendar import turn_of
from game.sim.batch import run_batch

from .shipped import load_shipped, path_of, state_on

PATH = path_of("unpredep_fyrom_1995")


@pytest.fixture(scope="module")
def loaded():
    return load_shipped("unpredep_fyrom_1995")


def _event(rules, key):
    return next(ev for ev in rules.events if ev.key == key)




def test_calendar_covers_march_1995_to_february_1999_month_by_month(loaded):
    _, rules = loaded
    assert rules.turns == 48
    assert rules.dates[0] == dt.date(1995, 3, 1)
    assert rules.dates[-1] == dt.date(1999, 2, 1)
    assert all((b.year - a.year) * 12 + b.month - a.month == 1 for a, b in itertools.pairwise(rules.dates))


def test_cites_the_resolutions_and_the_veto_press_release(loaded):
    scenario, _ = loaded
    ids = {s.id for s in scenario.sources}
    assert len(ids) >= 3
    assert {"res983", "res1027", "res1046", "res1082", "res1110", "res1142", "res1186", "sc6648"} <= ids



def test_the_historical_beats_fall_on_their_dates(loaded):
    scenario, _ = loaded
    dates = {ev.id: ev.date for ev in scenario.events}
    assert dates["res_983"] == dt.date(1995, 3, 31)
    assert dates["accord_new_york"] == dt.date(1995, 9, 13)
    assert dates["flag_clashes"] == dt.date(1997, 7, 9)
    assert dates["taiwan_recognition"] == dt.date(1999, 1, 27)
    assert dates["china_veto"] == dt.date(1999, 2, 25)


def test_the_china_veto_is_likelier_when_beijing_is_estranged(loaded):
    _, rules = loaded
    veto = _event(rules, "china_veto")
    china = rules.council_ids.index("china")
    state = state_on(rules, dt.date(1999, 2, 25))
    state.council[china] = 0.8
    friendly = veto.chance(state)
    state.council[china] = 0.25
    estranged = veto.chance(state)
    assert 0 < friendly < estranged < 1


def test_the_taipei_warning_needs_good_intelligence(loaded):
    _, rules = loaded
    warning = _event(rules, "taipei_talks")
    state = state_on(rules, dt.date(1998, 10, 1))
    state.office.intelligence = 0.3
    assert not warning.when(state)
    state.office.intelligence = 0.95
    assert warning.when(state)


def test_bosnia_and_kosovo_draw_attention_away_on_their_real_dates(loaded):
    scenario, rules = loaded
    cal = scenario.calendar
    names = {d.id: d for d in scenario.distractions}
    assert {"bosnia", "kosovo"} <= set(names)
    assert rules.distraction_attention[turn_of(cal, dt.date(1995, 7, 11))] >= 1  # Srebrenica
    assert rules.distraction_attention[turn_of(cal, dt.date(1998, 7, 1))] >= 1  # Kosovo summer offensive
    assert names["bosnia"].end.year == 1995 and names["kosovo"].start.year == 1998


def test_every_ending_is_rated_and_one_catches_a_game_that_runs_out(loaded):
    scenario, _ = loaded
    ratings = {e.rating for e in scenario.endings}
    assert ratings == {"success", "partial", "failure"}
    assert any(e.at_end and e.when is None for e in scenario.endings)


def test_the_historical_secretary_general_beats_doing_nothing():
    historical = run_batch(PATH, "historical", 200, seed=11)
    passive = run_batch(PATH, "passive", 200, seed=11)
    assert historical.success_rate > passive.success_rate + 0.15
    assert historical.failure_rate < passive.failure_rate - 0.3
