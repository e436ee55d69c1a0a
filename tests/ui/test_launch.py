"""How the command line opens the window: `play` on the briefing (or, with --load, on the turn), `python main.py`
on the title; without a display, one line and the text mode."""

from __future__ import annotations

import io

import pytest

import game.cli.launch as launch
import game.ui.app as ui_app
from game.cli.play import run_play
from game.ui.app import WindowUnavailable

from .driver import SAMPLE


@pytest.fixture
def opened(monkeypatch):
    calls = []

    def start(screen, session=None, saves_dir=None):
        calls.append((screen, session, saves_dir))
        return 0

    monkeypatch.setattr(ui_app, "start", start)
    monkeypatch.setattr(launch, "has_display", lambda environ=None: True)
    return calls


def test_play_opens_the_window_on_the_briefing(opened, tmp_path):
    out = io.StringIO()
    assert run_play(SAMPLE, 5, False, None, out=out, saves_dir=tmp_path) == 0
    (screen, session, saves_dir), = opened
    assert screen == "briefing" and session.game.seed == 5 and saves_dir == tmp_path
    assert out.getvalue() == ""


def test_play_with_a_save_opens_the_window_on_the_turn(opened, tmp_path):
    from game.engine import Game, build_rules
    from game.saves import save_game
    from game.scenario.catalogue import resolve
    from game.scenario.loader import load_scenario

    path = resolve(SAMPLE)
    result = load_scenario(path)
    game = Game(build_rules(result.scenario), 2)
    game.step()
    save = save_game(game, tmp_path, "mine", scenario_path=str(path), digest=result.digest)
    assert run_play(SAMPLE, None, False, str(save), out=io.StringIO(), saves_dir=tmp_path) == 0
    (screen, session, _), = opened
    assert screen == "turn" and session.game.turn == 1


def test_play_with_text_never_opens_the_window(opened, tmp_path):
    out = io.StringIO()
    run_play(SAMPLE, 5, True, None, inp=io.StringIO(""), out=out, saves_dir=tmp_path)
    assert opened == [] and "THE VARTA DAM DISPUTE" in out.getvalue()


def test_no_command_opens_the_window_on_the_title(opened, tmp_path):
    environ = {"GOOD_OFFICES_SAVES": str(tmp_path)}
    assert launch.run_default(inp=io.StringIO(""), out=io.StringIO(), environ=environ) == 0
    (screen, session, saves_dir), = opened
    assert screen == "title" and session is None and saves_dir == tmp_path


def test_a_window_that_cannot_open_falls_back_to_the_terminal(monkeypatch, tmp_path):
    def start(screen, session=None, saves_dir=None):
        raise WindowUnavailable("x11 not available")

    monkeypatch.setattr(ui_app, "start", start)
    monkeypatch.setattr(launch, "has_display", lambda environ=None: True)
    out = io.StringIO()
    run_play(SAMPLE, 5, False, None, inp=io.StringIO(""), out=out, saves_dir=tmp_path)
    first = out.getvalue().splitlines()[0]
    assert first == "The game window could not open (x11 not available): playing in the terminal."


@pytest.mark.parametrize("environ, expected", [
    ({"DISPLAY": ":0"}, True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({}, False),
    ({"SDL_VIDEODRIVER": "dummy", "DISPLAY": ":0"}, False),
    ({"SDL_VIDEODRIVER": "kmsdrm"}, True),
])
def test_has_display(environ, expected):
    assert launch.has_display(environ, platform="linux") is expected
