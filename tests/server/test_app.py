"""The class server's HTTP API and WebSocket protocol, in-process: joining, playing a turn, the teacher's
dashboard and controls, downloads, and hostile messages refused without harming the session."""

import json

import pytest
from starlette.testclient import TestClient

from game.report.loading import open_save
from game.saves import from_json
from game.server import protocol
from game.server.limits import MESSAGE_BURST

from .helpers import JOIN_URL, app_for, new_room


@pytest.fixture
def room(tmp_path):
    return new_room(tmp_path / "c.sqlite")


@pytest.fixture
def client(room):
    with TestClient(app_for(room)) as c:
        yield c


def join(client, name="Ana"):
    reply = client.post("/api/join", json={"name": name})
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def hello(ws, token):
    ws.send_json({"type": "hello", "token": token})
    return ws.receive_json()


def test_the_pages_and_their_words_are_served(client):
    page = client.get("/")
    assert "student.js" in page.text and "script-src" not in page.headers["content-security-policy"]
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert "teacher.js" in client.get("/teacher").text
    data = client.get("/api/labels").json()
    assert data["title"] == "A Class Exercise" and data["labels"]["submit"]
    assert "<svg" in client.get("/api/qr.svg").text
    assert client.get("/static/student.js").status_code == 200


def test_a_student_joins_sees_the_turn_and_plays_it(client, room):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        first = hello(ws, token)
        assert first["type"] == "page"
        page = first["page"]
        assert page["turn"] == 0 and page["player"] == "Ana"
        assert page["ladders"][0]["name"] == "Northland – Southland"
        assert "90%" in page["ladders"][0]["pressure"]
        assert page["parties"][0]["estimates"][0]["text"]
        labels = [a["label"] for a in page["instruments"]]
        assert "Good offices → Northland – Southland" in labels
        offices = next(a for a in page["instruments"] if a["use"] == "good_offices")
        ws.send_json({"type": "submit", "turn": 0, "choices": {},
                      "actions": [{"use": offices["use"], "target": offices["target"], "mode": None}]})
        after = ws.receive_json()
    assert after["type"] == "page" and after["page"]["turn"] == 1
    assert after["page"]["report"]["heading"].startswith("What happened in week 1")
    seat = next(iter(room.seats.values()))
    assert room.store.inputs(seat.id)[0].actions[0].use == "good_offices"


def test_a_reloaded_page_rejoins_its_seat(client):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        ws.receive_json()
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, token)["page"]["turn"] == 1


def test_an_illegal_order_gets_the_engines_reason(client):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_json({"type": "submit", "turn": 0, "choices": {},
                      "actions": [{"use": "article_99", "target": None, "mode": None}]})
        reply = ws.receive_json()
        assert reply["type"] == "error" and reply["message"].startswith("Not possible now:")
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["page"]["turn"] == 1


def test_a_stale_turn_is_refused_and_the_current_page_sent(client):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        ws.receive_json()
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["code"] == "stale_turn"
        assert ws.receive_json()["page"]["turn"] == 1


def test_a_wrong_seat_token_is_refused_and_the_connection_closed(client, room):
    join(client)
    with client.websocket_connect("/ws") as ws:
        reply = hello(ws, "not-a-real-token")
        assert reply["code"] == "bad_token"
    assert all(s.game.turn == 0 for s in room.seats.values())


def test_a_student_token_cannot_open_the_teachers_controls(client, room):
    token = join(client)
    with client.websocket_connect("/ws/teacher") as ws:
        assert hello(ws, token)["code"] == "teacher_only"
    assert client.get("/api/summary", params={"token": token}).status_code == 403
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_json({"type": "end"})
        assert ws.receive_json()["code"] == "teacher_only"
    assert not room.closed


@pytest.mark.parametrize("frame", [
    "{not json",
    "[]",
    "null",
    json.dumps({"type": "submit"}),
    json.dumps({"type": "submit", "turn": "0", "actions": [], "choices": {}}),
    json.dumps({"type": "submit", "turn": 0, "actions": [{"use": "x", "extra": 1}], "choices": {}}),
    json.dumps({"type": "submit", "turn": 0, "actions": [{"use": "wait"}] * 100, "choices": {}}),
    json.dumps({"type": "launch_missiles"}),
    "[" * 5000 + "]" * 5000,
])
def test_malformed_messages_are_refused_and_the_session_goes_on(client, frame):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_text(frame)
        reply = ws.receive_json()
        assert reply["type"] == "error" and reply["code"] in ("malformed", "too_large")
        assert reply["message"]
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["page"]["turn"] == 1


def test_a_ten_megabyte_frame_is_refused_and_the_session_goes_on(client):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        ws.send_text(json.dumps({"type": "submit", "turn": 0, "actions": [], "choices": {}, "pad": "x" * 10_000_000}))
        assert ws.receive_json()["code"] == "too_large"
        ws.send_bytes(b"\0" * 10_000_000)
        assert ws.receive_json()["code"] == "too_large"
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["page"]["turn"] == 1


def test_a_huge_join_request_is_refused(client, room):
    reply = client.post("/api/join", content=b'{"name": "' + b"x" * (protocol.MAX_MESSAGE + 10) + b'"}')
    assert reply.status_code == 413 and reply.json()["code"] == "too_large"
    assert client.post("/api/join", content=b"{oops").json()["code"] == "malformed"
    assert client.post("/api/join", json={"name": "   "}).json()["code"] == "empty_name"
    assert not room.seats


def test_a_flood_is_rate_limited_without_harming_the_session(client, room):
    token = join(client)
    other = join(client, "Ben")
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        for _ in range(int(MESSAGE_BURST) + 40):
            ws.send_text("{}")
        codes = []
        while "rate_limited" not in codes:  # sent once the burst is spent (the hello took one message)
            codes.append(ws.receive_json()["code"])
        assert codes.count("malformed") <= int(MESSAGE_BURST)
    with client.websocket_connect("/ws") as ws:
        hello(ws, other)
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["page"]["turn"] == 1


def test_joins_from_one_address_are_rate_limited(client, room):
    replies = [client.post("/api/join", json={"name": f"S{n}"}).status_code for n in range(40)]
    assert 429 in replies and replies[0] == 200
    assert len(room.seats) < 40


def test_the_dashboard_follows_the_class_live(client, room):
    with client.websocket_connect("/ws/teacher") as teacher:
        board = hello(teacher, room.row.teacher_token)["dashboard"]
        assert board["join_url"] == JOIN_URL and board["students"] == []
        token = join(client, "<script>alert(1)</script>")
        board = teacher.receive_json()["dashboard"]
        assert board["students"][0]["name"] == "<script>alert(1)</script>"
        with client.websocket_connect("/ws") as ws:
            hello(ws, token)
            for turn in range(5):
                ws.send_json({"type": "submit", "turn": turn, "actions": [], "choices": {}})
                page = ws.receive_json()["page"]
                board = teacher.receive_json()["dashboard"]
        assert page["done"] and page["ending"]["title"] == "The end: Calm returns"
        assert board["students"][0]["done"] and board["endings"] == ["Calm returns (success): 1"]


def test_the_teacher_pauses_resumes_and_ends_the_class(client, room):
    token = join(client)
    with client.websocket_connect("/ws") as ws, client.websocket_connect("/ws/teacher") as teacher:
        hello(ws, token)
        hello(teacher, room.row.teacher_token)
        teacher.send_json({"type": "pause"})
        assert ws.receive_json()["page"]["paused"]
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["code"] == "paused"
        teacher.send_json({"type": "resume"})
        assert not ws.receive_json()["page"]["paused"]
        teacher.send_json({"type": "end"})
        page = ws.receive_json()["page"]
        assert page["closed"] and page["instruments"] == []
    assert room.closed


def test_downloads_a_save_a_debrief_and_the_class_summary(client, room, tmp_path):
    token = join(client, "Ana <b>")
    with client.websocket_connect("/ws") as ws:
        hello(ws, token)
        for turn in range(5):
            ws.send_json({"type": "submit", "turn": turn, "actions": [], "choices": {}})
            ws.receive_json()
    save = client.get("/api/save", params={"token": token})
    assert save.status_code == 200
    path = tmp_path / "ana.json"
    path.write_text(save.text)
    played = open_save(path)
    assert played.game.done and from_json(save.text, "x").player == "Ana <b>"
    again = client.get("/api/save", params={"token": token})
    assert from_json(again.text, "x").game_id == played.save.game_id  # the same game, however often downloaded
    debrief = client.get("/api/debrief", params={"token": token}).text
    assert "Ana &lt;b&gt;" in debrief and "Ana <b>" not in debrief
    summary = client.get("/api/summary", params={"token": room.row.teacher_token})
    assert summary.status_code == 200 and "Ana &lt;b&gt;" in summary.text
    assert client.get("/api/save", params={"token": "nope"}).status_code == 403
    for reply in (save, summary, client.get("/api/debrief", params={"token": token})):
        assert reply.headers["referrer-policy"] == "no-referrer"  # the token in the address goes nowhere else


def test_a_summary_without_students_says_so(client, room):
    reply = client.get("/api/summary", params={"token": room.row.teacher_token})
    assert reply.status_code == 404 and reply.json()["message"]


def test_messages_before_hello_are_refused(client):
    token = join(client)
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        assert ws.receive_json()["code"] == "hello_first"
        assert hello(ws, token)["type"] == "page"


def test_the_teacher_fires_an_event_and_the_students_must_answer_it(client, room):
    token = join(client)
    with client.websocket_connect("/ws") as ws, client.websocket_connect("/ws/teacher") as teacher:
        hello(ws, token)
        board = hello(teacher, room.row.teacher_token)["dashboard"]
        assert board["events"] == [{"id": "shots", "title": "Shots across the border"}]
        teacher.send_json({"type": "fire", "event": "shots"})
        assert teacher.receive_json()["message"] == "'Shots across the border' fired in 1 game."
        page = ws.receive_json()["page"]
        assert page["events"][0]["title"] == "Shots across the border"
        assert "Shots across the border. A patrol from each side exchanges fire." in page["report"]["news"]
        ws.send_json({"type": "fire", "event": "shots"})
        assert ws.receive_json()["code"] == "teacher_only"
        ws.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {"shots": "statement"}})
        assert ws.receive_json()["page"]["turn"] == 1
    save = from_json(client.get("/api/save", params={"token": token}).text, "x")
    assert [(iv.turn, iv.kind, iv.target) for iv in save.interventions] == [(0, "inject", "shots")]


def test_the_teacher_downloads_any_students_debrief_and_save(client, room):
    token = join(client, "Ana")
    seat = room.seat_for(token)
    teacher = room.row.teacher_token
    reply = client.get("/api/debrief", params={"token": teacher, "seat": str(seat.id)})
    assert reply.status_code == 200 and "Ana" in reply.text
    assert from_json(client.get("/api/save", params={"token": teacher, "seat": str(seat.id)}).text, "x").player == "Ana"
    assert client.get("/api/save", params={"token": teacher, "seat": "999"}).status_code == 403
    assert client.get("/api/save", params={"token": token, "seat": "999"}).status_code == 200  # a student: their own


def test_every_students_first_page_is_the_worlds_opening_with_their_own_name(client, room):
    """A solo class's games all start the same, so the server writes the first turn's page once: each student
    still gets exactly the page of their own game, with their name, and a paused class's page says so."""
    from game.present import web

    pages = {}
    for name in ("Ana", "Ben <b>"):
        with client.websocket_connect("/ws") as ws:
            pages[name] = hello(ws, join(client, name))["page"]
    seat = next(s for s in room.seats.values() if s.name == "Ben <b>")
    assert pages["Ben <b>"] == web.turn_page(seat.game, player="Ben <b>", paused=False, closed=False)
    assert pages["Ana"] == pages["Ben <b>"] | {"player": "Ana"}
    room.set_paused(True)
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, join(client, "Cleo"))["page"]["paused"] is True


def test_warming_up_leaves_the_class_as_it_was(room):
    from game.server.app import warm_up
    from game.server.store import Store

    warm_up(room)
    assert room.seats == {} and Store(room.store.path).seats(room.row.id) == []
