"""A solo class: seats, turns checked before they are stored, and a class rebuilt from its database exactly."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Action
from game.saves import state_to_dict
from game.server.classroom import SeatError

from .helpers import new_room, resumed_room


def test_every_seat_plays_the_same_world(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    ana, _ = room.join("Ana")
    ben, _ = room.join("  Ben   Okafor ")
    assert ben.name == "Ben Okafor"
    assert state_to_dict(ana.game.state) == state_to_dict(ben.game.state)


def test_an_illegal_order_is_refused_and_nothing_is_stored(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    seat, _ = room.join("Ana")
    with pytest.raises(SeatError) as info:
        room.submit(seat, 0, [Action("good_offices", "nowhere")], {})
    assert info.value.code == "illegal" and info.value.refusal is not None
    assert room.store.inputs(seat.id) == [] and seat.game.turn == 0


def test_a_turn_already_played_is_refused(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    seat, _ = room.join("Ana")
    room.submit(seat, 0, [], {})
    with pytest.raises(SeatError, match="stale_turn"):
        room.submit(seat, 0, [], {})
    assert len(room.store.inputs(seat.id)) == 1


def test_paused_and_closed_classes_take_no_turns(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    seat, _ = room.join("Ana")
    room.set_paused(True)
    with pytest.raises(SeatError, match="paused"):
        room.submit(seat, 0, [], {})
    room.set_paused(False)
    room.close()
    with pytest.raises(SeatError, match="closed"):
        room.submit(seat, 0, [], {})
    with pytest.raises(SeatError, match="closed"):
        room.join("Late")
    assert resumed_room(tmp_path / "c.sqlite").closed


def test_a_token_holds_only_its_own_seat(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    ana, ana_token = room.join("Ana")
    ben, ben_token = room.join("Ben")
    assert room.seat_for(ana_token) is ana and room.seat_for(ben_token) is ben
    with pytest.raises(SeatError, match="bad_token"):
        room.seat_for(ana_token + "x")
    assert not room.is_teacher(ana_token) and room.is_teacher(room.row.teacher_token)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_resumed_class_is_exactly_the_class_that_was_stored(tmp_path_factory, data):
    db = tmp_path_factory.mktemp("resume") / "c.sqlite"
    room = new_room(db)
    seats = [room.join(name)[0] for name in ("Ana", "Ben", "Chen")]
    for seat in seats:
        for _ in range(data.draw(st.integers(0, 5))):
            game = seat.game
            if game.done:
                break
            legal = game.legal_actions()
            picked = data.draw(st.lists(st.sampled_from(legal), max_size=2, unique=True)) if legal else []
            choices = {key: data.draw(st.sampled_from([c for c, _ in options]))
                       for key, _, options in game.pending()}
            try:
                room.submit(seat, game.turn, picked, choices)
            except SeatError:
                room.submit(seat, game.turn, [], {})
    again = resumed_room(db)
    assert sorted(s.name for s in again.seats.values()) == ["Ana", "Ben", "Chen"]
    for seat in seats:
        twin = again.seats[seat.id].game
        assert state_to_dict(twin.state) == state_to_dict(seat.game.state)
        assert twin.inputs == seat.game.inputs


def test_a_fired_event_reaches_every_game_in_play_and_survives_a_resume(tmp_path):
    db = tmp_path / "c.sqlite"
    room = new_room(db)
    ana, _ = room.join("Ana")
    ben, _ = room.join("Ben")
    room.submit(ben, 0, [], {})
    assert room.fire("shots") == 2
    assert [key for key, _, _ in ana.game.pending()] == ["shots"]
    assert room.fire("shots") == 0  # it already awaits an answer in both games
    room.submit(ana, 0, [], {"shots": "statement"})
    again = resumed_room(db)
    for seat in (ana, ben):
        twin = again.seats[seat.id].game
        assert state_to_dict(twin.state) == state_to_dict(seat.game.state)
        assert twin.interventions == seat.game.interventions
    assert [iv.turn for iv in again.seats[ben.id].game.interventions] == [1]


def test_an_unknown_event_is_refused(tmp_path):
    room = new_room(tmp_path / "c.sqlite")
    room.join("Ana")
    with pytest.raises(SeatError, match="no_such_event"):
        room.fire("invasion")
