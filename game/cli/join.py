"""`play --join URL --player NAME`: the desktop game as a student of a solo class. The student takes a seat as a
browser does (the same join, the same socket and the same orders), so the teacher's dashboard and class summary
see them exactly as a browser student; the window plays the server's own game, fetched as a save file and
replayed here on this computer's copy of the scenario (which must be the teacher's, digest for digest).

The seat's token is kept in the saves folder (joined.json, by class address), so running the same command again,
after a crash or the next day, goes back to the same seat.
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from websockets.exceptions import WebSocketException
from websockets.sync.client import connect

from game.engine import Action, Game
from game.engine.rules import Rules
from game.i18n import _
from game.present.web import join_problem
from game.saves import SaveData, SaveError, resume
from game.saves.format import from_json
from game.saves.store import write_atomic
from game.scenario.catalogue import ScenarioNotFound

from .errors import EXIT_INVALID, CliError

JOINED_FILE = "joined.json"  # in the saves folder: the seat this computer holds in each class it joined
TIMEOUT = 10.0  # seconds to wait for the class server to answer
MAX_REPLY = 4 * 1024 * 1024  # bytes: a page or a save file is far smaller


class JoinError(Exception):
    """The class cannot be joined or the turn not sent: `code` for join_problem, with a detail for its line."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def class_address(url: str) -> tuple[str, int]:
    """The host and port of a class address such as http://192.168.1.20:8000/ (JoinError 'bad_url' otherwise)."""
    parts = urlsplit(url.strip() if "://" in url else f"http://{url.strip()}")
    try:
        port = parts.port or 80
    except ValueError:
        raise JoinError("bad_url") from None
    if parts.scheme != "http" or not parts.hostname:
        raise JoinError("bad_url")
    return parts.hostname, port


@dataclass
class ClassClient:
    """One seat in a solo class on a class server, held by its token; plays the window's turns there."""

    url: str
    host: str
    port: int
    token: str
    name: str
    rules: Rules
    digest: str

    # -- the server's HTTP side ---------------------------------------------------------------------------------
    @staticmethod
    def request(host: str, port: int, method: str, path: str, body: dict | None = None) -> tuple[int, Any]:
        """One HTTP exchange; the status and the JSON reply (None when the reply is not JSON)."""
        con = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            con.request(method, path, json.dumps(body) if body is not None else None, headers)
            reply = con.getresponse()
            raw = reply.read(MAX_REPLY)
        except TimeoutError:
            raise JoinError("no_answer") from None
        except (OSError, http.client.HTTPException) as exc:
            raise JoinError("unreachable", getattr(exc, "strerror", None) or str(exc) or type(exc).__name__) from None
        finally:
            con.close()
        try:
            return reply.status, json.loads(raw)
        except ValueError:
            return reply.status, None

    def save(self) -> SaveData:
        """The seat's game as the server keeps it."""
        status, data = self.request(self.host, self.port, "GET", f"/api/save?token={self.token}")
        if status != 200 or not isinstance(data, dict):
            raise JoinError(data.get("code", "bad_token") if isinstance(data, dict) else "not_a_class")
        try:
            return from_json(json.dumps(data), self.url)
        except SaveError:
            raise JoinError("not_a_class") from None

    def game(self) -> Game:
        """The seat's game, replayed here from the server's save."""
        save = self.save()
        try:
            return resume(save, self.rules, self.digest)
        except SaveError:
            raise JoinError("scenario_differs", self.rules.scenario.id) from None

    # -- playing a turn (ui.session.Remote) ---------------------------------------------------------------------
    def end_turn(self, game: Game, orders: list[Action], choices: dict[str, str]) -> Game:
        """Send the turn's orders as the student's page does and return the server's game after it; RemoteError
        when the server refuses them or cannot be reached, with the server's game when the teacher changed the
        world since `game` was shown."""
        from game.ui.session import RemoteError

        try:
            current = self.game()
            if len(current.inputs) != len(game.inputs) or len(current.interventions) != len(game.interventions):
                raise RemoteError(join_problem("changed", self.url), current)
            self._submit(game.turn, orders, choices)
            return self.game()
        except JoinError as exc:
            raise RemoteError(join_problem(exc.code, self.url, exc.detail)) from None

    def _submit(self, turn: int, orders: list[Action], choices: dict[str, str]) -> None:
        """The orders of `turn` over the class socket, waiting for the page of the next turn."""
        message = {"type": "submit", "turn": turn, "choices": choices,
                   "actions": [{"use": a.use, "target": a.target, "mode": a.mode} for a in orders]}
        try:
            with connect(f"ws://{self.host}:{self.port}/ws", open_timeout=TIMEOUT, close_timeout=1,
                         max_size=MAX_REPLY) as ws:
                ws.send(json.dumps({"type": "hello", "token": self.token}))
                self._page(ws, lambda page: True)
                ws.send(json.dumps(message))
                self._page(ws, lambda page: page["turn"] != turn or page["done"])
        except TimeoutError:
            raise JoinError("no_answer") from None
        except (OSError, WebSocketException) as exc:
            raise JoinError("unreachable", str(exc) or type(exc).__name__) from None

    @staticmethod
    def _page(ws, wanted) -> dict:
        """The next page the server sends that `wanted` accepts; JoinError for an error it sends instead."""
        while True:
            reply = json.loads(ws.recv(timeout=TIMEOUT))
            if reply.get("type") == "error":
                if reply.get("code") == "stale_turn":
                    raise JoinError("changed")
                raise JoinError(reply.get("code", "malformed"), reply.get("message", ""))
            if reply.get("type") == "page" and wanted(reply["page"]):
                return reply["page"]


def joined_seats(folder: Path) -> dict[str, dict[str, str]]:
    """The seats this computer holds, by class address (an unreadable file holds none)."""
    try:
        data = json.loads((folder / JOINED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def keep_seat(folder: Path, key: str, token: str, name: str) -> None:
    seats = joined_seats(folder)
    seats[key] = {"token": token, "name": name}
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / JOINED_FILE, json.dumps(seats, indent=1))


@dataclass(frozen=True)
class Joined:
    """A seat taken: the client that plays on it, the seat's game, its save and this computer's scenario file."""

    client: ClassClient
    game: Game
    save: SaveData
    scenario_path: Path


def join_class(url: str, name: str, folder: Path, load_rules) -> Joined:
    """Take (or take again) a seat in the solo class at `url`. `load_rules(scenario_id)` gives this computer's
    (path, digest, rules) of the class's scenario."""
    if not name:
        raise JoinError("no_name")
    host, port = class_address(url)
    status, labels = ClassClient.request(host, port, "GET", "/api/labels")
    if status != 200 or not isinstance(labels, dict) or "kind" not in labels:
        raise JoinError("not_a_class")
    if labels["kind"] != "solo":
        raise JoinError("delegations")
    key = f"{host}:{port}"
    held = joined_seats(folder).get(key)
    token = held.get("token", "") if isinstance(held, dict) and held.get("name") == name else ""
    save = None
    if token:
        probe = ClassClient(url, host, port, str(token), name, None, "")  # type: ignore[arg-type]
        try:
            save = probe.save()
        except JoinError:
            token = ""  # another class on the same address since: a new seat
    if not token:
        status, reply = ClassClient.request(host, port, "POST", "/api/join", {"name": name})
        if status != 200 or not isinstance(reply, dict) or "token" not in reply:
            raise JoinError(reply.get("code", "malformed") if isinstance(reply, dict) else "not_a_class")
        token = reply["token"]
        keep_seat(folder, key, token, name)
        save = ClassClient(url, host, port, token, name, None, "").save()  # type: ignore[arg-type]
    assert save is not None
    try:
        path, digest, rules = load_rules(save.scenario_id)
    except (ScenarioNotFound, CliError):
        raise JoinError("scenario_missing", save.scenario_id) from None
    client = ClassClient(url, host, port, token, name, rules, digest)
    try:
        game = resume(save, rules, digest)
    except SaveError:
        raise JoinError("scenario_differs", save.scenario_id) from None
    return Joined(client, game, save, Path(path))


def run_join(url: str, player: str, folder: Path, load_rules, out) -> int:
    """`play --join`: join the class and play the seat's game in the window."""
    from .launch import has_display, open_window

    if not has_display():  # before taking a seat, so the dashboard lists nobody who cannot play
        raise CliError(join_problem("needs_window", url, _("no display found")), EXIT_INVALID)
    try:
        joined = join_class(url, player, folder, load_rules)
    except JoinError as exc:
        raise CliError(join_problem(exc.code, url, exc.detail), EXIT_INVALID) from None
    from game.ui.session import Session as WindowSession

    save = joined.save
    window = WindowSession(joined.game, str(joined.scenario_path), joined.client.digest, folder,
                           created=save.created, session_code=save.session, player=joined.client.name,
                           game_id=save.game_id, remote=joined.client)
    reason = open_window(folder, "turn" if joined.game.inputs else "briefing", window)
    if reason is not None:
        raise CliError(join_problem("needs_window", url, reason), EXIT_INVALID)
    return 0
