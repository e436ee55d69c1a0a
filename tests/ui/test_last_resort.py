"""Whatever goes wrong in a screen, the window does not take the game with it: the game is saved, one line says
what happened, and play goes on (or, if the errors keep coming, the window closes after saving). A quit whose
save fails says so instead of losing the game, and typed input that is no number never crashes the window."""

from __future__ import annotations

import json

import pygame
import pytest

from game.ui import app as app_module
from game.ui.app import CRASH_LOG, MAX_FAILURES, run
from game.ui.screens.turn import TurnScreen
from game.ui.session import Session
from tests.autosaves import only_autosave

from .driver import SAMPLE, click, frame, make_app, press, type_text
from .test_app import start_fixture


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def on_turn_screen(app) -> None:
    while app.top.name == "event":
        press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn"


def broken_key(monkeypatch) -> None:
    def boom(self, event):
        raise RuntimeError("a bug in a screen")

    monkeypatch.setattr(TurnScreen, "key", boom)


def test_an_error_in_a_screen_saves_the_game_says_so_and_play_goes_on(saves, monkeypatch):
    app = make_app(saves)
    start_fixture(app)
    on_turn_screen(app)
    app.session.game.step()
    broken_key(monkeypatch)
    event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_h, mod=0, unicode="h", scancode=0)
    app.guarded(app.handle, event)
    assert app.running
    saved = only_autosave(saves, "event_choice")
    assert len(json.loads(saved.read_text())["inputs"]) == 1
    last = app.toasts[-1]
    assert last.danger and "\n" not in last.text
    assert "RuntimeError: a bug in a screen" in last.text and saved.name in last.text
    assert "a bug in a screen" in (saves / CRASH_LOG).read_text() and "Traceback" in (saves / CRASH_LOG).read_text()
    frame(app)
    assert app.top.name in ("turn", "event")


def test_errors_that_keep_coming_close_the_window_after_saving(saves, monkeypatch):
    app = make_app(saves)
    start_fixture(app)
    on_turn_screen(app)
    broken_key(monkeypatch)
    event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_h, mod=0, unicode="h", scancode=0)
    for _ in range(MAX_FAILURES):
        if app.top.name == "title":  # where the second error left it
            app.push(TurnScreen(app))
        on_turn_screen(app)
        app.guarded(app.handle, event)
    assert not app.running
    assert "closed" in app.closing_message and "\n" not in app.closing_message
    assert only_autosave(saves, "event_choice").is_file()


def test_the_real_loop_survives_an_error_in_a_screen(saves, monkeypatch):
    app = make_app(saves)
    start_fixture(app)
    on_turn_screen(app)
    broken_key(monkeypatch)
    events = [[pygame.event.Event(pygame.KEYDOWN, key=pygame.K_h, mod=0, unicode="h", scancode=0)]]
    monkeypatch.setattr(app_module.pygame.event, "get", lambda: events.pop() if events else [])
    assert run(app, frames=3) == 0
    assert app.running and app.toasts[-1].danger
    assert only_autosave(saves, "event_choice").is_file()


def test_a_quit_whose_save_fails_keeps_the_window_open_and_says_why(saves):
    app = make_app(saves)
    start_fixture(app)
    blocker = saves / "not-a-folder"
    blocker.write_text("x")
    app.session.saves_dir = blocker
    app.quit()
    assert app.running
    assert app.toasts[-1].danger and "could not be saved" in app.toasts[-1].text
    app.quit()
    assert not app.running


def test_a_seed_typed_with_other_digits_never_crashes_the_picker(saves):
    app = make_app(saves)
    click(app, "new")
    click(app, "seed")
    type_text(app, "²١7")
    assert app.top.seed_text == "7"
    click(app, "start")
    assert app.top.name == "briefing" and app.session.game.seed == 7


def test_orders_and_answers_queued_before_ctrl_s_survive_a_load(saves):
    app = make_app(saves)
    start_fixture(app)
    key, _, options = app.session.game.pending()[0]
    app.session.choose(key, options[-1][0])
    on_turn_screen(app)
    order = next(a for a in app.session.game.legal_actions() if app.session.why_not(a) is None)
    assert app.session.add(order) is None
    press(app, pygame.K_s, pygame.KMOD_CTRL)
    type_text(app, "mid-turn")
    press(app, pygame.K_RETURN)
    app.session.orders, app.session.choices = [], {}
    loaded = Session.load(saves / "mid-turn.json", saves, app.scenarios + [_fixture_entry()])
    assert loaded.orders == [order] and loaded.choices == {key: options[-1][0]}
    assert loaded.game_id == app.session.game_id


def _fixture_entry():
    from .test_app import fixture_entry

    return fixture_entry()


def test_a_finished_games_autosave_outlives_the_next_game(saves):
    app = make_app(saves)
    start_fixture(app, seed=2)
    game = app.session.game
    while not game.done:
        game.step()
    app.session.autosave()
    finished = only_autosave(saves, "event_choice")
    before = finished.read_bytes()
    start_fixture(app, seed=3)
    app.session.end_turn()
    app.session.end_turn()
    assert finished.read_bytes() == before
    assert len(list(saves.glob("autosave-event_choice-*.json"))) == 2


def test_stale_temporary_files_are_cleaned_when_the_window_starts(saves):
    stale = saves / ".autosave-x-ab12.json.999999999.q1w2e3r4.tmp"
    stale.write_text("{")
    make_app(saves)
    assert not stale.exists()


def test_the_sample_scenario_plays_in_the_window_after_all_this(saves):
    app = make_app(saves)
    click(app, "new")
    click(app, f"scenario:{SAMPLE}")
    click(app, "start")
    assert app.top.name == "briefing"
