"""The advisor in the window with more than one core: its rollouts run on worker processes started at the first
call, kept warm for the next calls of the same game, and stopped when the game ends or the window leaves it."""

from __future__ import annotations

import multiprocessing
import time

import pygame
import pytest

from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from game.sim.advisor import advise
from game.ui.screens import show_game
from game.ui.session import ScenarioEntry, Session

from .driver import SAMPLE, frame, make_app, press

WAIT = 120.0  # seconds the advisor may take on a loaded machine


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def sample_entry() -> ScenarioEntry:
    path = resolve(SAMPLE)
    result = load_scenario(path)
    return ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)


def _ask(app):
    """Open the advisor (F2) and wait until its assessment is on screen; the advice shown."""
    press(app, pygame.K_F2)
    screen = app.top
    assert screen.name == "advisor"
    began = time.monotonic()
    while screen.result is None and not screen.error and time.monotonic() - began < WAIT:
        time.sleep(0.05)
        frame(app)
    assert not screen.error and screen.result is not None
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn"
    return screen.result


def _workers() -> set[int]:
    return {p.pid for p in multiprocessing.active_children()}


def test_the_advisors_workers_are_kept_for_the_game_and_stopped_when_the_window_leaves_it(saves):
    app = make_app(saves)
    app.advisor_jobs = 2
    app.session = Session.new(sample_entry(), saves, 3)
    show_game(app)
    frame(app)
    game = app.session.game
    first = _ask(app)
    pool = app.session.pool
    assert pool is not None and pool.open and pool.jobs == 2
    workers, calls = _workers(), pool.calls
    assert len(workers) >= 2
    assert first == advise(game.fork(), seed=0)  # the same answer as on one process
    assert _ask(app) is first and pool.calls == calls  # asked again on the same turn: kept, not worked out again
    app.session.end_turn()
    show_game(app)
    frame(app)
    later = _ask(app)
    assert app.session.pool is pool and _workers() == workers and pool.calls > calls  # the same processes, warm
    assert later == advise(game.fork(), seed=0) != first
    app.session = None  # back to the title: the game is left
    assert not pool.open and not workers & _workers()


def test_the_workers_stop_when_the_game_ends(saves):
    session = Session.new(sample_entry(), saves, 5)
    pool = session.rollout_pool(2)
    assert pool is not None and session.rollout_pool(2) is pool
    while not session.game.done:
        session.end_turn()
    assert session.pool is None and not pool.open
    assert session.rollout_pool(2) is None  # nothing left to advise on


def test_one_core_plays_the_rollouts_in_the_window_itself(saves):
    session = Session.new(sample_entry(), saves, 5)
    assert session.rollout_pool(1) is None and session.pool is None
