"""Layout: at 1024×640, 1280×720 and 1920×1080 (and at 150% type) no two sibling widgets on the turn screen
overlap and every widget is inside the window; the other screens keep their widgets inside the window too. In
English and in French, which runs longer."""

from __future__ import annotations

from itertools import combinations

import pygame
import pytest

from game.engine import build_rules
from game.i18n import using
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from game.sim.policies import get_policy
from game.ui.session import ScenarioEntry
from game.ui.settings import Settings
from game.ui.shots import SCREEN_NAMES, stage
from game.ui.widgets import ScrollArea, TextBlock

from .driver import SAMPLE, frame

SIZES = [(1024, 640), (1280, 720), (1920, 1080)]


LANGUAGES = ("en", "fr")


@pytest.fixture(params=LANGUAGES)
def lang(request):
    """Each test in each language: the scenario, its translation and the game's own words."""
    with using(request.param):
        yield request.param


def sample_entry() -> ScenarioEntry:
    path = resolve(SAMPLE)
    result = load_scenario(path)
    return ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)


def staged(screen: str, size: tuple[int, int], tmp_path, type_scale: float = 1.0):
    entry = sample_entry()
    app = stage(screen, entry, get_policy("historical", build_rules(entry.scenario)), 4, 3, size, tmp_path)
    if type_scale != 1.0:
        app.apply_settings(Settings(width=size[0], height=size[1], type_scale=type_scale, sound=False))
    return app


def overlaps(app) -> list[tuple[str, str, str]]:
    """Pairs of sibling widgets (same group) whose visible parts overlap."""
    by_group: dict[str, list] = {}
    for w in app.top.widgets:
        if isinstance(w, ScrollArea):
            continue
        by_group.setdefault(w.group, []).append(w)
    bad = []
    for group, items in by_group.items():
        for a, b in combinations(items, 2):
            ra, rb = a.visible_rect(), b.visible_rect()
            if ra.w and ra.h and rb.w and rb.h and ra.colliderect(rb):
                bad.append((group, a.key, b.key))
    return bad


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("type_scale", [1.0, 1.5])
def test_turn_screen_siblings_do_not_overlap_and_stay_inside(size, type_scale, tmp_path, lang):
    app = staged("turn", size, tmp_path, type_scale)
    session = app.session
    legal = [a for a in session.game.legal_actions() if a.use != "wait"]
    session.add(legal[0])
    app.top.invalidate()
    frame(app)
    window = pygame.Rect((0, 0), size)
    assert overlaps(app) == []
    for w in app.top.widgets:
        assert window.contains(w.visible_rect()), (w.key, w.visible_rect())
    panels = [w.rect for w in app.top.widgets if w.key.startswith("p-") or w.key == "topbar"]
    assert len(panels) == 8
    for a, b in combinations(panels, 2):
        assert not a.colliderect(b), (a, b)


@pytest.mark.parametrize("screen", SCREEN_NAMES)
@pytest.mark.parametrize("size", [(1024, 640), (1280, 720), (1920, 1080)], ids=["small", "medium", "large"])
def test_every_screen_stays_inside_the_window_without_overlaps(screen, size, tmp_path, lang):
    app = staged(screen, size, tmp_path)
    frame(app)
    window = pygame.Rect((0, 0), size)
    assert overlaps(app) == []
    for w in app.top.widgets:
        assert window.contains(w.visible_rect()), (screen, w.key, w.visible_rect())


def test_the_turn_screen_shows_only_the_observation_never_the_hidden_state(tmp_path):
    app = staged("turn", (1280, 720), tmp_path)
    before = pygame.image.tobytes(frame(app), "RGB")
    state = app.session.game.state
    for party in state.parties:  # change every hidden value of the true state, leaving what was observed
        party.hostility, party.resolve, party.trust = 0.99, 0.01, 0.01
        party.intention = "escalate" if party.intention != "escalate" else "settle"
    for pair in state.pairs:
        pair.pressure = min(pair.pressure + 0.9, pair.rung + 0.99)
    app.top.invalidate()
    assert pygame.image.tobytes(frame(app), "RGB") == before


@pytest.mark.parametrize("screen", ["turn", "report", "debrief", "briefing", "help", "event", "picker", "advisor"])
def test_text_blocks_are_tall_enough_for_their_wrapped_text(screen, tmp_path, lang):
    app = staged(screen, (1280, 720), tmp_path)
    frame(app)
    blocks = [w for w in app.top.widgets if isinstance(w, TextBlock)]
    assert blocks
    for w in blocks:
        lines = app.theme.wrap(w.text, w.rect.w, w.role, w.bold)
        assert len(lines) * app.theme.line_height(w.role, w.bold) <= w.rect.h, (screen, w.text[:40])
