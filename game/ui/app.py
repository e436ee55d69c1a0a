"""The application: a stack of screens, event routing (mouse, keyboard, wheel, resize), focus, tooltips and
toasts. `handle(event)`, `tick(ms)` and `draw(surface)` are separate so tests drive it without a real clock or
window; `run` is the real loop."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import __version__
from game.engine import replay
from game.i18n import _, current, set_language, tr
from game.saves import clean_stale_temps, saves_directory

from .icons import tone_icon
from .session import ScenarioEntry, Session, scenario_list
from .settings import MIN_SIZE, Settings, load_settings, save_settings
from .sound import Sounds
from .theme import Theme
from .widgets import Caret, ScrollArea, TextInput, Widget

if TYPE_CHECKING:
    from .screens.base import Screen

CRASH_LOG = "crash.log"
CRASH_LOG_BYTES = 256 * 1024
MAX_FAILURES = 3  # unexpected errors within FAILURE_WINDOW_MS before the window gives up and closes
FAILURE_WINDOW_MS = 10_000
TOOLTIP_DELAY_MS = 350
TOAST_MS = 4000
WHEEL_STEP = 48
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)


@dataclass
class Toast:
    """A short message at the bottom of the window. It belongs to the screen that was on top when it was raised
    and shows only while that screen is on top (an 'Ordered' note never sits over the turn report). A failure
    (`danger`) has the failure colour and icon; a `success` the success icon."""

    text: str
    until: int
    danger: bool
    screen: object = None
    success: bool = False


class App:
    """The game window's state and behaviour, independent of the real display and clock."""

    def __init__(self, settings: Settings | None = None, saves_dir: Path | None = None,
                 size: tuple[int, int] | None = None) -> None:
        pygame.font.init()
        self.saves_dir = saves_dir or saves_directory()
        clean_stale_temps(self.saves_dir)
        self.settings = settings or load_settings(self.saves_dir)
        self.size = size or self.settings.size
        self.theme = self._theme(self.size)
        self.sounds = Sounds(self.settings.sound, self.settings.cues)
        self.stack: list[Screen] = []
        self._session: Session | None = None
        self.advisor_jobs = 1  # processes for the advisor's rollouts: the real window uses every core (`start`)
        self.hovered: Widget | None = None
        self.focused: Widget | None = None
        self.caret: Caret | None = None  # the caret and selection of the focused text field
        self.pressed: Widget | None = None
        self.mouse = (-1, -1)
        self.hover_since = 0
        self.keyboard_mode = False
        self.clock_ms = 0
        self.toasts: list[Toast] = []
        self.running = True
        self.quit_unsaved = False  # the player was told the autosave failed; quitting again leaves without it
        self.failures: list[int] = []  # clock times of unexpected errors caught by the last resort
        self.closing_message = ""  # why the window closed itself, for the terminal
        self.window_changed = False  # the real loop re-opens the window when a setting changes its mode
        self._scenarios: list[ScenarioEntry] | None = None
        self._dim: pygame.Surface | None = None

    # -- screens -----------------------------------------------------------------------------------------------
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def push(self, screen: Screen) -> None:
        self.toasts = [t for t in self.toasts if t.screen is None]  # notes about the screen below are stale now
        self.stack.append(screen)
        self._entered()

    def pop(self) -> None:
        if len(self.stack) > 1:
            gone = self.stack.pop()
            for t in self.toasts:  # what a closing dialog said ('Saved as …') stays on the screen it returns to
                if t.screen is gone:
                    t.screen = self.top
            self.top.invalidate()
            self._entered()

    def replace(self, screen: Screen) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen)

    def reset(self, screen: Screen) -> None:
        self.stack = []
        self.push(screen)

    def _entered(self) -> None:
        self.hovered = self.pressed = None
        self.focused = None
        self.caret = None
        self.top.on_enter()

    @property
    def scenarios(self) -> list[ScenarioEntry]:
        if self._scenarios is None:
            self._scenarios = scenario_list()
        return self._scenarios

    # -- settings ------------------------------------------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Use and persist new settings; rebuild everything for a new type size or palette."""
        mode_changed = (settings.size, settings.fullscreen) != (self.settings.size, self.settings.fullscreen)
        language_changed = settings.language != self.settings.language and settings.language != current().code
        self.settings = settings
        if language_changed:
            self.speak(settings.language)
        self.sounds.enabled = settings.sound
        self.sounds.cues = settings.cues
        if mode_changed:
            self.window_changed = True
            if not settings.fullscreen:
                self.size = settings.size
        self.theme = self._theme(self.size)
        save_settings(self.saves_dir, settings)
        for screen in self.stack:
            screen.invalidate()

    def speak(self, code: str) -> None:
        """Show the game in another language from now on: every screen is rebuilt, and the scenario is read again
        with its translation (the game itself, its seed and its save do not change)."""
        set_language(code)
        if self.session is not None:
            self.session.reload()
        for screen in self.stack:
            screen.invalidate()

    def _theme(self, size: tuple[int, int]) -> Theme:
        s = self.settings
        return Theme(size, s.type_scale, s.colour_blind, s.projector)

    @property
    def facilitating(self) -> bool:
        """Whether the game on screen is run by a facilitator (the setting, or the game's own mode)."""
        return self.settings.facilitator or (self.session is not None and self.session.facilitator)

    def resize(self, size: tuple[int, int]) -> None:
        """The window now has `size` (the player dragged it, or a setting changed it)."""
        size = (max(1, int(size[0])), max(1, int(size[1])))
        if size == self.size:
            return
        self.size = size
        fresh = self._theme(size)
        if fresh.scale != self.theme.scale:
            self.theme = fresh
        self._dim = None
        for screen in self.stack:
            screen.invalidate()
        if not self.settings.fullscreen and size[0] >= MIN_SIZE[0] and size[1] >= MIN_SIZE[1]:
            self.settings = self.settings.with_size(size)

    @property
    def session(self) -> Session | None:
        """The game in progress, if any. Replacing it (a new game, a loaded one, back to the title) stops the
        advisor's workers of the one it replaces."""
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        if self._session is not None and self._session is not session:
            self._session.close()
        self._session = session

    def toast(self, text: str, danger: bool = False, success: bool = False) -> None:
        screen = self.stack[-1] if self.stack else None
        self.toasts = [*self.toasts[-2:], Toast(text, self.clock_ms + TOAST_MS, danger, screen, success)]

    def quit(self) -> None:
        """Leave: the game in progress is saved to its autosave slot first. When that save fails the window stays
        open and says why; asking to quit again leaves without the save."""
        session = self.session
        if session is not None and not session.game.done and not self.quit_unsaved and session.autosave() is None:
            self.quit_unsaved = True
            self.toast(tr("The game could not be saved: {save_error}. Quit again to leave without saving, or save "
                          "it under another name (Ctrl+S).",
                          save_error=session.save_error), danger=True)
            return
        save_settings(self.saves_dir, self.settings)
        self.running = False

    # -- the last resort -------------------------------------------------------------------------------------
    def guarded(self, step: Callable[..., object], *args: object) -> None:
        """Run one step of the window loop (an event, a tick, a frame); an exception in it goes to `recover`
        instead of ending the game."""
        try:
            step(*args)
        except Exception as exc:  # the last resort: whatever a screen did wrong, the game is saved and goes on
            self.recover(exc)

    def recover(self, exc: Exception) -> None:
        """After an unexpected error in a screen: save a consistent copy of the game, write the details to
        crash.log in the saves folder, say so in one line and carry on from the game's own screen (the title
        screen if that fails again); after MAX_FAILURES errors in FAILURE_WINDOW_MS, close the window."""
        self.failures = [t for t in self.failures if self.clock_ms - t < FAILURE_WINDOW_MS] + [self.clock_ms]
        saved = self._save_after_error()
        log = write_crash_log(self.saves_dir, exc)
        what = f"{type(exc).__name__}: {exc}"
        what = what if len(what) <= 100 else what[:100] + "…"
        where = tr("your game is saved in {name}",
                   name=saved.name) if saved is not None else _("the game could not be saved")
        details = tr("; details in {log}", log=log) if log is not None else ""
        line = tr("Something went wrong ({what}); {where}{details}.", what=what, where=where, details=details)
        if len(self.failures) >= MAX_FAILURES:
            self.closing_message = tr("The game window kept failing and closed: {line}", line=line)
            self.running = False
            return
        from .screens import make_start, show_game

        try:
            if self.session is not None and len(self.failures) == 1:
                show_game(self)
            else:
                make_start(self, "title")
        except Exception:
            self.closing_message = tr("The game window could not recover and closed: {line}", line=line)
            self.running = False
            return
        self.toast(line, danger=True)

    def _save_after_error(self) -> Path | None:
        """Autosave the game as its recorded moves give it (the error may have struck half-way through a turn)."""
        session = self.session
        if session is None:
            return None
        try:
            game = session.game
            session.game = replay(game.rules, game.seed, game.inputs, game.interventions)
            return session.autosave() if not session.game.done else session.last_save
        except Exception:
            return None

    # -- events --------------------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Route one pygame event."""
        if not self.stack:
            return
        self._ensure_built()
        kind = event.type
        if kind == pygame.QUIT:
            self.quit()
        elif kind == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
        elif kind == pygame.MOUSEMOTION:
            self._mouse_at(event.pos)
        elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._mouse_at(event.pos)
            self.pressed = self.hovered if self.hovered is not None and self.hovered.focusable else None
        elif kind == pygame.MOUSEBUTTONUP and event.button == 1:
            self._mouse_at(event.pos)
            target, self.pressed = self.pressed, None
            if target is not None and target is self.hovered:
                self.keyboard_mode = False
                self._focus(target, reveal=False)
                if not isinstance(target, TextInput):  # a click puts the caret in a field; Enter submits it
                    self._activate(target)
        elif kind == pygame.MOUSEWHEEL:
            self._wheel(event)
        elif kind == pygame.KEYDOWN:
            self._key(event)
        elif kind == pygame.TEXTINPUT and isinstance(self.focused, TextInput):
            self.focused.text_input(event.text, self)

    def _mouse_at(self, pos: tuple[int, int]) -> None:
        self.mouse = (int(pos[0]), int(pos[1]))
        found = None
        for w in reversed(self.top.widgets):
            if (w.focusable or w.tip) and w.hit(self.mouse):
                found = w
                break
        if found is not self.hovered:
            self.hovered = found
            self.hover_since = self.clock_ms

    def _wheel(self, event: pygame.event.Event) -> None:
        for w in reversed(self.top.widgets):
            if isinstance(w, ScrollArea) and w.rect.collidepoint(self.mouse):
                w.scroll_by(-int(event.y) * self.theme.px(WHEEL_STEP))
                return

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        typing = isinstance(self.focused, TextInput)
        if self.focused is not None and self.focused.key_down(event, self):
            return
        if key == pygame.K_TAB:
            self._move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key == pygame.K_ESCAPE:
            self.top.back()
        elif key in ACTIVATE_KEYS:
            if self.focused is not None:
                self._activate(self.focused)
            else:
                self.top.default_action()
        elif not typing and self.top.key(event):
            return
        elif key in NEXT_KEYS and not typing:
            self._move_focus(1)
        elif key in PREV_KEYS and not typing:
            self._move_focus(-1)

    def _activate(self, widget: Widget) -> None:
        widget.activate(self)
        if self.stack:
            self.top.invalidate()

    def focusables(self) -> list[Widget]:
        return [w for w in self.top.widgets if w.focusable]

    def _move_focus(self, step: int) -> None:
        self.keyboard_mode = True
        items = self.focusables()
        if not items:
            return
        if self.focused in items:
            idx = (items.index(self.focused) + step) % len(items)
        else:
            idx = 0 if step > 0 else len(items) - 1
        self._focus(items[idx], reveal=True)
        self.sounds.play("click")

    def _focus(self, widget: Widget, reveal: bool) -> None:
        self.focused = widget
        self.top.focus_key = widget.key
        self.hover_since = self.clock_ms
        if reveal and widget.area is not None and widget.area.reveal(widget.rect):
            self._ensure_built()

    def focus(self, key: str) -> None:
        """Give the focus to the widget with this key on the top screen, if it is there."""
        self.top.focus_key = key
        self._ensure_built()
        found = next((w for w in self.top.widgets if w.key == key and w.focusable), None)
        if found is not None:
            self.focused = found

    # -- time and drawing --------------------------------------------------------------------------------------------
    def tick(self, ms: int) -> None:
        self.clock_ms += ms
        self.toasts = [t for t in self.toasts if t.until > self.clock_ms]
        if self.stack:
            self.top.tick(ms)

    def _ensure_built(self) -> None:
        """Rebuild the screens whose content or size changed; re-find hover and focus by key."""
        if not self.stack:
            return
        rect = pygame.Rect((0, 0), self.size)
        rebuilt = False
        for screen in self._visible():
            if screen.dirty or screen.built_size != self.size:
                screen.widgets = []
                screen.dirty = False
                screen.built_size = self.size
                screen.widgets = screen.build(rect)
                rebuilt = rebuilt or screen is self.top
        if rebuilt:
            top = self.top
            self.focused = next((w for w in top.widgets if w.focusable and w.key == top.focus_key), None)
            self.hovered = None
            if self.mouse[0] >= 0:
                hover_since = self.hover_since
                self._mouse_at(self.mouse)
                self.hover_since = hover_since

    def _visible(self) -> list[Screen]:
        """The screens to draw: the top one and, under modals, the screens beneath down to a full one."""
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].modal:
            start -= 1
        return self.stack[start:]

    def draw(self, surface: pygame.Surface) -> None:
        if surface.get_size() != self.size:
            self.resize(surface.get_size())
        for __ in range(3):  # a build may scroll (clamping an offset); settle before drawing
            self._ensure_built()
            if not self.top.dirty:
                break
        for screen in self._visible():
            if screen.modal:
                surface.blit(self._dim_surface(), (0, 0))
            screen.draw_background(surface, self.theme)
            for w in screen.widgets:
                self.theme.tip = w.tip
                if w.clip is not None:
                    surface.set_clip(w.clip)
                    w.draw(surface, self)
                    surface.set_clip(None)
                else:
                    w.draw(surface, self)
        self.theme.tip = ""
        self._draw_tooltip(surface)
        self._draw_toasts(surface)

    def _dim_surface(self) -> pygame.Surface:
        if self._dim is None or self._dim.get_size() != self.size:
            self._dim = pygame.Surface(self.size, pygame.SRCALPHA)
            self._dim.fill((*self.theme.palette.bg_deep, 190))
        return self._dim

    def _draw_tooltip(self, surface: pygame.Surface) -> None:
        if self.keyboard_mode and self.focused is not None and self.focused.tip:
            widget, anchor = self.focused, self.focused.visible_rect().midbottom
        elif self.hovered is not None and self.hovered.tip and self.clock_ms - self.hover_since >= TOOLTIP_DELAY_MS:
            widget, anchor = self.hovered, (self.mouse[0], self.mouse[1] + self.theme.px(22))
        else:
            return
        theme, pal = self.theme, self.theme.palette
        width = min(theme.px(380), self.size[0] - theme.px(20))
        lines = theme.wrap(widget.tip, width - theme.px(20), "small")
        step = theme.line_height("small")
        box = pygame.Rect(0, 0, max(theme.width(line, "small") for line in lines) + theme.px(20),
                          step * len(lines) + theme.px(14))
        box.midtop = anchor
        if box.bottom > self.size[1]:
            box.bottom = widget.visible_rect().top - theme.px(4)
        box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, pal.bg_deep, box, border_radius=theme.px(6))
        pygame.draw.rect(surface, pal.accent, box, 1, border_radius=theme.px(6))
        y = box.y + theme.px(7)
        for line in lines:
            surface.blit(theme.text(line, "small"), (box.x + theme.px(10), y))
            y += step

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        theme, pal = self.theme, self.theme.palette
        y = self.size[1] - theme.px(24)
        top = self.stack[-1] if self.stack else None
        for t in reversed(self.toasts):
            if t.screen is not None and t.screen is not top:
                continue
            icon = tone_icon("failure" if t.danger else "success") if t.danger or t.success else None
            step = theme.line_height("body")
            room = step + theme.px(8) if icon else 0
            lines = theme.wrap(t.text, min(theme.px(640), self.size[0] - theme.px(60)) - room, "body")
            box = pygame.Rect(0, 0, max(theme.width(line) for line in lines) + theme.px(32) + room,
                              step * len(lines) + theme.px(18))
            box.midbottom = (self.size[0] // 2, y)
            edge = pal.failure if t.danger else pal.good if t.success else pal.accent
            pygame.draw.rect(surface, pal.bg_deep if t.danger else pal.panel_hi, box, border_radius=theme.px(8))
            pygame.draw.rect(surface, edge, box, theme.px(2) if t.danger else 1, border_radius=theme.px(8))
            ty = box.y + theme.px(9)
            if icon:
                size = round(step * 0.8)
                icon(surface, pygame.Rect(box.x + theme.px(14), ty + (step - size) // 2, size, size), theme)
            for line in lines:
                surface.blit(theme.text(line, "body", pal.failure if t.danger else None),
                             (box.x + theme.px(16) + room, ty))
                ty += step
            y = box.top - theme.px(8)


def _open_window(app: App) -> pygame.Surface:
    flags = pygame.RESIZABLE
    if app.settings.fullscreen:
        surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    else:
        surface = pygame.display.set_mode(app.settings.size, flags)
    app.resize(surface.get_size())
    return surface


class WindowUnavailable(Exception):
    """The window could not be opened (no usable display); the message says why."""


def run(app: App, frames: int | None = None) -> int:
    """The real loop: a window, 60 frames a second at most, until the player quits (or after `frames`)."""
    os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
    try:
        pygame.display.init()
        pygame.display.set_caption(_("Good Offices — the Secretary-General's crisis"))
        surface = _open_window(app)
    except pygame.error as exc:
        pygame.display.quit()
        raise WindowUnavailable(str(exc) or _("no display")) from None
    pygame.key.set_repeat(400, 40)
    pygame.key.start_text_input()
    clock = pygame.time.Clock()
    drawn = 0
    while app.running and (frames is None or drawn < frames):
        drawn += 1
        for event in pygame.event.get():
            if event.type == pygame.VIDEORESIZE and not app.settings.fullscreen:
                size = (max(MIN_SIZE[0], event.w), max(MIN_SIZE[1], event.h))
                surface = pygame.display.set_mode(size, pygame.RESIZABLE)
                event = pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
            app.guarded(app.handle, event)
        if app.window_changed:
            app.window_changed = False
            surface = _open_window(app)
        app.guarded(app.tick, clock.tick(60))
        surface = pygame.display.get_surface()
        app.guarded(app.draw, surface)
        pygame.display.flip()
    pygame.quit()
    if app.closing_message:
        print(app.closing_message, file=sys.stderr)
        return 1
    return 0


def write_crash_log(folder: Path, exc: BaseException) -> Path | None:
    """Append the details of an unexpected error to crash.log in `folder` (started afresh when it grows past
    CRASH_LOG_BYTES), for a bug report; its path, or None when it cannot be written."""
    path = Path(folder) / CRASH_LOG
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.is_file() and path.stat().st_size > CRASH_LOG_BYTES else "a"
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with open(path, mode, encoding="utf-8", errors="replace") as handle:
            handle.write(tr("--- {stamp} Good Offices {version}\n", stamp=stamp, version=__version__))
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def start(screen: str = "title", session: Session | None = None, saves_dir: Path | None = None) -> int:
    """Open the window on `screen` ('title', or 'briefing'/'turn' for a session) and play until quit.
    Raises WindowUnavailable when no window can be opened."""
    from .screens import make_start

    app = App(saves_dir=saves_dir)
    app.advisor_jobs = os.cpu_count() or 1
    app.session = session
    make_start(app, screen)
    try:
        return run(app)
    finally:
        app.session = None  # the advisor's workers stop with the window

