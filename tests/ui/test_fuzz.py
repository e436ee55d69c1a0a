"""Thousands of random events — clicks, keys, text, wheel, resizes from 1024×640 to 4K — on every screen,
without an exception. Seeded, so a failure replays."""

from __future__ import annotations

import random

import pygame
import pytest

from game.sim.policies import get_policy
from game.ui.shots import SCREEN_NAMES, stage

from .driver import frame
from .test_layout import sample_entry

SIZES = [(1024, 640), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1100, 900), (2560, 700)]
KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_F1, pygame.K_F2, pygame.K_F5, pygame.K_F9,
        pygame.K_a, pygame.K_e, pygame.K_r, pygame.K_d, pygame.K_b, pygame.K_t, pygame.K_m, pygame.K_h, pygame.K_n,
        pygame.K_s, *range(pygame.K_0, pygame.K_9 + 1)]


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    roll = rng.random()
    pos = (rng.randrange(-20, size[0] + 20), rng.randrange(-20, size[1] + 20))
    if roll < 0.3:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.5:
        return pygame.event.Event(rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP]), pos=pos,
                                  button=rng.choice([1, 1, 1, 2, 3, 4, 5]))
    if roll < 0.58:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False)
    if roll < 0.9:
        mod = rng.choice([0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL])
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="", scancode=0)
    if roll < 0.96:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("ab1 _-é€\n"))
    w, h = rng.choice(SIZES)
    return pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))


@pytest.mark.parametrize("screen", SCREEN_NAMES)
def test_random_events_never_raise(screen, tmp_path):
    rng = random.Random(f"fuzz-{screen}")
    entry = sample_entry()
    from game.engine import build_rules

    app = stage(screen, entry, get_policy("random", build_rules(entry.scenario)), 2, 7, (1280, 720), tmp_path)
    for n in range(400):
        event = random_event(rng, app.size)
        if event.type == pygame.VIDEORESIZE:
            app.size = app.size  # the real loop resizes the display; here the next frame's surface does
        app.handle(event)
        if n % 4 == 0:
            size = (event.w, event.h) if event.type == pygame.VIDEORESIZE else app.size
            surface = pygame.Surface(size)
            app.tick(16)
            app.draw(surface)
        assert app.stack, "the screen stack must never be empty"
    frame(app)
