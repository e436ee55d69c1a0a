"""A delegations class: teams in the office's and the parties' seats play one shared world; a turn resolves when
every seated team has sent its orders, or by the teacher's timer or hand, and the class comes back exactly from
its database."""

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, build_rules, replay
from game.present.delegations import party_page
from game.saves import state_to_dict
from game.scenario.loader import load_scenario
from game.server.classroom import DELEGATIONS, Classroom, SeatError
from game.server.store import Store
from game.sim.policies import historical_plan

from .helpers import SEED, new_delegations, resumed_room

CUBA = Path(__file__).resolve().parents[2] / "scenarios" / "cuban_missile_crisis_1962.yaml"


@pytest.fixture
def room(tmp_path):
    return new_delegations(tmp_path / "d.sqlite")


def test_teams_share_one_world_and_an_unknown_seat_is_refused(room):
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    mate, _ = room.join("Chen", "north")
    assert office.game is north.game is mate.game is room.world.game
    assert room.seated() == {"sg", "north"} and [s.name for s in room.team("north")] == ["Ben", "Chen"]
    with pytest.raises(SeatError, match="no_such_seat"):
        room.join("Dan", "atlantis")
    with pytest.raises(SeatError, match="no_such_seat"):
        room.join("Dan")


def test_the_turn_waits_for_every_seated_team_then_plays_their_decisions(room):
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    assert room.decide(north, 0, "escalate") is False
    assert room.world.game.turn == 0
    # the office's appeal to Northland: the turn now waits for Northland's answer to it
    assert room.submit(office, 0, [Action("private_appeal", "north")], {}) is False
    assert room.world.finished(room.seated()) == {"sg"}
    assert room.answer(north, 0, {"private_appeal": "heard"}) is True
    game = room.world.game
    assert game.turn == 1
    assert game.inputs[0].actions == (Action("private_appeal", "north"),)
    assert game.inputs[0].decisions == (("north", "escalate"),)  # the unseated south was left to the model
    assert game.inputs[0].answers == (("north", "private_appeal", "heard"),)
    assert game.reports[-1].decisions["north"] == "escalate"
    assert party_page(game, "north", player="", paused=False, closed=False)["addressed"] == [
        "Private appeal → Northland."]
    assert party_page(game, "south", player="", paused=False, closed=False)["addressed"] == []  # not to it
    twin = replay(room.rules, SEED, game.inputs)
    assert state_to_dict(twin.state) == state_to_dict(game.state)


def test_a_partys_page_carries_every_part_of_the_report_the_student_page_draws(room):
    """The party's report is the public record only, but with every key of the office's, so the page that draws
    both never meets a missing one (it stopped drawing when world opinion added the reactions)."""
    from game.present.web import report

    office, _ = room.join("Ana", "sg")
    room.join("Ben", "north")
    room.decide(room.join("Cy", "south")[0], 0, "hold")
    room.decide(room.join("Di", "north")[0], 0, "hold")
    room.submit(office, 0, [], {})
    game = room.world.game
    full = report(game.rules, game.reports[-1], game)
    public = party_page(game, "north", player="", paused=False, closed=False)["report"]
    assert set(full) == set(public)
    assert public["reactions"] == [] and public["news"] == []


def test_a_team_sends_once_a_turn_and_only_what_its_seat_may(room):
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    mate, _ = room.join("Chen", "north")
    room.decide(north, 0, "hold")
    with pytest.raises(SeatError, match="already_sent"):
        room.decide(mate, 0, "escalate")
    with pytest.raises(SeatError, match="not_your_seat"):
        room.decide(office, 0, "escalate")
    with pytest.raises(SeatError, match="not_your_seat"):
        room.submit(north, 0, [], {})
    with pytest.raises(SeatError, match="bad_decision"):
        room.decide(room.join("Dan", "south")[0], 0, "invade")
    with pytest.raises(SeatError, match="stale_turn"):
        room.submit(office, 3, [], {})
    with pytest.raises(SeatError) as illegal:
        room.submit(office, 0, [Action("good_offices", "nowhere")], {})
    assert illegal.value.code == "illegal" and illegal.value.refusal is not None
    assert room.world.game.turn == 0 and set(room.world.sent) == {"north"}


def test_the_teacher_plays_the_turn_and_late_teams_are_left_to_the_game(room):
    office, _ = room.join("Ana", "sg")
    room.join("Ben", "north")
    room.advance()
    game = room.world.game
    assert game.turn == 1 and game.inputs[0].actions == () and game.inputs[0].decisions == ()
    alone = Game(room.rules, SEED)
    alone.step()
    assert state_to_dict(alone.state) == state_to_dict(game.state)  # a party nobody decided for: the model's


def test_an_office_nobody_sits_in_acts_as_history_did(tmp_path):
    rules = build_rules(load_scenario(CUBA).scenario)
    room = Classroom.create(Store(tmp_path / "cuba.sqlite"), rules, scenario_path=str(CUBA), digest="-", seed=3,
                            code="CUBA-TEST", kind=DELEGATIONS)
    usa, _ = room.join("Ben", "usa")
    plan = historical_plan(rules)
    first = min(plan)
    for turn in range(first + 1):  # the only seated team: each decision resolves the turn
        room.decide(usa, turn, "hold", {q.subject: q.answers[0] for q in room.world.questions("usa")})
    game = room.world.game
    assert game.turn == first + 1
    assert all(game.inputs[t].actions == () for t in range(first))
    assert game.inputs[first].actions and set(game.inputs[first].actions) <= set(plan[first][0])
    assert all(dict(i.decisions) == {"usa": "hold"} for i in game.inputs)


def test_the_timer_resolves_the_turn_and_pausing_stops_it(room):
    room.join("Ana", "sg")
    room.set_timer(60)
    start = room.world.deadline
    assert start is not None and not room.tick(time.time())
    room.set_paused(True)
    assert not room.tick(start + 120) and room.world.deadline is None
    room.set_paused(False)
    assert room.world.deadline is not None and room.world.deadline > start - 1
    assert room.tick(room.world.deadline + 0.1)
    assert room.world.game.turn == 1 and room.world.deadline is not None  # the next turn's clock runs
    with pytest.raises(SeatError, match="bad_timer"):
        room.set_timer(-1)


def test_messages_between_teams_are_kept_and_checked(room, tmp_path):
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    room.world.send_message("north", "sg", "Ben", "  We could  step back if they do.  ")
    with pytest.raises(SeatError, match="no_such_seat"):
        room.world.send_message("north", "north", "Ben", "to ourselves")
    with pytest.raises(SeatError, match="empty_message"):
        room.world.send_message("north", "south", "Ben", "   ")
    assert [m.text for m in room.world.messages_of("sg")] == ["We could step back if they do."]
    assert room.world.messages_of("south") == []
    assert len(room.world.messages_of(None)) == 1


def test_a_fired_event_enters_the_shared_world_and_survives_a_resume(tmp_path):
    db = tmp_path / "d.sqlite"
    room = new_delegations(db)
    office, _ = room.join("Ana", "sg")
    assert room.fire("shots") == 1 and room.fire("shots") == 0
    room.submit(office, 0, [], {"shots": "statement"})
    again = resumed_room(db)
    assert state_to_dict(again.world.game.state) == state_to_dict(room.world.game.state)
    assert again.world.game.interventions == room.world.game.interventions


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_resumed_delegations_class_is_exactly_the_one_stored(tmp_path_factory, data):
    db = tmp_path_factory.mktemp("deleg") / "d.sqlite"
    room = new_delegations(db)
    teams = {role: room.join(f"team {role}", role)[0] for role in ("sg", "north", "south")}
    for _ in range(data.draw(st.integers(0, 12))):
        game = room.world.game
        if game.done:
            break
        role = data.draw(st.sampled_from(sorted(set(teams) - room.world.finished(room.seated())) or ["advance"]))
        asked = {q.subject: data.draw(st.sampled_from(q.answers)) for q in room.world.unanswered(role)
                 } if role in teams else {}
        if role == "advance" or data.draw(st.booleans()) and data.draw(st.booleans()):
            room.advance()
        elif role in room.world.sent:  # a party that decided before the office's orders put something to it
            room.answer(teams[role], game.turn, asked)
        elif role == "sg":
            legal = game.legal_actions()
            picked = data.draw(st.lists(st.sampled_from(legal), max_size=2, unique=True)) if legal else []
            try:
                room.submit(teams["sg"], game.turn, picked, {})
            except SeatError:
                room.submit(teams["sg"], game.turn, [], {})
        else:
            room.decide(teams[role], game.turn, data.draw(st.sampled_from(["escalate", "hold", "step_back"])), asked)
        if data.draw(st.booleans()):
            room.world.send_message(role if role in teams else "sg", "north" if role != "north" else "sg",
                                    "someone", "a note")
    again = resumed_room(db)
    assert state_to_dict(again.world.game.state) == state_to_dict(room.world.game.state)
    assert again.world.game.inputs == room.world.game.inputs
    assert again.world.sent == room.world.sent
    assert again.world.answers == room.world.answers
    assert again.world.messages == room.world.messages
    assert {s.id: s.role for s in again.seats.values()} == {s.id: s.role for s in room.seats.values()}


def test_a_mediating_party_has_no_seat(tmp_path):
    kashmir = CUBA.with_name("kashmir_1965.yaml")
    rules = build_rules(load_scenario(kashmir).scenario)
    room = Classroom.create(Store(tmp_path / "k.sqlite"), rules, scenario_path=str(kashmir), digest="-", seed=3,
                            code="KASH-TEST", kind=DELEGATIONS)
    mediators = [pid for pid, role in zip(rules.party_ids, rules.party_roles, strict=True) if role != "disputant"]
    assert mediators
    with pytest.raises(SeatError, match="no_such_seat"):
        room.join("Ana", mediators[0])
    assert room.join("Ben", rules.party_ids[rules.deciders[0]])[0].role


def test_a_class_vote_counts_one_ballot_a_seat_and_orders_the_winner_for_an_empty_office(tmp_path):
    db = tmp_path / "v.sqlite"
    room = new_delegations(db)
    ben, _ = room.join("Ben", "north")
    mates = [room.join(name, "south")[0] for name in ("Cleo", "Dev", "Eve")]
    appeal, wait = Action("private_appeal", "south"), Action("wait")
    with pytest.raises(SeatError, match="bad_vote"):
        room.start_vote([appeal])
    with pytest.raises(SeatError, match="bad_vote"):
        room.start_vote([appeal, Action("good_offices", "nowhere")])
    room.start_vote([appeal, wait])
    with pytest.raises(SeatError, match="vote_open"):
        room.start_vote([appeal, wait])
    room.ballot(ben, 1)
    for seat in mates:
        room.ballot(seat, 0)
    with pytest.raises(SeatError, match="already_voted"):
        room.ballot(ben, 0)
    with pytest.raises(SeatError, match="bad_vote"):
        room.ballot(room.join("Fay", "north")[0], 5)
    again = resumed_room(db)  # a vote under way survives a restart, ballots and all
    assert again.world.poll.ballots == room.world.poll.ballots
    room.close_vote()
    assert room.world.votes[-1].counts == (("private_appeal south", 3), ("wait", 1))
    assert room.world.votes[-1].chosen == "private_appeal south"
    room.decide(ben, 0, "hold")
    with pytest.raises(SeatError, match="answer_first"):  # the class's choice is an appeal to Southland
        room.decide(mates[0], 0, "hold")
    room.decide(mates[0], 0, "hold", {"private_appeal": "brush_off"})
    assert room.world.game.inputs[0].actions == (appeal,)  # nobody sits in the office: the class's choice
    assert room.world.game.inputs[0].answers == (("south", "private_appeal", "brush_off"),)
    assert resumed_room(db).world.votes == room.world.votes
    assert room.save_of(ben).votes == room.world.votes
    with pytest.raises(SeatError, match="no_vote"):
        room.close_vote()
