"""The story forms in the window: the event dialog in the words chosen as the event fired, an unaffordable
choice greyed with the engine's reason, invented options marked, and the progress tracks on the turn screen."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.scenario.loader import load_scenario_bytes
from game.ui.app import App
from game.ui.screens import show_game
from game.ui.session import ScenarioEntry, Session

from .driver import SAMPLE, click, frame, keys, make_app, press, widget

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "story.yaml"


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def start_story(app: App, *replacements: tuple[str, str], seed: int = 2) -> None:
    text = STORY.read_text(encoding="utf-8")
    for old, new in replacements:
        text = text.replace(old, new, 1)
    result = load_scenario_bytes(text.encode("utf-8"), str(STORY))
    assert result.scenario is not None
    entry = ScenarioEntry(result.scenario.id, STORY, result.scenario, result.digest)
    app.session = Session.new(entry, app.saves_dir, seed)
    show_game(app)
    frame(app)


def to_the_talks(app: App) -> None:
    """End week 1 and continue to week 2, where the talks await an answer."""
    click(app, "end")
    click(app, "continue")
    assert app.top.name == "event", app.top.name


def texts(app: App) -> list[str]:
    frame(app)
    return [getattr(w, "text", "") or getattr(w, "label", "") for w in app.top.widgets]


def test_the_event_dialog_uses_the_words_of_the_variant_that_applied(saves):
    app = make_app(saves)
    start_story(app, ('- "forewarned = true if used.early_warning >= 1"', '- "forewarned = true"'))
    to_the_talks(app)
    shown = texts(app)
    assert "Talks, with the border quiet" in shown
    assert any(t.endswith("Ask again for inspectors") for t in shown)


def test_an_unaffordable_choice_is_greyed_with_the_reason_and_cannot_be_taken(saves):
    app = make_app(saves)
    start_story(app, ("  prestige: 50\n", "  prestige: 20\n"))
    to_the_talks(app)
    button = widget(app, "choice:press_hard")
    assert button is not None and not button.enabled
    assert "'Press both sides hard' needs 30 prestige" in button.tip
    assert "cannot be afforded" in button.sub
    press(app, pygame.K_1)
    assert "talks" not in app.session.choices and app.top.name == "event"
    assert "an invented option" in widget(app, "choice:press_inspectors").sub


def test_the_turn_screen_shows_the_progress_tracks_the_player_may_see(saves):
    app = make_app(saves)
    start_story(app)
    assert "tracks" in [w.key for w in app.top.widgets]
    card = widget(app, "tracks")
    assert "Refugees home" in card.tip and "Voters registered" in card.tip and "Arms caches" not in card.tip
    assert widget(app, "p-progress") is not None and widget(app, "p-parties") is not None
    assert widget(app, "p-progress").rect.bottom < widget(app, "p-parties").rect.top


def test_a_scenario_without_tracks_has_no_progress_card(saves):
    from game.scenario.catalogue import resolve

    app = make_app(saves)
    path = resolve(SAMPLE)
    result = load_scenario_bytes(path.read_bytes(), str(path))
    app.session = Session.new(ScenarioEntry(result.scenario.id, path, result.scenario, result.digest), saves, 1)
    show_game(app)
    frame(app)
    assert "tracks" not in keys(app) and widget(app, "p-progress") is None


def test_a_mediators_card_names_its_role_instead_of_guessing_its_aims(saves):
    from game.ui import cards

    app = make_app(saves)
    start_story(app)
    view = next(p for p in app.session.game.observation().parties if p.id == "broker")
    assert view.role == "mediator"
    surface = pygame.Surface((400, cards.party_card_height(app.theme)))
    cards.paint_party(surface, surface.get_rect(), app.theme, view, "", 1, "week")
