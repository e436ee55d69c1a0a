"""Odds and reasons in words: every term of every chance has words, the words name things by their names, and a
failure says why as far as the player can tell."""

from __future__ import annotations

import re

import pytest

from game.engine import Action, Game, build_rules
from game.engine.chances import TERMS, Chance, Term
from game.engine.record import Message
from game.present.odds import obstacles_text, odds_text, percent, reasons_lines, term_text
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from game.sim.odds import Odds, OddsBook

SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.fixture(scope="module")
def rules():
    return build_rules(load_scenario(resolve("sample_river_dispute")).scenario)


def examples(rules):
    """One obstacle of each kind of term, on the sample scenario."""
    return {
        "formula": Term("formula", 0.2, 0.5, ("shared_filling",)),
        "openness": Term("openness", 0.7, 1.4, ((0, 0.2, 0.3), (1, 0.6, 0.6))),
        "watching": Term("watching", 0.7, 1.0, (0.2, 0.4)),
        "trust": Term("trust", 0.9, 1.05, ((0, 0.1), (1, 0.2))),
        "standing": Term("standing", 0.4, 0.62, (20.0, 0.3)),
        "issue": Term("issue", 0.8, 1.1, (0,)),
        "intensity": Term("intensity", 0.6, 0.8, (0, 4)),
        "power_gap": Term("power_gap", 0.6, 0.9, (0, 0.5)),
        "repetition": Term("repetition", 0.36, 1.0, (0.36,)),
        "track_two": Term("track_two", 1.4, 1.0, (0,)),
        "mixed_signals": Term("mixed_signals", 0.8, 1.0, (0.2,)),
        "veto": Term("veto", 0.3, 0.8, (0, 0.1, True, 0.1)),
        "no_threat": Term("no_threat", 0.0, 1.0, (0, 1)),
        "hostility": Term("hostility", 0.1, 0.25, (0, 0.9)),
        "mediator": Term("mediator", 1.3, 1.0, (0, ((1, 0.6, 0.6),))),
    }


def test_every_kind_of_term_has_an_example(rules):
    assert set(examples(rules)) == set(TERMS)


@pytest.mark.parametrize("code", sorted(TERMS))
def test_every_obstacle_reads_as_plain_words(rules, code):
    text = term_text(rules, examples(rules)[code])
    if code in ("track_two", "mediator"):
        assert text == ""  # it only ever helps
        return
    assert text and not SNAKE.search(text), text
    assert not any(pid in text for pid in rules.party_ids + rules.pair_ids)


def test_odds_in_words():
    odds = Odds("accepted", 0.34, 0.22, 0.47, (), False)
    assert odds_text(odds) == "Chance they accept: about 34% (22%–47% on your estimates)"
    later = Odds("accepted", 0.34, 0.22, 0.47, (), True)
    assert odds_text(later) == "Chance they accept: about 34% (22%–47% on your estimates, as things stand now)"
    sure = Odds("welcomed", 1.0, 1.0, 1.0, (), False)
    assert odds_text(sure) == "Chance you are well received: about 100%"
    assert percent(0.001) == "<1%" and percent(0.999) == ">99%" and percent(0.0) == "0%"


def test_only_what_works_against_a_move_is_listed_worst_first(rules):
    terms = (Term("standing", 0.62, 0.62, (60.0, 0.6)), Term("intensity", 0.4, 0.8, (0, 4)),
             Term("formula", 0.3, 0.5, ("shared_filling",)))
    text = obstacles_text(rules, terms)
    assert text.startswith("Working against it: the crisis stands at")
    assert "asks much of the parties" in text and "standing" not in text
    assert obstacles_text(rules, (Term("standing", 0.7, 0.62, (80.0, 0.8)),)) == ""


def test_a_refusal_says_why_and_what_its_chance_was(rules):
    chance = Chance("accepted", 0.18, tuple(examples(rules)[c] for c in ("formula", "openness", "standing")))
    lines = reasons_lines(rules, Message("result", "proposal_rejected", ("shared_filling",), reasons=chance))
    assert lines[0].startswith("Why, as far as you can tell: ")
    assert lines[-1] == "By your estimates the chance of acceptance was about 18%."
    brushed = Chance("brushed_off", 0.4, (Term("openness", 0.6, 0.75, ((1, 0.2, 0.2),)),))
    heard = reasons_lines(rules, Message("result", "appeal_brushed_off", (1,), reasons=brushed))
    assert heard[-1] == "By your estimates the chance of being heard was about 60%."
    assert reasons_lines(rules, Message("news", "incident", (0,))) == []


def test_a_veto_names_the_members_support(rules):
    chance = Chance("passes", 0.3, (examples(rules)["veto"],))
    lines = reasons_lines(rules, Message("council", "veto", (0, "mandate", 0), reasons=chance))
    assert lines == [f"{rules.council_names[0]}'s support for you is 10%, it is a party to the dispute, few are "
                     "watching (visibility 10%)."]


def test_the_odds_of_every_move_of_a_real_turn_read_as_words(rules):
    game = Game(rules, 2)
    game.step()
    book = OddsBook(game)
    shown = 0
    for action in game.legal_actions() + [Action("shared_filling", None, "public")]:
        odds = book.odds(action)
        if odds is None:
            continue
        shown += 1
        for text in (odds_text(odds), obstacles_text(rules, odds.terms)):
            assert not SNAKE.search(text), text
    assert shown >= 4


def test_a_move_repeated_lately_says_how_much_it_still_carries_before_it_is_chosen():
    from game.engine import Action, Game
    from game.present.odds import wear_note
    from tests.engine.conftest import duel

    game = Game(duel(), 2)
    visit, appeal = Action("visit", "east"), Action("private_appeal", "west")
    assert wear_note(game, visit) == "" and wear_note(game, appeal) == ""
    game.step([visit, appeal])
    assert wear_note(game, visit) == ("Used on this target lately: it carries about 60% of its first weight, and "
                                      "the world takes as little notice.")
    assert wear_note(game, appeal) == "Used on this target lately: it carries about 60% of its first weight."
    assert wear_note(game, Action("visit", "west")) == ""  # another target: fresh
