"""What the player knows of the ladders: while a crisis is secret, every screen shows the rung the world sees and
no reading of the pressure, and no report or news tells of the real rung before the date the office learns it."""

from __future__ import annotations

from functools import cache

from game.cli.textmode import render_ladders, render_report, render_turn
from game.engine import Game, build_rules
from game.present import web
from game.present.known import player_view, secret
from game.present.lines import report_days
from game.present.mapview import MapModel
from game.present.news import news_by_date
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from tests.ui.driver import SAMPLE

BRIEFED = 4  # 20 October 1962, Rikhye's briefing: the first day the office knows


@cache
def cuba():
    return build_rules(load_scenario(resolve("cuban_missile_crisis_1962")).scenario)


def played(seed: int, turns: int) -> Game:
    game = Game(cuba(), seed)
    for _ in range(turns):
        game.step([])
    return game


def test_on_16_october_the_ladders_show_what_the_world_sees_not_the_secret_crisis():
    game = played(187109, 0)
    assert [p.rung for p in game.state.pairs] == [2, 2]  # the truth: already a crisis, in Washington's secret
    view = player_view(game)
    assert [(p.rung, p.rung_name, p.peak_rung) for p in view.pairs] == [(1, "tension", 1)] * 2
    text = "\n".join(render_turn(game))
    assert "crisis" not in text.split("Parties")[0] and "no reading of the pressure" in text
    page = web.turn_page(game, player="", paused=False, closed=False)
    assert [lad["rung_name"] for lad in page["ladders"]] == ["tension", "tension"]
    assert all("no reading" in lad["pressure"] for lad in page["ladders"])
    stances = MapModel(cuba()).scene(game.state, view).stances
    assert all(s.rung <= 1 for s in stances.values())


def test_from_the_briefing_on_the_ladders_show_the_real_rung_with_its_pressure():
    game = played(187109, BRIEFED)
    view = player_view(game)
    assert [p.rung for p in view.pairs] == [p.rung for p in game.state.pairs]
    assert "no reading of the pressure" not in "\n".join(render_ladders(cuba(), view))


def test_no_report_or_news_tells_of_a_secret_rung_before_the_office_knows_it():
    rules = cuba()
    for seed in range(30):
        game = played(seed, BRIEFED)
        for report in game.reports:
            for day in report_days(rules, report):
                shown = [t.target for t in day.totals] + [s.target for c in day.causes for s in c.shares]
                if day.turn < BRIEFED:
                    assert not any(t.endswith(".rung") for t in shown), (seed, day.turn, shown)
                    assert all(item.code != "rung" for item in day.news), (seed, day.turn)
        for turn, items in news_by_date(rules, game.reports, dates=10):
            assert turn >= BRIEFED or all(item.code != "rung" for item in items)
        text = "\n".join(line for report in game.reports[:BRIEFED] for line in render_report(rules, report))
        assert "confrontation" not in text and "climb" not in text, seed


def test_a_scenario_without_a_secret_shows_the_real_rung_from_the_first_turn():
    rules = build_rules(load_scenario(resolve(SAMPLE)).scenario)
    game = Game(rules, 1)
    assert not secret(rules, 0, 0)
    assert player_view(game) == game.observation()
