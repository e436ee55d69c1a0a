"""The advisor's words: a move whose only value is information (which the rollouts, following history or
waiting, never read) is not shown as "worth +0.0" but with what it buys; the verdict never names it."""

from __future__ import annotations

import re

from game.engine import Action, Game, build_rules
from game.present.advice import advice_line, buys_information, information_note, verdict
from game.present.moves import move_label
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from game.sim.advisor import advise
from game.sim.policies import get_policy


def cuba():
    return build_rules(load_scenario(resolve("cuban_missile_crisis_1962")).scenario)


def test_briefings_buy_information_and_say_what_instead_of_a_score_of_nothing():
    rules = cuba()
    game = Game(rules, 187109)
    advice = advise(game, runs=8)
    briefings = [a for a in advice if buys_information(rules, a.action)]
    assert [a.action.use for a in briefings] == ["early_warning"]
    (item,) = briefings
    assert item.gain == 0 and item.differs == 0  # what the rollouts make of it: nothing, whatever it buys
    line = advice_line(item, information_note(game, item.action))
    assert "+0.0" not in line and "points against waiting" not in line
    assert "Not scored" in line and "intelligence" in line
    assert all(not buys_information(rules, a.action) for a in advice if a.action is None or a.action.use == "visit")


def test_the_note_gives_the_intelligence_the_move_buys_against_waiting():
    rules = cuba()
    game = Game(rules, 5)
    note = information_note(game, Action("early_warning"))
    with_it, without = (int(p) for p in re.findall(r"(\d+)% instead of (\d+)%", note)[0])
    assert with_it > without


def test_the_verdict_never_calls_an_information_move_the_best_bet():
    rules = cuba()
    game = Game(rules, 187109)
    advice = advise(game, runs=8)
    line = verdict(advice, lambda a: move_label(rules, a), rules)
    assert move_label(rules, Action("early_warning")) not in line


def test_on_24_october_of_a_historical_game_no_move_reads_as_a_certain_nothing():
    # by then the ending turns on what comes next (history's proposals), not on this day's move: every rollout of
    # every move ends as waiting's does, which the advice says in words, not as "+0.0 ±0.0 points"
    rules = cuba()
    game, history = Game(rules, 4), get_policy("historical", rules)
    while game.turn < 8:
        game.step(*history.decide(game))
    advice = advise(game, runs=16)
    moves = [a for a in advice if a.action is not None]
    assert moves and all(a.differs == 0 for a in moves)
    for a in moves:
        line = advice_line(a)
        assert "±0.0" not in line and f"ends as waiting does in all {a.runs} rollouts" in line
        assert f"fewer than 1 world in {max(1, a.runs // 3)}" in line
    said = verdict(advice, lambda a: move_label(rules, a), rules)
    assert "changes the ending in any of your staff's rollouts" in said and "real Secretary-General" in said


def test_a_move_that_changed_some_endings_is_scored_in_points():
    rules = cuba()
    game = Game(rules, 1)
    advice = advise(game, runs=16)
    changed = [a for a in advice if a.action is not None and a.differs > 0]
    assert changed
    assert all("points against waiting" in advice_line(a) for a in changed)
