"""Drive the game window headless: synthetic mouse and keyboard events into App.handle, frames into a surface."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.screens import make_start
from game.ui.settings import Settings
from game.ui.widgets import Widget

SAMPLE = "sample_river_dispute"


def make_app(saves: Path, size: tuple[int, int] = (1280, 720), sound: bool = False) -> App:
    app = App(Settings(width=size[0], height=size[1], sound=sound), saves_dir=saves, size=size)
    make_start(app, "title")
    frame(app)
    return app


def frame(app: App, ms: int = 16) -> pygame.Surface:
    surface = pygame.Surface(app.size)
    app.tick(ms)
    app.draw(surface)
    return surface


def widget(app: App, key: str) -> Widget | None:
    frame(app)
    return next((w for w in app.top.widgets if w.key == key), None)


def keys(app: App) -> list[str]:
    frame(app)
    return [w.key for w in app.top.widgets if w.focusable]


def click(app: App, key: str) -> None:
    """Move the mouse to the widget's visible centre, press and release the left button."""
    w = widget(app, key)
    assert w is not None, f"no widget '{key}' on {app.top.name}: {keys(app)}"
    pos = w.visible_rect().center
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    frame(app)


def wheel(app: App, pos: tuple[int, int], dy: int) -> None:
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False))
    frame(app)


def press(app: App, key: int, mod: int = 0) -> None:
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    app.handle(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    frame(app)


def type_text(app: App, text: str) -> None:
    for ch in text:
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=ord(ch.lower()) if ch.isalnum() else 0, mod=0,
                                      unicode=ch, scancode=0))
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    frame(app)


def tab_to(app: App, key: str, limit: int = 200) -> None:
    """Press Tab until the widget `key` has the focus."""
    for _ in range(limit):
        if app.focused is not None and app.focused.key == key:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reached '{key}' on {app.top.name}: {keys(app)}")
