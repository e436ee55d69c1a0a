"""The briefing: your role, the situation, your aims, the parties and their leaders, your resources."""

from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.i18n.formats import localized, money, percent, percent_of
from game.present.dates import calendar_line, unit_phrase
from game.present.words import plural

from ..layout import Flow, columns, inset, rows
from ..theme import Theme
from ..widgets import Button, Label, Painter, TextBlock, Widget, panel, panel_header
from .base import Screen, body_rect, header
from .map import map_view, open_map, paint_map


class BriefingScreen(Screen):
    name = "briefing"

    def tick(self, ms: int) -> None:
        view = getattr(self.app.session, "map_view", None) if self.app.session is not None else None
        if view is not None:
            view.advance(ms)

    def __init__(self, app, in_game: bool = False) -> None:
        super().__init__(app)
        self.in_game = in_game

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        session = app.session
        assert session is not None
        scn = session.rules.scenario
        cal = scn.calendar
        sub = tr("{calendar} · seed {seed}", calendar=calendar_line(scn.period, cal.start, cal.end, session.rules.turns,
                                                                    cal.turn_unit), seed=session.game.seed)
        if session.session_code:
            sub += " · " + tr("session {code}", code=session.session_code)
        if session.player:
            sub += f" · {session.player}"
        out = header(app, self, rect, tr("Briefing — {title}", title=scn.title), sub)
        body = body_rect(app, rect)
        left, right = columns(body, [1.5, 1], theme.px(20))
        out.append(Painter(left, key="brief-bg", group="briefing",
                           paint=lambda s, r, th: panel(s, r, th, _("The situation"))))
        out.append(Painter(right, key="office-bg", group="briefing",
                           paint=lambda s, r, th: panel(s, r, th, _("Your office"))))
        out += self._story(left, theme)
        out += self._office(right, theme)
        return out

    def _column(self, rect: pygame.Rect, theme: Theme, bottom: int = 0) -> pygame.Rect:
        inner = inset(rect, theme.px(16), 0)
        inner.y += panel_header(theme)
        inner.h -= panel_header(theme) + theme.px(12) + bottom
        return inner

    def _story(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        scn = self.app.session.rules.scenario
        inner = self._column(rect, theme)
        flow = Flow(inner, "story", self.scroll, "story", theme.px(6), self.invalidate)
        pal = theme.palette

        def para(text: str, role: str = "body", colour=None, bold: bool = False, gap: int = 0) -> None:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, flow.width, role, bold)),
                               text=text, role=role, colour=colour, bold=bold))
            flow.skip(gap)

        brief = scn.briefing
        if brief.role:
            para(brief.role, "h3", pal.accent_hi, False, theme.px(6))
        para(brief.situation, gap=theme.px(10))
        para(_("Your aims"), "h3", pal.accent_hi, True)
        para(brief.aims, gap=theme.px(10))
        para(_("The parties"), "h3", pal.accent_hi, True)
        for p in scn.parties:
            leader = f" — {p.leader}" if p.leader else ""
            para(f"{p.name}{leader}", "body", None, True)
            if p.description:
                para(p.description, "small", pal.muted, gap=theme.px(4))
        return flow.finish()

    def _office(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        session = self.app.session
        rules = session.rules
        sg = rules.scenario.secretary_general
        unit = rules.scenario.calendar.turn_unit
        bh = theme.px(48)
        inner = self._column(rect, theme)
        out: list[Widget] = []
        if rules.scenario.map is not None:  # the theatre at the outset; G opens the full map view
            map_r, body, button = rows(inner, [int(inner.h * 0.42), None, bh], theme.px(12))
            view = map_view(session)
            scene = view.scene(session.game)
            out.append(Painter(map_r, key="brief-map", tip=_("The theatre at the outset: press G for the full map"),
                               paint=lambda s, r, th: paint_map(s, r, th, view, scene)))
        else:
            body, button = rows(inner, [None, bh], theme.px(12))
        flow = Flow(body, "office", self.scroll, "office", theme.px(4), self.invalidate)
        income = " (+" + unit_phrase("per", unit, amount=money(f"{sg.budget_per_turn:g}")) + ")" \
            if sg.budget_per_turn else ""
        facts = [
            (_("Secretary-General"), sg.name),
            (_("Prestige"), tr("{part} of {whole}", part=localized(f"{sg.prestige:g}"), whole=100)),
            (_("Budget"), money(f"{sg.budget:g}") + income),
            (_("Envoys"), f"{sg.envoys}"),
            (_("Attention"), tr("{plural_value} at once", plural_value=plural(sg.attention, 'initiative'))),
            (_("Intelligence"), percent(sg.intelligence)),
            (_("Coordination"), percent(sg.coordination)),
            (_("Visibility"), percent(sg.visibility)),
        ]
        lh = theme.line_height("body")
        kw = min(theme.px(150), body.w // 2)
        for k, v in facts:
            r = flow.take(lh)
            flow.add(Label(pygame.Rect(r.x, r.y, kw, lh), text=k, colour=theme.palette.muted))
            flow.add(Label(pygame.Rect(r.x + kw, r.y, r.w - kw - theme.px(8), lh), text=v,
                           bold=True))
        flow.skip(theme.px(10))
        if rules.council_ids:
            flow.add(Label(flow.take(theme.line_height("h3", True)), text=_("Security Council"), role="h3",
                           bold=True, colour=theme.palette.accent_hi))
            for name, member in zip(rules.council_names, rules.scenario.council, strict=True):
                r = flow.take(lh)
                veto = _(" (veto)") if member.permanent else ""
                flow.add(Label(pygame.Rect(r.x, r.y, r.w - theme.px(8), lh),
                               text=tr("{name}{veto}: support {support}", name=name, veto=veto,
                                       support=percent_of(format(member.support * 100, ".0f"))),
                               colour=theme.palette.muted))
            flow.skip(theme.px(10))
        n_ins = len(rules.instruments) + len(rules.proposals)
        note = (tr("{n_ins} instruments and proposals are open to you. Each turn, choose some, then end the turn; "
                   "the world answers and you see what changed and why.",
                   n_ins=n_ins))
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, note, flow.width, "small")), text=note,
                           role="small", colour=theme.palette.muted))
        out += flow.finish()
        label = _("Return to the crisis") if self.in_game else _("Take office")
        out.append(Button(button, key="begin", group="begin", label=label, kind="primary", on_click=self.begin,
                          hotkey="Enter", sound="turn"))
        return out

    def default_action(self) -> None:
        self.begin()

    def key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g:
            open_map(self)
            return True
        return False

    def begin(self) -> None:
        if self.in_game:
            self.app.pop()
            return
        from . import show_game

        self.app.session.autosave()
        show_game(self.app)
