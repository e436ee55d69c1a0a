"""Each browser of a class in its own language: the switch's cookie, else Accept-Language, else the class's
(`host --lang`); pages, sockets and downloads in that language, of the same game."""

import asyncio
import gc
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from game.engine import Game, build_rules, replay
from game.i18n import LANGUAGES, using
from game.present import delegations, web
from game.scenario.loader import load_scenario
from game.server.app import build_app, tongues_of
from game.server.classroom import DELEGATIONS, Classroom
from game.server.languages import COOKIE, Tongues, accepted, chosen
from game.server.store import Store
from game.server.transport import Outgoing, settle_memory

from .helpers import FIXTURE, JOIN_URL, app_for, new_delegations, new_room

RIVER = Path(__file__).parents[2] / "scenarios" / "sample_river_dispute.yaml"
FRENCH = {"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH = {"accept-language": "en-GB,en;q=0.9"}


# -- which language ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "expected"), [
    ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
    ("en-US,en;q=0.9,fr;q=0.8", "en"),
    ("de-DE,de;q=0.9,fr;q=0.5", "fr"),  # German is not spoken: the next the reader accepts
    ("en;q=0.2, fr;q=0.7", "fr"),  # by weight, not by order
    ("FR", "fr"),
    ("fr;q=0, en;q=0.1", "en"),  # q=0 refuses a language
    ("de, es", None),
    ("", None),
    ("*", None),
    ("fr;q=oops", None),
])
def test_accept_language_picks_the_best_language_the_game_speaks(header, expected):
    assert accepted(header) == expected


@given(st.text(max_size=80))
def test_any_accept_language_gives_a_spoken_language_or_none(header):
    assert accepted(header) in (*LANGUAGES, None)


def test_the_switch_beats_the_browser_and_the_browser_beats_the_class():
    assert chosen({COOKIE: "en"}, FRENCH, "fr") == "en"
    assert chosen({COOKIE: "xx"}, FRENCH, "en") == "fr"  # a cookie naming no language is ignored
    assert chosen({}, FRENCH, "en") == "fr"
    assert chosen({}, {"accept-language": "de"}, "fr") == "fr"
    assert chosen({}, {}, "en") == "en"


# -- the same game in another language ------------------------------------------------------------------------------
@settings(max_examples=4, deadline=None)
@given(st.integers(0, 10_000))
def test_a_game_seen_in_french_is_the_game_played_in_french(seed):
    """A page of a game played on the English scenario, read through the French view, is word for word the page of
    the same game played on the French scenario (the engine holds no words)."""
    english = load_scenario(RIVER, lang="en")
    rules = build_rules(english.scenario)
    tongues = Tongues.of(rules, "en", str(RIVER), english.digest)
    played, native = Game(rules, seed), Game(tongues.rules("fr"), seed)
    rng = random.Random(seed)
    while True:
        with using("fr"):
            seen = tongues.view(played, "fr")
            assert web.turn_page(seen, player="", paused=False, closed=False) == \
                web.turn_page(native, player="", paused=False, closed=False)
            role = delegations.seat_ids(rules)[1]
            assert delegations.party_page(seen, role, player="", paused=False, closed=False) == \
                delegations.party_page(native, role, player="", paused=False, closed=False)
        if played.done:
            break
        open_now = played.legal_actions()
        orders = rng.sample(open_now, k=min(1, len(open_now)))
        try:
            played.check(orders, {})
        except Exception:  # noqa: BLE001 - an order refused here is simply not given
            orders = []
        played.step(orders, {})
        native.step(orders, {})
    assert seen.rules.scenario.title != rules.scenario.title  # the scenario's own words were translated too
    assert tongues.view(played, "en") is played  # the class's own language is the game itself


def test_an_unknown_language_or_an_unreadable_translation_shows_the_class_s_scenario(tmp_path):
    english = load_scenario(RIVER, lang="en")
    rules = build_rules(english.scenario)
    assert Tongues.of(rules, "en", str(RIVER), english.digest).rules("de") is rules
    changed = Tongues.of(rules, "en", str(RIVER), "another digest")  # the file changed since the class began
    assert changed.rules("fr") is rules


# -- a class in two languages ----------------------------------------------------------------------------------------
@pytest.fixture
def room(tmp_path):
    return new_room(tmp_path / "c.sqlite")


@pytest.fixture
def client(room):
    with TestClient(app_for(room)) as c:
        yield c


def join(client, name, headers, seat=None):
    reply = client.post("/api/join", json={"name": name} | ({"seat": seat} if seat else {}), headers=headers)
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def hello(ws, token, lang=None):
    ws.send_json({"type": "hello", "token": token} | ({"lang": lang} if lang else {}))
    return ws.receive_json()


def sent(page):
    """A page as a socket carries it (JSON has lists, not tuples)."""
    return json.loads(json.dumps(page))


def played_in(code, game):
    """The same game played from the start on the scenario read in `code`."""
    return replay(build_rules(load_scenario(FIXTURE, lang=code).scenario), game.seed, game.inputs, game.interventions)


def words(code):
    with using(code):
        return web.labels()


def test_each_page_is_served_in_its_browser_s_language(client):
    assert '<html lang="fr">' in client.get("/", headers=FRENCH).text
    assert '<html lang="en">' in client.get("/teacher", headers=ENGLISH).text
    assert '<html lang="en">' in client.get("/projector", headers={"cookie": f"{COOKIE}=en"} | FRENCH).text
    french = client.get("/api/labels", headers=FRENCH).json()
    english = client.get("/api/labels").json()  # no Accept-Language: the class's language
    assert french["labels"]["submit"] == words("fr")["submit"] != english["labels"]["submit"] == words("en")["submit"]
    assert french["labels"]["language"] == "Langue" and english["labels"]["language"] == "Language"
    assert [(c["code"], c["name"], c["current"]) for c in french["languages"]] == \
        [("en", "English", False), ("fr", "Français", True)]


def test_two_students_of_one_class_play_the_same_world_each_in_their_own_words(client, room):
    ana, ben = join(client, "Ana", FRENCH), join(client, "Ben", ENGLISH)
    with client.websocket_connect("/ws", headers=FRENCH) as ws_fr, \
            client.websocket_connect("/ws", headers=ENGLISH) as ws_en, \
            client.websocket_connect("/ws/teacher", headers={"cookie": f"{COOKIE}=fr"}) as teacher:
        fr, en = hello(ws_fr, ana)["page"], hello(ws_en, ben)["page"]
        assert teacher.send_json({"type": "hello", "token": room.row.teacher_token}) is None
        board = teacher.receive_json()["dashboard"]
        assert fr["turn"] == en["turn"] == 0
        assert [a["use"] for a in fr["instruments"]] == [a["use"] for a in en["instruments"]]  # the same world
        assert fr["heading"] != en["heading"] and fr["instruments"][0]["label"] != en["instruments"][0]["label"]
        seat = next(s for s in room.seats.values() if s.name == "Ana")
        with using("fr"):
            assert fr == sent(web.turn_page(played_in("fr", seat.game), player="Ana", paused=False, closed=False))
            assert board["count"] == web.dashboard(room.rules, [(s.id, s.name, s.game) for s in room.seats.values()],
                                                   code="", join_url="", paused=False, closed=False)["count"]
            assert board["events"] == [{"id": ev.key, "title": ev.title}
                                       for ev in played_in("fr", seat.game).rules.events]
        ws_fr.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        after = ws_fr.receive_json()["page"]
        with using("fr"):
            assert after == sent(web.turn_page(played_in("fr", seat.game), player="Ana", paused=False,
                                                closed=False))
        assert after["turn"] == 1 and after["report"]["heading"]
        ws_en.send_json({"type": "submit", "turn": 1, "actions": [], "choices": {}})
        assert ws_en.receive_json()["code"] == "stale_turn"  # refused in English…
        refused = ws_en.receive_json()
        assert refused["page"]["heading"] == en["heading"]
        ws_fr.send_json({"type": "submit", "turn": 0, "actions": [], "choices": {}})
        with using("fr"):
            assert ws_fr.receive_json()["message"] == web.error_text(room.rules, "stale_turn")  # …and in French
        ws_fr.receive_json()


def test_the_page_s_own_language_beats_the_socket_s_headers(client, room):
    """A page says which language it was written in: its socket's messages follow it, whatever the handshake
    carried (a browser may leave Accept-Language out of it)."""
    token = join(client, "Ana", ENGLISH)
    with client.websocket_connect("/ws", headers=ENGLISH) as ws:
        page = hello(ws, token, lang="fr")["page"]
    with client.websocket_connect("/ws", headers=ENGLISH) as ws:
        english = hello(ws, token)["page"]
    game = next(iter(room.seats.values())).game
    for code, seen in (("fr", page), ("en", english)):
        with using(code):
            assert seen == sent(web.turn_page(played_in(code, game), player="Ana", paused=False, closed=False))
    assert page["heading"] != english["heading"]


def test_a_hello_naming_an_unknown_language_is_refused(client):
    token = join(client, "Ana", ENGLISH)
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "hello", "token": token, "lang": "french!"})
        assert ws.receive_json()["code"] == "malformed"


def test_downloads_follow_the_browser_s_language(client):
    token = join(client, "Ana", FRENCH)
    french = client.get(f"/api/debrief?token={token}", headers=FRENCH).text
    english = client.get(f"/api/debrief?token={token}", headers=ENGLISH).text
    assert french != english and 'lang="fr"' in french and 'lang="en"' in english


def sent_block(msg):
    return msg["type"] == "delegation" and msg["delegation"]["sent"]


def until(ws, check):
    """The next message `check` accepts (the teams' updates of the joins may come first)."""
    for _ in range(10):
        msg = ws.receive_json()
        if check(msg):
            return msg
    raise AssertionError("no such message")


def test_the_teams_of_a_delegations_class_read_their_updates_in_their_own_language(tmp_path):
    room = new_delegations(tmp_path / "d.sqlite")
    with TestClient(app_for(room)) as client:
        ana, ben = join(client, "Ana", FRENCH, "north"), join(client, "Ben", ENGLISH, "north")
        office = join(client, "Cleo", ENGLISH, "sg")
        with client.websocket_connect("/ws", headers=FRENCH) as ws_fr, \
                client.websocket_connect("/ws", headers=ENGLISH) as ws_en, \
                client.websocket_connect("/ws", headers=ENGLISH) as ws_sg:
            fr, en = hello(ws_fr, ana)["page"], hello(ws_en, ben)["page"]
            hello(ws_sg, office)
            assert fr["party"] == en["party"] and fr["choices"][0]["label"] != en["choices"][0]["label"]
            ws_fr.send_json({"type": "decide", "turn": 0, "decision": "hold"})
            block_fr, block_en = until(ws_fr, sent_block), until(ws_en, sent_block)  # after the joins' updates
            assert block_fr["delegation"]["seat"] == block_en["delegation"]["seat"] == "Northland"
            with using("fr"):
                assert block_fr["delegation"]["teams"] == delegations.teams_block(
                    room.rules, {"north": ["Ana", "Ben"], "sg": ["Cleo"]}, {"north"})
            assert block_fr["delegation"]["teams"] != block_en["delegation"]["teams"]


def test_the_class_s_own_language_is_the_one_host_was_started_in(tmp_path):
    """`host --lang fr` reads the scenario in French and plays the class on it; a browser that asks for English
    gets the scenario's English text."""
    with using("fr"):
        french = load_scenario(RIVER)
        rules = build_rules(french.scenario)
        room = Classroom.create(Store(tmp_path / "r.sqlite"), rules, scenario_path=str(RIVER), digest=french.digest,
                                seed=3, code="RIVE-TEST", kind=DELEGATIONS)
        tongues = tongues_of(room)
        app = build_app(room, JOIN_URL, tongues)
    assert tongues.default == "fr" and tongues.rules("fr") is rules
    with TestClient(app) as client:
        data = client.get("/api/labels").json()
        assert data["title"] == rules.scenario.title == "Le différend du barrage de la Varta"
        assert [c["current"] for c in data["languages"]] == [False, True]
        english = client.get("/api/labels", headers=ENGLISH).json()
        assert english["title"] == load_scenario(RIVER, lang="en").scenario.title != data["title"]


# -- getting messages out ----------------------------------------------------------------------------------------------
class Stalled:
    """A socket whose buffer is full until `drain` is set: its writes wait, then go out in order."""

    def __init__(self):
        self.drain = asyncio.Event()
        self.got = []

    async def send_text(self, data):
        await self.drain.wait()
        self.got.append(data)


class Quick:
    def __init__(self):
        self.got = []

    async def send_text(self, data):
        self.got.append(data)


class Closed:
    async def send_text(self, data):
        raise RuntimeError("the socket is closed")


def test_a_stalled_socket_does_not_hold_back_the_others():
    async def scenario():
        outgoing = Outgoing()
        stalled, quick, closed = Stalled(), Quick(), Closed()
        sockets = {stalled, quick, closed}
        for text in ("one", "two"):
            outgoing.send([stalled, closed, quick], text, sockets)
        assert quick.got == ["one", "two"]  # at once, though the socket before it could not take them
        assert closed not in sockets and stalled in sockets and stalled.got == []
        assert len(outgoing.pending) == 1  # one task, for the stalled socket only
        outgoing.send([stalled, quick], "three", sockets)
        stalled.drain.set()
        await outgoing.drained()
        assert stalled.got == ["one", "two", "three"]  # in order once it drained
        assert quick.got == ["one", "two", "three"] and not outgoing.pending and not outgoing.backlog
        outgoing.send([stalled], "four", sockets)
        assert stalled.got[-1] == "four" and not outgoing.pending  # written at once again

    asyncio.run(scenario())


def test_a_stalled_write_is_given_up_with_its_socket():
    async def scenario():
        outgoing = Outgoing()
        stalled = Stalled()
        outgoing.send([stalled], "one", {stalled})
        outgoing.cancel()
        await outgoing.drained()
        assert stalled.got == [] and not outgoing.backlog

    asyncio.run(scenario())


def test_settling_memory_freezes_what_start_up_made():
    try:
        kept = json.loads(json.dumps({"made": "at start-up"}))
        assert settle_memory() > 0 and gc.get_freeze_count() > 0
        assert kept["made"]
    finally:
        gc.unfreeze()
