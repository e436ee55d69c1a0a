"""`play --join URL`: the desktop game takes a seat in a solo class on a real class server (the app under uvicorn
on loopback, in a thread) and plays it there, so the server's game — what the dashboard and the class summary
read — is the window's game, turn for turn; a bad address, a server that is not there, a full or ended class
each get one line."""

from __future__ import annotations

import http.server
import json
import random
import socket
import threading
import time

import pytest
import uvicorn
from websockets.sync.client import connect

from game.cli.errors import CliError
from game.cli.join import JOINED_FILE, JoinError, class_address, join_class
from game.cli.play import run_play
from game.engine import Action
from game.present import web
from game.saves import state_to_dict
from game.scenario.catalogue import ScenarioNotFound
from game.ui.session import RemoteError, Session
from tests.server.helpers import FIXTURE, app_for, new_delegations, new_room, rules_and_digest


def serve(app):
    """Serve `app` on a free loopback port in a thread; the address and a function that stops it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.02)

    def stop():
        server.should_exit = True
        thread.join(10)
        sock.close()

    return f"http://127.0.0.1:{sock.getsockname()[1]}/", stop


@pytest.fixture
def solo(tmp_path):
    room = new_room(tmp_path / "class.sqlite")
    url, stop = serve(app_for(room))
    yield room, url
    stop()


def fixture_scenario(scenario_id):
    rules, digest = rules_and_digest()
    if scenario_id != rules.scenario.id:
        raise ScenarioNotFound(scenario_id)
    return FIXTURE, digest, rules


def window(joined, folder):
    return Session(joined.game, str(joined.scenario_path), joined.client.digest, folder, player=joined.client.name,
                   session_code=joined.save.session, game_id=joined.save.game_id, remote=joined.client)


def test_a_joined_game_is_the_servers_game_turn_for_turn(solo, tmp_path):
    room, url = solo
    joined = join_class(url, "Ada", tmp_path / "saves", fixture_scenario)
    session = window(joined, tmp_path / "saves")
    [seat] = room.seats.values()
    assert seat.name == "Ada"
    rng = random.Random(3)
    while not session.game.done:
        legal = session.game.legal_actions()
        for action in rng.sample(legal, k=min(1, len(legal))):
            session.add(action)
        report = session.end_turn()
        assert report is session.game.reports[-1]
        assert seat.game.inputs == session.game.inputs
        assert state_to_dict(seat.game.state) == state_to_dict(session.game.state)
    board = web.dashboard(room.rules, [(s.id, s.name, s.game) for s in room.seats.values()], code="C",
                          join_url=url, paused=False, closed=False)
    assert board["students"][0]["done"] and board["students"][0]["name"] == "Ada"
    assert session.last_save is not None and session.last_save.is_file()  # a copy on this computer too


def test_joining_again_takes_the_same_seat_back(solo, tmp_path):
    room, url = solo
    first = join_class(url, "Ada", tmp_path, fixture_scenario)
    session = window(first, tmp_path)
    session.end_turn()
    again = join_class(url, "Ada", tmp_path, fixture_scenario)
    assert len(room.seats) == 1
    assert again.client.token == first.client.token and again.game.turn == 1
    other = join_class(url, "Grace", tmp_path, fixture_scenario)  # another name on this computer: a new seat
    assert len(room.seats) == 2 and other.client.token != first.client.token
    assert set(json.loads((tmp_path / JOINED_FILE).read_text())) == {url.removeprefix("http://").rstrip("/")}


def test_an_event_the_teacher_fires_is_shown_before_the_turn_is_sent(solo, tmp_path):
    room, url = solo
    session = window(join_class(url, "Ada", tmp_path, fixture_scenario), tmp_path)
    session.add(Action("wait"))
    with connect(url.replace("http", "ws") + "ws/teacher") as teacher:
        teacher.send(json.dumps({"type": "hello", "token": room.row.teacher_token}))
        teacher.recv()
        teacher.send(json.dumps({"type": "fire", "event": "shots"}))
        assert json.loads(teacher.recv())["type"] == "notice"
    with pytest.raises(RemoteError) as refused:
        session.end_turn()
    assert refused.value.message == web.join_problem("changed", url)
    assert "shots" in [key for key, *_ in session.game.pending()]
    assert session.game.turn == 0 and session.orders == [Action("wait")]  # the orders still possible are kept
    session.choose("shots", "statement")
    session.end_turn()
    [seat] = room.seats.values()
    assert seat.game.inputs == session.game.inputs and dict(seat.game.inputs[0].choices) == {"shots": "statement"}


def test_orders_the_server_refuses_leave_the_window_as_it_was(solo, tmp_path):
    room, url = solo
    session = window(join_class(url, "Ada", tmp_path, fixture_scenario), tmp_path)
    room.set_paused(True)
    session.add(Action("wait"))
    with pytest.raises(RemoteError) as refused:
        session.end_turn()
    assert refused.value.message == web.join_problem("paused", url)
    assert session.game.turn == 0 and session.orders == [Action("wait")]
    room.set_paused(False)
    session.end_turn()
    assert session.game.turn == 1


def test_a_server_gone_mid_game_is_one_line(tmp_path):
    room = new_room(tmp_path / "class.sqlite")
    url, stop = serve(app_for(room))
    session = window(join_class(url, "Ada", tmp_path, fixture_scenario), tmp_path)
    stop()
    with pytest.raises(RemoteError) as refused:
        session.end_turn()
    assert refused.value.message.startswith(f"cannot reach the class server at {url} (")
    assert session.game.turn == 0


def joining(url, folder, name="Ada"):
    """What `play --join URL --player NAME` says when it cannot join (one line, exit 1)."""
    with pytest.raises(CliError) as refused:
        run_play(None, None, False, None, join=url, player=name, saves_dir=folder)
    assert refused.value.code == 1 and "\n" not in refused.value.message
    return refused.value.message


@pytest.fixture
def window_possible(monkeypatch):
    """As if a display were there: run_join gets as far as joining (the tests never open the window)."""
    monkeypatch.setattr("game.cli.launch.has_display", lambda: True)


def test_a_full_or_ended_class_is_one_line(solo, tmp_path, monkeypatch, window_possible):
    room, url = solo
    monkeypatch.setattr("game.server.classroom.MAX_SEATS", 0)
    assert joining(url, tmp_path) == web.join_problem("class_full", url) == "The class is full: ask your teacher."
    monkeypatch.setattr("game.server.classroom.MAX_SEATS", 200)
    room.close()
    assert joining(url, tmp_path) == "Your teacher has ended the session."
    assert not room.seats


def test_an_unreachable_server_or_a_wrong_address_is_one_line(tmp_path, window_possible):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    assert joining(f"http://127.0.0.1:{port}/", tmp_path).startswith(
        f"cannot reach the class server at http://127.0.0.1:{port}/ (")
    for wrong in ("ftp://127.0.0.1/", "http://", "http://127.0.0.1:notaport/"):
        assert joining(wrong, tmp_path) == web.join_problem("bad_url", wrong)
    files = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{files.server_address[1]}/"
        assert joining(url, tmp_path) == web.join_problem("not_a_class", url)
    finally:
        files.shutdown()


def test_a_delegations_class_or_a_missing_name_is_one_line(tmp_path, window_possible):
    room = new_delegations(tmp_path / "class.sqlite")
    url, stop = serve(app_for(room))
    try:
        assert joining(url, tmp_path) == web.join_problem("delegations", url)
        assert joining(url, tmp_path, name="  ") == web.join_problem("no_name", url)
    finally:
        stop()
    assert not room.seats


def test_a_scenario_this_computer_lacks_or_has_another_copy_of_is_refused(solo, tmp_path):
    room, url = solo

    def nothing(scenario_id):
        raise ScenarioNotFound(scenario_id)

    with pytest.raises(JoinError) as missing:
        join_class(url, "Ada", tmp_path, nothing)
    assert (missing.value.code, missing.value.detail) == ("scenario_missing", room.rules.scenario.id)
    with pytest.raises(JoinError) as differs:
        join_class(url, "Ada", tmp_path, lambda scenario_id: (*fixture_scenario(scenario_id)[:1], "0" * 64,
                                                              fixture_scenario(scenario_id)[2]))
    assert differs.value.code == "scenario_differs"


def test_join_takes_no_scenario_seed_or_save(tmp_path):
    for extra in ({"scenario_arg": "x"}, {"seed": 3}, {"load": "a.json"}, {"session": "CUBA-7F3K"}, {"text": True}):
        args = {"scenario_arg": None, "seed": None, "text": False, "load": None} | extra
        with pytest.raises(CliError) as refused:
            run_play(args.pop("scenario_arg"), args.pop("seed"), args.pop("text"), args.pop("load"),
                     join="http://127.0.0.1:1/", player="Ada", saves_dir=tmp_path, **args)
        assert refused.value.code == 2 and "--join" in refused.value.message


def test_a_class_address_is_read_as_the_teachers_screen_writes_it():
    assert class_address("http://192.168.1.20:8000/") == ("192.168.1.20", 8000)
    assert class_address("192.168.1.20:8000") == ("192.168.1.20", 8000)
    assert class_address("http://class.local/") == ("class.local", 80)
    with pytest.raises(JoinError):
        class_address("https://192.168.1.20:8000/")
