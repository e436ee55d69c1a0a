"""Save and load: the saves folder listed newest first; save under a name (an existing name is replaced) or
load a game, which is replayed from its moves and checked."""

from __future__ import annotations

import datetime as dt

import pygame

from game.i18n import _, tr, trn
from game.present.dates import day_text
from game.saves import SaveError

from ..layout import Flow, columns, inset, rows
from ..session import SaveEntry, save_list
from ..widgets import Button, Label, Painter, TextInput, Widget, panel, panel_header
from .base import Screen, body_rect, header


def when(stamp: str) -> str:
    """'22 November 2026, 14:03' from an ISO timestamp (UTC), or the stamp as it is."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        return f"{day_text(moment.date())}, {moment:%H:%M}"
    except ValueError:
        return stamp


class SavesScreen(Screen):
    name = "save"

    def __init__(self, app, mode: str = "load") -> None:
        super().__init__(app)
        self.mode = mode if app.session is not None else "load"
        self.entries: list[SaveEntry] = []
        self.name_text = ""

    def on_enter(self) -> None:
        super().on_enter()
        self.entries = save_list(self.app.saves_dir)
        if self.mode == "save" and not self.name_text and self.app.session is not None:
            game = self.app.session.game
            self.name_text = f"{game.rules.scenario.id}-turn{game.turn + 1}"
            self.focus_key = "name"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        saving = self.mode == "save"
        title = _("Save the game") if saving else _("Load a game")
        out = header(app, self, rect, title, tr("Saves folder: {saves_dir}", saves_dir=app.saves_dir))
        body = body_rect(app, rect)
        if saving:
            bh = theme.px(46)
            top, rest = rows(body, [bh, None], theme.px(14))
            name_r, button_r = columns(top, [3, 1], theme.px(12))
            out.append(TextInput(name_r, key="name", group="save-controls", value=self.name_text,
                                 placeholder=_("a name for this save"), on_change=self._name, on_submit=self.save,
                                 select_on_focus=True, max_length=64,
                                 tip=_("Letters, digits, '-' and '_'. The same name replaces that save (unless it "
                                       "holds a finished game, which is kept).")))
            out.append(Button(button_r, key="save-now", group="save-controls", label=_("Save"), kind="primary",
                              on_click=self.save, hotkey="Enter", sound="select"))
        else:
            rest = body
        out.append(Painter(rest, key="p-saves", group="saves", paint=lambda s, r, th: panel(s, r, th, _("Saved "
                                                                                                        "games"))))
        inner = inset(rest, theme.px(12), 0)
        inner.y += panel_header(theme)
        inner.h -= panel_header(theme) + theme.px(12)
        flow = Flow(inner, "list", self.scroll, "save-list", theme.px(6), self.invalidate)
        if not self.entries:
            flow.add(Label(flow.take(theme.line_height("body") + theme.px(10)), text=_("No saved games yet."),
                           colour=theme.palette.faint))
        h = theme.line_height("label") + theme.line_height("small") + theme.px(14)
        scenarios = {entry.id: entry.scenario for entry in self.app.scenarios}
        for e in self.entries:
            if e.problem:
                sub = tr("cannot be loaded: {problem}", problem=e.problem)
            else:
                scn = scenarios.get(e.scenario_id)  # its title and ending in the language, the ids otherwise
                ending = next((o.title for o in scn.endings if o.id == e.ending), None) if scn else None
                state = tr("ended: {replace}", replace=ending or e.ending.replace('_', ' ')) if e.ending \
                    else _("in progress")
                sub = trn("{replace} · {n} turn played · {state} · {when}",
                          "{replace} · {n} turns played · {state} · {when}", e.turns_played,
                          replace=scn.title if scn else e.scenario_id.replace('_', ' '), state=state,
                          when=when(e.updated))
            if saving:
                action, tip = (lambda n=e.name: self._name(n, rebuild=True)), _("Use this name (replaces the save)")
            else:
                action, tip = (lambda p=e.path: self.load(p)), e.problem or tr("Load {name}", name=e.path.name)
            flow.add(Button(flow.take(h), key=f"save:{e.name}", label=e.name, sub=sub, align="left",
                            enabled=saving or not e.problem, tip=tip, on_click=action))
        out += flow.finish()
        return out

    def _name(self, value: str, rebuild: bool = False) -> None:
        self.name_text = value
        if rebuild:
            self.invalidate()

    def save(self) -> None:
        session = self.app.session
        if session is None:
            return
        try:
            path = session.save(self.name_text.strip() or None)
        except SaveError as exc:
            self.app.toast(tr("Not saved: {message_value}", message_value=exc.message), danger=True)
            return
        self.app.toast(tr("Saved as {name}.", name=path.name))
        self.app.pop()

    def load(self, path) -> None:
        from .title import open_save

        open_save(self.app, path)
