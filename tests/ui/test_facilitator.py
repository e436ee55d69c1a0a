"""Facilitator mode in the window, driven by synthetic events: the pause at a discussion point, an injected event,
an overridden party, a class vote, and all of them kept through a save, a load and the debrief report."""

from __future__ import annotations

import io
from pathlib import Path

import pygame
import pytest

import game.cli.launch as launch
import game.ui.app as ui_app
from game.cli.play import run_play
from game.engine.record import FACILITATOR
from game.report.build import debrief_of, render
from game.saves import state_to_dict
from game.scenario.loader import load_scenario
from game.sim.session import Session as SharedWorld
from game.sim.session import encode, shipped_tags
from game.ui.app import App
from game.ui.screens import show_game
from game.ui.session import ScenarioEntry, Session
from game.ui.theme import PROJECTOR
from tests.autosaves import only_autosave

from .driver import SAMPLE, click, frame, keys, make_app, press, type_text, wheel, widget

CLASSROOM = Path(__file__).resolve().parents[1] / "fixtures" / "facilitator" / "classroom.yaml"


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def entry(path: Path = CLASSROOM) -> ScenarioEntry:
    result = load_scenario(path)
    return ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)


def start(saves: Path, facilitator: bool = True, seed: int = 3) -> App:
    app = make_app(saves)
    app.session = Session.new(entry(), saves, seed, facilitator=facilitator)
    show_game(app)
    frame(app)
    return app


def end_turn(app: App) -> None:
    click(app, "end")
    assert app.top.name == "report"
    click(app, "continue")


def texts(app: App) -> str:
    frame(app)
    return " ".join(getattr(w, "text", "") or getattr(w, "label", "") for w in app.top.widgets)


def test_the_game_pauses_at_a_discussion_point_until_the_teacher_continues(saves):
    app = start(saves)
    assert app.top.name == "turn"
    end_turn(app)  # week 2 carries the dated discussion point
    assert app.top.name == "discussion"
    assert "speak in public or in private" in texts(app)
    press(app, pygame.K_RETURN)
    assert app.top.name == "turn"
    end_turn(app)
    assert app.top.name == "turn"  # nothing to discuss in week 3


def test_without_facilitator_mode_there_is_no_pause_and_no_panel(saves):
    app = start(saves, facilitator=False)
    end_turn(app)
    assert app.top.name == "turn"
    press(app, pygame.K_F9)
    assert app.top.name == "turn" and "Facilitator mode is off" in app.toasts[-1].text


def test_an_injected_event_fires_now_pauses_for_its_question_and_awaits_an_answer(saves):
    app = start(saves)
    press(app, pygame.K_F9)
    assert app.top.name == "facilitator"
    click(app, "inject:shots")
    assert app.top.name == "discussion" and "Does an appeal help now" in texts(app)
    press(app, pygame.K_RETURN)
    assert app.top.name == "event"
    click(app, "choice:statement")
    assert app.top.name == "turn"
    game = app.session.game
    assert [(iv.kind, iv.target) for iv in game.interventions] == [("inject", "shots")]
    assert any(m.cause and m.cause.kind == FACILITATOR for m in game.reports[-1].messages)
    end_turn(app)
    assert ("shots", "statement") in game.state.chose


def test_an_overridden_decision_is_taken_and_shown_in_the_turn_report(saves):
    app = start(saves)
    press(app, pygame.K_F9)
    click(app, "party:north")
    click(app, "decision:escalate")
    click(app, "override")
    assert app.top.name == "turn"
    click(app, "end")
    assert app.top.name == "report"
    report = app.session.game.reports[-1]
    assert report.decisions["north"] == "escalate"
    assert "The facilitator decides for Northland this turn: escalate." in texts(app)


def test_the_class_vote_puts_the_winner_in_the_orders(saves):
    app = start(saves)
    press(app, pygame.K_F9)
    click(app, "vote")
    assert app.top.name == "vote"
    candidates = app.top.candidates
    click(app, "ballot:0")
    click(app, "plus:0")
    for _ in range(3):
        click(app, "plus:1")
    click(app, "minus:1")
    click(app, "tally")
    assert app.top.name == "turn"
    session = app.session
    assert session.orders == [candidates[1]]
    vote, = session.votes
    assert vote.counts == ((str(candidates[0]), 1), (str(candidates[1]), 2)) and vote.chosen == str(candidates[1])


def test_interventions_and_votes_survive_save_load_replay_and_reach_the_report(saves):
    app = start(saves)
    press(app, pygame.K_F9)
    click(app, "party:south")
    click(app, "decision:step_back")
    click(app, "override")
    press(app, pygame.K_F9)
    click(app, "vote")
    click(app, "plus:0")
    click(app, "tally")
    end_turn(app)
    press(app, pygame.K_RETURN)  # the discussion point of week 2
    press(app, pygame.K_F9)
    click(app, "inject:shots")
    session = app.session
    path = session.save("class")
    loaded = Session.load(path, saves, [entry()])
    assert loaded.game.interventions == session.game.interventions
    assert loaded.votes == session.votes and loaded.facilitator
    assert state_to_dict(loaded.game.state) == state_to_dict(session.game.state)
    debrief = debrief_of(path, runs=0)
    assert [n.kind for n in debrief.facilitator] == ["override", "vote", "inject"]
    html = render(debrief, "html")
    assert "The facilitator&#x27;s interventions" in html or "The facilitator's interventions" in html
    assert "Shots across the border" in html and "step back" in html
    assert "The facilitator's interventions" in render(debrief, "md")


def test_the_end_screen_saves_the_debrief_report_next_to_the_saves(saves):
    app = start(saves, seed=4)
    press(app, pygame.K_F9)
    click(app, "inject:shots")
    press(app, pygame.K_RETURN)
    while app.top.name != "debrief":
        while app.top.name in ("event", "discussion"):
            press(app, pygame.K_ESCAPE)
        end_turn(app)
    assert "Fired the event 'Shots across the border'" in texts(app)
    click(app, "report")
    report = only_autosave(saves, "classroom").with_name(only_autosave(saves, "classroom").stem + "-report.html")
    assert report.is_file() and "The facilitator" in report.read_text(encoding="utf-8")
    assert str(report) in app.toasts[-1].text


def test_the_projector_view_and_facilitator_mode_are_settings(saves):
    app = make_app(saves)
    normal = app.theme
    click(app, "settings")
    click(app, "projector:on")
    wheel(app, (app.size[0] // 2, app.size[1] // 2), -20)  # the larger type pushes the last rows down
    click(app, "facilitator:on")
    assert app.settings.projector and app.settings.facilitator
    assert app.theme.palette == PROJECTOR and app.theme.font("body").get_height() > normal.font("body").get_height()
    assert App(saves_dir=saves).settings.projector  # remembered
    press(app, pygame.K_ESCAPE)
    click(app, "new")
    assert widget(app, "facilitator").selected  # the picker starts from the setting


# ---- session codes in the window ---------------------------------------------------------------------------


def code_for(seed: int) -> str:
    return encode(SharedWorld(SAMPLE, seed), shipped_tags())


def test_the_picker_starts_the_world_of_a_session_code_with_the_player_name(saves):
    app = make_app(saves)
    click(app, "new")
    click(app, "code")
    type_text(app, code_for(77))
    click(app, "player")
    type_text(app, "Ada")
    click(app, "start")
    assert app.top.name == "briefing"
    session = app.session
    assert session.game.seed == 77 and session.rules.scenario.id == SAMPLE
    assert session.session_code == code_for(77) and session.player == "Ada"
    assert code_for(77) in texts(app)
    click(app, "begin")
    while app.top.name == "event":
        press(app, pygame.K_ESCAPE)
    assert f"Session {code_for(77)}" in texts(app)
    saved = session.save("ada")
    assert Session.load(saved, saves, app.scenarios).session_code == code_for(77)


def test_a_mistyped_session_code_shows_the_reason_in_the_picker(saves):
    app = make_app(saves)
    click(app, "new")
    click(app, "code")
    good = code_for(77)
    type_text(app, good[:-1] + ("X" if good[-1] != "X" else "Y"))
    click(app, "start")
    assert app.top.name == "picker" and app.session is None
    problem = widget(app, "problem")
    assert problem is not None and problem.text
    assert "problem" in [w.key for w in app.top.widgets] and "start" in keys(app)


def test_play_with_a_session_code_opens_the_window_with_the_code_and_the_name(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(ui_app, "start", lambda screen, session=None, saves_dir=None: calls.append((screen, session)))
    monkeypatch.setattr(launch, "has_display", lambda environ=None: True)
    assert run_play(None, None, False, None, session=code_for(12), player="Ada", out=io.StringIO(),
                    saves_dir=tmp_path) == 0
    (screen, session), = calls
    assert screen == "briefing" and session.session_code == code_for(12) and session.player == "Ada"
    assert session.game.seed == 12
