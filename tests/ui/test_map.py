"""The map view: drawn for every shipped scenario and for the states games reach, opened and closed with G
from the turn screen, projected inside its rectangle, and in every palette."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Game, build_rules
from game.present.mapview import MapModel
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.sim.policies import get_policy
from game.ui.map import MapRenderer, Projection
from game.ui.session import ScenarioEntry
from game.ui.shots import play_turns, render, stage
from game.ui.theme import Theme

from .driver import frame, press


def _entries() -> list[ScenarioEntry]:
    out = []
    for item in shipped():
        result = load_scenario(item.path)
        assert result.ok, [str(d) for d in result.diagnostics]
        out.append(ScenarioEntry(result.scenario.id, item.path, result.scenario, result.digest))
    return out


SHIPPED = _entries()
IDS = [e.id for e in SHIPPED]


@pytest.mark.parametrize("entry", SHIPPED, ids=IDS)
def test_every_shipped_scenario_has_a_map_with_places(entry):
    block = entry.scenario.map
    assert block is not None, f"{entry.id} has no map block"
    assert block.places, f"{entry.id}'s map has no places"


@pytest.mark.parametrize("entry", SHIPPED, ids=IDS)
def test_the_map_view_renders_for_every_shipped_scenario(entry, tmp_path):
    app = stage("map", entry, get_policy("historical", build_rules(entry.scenario)), 3, 0, (1280, 720), tmp_path)
    assert app.top.name == "map"
    surface = render(app)
    map_widget = next(w for w in app.top.widgets if w.key == "map")
    r = map_widget.rect
    colours = {surface.get_at((x, y))[:3] for x in range(r.x, r.right, 17) for y in range(r.y, r.bottom, 13)}
    assert len(colours) > 6, "the map should show land, sea, shading and labels"


@pytest.mark.parametrize("entry", SHIPPED, ids=IDS)
def test_the_map_draws_every_state_a_few_games_reach(entry):
    rules = build_rules(entry.scenario)
    model = MapModel(rules)
    renderer = MapRenderer(entry.scenario.map)
    theme = Theme((1280, 720))
    surface = pygame.Surface((900, 600))
    for seed, policy in ((1, "random"), (2, "historical")):
        game = Game(rules, seed)
        pol = get_policy(policy, rules)
        while True:
            scene = model.scene(game.state, game.observation())
            renderer.draw(surface, theme, scene)
            if game.done:
                break
            play_turns(game, pol, 1)


def test_g_opens_the_map_from_the_turn_screen_and_closes_it(tmp_path):
    entry = next(e for e in SHIPPED if e.id == "cuban_missile_crisis_1962")
    app = stage("turn", entry, get_policy("passive", build_rules(entry.scenario)), 0, 0, (1280, 720), tmp_path)
    frame(app)
    assert any(w.key == "open-map" for w in app.top.widgets), "the turn screen has a Map button"
    press(app, pygame.K_g)
    frame(app)
    assert app.top.name == "map"
    press(app, pygame.K_g)
    frame(app)
    assert app.top.name == "turn"


def test_the_picture_is_cached_until_the_scene_changes():
    entry = next(e for e in SHIPPED if e.id == "cuban_missile_crisis_1962")
    rules = build_rules(entry.scenario)
    game = Game(rules, 0)
    model, renderer, theme = MapModel(rules), MapRenderer(entry.scenario.map), Theme((1280, 720))
    first = renderer.picture((800, 500), theme, model.scene(game.state, game.observation()))
    assert renderer.picture((800, 500), theme, model.scene(game.state, game.observation())) is first
    play_turns(game, get_policy("historical", rules), 8)
    assert renderer.picture((800, 500), theme, model.scene(game.state, game.observation())) is not first


def test_the_colour_blind_and_projector_views_draw_in_their_own_palettes():
    entry = next(e for e in SHIPPED if e.id == "unpredep_fyrom_1995")
    rules = build_rules(entry.scenario)
    game = Game(rules, 0)
    scene = MapModel(rules).scene(game.state, game.observation())
    pictures = []
    for kwargs in ({}, {"colour_blind": True}, {"projector": True}):
        surface = pygame.Surface((600, 400))
        MapRenderer(entry.scenario.map).draw(surface, Theme((1280, 720), **kwargs), scene)
        pictures.append(pygame.image.tobytes(surface, "RGB"))
    assert len(set(pictures)) == 3


region = st.tuples(st.floats(-170, 150), st.floats(-60, 50), st.floats(1, 30), st.floats(1, 30))


@settings(max_examples=200, deadline=None)
@given(region, st.integers(50, 2000), st.integers(50, 1200), st.floats(0, 1), st.floats(0, 1))
def test_every_point_of_the_region_projects_inside_the_rectangle(reg, w, h, u, v):
    west, south, dx, dy = reg
    proj = Projection((west, south, west + dx, south + dy), pygame.Rect(0, 0, w, h))
    x, y = proj.point(west + u * dx, south + v * dy)
    assert -1 <= x <= w + 1 and -1 <= y <= h + 1
    vw, vs, ve, vn = proj.view
    assert vw <= west + 1e-6 and ve >= west + dx - 1e-6 and vs <= south + 1e-6 and vn >= south + dy - 1e-6
