"""The text fields of the window edit as a player expects: the caret moves with the arrows, Home and End, Shift
selects, Ctrl+A selects all, typing replaces the selection, Backspace and Delete remove it; the save-name field
starts with its default name selected, so a typed name replaces it."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screens.saves import SavesScreen

from .driver import frame, make_app, press, type_text, widget
from .test_app import start_fixture

CTRL, SHIFT = pygame.KMOD_CTRL, pygame.KMOD_SHIFT


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


@pytest.fixture
def save_screen(saves):
    """The save dialog of a game in progress, its name field focused with the default name in it."""
    app = make_app(saves)
    start_fixture(app)
    while app.top.name == "event":
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_s, CTRL)
    assert app.top.name == "save" and isinstance(app.top, SavesScreen)
    assert app.focused is not None and app.focused.key == "name"
    return app


def field(app) -> str:
    return widget(app, "name").value


def test_typing_replaces_the_selected_default_name(save_screen):
    default = field(save_screen)
    assert default.startswith("event_choice-turn")
    type_text(save_screen, "ana")
    assert field(save_screen) == "ana" and save_screen.top.name_text == "ana"


def test_ctrl_a_selects_all_and_typing_replaces_it(save_screen):
    type_text(save_screen, "draft")
    press(save_screen, pygame.K_a, CTRL)
    type_text(save_screen, "final")
    assert field(save_screen) == "final"


def test_the_caret_moves_and_edits_in_place(save_screen):
    type_text(save_screen, "week")
    press(save_screen, pygame.K_HOME)
    type_text(save_screen, "my-")
    assert field(save_screen) == "my-week"
    press(save_screen, pygame.K_END)
    press(save_screen, pygame.K_LEFT)
    press(save_screen, pygame.K_BACKSPACE)
    assert field(save_screen) == "my-wek"
    press(save_screen, pygame.K_HOME)
    press(save_screen, pygame.K_DELETE)
    assert field(save_screen) == "y-wek"


def test_shift_selects_and_delete_removes_the_selection(save_screen):
    type_text(save_screen, "one-two")
    press(save_screen, pygame.K_LEFT, SHIFT)
    press(save_screen, pygame.K_LEFT, SHIFT)
    press(save_screen, pygame.K_LEFT, SHIFT)
    press(save_screen, pygame.K_DELETE)
    assert field(save_screen) == "one-"
    press(save_screen, pygame.K_HOME, SHIFT)  # nothing selected yet: Shift+Home selects back to the start
    type_text(save_screen, "x")
    assert field(save_screen) == "x"


def test_ctrl_backspace_removes_a_word(save_screen):
    type_text(save_screen, "first second")
    press(save_screen, pygame.K_BACKSPACE, CTRL)
    assert field(save_screen) == "first "


def test_the_typed_name_is_the_saved_name(save_screen, saves):
    press(save_screen, pygame.K_a, CTRL)
    type_text(save_screen, "class-ana")
    press(save_screen, pygame.K_RETURN)
    assert (saves / "class-ana.json").is_file()
    assert save_screen.top.name == "turn"


def test_the_field_keeps_its_caret_across_redraws(save_screen):
    type_text(save_screen, "abc")
    press(save_screen, pygame.K_LEFT)
    for _ in range(3):
        frame(save_screen)
    save_screen.top.invalidate()
    frame(save_screen)
    type_text(save_screen, "X")
    assert field(save_screen) == "abXc"


def test_a_long_name_stops_at_the_limit(save_screen):
    type_text(save_screen, "n" * 100)
    assert len(field(save_screen)) == widget(save_screen, "name").max_length
