"""The dialog a failed hot reload (F5) shows: the scenario file's errors as FILE:LINE:COL messages, while the game
goes on with the rules it had."""

from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.present.words import plural

from ..layout import Flow, inset, rows
from ..widgets import Button, Label, TextBlock, Widget
from .base import Screen, fitted_dialog


class ReloadErrorsScreen(Screen):
    name = "reload-errors"
    modal = True

    def __init__(self, app, errors: list[str]) -> None:
        super().__init__(app)
        self.errors = errors

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        self.box, out = fitted_dialog(rect, theme, theme.px(900), theme.px(560), self._compose)
        return out

    def _compose(self, box: pygame.Rect) -> tuple[list[Widget], int]:
        theme = self.app.theme
        pal = theme.palette
        inner = inset(box, theme.px(24), theme.px(18))
        bh = theme.px(44)
        title_h = theme.line_height("h2", True)
        note = (tr("The scenario file has {plural_value}, so it was not reloaded: the game goes on with the rules "
                   "it had. Fix the file and press F5 again.",
                   plural_value=plural(len(self.errors), 'error')))
        note_h = TextBlock.measure(theme, note, inner.w, "body")
        head, body, foot = rows(inner, [title_h + note_h + theme.px(6), None, bh], theme.px(10))
        out: list[Widget] = [
            Label(pygame.Rect(head.x, head.y, head.w, title_h), group="reload-head", text=_("The scenario did not "
                                                                                            "reload"),
                  role="h2", bold=True, colour=pal.danger),
            TextBlock(pygame.Rect(head.x, head.y + title_h + theme.px(6), head.w, note_h), group="reload-head",
                      text=note),
        ]
        flow = Flow(body, "errors", self.scroll, "reload-body", theme.px(6), self.invalidate)
        for i, message in enumerate(self.errors):
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, message, flow.width, "small")), key=f"error:{i}",
                               text=message, role="small", colour=pal.warn))
        out += flow.finish()
        spare = max(0, body.h - flow.area.content_height)
        bw = min(theme.px(220), foot.w)
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="close", group="reload-foot",
                          label=_("Back to the game"), kind="primary", hotkey="Esc", on_click=self.app.pop))
        return out, spare

    def default_action(self) -> None:
        self.app.pop()
