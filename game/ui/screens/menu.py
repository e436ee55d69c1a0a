"""The in-game menu (Esc on the turn screen): resume, save, load, briefing, last report, settings, help, leave."""

from __future__ import annotations

import pygame

from game.i18n import _

from ..layout import inset
from ..widgets import Button, Label, Widget
from .base import Screen, dialog_frame


class MenuScreen(Screen):
    name = "menu"
    modal = True

    def items(self) -> list[tuple[str, str, object, str]]:
        return [
            ("resume", _("Resume"), self.app.pop, "primary"),
            ("save", _("Save game"), self.save, "normal"),
            ("load", _("Load game"), self.load, "normal"),
            ("briefing", _("Briefing"), self.briefing, "normal"),
            ("report", _("Last turn's report"), self.report, "normal"),
            ("settings", _("Settings"), self.settings, "normal"),
            ("help", _("Help and glossary"), self.help, "normal"),
            ("title", _("Main menu (the game is saved)"), self.title, "normal"),
            ("quit", _("Save and quit"), self.app.quit, "ghost"),
        ]

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        items = self.items()
        gap = theme.px(8)
        title_h = theme.line_height("h2", True)
        bh = theme.px(42)
        height = title_h + theme.px(50) + len(items) * (bh + gap)
        self.box = box = dialog_frame(rect, theme, theme.px(420), height)
        inner = inset(box, theme.px(24), theme.px(20))
        bh = min(bh, (inner.h - title_h - theme.px(12)) // len(items) - gap)
        out: list[Widget] = [Label(pygame.Rect(inner.x, inner.y, inner.w, title_h), group="menu-title",
                                   text=_("Paused"), role="h2", bold=True, align="centre")]
        y = inner.y + title_h + theme.px(12)
        for key, label, action, kind in items:
            out.append(Button(pygame.Rect(inner.x, y, inner.w, bh), key=key, group="menu", label=label, kind=kind,
                              on_click=action))
            y += bh + gap
        return out

    def on_enter(self) -> None:
        super().on_enter()
        self.focus_key = self.focus_key or "resume"

    def save(self) -> None:
        from .saves import SavesScreen

        self.app.replace(SavesScreen(self.app, mode="save"))

    def load(self) -> None:
        from .saves import SavesScreen

        self.app.replace(SavesScreen(self.app, mode="load"))

    def briefing(self) -> None:
        from .briefing import BriefingScreen

        self.app.replace(BriefingScreen(self.app, in_game=True))

    def report(self) -> None:
        from .turn import TurnScreen

        self.app.pop()
        if isinstance(self.app.top, TurnScreen):
            self.app.top.open_report()

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.app.replace(SettingsScreen(self.app))

    def help(self) -> None:
        from .help import HelpScreen

        self.app.replace(HelpScreen(self.app))

    def title(self) -> None:
        from .title import TitleScreen

        if self.app.session is not None:
            self.app.session.autosave()
        self.app.session = None
        self.app.reset(TitleScreen(self.app))
