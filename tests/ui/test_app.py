"""Whole games in the window, driven by synthetic events: mouse only, keyboard only, with a save and a load
from the menu, the event dialog, Continue on the title screen, and the real loop opening a (dummy) window."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.ui.app import App, run
from game.ui.screens import make_start, show_game
from game.ui.session import ScenarioEntry, Session
from game.ui.settings import Settings
from tests.autosaves import only_autosave

from .driver import SAMPLE, click, frame, keys, make_app, press, tab_to, type_text, widget

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ui" / "event_choice.yaml"


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def fixture_entry() -> ScenarioEntry:
    result = load_scenario(FIXTURE)
    return ScenarioEntry(result.scenario.id, FIXTURE, result.scenario, result.digest)


def start_fixture(app: App, seed: int = 1) -> None:
    app.session = Session.new(fixture_entry(), app.saves_dir, seed)
    show_game(app)
    frame(app)


# ---- mouse only ------------------------------------------------------------------------------------------------


def mouse_turn(app: App, turn: int) -> None:
    """One turn with the mouse: answer events, pick an instrument that can be ordered, add it, end the turn."""
    while app.top.name == "event":
        choice = next(k for k in keys(app) if k.startswith("choice:"))
        click(app, choice)
    assert app.top.name == "turn"
    usable = [w.key for w in app.top.widgets if w.key.startswith("ins:") and not w.greyed]
    if usable:
        click(app, usable[turn % len(usable)])
        add = widget(app, "add")
        if add is not None and add.enabled:
            click(app, "add")
    click(app, "end")
    assert app.top.name == "report"
    click(app, "continue")


def test_a_whole_game_with_the_mouse_alone_including_a_save_and_a_load(saves):
    app = make_app(saves)
    click(app, "new")
    assert app.top.name == "picker"
    click(app, f"scenario:{SAMPLE}")
    click(app, "start")
    assert app.top.name == "briefing"
    click(app, "begin")
    turn = 0
    while app.top.name != "debrief":
        while app.top.name == "event":
            click(app, next(k for k in keys(app) if k.startswith("choice:")))
        if turn == 3:
            click(app, "menu")
            click(app, "save")
            assert app.top.name == "save"
            click(app, "save-now")
            saved_turn = app.session.game.turn
            saved = saves / f"{SAMPLE}-turn{saved_turn + 1}.json"
            assert saved.is_file()
            assert app.top.name == "turn"
        if turn == 5:
            click(app, "menu")
            click(app, "load")
            click(app, f"save:{saved.stem}")
            assert app.top.name in ("turn", "event")
            assert app.session.game.turn == saved_turn
            assert len(app.session.game.inputs) == saved_turn
        mouse_turn(app, turn)
        turn += 1
        assert turn < 40
    game = app.session.game
    assert game.done and app.top.name == "debrief"
    assert json.loads(only_autosave(saves, SAMPLE).read_text())["ending"] == game.ending
    click(app, "save")
    click(app, "save-now")
    click(app, "menu")
    assert app.top.name == "title"


# ---- keyboard only ------------------------------------------------------------------------------------------------


def keyboard_turn(app: App, turn: int) -> None:
    while app.top.name == "event":
        press(app, pygame.K_1)
    assert app.top.name == "turn"
    press(app, pygame.K_1 + turn % 4)  # an instrument by its number
    if app.top.name == "turn" and widget(app, "add").enabled:
        press(app, pygame.K_a)
    press(app, pygame.K_e)
    assert app.top.name == "report"
    press(app, pygame.K_RETURN)


def test_a_whole_game_with_the_keyboard_alone_including_a_save_and_a_load(saves):
    app = make_app(saves)
    tab_to(app, "new")
    press(app, pygame.K_RETURN)
    assert app.top.name == "picker"
    tab_to(app, f"scenario:{SAMPLE}")
    press(app, pygame.K_RETURN)  # choose it
    press(app, pygame.K_RETURN)  # and again: read its briefing
    assert app.top.name == "briefing"
    press(app, pygame.K_RETURN)
    assert app.top.name in ("turn", "event")
    turn = 0
    while app.top.name != "debrief":
        while app.top.name == "event":
            press(app, pygame.K_1)
        if turn == 2:
            press(app, pygame.K_ESCAPE)
            assert app.top.name == "menu"
            press(app, pygame.K_DOWN)
            assert app.focused.key == "save"
            press(app, pygame.K_RETURN)
            assert app.top.name == "save" and app.focused.key == "name"
            for _ in range(40):
                press(app, pygame.K_BACKSPACE)
            type_text(app, "by keys")
            press(app, pygame.K_RETURN)
            assert (saves / "by-keys.json").is_file()
            saved_turn = app.session.game.turn
        if turn == 4:
            press(app, pygame.K_ESCAPE)
            tab_to(app, "load")
            press(app, pygame.K_RETURN)
            assert app.top.name == "save"
            tab_to(app, "save:by-keys")
            press(app, pygame.K_RETURN)
            assert app.session.game.turn == saved_turn
        keyboard_turn(app, turn)
        turn += 1
        assert turn < 40
    assert app.session.game.done
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "title"


# ---- pieces -----------------------------------------------------------------------------------------------------


def test_an_event_is_answered_with_the_mouse_and_its_cost_is_paid(saves):
    app = make_app(saves)
    start_fixture(app)
    assert app.top.name == "event"
    click(app, "choice:statement")
    assert app.session.choices == {"incident": "statement"}
    assert app.top.name == "turn"
    prestige = app.session.game.observation().office.prestige
    click(app, "end")
    assert app.session.game.inputs[0].choices == (("incident", "statement"),)
    assert app.session.game.observation().office.prestige < prestige + 0.5


def test_an_event_left_for_later_takes_its_default_and_can_be_reopened(saves):
    app = make_app(saves)
    start_fixture(app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn"
    assert widget(app, "event:incident") is not None
    press(app, pygame.K_d)
    assert app.top.name == "event"
    press(app, pygame.K_2)
    assert app.session.choices == {"incident": "silence"}


def test_continue_on_the_title_resumes_the_latest_game(saves):
    app = make_app(saves)
    start_fixture(app)
    click(app, "choice:silence")
    click(app, "end")
    click(app, "continue")
    played = len(app.session.game.inputs)
    fresh = make_app(saves)
    assert widget(fresh, "continue").enabled
    click(fresh, "continue")
    assert fresh.top.name == "turn"
    assert len(fresh.session.game.inputs) == played


def test_continue_is_disabled_without_a_saved_game(saves):
    app = make_app(saves)
    assert not widget(app, "continue").enabled
    click(app, "continue")
    assert app.top.name == "title"


def test_a_greyed_out_instrument_says_why_and_cannot_be_ordered(saves):
    app = make_app(saves)
    app.session = Session.new(fixture_entry(), saves, 1)
    app.session.game.state.office.prestige = 1.0
    show_game(app)
    press(app, pygame.K_ESCAPE)
    button = widget(app, "ins:good_offices")
    assert button.greyed and "prestige" in button.tip
    click(app, "ins:good_offices")
    assert not widget(app, "add").enabled
    click(app, "add")
    assert app.session.orders == []
    assert app.toasts and "prestige" in app.toasts[-1].text


def test_sound_off_plays_nothing_and_on_plays(saves):
    app = make_app(saves, sound=True)
    click(app, "settings")
    click(app, "sound:off")
    assert not app.settings.sound
    app.sounds.played.clear()
    click(app, "test-sound")
    assert app.sounds.played == []
    click(app, "sound:on")
    click(app, "test-sound")
    assert app.sounds.played[-1] == "success"


def test_settings_are_applied_and_remembered(saves):
    app = make_app(saves)
    click(app, "settings")
    click(app, "type:1.5")
    click(app, "colours:safe")
    assert app.theme.type_scale == 1.5 and app.theme.palette.danger == (213, 94, 0)
    again = App(saves_dir=saves)
    assert again.settings.type_scale == 1.5 and again.settings.colour_blind


def test_the_window_follows_a_resize(saves):
    app = make_app(saves)
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    surface = frame(app)
    assert surface.get_size() == (1600, 900)
    assert all(w.rect.right <= 1600 for w in app.top.widgets)
    assert app.settings.size == (1600, 900)


def test_the_help_shows_the_scenario_glossary(saves):
    app = make_app(saves)
    start_fixture(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_F1)
    assert app.top.name == "help"
    press(app, pygame.K_4)
    texts = [getattr(w, "text", "") for w in app.top.widgets]
    assert "Patrol" in texts and "Prestige" in texts


def test_the_real_loop_opens_a_window_and_draws(saves):
    app = App(Settings(sound=False), saves_dir=saves)
    make_start(app, "title")
    assert run(app, frames=3) == 0
    assert app.running


def test_quitting_autosaves_the_game_in_progress(saves):
    app = make_app(saves)
    start_fixture(app)
    app.handle(pygame.event.Event(pygame.QUIT))
    assert not app.running
    assert only_autosave(saves, "event_choice").is_file()


def test_an_instrument_chosen_by_its_hotkey_is_scrolled_into_view(saves):
    """The Cuban list of instruments and proposals is taller than its panel at 1280×720: 0 picks the tenth, which
    starts below the fold, and the list scrolls to show the whole of it."""
    path = Path(__file__).resolve().parents[2] / "scenarios" / "cuban_missile_crisis_1962.yaml"
    result = load_scenario(path)
    app = make_app(saves)
    app.session = Session.new(ScenarioEntry(result.scenario.id, path, result.scenario, result.digest), saves, 1)
    show_game(app)
    frame(app)
    assert app.top.name == "turn", app.top.name
    tenth = app.top.hotkeys()
    key = next(k for k, v in tenth.items() if v == "0")
    before = widget(app, f"ins:{key}")
    assert before.visible_rect().h < before.rect.h, "the tenth option should start (partly) hidden"
    press(app, pygame.K_0)
    frame(app)
    after = widget(app, f"ins:{key}")
    assert app.top.selected == key
    assert after.visible_rect() == after.rect, "the chosen option is shown whole"


def test_the_crisis_cues_are_switched_in_settings_and_remembered(saves):
    from game.ui.settings import load_settings

    app = make_app(saves, sound=True)
    click(app, "settings")
    click(app, "test-deal")
    assert app.sounds.played[-1] == "deal"
    click(app, "sound:nocues")
    assert not app.settings.cues and not app.sounds.cues
    click(app, "test-rung")
    assert app.sounds.played[-1] == "alert"
    assert load_settings(saves).cues is False
