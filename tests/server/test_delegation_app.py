"""A delegations class over the server's protocol, in-process: joining a team's seat, each seat's own page, party
decisions and the office's orders resolving the shared turn, team messages, the teacher's timer and controls,
the saved game, and hostile messages refused without harming the session."""

import json

import pytest
from starlette.testclient import TestClient

from game.report.loading import open_save
from game.saves import from_json

from .helpers import app_for, new_delegations


@pytest.fixture
def room(tmp_path):
    return new_delegations(tmp_path / "d.sqlite")


@pytest.fixture
def client(room):
    with TestClient(app_for(room)) as c:
        yield c


def join(client, name, seat):
    reply = client.post("/api/join", json={"name": name, "seat": seat})
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def hello(ws, token):
    ws.send_json({"type": "hello", "token": token})
    return ws.receive_json()


def until(ws, check):
    """The next message `check` accepts (pages of other teams' doings come in between)."""
    for _ in range(20):
        msg = ws.receive_json()
        if check(msg):
            return msg
    raise AssertionError("no such message")


def page_at(turn):
    return lambda m: m["type"] == "page" and m["page"]["turn"] == turn


def test_the_join_page_lists_the_seats_and_who_sits_in_them(client):
    projector = client.get("/projector")  # the teacher's page without its controls, for the room's screen
    assert projector.status_code == 200 and "teacher.js" in projector.text and 'class="card private"' in projector.text
    data = client.get("/api/labels").json()
    assert data["kind"] == "delegations"
    assert [s["id"] for s in data["seats"]] == ["sg", "north", "south"]
    join(client, "Ben", "north")
    seats = {s["id"]: s for s in client.get("/api/labels").json()["seats"]}
    assert seats["north"]["team"] == "Ben" and seats["south"]["team"] == data["labels"]["engine_plays"]
    refused = client.post("/api/join", json={"name": "Dan", "seat": "atlantis"})
    assert refused.status_code == 400 and refused.json()["code"] == "no_such_seat"
    assert refused.json()["message"]


def test_each_seat_sees_what_its_side_would_know(client, room):
    office, north = join(client, "Ana", "sg"), join(client, "Ben", "north")
    with client.websocket_connect("/ws") as ws_sg, client.websocket_connect("/ws") as ws_n:
        sg_page = hello(ws_sg, office)["page"]
        n_page = hello(ws_n, north)["page"]
    assert sg_page["kind"] == "office" and sg_page["instruments"] and sg_page["office"]["items"]
    assert len(sg_page["parties"]) == 2 and "own" not in sg_page
    assert n_page["kind"] == "party" and n_page["party"] == "Northland"
    assert "instruments" not in n_page and "office" not in n_page
    true = room.world.game.state.parties[0]
    own = {o["label"]: o["value"] for o in n_page["own"]}
    assert own["hostility"] == round(true.hostility, 2) and own["resolve"] == round(true.resolve, 2)
    assert [p["name"] for p in n_page["parties"]] == ["Southland"]  # the others, as estimates
    assert n_page["parties"][0]["estimates"][0]["low"] <= n_page["parties"][0]["estimates"][0]["high"]
    assert [c["id"] for c in n_page["choices"]] == ["escalate", "hold", "step_back"]
    teams = {t["id"]: t for t in n_page["delegation"]["teams"]}
    assert teams["sg"]["team"] == "Ana" and not teams["south"]["seated"]


def test_a_delegation_turn_resolves_when_every_seated_team_has_sent(client, room):
    office, north = join(client, "Ana", "sg"), join(client, "Ben", "north")
    with client.websocket_connect("/ws") as ws_sg, client.websocket_connect("/ws") as ws_n:
        hello(ws_sg, office)
        hello(ws_n, north)
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "escalate"})
        mine = until(ws_n, lambda m: m["type"] == "delegation")["delegation"]  # only the teams' block changed
        assert mine["sent"] is True
        theirs = until(ws_sg, lambda m: m["type"] == "delegation")["delegation"]
        assert theirs["sent"] is False and {t["id"]: t["sent"] for t in theirs["teams"]}["north"] is True
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "hold"})
        assert until(ws_n, lambda m: m["type"] == "error")["code"] == "already_sent"
        ws_sg.send_json({"type": "submit", "turn": 0, "actions": [{"use": "private_appeal", "target": "north"}],
                         "choices": {}})
        # the appeal is put to Northland, which decided already: the turn now waits for its answer
        asked = until(ws_n, lambda m: m["type"] == "delegation" and m["delegation"]["questions"])["delegation"]
        assert asked["sent"] is False and asked["decided"] is True
        assert [o["id"] for o in asked["questions"][0]["options"]] == ["heard", "brush_off"]
        ws_n.send_json({"type": "answer", "turn": 0, "answers": {"private_appeal": "brush_off"}})
        assert until(ws_sg, page_at(1))["page"]["report"]["decisions"]
        north_next = until(ws_n, page_at(1))["page"]
        assert north_next["last"].endswith("escalate.")
        assert north_next["addressed"] == ["Private appeal → Northland."]  # the office's appeal to it
    assert room.world.game.inputs[0].decisions == (("north", "escalate"),)
    assert room.world.game.inputs[0].answers == (("north", "private_appeal", "brush_off"),)


def test_messages_reach_only_the_two_teams_and_the_teacher(client, room):
    north, south, office = join(client, "Ben", "north"), join(client, "Cleo", "south"), join(client, "Ana", "sg")
    with client.websocket_connect("/ws") as ws_n, client.websocket_connect("/ws") as ws_s, \
            client.websocket_connect("/ws") as ws_sg, client.websocket_connect("/ws/teacher") as teacher:
        hello(ws_n, north)
        hello(ws_s, south)
        hello(ws_sg, office)
        hello(teacher, room.row.teacher_token)
        ws_n.send_json({"type": "say", "to": "sg", "text": "<b>Help</b> us talk"})
        got = until(ws_sg, lambda m: m["type"] == "delegation" and m["delegation"]["messages"])
        line = got["delegation"]["messages"][0]
        assert line["text"] == "<b>Help</b> us talk" and line["from"] == "Northland (Ben)"
        board = until(teacher, lambda m: m["type"] == "dashboard" and m["dashboard"]["delegation"]["messages"])
        assert board["dashboard"]["delegation"]["messages"][0]["to"] == "The Secretary-General's office"
        southern = until(ws_s, lambda m: m["type"] == "delegation")
        assert southern["delegation"]["messages"] == []
        ws_n.send_json({"type": "say", "to": "north", "text": "us"})
        assert until(ws_n, lambda m: m["type"] == "error")["code"] == "no_such_seat"
    assert len(room.world.messages) == 1


def test_the_teachers_timer_and_advance_play_the_turn(client, room):
    office = join(client, "Ana", "sg")
    with client.websocket_connect("/ws") as ws, client.websocket_connect("/ws/teacher") as teacher:
        hello(ws, office)
        board = hello(teacher, room.row.teacher_token)["dashboard"]
        assert board["world"]["turn"] == 0 and "Ana" in json.dumps(board["delegation"]["teams"])
        teacher.send_json({"type": "advance"})
        assert until(ws, page_at(1))
        teacher.send_json({"type": "timer", "seconds": 1})
        page = until(ws, lambda m: m["type"] == "page" and m["page"]["delegation"]["running"])["page"]
        assert page["turn"] == 1
        assert until(ws, page_at(2))  # the timer ran out on its own: the ticker resolved the turn
        ws.send_json({"type": "timer", "seconds": 5})
        assert until(ws, lambda m: m["type"] == "error")["code"] == "teacher_only"
    assert room.world.game.turn >= 2


def test_the_saved_delegations_game_opens_in_report_with_the_seats_decisions(client, room, tmp_path):
    north, office = join(client, "Ben", "north"), join(client, "Ana", "sg")
    with client.websocket_connect("/ws") as ws_n, client.websocket_connect("/ws") as ws_sg:
        hello(ws_n, north)
        hello(ws_sg, office)
        ws_n.send_json({"type": "say", "to": "sg", "text": "<script>x</script> meet us halfway"})
        until(ws_n, lambda m: m["type"] == "delegation" and m["delegation"]["messages"])
        ws_n.send_json({"type": "decide", "turn": 0, "decision": "step_back"})
        ws_sg.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        until(ws_n, page_at(1))
    saved = client.get("/api/save", params={"token": north})
    assert saved.status_code == 200 and "delegations-" in saved.headers["content-disposition"]
    same = client.get("/api/save", params={"token": office}).json()
    assert same["game_id"] == saved.json()["game_id"]
    data = from_json(saved.text, "d.json")
    assert data.inputs[0].decisions == (("north", "step_back"),)
    assert "Northland (Ben)" in data.player and "Ana" in data.player
    path = tmp_path / "d.json"
    path.write_text(saved.text)
    assert open_save(path).game.inputs == room.world.game.inputs
    assert [m.text for m in data.messages] == ["<script>x</script> meet us halfway"]
    debrief = client.get("/api/debrief", params={"token": office})
    assert debrief.status_code == 200 and 'id="delegations"' in debrief.text
    assert "team chose to step back" in debrief.text
    assert "&lt;script&gt;x&lt;/script&gt; meet us halfway" in debrief.text and "<script>x" not in debrief.text
    summary = client.get("/api/summary", params={"token": room.row.teacher_token})
    assert summary.status_code == 200 and summary.text.count("<tr><td>Delegations: ") == 1  # one shared game


@pytest.mark.parametrize("frame", [
    {"type": "decide", "turn": 0, "decision": "x" * 500},
    {"type": "say", "to": "sg", "text": "x" * 5000},
    {"type": "say", "to": "sg"},
    {"type": "decide", "turn": -1, "decision": "hold"},
])
def test_malformed_team_messages_are_refused_and_the_session_goes_on(client, room, frame):
    north = join(client, "Ben", "north")
    with client.websocket_connect("/ws") as ws:
        hello(ws, north)
        ws.send_json(frame)
        assert ws.receive_json()["code"] == "malformed"
        ws.send_json({"type": "decide", "turn": 0, "decision": "hold"})
        assert until(ws, page_at(1))  # the only seated team: its decision resolved the turn


def test_every_refusal_the_class_can_give_has_its_words():
    import re
    from pathlib import Path

    from game.present import delegations, web

    server = Path(__file__).resolve().parents[2] / "game" / "server"
    source = "".join(p.read_text() for p in server.glob("*.py"))
    codes = set(re.findall(r'SeatError\("([a-z_]+)"', source)) | set(re.findall(r'error\("([a-z_]+)"', source))
    codes |= set(re.findall(r'ProtocolError\("([a-z_]+)"', source))
    known = set(web.ERRORS) | set(delegations.ERRORS) | {"illegal"}
    assert codes and codes <= known, codes - known


def test_a_class_vote_on_every_device(client, room):
    ben, cleo = join(client, "Ben", "north"), join(client, "Cleo", "south")
    with client.websocket_connect("/ws") as ws_b, client.websocket_connect("/ws") as ws_c, \
            client.websocket_connect("/ws/teacher") as teacher:
        hello(ws_b, ben)
        hello(ws_c, cleo)
        board = hello(teacher, room.row.teacher_token)["dashboard"]
        picked = board["candidates"][:2]
        teacher.send_json({"type": "vote", "actions": [{k: c[k] for k in ("use", "target", "mode")} for c in picked]})
        ballot = until(ws_b, lambda m: m["type"] == "page" and m["page"]["delegation"]["vote"])["page"]
        assert [o["label"] for o in ballot["delegation"]["vote"]["options"]] == [c["label"] for c in picked]
        assert "counts" not in ballot["delegation"]["vote"] and ballot["ballot"] is None
        ws_b.send_json({"type": "ballot", "choice": 1})
        assert until(ws_b, lambda m: m["type"] == "delegation")["ballot"] == 1
        assert until(ws_c, lambda m: m["type"] == "delegation")["ballot"] is None  # only one's own ballot
        # a dashboard from before the vote (the teams' block of the joins, sent a moment later) may come first
        live = until(teacher, lambda m: m["type"] == "dashboard"
                     and (m["dashboard"]["delegation"]["vote"] or {}).get("total") == "1 ballot")
        assert live["dashboard"]["delegation"]["vote"]["counts"][1].endswith(": 1")
        ws_c.send_json({"type": "ballot", "choice": 0})
        ws_c.send_json({"type": "ballot", "choice": 0})
        assert until(ws_c, lambda m: m["type"] == "error")["code"] == "already_voted"
        ws_b.send_json({"type": "vote", "actions": [{"use": "wait"}, {"use": "private_appeal", "target": "north"}]})
        assert until(ws_b, lambda m: m["type"] == "error")["code"] == "teacher_only"
        teacher.send_json({"type": "close_vote"})
        result = until(ws_c, lambda m: m["type"] == "page" and not m["page"]["delegation"]["vote"]["open"])
        assert result["page"]["delegation"]["vote"]["result"].startswith("The class chose: ")
    assert room.world.votes[0].counts[0][1] == 1 and room.world.votes[0].counts[1][1] == 1
