"""The class database: WAL mode, inputs kept in turn order, never twice for one seat and turn."""

import sqlite3

import pytest

from game.engine import Action, TurnInput
from game.server.store import Store, StoreError, token_hash


def test_database_is_in_wal_mode(tmp_path):
    store = Store(tmp_path / "c.sqlite")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_inputs_come_back_in_order_and_a_second_input_for_a_turn_is_refused(tmp_path):
    store = Store(tmp_path / "c.sqlite")
    row = store.new_session(kind="solo", scenario_id="x", scenario_path="x.yaml", digest="d", seed=1, code="C",
                            teacher_token="t")
    seat = store.add_seat(row.id, "Ana", "secret")
    first = TurnInput((Action("good_offices", "north_south"),), (("shots", "statement"),))
    store.add_input(seat.id, 0, first)
    store.add_input(seat.id, 1, TurnInput((), ()))
    with pytest.raises(sqlite3.IntegrityError):
        store.add_input(seat.id, 1, TurnInput((Action("wait"),), ()))
    again = Store(tmp_path / "c.sqlite")
    assert again.inputs(seat.id) == [first, TurnInput((), ())]


def test_only_a_hash_of_a_seat_token_is_stored(tmp_path):
    store = Store(tmp_path / "c.sqlite")
    row = store.new_session(kind="solo", scenario_id="x", scenario_path="x.yaml", digest="d", seed=1, code="C",
                            teacher_token="t")
    store.add_seat(row.id, "Ana", "secret-token")
    stored = store.db.execute("SELECT token_hash FROM seats").fetchone()[0]
    assert stored == token_hash("secret-token") and "secret-token" not in stored


def test_a_file_that_is_not_a_database_gives_one_line(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my lesson notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a class database"):
        Store(bad)
