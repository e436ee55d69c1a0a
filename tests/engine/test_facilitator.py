"""A facilitator's interventions: an injected event fires now with a facilitator cause, an override forces a
party's decision for one turn, both are kept and replayed, and a game without them is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Action, Game, IllegalAction, Intervention, build_rules, replay
from game.engine.facilitator import INJECT, OVERRIDE, decision_of, winner
from game.engine.record import CAUSE_KINDS, FACILITATOR, Refusal
from game.saves import state_to_dict
from game.scenario.loader import load_scenario

CLASSROOM = Path(__file__).resolve().parents[1] / "fixtures" / "facilitator" / "classroom.yaml"


@pytest.fixture(scope="module")
def rules():
    return build_rules(load_scenario(CLASSROOM).scenario)


def test_facilitator_is_a_kind_of_cause():
    assert FACILITATOR in CAUSE_KINDS


def test_an_injected_event_fires_now_with_its_effects_and_its_choices_pending(rules):
    game = Game(rules, 3)
    game.step([Action("wait")])
    before = game.state.pairs[0].pressure
    game.intervene(Intervention(1, INJECT, "shots", note="to test the class"))
    assert game.state.pairs[0].pressure > before
    assert [key for key, _, _ in game.pending()] == ["shots"]
    report = game.reports[-1]
    assert "shots" in report.events
    causes = [m.cause for m in report.messages if m.cause is not None and m.cause.id == "shots"]
    assert causes and all(c.kind == FACILITATOR for c in causes)
    assert causes[0].args == (INJECT, "to test the class")
    game.step([], {"shots": "statement"})
    assert ("shots", "statement") in game.state.chose


def test_an_event_already_awaiting_an_answer_cannot_be_injected_again(rules):
    game = Game(rules, 3)
    game.intervene(Intervention(0, INJECT, "shots"))
    assert game.why_not_intervene(Intervention(0, INJECT, "shots")).code == "event_pending"
    with pytest.raises(IllegalAction):
        game.intervene(Intervention(0, INJECT, "shots"))


@pytest.mark.parametrize("decision", ["escalate", "hold", "step_back", "settle"])
def test_an_override_forces_the_party_decision_for_that_turn_only(rules, decision):
    game = Game(rules, 5)
    game.intervene(Intervention(0, OVERRIDE, "north", decision))
    report = game.step([Action("wait")])
    assert report.decisions["north"] == decision_of(decision)
    assert any(m.cause is not None and m.cause.kind == FACILITATOR and m.cause.id == "north"
               for m in report.messages)
    assert game.interventions[0].turn == 0


def test_an_override_changes_only_the_overridden_party_decision(rules):
    free = Game(rules, 5)
    own = free.step([Action("wait")]).decisions
    forced = "escalate" if own["north"] != "escalate" else "step_back"
    game = Game(rules, 5)
    game.intervene(Intervention(0, OVERRIDE, "north", forced))
    decisions = game.step([Action("wait")]).decisions
    assert decisions["north"] == forced
    assert decisions["south"] == own["south"]


@pytest.mark.parametrize(("iv", "refusal"), [
    (Intervention(0, INJECT, "nothing_like_it"), Refusal("no_such_event", ("nothing_like_it",))),
    (Intervention(0, OVERRIDE, "atlantis", "hold"), Refusal("not_a_party", ("atlantis",))),
    (Intervention(0, OVERRIDE, "north", "surrender"), Refusal("bad_decision", ("surrender",))),
    (Intervention(2, OVERRIDE, "north", "hold"), Refusal("intervention_turn", (2, 0))),
    (Intervention(0, "rewind", "north"), Refusal("unknown_intervention", ("rewind",))),
])
def test_an_impossible_intervention_is_refused_with_the_reason(rules, iv, refusal):
    game = Game(rules, 1)
    assert game.why_not_intervene(iv) == refusal
    with pytest.raises(IllegalAction) as raised:
        game.intervene(iv)
    assert raised.value.refusal == refusal
    assert game.interventions == []


def test_replay_reapplies_the_interventions_at_their_turns(rules):
    game = Game(rules, 9)
    game.step([Action("good_offices", "north_south")])
    game.intervene(Intervention(1, INJECT, "shots"))
    game.intervene(Intervention(1, OVERRIDE, "south", "escalate"))
    game.step([Action("private_appeal", "north")], {"shots": "statement"})
    game.intervene(Intervention(2, OVERRIDE, "north", "step_back"))
    again = replay(rules, 9, game.inputs, game.interventions)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.interventions == game.interventions
    assert again.step().decisions["north"] == "step_back"


def test_without_interventions_a_replay_is_the_same_game_as_before(rules):
    game = Game(rules, 4)
    while not game.done:
        game.step([Action("wait")])
    assert state_to_dict(replay(rules, 4, game.inputs).state) == state_to_dict(game.state)
    assert state_to_dict(replay(rules, 4, game.inputs, ()).state) == state_to_dict(game.state)


def test_a_fork_keeps_the_interventions(rules):
    game = Game(rules, 2)
    game.intervene(Intervention(0, OVERRIDE, "north", "escalate"))
    assert game.fork().step().decisions["north"] == "escalate"


def test_the_vote_winner_has_most_votes_and_ties_go_to_the_first_listed():
    assert winner([("wait", 3), ("good_offices north_south", 9), ("private_appeal north", 2)]) == \
        "good_offices north_south"
    assert winner([("a", 4), ("b", 4)]) == "a"
    with pytest.raises(ValueError):
        winner([])
