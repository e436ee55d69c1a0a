"""The words of the turn report: causes grouped in plain sentences, and hidden changes never put into words."""

from __future__ import annotations

from game.engine import Action, Game, build_rules
from game.engine.record import Cause, Change, Message, TurnReport
from game.present.changes import change_sentence, group_by_cause, rung_paths
from game.present.news import message_text
from game.present.words import cost_text
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from tests.ui.driver import SAMPLE


def rules():
    return build_rules(load_scenario(resolve(SAMPLE)).scenario)


def test_changes_are_grouped_by_cause_and_netted():
    r = rules()
    appeal = Cause("instrument", "private_appeal")
    report = TurnReport(0, "2030-03-04", changes=[
        Change("prestige", 55, 53, appeal),
        Change("prestige", 53, 52, appeal),
        Change("karelia.hostility", 0.4, 0.3, appeal, hidden=True),
        Change("karelia_lowmark.rung", 2, 3, Cause("dynamics", "ladder", (0, 3))),
    ])
    groups = group_by_cause(r, report)
    assert [g.label for g in groups] == [r.instruments["private_appeal"].name, "pressure crossed into 'confrontation'"]
    assert groups[0].sentences == ("Prestige −3.0 (55 → 52)",)
    assert groups[1].sentences == ("Escalation between Karelia – Lowmark rose from crisis (2) to confrontation (3)",)


def test_a_cause_that_only_moved_hidden_values_is_not_shown_at_all():
    report = TurnReport(0, "2030-03-04", changes=[
        Change("lowmark.trust", 0.6, 0.5, Cause("event", "x"), hidden=True),
        Change("karelia.intention", 0, 1, Cause("decision", "karelia", ("aims",))),
    ])
    assert group_by_cause(rules(), report) == []


def test_sentences_for_money_support_and_switches():
    r = rules()
    assert change_sentence(r, "budget", 12, 10.5) == "Budget −$1.5m ($12.0m → $10.5m)"
    assert change_sentence(r, "council.usa", 0.6, 0.65) == "United States's support +5 pts (60% → 65%)"
    assert change_sentence(r, "water_deal", 0, 1) == "Water deal: yes"
    assert cost_text(r.instruments["special_envoy"].cost, True) == "3 prestige · $1m · 1 envoy · 1 attention"


def test_news_names_the_parties_never_their_ids():
    text = message_text(rules(), Message("news", "rung", (0, 2, 3)))
    assert text == "Karelia – Lowmark escalates to 'confrontation'."


def test_rung_paths_follow_the_reports_turn_by_turn():
    r = rules()
    game = Game(r, 3)
    start = [p.rung for p in game.state.pairs]
    for _ in range(4):
        game.step([Action("wait")])
    paths = rung_paths(r, game.reports, start)
    assert len(paths[0]) == 5 and paths[0][0] == start[0] and paths[0][-1] == game.state.pairs[0].rung


def test_a_change_too_small_to_read_is_left_out_and_half_points_of_prestige_show():
    from game.present.changes import shows

    assert not shows("visibility", 0.331, 0.333) and shows("visibility", 0.33, 0.35)
    assert not shows("prestige", 54.0, 54.01) and shows("prestige", 54.0, 54.5)
    assert change_sentence(rules(), "prestige", 54.0, 54.5) == "Prestige +0.5 (54 → 54.5)"
