"""Decisions taken in a party's seat (a delegations class): they replace that party's own choice for the turn and
nothing else, are kept in the turn's input and replayed, and a game without them is exactly today's game."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, IllegalAction, Intervention, build_rules, replay
from game.engine.facilitator import OVERRIDE
from game.saves import state_to_dict
from game.scenario.loader import load_scenario

CLASSROOM = Path(__file__).resolve().parents[1] / "fixtures" / "facilitator" / "classroom.yaml"
DECISIONS = ("escalate", "hold", "step_back")


@pytest.fixture(scope="module")
def rules():
    return build_rules(load_scenario(CLASSROOM).scenario)


def played(rules, seed, plan):
    """A game on `seed` where each turn waits and takes the seated decisions in `plan` (one dict per turn)."""
    game = Game(rules, seed)
    for decisions in plan:
        if game.done:
            break
        game.step([Action("wait")], None, decisions)
    return game


def test_a_seated_decision_replaces_the_partys_own_choice(rules):
    party = rules.party_ids[0]
    for decision in DECISIONS:
        game = Game(rules, 5)
        report = game.step([Action("wait")], None, {party: decision})
        assert report.decisions[party] == decision
        assert game.state.parties[0].last_decision == decision


def test_the_seated_decisions_are_kept_in_the_input_and_replayed(rules):
    a, b = rules.party_ids[:2]
    game = played(rules, 9, [{a: "escalate"}, {a: "step back", b: "hold"}, {}])
    assert game.inputs[0].decisions == ((a, "escalate"),)
    assert game.inputs[1].decisions == ((a, "step back"), (b, "hold"))
    assert game.inputs[2].decisions == ()
    again = replay(rules, 9, game.inputs)
    assert state_to_dict(again.state) == state_to_dict(game.state)


def test_a_facilitators_override_has_the_last_word(rules):
    party = rules.party_ids[0]
    game = Game(rules, 5)
    game.intervene(Intervention(0, OVERRIDE, party, "step_back"))
    report = game.step([Action("wait")], None, {party: "escalate"})
    assert report.decisions[party] == "step_back"


@pytest.mark.parametrize("decisions, code", [({"atlantis": "hold"}, "not_a_party"), (None, "bad_decision")])
def test_an_unknown_party_or_decision_is_refused_before_anything_changes(rules, decisions, code):
    decisions = decisions or {rules.party_ids[0]: "surrender"}
    game = Game(rules, 5)
    before = state_to_dict(game.state)
    with pytest.raises(IllegalAction) as refused:
        game.step([Action("wait")], None, decisions)
    assert refused.value.refusal.code == code
    assert state_to_dict(game.state) == before and game.inputs == []


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_without_seated_decisions_the_game_is_todays(rules, seed):
    """No decisions, empty decisions, and each party's own choice given back as a seated decision all play the
    same game: the hook replaces a choice and touches nothing else (the draws are addressed)."""
    alone = played(rules, seed, [None] * rules.turns)
    empty = played(rules, seed, [{}] * rules.turns)
    echoed = played(rules, seed, [dict(r.decisions) for r in alone.reports[1:]])
    assert state_to_dict(empty.state) == state_to_dict(alone.state)
    assert state_to_dict(echoed.state) == state_to_dict(alone.state)
    assert [r.messages for r in echoed.reports] == [r.messages for r in alone.reports]
    assert all(i.decisions == () for i in alone.inputs)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), plan=st.lists(st.dictionaries(st.sampled_from(["north", "south"]),
                                                                    st.sampled_from(DECISIONS)), max_size=5))
def test_any_seated_decisions_replay_exactly(rules, seed, plan):
    plan = [{rules.party_ids[0 if k == "north" else 1]: v for k, v in d.items()} for d in plan]
    game = played(rules, seed, plan)
    assert state_to_dict(replay(rules, seed, game.inputs).state) == state_to_dict(game.state)


def test_a_mediator_or_an_observer_has_no_seat_to_decide_in():
    story = build_rules(load_scenario(Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "story.yaml")
                        .scenario)
    for i, role in enumerate(story.party_roles):
        if role == "disputant":
            continue
        game = Game(story, 1)
        with pytest.raises(IllegalAction) as refused:
            game.step([], None, {story.party_ids[i]: "escalate"})
        assert refused.value.refusal.code == "not_a_party" and game.turn == 0
