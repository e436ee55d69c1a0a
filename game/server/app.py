"""The class server's ASGI app (Starlette): the student's and the teacher's pages, joining, downloads, and the
WebSockets that carry orders in and pages out. All the class's state lives in one Classroom; handlers run on one
event loop, so a turn is checked, stored and resolved without interleaving. Every page and message is written in
its browser's language (languages.py), once per language for all the sockets that read it.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import segno
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.engine import Action, Game
from game.i18n import LANGUAGES, current, using
from game.present import delegations, web
from game.report.classreport import summarise
from game.report.debrief import collect
from game.report.html import render_class, render_debrief
from game.report.loading import Played
from game.saves import to_json

from . import protocol
from .classroom import Classroom, Seat, SeatError
from .languages import Tongues, chosen
from .limits import FLOOD_STRIKES, MESSAGE_BURST, MESSAGE_RATE, Bucket, Connections, JoinLimiter
from .transport import Outgoing

STATIC = Path(__file__).parent / "static"
POLICY_VIOLATION = 1008
TEAMS_UPDATE_DELAY = 0.15  # seconds: the teams' block waits this long to carry every change made meanwhile
# Downloads carry a token in their address: no page may pass it on to a source's site in a Referer header.
PRIVATE = {"Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
# The two pages load only their own script and style and talk only to this server.
PAGE_HEADERS = PRIVATE | {"Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; "
                          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"}


def encode(message: object) -> str:
    """A message as the sockets carry it (Starlette's send_json writes the same)."""
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def tongues_of(room: Classroom) -> Tongues:
    """The class's scenario in every language its pages may ask for; the class's own is the language of this
    call path (`host --lang`)."""
    return Tongues.of(room.rules, current().code, room.row.scenario_path, room.row.digest)


def warm_up(room: Classroom, tongues: Tongues | None = None) -> None:
    """Read the scenario in every language and build the pages of a turn and its dashboard once in each before
    the class comes in, on a game of its own: the first students then do not wait for the code and the
    language's data to load (a quarter of a second)."""
    tongues = tongues or tongues_of(room)
    game = Game(room.rules, room.row.seed)
    for __ in range(2):
        for code in LANGUAGES:
            with using(code):
                seen = tongues.view(game, code)
                web.turn_page(seen, player="", paused=False, closed=False)
                web.dashboard(seen.rules, [(0, "", seen)], code="", join_url="", paused=False, closed=False)
                if room.world is not None:
                    delegations.office_page(seen, player="", paused=False, closed=False)
                    for role in delegations.seat_ids(seen.rules)[1:]:
                        delegations.party_page(seen, role, player="", paused=False, closed=False)
        if not game.done:
            game.step()
    if room.world is None:
        room.baseline()  # every finished game's score is against it: played now, not when the first one ends


def qr_code(url: str) -> bytes:
    """The join address as a QR code, a standalone SVG file."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=6, border=2)
    return out.getvalue()


@dataclass
class Hub:
    """Open sockets: the students' by seat, and the teacher's."""

    seats: dict[int, set[WebSocket]] = field(default_factory=dict)
    teachers: set[WebSocket] = field(default_factory=set)
    ticker: asyncio.Task | None = None  # a delegations class: resolves the shared turn when the timer runs out
    teams_update: asyncio.Task | None = None  # a delegations class: the teams' block, sent shortly (see tell_teams)
    board_update: asyncio.Task | None = None  # the teacher's dashboard, sent once the orders already read are played
    openings: dict[str, str] = field(default_factory=dict)  # a solo class: its first turn's page, written once
    languages: dict[WebSocket, str] = field(default_factory=dict)  # each open socket's language


def build_app(room: Classroom, join_url: str, tongues: Tongues | None = None) -> Starlette:
    """The app serving `room`; `join_url` is the address students type (shown on the teacher's page); `tongues`
    the scenario in the pages' languages (by default read when a page first asks for one)."""
    hub = Hub()
    connections = Connections()
    joins = JoinLimiter()
    outgoing = Outgoing()
    tongues = tongues or tongues_of(room)
    qr_svg = qr_code(join_url)

    def rules_now():
        """The scenario's rules in the language of this call path: the words of the page being written."""
        return tongues.rules(current().code)

    def seen(game: Game) -> Game:
        return tongues.view(game, current().code)

    def language_of(conn: Request | WebSocket) -> str:
        return chosen(conn.cookies, conn.headers, tongues.default)

    def teams() -> dict[str, list[str]]:
        return {role: [s.name for s in room.team(role)] for role in room.seated()}

    def asked() -> dict[str, list[str]]:
        """Each seated party's questions still unanswered this turn (proposal or instrument ids)."""
        world = room.world
        assert world is not None
        out = {r: [q.subject for q in world.unanswered(r)] for r in room.seated() if r != delegations.SG}
        return {r: subjects for r, subjects in out.items() if subjects}

    def delegation(role: str | None) -> dict:
        world = room.world
        assert world is not None
        rules = rules_now()
        questions = []
        if role not in (None, delegations.SG):
            given = world.answers.get(role, {})
            questions = [delegations.question_block(rules, q, given.get(q.subject)) for q in world.questions(role)]
        block = delegations.delegation_block(
            rules, role, teams(), world.finished(room.seated()), world.messages_of(role), world.deadline, world.left,
            time.time(), asked=asked(), questions=questions, decided=role in world.sent,
            office_pending=not world.game.done and world.office_orders(room.seated()) is None)
        return block | {"vote": delegations.vote_block(rules, world.poll, world.votes, world.game.turn,
                                                       teacher=role is None)}

    def ballot_of(seat: Seat) -> int | None:
        poll = room.world.poll if room.world is not None else None
        return None if poll is None else poll.ballots.get(seat.id)

    def page_of(seat: Seat) -> dict:
        """The seat's page; in a delegations class every member of a team sees the team's page with their own
        name and ballot."""
        game = seen(seat.game)
        if room.world is None:
            return {"type": "page", "page": web.turn_page(game, player=seat.name, paused=room.paused,
                                                          closed=room.closed,
                                                          baseline=room.baseline() if game.done else None)}
        if seat.role == delegations.SG:
            page = delegations.office_page(game, player=seat.name, paused=room.paused, closed=room.closed)
        else:
            page = delegations.party_page(game, seat.role, player=seat.name, paused=room.paused,
                                          closed=room.closed)
        return {"type": "page", "page": page | {"delegation": delegation(seat.role), "ballot": ballot_of(seat)}}

    def page_text(seat: Seat, texts: dict[tuple[str, str], str]) -> str:
        """The seat's page as sent, in the language of this call path; in a delegations class each team's page is
        written out once per language (`texts`, by role and language) and only each member's name and ballot are
        added to it. In a solo class every game starts the same (one seed), so the first turn's page is written
        once for the class in each language."""
        code = current().code
        if room.world is None:
            game = seat.game
            if game.inputs or game.interventions:
                return encode(page_of(seat))
            key = f"opening/{code}/{room.paused}/{room.closed}"
            if key not in hub.openings:
                opening = page_of(seat)["page"]
                state = f"/{room.paused}/{room.closed}"  # the other languages' openings of this state are kept
                hub.openings = {k: v for k, v in hub.openings.items() if k.endswith(state)}
                hub.openings[key] = encode({"type": "page", "page": {k: v for k, v in opening.items()
                                                                     if k != "player"}})
            return hub.openings[key][:-2] + f',"player":{encode(seat.name)}}}}}'
        if (seat.role, code) not in texts:
            team = page_of(seat)["page"]
            texts[(seat.role, code)] = encode({"type": "page", "page": {k: v for k, v in team.items()
                                                                         if k not in ("player", "ballot")}})
        own = f',"player":{encode(seat.name)},"ballot":{encode(ballot_of(seat))}}}}}'
        return texts[(seat.role, code)][:-2] + own

    def dashboard() -> dict:
        """The teacher's dashboard in the language of this call path."""
        rules = rules_now()
        if room.world is None:
            seats = [(s.id, s.name, seen(s.game)) for s in room.seats.values()]
        else:
            seats = [(s.id, f"{s.name} ({delegations.seat_name(rules, s.role)})", seen(s.game))
                     for s in room.seats.values()]
        board = web.dashboard(rules, seats, code=room.row.code, join_url=join_url, paused=room.paused,
                              closed=room.closed)
        if room.world is not None:
            world = seen(room.world.game)
            board |= {"kind": room.kind, "delegation": delegation(None),
                      "candidates": delegations.vote_candidates(rules, world),
                      "world": delegations.world_dashboard(rules, world, teams(), set(room.world.sent),
                                                           timer=room.world.timer, asked=asked())}
        return {"type": "dashboard", "dashboard": board}

    async def ticker() -> None:
        """Every half second, resolve the shared turn if the teacher's timer has run out."""
        while True:
            await asyncio.sleep(0.5)
            if room.tick(time.time()):
                await tell_everyone()

    def start_ticker() -> None:
        loop = asyncio.get_running_loop()
        if room.world is not None and (hub.ticker is None or hub.ticker.done() or hub.ticker.get_loop() is not loop):
            hub.ticker = loop.create_task(ticker())

    def error(code: str, refusal=None) -> dict:
        return {"type": "error", "code": code, "message": delegations.error_text(rules_now(), code, refusal)}

    async def send(sockets: set[WebSocket], write: Callable[[], str]) -> None:
        """A message to every socket of `sockets`: `write` gives its text in the language of the call path, and is
        called once for each language the sockets read. Each socket is written on its own (transport.py), so the
        next socket never waits for a slow one; a closed socket is dropped from the set."""
        groups: dict[str, list[WebSocket]] = {}
        for ws in list(sockets):
            groups.setdefault(hub.languages.get(ws, tongues.default), []).append(ws)
        for code, group in groups.items():
            with using(code):
                text = write()
            outgoing.send(group, text, sockets)

    def board_text() -> str:
        return encode(dashboard())

    async def tell_teachers() -> None:
        if hub.board_update is not None:  # this dashboard carries the pending one's changes too
            hub.board_update.cancel()
            hub.board_update = None
        if hub.teachers:
            await send(hub.teachers, board_text)

    def tell_teachers_next() -> None:
        """Send the dashboard as soon as the server is free: the orders of a class that submits in the same
        instant are each played and answered first, and the dashboard is built once for all of them (with no
        wait when only one came)."""
        if hub.teachers and (hub.board_update is None or hub.board_update.done()):
            hub.board_update = asyncio.get_running_loop().create_task(board_next())

    async def board_next() -> None:
        await asyncio.sleep(0)
        hub.board_update = None
        await send(hub.teachers, board_text)

    async def tell_everyone() -> None:
        if hub.teams_update is not None:  # the new pages carry the teams' block too
            hub.teams_update.cancel()
            hub.teams_update = None
        texts: dict[tuple[str, str], str] = {}
        for seat_id, sockets in hub.seats.items():
            seat = room.seats[seat_id]
            await send(sockets, lambda seat=seat: page_text(seat, texts))
        await tell_teachers()

    def tell_teams_soon() -> None:
        """Send the teams' block a moment from now, once for every change until then: when a class's teams send
        their orders in the same second, every page gets one update instead of one per team, and the server is
        free to play the turn when the last team's orders come."""
        if hub.teams_update is None or hub.teams_update.done():
            hub.teams_update = asyncio.get_running_loop().create_task(tell_teams(TEAMS_UPDATE_DELAY))

    async def tell_teams(delay: float) -> None:
        """A delegations class between turns: only the teams' block changed (orders sent, a message, a ballot).
        Each team's block is written out once per language; only each member's ballot is added to it."""
        await asyncio.sleep(delay)
        hub.teams_update = None
        blocks: dict[tuple[str, str], str] = {}

        def block_text(seat: Seat) -> str:
            key = (seat.role, current().code)
            if key not in blocks:
                blocks[key] = encode({"type": "delegation", "delegation": delegation(seat.role)})
            return blocks[key][:-1] + f',"ballot":{encode(ballot_of(seat))}}}'

        for seat_id, sockets in hub.seats.items():
            seat = room.seats[seat_id]
            await send(sockets, lambda seat=seat: block_text(seat))
        await tell_teachers()

    # -- pages and files --------------------------------------------------------------------------------------
    def page(name: str, request: Request) -> HTMLResponse:
        """A page in its browser's language: its `lang` is the one its words will be in (for screen readers and
        hyphenation; the page's script asks for its words and its socket's messages in that language)."""
        text = (STATIC / name).read_text(encoding="utf-8")
        return HTMLResponse(text.replace('<html lang="en">', f'<html lang="{language_of(request)}">', 1),
                            headers=PAGE_HEADERS)

    async def student_page(request: Request) -> Response:
        return page("student.html", request)

    async def teacher_page(request: Request) -> Response:
        return page("teacher.html", request)

    async def labels(request: Request) -> Response:
        with using(language_of(request)):
            rules = rules_now()
            seats = delegations.seat_choices(rules, teams()) if room.world is not None else []
            return JSONResponse({"labels": web.labels() | delegations.labels(), "title": rules.scenario.title,
                                 "kind": room.kind, "seats": seats,
                                 "languages": web.language_choices()})

    async def qr(request: Request) -> Response:
        return Response(qr_svg, media_type="image/svg+xml")

    async def join(request: Request) -> Response:
        with using(language_of(request)):
            return await joined(request)

    async def joined(request: Request) -> Response:
        address = request.client.host if request.client else "?"
        if not joins.allow(address):
            return JSONResponse(error("rate_limited"), status_code=429)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > protocol.MAX_MESSAGE:
                return JSONResponse(error("too_large"), status_code=413)
        try:
            asked = protocol.parse_join(body)
            seat, token = room.join(asked.name, asked.seat or "")
        except protocol.ProtocolError as exc:
            return JSONResponse(error(exc.code), status_code=400)
        except SeatError as exc:
            return JSONResponse(error(exc.code), status_code=409 if exc.code in ("closed", "class_full") else 400)
        if room.world is not None:
            tell_teams_soon()  # the teams' list on every page names the newcomer
        else:
            await tell_teachers()
        return JSONResponse({"token": token, "name": seat.name})

    def seat_from(request: Request) -> Seat | None:
        """The seat a download is for: the student's own (their token), or any seat for the teacher's token."""
        token = request.query_params.get("token", "")
        if room.is_teacher(token):
            seat_id = request.query_params.get("seat", "")
            return room.seats.get(int(seat_id)) if seat_id.isdigit() else None
        try:
            return room.seat_for(token)
        except SeatError:
            return None

    async def save_file(request: Request) -> Response:
        seat = seat_from(request)
        if seat is None:
            with using(language_of(request)):
                return JSONResponse(error("bad_token"), status_code=403)
        name = room.file_name(seat).name
        return Response(to_json(room.save_of(seat)), media_type="application/json",
                        headers=PRIVATE | {"Content-Disposition": f'attachment; filename="{name}"'})

    def played(seat: Seat) -> Played:
        """The seat's game for a report, in the language of this call path."""
        return Played(room.file_name(seat), room.save_of(seat), rules_now(), seen(seat.game))

    async def debrief(request: Request) -> Response:
        with using(language_of(request)):
            seat = seat_from(request)
            if seat is None:
                return JSONResponse(error("bad_token"), status_code=403)
            return HTMLResponse(render_debrief(collect(played(seat), session=room.row.code, runs=0)),
                                headers=PRIVATE)

    async def summary(request: Request) -> Response:
        with using(language_of(request)):
            return class_summary(request)

    def class_summary(request: Request) -> Response:
        if not room.is_teacher(request.query_params.get("token", "")):
            return JSONResponse(error("teacher_only"), status_code=403)
        if not room.seats:
            return JSONResponse({"type": "error", "code": "no_students", "message": web.labels()["no_students"]},
                                status_code=404)
        # a delegations class plays one game, whoever's seat it is downloaded from
        seats = list(room.seats.values())[:1] if room.world is not None else list(room.seats.values())
        debriefs = [collect(played(s), session=room.row.code, runs=0) for s in seats]
        return HTMLResponse(render_class(summarise(debriefs)), headers=PRIVATE)

    # -- live sockets -----------------------------------------------------------------------------------------
    async def receive(ws: WebSocket, bucket: Bucket) -> protocol.Incoming | None:
        """The next valid message, answering refused ones with an error; None when the socket is gone."""
        while True:
            event = await ws.receive()
            if event["type"] == "websocket.disconnect":
                return None
            if not bucket.take():
                if bucket.strikes >= FLOOD_STRIKES:
                    await ws.close(POLICY_VIOLATION)
                    return None
                if bucket.strikes == 1 or bucket.strikes % 50 == 0:
                    await ws.send_json(error("rate_limited"))
                continue
            raw = event.get("text") if event.get("text") is not None else event.get("bytes") or b""
            try:
                return protocol.parse(raw)
            except protocol.ProtocolError as exc:
                await ws.send_json(error(exc.code))

    async def opened(ws: WebSocket) -> str | None:
        """Accept the socket within the connection caps; the client's address, or None when refused."""
        address = ws.client.host if ws.client else "?"
        await ws.accept()
        if not connections.open(address):
            await ws.send_json(error("too_many_connections"))
            await ws.close(POLICY_VIOLATION)
            return None
        return address

    async def hello(ws: WebSocket, bucket: Bucket) -> str | None:
        """The token the socket's first message gives; from then on the socket speaks the language that message
        says its page is written in (else the one its browser asked for)."""
        first = await receive(ws, bucket)
        while first is not None and not isinstance(first, protocol.Hello):
            await ws.send_json(error("hello_first"))
            first = await receive(ws, bucket)
        if first is None:
            return None
        hub.languages[ws] = first.lang if first.lang in LANGUAGES else language_of(ws)
        return first.token

    async def student_socket(ws: WebSocket) -> None:
        with using(language_of(ws)):
            await student_session(ws)

    async def teacher_socket(ws: WebSocket) -> None:
        with using(language_of(ws)):
            await teacher_session(ws)

    async def student_session(ws: WebSocket) -> None:
        address = await opened(ws)
        if address is None:
            return
        bucket = Bucket(MESSAGE_RATE, MESSAGE_BURST)
        seat = None
        try:
            token = await hello(ws, bucket)
            if token is None:
                return
            with using(hub.languages[ws]):
                try:
                    seat = room.seat_for(token)
                except SeatError as exc:
                    await ws.send_json(error(exc.code))
                    await ws.close(POLICY_VIOLATION)
                    return
                await student_turns(ws, bucket, seat)
        except WebSocketDisconnect:
            pass
        finally:
            connections.close(address)
            hub.languages.pop(ws, None)
            if seat is not None:
                hub.seats.get(seat.id, set()).discard(ws)

    async def student_turns(ws: WebSocket, bucket: Bucket, seat: Seat) -> None:
        """A student's socket once its seat is known: the seat's page, then every order until it closes."""
        hub.seats.setdefault(seat.id, set()).add(ws)
        start_ticker()
        await ws.send_text(page_text(seat, {}))
        while (msg := await receive(ws, bucket)) is not None:
            if isinstance(msg, (protocol.Control, protocol.Fire, protocol.Timer, protocol.StartVote)):
                await ws.send_json(error("teacher_only"))
                continue
            resolved = True
            try:
                if isinstance(msg, protocol.Submit):
                    actions = [Action(o.use, o.target, o.mode) for o in msg.actions]
                    resolved = room.submit(seat, msg.turn, actions, dict(msg.choices))
                elif isinstance(msg, protocol.Decide):
                    resolved = room.decide(seat, msg.turn, msg.decision, msg.answers)
                elif isinstance(msg, protocol.Answer):
                    resolved = room.answer(seat, msg.turn, msg.answers)
                elif isinstance(msg, protocol.Say):
                    if room.world is None:
                        raise SeatError("not_delegations")
                    room.world.send_message(seat.role, msg.to, seat.name, msg.text)
                    resolved = False
                elif isinstance(msg, protocol.Ballot):
                    room.ballot(seat, msg.choice)
                    resolved = False
                else:
                    await ws.send_json(error("malformed"))
                    continue
            except SeatError as exc:
                await ws.send_json(error(exc.code, exc.refusal))
                if exc.code == "stale_turn":
                    await ws.send_text(page_text(seat, {}))
                continue
            if room.world is not None:
                if resolved:
                    await tell_everyone()
                else:
                    tell_teams_soon()
            else:
                await send(hub.seats[seat.id], lambda: page_text(seat, {}))
                tell_teachers_next()

    async def teacher_session(ws: WebSocket) -> None:
        address = await opened(ws)
        if address is None:
            return
        bucket = Bucket(MESSAGE_RATE, MESSAGE_BURST)
        try:
            token = await hello(ws, bucket)
            if token is None:
                return
            with using(hub.languages[ws]):
                await teacher_controls(ws, bucket, token)
        except WebSocketDisconnect:
            pass
        finally:
            connections.close(address)
            hub.languages.pop(ws, None)
            hub.teachers.discard(ws)

    async def teacher_controls(ws: WebSocket, bucket: Bucket, token: str) -> None:
        """The teacher's socket after its hello: the dashboard, then every control until it closes."""
        if not room.is_teacher(token):
            await ws.send_json(error("teacher_only"))
            await ws.close(POLICY_VIOLATION)
            return
        hub.teachers.add(ws)
        start_ticker()
        await ws.send_json(dashboard())
        while (msg := await receive(ws, bucket)) is not None:
            if isinstance(msg, protocol.Fire):
                try:
                    fired = room.fire(msg.event)
                except SeatError as exc:
                    await ws.send_json(error(exc.code))
                    continue
                await ws.send_json({"type": "notice", "message": web.fired_text(rules_now(), msg.event, fired)})
                await tell_everyone()
                continue
            if not isinstance(msg, (protocol.Control, protocol.Timer, protocol.StartVote)):
                await ws.send_json(error("malformed"))
                continue
            try:
                if isinstance(msg, protocol.Timer):
                    room.set_timer(msg.seconds)
                elif isinstance(msg, protocol.StartVote):
                    room.start_vote([Action(o.use, o.target, o.mode) for o in msg.actions])
                elif msg.type == "close_vote":
                    room.close_vote()
                elif msg.type == "end":
                    room.close()
                elif msg.type == "advance":
                    room.advance()
                else:
                    room.set_paused(msg.type == "pause")
            except SeatError as exc:
                await ws.send_json(error(exc.code))
                continue
            await tell_everyone()

    routes = [
        Route("/", student_page),
        Route("/teacher", teacher_page),
        Route("/projector", teacher_page),
        Route("/api/labels", labels),
        Route("/api/qr.svg", qr),
        Route("/api/join", join, methods=["POST"]),
        Route("/api/save", save_file),
        Route("/api/debrief", debrief),
        Route("/api/summary", summary),
        WebSocketRoute("/ws", student_socket),
        WebSocketRoute("/ws/teacher", teacher_socket),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        if hub.ticker is not None:
            hub.ticker.cancel()
            hub.ticker = None
        outgoing.cancel()

    return Starlette(routes=routes, lifespan=lifespan)

