"""A solo class in memory: one world (scenario and seed), one game per student seat, and the rules of what a
seat may do; every change goes to the database first, so the class can be rebuilt from it exactly.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Action, Game, IllegalAction, Intervention, TurnInput, replay
from game.engine.facilitator import INJECT
from game.engine.record import Refusal
from game.engine.rules import Rules
from game.saves import SaveData
from game.saves.store import save_data

from .store import SessionRow, Store, token_hash

SOLO = "solo"
MAX_SEATS = 200
MAX_NAME = 40


class SeatError(Exception):
    """Something a seat or the teacher asked for that cannot be done; `code` names it for the page's words."""

    def __init__(self, code: str, refusal: Refusal | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.refusal = refusal


@dataclass
class Seat:
    """A student's seat and their game."""

    id: int
    name: str
    token_hash: str
    game: Game


@dataclass
class Classroom:
    """The live session: its stored row, the rules of its scenario and the seats with their games."""

    store: Store
    row: SessionRow
    rules: Rules
    seats: dict[int, Seat] = field(default_factory=dict)
    paused: bool = False
    closed: bool = False

    @classmethod
    def create(cls, store: Store, rules: Rules, *, scenario_path: str, digest: str, seed: int, code: str
               ) -> Classroom:
        """A new solo class in `store`, with a fresh teacher's token."""
        row = store.new_session(kind=SOLO, scenario_id=rules.scenario.id, scenario_path=scenario_path,
                                digest=digest, seed=seed, code=code, teacher_token=secrets.token_urlsafe(18))
        return cls(store, row, rules)

    @classmethod
    def resume(cls, store: Store, row: SessionRow, rules: Rules) -> Classroom:
        """The class exactly as it was: every seat's game replayed from its stored inputs."""
        room = cls(store, row, rules, paused=row.paused, closed=row.closed)
        for seat in store.seats(row.id):
            game = replay(rules, row.seed, store.inputs(seat.id), store.interventions(seat.id))
            room.seats[seat.id] = Seat(seat.id, seat.name, seat.token_hash, game)
        return room

    # -- seats -------------------------------------------------------------------------------------------------
    def join(self, name: str) -> tuple[Seat, str]:
        """A new seat for a student; returns it with the token their browser keeps (only its hash is stored)."""
        clean = " ".join(name.split())[:MAX_NAME]
        if not clean:
            raise SeatError("empty_name")
        if self.closed:
            raise SeatError("closed")
        if len(self.seats) >= MAX_SEATS:
            raise SeatError("class_full")
        token = secrets.token_urlsafe(24)
        row = self.store.add_seat(self.row.id, clean, token)
        seat = Seat(row.id, clean, row.token_hash, Game(self.rules, self.row.seed))
        self.seats[seat.id] = seat
        return seat, token

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
    def submit(self, seat: Seat, turn: int, actions: Sequence[Action], choices: Mapping[str, str]) -> None:
        """Play the seat's turn `turn`: checked on a copy of the game, committed, then resolved."""
        if self.closed:
            raise SeatError("closed")
        if self.paused:
            raise SeatError("paused")
        game = seat.game
        if game.done:
            raise SeatError("game_over")
        if turn != game.turn:
            raise SeatError("stale_turn")
        try:
            game.fork(record=False).step(actions, choices)
        except IllegalAction as exc:
            raise SeatError("illegal", exc.refusal) from None
        self.store.add_input(seat.id, turn, TurnInput(tuple(actions), tuple(sorted(choices.items()))))
        game.step(actions, choices)

    # -- the teacher's controls --------------------------------------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.store.set_flags(self.row.id, paused=paused, closed=self.closed)
        self.paused = paused

    def fire(self, event_key: str) -> int:
        """Fire a scenario event now in every game still being played (as a facilitator's intervention, kept with
        the game for saves, replays and debriefs); returns how many games it fired in. A game where it cannot fire
        now (the event already awaits an answer there) is left as it is."""
        if self.closed:
            raise SeatError("closed")
        if event_key not in {ev.key for ev in self.rules.events}:
            raise SeatError("no_such_event")
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

    # -- what it produces --------------------------------------------------------------------------------------
    def save_of(self, seat: Seat) -> SaveData:
        """The seat's game as a save file holds it (opens in `report` and in the desktop game); its game id is
        the seat's, so every download of one student's game is known as the same game."""
        return save_data(seat.game, scenario_path=self.row.scenario_path, digest=self.row.digest,
                         player=seat.name, session=self.row.code, game_id=seat.token_hash[:16])

    def file_name(self, seat: Seat) -> Path:
        """A name for the seat's save in downloads and reports."""
        safe = "".join(ch if ch.isalnum() else "-" for ch in seat.name).strip("-") or "student"
        return Path(f"{safe}-{seat.id}.json")
