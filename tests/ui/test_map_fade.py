"""A change of the map fades in over FADE_MS from the picture shown before (the Cuban quarantine line appearing on
24 October), as one or two cached blits a frame; an unchanged map, a first showing or a new size does not fade."""

from __future__ import annotations

import datetime as dt

import pygame
import pytest

from game.engine import Game
from game.ui.screens.map import FADE_MS, MapView, paint_map
from game.ui.theme import Theme
from tests.scenarios.shipped import load_shipped, state_on

SIZE = (800, 500)


@pytest.fixture(autouse=True)
def _fonts():
    pygame.init()


def _scenes():
    _, rules = load_shipped("cuban_missile_crisis_1962")
    view = MapView(rules)
    obs = Game(rules, 0).observation()
    before = view.model.scene(state_on(rules, dt.date(1962, 10, 16)), obs)
    after = view.model.scene(state_on(rules, dt.date(1962, 10, 24)), obs)
    assert before != after
    return view, before, after


def test_a_first_showing_and_an_unchanged_map_do_not_fade():
    view, before, _ = _scenes()
    theme = Theme((1280, 720))
    assert [a for _, a in view.layers(SIZE, theme, before)] == [255]
    view.advance(16)
    assert [a for _, a in view.layers(SIZE, theme, before)] == [255]


def test_the_quarantine_line_fades_in_over_the_old_picture():
    view, before, after = _scenes()
    theme = Theme((1280, 720))
    old = view.layers(SIZE, theme, before)[0][0]
    layers = view.layers(SIZE, theme, after)
    assert layers[0] == (old, 255) and layers[1][1] == 0
    view.advance(FADE_MS // 2)
    half = view.layers(SIZE, theme, after)
    assert len(half) == 2 and 100 < half[1][1] < 156
    view.advance(FADE_MS // 2 + 1)
    assert [a for _, a in view.layers(SIZE, theme, after)] == [255]


def test_a_new_size_shows_at_once():
    view, before, after = _scenes()
    theme = Theme((1280, 720))
    view.layers(SIZE, theme, before)
    assert len(view.layers((640, 400), theme, after)) == 1


def test_painting_mid_fade_blends_the_two_pictures_and_leaves_them_opaque():
    view, before, after = _scenes()
    theme = Theme((1280, 720))
    rect = pygame.Rect(0, 0, *SIZE)
    target = pygame.Surface(SIZE)
    paint_map(target, rect, theme, view, before)
    view.advance(FADE_MS // 2)
    paint_map(target, rect, theme, view, after)
    new = view.layers(SIZE, theme, after)[-1][0]
    assert new.get_alpha() in (None, 255)
    old = view._shown[(SIZE, theme.palette, theme.scale)][1]
    assert old is new
    differs = [(x, y) for x in range(0, SIZE[0], 7) for y in range(0, SIZE[1], 7)
               if target.get_at((x, y)) != new.get_at((x, y))]
    assert differs, "mid-fade the frame should not yet be the new picture"
