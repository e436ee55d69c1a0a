"""Fuzz: sequences of window events — clicks, keys with Shift and Ctrl, typed text in any script (control
characters too), the wheel, resizes from 1024×640 to 4K — on every screen, drawn by Hypothesis (fresh every run,
a failure shrunk to a short sequence), never raise and never leave the window without a screen."""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import build_rules
from game.sim.policies import get_policy
from game.ui.shots import SCREEN_NAMES, stage
from tests.fuzzing import fuzz

from .driver import frame
from .test_layout import sample_entry

SIZES = [(1024, 640), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1100, 900), (2560, 700)]
KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_HOME, pygame.K_END, pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_F1, pygame.K_F2,
        pygame.K_F5, pygame.K_F9, pygame.K_a, pygame.K_e, pygame.K_r, pygame.K_d, pygame.K_b, pygame.K_t, pygame.K_m,
        pygame.K_h, pygame.K_n, pygame.K_s, *range(pygame.K_0, pygame.K_9 + 1)]
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_CTRL | pygame.KMOD_SHIFT]


def positions(size: tuple[int, int]) -> Any:
    return st.tuples(st.integers(-20, size[0] + 20), st.integers(-20, size[1] + 20))


@st.composite
def window_events(draw: Any, size: tuple[int, int] = (1280, 720)) -> pygame.event.Event:
    kind = draw(st.sampled_from(["move", "move", "button", "button", "wheel", "key", "key", "key", "key", "text",
                                 "text", "resize"]))
    if kind == "move":
        return pygame.event.Event(pygame.MOUSEMOTION, pos=draw(positions(size)), rel=(0, 0), buttons=(0, 0, 0))
    if kind == "button":
        return pygame.event.Event(draw(st.sampled_from([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP])),
                                  pos=draw(positions(size)), button=draw(st.sampled_from([1, 1, 1, 2, 3, 4, 5])))
    if kind == "wheel":
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=draw(st.sampled_from([-3, -1, 1, 2])), flipped=False)
    if kind == "key":
        return pygame.event.Event(pygame.KEYDOWN, key=draw(st.sampled_from(KEYS)), mod=draw(st.sampled_from(MODS)),
                                  unicode="", scancode=0)
    if kind == "text":
        text = draw(st.text(max_size=8) | st.sampled_from(["²", "١٢", "7", "é€", "\n", " ", "a b", "\x00", "\x1b["]))
        return pygame.event.Event(pygame.TEXTINPUT, text=text)
    w, h = draw(st.sampled_from(SIZES))
    return pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))


@pytest.mark.parametrize("screen", SCREEN_NAMES)
@fuzz(2)
@given(events=st.lists(window_events(), min_size=150, max_size=400))
def test_random_events_never_raise(screen, tmp_path_factory, events):
    entry = sample_entry()
    folder = tmp_path_factory.mktemp("fuzz")
    app = stage(screen, entry, get_policy("random", build_rules(entry.scenario)), 2, 7, (1280, 720), folder)
    for n, event in enumerate(events):
        app.handle(event)
        if n % 4 == 0:
            size = (event.w, event.h) if event.type == pygame.VIDEORESIZE else app.size
            app.tick(16)
            app.draw(pygame.Surface(size))
        assert app.stack, "the screen stack must never be empty"
    frame(app)
