"""Settings: window size or full screen, type size, colour-blind-safe palette, sound and the crisis cues,
projector view and facilitator mode. Applied at once and kept in settings.json beside the saves."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import LANGUAGES, NAMES, _, tr
from game.i18n import current as current_language
from game.i18n.formats import percent

from ..layout import Flow, inset
from ..settings import TYPE_SIZES, WINDOW_SIZES, Settings
from ..widgets import Button, Label, Painter, TextBlock, Widget, panel
from .base import Screen, body_rect, header


class SettingsScreen(Screen):
    name = "settings"

    def rows(self) -> list[tuple[str, str, list[tuple[str, str, Settings, bool]]]]:
        s = self.app.settings
        sizes = [(f"size:{w}x{h}", f"{w}×{h}", replace(s, width=w, height=h, fullscreen=False),
                  not s.fullscreen and (s.width, s.height) == (w, h)) for w, h in WINDOW_SIZES]
        sizes.append(("size:full", _("Full screen"), replace(s, fullscreen=True), s.fullscreen))
        chosen = s.language or current_language().code
        languages = [(f"language:{code}", NAMES[code], replace(s, language=code), chosen == code)
                     for code in LANGUAGES]
        return [
            (_("Window"), _("The window can also be resized by dragging its edge (down to 1024×640)."), sizes),
            (_("Type size"), _("Larger type for projectors and tired eyes; long panels scroll. A narrow window caps "
                            "it so that the turn screen keeps its three columns."),
             [(f"type:{t:g}", percent(t), replace(s, type_scale=t), s.type_scale == t) for t in TYPE_SIZES]),
            (_("Colours"), _("The colour-blind-safe palette (Okabe–Ito) keeps danger, ladder and charts distinct."),
             [("colours:standard", _("Standard"), replace(s, colour_blind=False), not s.colour_blind),
              ("colours:safe", _("Colour-blind safe"), replace(s, colour_blind=True), s.colour_blind)]),
            (_("Sound"), _("Soft clicks, a chime at each turn, an alert when the crisis worsens; with the crisis "
                           "cues, a falling tone when a dispute climbs a rung, a rising one when it comes down, a "
                           "bright chord when a deal is struck."),
             [("sound:on", _("On, with cues"), replace(s, sound=True, cues=True), s.sound and s.cues),
              ("sound:nocues", _("On, no cues"), replace(s, sound=True, cues=False), s.sound and not s.cues),
              ("sound:off", _("Off"), replace(s, sound=False), not s.sound)]),
            (_("Projector view"), _("Large type and high contrast for a classroom projector."),
             [("projector:off", _("Off"), replace(s, projector=False), not s.projector),
              ("projector:on", _("On"), replace(s, projector=True), s.projector)]),
            (_("Facilitator mode"), _("For a teacher running the game with a class: pauses at the scenario's "
                                   "discussion points, and F9 opens the facilitator's panel (inject an event, "
                                   "override a party, hold a class vote)."),
             [("facilitator:off", _("Off"), replace(s, facilitator=False), not s.facilitator),
              ("facilitator:on", _("On"), replace(s, facilitator=True), s.facilitator)]),
            (_("Language"), _("The game, its reports and the scenarios that have a translation. Saves and session "
                              "codes do not depend on it: a class can play one session in several languages."),
             languages),
        ]

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        out = header(app, self, rect, _("Settings"), _("Changes apply at once and are remembered"))
        body = body_rect(app, rect)
        out.append(Painter(body, key="p-settings", group="panels", paint=lambda s, r, th: panel(s, r, th, "")))
        inner = inset(body, theme.px(20), theme.px(16))
        flow = Flow(inner, "settings", self.scroll, "settings", theme.px(8), self.invalidate)
        bh = theme.px(42)
        for title, note, options in self.rows():
            flow.add(Label(flow.take(theme.line_height("h3", True)), text=title, role="h3", bold=True))
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, note, flow.width, "small")),
                               text=note, role="small", colour=theme.palette.muted))
            min_w = max(theme.width(label, "label") for __, label, __, __ in options) + theme.px(36)
            per_row = max(1, (flow.width + theme.px(8)) // (min_w + theme.px(8)))
            per_row = min(per_row, len(options))
            w = min(theme.px(200), (flow.width - theme.px(8) * (per_row - 1)) // per_row)
            for i, (key, label, value, current) in enumerate(options):
                if i % per_row == 0:
                    row = flow.take(bh)
                r = pygame.Rect(row.x + (i % per_row) * (w + theme.px(8)), row.y, w, bh)
                flow.add(Button(r, key=key, label=label, selected=current, on_click=lambda v=value: self.apply(v)))
            if title == _("Sound"):
                r = flow.take(bh)
                tests = (("test-sound", _("Test sound"), "success", _("Plays the success chime")),
                         ("test-rung", _("A rung climbed"), "rung_up",
                          _("Plays the cue for a dispute climbing a rung")),
                         ("test-deal", _("A deal struck"), "deal", _("Plays the cue for a deal struck")))
                bw = min(theme.px(200), (r.w - theme.px(8) * 2) // 3)
                for i, (key, label, name, tip) in enumerate(tests):
                    flow.add(Button(pygame.Rect(r.x + i * (bw + theme.px(8)), r.y, bw, bh), key=key, label=label,
                                    on_click=lambda n=name: app.sounds.play(n),
                                    tip=tr("{tip} (silent when sound is off)", tip=tip)))
            flow.skip(theme.px(14))
        out += flow.finish()
        return out

    def apply(self, value: Settings) -> None:
        self.app.apply_settings(value)
        self.invalidate()
