"""Widgets drawn with pygame.draw and cached text: labels, wrapped text, buttons, a text field, scroll areas.

A screen builds its widgets from the window size (see layout.py) each time its content changes; the App routes
mouse and keyboard events to them, keeps the focus by widget key across rebuilds and draws tooltips.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from .theme import Colour, Theme, mix

if TYPE_CHECKING:
    from .app import App

Draw = Callable[[pygame.Surface, pygame.Rect, Theme], None]


@dataclass
class Widget:
    """A rectangle on screen. `group` names its siblings (widgets laid out side by side in one panel)."""

    rect: pygame.Rect
    key: str = ""
    group: str = ""
    clip: pygame.Rect | None = None  # the visible part of its scroll area, if it is in one
    tip: str = ""
    focusable: bool = False
    area: ScrollArea | None = None

    def visible_rect(self) -> pygame.Rect:
        return self.rect.clip(self.clip) if self.clip is not None else self.rect

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.visible_rect().collidepoint(pos)

    def draw(self, surface: pygame.Surface, app: App) -> None:
        raise NotImplementedError

    def activate(self, app: App) -> None:
        """Enter, Space or a click on this widget."""

    def key_down(self, event: pygame.event.Event, app: App) -> bool:
        """A key while this widget has the focus; True when it used it."""
        return False


@dataclass
class Painter(Widget):
    """Anything drawn by a function: cards, bars, charts."""

    paint: Draw | None = None

    def draw(self, surface: pygame.Surface, app: App) -> None:
        if self.paint is not None:
            self.paint(surface, self.rect, app.theme)


@dataclass
class Label(Widget):
    """One line of text, shortened with an ellipsis when it does not fit."""

    text: str = ""
    role: str = "body"
    colour: Colour | None = None
    bold: bool = False
    align: str = "left"  # left | centre | right

    def draw(self, surface: pygame.Surface, app: App) -> None:
        theme = app.theme
        shown = theme.fit(self.text, self.rect.w, self.role, self.bold)
        img = theme.text(shown, self.role, self.colour, self.bold)
        y = self.rect.y + (self.rect.h - img.get_height()) // 2
        if self.align == "centre":
            x = self.rect.centerx - img.get_width() // 2
        elif self.align == "right":
            x = self.rect.right - img.get_width()
        else:
            x = self.rect.x
        surface.blit(img, (x, y))


@dataclass
class TextBlock(Widget):
    """A paragraph wrapped to its width; `measure` says how tall it will be."""

    text: str = ""
    role: str = "body"
    colour: Colour | None = None
    bold: bool = False

    @staticmethod
    def measure(theme: Theme, text: str, width: int, role: str = "body", bold: bool = False) -> int:
        return len(theme.wrap(text, width, role, bold)) * theme.line_height(role, bold)

    def draw(self, surface: pygame.Surface, app: App) -> None:
        theme = app.theme
        step = theme.line_height(self.role, self.bold)
        y = self.rect.y
        for line in theme.wrap(self.text, self.rect.w, self.role, self.bold):
            if line:
                surface.blit(theme.text(line, self.role, self.colour, self.bold), (self.rect.x, y))
            y += step


@dataclass
class Button(Widget):
    """A button: click, or Enter/Space when focused. Disabled buttons still show their tooltip (the reason)."""

    label: str = ""
    on_click: Callable[[], None] | None = None
    enabled: bool = True
    kind: str = "normal"  # normal | primary | danger | ghost | tab
    selected: bool = False
    icon: Draw | None = None
    hotkey: str = ""
    role: str = "label"
    align: str = "centre"
    sub: str = ""  # a second, smaller line (e.g. the cost)
    sound: str = "click"
    greyed: bool = False  # looks disabled (not possible now) but can still be chosen to read its details
    lines: int = 1  # the label may wrap onto this many lines (when there is no sub line)

    def __post_init__(self) -> None:
        self.focusable = True

    def activate(self, app: App) -> None:
        if not self.enabled:
            app.sounds.play("deny")
            if self.tip:
                app.toast(self.tip, danger=True)
            return
        app.sounds.play(self.sound)
        if self.on_click is not None:
            self.on_click()

    def draw(self, surface: pygame.Surface, app: App) -> None:
        theme, pal = app.theme, app.theme.palette
        hovered = app.hovered is self
        focused = app.focused is self
        radius = theme.px(6)
        enabled = self.enabled and not self.greyed
        if self.kind == "primary" and enabled:
            bg = pal.accent_hi if hovered else pal.accent
            fg = pal.accent_text
        elif self.kind == "danger" and enabled:
            bg = mix(pal.danger, pal.text, 0.15) if hovered else pal.danger
            fg = pal.text
        elif self.kind == "ghost":
            bg = pal.panel_hi if hovered else None
            fg = pal.text if enabled else pal.faint
        else:
            base = mix(pal.panel_hi, pal.accent, 0.28) if self.selected else pal.panel_hi
            bg = mix(base, pal.text, 0.08) if hovered and enabled else base
            fg = pal.text if enabled else pal.faint
            if not enabled:
                bg = mix(pal.panel, pal.bg, 0.3)
        if bg is not None:
            pygame.draw.rect(surface, bg, self.rect, border_radius=radius)
        if self.selected:
            pygame.draw.rect(surface, pal.accent, self.rect, width=theme.px(2), border_radius=radius)
        elif self.kind in ("normal", "tab") and enabled:
            pygame.draw.rect(surface, pal.line, self.rect, width=1, border_radius=radius)
        if focused:
            pygame.draw.rect(surface, pal.warn, self.rect.inflate(theme.px(4), theme.px(4)), width=theme.px(2),
                             border_radius=radius + 2)
        self._draw_content(surface, theme, fg, enabled)

    def _draw_content(self, surface: pygame.Surface, theme: Theme, fg: Colour, enabled: bool) -> None:
        pad = theme.px(10)
        inner = self.rect.inflate(-2 * pad, 0)
        if self.icon is not None:
            size = min(self.rect.h - theme.px(10), theme.px(26))
            box = pygame.Rect(inner.x, self.rect.centery - size // 2, size, size)
            self.icon(surface, box, theme)
            inner.x += size + theme.px(8)
            inner.w -= size + theme.px(8)
        soft = mix(fg, theme.palette.panel, 0.35)
        if self.hotkey:
            hk = theme.text(self.hotkey, "small", soft if enabled else theme.palette.line)
            surface.blit(hk, (inner.right - hk.get_width(), self.rect.centery - hk.get_height() // 2))
            inner.w -= hk.get_width() + theme.px(6)
        role, bold = self.role, self.kind in ("primary", "danger")
        if self.lines > 1 and not self.sub:
            self._draw_wrapped(surface, theme, inner, fg, role, bold)
            return
        label = theme.text(theme.fit(self.label, inner.w, role, bold), role, fg, bold)
        if self.sub:
            sub = theme.text(theme.fit(self.sub, inner.w, "small"), "small", soft if enabled else theme.palette.faint)
            total = label.get_height() + sub.get_height()
            y = self.rect.centery - total // 2
            x = inner.x if self.align == "left" else inner.centerx - label.get_width() // 2
            surface.blit(label, (x, y))
            sx = inner.x if self.align == "left" else inner.centerx - sub.get_width() // 2
            surface.blit(sub, (sx, y + label.get_height()))
            return
        x = inner.x if self.align == "left" else inner.centerx - label.get_width() // 2
        surface.blit(label, (x, self.rect.centery - label.get_height() // 2))

    def _draw_wrapped(self, surface: pygame.Surface, theme: Theme, inner: pygame.Rect, fg: Colour, role: str,
                      bold: bool) -> None:
        wrapped = theme.wrap(self.label, inner.w, role, bold)
        if len(wrapped) > self.lines:
            rest = " ".join(wrapped[self.lines - 1:])
            wrapped = [*wrapped[: self.lines - 1], theme.fit(rest + " …", inner.w, role, bold)]
        step = theme.line_height(role, bold)
        y = self.rect.centery - step * len(wrapped) // 2
        for line in wrapped:
            img = theme.text(line, role, fg, bold)
            x = inner.x if self.align == "left" else inner.centerx - img.get_width() // 2
            surface.blit(img, (x, y))
            y += step


@dataclass
class Caret:
    """Where the caret of the focused text field is, and where its selection starts (`anchor`; equal to `pos`
    when nothing is selected). The App keeps it while the field has the focus, across rebuilds."""

    key: str
    pos: int
    anchor: int

    def span(self) -> tuple[int, int]:
        return min(self.pos, self.anchor), max(self.pos, self.anchor)


_WORD_GAP = " -_.,;:/"


def _word_left(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _WORD_GAP:
        pos -= 1
    while pos > 0 and text[pos - 1] not in _WORD_GAP:
        pos -= 1
    return pos


def _word_right(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WORD_GAP:
        pos += 1
    while pos < len(text) and text[pos] not in _WORD_GAP:
        pos += 1
    return pos


@dataclass
class TextInput(Widget):
    """A one-line text field: type when it has the focus; Enter submits. The usual editing keys work: Left, Right,
    Home and End move the caret (with Shift they select, with Ctrl by words), Ctrl+A selects all, Backspace and
    Delete remove a character or the selection (a word with Ctrl), and typing replaces the selection."""

    value: str = ""
    placeholder: str = ""
    on_change: Callable[[str], None] | None = None
    on_submit: Callable[[], None] | None = None
    max_length: int = 48
    select_on_focus: bool = False  # the whole value is selected when the field gets the focus (a default name)
    allowed: Callable[[str], bool] | None = None  # which typed characters it takes (default: any printable one)

    def __post_init__(self) -> None:
        self.focusable = True

    def activate(self, app: App) -> None:
        if self.on_submit is not None:
            self.on_submit()

    def caret(self, app: App) -> Caret:
        """The caret of this field (a new one, at the end or selecting all, when the field just got the focus)."""
        caret = app.caret
        if caret is None or caret.key != self.key:
            end = len(self.value)
            caret = app.caret = Caret(self.key, end, 0 if self.select_on_focus else end)
        caret.pos = min(caret.pos, len(self.value))
        caret.anchor = min(caret.anchor, len(self.value))
        return caret

    def key_down(self, event: pygame.event.Event, app: App) -> bool:
        caret, text = self.caret(app), self.value
        mod = getattr(event, "mod", 0)
        ctrl, shift = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META)), bool(mod & pygame.KMOD_SHIFT)
        key = event.key
        start, end = caret.span()
        if key == pygame.K_a and ctrl:
            caret.anchor, caret.pos = 0, len(text)
            return True
        moves = {
            pygame.K_LEFT: (_word_left(text, caret.pos) if ctrl else max(0, caret.pos - 1)),
            pygame.K_RIGHT: (_word_right(text, caret.pos) if ctrl else min(len(text), caret.pos + 1)),
            pygame.K_HOME: 0,
            pygame.K_END: len(text),
        }
        if key in moves:
            if not shift and start != end and key in (pygame.K_LEFT, pygame.K_RIGHT):
                caret.pos = start if key == pygame.K_LEFT else end  # an arrow first collapses the selection
            else:
                caret.pos = moves[key]
            if not shift:
                caret.anchor = caret.pos
            return True
        if key in (pygame.K_BACKSPACE, pygame.K_DELETE):
            if start == end:
                if key == pygame.K_BACKSPACE:
                    start = _word_left(text, start) if ctrl else max(0, start - 1)
                else:
                    end = _word_right(text, end) if ctrl else min(len(text), end + 1)
            self._replace(app, start, end, "")
            return True
        return key == pygame.K_SPACE  # the TEXTINPUT event that follows types the space

    def text_input(self, text: str, app: App) -> None:
        """Typed text: it replaces the selection (or goes in at the caret), as far as the field has room."""
        keep = self.allowed or str.isprintable
        typed = "".join(ch for ch in text if ch.isprintable() and keep(ch))
        caret = self.caret(app)
        start, end = caret.span()
        room = self.max_length - (len(self.value) - (end - start))
        self._replace(app, start, end, typed[: max(0, room)])

    def _replace(self, app: App, start: int, end: int, typed: str) -> None:
        caret = self.caret(app)
        self.value = self.value[:start] + typed + self.value[end:]
        caret.pos = caret.anchor = start + len(typed)
        if self.on_change is not None:
            self.on_change(self.value)

    def draw(self, surface: pygame.Surface, app: App) -> None:
        theme, pal = app.theme, app.theme.palette
        focused = app.focused is self
        pygame.draw.rect(surface, pal.bg_deep, self.rect, border_radius=theme.px(4))
        pygame.draw.rect(surface, pal.warn if focused else pal.line, self.rect, width=theme.px(2) if focused else 1,
                         border_radius=theme.px(4))
        pad = theme.px(8)
        inner = pygame.Rect(self.rect.x + pad, self.rect.y, max(1, self.rect.w - 2 * pad), self.rect.h)
        if not self.value:
            img = theme.text(theme.fit(self.placeholder, inner.w - pad), "body", pal.faint)
            surface.blit(img, (inner.x, self.rect.centery - img.get_height() // 2))
            if focused and (app.clock_ms // 500) % 2 == 0:
                h = theme.line_height("body")
                pygame.draw.line(surface, pal.text, (inner.x, self.rect.centery - h // 2),
                                 (inner.x, self.rect.centery + h // 2), 2)
            return
        if not focused:
            img = theme.text(theme.fit(self.value, inner.w - pad), "body", pal.text)
            surface.blit(img, (inner.x, self.rect.centery - img.get_height() // 2))
            return
        caret = self.caret(app)
        shift = 0  # scroll the text so that the caret stays in view
        while shift < caret.pos and theme.width(self.value[shift:caret.pos]) > inner.w - 2:
            shift += 1
        x0 = inner.x - (theme.width(self.value[:shift]) if shift else 0)
        h = theme.line_height("body")
        y = self.rect.centery - h // 2
        old_clip = surface.get_clip()
        surface.set_clip(inner.clip(old_clip) if old_clip else inner)
        start, end = caret.span()
        if start != end:
            left = x0 + theme.width(self.value[:start]) if start else x0
            right = x0 + theme.width(self.value[:end])
            pygame.draw.rect(surface, mix(pal.accent, pal.bg_deep, 0.45), (left, y, max(1, right - left), h))
        surface.blit(theme.text(self.value, "body", pal.text), (x0, y))
        if (app.clock_ms // 500) % 2 == 0 or start != end:
            x = x0 + (theme.width(self.value[:caret.pos]) if caret.pos else 0)
            pygame.draw.line(surface, pal.text, (x, y), (x, y + h), 2)
        surface.set_clip(old_clip)


@dataclass
class ScrollArea(Widget):
    """A clipped region whose content can be taller than it; the wheel or the focus scrolls it."""

    content_height: int = 0
    offsets: dict[str, int] = field(default_factory=dict)  # the screen's scroll offsets, by area key
    on_scroll: Callable[[], None] | None = None

    @property
    def offset(self) -> int:
        return self.offsets.get(self.key, 0)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.h)

    def scroll_by(self, dy: int) -> bool:
        new = max(0, min(self.max_offset, self.offset + dy))
        if new == self.offset:
            return False
        self.offsets[self.key] = new
        if self.on_scroll is not None:
            self.on_scroll()
        return True

    def reveal(self, rect: pygame.Rect) -> bool:
        """Scroll so that `rect` (in screen coordinates at the current offset) is inside the area."""
        if rect.top < self.rect.top:
            return self.scroll_by(rect.top - self.rect.top - 4)
        if rect.bottom > self.rect.bottom:
            return self.scroll_by(min(rect.bottom - self.rect.bottom + 4, rect.top - self.rect.top))
        return False

    def draw(self, surface: pygame.Surface, app: App) -> None:
        if self.max_offset <= 0:
            return
        theme, pal = app.theme, app.theme.palette
        w = theme.px(5)
        track = pygame.Rect(self.rect.right - w, self.rect.y, w, self.rect.h)
        pygame.draw.rect(surface, pal.bg_deep, track, border_radius=w)
        h = max(theme.px(24), self.rect.h * self.rect.h // max(1, self.content_height))
        y = self.rect.y + (self.rect.h - h) * self.offset // max(1, self.max_offset)
        pygame.draw.rect(surface, pal.line, (track.x, y, w, h), border_radius=w)


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, title: str = "",
          fill: Colour | None = None) -> None:
    """A rounded card with an optional title line."""
    pal = theme.palette
    pygame.draw.rect(surface, fill or pal.panel, rect, border_radius=theme.px(8))
    pygame.draw.rect(surface, pal.line, rect, width=1, border_radius=theme.px(8))
    if title:
        img = theme.text(theme.fit(title.upper(), rect.w - theme.px(24), "small", True), "small", pal.muted, True)
        surface.blit(img, (rect.x + theme.px(12), rect.y + theme.px(8)))


def panel_header(theme: Theme) -> int:
    """Height taken by a panel's title line."""
    return theme.line_height("small", True) + theme.px(14)
