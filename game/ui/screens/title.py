"""The title screen: new game, continue the latest game, load, settings, help, quit."""

from __future__ import annotations

import pygame

from game import __version__
from game.i18n import N_, _, tr, trn
from game.saves import SaveError

from ..layout import columns, inset
from ..session import SaveEntry, Session, latest_unfinished
from ..theme import Theme, mix
from ..widgets import Button, Label, Painter, TextBlock, Widget
from .base import Screen, emblem

TAGLINE = N_("A crisis-diplomacy game. You are the Secretary-General of the United Nations.")
INTRO = (N_("Each turn you spend scarce prestige, envoys, money and attention on the instruments the office "
            "really has, while the parties climb the escalation ladder or step back. You see only estimates. The "
            "score counts the wars that did not happen."))


class TitleScreen(Screen):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.latest: SaveEntry | None = None

    def on_enter(self) -> None:
        super().on_enter()
        self.latest = latest_unfinished(self.app.saves_dir)

    def back(self) -> None:
        """Esc on the title screen does nothing: leaving is the Quit button."""

    def draw_background(self, surface: pygame.Surface, theme: Theme) -> None:
        pal = theme.palette
        surface.fill(pal.bg)
        w, h = surface.get_size()
        pygame.draw.circle(surface, mix(pal.bg, pal.bg_deep, 0.6), (int(w * 0.29), h // 2), int(min(w, h) * 0.62))
        pygame.draw.line(surface, pal.accent, (0, h - theme.px(4)), (w, h - theme.px(4)), max(1, theme.px(2)))

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        area = inset(rect, theme.px(48), theme.px(40))
        left, right = columns(area, [1.15, 1], theme.px(48))
        out: list[Widget] = []
        r = min(left.w // 3, left.h // 5, theme.px(90))
        title_h = theme.line_height("display", True)
        tagline, intro = _(TAGLINE), _(INTRO)
        tag_h = TextBlock.measure(theme, tagline, left.w, "h3")
        intro_h = TextBlock.measure(theme, intro, left.w, "body")
        total = 2 * r + theme.px(24) + title_h + theme.px(10) + tag_h + theme.px(18) + intro_h
        y = left.y + max(0, (left.h - total) // 2)
        centre = (left.centerx, y + r)
        out.append(Painter(pygame.Rect(left.centerx - r, y, 2 * r, 2 * r), key="emblem", group="title",
                           paint=lambda s, rr, th: emblem(s, rr.center, rr.w // 2, th.palette.accent)))
        y = centre[1] + r + theme.px(24)
        out.append(Label(pygame.Rect(left.x, y, left.w, title_h), group="title", text="GOOD OFFICES",
                         role="display", bold=True, align="centre"))
        y += title_h + theme.px(10)
        out.append(TextBlock(pygame.Rect(left.x, y, left.w, tag_h), group="title", text=tagline, role="h3",
                             colour=theme.palette.accent_hi))
        y += tag_h + theme.px(18)
        out.append(TextBlock(pygame.Rect(left.x, y, left.w, intro_h), group="title", text=intro,
                             colour=theme.palette.muted))
        out += self._menu(right)
        small = theme.line_height("small")
        out.append(Label(pygame.Rect(rect.right - theme.px(260), rect.bottom - small - theme.px(12), theme.px(244),
                                     small), group="version", text=tr("version {version}",
                                                                      version=__version__), role="small",
                         colour=theme.palette.faint, align="right"))
        return out

    def _menu(self, right: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        latest = self.latest
        items = [
            ("new", _("New game"), _("Choose a crisis and take office"), self.new_game, True, "primary"),
            ("continue", _("Continue"), self._continue_sub(latest), self.resume, latest is not None, "normal"),
            ("load", _("Load game"), _("Open a saved game"), self.load, True, "normal"),
            ("settings", _("Settings"), _("Window, type, colours, sound, projector, facilitator"), self.settings, True,
             "normal"),
            ("help", _("Help and glossary"), _("How to play; the instruments; the ladder"), self.help, True, "normal"),
            ("quit", _("Quit"), "", app.quit, True, "ghost"),
        ]
        gap = theme.px(12)
        bw = min(right.w, theme.px(420))
        bh = min(theme.px(58), (right.h - gap * (len(items) - 1)) // len(items))
        total = bh * len(items) + gap * (len(items) - 1)
        y = right.y + (right.h - total) // 2
        out: list[Widget] = []
        for n, (key, label, sub, action, enabled, kind) in enumerate(items, 1):
            tip = "" if enabled else _("No game in progress has been saved yet.")
            out.append(Button(pygame.Rect(right.centerx - bw // 2, y, bw, bh), key=key, group="menu", label=label,
                              sub=sub if bh >= theme.px(50) else "", on_click=action, enabled=enabled, kind=kind,
                              hotkey=str(n), align="left", role="h3", tip=tip))
            y += bh + gap
        return out

    def _continue_sub(self, latest: SaveEntry | None) -> str:
        if latest is None:
            return _("No game in progress")
        titles = {e.id: e.scenario.title for e in self.app.scenarios}
        return trn("{get} · {n} turn played", "{get} · {n} turns played", latest.turns_played,
                   get=titles.get(latest.scenario_id, latest.scenario_id))

    def key(self, event: pygame.event.Event) -> bool:
        actions = [self.new_game, self.resume, self.load, self.settings, self.help, self.app.quit]
        if pygame.K_1 <= event.key <= pygame.K_6:
            actions[event.key - pygame.K_1]()
            return True
        if event.key == pygame.K_n:
            self.new_game()
            return True
        return False

    def default_action(self) -> None:
        self.new_game()

    # -- actions ---------------------------------------------------------------------------------------------------
    def new_game(self) -> None:
        from .picker import PickerScreen

        self.app.push(PickerScreen(self.app))

    def resume(self) -> None:
        if self.latest is None:
            self.app.toast(_("There is no game in progress to continue."), danger=True)
            return
        open_save(self.app, self.latest.path)

    def load(self) -> None:
        from .saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="load"))

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def help(self) -> None:
        from .help import HelpScreen

        self.app.push(HelpScreen(self.app))


def open_save(app, path) -> bool:
    """Resume the save at `path` and show its turn (or its debrief); a toast says why when it cannot."""
    try:
        session = Session.load(path, app.saves_dir, app.scenarios)
    except SaveError as exc:
        app.toast(exc.message, danger=True)
        return False
    from . import show_game

    app.session = session
    show_game(app)
    app.toast(tr("Loaded {name}.", name=path.name))
    return True
