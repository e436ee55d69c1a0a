"""Every kind of news, cause and refusal the engine can record has words, and the words name things by their
names: no code, no id, no snake_case reaches the player."""

from __future__ import annotations

import random
import re

import pytest

from game.engine import Action, Game, build_rules
from game.engine.record import CAUSE_KINDS, MESSAGE_CODES, REFUSALS, Cause, Message, Refusal
from game.present.news import cause_label, message_text
from game.present.refusals import refusal_text
from game.scenario.catalogue import resolve, shipped
from game.scenario.loader import load_scenario

SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def sample():
    return build_rules(load_scenario(resolve("sample_river_dispute")).scenario)


# one example of each code's data, on the sample scenario
MESSAGES = {
    "event": ("farmers_march",), "distraction": ("Earthquake relief in another region",), "incident": (0,),
    "rung": (0, 1, 2), "hardens": (0,), "restraint": (1,), "revealed": (0,), "good_offices_accepted": (0,),
    "good_offices_rebuffed": (0,), "envoy_progress": (0,), "appeal_brushed_off": (1,), "track_two_matured": (0,),
    "veto": (2, "mandate", 0), "adopted": ("renewal", 0), "no_threat_yet": (0,), "deployment_withdrawn": (0,),
    "mandate_ends": (0,), "received_coldly": (0,), "mixed_signals": (), "proposal_accepted": ("shared_filling",),
    "proposal_rejected": ("shared_filling",), "facilitator_decides": ("karelia", "step_back"),
    "effect_overflow": ("water + 1e308", "water", 1.0), "seat_answered": (1, "shared_filling", "refuse"),
}
REFUSED = {
    "game_over": (), "game_not_over": (), "already_ordered": ("private_appeal", "karelia", None),
    "unknown_action": ("teleport",), "takes_no_target": ("early_warning",), "needs_target": ("visit", "party"),
    "not_a_target": ("visit", "atlantis", "party"), "not_available": ("good_offices", 3, 11),
    "requirement": ("shared_filling",), "under_way": ("track_two", "karelia_lowmark"),
    "too_late": ("preventive_deployment", "karelia_lowmark"), "proposal_mode": ("shared_filling",),
    "proposal_target": ("shared_filling",), "proposal_accepted": ("shared_filling",),
    "proposal_cooldown": ("shared_filling", 2, 5), "needs_prestige": ("good_offices", 6, 2.5),
    "needs_budget": ("early_warning", 2, 0.5), "needs_envoys": ("special_envoy", 1, 0), "no_attention": (2, 1),
    "not_pending": ("border_shooting",), "no_such_choice": ("border_shooting", "shrug"),
    "answers_unaffordable": (4, 0), "intervention_turn": (3, 2), "no_such_event": ("meteor",),
    "event_pending": ("border_shooting",), "not_a_party": ("atlantis",), "bad_decision": ("dance",),
    "unknown_intervention": ("bribe",), "not_a_disputant": ("karelia", "observer"),
    "choice_unaffordable": ("border_shooting", "call_restraint", "prestige", 3, 1.5),
    "not_asked": ("lowmark", "private_appeal"), "bad_answer": ("shared_filling", "perhaps", "proposal"),
    "answered_twice": ("karelia", "shared_filling"),
}


def test_the_examples_cover_every_code():
    assert set(MESSAGES) == set(MESSAGE_CODES)
    assert set(REFUSED) == set(REFUSALS)


@pytest.mark.parametrize("code", sorted(MESSAGE_CODES))
def test_every_message_is_a_sentence_with_names(code):
    text = message_text(sample(), Message("news", code, MESSAGES[code]))
    assert text[0].isupper() and text.endswith((".", "'")), text
    assert not SNAKE.search(text), text
    assert "karelia" not in text and "lowmark" not in text


@pytest.mark.parametrize("code", sorted(REFUSALS))
def test_every_refusal_is_said_in_words(code):
    for typed in (False, True):
        text = refusal_text(sample(), Refusal(code, REFUSED[code]), typed=typed)
        assert text and not text.endswith("."), text
        # ids may appear only where the player typed them ('…'), or as what to type in the text mode: (…)
        ids = SNAKE.findall(text)
        bare = [i for i in ids if f"'{i}'" not in text and not (typed and f"({i})" in text)]
        assert not bare, text


def test_the_window_lists_targets_by_name_and_the_text_mode_with_what_to_type():
    refusal = Refusal("needs_target", ("visit", "party"))
    assert refusal_text(sample(), refusal).endswith("needs a target: Karelia, Lowmark")
    assert refusal_text(sample(), refusal, typed=True).endswith("needs a target: Karelia (karelia), Lowmark (lowmark)")


def test_a_requirement_reads_as_the_scenario_words_it_or_as_words_written_from_the_expression():
    rules = sample()
    assert refusal_text(rules, Refusal("requirement", ("shared_filling",))) == (
        f"'{rules.proposals['shared_filling'].name}' is possible only while Karelia and Lowmark are no further than "
        "the brink")


def test_causes_of_every_kind_have_labels_without_ids():
    rules = sample()
    examples = [
        Cause("instrument", "good_offices"), Cause("proposal", "shared_filling", ("public",)),
        Cause("event", "farmers_march"), Cause("choice", "border_shooting", ("call_restraint",)),
        Cause("decision", "karelia", ("step_back",)), Cause("decision", "lowmark", ("aims",)),
        Cause("dynamics", "richardson"), Cause("dynamics", "ladder", (0, 3)), Cause("incident", "karelia_lowmark"),
        Cause("council", "china"), Cause("resources", "income"), Cause("distraction", "budget", ("A flood",)),
        Cause("facilitator", "farmers_march", ("inject", "")),
        Cause("facilitator", "karelia", ("override", "hold", "")),
    ]
    assert {c.kind for c in examples} == set(CAUSE_KINDS)
    for cause in examples:
        label = cause_label(rules, cause)
        assert label and not SNAKE.search(label), label


def test_every_message_of_random_games_of_every_scenario_reads_without_ids():
    for item in shipped():
        rules = build_rules(load_scenario(item.path).scenario)
        rng = random.Random(item.id)
        for seed in range(3):
            game = Game(rules, seed)
            while not game.done:
                legal = game.legal_actions()
                game.step([rng.choice(legal)] if legal and rng.random() < 0.7 else [Action("wait")]
                          if "wait" in rules.instruments else [])
            for report in game.reports:
                for msg in report.messages:
                    text = message_text(rules, msg)
                    assert not SNAKE.search(text), text
                for change in report.changes:
                    assert not SNAKE.search(cause_label(rules, change.cause)), change
