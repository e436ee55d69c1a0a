"""The turn screen: the crisis at a glance (ladder, parties, office, Council, initiatives, news), the
instruments with their costs and effects, this turn's orders and answers, and End turn."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from game.engine import Action, IllegalAction
from game.engine.observation import Observation
from game.i18n import _, tr, trn
from game.i18n.formats import labelled, localized, percent_of
from game.present.conditions import requirement_text
from game.present.dates import capitalised, turn_date, turn_heading, unit_count, unit_name, unit_phrase
from game.present.estimates import estimates_note
from game.present.known import player_view, secret_pairs
from game.present.leaders import mood
from game.present.news import intention_words, news_by_date
from game.present.odds import issue_words, odds_lines, wear_note
from game.present.office import commitment_text, office_lines
from game.present.opinion import gauges, panel_tip
from game.present.opinion import heading as opinion_heading
from game.present.reactions import reactions
from game.present.refusals import refusal_text
from game.present.underway import Outcomes, underway
from game.present.values import sentence_start
from game.present.words import (
    action_cost,
    action_label,
    cost_text,
    mode_name,
    pair_name,
    plural,
    target_name,
    timing_text,
)
from game.scenario.calendar import turn_of
from game.sim.odds import OddsBook

from .. import cards, icons
from ..guide import EFFECTS
from ..layout import Flow, columns, inset, rows
from ..session import RemoteError
from ..theme import Theme
from ..widgets import Button, Label, Painter, TextBlock, Widget, panel, panel_header
from .base import Screen, emblem
from .map import map_button, open_map

HOTKEYS = "1234567890"
WAIT_KEY = "W"


@dataclass(frozen=True)
class Option:
    """An instrument or a proposal as the instrument panel lists it."""

    key: str
    kind: str  # instrument kind, or "proposal"
    name: str
    targets: tuple[str | None, ...]
    modes: tuple[str | None, ...]


class TurnScreen(Screen):
    name = "turn"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.selected: str | None = None
        self.target: str | None = None
        self.mode: str | None = None
        self.prompted_turn = -1
        self._obs: Observation | None = None
        self._odds: OddsBook | None = None
        self._outcomes = Outcomes()  # the results on initiatives, read from the reports once each
        self._reveal: str | None = None  # an option chosen by its key, to scroll into view when next drawn

    @property
    def session(self):
        return self.app.session

    @property
    def game(self):
        return self.app.session.game

    def on_enter(self) -> None:
        super().on_enter()
        game = self.game
        if game.done:
            return
        if self.app.facilitating and self.pause_for_discussion():
            return
        unanswered = [key for key, __, __ in game.pending() if key not in self.session.choices]
        if unanswered and self.prompted_turn != game.turn:
            self.prompted_turn = game.turn
            self.open_events()

    # -- options ---------------------------------------------------------------------------------------------
    def options(self) -> list[Option]:
        rules = self.session.rules
        out = []
        for key, ins in rules.instruments.items():
            targets: tuple[str | None, ...] = (
                tuple(rules.pair_ids) if ins.target == "pair" else tuple(rules.party_ids) if ins.target == "party"
                else (None,))
            out.append(Option(key, ins.kind, ins.name, targets, (None,)))
        for key, prop in rules.proposals.items():
            out.append(Option(key, "proposal", prop.name, (None,), tuple(prop.modes)))
        return out

    def actions_of(self, option: Option) -> list[Action]:
        return [Action(option.key, t, m) for t in option.targets for m in option.modes]

    def first_reason(self, option: Option) -> str | None:
        """None when some target/mode of the option can be ordered now, else the reason for the first one."""
        reasons = [self.session.why_not(a) for a in self.actions_of(option)]
        return None if any(r is None for r in reasons) else reasons[0]

    def current_option(self) -> Option | None:
        return next((o for o in self.options() if o.key == self.selected), None)

    def select(self, key: str) -> None:
        option = next((o for o in self.options() if o.key == key), None)
        if option is None:
            return
        self.selected = key
        legal = [a for a in self.actions_of(option) if self.session.why_not(a) is None]
        first = legal[0] if legal else self.actions_of(option)[0]
        self.target, self.mode = first.target, first.mode
        self.scroll["detail"] = 0
        self._reveal = key
        self.invalidate()

    def current_action(self) -> Action | None:
        if self.selected is None:
            return None
        return Action(self.selected, self.target, self.mode)

    # -- building --------------------------------------------------------------------------------------------
    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        self._obs = obs = player_view(self.game)
        bar_h = theme.px(64)
        out = self._top_bar(pygame.Rect(rect.x, rect.y, rect.w, bar_h), theme, obs)
        body = inset(pygame.Rect(rect.x, rect.y + bar_h, rect.w, rect.h - bar_h), theme.px(12), theme.px(10))
        gap = theme.px(10)
        left, middle, right = columns(body, [1.0, 1.15, 1.0], gap)
        out += self._left(left, theme, obs, gap)
        out += self._middle(middle, theme, gap)
        out += self._right(right, theme, obs, gap)
        return out

    def _top_bar(self, bar: pygame.Rect, theme: Theme, obs: Observation) -> list[Widget]:
        rules = self.session.rules
        pad = theme.px(12)
        unit = rules.scenario.calendar.turn_unit
        left_turns = obs.turns - obs.turn

        def paint(surface: pygame.Surface, r: pygame.Rect, th: Theme) -> None:
            pygame.draw.rect(surface, th.palette.bg_deep, r)
            emblem(surface, (r.x + pad + th.px(18), r.centery), th.px(18), th.palette.accent)
            pygame.draw.line(surface, th.palette.accent, (r.x, r.bottom - 1), (r.right, r.bottom - 1), 2)

        out: list[Widget] = [Painter(bar, key="topbar", group="top-bg", paint=paint)]
        menu_w = theme.px(96)
        help_w = theme.px(44)
        advisor_w = theme.px(104)
        right_edge = bar.right - pad
        bh = bar.h - theme.px(18)
        by = bar.centery - bh // 2
        compact = bar.w < theme.px(1200)
        if compact:
            menu_w, advisor_w = theme.px(70), theme.px(84)
        out.append(Button(pygame.Rect(right_edge - menu_w, by, menu_w, bh), key="menu", group="top", label=_("Menu"),
                          hotkey="" if compact else _("Esc"), on_click=self.open_menu,
                          tip=_("Save, load, settings, briefing, quit (Esc)")))
        out.append(Button(pygame.Rect(right_edge - menu_w - theme.px(8) - help_w, by, help_w, bh), key="help",
                          group="top", label="?", on_click=self.open_help, tip=_("Help and glossary (F1)")))
        out.append(Button(pygame.Rect(right_edge - menu_w - help_w - advisor_w - theme.px(16), by, advisor_w, bh),
                          key="advisor", group="top", label=_("Advisor"), hotkey="" if compact else "F2",
                          on_click=self.open_advisor,
                          tip=_("Your staff's estimate of each move's chances, with their uncertainty (F2)")))
        buttons_w = menu_w + help_w + advisor_w + theme.px(24)
        if rules.scenario.map is not None:
            map_w = theme.px(64) if compact else theme.px(84)
            out.append(map_button(pygame.Rect(right_edge - buttons_w - map_w, by, map_w, bh), self,
                                  hotkey="" if compact else "G"))
            buttons_w += map_w + theme.px(8)
        if self.app.facilitating:
            fac_w = theme.px(64) if compact else theme.px(124)
            out.append(Button(pygame.Rect(right_edge - buttons_w - fac_w, by, fac_w, bh), key="facilitator",
                              group="top", label=_("Class") if compact else _("Facilitator"),
                              hotkey="" if compact else "F9",
                              kind="primary", on_click=self.open_facilitator,
                              tip=_("Facilitator: fire an event, set a party's decision, hold a class vote (F9)")))
            buttons_w += fac_w + theme.px(8)
        text_x = bar.x + pad + theme.px(36) + theme.px(12)
        avail = right_edge - buttons_w - text_x
        date = tr("{unit} {n} of {turns} · {date} · {left}", unit=unit_name(unit), n=min(obs.turn + 1, obs.turns),
                  turns=obs.turns, date=turn_date(rules, obs.turn), left=unit_count("left", left_turns, unit))
        if self.session.session_code:  # first, so that a narrow bar cuts the turns left rather than the code
            date = tr("Session {session_code} · {date}", session_code=self.session.session_code, date=date)
        committed = self.game.committed(self.session.orders, self.session.choices)
        res = office_lines(rules, obs.office, committed)
        # The resources come first: each chip has room for 'now → after orders' (the same room all turn, so
        # queuing an order does not move the bar); the title takes what is left, in smaller type if it must.
        icon_room = min(bh - theme.px(14), theme.px(22)) + theme.px(30)
        steady = [replace(r, after=r.now) for r in res]
        needs = [icon_room + max(theme.width(r.short, "body", True), theme.width(r.label, "small")) for r in steady]
        gaps = theme.px(6) * (len(res) - 1)
        whole = theme.width(rules.scenario.title, "small", True)
        two_lines = int(whole * 0.55)  # the title may take two lines of small type: it needs only about half
        if len(theme.wrap(rules.scenario.title, two_lines, "small", True)) > 2:
            two_lines = whole
        wanted = max(two_lines, theme.width(date, "small")) + theme.px(8)
        chips_w = min(sum(needs) + gaps, int(avail * 0.72))
        if avail - chips_w - theme.px(8) < wanted:  # the chips give up their icons before the date line is cut
            chips_w = max(avail - wanted - theme.px(8), sum(needs) + gaps - len(res) * (icon_room - theme.px(22)))
        title_w = max(min(wanted, avail - chips_w - theme.px(8)), int(avail * 0.28))
        chips_w = avail - title_w - theme.px(8)
        spare = chips_w - gaps - sum(needs)
        widths = [n + spare // len(res) for n in needs]
        title = rules.scenario.title
        title_role = next((r for r in ("h3", "body", "small") if theme.width(title, r, True) <= title_w), "")
        h2 = theme.line_height("small")
        if title_role:
            h1 = theme.line_height("h3", True)
            ty = bar.centery - (h1 + h2) // 2
            out.append(Label(pygame.Rect(text_x, ty, title_w, h1), group="top", text=title, role=title_role,
                             bold=True))
        elif len(theme.wrap(title, title_w, "small", True)) <= 2:  # two lines of small type rather than a cut
            h1 = TextBlock.measure(theme, title, title_w, "small", True)
            ty = bar.centery - (h1 + h2) // 2
            out.append(TextBlock(pygame.Rect(text_x, ty, title_w, h1), group="top", text=title, role="small",
                                 bold=True, tip=title))
        else:  # large type on a narrow window: one line, cut, with the whole title as its tooltip
            h1 = theme.line_height("small", True)
            ty = bar.centery - (h1 + h2) // 2
            out.append(Label(pygame.Rect(text_x, ty, title_w, h1), group="top", text=title, role="small", bold=True))
        if theme.width(date, "small") > title_w and not self.session.session_code:  # the turns left go first
            date = tr("{unit} {n} of {turns} · {date}", unit=unit_name(unit), n=min(obs.turn + 1, obs.turns),
                      turns=obs.turns, date=turn_date(rules, obs.turn))
        out.append(Label(pygame.Rect(text_x, ty + h1, title_w, h2), group="top", text=date, role="small",
                         colour=self.app.theme.palette.accent_hi))
        cx = text_x + title_w + theme.px(8)
        tips = {
            "prestige": _("Political capital (0–100): spent by acting, earned by success; scales every instrument."),
            "budget": _("Discretionary money (US$ millions) for missions, early warning and deployments."),
            "envoys": _("Envoys not tied up by a mission now."),
            "attention": _("Initiatives you can still start this turn; emergencies elsewhere take slots away."),
        }
        for r, cw in zip(res, widths, strict=True):
            now = labelled(r.label.capitalize(), r.now) + (tr(" now, {after} after this turn's orders and answers",
                                                           after=r.after)
                                                        if r.after is not None else "") + ". "
            box = pygame.Rect(cx, by, cw, bh)
            out.append(Painter(box, key=f"res:{r.kind}", group="top", tip=now + tips[r.kind],
                               paint=lambda s, rr, th, item=r: cards.paint_resource(s, rr, th, item)))
            cx += cw + theme.px(6)
        return out

    # -- left: the ladder and the parties ---------------------------------------------------------------------------
    def _left(self, col: pygame.Rect, theme: Theme, obs: Observation, gap: int) -> list[Widget]:
        rules = self.session.rules
        card_h = cards.pair_card_height(theme)
        need = panel_header(theme) + len(obs.pairs) * (card_h + theme.px(8)) + theme.px(6)
        esc_h = min(need, int(col.h * 0.5))
        top, bottom = rows(col, [esc_h, None], gap)
        out: list[Widget] = self._progress(bottom, theme, obs, gap)
        if out:
            bottom = pygame.Rect(bottom.x, out[0].rect.bottom + gap, bottom.w, bottom.bottom - out[0].rect.bottom - gap)
        out += [
            Painter(top, key="p-escalation", group="panels", paint=lambda s, r, th: panel(s, r, th, _("Escalation"))),
            Painter(bottom, key="p-parties", group="panels",
                    paint=lambda s, r, th: panel(s, r, th, _("Parties — your estimates"))),
        ]
        flow = Flow(self._inner(top, theme), "pairs", self.scroll, "pairs", theme.px(8), self.invalidate)
        hidden = secret_pairs(rules, obs)
        for pair in obs.pairs:
            title = pair_name(rules, pair.id)
            ladder = " → ".join(f"{n}" + (_(" ◀ now") if i == pair.rung else "") for i, n in enumerate(pair.ladder))
            tip = (tr("{title}: {rung_name} (rung {rung}). Ladder: {ladder}. The band under it is your analysts' "
                      "estimate of the hidden pressure toward the next rung (90% band).",
                      title=title, rung_name=pair.rung_name, rung=pair.rung, ladder=ladder)
                   + " " + sentence_start(cards.pressure_note(pair, pair.id in hidden)) + ".")
            flow.add(Painter(flow.take(card_h), key=f"pair:{pair.id}", tip=tip,
                             paint=lambda s, r, th, p=pair, t=title, h=pair.id in hidden: cards.paint_pair(
                                 s, r, th, p, t, h)))
        out += flow.finish()
        unit = rules.scenario.calendar.turn_unit
        flow = Flow(self._inner(bottom, theme), "parties", self.scroll, "parties", theme.px(8), self.invalidate)
        note = estimates_note(obs, unit, [attr for attr, _label in cards.ESTIMATE_LABELS])
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, note, flow.width, "small")), text=note, role="small",
                           colour=theme.palette.faint))
        leaders = {p.id: p.leader or "" for p in rules.scenario.parties}
        initials = {p.id: p.initials or "" for p in rules.scenario.parties}
        said = {r.party: r for r in reactions(self.game, obs=obs)}
        for party in obs.parties:
            said_now = said.get(party.id)
            reaction = (said_now.text, said_now.tone) if said_now else None
            ph = cards.party_card_height(theme, len(cards.reaction_lines(theme, reaction[0], flow.width))
                                         if reaction else 0)
            leader = leaders.get(party.id, "")
            who = f"{party.name} ({leader})" if leader else party.name
            trust = party.estimates.get("trust")
            feeling = tr("Its leader is {value}, as far as your estimate of its trust in you shows. ",
                         value=mood(trust.value)[0]) \
                if trust is not None else ""
            tip = (tr("{who}: the bars are estimates with their 90% band. {feeling}", who=who, feeling=feeling)
                   + (tr("Recent contact shows it intends to {intention}.",
                         intention=intention_words(party.intention)) if party.intention else
                      _("Its intention is unknown: good offices, an envoy, Track II or a visit would reveal it."))
                   + (" " + capitalised(unit_phrase("last", unit, what=reaction[0]))
                      if reaction else ""))
            flow.add(Painter(flow.take(ph), key=f"party:{party.id}", tip=tip,
                             paint=lambda s, r, th, p=party, re=reaction: cards.paint_party(
                                 s, r, th, p, leaders.get(p.id, ""), obs.turn, unit, re, initials.get(p.id))))
        out += flow.finish()
        return out

    def _progress(self, area: pygame.Rect, theme: Theme, obs: Observation, gap: int) -> list[Widget]:
        """The scenario's progress tracks (voters registered, troops withdrawn…) as one card at the top of `area`;
        nothing when it has none the player can see."""
        from game.present.tracks import track_reading

        rules = self.session.rules
        tracks = cards.shown_tracks(obs.tracks)
        if not tracks:
            return []
        h = min(panel_header(theme) + cards.tracks_card_height(theme, len(tracks)) + theme.px(10), area.h // 2)
        rect = pygame.Rect(area.x, area.y, area.w, h)
        values = [track_reading(rules, t) for t in tracks]
        about = {t.key: t.description for t in rules.tracks}
        tip = " · ".join(labelled(t.name, about[t.id] or v) + (_(" (an estimate, 90% band)") if t.estimate else "")
                         for t, v in zip(tracks, values, strict=True))
        inner = self._inner(rect, theme)
        return [
            Painter(rect, key="p-progress", group="panels", paint=lambda s, r, th: panel(s, r, th, _("Progress"))),
            Painter(inner, key="tracks", tip=tip,
                    paint=lambda s, r, th: cards.paint_tracks(s, r, th, tracks, values)),
        ]

    def _inner(self, rect: pygame.Rect, theme: Theme, bottom: int = 0) -> pygame.Rect:
        head = panel_header(theme)
        return pygame.Rect(rect.x + theme.px(10), rect.y + head, rect.w - theme.px(20),
                           rect.h - head - theme.px(10) - bottom)

    # -- middle: instruments and the chosen one's details ----------------------------------------------------------
    def _middle(self, col: pygame.Rect, theme: Theme, gap: int) -> list[Widget]:
        opts = self.options()
        keys = self.hotkeys()
        inner_w = col.w - theme.px(30)
        per_row = max(1, (inner_w + theme.px(6)) // (theme.px(170) + theme.px(6)))
        cell_h = self._cell_height(theme, opts, (inner_w - theme.px(6) * (per_row - 1)) // per_row)
        rows_needed = (len(opts) + per_row - 1) // per_row
        need = panel_header(theme) + rows_needed * (cell_h + theme.px(6)) + theme.px(8)
        ins_h = min(need, int(col.h * 0.58))
        top, bottom = rows(col, [ins_h, None], gap)
        out: list[Widget] = [
            Painter(top, key="p-instruments", group="panels",
                    paint=lambda s, r, th: panel(s, r, th, _("Instruments (1–9, 0 · W wait)"))),
            Painter(bottom, key="p-detail", group="panels", paint=lambda s, r, th: panel(s, r, th, _("Details"))),
        ]
        inner = self._inner(top, theme)
        flow = Flow(inner, "instruments", self.scroll, "instruments", theme.px(6), self.invalidate)
        w = (flow.width - theme.px(6) * (per_row - 1)) // per_row
        rules = self.session.rules
        chosen: pygame.Rect | None = None
        for i, opt in enumerate(opts):
            if i % per_row == 0:
                row = flow.take(cell_h)
            cell = pygame.Rect(row.x + (i % per_row) * (w + theme.px(6)), row.y, w, cell_h)
            reason = self.first_reason(opt)
            cost = cost_text(rules.proposals[opt.key].cost) if opt.kind == "proposal" else \
                cost_text(rules.instruments[opt.key].cost)
            about = rules.proposals[opt.key].text if opt.kind == "proposal" else rules.instruments[opt.key].description
            tip = tr("{name}: not possible now: {reason}",
                     name=opt.name, reason=reason) if reason else labelled(opt.name, f"{cost}. {about}")
            flow.add(Button(cell, key=f"ins:{opt.key}", label=opt.name, lines=2, align="left",
                            icon=icons.for_kind(opt.kind), selected=opt.key == self.selected,
                            greyed=reason is not None, hotkey=keys.get(opt.key, ""), tip=tip, sound="select",
                            on_click=lambda k=opt.key: self.select(k)))
            if opt.key == self._reveal:
                chosen = cell
        out += flow.finish()
        if self._reveal is not None and chosen is not None:
            self._reveal = None
            flow.area.reveal(chosen)  # a choice by its hotkey (0 is the tenth) may sit below the fold
        out += self._detail(bottom, theme)
        return out

    @staticmethod
    def _cell_height(theme: Theme, opts: list[Option], width: int) -> int:
        """Two lines of label type, or three of small type when a name would not fit whole in two."""
        two = 2 * theme.line_height("label") + theme.px(10)
        room = Button.text_width(theme, width, two, True, "0")
        if any(len(theme.wrap(o.name, room, "label")) > 2 and len(theme.wrap(o.name, room, "small")) > 2
               for o in opts):
            return max(two, 3 * theme.line_height("small") + theme.px(8))
        return two

    def hotkeys(self) -> dict[str, str]:
        """Option key -> its hotkey: 1–9 and 0 for the instruments and proposals in order, W for waiting, the
        same key in every scenario."""
        out, digits = {}, iter(HOTKEYS)
        for opt in self.options():
            if opt.kind == "wait":
                out[opt.key] = WAIT_KEY
            else:
                digit = next(digits, "")
                if digit:
                    out[opt.key] = digit
        return out

    def _detail(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        """The chosen instrument: its name, then the choices it needs (target, private or public) where they are
        seen without scrolling, why it cannot be ordered now if it cannot, its cost and timing, what it needs,
        the odds on your estimates, what it is and what it is expected to do. Each part is one method of
        `DETAIL_PARTS`, in that order."""
        opt = self.current_option()
        pal = theme.palette
        bh = theme.px(42)
        inner = self._inner(rect, theme)
        if opt is None:
            text = (_("Choose an instrument above (or press its number) to see what it costs, when it acts, what "
                      "it needs and what it is expected to do. Then pick a target and add it to this turn's "
                      "orders."))
            return [TextBlock(pygame.Rect(inner.x, inner.y, inner.w, TextBlock.measure(theme, text, inner.w)),
                              group="detail", text=text, colour=pal.muted)]
        body, controls = rows(inner, [None, bh], theme.px(8))
        flow = Flow(body, "detail", self.scroll, "detail", theme.px(5), self.invalidate)
        for part in self.DETAIL_PARTS:
            getattr(self, part)(flow, theme, opt)
        action = self.current_action()
        reason = self.session.why_not(action) if action else None
        out = flow.finish()
        out.append(Button(controls, key="add", group="detail-controls", label=_("Add to orders"), hotkey="A",
                          kind="primary", enabled=reason is None, tip=reason or _("Add this to this turn's orders "
                                                                                  "(A)"),
                          on_click=self.add_order, sound="select"))
        return out

    DETAIL_PARTS = ("_detail_title", "_detail_choices", "_detail_refusal", "_detail_odds", "_detail_cost",
                    "_detail_about", "_detail_effect")

    def _para(self, flow: Flow, theme: Theme, text: str, role: str = "body", colour=None, bold: bool = False,
              icon=None) -> None:
        w = flow.width - theme.px(8)
        h = TextBlock.measure(theme, text, w, role, bold, icon=icon is not None)
        flow.add(TextBlock(flow.take(h).inflate(-theme.px(8), 0).move(-theme.px(4), 0), text=text, role=role,
                           colour=colour, bold=bold, icon=icon))

    def _detail_title(self, flow: Flow, theme: Theme, opt: Option) -> None:
        self._para(flow, theme, opt.name, "h3", theme.palette.accent_hi, True)

    def _detail_choices(self, flow: Flow, theme: Theme, opt: Option) -> None:
        rules = self.session.rules
        if len(opt.targets) > 1:
            self._para(flow, theme, _("Target (T changes it)"), "small", theme.palette.muted, True)
            self._choice_row(flow, theme, [(t, target_name(rules, t)) for t in opt.targets], "target")
        if len(opt.modes) > 1:
            self._para(flow, theme, _("Private or public (M changes it)"), "small", theme.palette.muted, True)
            self._choice_row(flow, theme, [(m, capitalised(mode_name(m))) for m in opt.modes], "mode")

    def _detail_refusal(self, flow: Flow, theme: Theme, opt: Option) -> None:
        action = self.current_action()
        if action in self.session.orders:  # not a failure: it is done
            self._para(flow, theme, _("In this turn's orders (× in the orders list takes it out)."), "small",
                       theme.palette.good, icon=icons.tone_icon("success"))
            return
        reason = self.session.why_not(action) if action else None
        if reason:
            self._para(flow, theme, tr("Not possible now: {reason}", reason=reason), "small", theme.palette.failure,
                       icon=icons.tone_icon("failure"))

    def _detail_cost(self, flow: Flow, theme: Theme, opt: Option) -> None:
        rules = self.session.rules
        muted = theme.palette.muted
        if opt.kind == "proposal":
            prop = rules.proposals[opt.key]
            action = self.current_action() or Action(opt.key, None, opt.modes[0])
            self._para(flow, theme, tr("Cost: {cost_text} · {timing_text} · put to {pair_name}",
                                       cost_text=action_cost(rules, action, self.game),
                                       timing_text=timing_text(rules, opt.key),
                                       pair_name=pair_name(rules, rules.pair_ids[prop.pair])), "small", muted)
            needs = requirement_text(rules, opt.key)
            if needs:
                self._para(flow, theme, tr("Needs: {needs}", needs=needs), "small", muted)
            return
        ins = rules.instruments[opt.key]
        self._para(flow, theme, tr("Cost: {cost_text} · {timing_text}",
                                   cost_text=cost_text(ins.cost, ins.attention),
                                   timing_text=timing_text(rules, opt.key)),
                   "small", muted)
        needs = self._needs(ins)
        if needs:
            self._para(flow, theme, _("Needs: ") + _("; ").join(needs), "small", muted)

    def _detail_about(self, flow: Flow, theme: Theme, opt: Option) -> None:
        rules = self.session.rules
        text = rules.proposals[opt.key].text if opt.kind == "proposal" else rules.instruments[opt.key].description
        self._para(flow, theme, text)

    def _detail_effect(self, flow: Flow, theme: Theme, opt: Option) -> None:
        self._para(flow, theme, _("Expected effect: ") + (_(EFFECTS[opt.kind]) if opt.kind in EFFECTS else ""),
                   "small", theme.palette.text)
        factor = self._mediation_note(opt)
        if factor:
            self._para(flow, theme, factor, "small", theme.palette.accent_hi)

    def _detail_odds(self, flow: Flow, theme: Theme, opt: Option) -> None:
        for line in self._odds_lines():
            self._para(flow, theme, line, "small", theme.palette.accent_hi)

    def _odds_lines(self) -> list[str]:
        """The chosen move's odds on your estimates and what holds them down (game/sim/odds, game/present/odds)."""
        action = self.current_action()
        if action is None or self.game.done:
            return []
        if self._odds is None or self._odds.game is not self.game or self._odds.turn != self.game.turn:
            self._odds = OddsBook(self.game)
        odds = self._odds.odds(action)
        worn = wear_note(self.game, action)
        return ([] if odds is None else odds_lines(self.session.rules, odds)) + ([worn] if worn else [])

    def _needs(self, ins) -> list[str]:
        rules = self.session.rules
        needs = []
        if ins.attention:
            needs.append(_("a free attention slot while it runs"))
        if ins.cost.envoys:
            needs.append(plural(ins.cost.envoys, "free envoy"))  # i18n: not shown
        if ins.kind == "preventive_deployment":
            needs.append(_("a Security Council mandate (a permanent member may veto)"))
        requirement = requirement_text(rules, ins.key)
        if requirement:
            needs.append(requirement)
        if ins.first_turn > self.game.turn:
            needs.append(tr("not before {turn_date}", turn_date=turn_date(rules, ins.first_turn)))
        if ins.last_turn < rules.turns - 1:
            needs.append(tr("not after {turn_date}", turn_date=turn_date(rules, ins.last_turn)))
        return needs

    def _mediation_note(self, opt: Option) -> str:
        """Bercovitch's public factors for mediation on the chosen pair (rung, power gap, issue): no hidden value."""
        rules = self.session.rules
        if opt.kind == "proposal":
            pair = rules.pair_ids[rules.proposals[opt.key].pair]
        elif opt.kind in ("good_offices", "special_envoy") and self.target in rules.pair_ids:
            pair = self.target
        else:
            return ""
        k = rules.pair_ids.index(pair)
        a, b = rules.pair_members[k]
        power = {p.id: p.power for p in rules.scenario.parties}
        gap = abs(power[rules.party_ids[a]] - power[rules.party_ids[b]])
        rung = self._obs.pairs[k].rung if self._obs else 0
        intensity = 1 - 0.45 * rung / rules.tops[k]
        gap_f = 1 - 0.7 * gap
        base = rules.issue_success[k]
        issue = rules.scenario.pairs[k].issue
        note = (tr("Mediation on this pair now: {issue} disputes {base} × intensity {intensity} × power "
                   "gap {gap_f} = {value} of full effect (before the parties' openness).",
                   issue=issue_words(issue), base=percent_of(format(100 * base, ".0f")),
                   intensity=localized(f"{intensity:.2f}"), gap_f=localized(f"{gap_f:.2f}"),
                   value=percent_of(format(100 * base * intensity * gap_f, ".0f"))))
        helpers = [rules.party_names[rules.party_ids[m]] for m in rules.mediators[k]]
        if helpers:
            note += " " + trn("{names} mediates here: the more open to your office, the more weight it adds.",
                              "{names} mediate here: the more open to your office, the more weight they add.",
                              len(helpers), names=_(" and ").join(helpers))
        return note

    def _choice_row(self, flow: Flow, theme: Theme, items: list[tuple[str | None, str]], field: str) -> None:
        """Buttons for the targets (or the modes), laid out in the fewest rows that show every name whole: as
        many to a row as fit on one line, or two lines each where that saves rows."""
        w = flow.width - theme.px(8)
        gap, pad = theme.px(6), theme.px(28)
        lh = theme.line_height("label")
        best = None
        for per_row in range(1, min(len(items), 4) + 1):
            cw = (w - gap * (per_row - 1)) // per_row
            if any(theme.width(word, "label") > cw - pad for __, label in items for word in label.split()):
                continue
            lines = max(len(theme.wrap(label, cw - pad, "label")) for __, label in items)
            if lines > 2:
                continue
            height = -(-len(items) // per_row) * (lines * lh + theme.px(14) + flow.gap)
            if best is None or height < best[0] or (height == best[0] and lines < best[2]):
                best = (height, per_row, lines)
        __, per_row, lines = best or (0, 1, 2)
        bh = lines * lh + theme.px(14)
        cw = (w - gap * (per_row - 1)) // per_row
        for i, (value, label) in enumerate(items):
            if i % per_row == 0:
                row = flow.take(bh)
            r = pygame.Rect(row.x + (i % per_row) * (cw + gap), row.y, cw, bh)
            action = Action(self.selected, value if field == "target" else self.target,
                            value if field == "mode" else self.mode)
            reason = self.session.why_not(action)
            current = (self.target if field == "target" else self.mode) == value
            tip = tr("{label}: not possible now: {reason}", label=label, reason=reason) if reason else label
            flow.add(Button(r, key=f"{field}:{value}", label=label, selected=current, tip=tip, lines=lines,
                            greyed=reason is not None, on_click=lambda v=value, f=field: self.set_choice(f, v)))

    def set_choice(self, field: str, value: str | None) -> None:
        if field == "target":
            self.target = value
        else:
            self.mode = value
        self.invalidate()

    # -- right: orders, under way, Council, news -------------------------------------------------------------------
    def _right(self, col: pygame.Rect, theme: Theme, obs: Observation, gap: int) -> list[Widget]:
        session = self.session
        rules = session.rules
        pending = self.game.pending()
        row_h = theme.line_height("small", True) + theme.px(14)
        end_h = theme.px(48)
        n_rows = max(1, len(session.orders)) + len(pending) + (2 if session.orders or session.choices else 0)
        need = panel_header(theme) + n_rows * (row_h + theme.px(6)) + end_h + theme.px(18)
        orders_h = max(min(need, int(col.h * 0.42)), panel_header(theme) + row_h + end_h + theme.px(24))
        top, mid, bottom = rows(col, [orders_h, None, None], gap)
        mid.h = int((mid.h + bottom.h) * 0.48)
        bottom.y = mid.bottom + gap
        bottom.h = col.bottom - bottom.y
        out: list[Widget] = [
            Painter(top, key="p-orders", group="panels",
                    paint=lambda s, r, th: panel(s, r, th, _("This turn's orders"))),
            Painter(mid, key="p-underway", group="panels",
                    paint=lambda s, r, th: panel(s, r, th, _("Your office · under way · Council"))),
            Painter(bottom, key="p-news", group="panels",
                    paint=lambda s, r, th: panel(s, r, th, _("News and intelligence"))),
        ]
        inner = self._inner(top, theme)
        body, end = rows(inner, [None, end_h], theme.px(8))
        flow = Flow(body, "orders", self.scroll, "orders", theme.px(6), self.invalidate)
        if not session.orders:
            flow.add(Label(flow.take(row_h), text=_("No orders yet: choose an instrument."), role="small",
                           colour=theme.palette.faint))
        xw = row_h + theme.px(8)
        for i, action in enumerate(session.orders):
            text = f"{action_label(rules, action)} · {action_cost(rules, action, self.game)}"
            text_w = flow.width - xw - theme.px(6)
            h = TextBlock.measure(theme, text, text_w, "small")
            r = flow.take(max(row_h, h))
            flow.add(TextBlock(pygame.Rect(r.x, r.centery - h // 2, text_w, h), text=text, role="small"))
            flow.add(Button(pygame.Rect(r.right - xw, r.y + (r.h - row_h) // 2, xw, row_h), key=f"remove:{i}",
                            label="×",
                            tip=tr("Remove {action_label} from the orders (Backspace removes the last)",
                                   action_label=action_label(rules, action)),
                            on_click=lambda a=action: self.remove_order(a)))
        events = {ev.key: ev for ev in rules.events}
        for key, title, options in pending:
            chosen = session.choices.get(key)
            ev = events[key]
            if chosen:
                text = tr("Your answer to '{title}': {value}", title=title, value=dict(options)[chosen])
            else:
                text = tr("'{title}': no answer yet; '{label}' will apply",
                          title=title, label=ev.choices[ev.default_choice].label)
            lines = min(3, len(theme.wrap(text, Button.text_width(theme, flow.width, row_h, False, ""), "small")))
            r = flow.take(row_h + (lines - 1) * theme.line_height("small"))
            flow.add(Button(r, key=f"event:{key}", label=text, role="small", align="left", kind="normal", lines=lines,
                            selected=chosen is None, tip=tr("{text}. Open the decision to answer or change it (D)",
                                                            text=text),
                            on_click=self.open_events))
        commits = commitment_text(rules, obs.office, self.game.committed(session.orders, session.choices))
        if commits:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, commits, flow.width, "small")), text=commits,
                               role="small", colour=theme.palette.warn))
        out += flow.finish()
        unit = rules.scenario.calendar.turn_unit
        n = len(session.orders)
        out.append(Button(end, key="end", group="orders-end", label=unit_phrase("end", unit, n=obs.turn + 1),
                          sub=f"{plural(n, 'order')}" if end.h >= theme.px(44) else "", kind="primary",
                          hotkey="E", on_click=self.end_turn, sound="turn",
                          tip=_("Send the orders; the parties decide and the crisis moves (E)")))
        out += self._underway(self._inner(mid, theme), theme, obs)
        out += self._news(self._inner(bottom, theme), theme)
        return out

    def _underway(self, inner: pygame.Rect, theme: Theme, obs: Observation) -> list[Widget]:
        rules = self.session.rules
        flow = Flow(inner, "underway", self.scroll, "underway", theme.px(6), self.invalidate)
        tip = (_("Intelligence sharpens your estimates; coordination among UN bodies and partners strengthens "
                 "every instrument (below 40% they may send mixed signals); visibility is how much the world is "
                 "watching."))
        flow.add(Painter(flow.take(theme.line_height("small") + theme.px(9)), key="office", tip=tip,
                         paint=lambda s, r, th: cards.paint_office(s, r, th, obs.office)))
        shown = gauges(obs, self.game.reports[-1] if self.game.reports else None)
        if shown:
            tip = panel_tip(shown)
            flow.add(Painter(flow.take(cards.opinion_height(theme)), key="opinion", tip=tip,
                             paint=lambda s, r, th: cards.paint_opinion(s, r, th, opinion_heading(), shown)))
        ih = theme.line_height("small", True) + theme.line_height("small") + theme.px(8)
        if not obs.initiatives:
            flow.add(Label(flow.take(theme.line_height("small")), text=_("No initiative under way."), role="small",
                           colour=theme.palette.faint))
        for ini in underway(rules, obs, self.game.reports, self._outcomes):
            label = ini.name + (f" → {ini.target}" if ini.target else "")
            detail = ini.detail()
            flow.add(Painter(flow.take(ih), key=f"ini:{ini.key}:{ini.target}", tip=labelled(label, detail),
                             paint=lambda s, r, th, i=ini, la=label, d=detail: cards.paint_initiative(s, r, th, i, la,
                                                                                                       d)))
        if obs.distractions:
            drawn = rules.distraction_attention[min(obs.turn, rules.turns - 1)]
            text = tr("Elsewhere: {join} — draws {plural_value} away.",
                      join='; '.join(obs.distractions), plural_value=plural(drawn, 'attention slot'))
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, flow.width, "small")), text=text,
                               role="small", colour=theme.palette.warn))
        if obs.council:
            flow.skip(theme.px(4))
            lh = theme.line_height("small") + theme.px(2)
            names = dict(zip(rules.council_ids, rules.council_names, strict=True))
            permanent = dict(zip(rules.council_ids, rules.council_permanent, strict=True))
            label_w = cards.support_label_width(theme, list(names.values()), flow.width)
            for m, v in obs.council.items():
                tip = tr("{names}: {v} support for your initiatives", names=names[m],
                         v=percent_of(format(100 * v, ".0f"))) + \
                      (_(" · can veto (●)") if permanent[m] else "") + (_("; a veto is likely") if v < 0.35 else "")
                flow.add(Painter(flow.take(lh, gap=False), key=f"council:{m}", tip=tip,
                                 paint=lambda s, r, th, n=names[m], val=v, p=permanent[m]:
                                 cards.paint_support(s, r, th, n, val, p, label_w)))
        return flow.finish()

    def _news(self, inner: pygame.Rect, theme: Theme) -> list[Widget]:
        rules = self.session.rules
        pal = theme.palette
        flow = Flow(inner, "news", self.scroll, "news", theme.px(4), self.invalidate)
        w = flow.width
        for q in self._discussion():
            text = tr("For discussion: {q}", q=q)
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, "small", True)), text=text, role="small",
                               bold=True, colour=pal.accent_hi))
        for turn, items in news_by_date(rules, self.game.reports):
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, turn_heading(rules, turn), w, "small", True)),
                               text=turn_heading(rules, turn), role="small", bold=True, colour=pal.muted))
            if not items:
                flow.add(Label(flow.take(theme.line_height("small")), text=_("Nothing new."), role="small",
                               colour=pal.faint))
            for item in items:
                flow.add(TextBlock(flow.take(TextBlock.measure(theme, item.text, w, "small", icon=True)),
                                   text=item.text, role="small", colour=icons.tone_colour(theme, item.tone),
                                   icon=icons.tone_icon(item.tone)))
                for note in item.notes:
                    flow.add(TextBlock(flow.take(TextBlock.measure(theme, note, w, "small")), text=note,
                                       role="small", colour=pal.muted))
            flow.skip(theme.px(4))
        return flow.finish()

    def _discussion(self) -> list[str]:
        """The scenario's discussion questions for this date or for an event that just fired (classroom)."""
        game = self.game
        scn = game.rules.scenario
        fired = set(game.reports[-1].events) if game.reports else set()
        return [d.question for d in scn.discussion
                if (d.date is not None and turn_of(scn.calendar, d.date) == game.turn)
                or (d.after_event is not None and d.after_event in fired)]

    # -- actions ---------------------------------------------------------------------------------------------------
    def add_order(self) -> None:
        action = self.current_action()
        if action is None:
            self.app.toast(_("Choose an instrument first."), danger=True)
            return
        reason = self.session.add(action)
        if reason:
            self.app.toast(tr("Cannot add it: {reason}", reason=reason), danger=True)
        else:
            self.app.toast(tr("Ordered: {action_label}.",
                              action_label=action_label(self.session.rules, action)), success=True)
            self._next_target(action)
        self.invalidate()

    def _next_target(self, ordered: Action) -> None:
        """After an order, move to the next target (or mode) of the same instrument that can still be ordered,
        so that the Details panel shows what can be done next rather than what was just done."""
        opt = self.current_option()
        if opt is None:
            return
        actions = self.actions_of(opt)
        start = actions.index(ordered) if ordered in actions else -1
        for a in actions[start + 1:] + actions[:start + 1]:
            if self.session.why_not(a) is None:
                self.target, self.mode = a.target, a.mode
                return

    def remove_order(self, action: Action) -> None:
        self.session.remove(action)
        self.invalidate()

    def end_turn(self) -> None:
        session = self.session
        try:
            report = session.end_turn()
        except IllegalAction as exc:
            self.app.toast(tr("Cannot end the turn: {refusal_text}",
                              refusal_text=refusal_text(session.rules, exc.refusal)), danger=True)
            return
        except RemoteError as exc:
            self.invalidate()  # the teacher may have changed the world: the screen shows the server's
            self.app.toast(exc.message, danger=True)
            return
        self.selected = None
        self.invalidate()  # beneath the report, the turn screen shows the world as it now is
        from .report import ReportScreen

        self.app.push(ReportScreen(self.app, report))
        if session.save_error:
            self.app.toast(tr("The game could not be saved automatically: {save_error}",
                              save_error=session.save_error), danger=True)

    def open_events(self) -> None:
        if not self.game.pending():
            self.app.toast(_("No decision is awaiting you."))
            return
        from .event import EventScreen

        self.app.sounds.play("alert")
        self.app.push(EventScreen(self.app))

    def open_menu(self) -> None:
        from .menu import MenuScreen

        self.app.push(MenuScreen(self.app))

    def open_advisor(self) -> None:
        from .advisor import AdvisorScreen

        self.app.push(AdvisorScreen(self.app))

    def open_help(self) -> None:
        from .help import HelpScreen

        self.app.push(HelpScreen(self.app))

    def open_report(self) -> None:
        reports = [r for r in self.game.reports if r.turn >= 0]
        if not reports:
            self.app.toast(_("No turn has been played yet."))
            return
        from .report import ReportScreen

        self.app.push(ReportScreen(self.app, reports[-1], review=True))

    def pause_for_discussion(self) -> bool:
        """Put the discussion points due now to the class (facilitator mode); True when one is shown."""
        due = self.session.discussion_due()
        if not due:
            return False
        from .facilitator import DiscussionScreen

        self.session.discussed.update(key for key, __ in due)
        self.app.push(DiscussionScreen(self.app, due))
        return True

    def open_facilitator(self) -> None:
        if not self.app.facilitating:
            self.app.toast(_("Facilitator mode is off: turn it on in Settings (or start the game with it)."))
            return
        from .facilitator import FacilitatorScreen

        self.app.push(FacilitatorScreen(self.app))

    def hot_reload(self) -> None:
        """F5: read the scenario file again; the game carries over, or the file's errors are shown."""
        result = self.session.reload()
        if not result.ok:
            from .reload import ReloadErrorsScreen

            self.app.push(ReloadErrorsScreen(self.app, result.errors))
            return
        self.selected = None
        self._obs = None
        note = trn("; {n} order or answer no longer possible and dropped",
                   "; {n} orders or answers no longer possible and dropped", result.dropped) if result.dropped else ""
        self.app.toast(trn("Scenario reloaded: {n} turn replayed{note}.",
                           "Scenario reloaded: {n} turns replayed{note}.", len(self.game.inputs), note=note))
        self.invalidate()
        self.on_enter()

    def back(self) -> None:
        self.open_menu()

    def key(self, event: pygame.event.Event) -> bool:
        k, mod = event.key, event.mod
        by_key = {ord(ch.lower()): key for key, ch in self.hotkeys().items()}
        if k in by_key and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.select(by_key[k])
            self.app.focus(f"ins:{by_key[k]}")
            return True
        if k == pygame.K_s and mod & pygame.KMOD_CTRL:
            from .saves import SavesScreen

            self.app.push(SavesScreen(self.app, mode="save"))
            return True
        simple = {
            pygame.K_a: self.add_order, pygame.K_e: self.end_turn, pygame.K_r: self.open_report,
            pygame.K_d: self.open_events, pygame.K_F1: self.open_help, pygame.K_h: self.open_help,
            pygame.K_F2: self.open_advisor, pygame.K_F5: self.hot_reload, pygame.K_F9: self.open_facilitator,
            pygame.K_b: self.open_briefing, pygame.K_g: lambda: open_map(self),
            pygame.K_t: lambda: self.cycle("target"),
            pygame.K_m: lambda: self.cycle("mode"),
            pygame.K_BACKSPACE: self.remove_last, pygame.K_DELETE: self.remove_last,
        }
        if k in simple:
            simple[k]()
            return True
        return False

    def cycle(self, field: str) -> None:
        opt = self.current_option()
        if opt is None:
            return
        values = opt.targets if field == "target" else opt.modes
        current = self.target if field == "target" else self.mode
        nxt = values[(values.index(current) + 1) % len(values)] if current in values else values[0]
        self.set_choice(field, nxt)

    def remove_last(self) -> None:
        if self.session.orders:
            self.session.orders.pop()
            self.invalidate()

    def open_briefing(self) -> None:
        from .briefing import BriefingScreen

        self.app.push(BriefingScreen(self.app, in_game=True))
