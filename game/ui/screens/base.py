"""What every screen shares: the Screen protocol the App drives, the header bar, the emblem and dialog frames."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import _

from ..layout import inset
from ..theme import Colour, Theme, mix
from ..widgets import Button, Label, Painter, Widget, panel

if TYPE_CHECKING:
    from ..app import App


class Screen:
    """A screen: builds its widgets for a window rectangle; reacts to Esc (`back`) and its own hotkeys."""

    modal = False  # drawn over the screen beneath it, dimmed
    name = ""
    title = ""

    def __init__(self, app: App) -> None:
        self.app = app
        self.dirty = True
        self.widgets: list[Widget] = []
        self.built_size: tuple[int, int] | None = None
        self.focus_key = ""
        self.scroll: dict[str, int] = {}
        self.box: pygame.Rect | None = None  # a modal's frame

    def invalidate(self) -> None:
        self.dirty = True

    def build(self, rect: pygame.Rect) -> list[Widget]:
        raise NotImplementedError

    def draw_background(self, surface: pygame.Surface, theme: Theme) -> None:
        if self.modal:
            if self.box is not None:
                panel(surface, self.box.inflate(2, 2), theme, fill=theme.palette.panel)
            return
        backdrop(surface, theme)

    def back(self) -> None:
        self.app.pop()

    def key(self, event: pygame.event.Event) -> bool:
        """A screen's own hotkeys; True when the key was used."""
        return False

    def default_action(self) -> None:
        """Enter with nothing focused."""

    def on_enter(self) -> None:
        """The screen has just come to the top of the stack."""
        self.invalidate()

    def tick(self, ms: int) -> None:
        """Time passes (for animations)."""


def backdrop(surface: pygame.Surface, theme: Theme) -> None:
    """The calm blue background with a faint band at the top."""
    pal = theme.palette
    surface.fill(pal.bg)
    w, h = surface.get_size()
    pygame.draw.rect(surface, pal.bg_deep, (0, 0, w, min(h, theme.px(60))))


def emblem(surface: pygame.Surface, centre: tuple[int, int], radius: int, colour: Colour) -> None:
    """A globe seen from above between two olive branches, drawn in lines: the game's mark."""
    cx, cy = centre
    w = max(1, radius // 30)
    globe = radius * 0.7
    for k in (1.0, 0.72, 0.44, 0.16):
        pygame.draw.circle(surface, colour, centre, max(1, round(globe * k)), w)
    for i in range(8):
        a = i * math.pi / 4
        pygame.draw.line(surface, colour, centre,
                         (cx + round(globe * math.cos(a)), cy + round(globe * math.sin(a))), w)
    if radius < 24:
        return
    # Olive branches: a stem on each side from below the globe up round it, leaves tilted along it.
    r = radius * 0.88
    for side in (-1, 1):
        stem = [(cx + side * r * math.sin(math.radians(a)), cy + r * math.cos(math.radians(a))) for a in
                range(12, 150, 6)]
        pygame.draw.lines(surface, colour, False, [(round(x), round(y)) for x, y in stem], w)
        for j, a in enumerate(range(22, 150, 16)):
            phi = math.radians(a)
            px, py = cx + side * r * math.sin(phi), cy + r * math.cos(phi)
            tilt = 0.5 if j % 2 else -0.5
            tx, ty = side * math.cos(phi + tilt * side), -math.sin(phi + tilt * side)
            length, width = radius * 0.26, radius * 0.05
            bx, by = px + tx * length * 0.15, py + ty * length * 0.15
            nx, ny = -ty * width, tx * width
            mx, my = bx + tx * length / 2, by + ty * length / 2
            pts = [(bx, by), (mx + nx, my + ny), (bx + tx * length, by + ty * length), (mx - nx, my - ny)]
            pygame.draw.polygon(surface, colour, [(round(x), round(y)) for x, y in pts])


def header(app: App, screen: Screen, rect: pygame.Rect, title: str, subtitle: str = "", back: str | None = None
           ) -> list[Widget]:
    """The top bar: a small emblem, the screen's title, and a Back button on the right (Esc); `back` names the
    button ('' for none, 'Back' in the language by default)."""
    back = _("Back") if back is None else back
    theme = app.theme
    bar_h = theme.px(60)
    bar = pygame.Rect(rect.x, rect.y, rect.w, bar_h)
    pad = theme.px(16)
    icon_r = theme.px(18)

    def paint(surface: pygame.Surface, r: pygame.Rect, th: Theme) -> None:
        emblem(surface, (r.x + pad + icon_r, r.centery), icon_r, th.palette.accent)
        pygame.draw.line(surface, th.palette.accent, (r.x, r.bottom - 1), (r.right, r.bottom - 1), 2)

    out: list[Widget] = [Painter(bar, key="header", group="header-bg", paint=paint)]
    bw = max(theme.px(120), theme.width(back, "label") + theme.width(_("Esc"), "small") + theme.px(36)) if back else 0
    text_x = bar.x + pad + 2 * icon_r + theme.px(14)
    text_w = bar.right - pad - bw - theme.px(12) - text_x
    if subtitle:
        h1 = theme.line_height("h2", True)
        h2 = theme.line_height("small")
        y = bar.centery - (h1 + h2) // 2
        out.append(Label(pygame.Rect(text_x, y, text_w, h1), group="header", text=title, role="h2", bold=True))
        out.append(Label(pygame.Rect(text_x, y + h1, text_w, h2), group="header", text=subtitle, role="small",
                         colour=theme.palette.muted))
    else:
        out.append(Label(pygame.Rect(text_x, bar.y, text_w, bar_h), group="header", text=title, role="h2", bold=True))
    if back:
        bh = theme.px(38)
        out.append(Button(pygame.Rect(bar.right - pad - bw, bar.centery - bh // 2, bw, bh), key="back",
                          group="header", label=back, hotkey="Esc", on_click=screen.back,
                          tip=_("Go back (Esc)")))
    return out


def dialog_frame(rect: pygame.Rect, theme: Theme, width: int, height: int) -> pygame.Rect:
    """A centred dialog box no larger than the window allows."""
    w = min(width, rect.w - theme.px(40))
    h = min(height, rect.h - theme.px(40))
    box = pygame.Rect(0, 0, w, h)
    box.center = rect.center
    return box


def fitted_dialog(rect: pygame.Rect, theme: Theme, width: int, height: int,
                  compose: Callable[[pygame.Rect], tuple[list[Widget], int]]) -> tuple[pygame.Rect, list[Widget]]:
    """A dialog laid out by `compose` (which returns its widgets and the height it left unused), then shrunk to
    its content and laid out again: short texts get a small box, long ones the window."""
    box = dialog_frame(rect, theme, width, height)
    out, spare = compose(box)
    if spare > 0:
        box = dialog_frame(rect, theme, width, box.h - spare)
        out, __ = compose(box)
    return box, out


def body_rect(app: App, rect: pygame.Rect) -> pygame.Rect:
    """The window below the header bar, with margins."""
    theme = app.theme
    top = rect.y + theme.px(60)
    return inset(pygame.Rect(rect.x, top, rect.w, rect.bottom - top), theme.px(20), theme.px(16))


def chip(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, text: str, colour: Colour,
         fg: Colour | None = None) -> None:
    """A small rounded tag, e.g. a rating or a difficulty."""
    pygame.draw.rect(surface, mix(colour, theme.palette.bg, 0.55), rect, border_radius=rect.h // 2)
    pygame.draw.rect(surface, colour, rect, 1, border_radius=rect.h // 2)
    img = theme.text(theme.fit(text, rect.w - theme.px(10), "small", True), "small", fg or theme.palette.text, True)
    surface.blit(img, img.get_rect(center=rect.center))
