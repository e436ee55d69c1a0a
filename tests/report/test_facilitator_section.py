"""The debrief of a facilitated game lists the facilitator's interventions and the class's votes, in every format;
a game without them has no such section."""

from __future__ import annotations

import json

from game.engine import Action, Game, Intervention, Vote
from game.report.build import debrief_of, render
from game.saves import save_game

from .conftest import SAMPLE, SEED, write

VOTE = Vote(0, (("good_offices karelia_lowmark", 11), ("shared_filling private", 11), ("wait", 2)),
            "good_offices karelia_lowmark")


def facilitated(sample, folder):
    rules, digest = sample
    game = Game(rules, SEED)
    game.step([Action("good_offices", "karelia_lowmark")])
    game.intervene(Intervention(1, "inject", "border_shooting", note="what if shots are fired?"))
    game.intervene(Intervention(1, "override", "karelia", "escalate"))
    game.step([], {"border_shooting": "call_restraint"})
    return save_game(game, folder, "facilitated", "Class 4B", scenario_path=str(SAMPLE), digest=digest,
                     votes=[VOTE])


def test_the_debrief_lists_interventions_and_votes_in_turn_order(sample, tmp_path):
    d = debrief_of(facilitated(sample, tmp_path), runs=0)
    assert [(n.turn, n.kind) for n in d.facilitator] == [(0, "vote"), (1, "inject"), (1, "override")]
    vote, inject, override = (n.text for n in d.facilitator)
    assert vote == ("Class vote (Good offices → Karelia – Lowmark: 11, Slow filling under a joint commission "
                    "(private): 11, Wait: 2); the class chose Good offices → Karelia – Lowmark")
    assert inject == "Fired the event 'Shots at the dam' — what if shots are fired?"
    assert override == "Set Karelia's decision for the turn: escalate"
    assert d.facilitator[1].date == "2030-03-11"


def test_every_format_has_the_section(sample, tmp_path):
    d = debrief_of(facilitated(sample, tmp_path), runs=0)
    html = render(d, "html")
    assert '<h2 id="facilitator">' in html and "Shots at the dam" in html
    assert "## The facilitator's interventions" in render(d, "md")
    notes = json.loads(render(d, "json"))["facilitator"]
    assert [n["kind"] for n in notes] == ["vote", "inject", "override"]


def test_a_facilitated_game_is_not_compared_with_futures_that_ignore_the_interventions(sample, tmp_path):
    d = debrief_of(facilitated(sample, tmp_path), runs=5)
    assert d.key_decisions == () and d.key_decisions_runs == 0


def test_a_game_without_a_facilitator_has_no_section(sample, tmp_path):
    d = debrief_of(write(sample, tmp_path, "plain", "Ana", {}, stop=2), runs=0)
    assert d.facilitator == ()
    assert 'id="facilitator"' not in render(d, "html") and "facilitator" not in render(d, "md")
