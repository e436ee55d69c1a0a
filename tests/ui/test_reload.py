"""Hot reload (F5): an edited scenario file is read again and the game carries over with its history; a file with
errors is shown in a dialog and the game goes on with its old rules."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pygame
import pytest

from game.engine import Action, Game, Intervention, build_rules
from game.scenario.loader import load_scenario
from game.ui.reload import carry_over
from game.ui.screens import show_game
from game.ui.session import ScenarioEntry, Session

from .driver import click, frame, make_app, press

CLASSROOM = Path(__file__).resolve().parents[1] / "fixtures" / "facilitator" / "classroom.yaml"


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    target = tmp_path / "classroom.yaml"
    shutil.copyfile(CLASSROOM, target)
    return target


def start(path: Path):
    result = load_scenario(path)
    app = make_app(path.parent)
    app.session = Session.new(ScenarioEntry(result.scenario.id, path, result.scenario, result.digest), path.parent, 6)
    show_game(app)
    frame(app)
    return app


def play_turn(app, instrument: str) -> None:
    click(app, f"ins:{instrument}")
    click(app, "add")
    click(app, "end")
    click(app, "continue")
    assert app.top.name == "turn"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_f5_reloads_an_edited_file_and_keeps_the_game_history(copy):
    app = start(copy)
    play_turn(app, "good_offices")
    play_turn(app, "private_appeal")
    inputs = list(app.session.game.inputs)
    edit(copy, "prestige: 40", "prestige: 55")
    press(app, pygame.K_F5)
    assert app.top.name == "turn"
    game = app.session.game
    assert game.rules.scenario.secretary_general.prestige == 55
    assert game.inputs == inputs and game.turn == 2
    assert "Scenario reloaded: 2 turns replayed" in app.toasts[-1].text
    assert app.session.digest == load_scenario(copy).digest
    play_turn(app, "good_offices")
    assert app.session.game.turn == 3
    saved = app.session.save("after-reload")
    result = load_scenario(copy)
    again = Session.load(saved, copy.parent, [ScenarioEntry(result.scenario.id, copy, result.scenario,
                                                            result.digest)])
    assert again.game.turn == 3


def test_f5_on_a_file_with_an_error_shows_it_and_the_game_goes_on(copy):
    app = start(copy)
    play_turn(app, "good_offices")
    before = app.session.game
    edit(copy, "hostility: 0.4", "hostility: lots")
    press(app, pygame.K_F5)
    assert app.top.name == "reload-errors"
    messages = [w.text for w in app.top.widgets if w.key.startswith("error:")]
    assert messages and all(re.match(rf"{re.escape(str(copy))}:\d+:\d+: error: ", m) for m in messages)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "turn" and app.session.game is before
    play_turn(app, "private_appeal")
    assert app.session.game.turn == 2


def test_orders_no_longer_legal_are_dropped_and_counted(copy):
    rules = build_rules(load_scenario(copy).scenario)
    game = Game(rules, 6)
    game.intervene(Intervention(0, "inject", "shots"))
    game.step([Action("public_appeal", "north_south"), Action("good_offices", "north_south")], {"shots": "statement"})
    game.step([Action("public_appeal", "north_south")])
    edit(copy, "  - use: public_appeal\n", "")
    edit(copy, "  - id: shots\n", "  - id: volleys\n")
    edit(copy, "after_event: shots", "after_event: volleys")
    fewer = build_rules(load_scenario(copy).scenario)
    carried, dropped = carry_over(fewer, 6, game.inputs, game.interventions)
    assert dropped == 4  # two public appeals, the answer to 'shots' and the injection of 'shots'
    assert [list(t.actions) for t in carried.inputs] == [[Action("good_offices", "north_south")], []]
    assert carried.turn == 2 and carried.interventions == []
