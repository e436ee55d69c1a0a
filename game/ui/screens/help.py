"""Help and glossary: how to play (mouse and keyboard), each instrument, the escalation ladder, and the terms —
the game's own and the current scenario's."""

from __future__ import annotations

import pygame

from game.engine.instruments import SPECS
from game.i18n import N_, _, tr
from game.i18n.formats import percent_of
from game.present.words import cost_text, plural

from ..guide import EFFECTS, GLOSSARY, HOW_TO_PLAY, LADDER_TEXT
from ..icons import for_kind
from ..layout import Flow, inset, rows
from ..widgets import Button, Painter, TextBlock, Widget, panel
from .base import Screen, body_rect, header

# What an instrument is aimed at, in words (the spec holds an id).
TARGET_KINDS = {"pair": N_("a pair"), "party": N_("a party"), "none": N_("no one")}
TABS = (("play", N_("How to play")), ("instruments", N_("Instruments")), ("ladder", N_("The ladder")),
        ("glossary", N_("Glossary")))


class HelpScreen(Screen):
    name = "help"

    def __init__(self, app, tab: str = "play") -> None:
        super().__init__(app)
        self.tab = tab

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        out = header(app, self, rect, _("Help and glossary"), _("Tab / arrows move, Enter opens; Esc goes back"))
        body = body_rect(app, rect)
        tab_h = theme.px(42)
        tabs, content = rows(body, [tab_h, None], theme.px(12))
        tw = min(theme.px(200), (tabs.w - theme.px(8) * (len(TABS) - 1)) // len(TABS))
        for i, (key, label) in enumerate(TABS):
            out.append(Button(pygame.Rect(tabs.x + i * (tw + theme.px(8)), tabs.y, tw, tab_h), key=f"tab:{key}",
                              group="tabs", label=_(label), kind="tab", selected=key == self.tab, hotkey=str(i + 1),
                              on_click=lambda k=key: self.show(k)))
        out.append(Painter(content, key="p-help", group="panels", paint=lambda s, r, th: panel(s, r, th, "")))
        inner = inset(content, theme.px(20), theme.px(14))
        flow = Flow(inner, f"help-{self.tab}", self.scroll, "help", theme.px(6), self.invalidate)
        getattr(self, f"_{self.tab}")(flow)
        out += flow.finish()
        return out

    def _para(self, flow: Flow, text: str, role: str = "body", colour=None, bold: bool = False, indent: int = 0):
        theme = self.app.theme
        w = flow.width - theme.px(12) - indent
        r = flow.take(TextBlock.measure(theme, text, w, role, bold))
        flow.add(TextBlock(pygame.Rect(r.x + indent, r.y, w, r.h), text=text, role=role, colour=colour, bold=bold))

    def _play(self, flow: Flow) -> None:
        pal = self.app.theme.palette
        for title, text in HOW_TO_PLAY:
            self._para(flow, _(title), "h3", pal.accent_hi, True)
            self._para(flow, _(text))
            flow.skip(self.app.theme.px(6))

    def _instruments(self, flow: Flow) -> None:
        theme, pal = self.app.theme, self.app.theme.palette
        session = self.app.session
        unit = session.rules.scenario.calendar.turn_unit if session else "turn"
        icon = theme.px(28)
        for kind, spec in SPECS.items():
            r = flow.take(max(icon, theme.line_height("h3", True)))
            flow.add(Painter(pygame.Rect(r.x, r.y, icon, icon), key=f"icon:{kind}",
                             paint=lambda s, rr, th, k=kind: for_kind(k)(s, rr, th)))
            flow.add(TextBlock(pygame.Rect(r.x + icon + theme.px(10), r.y, r.w - icon - theme.px(10), r.h),
                               text=_(spec.name), role="h3", colour=pal.accent_hi, bold=True))
            timing = _("at once") if spec.delay == 0 else tr("after {delay}", delay=plural(spec.delay, unit))
            facts = (tr("Default cost: {cost_text} · acts {timing} · lasts {plural_value} · target: {target}",
                        cost_text=cost_text(spec.cost, spec.attention), timing=timing,
                        plural_value=plural(max(spec.duration, 1), unit),
                        target=_(TARGET_KINDS.get(spec.target, spec.target)))
                     + (_(" · public") if spec.public else ""))
            self._para(flow, _(spec.summary), indent=icon + theme.px(10))
            self._para(flow, facts, "small", pal.muted, indent=icon + theme.px(10))
            self._para(flow, _("Effect: ") + _(EFFECTS[kind]), "small", indent=icon + theme.px(10))
            flow.skip(theme.px(8))
        self._para(flow, _("Proposals"), "h3", pal.accent_hi, True)
        self._para(flow, _(EFFECTS["proposal"]))

    def _ladder(self, flow: Flow) -> None:
        from ..theme import ladder_colour

        theme = self.app.theme
        self._para(flow, _(LADDER_TEXT))
        flow.skip(theme.px(8))
        session = self.app.session
        ladder = session.rules.ladders[0] if session else (_("stable peace"), "tension", "crisis", "confrontation",
                                                           "brink", _("armed clashes"), "war", "catastrophe")
        top = len(ladder) - 1
        h = theme.line_height("body", True) + theme.px(8)
        for r, name in enumerate(ladder):
            def paint(s, rr, th, r=r, name=name) -> None:
                colour = ladder_colour(th.palette, r, top)
                w = max(th.px(60), round(rr.w * (0.35 + 0.65 * r / max(1, top))))
                pygame.draw.rect(s, colour, (rr.x, rr.y, w, rr.h), border_radius=th.px(4))
                img = th.text(f"{r}  {name}", "body", th.palette.bg_deep, True)
                s.blit(img, (rr.x + th.px(10), rr.centery - img.get_height() // 2))

            flow.add(Painter(flow.take(h), key=f"rung:{r}", paint=paint))

    def _glossary(self, flow: Flow) -> None:
        """The scenario's own terms first (when a game is open), then the game's."""
        theme, pal = self.app.theme, self.app.theme.palette
        session = self.app.session
        sections = []
        if session is not None and session.rules.scenario.glossary:
            sections.append((tr("In {title}", title=session.rules.scenario.title),
                             [(g.term, g.definition) for g in session.rules.scenario.glossary]))
        sections.append((_("The game's terms"), [(_(term), _(text).replace("{p}", percent_of("90"))) for term,
                                                 text in GLOSSARY]))
        for heading, entries in sections:
            self._para(flow, heading, "h3", pal.accent_hi, True)
            for term, definition in entries:
                self._para(flow, term, "body", pal.text, True)
                self._para(flow, definition, "body", pal.muted, indent=theme.px(16))
            flow.skip(theme.px(10))

    def show(self, tab: str) -> None:
        self.tab = tab
        self.invalidate()

    def key(self, event: pygame.event.Event) -> bool:
        n = event.key - pygame.K_1
        if 0 <= n < len(TABS):
            self.show(TABS[n][0])
            return True
        return False
