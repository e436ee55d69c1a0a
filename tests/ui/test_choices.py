"""The window never hides a choice or takes one for the player: targets in sight, T changing a visible target,
decisions only by an explicit answer, answers listed with the orders, what orders commit in the top bar, the
same key for waiting in every scenario, notes that stay with the screen they belong to, failures that look
like failures."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.engine import build_rules
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.ui.screens import show_game
from game.ui.screens.turn import WAIT_KEY, TurnScreen
from game.ui.session import ScenarioEntry, Session
from game.ui.theme import COLOUR_BLIND, PROJECTOR, STANDARD

from .driver import click, frame, make_app, press, tab_to, widget

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ui"


def entry_of(path: Path) -> ScenarioEntry:
    result = load_scenario(path)
    return ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)


def start(app, path: Path, seed: int = 1) -> None:
    app.session = Session.new(entry_of(path), app.saves_dir, seed)
    show_game(app)
    frame(app)


def shipped_entry(scenario_id: str) -> ScenarioEntry:
    return entry_of(next(item.path for item in shipped() if item.id == scenario_id))


def test_a_stray_enter_never_answers_a_decision(tmp_path):
    app = make_app(tmp_path)
    start(app, FIXTURES / "event_choice.yaml")
    assert app.top.name == "event" and app.focused is None
    press(app, pygame.K_RETURN)
    assert app.top.name == "event" and app.session.choices == {}
    assert "Choose an answer" in app.toasts[-1].text
    tab_to(app, "choice:statement")
    press(app, pygame.K_RETURN)
    assert app.session.choices == {"incident": "statement"}


def test_the_focus_does_not_carry_to_the_next_decisions_option_of_the_same_id(tmp_path):
    app = make_app(tmp_path)
    start(app, FIXTURES / "two_decisions.yaml")
    tab_to(app, "choice:accept")
    press(app, pygame.K_RETURN)
    assert app.session.choices == {"first_letter": "accept"}
    assert app.top.name == "event" and app.focused is None
    press(app, pygame.K_RETURN)
    assert app.session.choices == {"first_letter": "accept"}


def test_the_orders_list_says_which_answer_was_given_and_which_will_apply(tmp_path):
    app = make_app(tmp_path)
    start(app, FIXTURES / "two_decisions.yaml")
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn"
    assert widget(app, "event:first_letter").label == "Your answer to 'A letter from Northland': Agree"
    assert widget(app, "event:second_letter").label == \
        "'A letter from Southland': no answer yet; 'Decline' will apply"


def test_t_changes_a_target_the_player_can_see(tmp_path):
    app = make_app(tmp_path)
    app.session = Session.new(shipped_entry("unpredep_fyrom_1995"), tmp_path, 3)
    show_game(app)
    while app.top.name != "turn":
        app.top.back()
        frame(app)
    turn = app.top
    turn.select("good_offices")
    before = turn.target
    press(app, pygame.K_t)
    assert turn.target != before
    button = widget(app, f"target:{turn.target}")
    assert button is not None and button.selected
    assert button.clip.contains(button.rect), "the chosen target is inside the Details panel, not below it"


def test_the_top_bar_shows_what_the_queued_orders_commit_and_what_is_left(tmp_path):
    app = make_app(tmp_path)
    start(app, FIXTURES / "event_choice.yaml")
    press(app, pygame.K_ESCAPE)
    click(app, "ins:good_offices")
    click(app, "add")
    chip = widget(app, "res:prestige")
    game = app.session.game
    cost = game.committed(app.session.orders, app.session.choices)[0]
    now = game.observation().office.prestige
    assert f"{now:g} now, {now - cost:g} after this turn's orders and answers" in chip.tip


def test_the_ordered_note_does_not_stay_on_top_of_the_report(tmp_path):
    app = make_app(tmp_path)
    start(app, FIXTURES / "event_choice.yaml")
    press(app, pygame.K_ESCAPE)
    click(app, "ins:good_offices")
    click(app, "add")
    assert app.toasts[-1].text.startswith("Ordered")
    click(app, "end")
    assert app.top.name == "report"
    app.theme.drawn = []
    frame(app)
    assert not any(text.startswith("Ordered") for text in app.theme.drawn)
    app.theme.drawn = None


@pytest.mark.parametrize("item", list(shipped()), ids=lambda i: i.id)
def test_waiting_has_its_own_key_in_every_scenario(item, tmp_path):
    app = make_app(tmp_path)
    app.session = Session.new(entry_of(item.path), tmp_path, 1)
    turn = TurnScreen(app)
    keys = turn.hotkeys()
    rules = build_rules(load_scenario(item.path).scenario)
    waits = [k for k, ins in rules.instruments.items() if ins.kind == "wait"]
    assert all(keys[k] == WAIT_KEY for k in waits)
    assert all(key != WAIT_KEY for use, key in keys.items() if use not in waits)
    assert len(set(keys.values())) == len(keys)


def _distance(a, b) -> int:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("palette", [STANDARD, COLOUR_BLIND, PROJECTOR], ids=["standard", "colour-blind", "projector"])
def test_a_failure_has_a_colour_of_its_own_and_a_greyed_choice_looks_greyed(palette):
    for other in (palette.good, palette.danger, palette.warn, palette.text, palette.accent_hi):
        assert _distance(palette.failure, other) > 90, other
    assert _distance(palette.disabled, palette.text) > 250
