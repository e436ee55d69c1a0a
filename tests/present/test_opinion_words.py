"""World opinion in words: each audience named, its regard as a word and share, its move over the turn, and its
causes named in the turn report like any other value's."""

from __future__ import annotations

from game.engine import Action, Game
from game.present import web
from game.present.lines import report_days
from game.present.opinion import REGARD, gauges, opinion_line, regard
from game.present.values import target_label

from ..engine.conftest import duel


def test_regard_words_run_from_hostile_to_admiring():
    assert regard(0.0)[0] == "hostile" and regard(1.0)[0] == "admiring"
    words = [regard(lowest)[0] for lowest, _, _ in REGARD]
    assert words == [w for _, w, _ in REGARD]


def test_the_report_names_the_standing_and_its_causes():
    rules = duel()
    game = Game(rules, 4)
    report = game.step([Action("public_appeal", "east_west")])
    assert target_label(rules, "opinion.press") == "Standing with the press"
    day = report_days(rules, report)[0]
    press = next(t for t in day.totals if t.target == "opinion.press")
    assert press.text.startswith("Standing with the press 50% → ") and press.n > 0
    shares = day.shares_of("opinion.press")
    assert any(label.startswith("Public appeal") for label, _ in shares)
    assert sum(s.n for _, s in shares) == press.n


def test_the_read_out_says_which_way_each_audience_moved():
    rules = duel()
    game = Game(rules, 4)
    game.step([Action("public_appeal", "east_west")])
    shown = gauges(game.observation(), game.reports[-1])
    assert [g.audience for g in shown] == ["nonaligned", "press", "council"]
    assert shown[1].change > 0 and shown[1].trend.startswith("up ")
    line = opinion_line(game.observation(), game.reports[-1])
    assert line.startswith("World opinion: the non-aligned ") and "the Council" in line


def test_the_class_page_shows_opinion_and_reactions():
    rules = duel()
    game = Game(rules, 4)
    game.step([Action("public_appeal", "east_west")])
    page = web.turn_page(game, player="", paused=False, closed=False)
    assert len(page["office"]["opinion"]) == 3 and page["office"]["opinion"][1].startswith("The press: ")
    assert len(page["report"]["reactions"]) == 2 and all(p["reaction"] for p in page["parties"])
