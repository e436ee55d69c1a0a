"""A delegations class where the office's orders put a proposal or an appeal to a party's team: the office sends
first, the teams addressed see what is proposed (by whom, its terms in the scenario's words) and answer with their
decision or after it, the turn waits for them, the answers are stored before the turn is played and come back on
resume, and an answer that is not theirs to give is refused without harming the session."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from game.engine import Action, build_rules
from game.saves import from_json
from game.scenario.loader import load_scenario
from game.server.app import build_app
from game.server.classroom import DELEGATIONS, Classroom, SeatError
from game.server.store import Store

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "answers.yaml"
SEED = 11
CEASEFIRE = {"use": "ceasefire", "target": None, "mode": "public"}


def rules_and_digest():
    result = load_scenario(ANSWERS)
    return build_rules(result.scenario), result.digest


def new_room(db: Path) -> Classroom:
    rules, digest = rules_and_digest()
    return Classroom.create(Store(db), rules, scenario_path=str(ANSWERS), digest=digest, seed=SEED,
                            code="ANSW-TEST", kind=DELEGATIONS)


def resumed(db: Path) -> Classroom:
    rules, _ = rules_and_digest()
    store = Store(db)
    return Classroom.resume(store, store.latest_session(), rules)


@pytest.fixture
def room(tmp_path):
    return new_room(tmp_path / "a.sqlite")


@pytest.fixture
def client(room):
    with TestClient(build_app(room, "http://192.0.2.7:8000/")) as c:
        yield c


def join(client, name, seat):
    reply = client.post("/api/join", json={"name": name, "seat": seat})
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def hello(ws, token):
    ws.send_json({"type": "hello", "token": token})
    return ws.receive_json()


def until(ws, check):
    for _ in range(30):
        msg = ws.receive_json()
        if check(msg):
            return msg
    raise AssertionError("no such message")


def asked(m):
    return m["type"] == "delegation" and m["delegation"]["questions"]


def page_at(turn):
    return lambda m: m["type"] == "page" and m["page"]["turn"] == turn


def test_the_teams_addressed_see_the_proposal_and_their_answers_decide_it(client, room):
    office, north, south = join(client, "Ana", "sg"), join(client, "Ben", "north"), join(client, "Cleo", "south")
    with client.websocket_connect("/ws") as ws_sg, client.websocket_connect("/ws") as ws_n, \
            client.websocket_connect("/ws") as ws_s, client.websocket_connect("/ws/teacher") as teacher:
        first = hello(ws_n, north)["page"]
        assert first["delegation"]["questions"] == [] and first["delegation"]["office_pending"] is True
        hello(ws_sg, office)
        hello(ws_s, south)
        hello(teacher, room.row.teacher_token)
        ws_sg.send_json({"type": "submit", "turn": 0, "actions": [CEASEFIRE], "choices": {}})
        block = until(ws_n, asked)["delegation"]
        question = block["questions"][0]
        assert question["kind"] == "proposal" and question["answer"] is None
        assert question["title"] == ("The Secretary-General proposes 'A ceasefire on the border' (public) to "
                                     "Northland – Southland")
        assert question["terms"] == room.rules.proposals["ceasefire"].text  # the scenario's own words
        assert [o["id"] for o in question["options"]] == ["accept", "refuse"]
        assert block["office_pending"] is False
        board = until(teacher, lambda m: m["type"] == "dashboard" and m["dashboard"]["world"]["waits"]
                      and "answer" in " ".join(m["dashboard"]["world"]["waits"]))["dashboard"]
        assert board["world"]["waits"] == ["Northland: its decision",
                                           "Northland: its answer to 'A ceasefire on the border'",
                                           "Southland: its decision",
                                           "Southland: its answer to 'A ceasefire on the border'"]
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "hold"})  # the answer is missing
        assert until(ws_n, lambda m: m["type"] == "error")["code"] == "answer_first"
        ws_s.send_json({"type": "decide", "turn": 0, "decision": "hold", "answers": {"ceasefire": "refuse"}})
        mine = until(ws_s, lambda m: m["type"] == "delegation" and m["delegation"]["sent"])["delegation"]
        assert mine["questions"][0]["answered"] == "Southland's delegation refused the proposal 'A ceasefire on " \
                                                   "the border'."
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "step_back", "answers": {"ceasefire": "accept"}})
        after = until(ws_sg, page_at(1))["page"]
        assert "Southland's delegation refused the proposal 'A ceasefire on the border'." in str(after["report"])
        projector = until(teacher, lambda m: m["type"] == "dashboard" and m["dashboard"]["world"]["turn"] == 1)
        assert projector["dashboard"]["world"]["answers"] == [
            "Northland's delegation accepted the proposal 'A ceasefire on the border'.",
            "Southland's delegation refused the proposal 'A ceasefire on the border'."]
    game = room.world.game
    assert game.inputs[0].answers == (("north", "ceasefire", "accept"), ("south", "ceasefire", "refuse"))
    assert "ceasefire" not in game.state.accepted
    saved = from_json(client.get("/api/save", params={"token": north}).text, "a.json")
    assert saved.inputs[0].answers == game.inputs[0].answers
    debrief = client.get("/api/debrief", params={"token": office}).text
    assert "Southland&#x27;s delegation refused the proposal" in debrief or \
        "Southland's delegation refused the proposal" in debrief


def test_a_team_that_decided_early_answers_after_the_offices_orders(room):
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    assert room.decide(north, 0, "hold") is False
    assert room.world.questions("north") == []
    assert room.submit(office, 0, [Action("private_appeal", "north")], {}) is False
    assert [q.subject for q in room.world.unanswered("north")] == ["private_appeal"]
    with pytest.raises(SeatError, match="bad_answer"):
        room.answer(north, 0, {"private_appeal": "accept"})  # a proposal's word for an appeal
    assert room.answer(north, 0, {"private_appeal": "heard"}) is True
    assert room.world.game.inputs[0].answers == (("north", "private_appeal", "heard"),)
    assert room.world.game.inputs[0].decisions == (("north", "hold"),)


def test_a_team_that_does_not_answer_is_left_to_the_draw(room):
    office, _ = room.join("Ana", "sg")
    room.join("Ben", "north")
    room.submit(office, 0, [Action("ceasefire", None, "private")], {})
    room.advance()
    game = room.world.game
    assert game.turn == 1 and game.inputs[0].answers == () and game.inputs[0].decisions == ()


def test_answers_sent_before_a_kill_come_back_on_resume_and_replay(tmp_path):
    db = tmp_path / "a.sqlite"
    room = new_room(db)
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    south, _ = room.join("Cleo", "south")
    room.submit(office, 0, [Action("ceasefire", None, "private"), Action("private_appeal", "south")], {})
    room.decide(north, 0, "hold", {"ceasefire": "accept"})
    again = resumed(db)  # mid-turn: the office's orders and Northland's answer are stored
    assert again.world.answers == {"north": {"ceasefire": "accept"}}
    assert again.world.finished(again.seated()) == {"sg", "north"}
    with pytest.raises(SeatError, match="already_sent"):
        again.decide(again.seats[north.id], 0, "escalate", {})
    assert again.decide(again.seats[south.id], 0, "escalate", {"ceasefire": "accept", "private_appeal": "heard"})
    later = resumed(db)
    assert later.world.game.inputs == again.world.game.inputs
    assert later.world.game.inputs[0].answers == (("north", "ceasefire", "accept"), ("south", "ceasefire", "accept"),
                                                  ("south", "private_appeal", "heard"))
    assert "ceasefire" in later.world.game.state.accepted


@pytest.mark.parametrize("frame, code", [
    ({"type": "answer", "turn": 0, "answers": {"ceasefire": "accept"}}, "not_asked"),  # nothing floated yet
    ({"type": "answer", "turn": 0, "answers": {}}, "malformed"),
    ({"type": "answer", "turn": 0, "answers": {"ceasefire": 1}}, "malformed"),
    ({"type": "answer", "turn": 0, "answers": ["ceasefire", "accept"]}, "malformed"),
    ({"type": "answer", "turn": 0, "answers": {"x" * 200: "accept"}}, "malformed"),
    ({"type": "answer", "turn": 0, "party": "south", "answers": {"ceasefire": "accept"}}, "malformed"),
    ({"type": "decide", "turn": 0, "decision": "hold", "answers": {"ceasefire": "yes"}}, "not_asked"),
    ({"type": "answer", "turn": 7, "answers": {"ceasefire": "accept"}}, "stale_turn"),
])
def test_hostile_answers_are_refused_and_the_session_goes_on(client, room, frame, code):
    north, office = join(client, "Ben", "north"), join(client, "Ana", "sg")
    with client.websocket_connect("/ws") as ws_n, client.websocket_connect("/ws") as ws_sg:
        hello(ws_n, north)
        hello(ws_sg, office)
        ws_n.send_json(frame)
        assert until(ws_n, lambda m: m["type"] == "error")["code"] == code
        ws_sg.send_json({"type": "submit", "turn": 0, "actions": [CEASEFIRE], "choices": {}})
        until(ws_n, asked)
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "hold", "answers": {"ceasefire": "accept"}})
        assert until(ws_n, page_at(1))
    assert room.world.game.inputs[0].answers == (("north", "ceasefire", "accept"),)


def test_an_answer_for_another_party_or_from_the_office_is_refused(client, room):
    north, south, office = join(client, "Ben", "north"), join(client, "Cleo", "south"), join(client, "Ana", "sg")
    with client.websocket_connect("/ws") as ws_n, client.websocket_connect("/ws") as ws_s, \
            client.websocket_connect("/ws") as ws_sg:
        hello(ws_n, north)
        hello(ws_s, south)
        hello(ws_sg, office)
        ws_sg.send_json({"type": "submit", "turn": 0, "actions": [{"use": "private_appeal", "target": "north"}],
                         "choices": {}})
        until(ws_n, asked)
        ws_s.send_json({"type": "decide", "turn": 0, "decision": "hold", "answers": {"private_appeal": "heard"}})
        assert until(ws_s, lambda m: m["type"] == "error")["code"] == "not_asked"  # the appeal went to Northland
        ws_sg.send_json({"type": "answer", "turn": 0, "answers": {"private_appeal": "heard"}})
        assert until(ws_sg, lambda m: m["type"] == "error")["code"] == "not_your_seat"
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "hold", "answers": {"private_appeal": "heard"}})
        ws_n.send_json({"type": "answer", "turn": 0, "answers": {"private_appeal": "brush_off"}})
        assert until(ws_n, lambda m: m["type"] == "error")["code"] == "already_answered"
        ws_s.send_json({"type": "decide", "turn": 0, "decision": "hold"})
        assert until(ws_s, page_at(1))
    assert room.world.game.inputs[0].answers == (("north", "private_appeal", "heard"),)


def test_a_class_database_from_before_answers_opens_and_plays_on(tmp_path):
    """An older file has no answers table and no answers column for resolved turns: both are added on opening and
    its resolved turns replay with no answers."""
    db = tmp_path / "old.sqlite"
    room = new_room(db)
    office, _ = room.join("Ana", "sg")
    room.submit(office, 0, [], {})
    room.store.close()
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE answers")
        con.execute("ALTER TABLE resolved DROP COLUMN answers")
    again = resumed(db)
    assert again.world.game.turn == 1 and again.world.game.inputs[0].answers == ()
    columns = {row[1] for row in again.store.db.execute("PRAGMA table_info(resolved)")}
    assert "answers" in columns
    assert again.submit(again.seats[office.id], 1, [Action("private_appeal", "north")], {})
