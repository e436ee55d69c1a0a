"""The map's scene: conditions show, move, recolour and relabel features as the scenario scripts them, and the
parties' stances come from what the player sees."""

from __future__ import annotations

import datetime as dt

from game.engine import Game
from game.present.mapview import MapModel
from tests.scenarios.shipped import load_shipped, state_on

CUBA = "cuban_missile_crisis_1962"


def _scene(rules, day: dt.date, **variables):
    state = state_on(rules, day)
    for name, value in variables.items():
        state.variables[name] = value
    return MapModel(rules).scene(state, Game(rules, 0).observation())


def test_the_quarantine_line_is_absent_on_16_october_and_drawn_on_24_october():
    _, rules = load_shipped(CUBA)
    assert "quarantine_line" not in {line.id for line in _scene(rules, dt.date(1962, 10, 16)).lines}
    assert "quarantine_line" in {line.id for line in _scene(rules, dt.date(1962, 10, 24)).lines}


def test_the_soviet_ships_approach_the_line_then_turn_back_when_they_hold():
    _, rules = load_shipped(CUBA)

    def ships(day, **variables):
        return next(p for p in _scene(rules, day, **variables).places if p.id == "soviet_ships")

    far, at_line = ships(dt.date(1962, 10, 20)), ships(dt.date(1962, 10, 24))
    held = ships(dt.date(1962, 10, 24), ships_held=True)
    assert at_line.at[0] < far.at[0], "approaching Cuba means moving west"
    assert at_line.colour == "danger" and held.colour == "good"
    assert held.at[0] > at_line.at[0] and held.name != at_line.name


def test_a_scenario_without_a_map_has_an_empty_scene(tmp_path):
    from game.engine import build_rules
    from game.scenario.loader import load_scenario
    from tests.scenarios.shipped import ROOT

    result = load_scenario(ROOT / "tests" / "fixtures" / "minimal.yaml")
    rules = build_rules(result.scenario)
    game = Game(rules, 0)
    scene = MapModel(rules).scene(game.state, game.observation())
    assert scene.places == () and scene.lines == () and scene.territories == {}
    assert set(scene.stances) == {"north", "south"}


def test_stances_follow_the_public_rung_of_each_party_s_disputes():
    _, rules = load_shipped(CUBA)
    game = Game(rules, 3)
    game.state.pairs[rules.pair_ids.index("usa_cuba")].pressure = 5.2
    scene = MapModel(rules).scene(game.state, game.observation())
    obs = game.observation()
    rung = obs.pairs[rules.pair_ids.index("usa_cuba")].rung
    assert scene.stances["cuba"].rung == max(p.rung for p in obs.pairs if "cuba" in p.parties) == rung


def test_the_missile_sites_are_drawn_only_once_the_secretary_general_or_the_world_knows_of_them():
    _, rules = load_shipped(CUBA)

    def sites(day, briefed=False):
        state = state_on(rules, day)
        if briefed:
            state.fired["rikhye_briefed"] = 1
        return {p.id for p in MapModel(rules).scene(state, Game(rules, 0).observation()).places} & {
            "san_cristobal", "sagua"}

    assert sites(dt.date(1962, 10, 16)) == set(), "on 16 October only Washington knows"
    assert sites(dt.date(1962, 10, 20), briefed=True) == {"san_cristobal", "sagua"}
    assert sites(dt.date(1962, 10, 22)) == {"san_cristobal", "sagua"}
