"""The shipped Cuban Missile Crisis scenario (16-28 October 1962): the issue's facts and its balance."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from game.cli.info import run_info
from game.engine import Game
from game.sim.batch import run_batch

from .shipped import load_shipped, path_of, state_on

PATH = path_of("cuban_missile_crisis_1962")


@pytest.fixture(scope="module")
def loaded():
    return load_shipped("cuban_missile_crisis_1962")


def _event(scenario, key):
    return next(ev for ev in scenario.events if ev.id == key)



def test_info_gives_13_daily_turns_from_16_to_28_october_1962():
    out, err = io.StringIO(), io.StringIO()
    assert run_info("cuban_missile_crisis_1962", True, out, err) == 0
    info = json.loads(out.getvalue())
    assert (info["start"], info["end"], info["turns"], info["turn_unit"]) == ("1962-10-16", "1962-10-28", 13, "day")


def test_cites_at_least_three_sources_including_the_issues_references(loaded):
    scenario, _ = loaded
    ids = {s.id for s in scenario.sources}
    assert len(ids) >= 3
    assert {"frus_xi_59", "dorn_pauk", "atomicarchive", "un_sg1353", "dobbs2008"} <= ids



def test_the_historical_beats_fall_on_their_dates(loaded):
    scenario, _ = loaded
    beats = {
        "u2_photos": dt.date(1962, 10, 16),
        "gromyko_meeting": dt.date(1962, 10, 18),
        "rikhye_briefed": dt.date(1962, 10, 20),
        "quarantine_speech": dt.date(1962, 10, 22),
        "council_meets": dt.date(1962, 10, 23),
        "quarantine_in_force": dt.date(1962, 10, 24),
        "non_aligned_request": dt.date(1962, 10, 24),
        "stevenson_zorin": dt.date(1962, 10, 25),
        "first_letter": dt.date(1962, 10, 26),
        "castro_guns": dt.date(1962, 10, 26),
        "second_letter": dt.date(1962, 10, 27),
    }
    assert {key: _event(scenario, key).date for key in beats} == beats


def test_the_parties_pairs_and_council_of_1962(loaded):
    scenario, _ = loaded
    assert {p.id for p in scenario.parties} == {"usa", "ussr", "cuba"}
    assert {tuple(p.between) for p in scenario.pairs} >= {("usa", "ussr"), ("usa", "cuba")}
    permanent = {m.name for m in scenario.council if m.permanent}
    assert len(permanent) == 5 and "China (Republic of China)" in permanent
    assert any(not m.permanent for m in scenario.council)


def test_the_appeals_of_24_october_are_the_players_choice_not_an_automatic_effect(loaded):
    scenario, rules = loaded
    request = _event(scenario, "non_aligned_request")
    assert {"identical_appeals", "private_notes", "decline"} <= {c.id for c in request.choices}
    assert request.default_choice != "identical_appeals"
    assert not any("standstill" in effect for effect in request.effects)
    game = Game(rules, 3)
    while not game.done:
        game.step()
    assert ("non_aligned_request", "identical_appeals") not in game.state.chose
    assert game.state.variables["standstill"] is False


def test_the_cable_to_castro_is_an_option_and_the_historical_policy_takes_it(loaded):
    scenario, _ = loaded
    assert "cable_castro" in {c.id for c in _event(scenario, "castro_guns").choices}
    taken = {event: choice for step in scenario.historical_policy for event, choice in step.choices.items()}
    assert taken["non_aligned_request"] == "identical_appeals"
    assert taken["castro_guns"] == "cable_castro"


def test_the_u2_shootdown_is_a_risk_that_grows_with_the_us_cuba_rung(loaded):
    scenario, rules = loaded
    u2 = _event(scenario, "u2_shootdown")
    assert u2.date is None and isinstance(u2.chance, str) and "usa_cuba.rung" in u2.chance
    chance = next(ev.chance for ev in rules.events if ev.key == "u2_shootdown")
    state = state_on(rules, dt.date(1962, 10, 27))
    k = rules.pair_ids.index("usa_cuba")
    by_rung = []
    for rung in (3, 4, 5):
        state.pairs[k].rung = rung
        by_rung.append(chance(state))
    assert by_rung == sorted(by_rung) and by_rung[0] < by_rung[-1]


def test_the_soviet_ships_holding_depends_on_the_state(loaded):
    scenario, _ = loaded
    ships = _event(scenario, "ships_hold")
    assert ships.date is None and isinstance(ships.chance, str) and "ussr.hostility" in ships.chance


def test_the_turkey_and_no_invasion_formulas_are_proposals_floated_privately_or_publicly(loaded):
    scenario, _ = loaded
    proposals = {p.id: p for p in scenario.proposals}
    for key in ("turkey_formula", "no_invasion_pledge"):
        assert proposals[key].pair == "usa_ussr"
        assert set(proposals[key].modes) == {"private", "public"}
    assert "verified = true" in proposals["un_verification"].on_accept


def test_endings_run_from_verified_settlement_to_nuclear_war(loaded):
    scenario, _ = loaded
    ratings = {e.id: e.rating for e in scenario.endings}
    assert ratings["verified_settlement"] == "success"
    assert ratings["missiles_for_jupiters"] == ratings["pledge_without_verification"] == "partial"
    assert ratings["standoff"] == ratings["invasion"] == ratings["nuclear_war"] == "failure"


def test_what_u_thant_did_beats_doing_nothing():
    history = run_batch(PATH, "historical", 300, seed=11)
    nothing = run_batch(PATH, "passive", 300, seed=11)
    assert history.success_rate >= nothing.success_rate + 0.1
    assert history.failure_rate < nothing.failure_rate
    assert 0.0 < nothing.failure_rate < 1.0


def _game_with_a_deal_on_22_october(rules):
    """A passive game in which the missiles-for-pledge deal exists from 22 October (as if accepted that day)."""
    game = Game(rules, 0)
    while rules.dates[game.turn] < dt.date(1962, 10, 22):
        game.step()
    game.state.variables["deal"] = True
    while not game.done:
        game.step()
    return game


def test_after_an_early_deal_the_scheduled_beats_that_assume_none_give_way(loaded):
    _, rules = loaded
    game = _game_with_a_deal_on_22_october(rules)
    fired = game.state.fired
    assert "non_aligned_request" not in fired and "stevenson_zorin" not in fired
    assert fired["quarantine_in_force"] == 1 and game.state.variables["defcon"] == 3
    news = [m for r in game.reports for m in r.messages if m.code == "event" and m.args[0] == "quarantine_in_force"]
    assert news[0].args == ("quarantine_in_force", 0)
    from game.present.news import message_text

    text = message_text(rules, news[0])
    assert "steaming toward the line" not in text and "DEFCON 3" in text
    assert "council_meets" in fired and game.state.texts["event:council_meets"] == 0


def test_without_a_deal_the_quarantine_brings_defcon_2_and_the_ships(loaded):
    _, rules = loaded
    game = Game(rules, 0)
    while rules.dates[game.turn] <= dt.date(1962, 10, 24):
        game.step()
    assert game.state.fired["quarantine_in_force"] == 1 and game.state.variables["defcon"] == 2
    assert "event:quarantine_in_force" not in game.state.texts


def test_the_prices_of_the_answers_are_costs_the_engine_checks_and_the_invented_ones_are_marked(loaded):
    scenario, _ = loaded
    request = _event(scenario, "non_aligned_request")
    costs = {c.id: c.cost.prestige for c in request.choices}
    assert costs == {"identical_appeals": 4, "private_notes": 2, "decline": 0}
    invented = {c.id for ev in scenario.events for c in ev.choices if c.invented}
    assert invented == {"private_notes", "decline", "public_call", "leave_to_moscow", "urge_restraint",
                        "decline_invitation"}
    taken = {c for step in scenario.historical_policy for c in step.choices.values()}
    assert not invented & taken, "a choice the real Secretary-General made is not invented"
