"""Answers given in a party's seat (a delegations class) to what the office put to it this turn: a proposal floated
to its pair, a private appeal to it. An answer replaces the draw for that outcome and nothing else, is kept in the
turn's input and replayed, and a game without answers is exactly today's game."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, IllegalAction, Intervention, build_rules, replay
from game.engine.answers import ACCEPT, APPEAL, BRUSH_OFF, HEARD, PROPOSAL, REFUSE, Question
from game.engine.facilitator import OVERRIDE
from game.saves import state_to_dict
from game.scenario.loader import load_scenario

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "answers.yaml"
FLOAT = Action("ceasefire", None, "private")
APPEAL_NORTH = Action("private_appeal", "north")


@pytest.fixture(scope="module")
def rules():
    return build_rules(load_scenario(ANSWERS).scenario)


def accepted(game: Game) -> bool:
    return "ceasefire" in game.state.accepted


def codes(report) -> list[str]:
    return [m.code for m in report.messages]


def test_the_questions_are_the_members_of_the_pair_and_the_target_of_the_appeal(rules):
    game = Game(rules, 3)
    assert game.questions([FLOAT, APPEAL_NORTH]) == [
        Question("north", "ceasefire", PROPOSAL, "private"), Question("south", "ceasefire", PROPOSAL, "private"),
        Question("north", "private_appeal", APPEAL)]
    assert game.questions([Action("wait")]) == []


def test_a_slow_appeal_is_asked_on_the_turn_it_arrives_not_when_it_is_sent(rules):
    game = Game(rules, 3)
    assert game.questions([Action("slow_appeal", "south")]) == []
    game.step([Action("slow_appeal", "south")])
    assert game.questions() == [Question("south", "slow_appeal", APPEAL)]
    report = game.step([], None, None, [("south", "slow_appeal", BRUSH_OFF)])
    assert "appeal_brushed_off" in codes(report)


@pytest.mark.parametrize("seed", range(12))
def test_both_sides_answering_decide_the_proposal_whatever_the_draw(rules, seed):
    for north, south, expected in ((ACCEPT, ACCEPT, True), (ACCEPT, REFUSE, False), (REFUSE, ACCEPT, False)):
        game = Game(rules, seed)
        report = game.step([FLOAT], None, None, [("north", "ceasefire", north), ("south", "ceasefire", south)])
        assert accepted(game) is expected
        assert codes(report).count("seat_answered") == 2
        rejected = [m for m in report.messages if m.code == "proposal_rejected"]
        assert all(m.reasons is None for m in rejected)  # the players' reasons, not the model's


def test_one_side_answering_leaves_the_other_to_the_draw(rules):
    """North accepts on every seed: the proposal is accepted exactly where the draw alone would have accepted it;
    north refusing sinks it on every seed."""
    drawn = seen = 0
    for seed in range(40):
        alone = Game(rules, seed)
        alone.step([FLOAT])
        yes = Game(rules, seed)
        yes.step([FLOAT], None, None, [("north", "ceasefire", ACCEPT)])
        no = Game(rules, seed)
        no.step([FLOAT], None, None, [("north", "ceasefire", REFUSE)])
        assert accepted(yes) == accepted(alone)
        assert not accepted(no)
        drawn += accepted(alone)
        seen += 1
    assert 0 < drawn < seen  # the draw went both ways, so the comparison tested something


@pytest.mark.parametrize("seed", range(12))
def test_an_appeal_answered_is_heard_or_brushed_off_as_the_party_said(rules, seed):
    heard, brushed = Game(rules, seed), Game(rules, seed)
    r_heard = heard.step([APPEAL_NORTH], None, None, [("north", "private_appeal", HEARD)])
    r_brushed = brushed.step([APPEAL_NORTH], None, None, [("north", "private_appeal", BRUSH_OFF)])
    assert "appeal_brushed_off" not in codes(r_heard)
    assert "appeal_brushed_off" in codes(r_brushed)
    said = next(m for m in r_brushed.messages if m.code == "seat_answered")
    assert said.args == (0, "private_appeal", BRUSH_OFF)


def test_the_answers_are_kept_in_the_input_and_replayed(rules):
    game = Game(rules, 9)
    game.step([FLOAT, APPEAL_NORTH], None, {"south": "hold"},
              [("south", "ceasefire", REFUSE), ("north", "private_appeal", HEARD), ("north", "ceasefire", ACCEPT)])
    game.step([Action("wait")])
    assert game.inputs[0].answers == (("north", "ceasefire", ACCEPT), ("north", "private_appeal", HEARD),
                                      ("south", "ceasefire", REFUSE))
    assert game.inputs[1].answers == ()
    again = replay(rules, 9, game.inputs)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert [r.messages for r in again.reports] == [r.messages for r in game.reports]


def test_a_facilitators_override_still_has_the_last_word_on_the_decision(rules):
    game = Game(rules, 5)
    game.intervene(Intervention(0, OVERRIDE, "north", "escalate"))
    report = game.step([FLOAT], None, {"north": "step_back"}, [("north", "ceasefire", REFUSE)])
    assert report.decisions["north"] == "escalate" and not accepted(game)


@pytest.mark.parametrize("actions, answer, code", [
    ([Action("wait")], ("north", "ceasefire", ACCEPT), "not_asked"),  # nothing was floated
    ([APPEAL_NORTH], ("south", "private_appeal", HEARD), "not_asked"),  # the appeal went to the other party
    ([FLOAT], ("atlantis", "ceasefire", ACCEPT), "not_asked"),
    ([FLOAT], ("north", "ceasefire", HEARD), "bad_answer"),  # an appeal's word for a proposal
    ([APPEAL_NORTH], ("north", "private_appeal", ACCEPT), "bad_answer"),
    ([FLOAT], ("north", "ceasefire", "maybe"), "bad_answer"),
])
def test_an_answer_to_nothing_asked_or_in_the_wrong_words_is_refused_before_anything_changes(
        rules, actions, answer, code):
    game = Game(rules, 5)
    before = state_to_dict(game.state)
    with pytest.raises(IllegalAction) as checked:
        game.check(actions, None, None, [answer])
    assert checked.value.refusal.code == code
    with pytest.raises(IllegalAction) as refused:
        game.step(actions, None, None, [answer])
    assert refused.value.refusal.code == code
    assert state_to_dict(game.state) == before and game.inputs == []


def test_two_answers_to_one_question_are_refused(rules):
    game = Game(rules, 5)
    with pytest.raises(IllegalAction) as refused:
        game.step([FLOAT], None, None, [("north", "ceasefire", ACCEPT), ("north", "ceasefire", REFUSE)])
    assert refused.value.refusal.code == "answered_twice" and game.turn == 0


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_without_answers_the_game_is_todays(rules, seed):
    """No answers and empty answers play the same game, and its record reads as before answers existed."""
    games = []
    for answers in (None, ()):
        game = Game(rules, seed)
        while not game.done:
            moves = [FLOAT] if game.why_illegal(FLOAT) is None else [Action("wait")]
            game.step(moves, None, None, answers or ())
        games.append(game)
    alone, empty = games
    assert state_to_dict(empty.state) == state_to_dict(alone.state)
    assert [r.messages for r in empty.reports] == [r.messages for r in alone.reports]
    assert all(i.answers == () and "answers" not in repr(i) for i in alone.inputs)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**31 - 1),
       plan=st.lists(st.tuples(st.sampled_from([None, ACCEPT, REFUSE]), st.sampled_from([None, ACCEPT, REFUSE]),
                               st.sampled_from([None, HEARD, BRUSH_OFF])), max_size=5))
def test_any_answers_replay_exactly(rules, seed, plan):
    game = Game(rules, seed)
    for north, south, appeal in plan:
        if game.done:
            break
        moves: list[Action] = []
        for move in (FLOAT, APPEAL_NORTH):
            if game.why_illegal(move, moves) is None:
                moves.append(move)
        asked = {(q.party, q.subject) for q in game.questions(moves)}
        answers = [(p, s, a) for p, s, a in (("north", "ceasefire", north), ("south", "ceasefire", south),
                                             ("north", "private_appeal", appeal))
                   if a is not None and (p, s) in asked]
        game.step(moves, None, None, answers)
    assert state_to_dict(replay(rules, seed, game.inputs).state) == state_to_dict(game.state)
