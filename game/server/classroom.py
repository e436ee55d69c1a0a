"""A class in memory: one world (scenario and seed) and the rules of what a seat may do — in a solo class one
game per student seat, in a delegations class one shared game whose seats are teams (delegation.py). Every change
goes to the database first, so the class can be rebuilt from it exactly.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Action, Game, IllegalAction, Intervention, TurnInput, replay
from game.engine.facilitator import INJECT
from game.engine.rules import Rules
from game.engine.state import GameState
from game.present.delegations import delegation_player
from game.saves import SaveData, TeamMessage
from game.saves.store import save_data

from .delegation import SG, World, roles
from .errors import SeatError
from .store import SessionRow, Store, token_hash

SOLO, DELEGATIONS = "solo", "delegations"
KINDS = (SOLO, DELEGATIONS)
MAX_SEATS = 200
MAX_NAME = 40
MAX_TIMER = 3600  # seconds: the longest turn timer a teacher can set

__all__ = ["DELEGATIONS", "KINDS", "SG", "SOLO", "Classroom", "Seat", "SeatError"]


@dataclass
class Seat:
    """A student's seat and their game; in a delegations class, the team (role) they play in the shared game."""

    id: int
    name: str
    token_hash: str
    game: Game
    role: str = ""


@dataclass
class Classroom:
    """The live session: its stored row, the rules of its scenario and the seats with their games."""

    store: Store
    row: SessionRow
    rules: Rules
    seats: dict[int, Seat] = field(default_factory=dict)
    paused: bool = False
    closed: bool = False
    world: World | None = None  # the shared game of a delegations class
    ending_baseline: GameState | None = None  # the do-nothing world's end every game of the class is scored against

    @classmethod
    def create(cls, store: Store, rules: Rules, *, scenario_path: str, digest: str, seed: int, code: str,
               kind: str = SOLO) -> Classroom:
        """A new class of `kind` (solo or delegations) in `store`, with a fresh teacher's token."""
        row = store.new_session(kind=kind, scenario_id=rules.scenario.id, scenario_path=scenario_path,
                                digest=digest, seed=seed, code=code, teacher_token=secrets.token_urlsafe(18))
        world = World.new(store, row.id, rules, seed) if kind == DELEGATIONS else None
        return cls(store, row, rules, world=world)

    @classmethod
    def resume(cls, store: Store, row: SessionRow, rules: Rules) -> Classroom:
        """The class exactly as it was: every game replayed from its stored inputs (a delegations class: the shared
        world from its resolved turns, with the orders already sent for the current one)."""
        room = cls(store, row, rules, paused=row.paused, closed=row.closed)
        if row.kind == DELEGATIONS:
            room.world = World.resume(store, row.id, rules, row.seed, row.timer)
            if row.paused:
                room.world.left = float(row.timer) if row.timer else None
            else:
                room.world.restart_timer(time.time())
        for seat in store.seats(row.id):
            if room.world is not None:
                game = room.world.game
            else:
                game = replay(rules, row.seed, store.inputs(seat.id), store.interventions(seat.id))
            room.seats[seat.id] = Seat(seat.id, seat.name, seat.token_hash, game, seat.role)
        if room.world is not None:
            room.world.seated_roles = room.seated()
        return room

    @property
    def kind(self) -> str:
        return self.row.kind

    # -- seats -------------------------------------------------------------------------------------------------
    def join(self, name: str, role: str = "") -> tuple[Seat, str]:
        """A new seat for a student (in a delegations class, in the team `role`); returns it with the token their
        browser keeps (only its hash is stored)."""
        clean = " ".join(name.split())[:MAX_NAME]
        if not clean:
            raise SeatError("empty_name")
        if self.closed:
            raise SeatError("closed")
        if len(self.seats) >= MAX_SEATS:
            raise SeatError("class_full")
        if self.world is not None and role not in roles(self.rules):
            raise SeatError("no_such_seat")
        if self.world is None:
            role = ""
        token = secrets.token_urlsafe(24)
        row = self.store.add_seat(self.row.id, clean, token, role)
        game = self.world.game if self.world is not None else Game(self.rules, self.row.seed)
        seat = Seat(row.id, clean, row.token_hash, game, role)
        self.seats[seat.id] = seat
        if self.world is not None:
            self.world.seated_roles.add(role)
        return seat, token

    def seated(self) -> set[str]:
        """The teams at least one student sits in (a delegations class)."""
        return {s.role for s in self.seats.values() if s.role}

    def team(self, role: str) -> list[Seat]:
        return [s for s in self.seats.values() if s.role == role]

    def seat_for(self, token: str) -> Seat:
        """The seat a token holds; SeatError('bad_token') for any other string."""
        wanted = token_hash(token)
        for seat in self.seats.values():
            if secrets.compare_digest(seat.token_hash, wanted):
                return seat
        raise SeatError("bad_token")

    def is_teacher(self, token: str) -> bool:
        return secrets.compare_digest(token.encode(), self.row.teacher_token.encode())

    # -- turns -------------------------------------------------------------------------------------------------
    def submit(self, seat: Seat, turn: int, actions: Sequence[Action], choices: Mapping[str, str]) -> bool:
        """Play the seat's turn `turn`: checked on a copy of the game, committed, then resolved. In a delegations
        class these are the office's orders, and the shared turn resolves once every seated team has sent its
        own; returns whether a turn was resolved."""
        self._check_open()
        if self.world is not None:
            self.world.send_orders(seat.role, seat.id, turn, actions, choices)
            return self._resolve_if_all_sent()
        game = seat.game
        if game.done:
            raise SeatError("game_over")
        if turn != game.turn:
            raise SeatError("stale_turn")
        try:
            game.check(actions, choices)
        except IllegalAction as exc:
            raise SeatError("illegal", exc.refusal) from None
        self.store.add_input(seat.id, turn, TurnInput(tuple(actions), tuple(sorted(choices.items()))))
        game.step(actions, choices)
        return True

    def decide(self, seat: Seat, turn: int, decision: str, answers: Mapping[str, str] | None = None) -> bool:
        """A party team's decision for the shared turn `turn`, with its answers to what the office put to it;
        returns whether the turn was resolved."""
        self._check_open()
        if self.world is None:
            raise SeatError("not_your_seat")
        self.world.send_decision(seat.role, seat.id, turn, decision, answers)
        return self._resolve_if_all_sent()

    def answer(self, seat: Seat, turn: int, answers: Mapping[str, str]) -> bool:
        """A party team's answers, sent after its decision, to what the office's orders put to it since; returns
        whether the turn was resolved."""
        self._check_open()
        if self.world is None:
            raise SeatError("not_your_seat")
        self.world.send_answers(seat.role, seat.id, turn, answers)
        return self._resolve_if_all_sent()

    def _check_open(self) -> None:
        if self.closed:
            raise SeatError("closed")
        if self.paused:
            raise SeatError("paused")

    def _resolve_if_all_sent(self) -> bool:
        assert self.world is not None
        if self.world.all_sent(self.seated()):
            self.world.resolve(self.seated(), time.time())
            return True
        return False

    def advance(self) -> None:
        """The teacher plays the shared turn now: the teams that sent nothing are left to the model (or wait)."""
        if self.world is None:
            raise SeatError("not_delegations")
        self._check_open()
        self.world.resolve(self.seated(), time.time())

    def tick(self, now: float) -> bool:
        """Resolve the shared turn if the teacher's timer has run out; returns whether it did."""
        if self.world is None or self.paused or self.closed or not self.world.due(now):
            return False
        self.world.resolve(self.seated(), now)
        return True

    def start_vote(self, candidates: Sequence[Action]) -> None:
        """The teacher opens a class vote on the office's next action (a delegations class)."""
        self._world_open().start_poll(candidates)

    def ballot(self, seat: Seat, choice: int) -> None:
        self._world_open().ballot(seat.id, choice)

    def close_vote(self) -> None:
        self._world_open().close_poll()

    def _world_open(self) -> World:
        if self.world is None:
            raise SeatError("not_delegations")
        if self.closed:
            raise SeatError("closed")
        return self.world

    def set_timer(self, seconds: int) -> None:
        """Give every shared turn `seconds` (0: no timer), starting with the current one."""
        if self.world is None:
            raise SeatError("not_delegations")
        if not 0 <= seconds <= MAX_TIMER:
            raise SeatError("bad_timer")
        self.world.set_timer(seconds, time.time(), paused=self.paused)

    # -- the teacher's controls --------------------------------------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.store.set_flags(self.row.id, paused=paused, closed=self.closed)
        if self.world is not None and paused != self.paused:
            (self.world.pause if paused else self.world.unpause)(time.time())
        self.paused = paused

    def fire(self, event_key: str) -> int:
        """Fire a scenario event now in every game still being played (as a facilitator's intervention, kept with
        the game for saves, replays and debriefs); returns how many games it fired in. A game where it cannot fire
        now (the event already awaits an answer there) is left as it is."""
        if self.closed:
            raise SeatError("closed")
        if event_key not in {ev.key for ev in self.rules.events}:
            raise SeatError("no_such_event")
        if self.world is not None:
            return int(self.world.fire(event_key))
        made = []
        for seat in self.seats.values():
            iv = Intervention(seat.game.turn, INJECT, event_key)
            if not seat.game.done and seat.game.why_not_intervene(iv) is None:
                made.append((seat, iv))
        self.store.add_interventions([(seat.id, iv) for seat, iv in made])
        for seat, iv in made:
            seat.game.intervene(iv)
        return len(made)

    def close(self) -> None:
        self.store.set_flags(self.row.id, paused=self.paused, closed=True)
        self.closed = True
        if self.world is not None:
            self.world.deadline = self.world.left = None

    # -- what it produces --------------------------------------------------------------------------------------
    def baseline(self) -> GameState:
        """The world's end with a Secretary-General who does nothing, played once for the class: every game has
        the class's seed, so every score is against this one (Game.score would play it again for each)."""
        if self.ending_baseline is None:
            self.ending_baseline = Game(self.rules, self.row.seed).baseline_state()
        return self.ending_baseline

    def save_of(self, seat: Seat) -> SaveData:
        """The seat's game as a save file holds it (opens in `report` and in the desktop game); its game id is
        the seat's, so every download of one student's game is known as the same game."""
        if self.world is not None:
            world_id = hashlib.sha256(f"{self.row.code}/{self.row.id}/{self.row.created}".encode()).hexdigest()[:16]
            messages = [TeamMessage(m.turn, m.sender, m.recipient, m.author, m.text) for m in self.world.messages]
            return save_data(self.world.game, scenario_path=self.row.scenario_path, digest=self.row.digest,
                             player=self.delegation_name(), session=self.row.code, game_id=world_id,
                             messages=messages, votes=self.world.votes)
        return save_data(seat.game, scenario_path=self.row.scenario_path, digest=self.row.digest,
                         player=seat.name, session=self.row.code, game_id=seat.token_hash[:16])

    def delegation_name(self) -> str:
        """The players of a delegations game, as its save names them: each team's students."""
        return delegation_player(self.rules, {role: [s.name for s in self.team(role)] for role in self.seated()})

    def file_name(self, seat: Seat) -> Path:
        """A name for the seat's save in downloads and reports."""
        if self.world is not None:
            return Path(f"delegations-{self.row.code}.json")
        name = seat.name
        safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "student"
        return Path(f"{safe}-{seat.id}.json")
