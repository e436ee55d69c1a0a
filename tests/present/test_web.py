"""The class server's pages in words: built from the same records as the other front ends, and complete."""

from pathlib import Path

from game.engine import Action, Game, build_rules
from game.engine.intel import Estimate
from game.engine.record import Refusal
from game.present import web
from game.present.refusals import refusal_text
from game.scenario.loader import load_scenario

FIXTURE = Path(__file__).parent.parent / "fixtures" / "facilitator" / "classroom.yaml"


def game(seed=3):
    return Game(build_rules(load_scenario(FIXTURE).scenario), seed)


def test_an_estimate_reads_as_value_and_band():
    assert web.estimate_text(Estimate(0.5, 0.25, 0.75)) == "0.50 (90%: 0.25–0.75)"


def test_the_page_lists_exactly_the_legal_actions_with_their_costs():
    g = game()
    page = web.turn_page(g, player="Ana", paused=False, closed=False)
    listed = [Action(a["use"], a["target"], a["mode"]) for a in page["instruments"]]
    assert listed == g.legal_actions()
    assert all(a["cost"] and a["timing"] for a in page["instruments"])
    assert page["heading"] == "Week 1 of 5 · 1 January 2030" and page["ending"] is None


def test_a_closed_class_lists_no_actions():
    assert web.turn_page(game(), player="", paused=False, closed=True)["instruments"] == []


def test_the_report_groups_changes_under_their_causes_and_adds_up_like_the_window():
    from game.present.lines import report_days

    g = game()
    g.step([Action("good_offices", "north_south")])
    report = web.turn_page(g, player="", paused=False, closed=False)["report"]
    assert report["heading"] == "What happened in week 1 · 1 January 2030"
    assert any(group["label"].startswith("Good offices → ") for group in report["groups"])
    assert report["decisions"].endswith(".")
    day = report_days(g.rules, g.reports[-1])[0]
    assert report["totals"] == [t.text for t in day.totals]
    assert [s for group in report["groups"] for s in group["sentences"]] == \
        [s.text for c in day.causes for s in c.shares]


def test_the_end_screen_gives_the_ending_and_the_score():
    g = game()
    while not g.done:
        g.step()
    end = web.turn_page(g, player="", paused=False, closed=False)["ending"]
    assert end["title"] == "The end: Calm returns" and end["score"][0].startswith("Your score: ")


def test_an_illegal_order_is_explained_with_the_games_own_reason():
    g = game()
    refusal = Refusal("unknown_action", ("article_99",))
    assert web.error_text(g.rules, "illegal", refusal) == f"Not possible now: {refusal_text(g.rules, refusal)}."
    assert web.error_text(g.rules, "no-such-code") == web.ERRORS["malformed"]


def test_the_dashboard_tallies_endings_as_they_arrive():
    done, playing = game(), game()
    while not done.done:
        done.step()
    board = web.dashboard(done.rules, [(1, "Ana", done), (2, "Ben", playing)], code="C", join_url="u", paused=True,
                          closed=False)
    assert board["endings"] == ["Calm returns (success): 1"]
    assert board["students"][1]["status"] == web.STATUS_PLAYING
    assert board["state"] == web.LABELS["paused"] and board["count"] == "2 students, 1 finished"
