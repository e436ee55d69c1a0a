"""The scenario picker: every shipped scenario with its period, length and difficulty, and the chosen one's
summary; an optional seed, or a teacher's session code, so a class can share one world; the player's name and
facilitator mode."""

from __future__ import annotations

import pygame

from game.i18n import _, tr, trn
from game.present.dates import calendar_line, period_text
from game.present.news import difficulty_words
from game.sim.session import SessionCodeError, decode, encode, shipped_tags
from game.typed import parse_whole

from ..layout import Flow, columns, inset, rows
from ..session import ScenarioEntry, Session
from ..theme import Theme
from ..widgets import Button, Label, Painter, TextBlock, TextInput, Widget, panel, panel_header
from .base import Screen, body_rect, chip, header

DIFFICULTY_COLOUR = {"introductory": "good", "standard": "warn", "hard": "danger"}


class PickerScreen(Screen):
    name = "picker"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.selected = 0
        self.seed_text = ""
        self.code_text = ""
        self.player = ""
        self.facilitator = app.settings.facilitator
        self.problem = ""  # why the session code cannot be used, shown above the controls

    @property
    def entry(self) -> ScenarioEntry | None:
        entries = self.app.scenarios
        return entries[min(self.selected, len(entries) - 1)] if entries else None

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        out = header(app, self, rect, _("Choose a crisis"),
                     trn("{n} scenario installed", "{n} scenarios installed", len(app.scenarios)))
        body = body_rect(app, rect)
        left, right = columns(body, [1.15, 1.25], theme.px(20))
        out.append(Painter(left, key="list-bg", group="picker", paint=lambda s, r, th: panel(s, r, th, _("Scenarios"))))
        out.append(Painter(right, key="detail-bg", group="picker",
                           paint=lambda s, r, th: panel(s, r, th, _("Briefing note"))))
        out += self._list(inset(left, theme.px(12), 0).inflate(0, 0), theme)
        out += self._detail(right, theme)
        return out

    def _list(self, area: pygame.Rect, theme: Theme) -> list[Widget]:
        top = area.y + panel_header(theme)
        inner = pygame.Rect(area.x, top, area.w, area.bottom - top - theme.px(12))
        flow = Flow(inner, "list", self.scroll, "scenarios", theme.px(8), self.invalidate)
        if not self.app.scenarios:
            flow.add(TextBlock(flow.take(theme.px(80)), text=_("No scenarios are installed: put a scenario file "
                                                               "in the scenarios/ folder."),
                               colour=theme.palette.muted))
        for i, e in enumerate(self.app.scenarios):
            hotkey = str(i + 1) if i < 9 else ""
            room = Button.text_width(theme, flow.width, theme.px(60), False, hotkey)
            lines = 1 if theme.width(e.scenario.title, "h3") <= room else 2
            h = lines * theme.line_height("h3") + theme.line_height("small") + theme.px(20)
            sub = (f"{period_text(e.scenario.period, e.turns, e.scenario.calendar.turn_unit)} · "
                   f"{difficulty_words(e.scenario.difficulty)}")
            flow.add(Button(flow.take(h), key=f"scenario:{e.id}", label=e.scenario.title, sub=sub, align="left",
                            role="h3", selected=i == self.selected, on_click=lambda i=i: self.pick(i), lines=lines,
                            hotkey=hotkey, tip=f"{e.scenario.title} ({sub}). {e.scenario.summary}"))
        return flow.finish()

    def _detail(self, right: pygame.Rect, theme: Theme) -> list[Widget]:
        e = self.entry
        out: list[Widget] = []
        inner = inset(right, theme.px(16), 0)
        inner.y += panel_header(theme)
        inner.h -= panel_header(theme) + theme.px(14)
        bh = theme.px(46)
        gap = theme.px(8)
        problem_h = TextBlock.measure(theme, self.problem, inner.w, "small") if self.problem else 0
        body, controls = rows(inner, [None, 2 * bh + gap + problem_h + (gap if problem_h else 0)], theme.px(12))
        if e is None:
            return out
        scn = e.scenario
        flow = Flow(body, "detail", self.scroll, "detail", theme.px(8), self.invalidate)
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, scn.title, flow.width, "h1", True)), text=scn.title,
                           role="h1", bold=True))
        cal = scn.calendar
        meta = calendar_line(scn.period, cal.start, cal.end, e.turns, cal.turn_unit)
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, meta, flow.width, "body")), text=meta,
                           colour=theme.palette.muted))
        diff = difficulty_words(scn.difficulty)
        colour_name = DIFFICULTY_COLOUR.get(scn.difficulty, "accent")
        ch = theme.line_height("small", True) + theme.px(8)
        cw = theme.width(diff.upper(), "small", True) + theme.px(24)
        row = flow.take(ch)
        flow.add(Painter(pygame.Rect(row.x, row.y, cw, ch), key="difficulty",
                         paint=lambda s, r, th: chip(s, r, th, diff.upper(), getattr(th.palette, colour_name))))
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, scn.summary, flow.width)), text=scn.summary))
        parties = _("Parties: ") + ", ".join(p.name for p in scn.parties)
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, parties, flow.width, "small")), text=parties,
                           role="small", colour=theme.palette.muted))
        out += flow.finish()
        if problem_h:
            out.append(TextBlock(pygame.Rect(controls.x, controls.y, controls.w, problem_h), key="problem",
                                 group="controls", text=self.problem, role="small", colour=theme.palette.danger))
        top = pygame.Rect(controls.x, controls.bottom - 2 * bh - gap, controls.w, bh)
        low = pygame.Rect(controls.x, controls.bottom - bh, controls.w, bh)
        out += self._field(top, "seed", _("Seed"), self.seed_text, "random", self._seed, 9, 0.4,
                           _("Same seed, same world: a class can all play the same crisis."), allowed=_is_digit)
        out += self._field(pygame.Rect(top.x + int(top.w * 0.4) + gap, top.y, top.w - int(top.w * 0.4) - gap, bh),
                           "code", _("Session code"), self.code_text, _("from your teacher"), self._code, 16, 1.0,
                           _("Your teacher's code (e.g. RIVE-0K3M) starts the class's world, whatever is chosen "
                             "above."))
        compact = low.w < theme.px(560)
        start_w = min(theme.px(230), int(low.w * 0.38))
        fac_w = min(theme.px(150), low.w // 4)
        out += self._field(pygame.Rect(low.x, low.y, low.w - start_w - fac_w - 2 * gap, bh), "player", _("Your "
                                                                                                         "name"),
                           self.player, "" if compact else "optional", self._player, 40, 1.0,
                           _("Your name goes into your saves and your debrief report."))
        out.append(Button(pygame.Rect(low.right - start_w - fac_w - gap, low.y, fac_w, bh), key="facilitator",
                          group="controls", label=("☑ " if self.facilitator else "☐ ") + _("Facilitator"),
                          selected=self.facilitator, on_click=self._toggle_facilitator,
                          tip=_("Facilitator mode, for a teacher with a class: pauses at discussion points; F9 "
                                "fires events, sets a party's decision or holds a class vote.")))
        out.append(Button(pygame.Rect(low.right - start_w, low.y, start_w, bh), key="start",
                          group="controls", label=_("Read the briefing"), kind="primary", on_click=self.start,
                          hotkey="" if compact else _("Enter"), sound="select"))
        return out

    def _field(self, rect: pygame.Rect, key: str, label: str, value: str, placeholder: str, on_change,
               max_length: int, share: float, tip: str, allowed=None) -> list[Widget]:
        """A small label and a text field side by side, in `share` of `rect`'s width."""
        theme = self.app.theme
        w = int(rect.w * share)
        label_w = theme.width(label, "small") + theme.px(10)
        return [Label(pygame.Rect(rect.x, rect.y, label_w, rect.h), group="controls", text=label, role="small",
                      colour=theme.palette.muted),
                TextInput(pygame.Rect(rect.x + label_w, rect.y, w - label_w, rect.h), key=key, group="controls",
                          value=value, placeholder=placeholder, on_change=on_change, on_submit=self.start,
                          max_length=max_length, tip=tip, allowed=allowed)]

    def _code(self, value: str) -> None:
        self.code_text = value
        if self.problem:
            self.problem = ""
            self.invalidate()

    def _player(self, value: str) -> None:
        self.player = value

    def _toggle_facilitator(self) -> None:
        self.facilitator = not self.facilitator
        self.invalidate()

    def _from_code(self) -> tuple[ScenarioEntry, int, str, bool] | None:
        """The scenario, seed, code (written in full) and facilitator flag the session code names; None, with the
        reason shown, when it names none."""
        tags = shipped_tags()
        try:
            shared = decode(self.code_text, tags)
        except SessionCodeError as exc:
            self.problem = exc.message
            self.invalidate()
            return None
        entry = next((e for e in self.app.scenarios if e.id == shared.scenario_id), None)
        if entry is None:
            self.problem = (tr("session code {strip} is for '{scenario_id}', which is not installed here",
                               strip=self.code_text.strip(), scenario_id=shared.scenario_id))
            self.invalidate()
            return None
        return entry, shared.seed, encode(shared, tags), shared.facilitator

    def _seed(self, value: str) -> None:
        self.seed_text = "".join(ch for ch in value if _is_digit(ch))

    def pick(self, index: int) -> None:
        if index == self.selected:
            self.start()
            return
        self.selected = index
        self.scroll["detail"] = 0
        self.invalidate()

    def key(self, event: pygame.event.Event) -> bool:
        if pygame.K_1 <= event.key <= pygame.K_9 and event.key - pygame.K_1 < len(self.app.scenarios):
            self.selected = event.key - pygame.K_1
            self.invalidate()
            return True
        return False

    def default_action(self) -> None:
        self.start()

    def start(self) -> None:
        entry = self.entry
        if entry is None:
            self.app.toast(_("No scenario to start."), danger=True)
            return
        seed = parse_whole(self.seed_text, 0) if self.seed_text else None
        code, facilitator = "", self.facilitator
        if self.code_text.strip():
            found = self._from_code()
            if found is None:
                return
            entry, seed, code, facilitator = found[0], found[1], found[2], found[3] or facilitator
        self.app.session = Session.new(entry, self.app.saves_dir, seed, session_code=code,
                                       player=self.player.strip(), facilitator=facilitator)
        from .briefing import BriefingScreen

        self.app.push(BriefingScreen(self.app))


def _is_digit(char: str) -> bool:
    """A digit a seed may hold: 0-9 only ('²' and other Unicode digits are no number)."""
    return char in "0123456789"
