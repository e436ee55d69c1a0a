"""The class server's database: SQLite in WAL mode holding sessions, seats, every submitted input and every
intervention of the teacher; for a delegations class also each team's orders, the party teams' answers to the
proposals and appeals put to them, every turn of the shared world as it was resolved, and the teams' messages.

An input is committed before the turn it orders is resolved, so a server killed at any moment comes back with
every input it ever acknowledged (`host --resume` replays them: the engine is deterministic). One row per seat
and turn (the primary key) means an input can never be stored twice.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from game.engine import Action, Intervention, TurnInput
from game.saves.store import now

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    digest TEXT NOT NULL,
    seed INTEGER NOT NULL,
    code TEXT NOT NULL,
    teacher_token TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seats (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    joined TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    turn INTEGER NOT NULL,
    actions TEXT NOT NULL,
    choices TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (seat_id, turn)
);
CREATE TABLE IF NOT EXISTS interventions (
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    seq INTEGER NOT NULL,
    turn INTEGER NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (seat_id, seq)
);
CREATE TABLE IF NOT EXISTS orders (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    turn INTEGER NOT NULL,
    role TEXT NOT NULL,
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    actions TEXT NOT NULL,
    choices TEXT NOT NULL,
    decision TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (session_id, turn, role)
);
CREATE TABLE IF NOT EXISTS resolved (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    turn INTEGER NOT NULL,
    actions TEXT NOT NULL,
    choices TEXT NOT NULL,
    decisions TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (session_id, turn)
);
CREATE TABLE IF NOT EXISTS answers (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    turn INTEGER NOT NULL,
    role TEXT NOT NULL,
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    subject TEXT NOT NULL,
    answer TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (session_id, turn, role, subject)
);
CREATE TABLE IF NOT EXISTS world_interventions (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    turn INTEGER NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    turn INTEGER NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS polls (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    turn INTEGER NOT NULL,
    candidates TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    closed_turn INTEGER NOT NULL DEFAULT -1,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ballots (
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    choice INTEGER NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (poll_id, seat_id)
);
"""
# Columns added after the first classes were held: (table, column, definition), added to an older file on opening.
ADDED_COLUMNS = (
    ("seats", "role", "TEXT NOT NULL DEFAULT ''"),
    ("sessions", "timer", "INTEGER NOT NULL DEFAULT 0"),
    ("resolved", "answers", "TEXT NOT NULL DEFAULT '[]'"),  # [[party id, proposal or instrument id, answer], …]
)


class StoreError(Exception):
    """A database that cannot be opened or used; `message` is one plain line for the teacher."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SessionRow:
    """A class session as stored."""

    id: int
    kind: str
    scenario_id: str
    scenario_path: str
    digest: str
    seed: int
    code: str
    teacher_token: str
    paused: bool
    closed: bool
    created: str
    timer: int = 0  # seconds a delegations turn lasts before it resolves without the late teams; 0 no timer


@dataclass(frozen=True)
class SeatRow:
    """A student's seat: their name and the hash of the token their browser holds."""

    id: int
    name: str
    token_hash: str
    joined: str
    role: str = ""  # a delegations class: the seat's team ('sg' or a party id); '' in a solo class


def token_hash(token: str) -> str:
    """What the database keeps of a seat token (the token itself lives only in the student's browser)."""
    return hashlib.sha256(token.encode()).hexdigest()


class Store:
    """One open database file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL makes each commit durable against a crash or kill of the server (the operating
            # system keeps it); only a power cut can lose the last commits. FULL would fsync every order, and the
            # class would wait on the disk (turn latency ×5 at 40 students, benchmarks/classroom.py).
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            for table, column, definition in ADDED_COLUMNS:
                have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
                if column not in have:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a class database ({exc}); give another --db FILE") from None

    def close(self) -> None:
        self.db.close()

    # -- sessions ----------------------------------------------------------------------------------------------
    def new_session(self, *, kind: str, scenario_id: str, scenario_path: str, digest: str, seed: int, code: str,
                    teacher_token: str) -> SessionRow:
        cur = self.db.execute(
            "INSERT INTO sessions (kind, scenario_id, scenario_path, digest, seed, code, teacher_token, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, scenario_id, scenario_path, digest, seed, code, teacher_token, now()))
        return self.session(int(cur.lastrowid or 0))

    def session(self, session_id: int) -> SessionRow:
        row = self.db.execute("SELECT id, kind, scenario_id, scenario_path, digest, seed, code, teacher_token, "
                              "paused, closed, created, timer FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no session {session_id}")
        return SessionRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]),
                          bool(row[9]), row[10], row[11])

    def latest_session(self) -> SessionRow | None:
        row = self.db.execute("SELECT id FROM sessions ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else self.session(row[0])

    def set_flags(self, session_id: int, *, paused: bool, closed: bool) -> None:
        self.db.execute("UPDATE sessions SET paused = ?, closed = ? WHERE id = ?", (int(paused), int(closed),
                                                                                      session_id))

    def set_timer(self, session_id: int, seconds: int) -> None:
        self.db.execute("UPDATE sessions SET timer = ? WHERE id = ?", (seconds, session_id))

    # -- seats -------------------------------------------------------------------------------------------------
    def add_seat(self, session_id: int, name: str, token: str, role: str = "") -> SeatRow:
        stamp = now()
        cur = self.db.execute("INSERT INTO seats (session_id, name, token_hash, joined, role) VALUES (?, ?, ?, ?, ?)",
                              (session_id, name, token_hash(token), stamp, role))
        return SeatRow(int(cur.lastrowid or 0), name, token_hash(token), stamp, role)

    def seats(self, session_id: int) -> list[SeatRow]:
        rows = self.db.execute("SELECT id, name, token_hash, joined, role FROM seats WHERE session_id = ? "
                               "ORDER BY id", (session_id,)).fetchall()
        return [SeatRow(*row) for row in rows]

    # -- inputs ------------------------------------------------------------------------------------------------
    def add_input(self, seat_id: int, turn: int, turn_input: TurnInput) -> None:
        """Commit one seat's input for `turn`; a second input for the same seat and turn is refused."""
        actions = json.dumps([[a.use, a.target, a.mode] for a in turn_input.actions])
        choices = json.dumps(dict(turn_input.choices))
        self.db.execute("INSERT INTO inputs (seat_id, turn, actions, choices, created) VALUES (?, ?, ?, ?, ?)",
                        (seat_id, turn, actions, choices, now()))

    def inputs(self, seat_id: int) -> list[TurnInput]:
        """The seat's inputs in turn order (turns are stored without gaps, from 0)."""
        rows = self.db.execute("SELECT turn, actions, choices FROM inputs WHERE seat_id = ? ORDER BY turn",
                               (seat_id,)).fetchall()
        out = []
        for expected, (turn, actions, choices) in enumerate(rows):
            if turn != expected:
                raise StoreError(f"{self.path}: seat {seat_id} has no input for turn {expected}")
            acts = tuple(Action(u, t, m) for u, t, m in json.loads(actions))
            out.append(TurnInput(acts, tuple(sorted(json.loads(choices).items()))))
        return out

    # -- interventions -----------------------------------------------------------------------------------------
    def add_interventions(self, made: list[tuple[int, Intervention]]) -> None:
        """Commit interventions for several seats at once (all or none), each after that seat's earlier ones."""
        stamp = now()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for seat_id, iv in made:
                seq = self.db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM interventions WHERE seat_id = ?",
                                      (seat_id,)).fetchone()[0]
                self.db.execute("INSERT INTO interventions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                (seat_id, seq, iv.turn, iv.kind, iv.target, iv.value, iv.note, stamp))
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def interventions(self, seat_id: int) -> list[Intervention]:
        """The seat's interventions in the order they were made."""
        rows = self.db.execute("SELECT turn, kind, target, value, note FROM interventions WHERE seat_id = ? "
                               "ORDER BY seq", (seat_id,)).fetchall()
        return [Intervention(*row) for row in rows]

    # -- a delegations class -----------------------------------------------------------------------------------
    def add_order(self, session_id: int, turn: int, role: str, seat_id: int, actions: tuple[Action, ...],
                  choices: dict[str, str], decision: str, answers: dict[str, str] | None = None) -> None:
        """Commit one team's orders for `turn` (with a party's answers, proposal or instrument id -> answer) at
        once; a second for the same team and turn, or a second answer to one question, is refused (primary key)."""
        stamp = now()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (session_id, turn, role, seat_id, _actions_json(actions), json.dumps(choices), decision,
                             stamp))
            self._insert_answers(session_id, turn, role, seat_id, answers or {}, stamp)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def add_answers(self, session_id: int, turn: int, role: str, seat_id: int, answers: dict[str, str]) -> None:
        """Commit a party team's answers for `turn` sent after its decision (all or none)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._insert_answers(session_id, turn, role, seat_id, answers, now())
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _insert_answers(self, session_id: int, turn: int, role: str, seat_id: int, answers: dict[str, str],
                        stamp: str) -> None:
        for subject, answer in sorted(answers.items()):
            self.db.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (session_id, turn, role, seat_id, subject, answer, stamp))

    def answers(self, session_id: int, turn: int) -> dict[str, dict[str, str]]:
        """The party teams' answers for `turn`: role -> proposal or instrument id -> answer."""
        out: dict[str, dict[str, str]] = {}
        for role, subject, answer in self.db.execute("SELECT role, subject, answer FROM answers WHERE session_id = ? "
                                                     "AND turn = ? ORDER BY role, subject", (session_id, turn)):
            out.setdefault(role, {})[subject] = answer
        return out

    def orders(self, session_id: int, turn: int) -> list[tuple[str, int, TurnInput, str]]:
        """The teams' orders for `turn`: (role, seat id, the orders as an input, the party's decision or '')."""
        rows = self.db.execute("SELECT role, seat_id, actions, choices, decision FROM orders WHERE session_id = ? "
                               "AND turn = ? ORDER BY role", (session_id, turn)).fetchall()
        return [(role, seat, TurnInput(_actions_of(actions), tuple(sorted(json.loads(choices).items()))), decision)
                for role, seat, actions, choices, decision in rows]

    def add_resolved(self, session_id: int, turn: int, turn_input: TurnInput) -> None:
        """Commit the input the shared world's turn `turn` is resolved with, before it is resolved."""
        self.db.execute("INSERT INTO resolved (session_id, turn, actions, choices, decisions, created, answers) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (session_id, turn, _actions_json(turn_input.actions), json.dumps(dict(turn_input.choices)),
                         json.dumps(dict(turn_input.decisions)), now(), json.dumps([list(a) for a in
                                                                                    turn_input.answers])))

    def resolved(self, session_id: int) -> list[TurnInput]:
        """The shared world's resolved turns in order (stored without gaps, from 0)."""
        rows = self.db.execute("SELECT turn, actions, choices, decisions, answers FROM resolved WHERE session_id = ? "
                               "ORDER BY turn", (session_id,)).fetchall()
        out = []
        for expected, (turn, actions, choices, decisions, answers) in enumerate(rows):
            if turn != expected:
                raise StoreError(f"{self.path}: session {session_id} has no resolved turn {expected}")
            out.append(TurnInput(_actions_of(actions), tuple(sorted(json.loads(choices).items())),
                                 tuple(sorted(json.loads(decisions).items())),
                                 tuple(sorted((p, s, a) for p, s, a in json.loads(answers)))))
        return out

    def add_world_intervention(self, session_id: int, iv: Intervention) -> None:
        seq = self.db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM world_interventions WHERE session_id = ?",
                              (session_id,)).fetchone()[0]
        self.db.execute("INSERT INTO world_interventions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (session_id, seq, iv.turn, iv.kind, iv.target, iv.value, iv.note, now()))

    def world_interventions(self, session_id: int) -> list[Intervention]:
        rows = self.db.execute("SELECT turn, kind, target, value, note FROM world_interventions WHERE session_id = ? "
                               "ORDER BY seq", (session_id,)).fetchall()
        return [Intervention(*row) for row in rows]

    def add_message(self, session_id: int, turn: int, sender: str, recipient: str, author: str, text: str
                    ) -> MessageRow:
        stamp = now()
        cur = self.db.execute("INSERT INTO messages (session_id, turn, sender, recipient, author, text, created) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (session_id, turn, sender, recipient, author, text, stamp))
        return MessageRow(int(cur.lastrowid or 0), turn, sender, recipient, author, text, stamp)

    def messages(self, session_id: int) -> list[MessageRow]:
        rows = self.db.execute("SELECT id, turn, sender, recipient, author, text, created FROM messages "
                               "WHERE session_id = ? ORDER BY id", (session_id,)).fetchall()
        return [MessageRow(*row) for row in rows]

    # -- class votes -------------------------------------------------------------------------------------------
    def add_poll(self, session_id: int, turn: int, candidates: tuple[Action, ...]) -> int:
        cur = self.db.execute("INSERT INTO polls (session_id, turn, candidates, created) VALUES (?, ?, ?, ?)",
                              (session_id, turn, _actions_json(candidates), now()))
        return int(cur.lastrowid or 0)

    def add_ballot(self, poll_id: int, seat_id: int, choice: int) -> None:
        """One student's ballot; a second from the same seat is refused (primary key)."""
        self.db.execute("INSERT INTO ballots VALUES (?, ?, ?, ?)", (poll_id, seat_id, choice, now()))

    def close_poll(self, poll_id: int, turn: int) -> None:
        self.db.execute("UPDATE polls SET closed = 1, closed_turn = ? WHERE id = ?", (turn, poll_id))

    def polls(self, session_id: int) -> list[PollRow]:
        rows = self.db.execute("SELECT id, turn, candidates, closed, closed_turn FROM polls WHERE session_id = ? "
                               "ORDER BY id", (session_id,)).fetchall()
        out = []
        for poll_id, turn, candidates, closed, closed_turn in rows:
            ballots = dict(self.db.execute("SELECT seat_id, choice FROM ballots WHERE poll_id = ?", (poll_id,)))
            out.append(PollRow(poll_id, turn, _actions_of(candidates), bool(closed), closed_turn, ballots))
        return out


@dataclass(frozen=True)
class PollRow:
    """A class vote as stored: its candidate actions, whether it was closed (and on which turn), the ballots."""

    id: int
    turn: int
    candidates: tuple[Action, ...]
    closed: bool
    closed_turn: int
    ballots: dict[int, int]


@dataclass(frozen=True)
class MessageRow:
    """A message one team sent another (roles as in seats), with the name of the student who wrote it."""

    id: int
    turn: int
    sender: str
    recipient: str
    author: str
    text: str
    created: str


def _actions_json(actions) -> str:
    return json.dumps([[a.use, a.target, a.mode] for a in actions])


def _actions_of(text: str) -> tuple[Action, ...]:
    return tuple(Action(u, t, m) for u, t, m in json.loads(text))
