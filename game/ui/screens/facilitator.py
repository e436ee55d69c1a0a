"""The facilitator's screens: a discussion point put to the class in large type, the facilitator's panel (F9: fire
a scenario event now, or set a party's decision for this turn) and the class vote on the next order.

Every intervention and vote goes into the save, and from there into the debrief report.
"""

from __future__ import annotations

import pygame

from game.engine import Action, Intervention
from game.engine.facilitator import DECISIONS, INJECT, OVERRIDE
from game.i18n import N_, _, tr
from game.present.dates import turn_date, unit_name
from game.present.words import action_label, plural

from ..layout import Flow, inset, rows
from ..widgets import Button, Label, TextBlock, Widget
from .base import Screen, backdrop, dialog_frame, emblem, fitted_dialog

DECISION_LABELS = {"escalate": N_("Escalate"), "hold": N_("Hold"), "step_back": N_("Step back (settle)")}


def _turn_line(app) -> str:
    game = app.session.game
    obs = game.observation()
    unit = game.rules.scenario.calendar.turn_unit
    return tr("{unit} {n} of {turns} · {date}", unit=unit_name(unit), n=min(obs.turn + 1, obs.turns), turns=obs.turns,
              date=turn_date(game.rules, obs.turn))


class DiscussionScreen(Screen):
    """A discussion point, shown across the whole window until the teacher continues."""

    name = "discussion"

    def __init__(self, app, questions: list[tuple[str, str]]) -> None:
        super().__init__(app)
        self.questions = questions
        self.index = 0

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme, pal = self.app.theme, self.app.theme.palette
        inner = inset(rect, max(theme.px(48), rect.w // 10), theme.px(40))
        bh = theme.px(54)
        body, foot = rows(inner, [None, bh], theme.px(16))
        __, question = self.questions[self.index]
        kicker = _("For discussion")
        if len(self.questions) > 1:
            kicker += " · " + tr("{part} of {whole}", part=self.index + 1, whole=len(self.questions))
        kicker_h = theme.line_height("h2", True)
        role = "display"
        text_h = TextBlock.measure(theme, question, body.w, role, True)
        if text_h > body.h - kicker_h * 3:
            role = "h1"
            text_h = TextBlock.measure(theme, question, body.w, role, True)
        y = body.y + max(theme.px(84), (body.h - text_h - kicker_h * 2) // 2)  # below the emblem
        y = min(y, body.bottom - text_h - kicker_h * 2)
        out: list[Widget] = [
            Label(pygame.Rect(body.x, y, body.w, kicker_h), key="kicker", group="discussion",
                  text=kicker.upper(), role="h2", bold=True, colour=pal.accent, align="centre"),
            TextBlock(pygame.Rect(body.x, y + kicker_h + theme.px(12), body.w, text_h), key="question",
                      group="discussion", text=question, role=role, bold=True),
            Label(pygame.Rect(body.x, y + kicker_h + text_h + theme.px(24), body.w, theme.line_height("h3")),
                  group="discussion", text=f"{self.app.session.rules.scenario.title} · {_turn_line(self.app)}",
                  role="h3", colour=pal.muted, align="centre"),
        ]
        bw = min(theme.px(320), foot.w)
        out.append(Button(pygame.Rect(foot.centerx - bw // 2, foot.y, bw, foot.h), key="continue",
                          group="discussion", label=_("Continue the game"), kind="primary", hotkey="Enter",
                          on_click=self.next, tip=_("Close the question and go back to the game")))
        return out

    def draw_background(self, surface: pygame.Surface, theme) -> None:
        backdrop(surface, theme)
        w, h = surface.get_size()
        emblem(surface, (w // 2, theme.px(70)), theme.px(40), theme.palette.accent)

    def next(self) -> None:
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.invalidate()
        else:
            self.app.pop()

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        self.app.pop()


class FacilitatorScreen(Screen):
    """The facilitator's panel: inject a scenario event now, or override a party's decision for this turn."""

    name = "facilitator"
    modal = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.party: str | None = None
        self.decision: str | None = None

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        self.box, out = fitted_dialog(rect, theme, theme.px(860), theme.px(620), self._compose)
        return out

    def _compose(self, box: pygame.Rect) -> tuple[list[Widget], int]:
        app, theme = self.app, self.app.theme
        pal = theme.palette
        rules = app.session.rules
        inner = inset(box, theme.px(24), theme.px(18))
        bh = theme.px(44)
        title_h = theme.line_height("h2", True)
        head, body, foot = rows(inner, [title_h + theme.line_height("small"), None, bh], theme.px(10))
        made = len(app.session.game.interventions)
        out: list[Widget] = [
            Label(pygame.Rect(head.x, head.y, head.w, title_h), group="fac-head", text=_("Facilitator"), role="h2",
                  bold=True),
            Label(pygame.Rect(head.x, head.y + title_h, head.w, theme.line_height("small")), group="fac-head",
                  text=tr("{turn_line} · {plural_value} so far · each is recorded in the save and the report",
                          turn_line=_turn_line(app), plural_value=plural(made, 'intervention')), role="small",
                          colour=pal.muted),
        ]
        flow = Flow(body, "facilitator", self.scroll, "fac-body", theme.px(8), self.invalidate)
        self._section(flow, _("Fire a scenario event now"),
                      _("Its effects apply at once and its choices await the class's answer."))
        self._grid(flow, [(f"inject:{ev.key}", ev.title, lambda k=ev.key: self.inject(k), False,
                           ev.text) for ev in rules.events])
        flow.skip(theme.px(8))
        self._section(flow, _("Set a party's decision for this turn"),
                      _("When the turn ends, the party takes this decision instead of its own."))
        self._grid(flow, [(f"party:{pid}", rules.party_names[pid], lambda p=pid: self.pick_party(p),
                           self.party == pid, "") for pid in rules.party_ids])
        self._grid(flow, [(f"decision:{d}", _(DECISION_LABELS[d]), lambda d=d: self.pick_decision(d),
                           self.decision == d, "") for d in DECISIONS])
        r = flow.take(bh)
        ready = self.party is not None and self.decision is not None
        flow.add(Button(pygame.Rect(r.x, r.y, min(r.w, theme.px(300)), bh), key="override", label=_("Set the "
                                                                                                    "decision"),
                        kind="primary" if ready else "normal", enabled=ready, on_click=self.override,
                        tip=_("Choose a party and a decision first") if not ready else ""))
        out += flow.finish()
        spare = max(0, body.h - flow.area.content_height)
        bw = min(theme.px(240), (foot.w - theme.px(12)) // 2)
        out.append(Button(pygame.Rect(foot.x, foot.y, bw, foot.h), key="vote", group="fac-foot",
                          label=_("Class vote…"), hotkey="V", on_click=self.vote,
                          tip=_("The class votes on this turn's next order (V)")))
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="close", group="fac-foot",
                          label=_("Close"), hotkey="Esc", on_click=self.app.pop))
        return out, spare

    def _section(self, flow: Flow, title: str, note: str) -> None:
        theme = self.app.theme
        flow.add(Label(flow.take(theme.line_height("h3", True)), text=title, role="h3", bold=True))
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, note, flow.width, "small")), text=note, role="small",
                           colour=theme.palette.muted))

    def _grid(self, flow: Flow, items: list[tuple[str, str, object, bool, str]]) -> None:
        """Buttons in as many columns as their labels allow."""
        theme = self.app.theme
        if not items:
            flow.add(Label(flow.take(theme.line_height("small")), text=_("(none in this scenario)"), role="small",
                           colour=theme.palette.faint))
            return
        bh = theme.line_height("label") + theme.px(16)
        gap = theme.px(8)
        widest = max(theme.width(label, "label") for __, label, __, __, __ in items) + theme.px(28)
        per_row = max(1, min(len(items), (flow.width + gap) // (min(widest, flow.width) + gap)))
        w = (flow.width - gap * (per_row - 1)) // per_row
        for i, (key, label, action, selected, tip) in enumerate(items):
            if i % per_row == 0:
                row = flow.take(bh)
            flow.add(Button(pygame.Rect(row.x + (i % per_row) * (w + gap), row.y, w, bh), key=key, label=label,
                            selected=selected, on_click=action, tip=tip))

    def pick_party(self, party: str) -> None:
        self.party = party
        self.invalidate()

    def pick_decision(self, decision: str) -> None:
        self.decision = decision
        self.invalidate()

    def inject(self, event_key: str) -> None:
        session = self.app.session
        reason = session.intervene(Intervention(session.game.turn, INJECT, event_key))
        if reason:
            self.app.toast(tr("Cannot fire it: {reason}", reason=reason), danger=True)
            return
        title = next(ev.title for ev in session.rules.events if ev.key == event_key)
        self.app.toast(tr("The facilitator fired: {title}.", title=title))
        self.app.pop()

    def override(self) -> None:
        session = self.app.session
        if self.party is None or self.decision is None:
            return
        reason = session.intervene(Intervention(session.game.turn, OVERRIDE, self.party, self.decision))
        if reason:
            self.app.toast(tr("Cannot set it: {reason}", reason=reason), danger=True)
            return
        name = session.rules.party_names[self.party]
        self.app.toast(tr("{name} will {lower} when this turn ends.",
                          name=name, lower=_(DECISION_LABELS[self.decision]).lower()))
        self.app.pop()

    def vote(self) -> None:
        self.app.replace(VoteScreen(self.app))

    def key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_v:
            self.vote()
            return True
        return False


class VoteScreen(Screen):
    """A class vote: the teacher puts actions on the ballot and enters the votes; the winner joins the orders."""

    name = "vote"
    modal = True

    def __init__(self, app) -> None:
        super().__init__(app)
        session = app.session
        self.candidates: list[Action] = [a for a in session.game.legal_actions() if session.why_not(a) is None]
        self.counts: dict[int, int] = {}  # candidate index -> votes; present = on the ballot

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        pal = theme.palette
        rules = app.session.rules
        self.box = box = dialog_frame(rect, theme, theme.px(820), theme.px(640))
        inner = inset(box, theme.px(24), theme.px(18))
        bh = theme.px(44)
        title_h = theme.line_height("h2", True)
        note = (_("Click the actions the class chooses between to put them on the ballot, then enter each one's "
                  "votes with − and +. The winner is added to this turn's orders (a tie goes to the one listed "
                  "first)."))
        note_h = TextBlock.measure(theme, note, inner.w, "small")
        head, body, foot = rows(inner, [title_h + note_h + theme.px(4), None, bh], theme.px(10))
        out: list[Widget] = [
            Label(pygame.Rect(head.x, head.y, head.w, title_h), group="vote-head", text=_("Class vote"), role="h2",
                  bold=True),
            TextBlock(pygame.Rect(head.x, head.y + title_h + theme.px(4), head.w, note_h), group="vote-head",
                      text=note, role="small", colour=pal.muted),
        ]
        flow = Flow(body, "vote", self.scroll, "vote-body", theme.px(6), self.invalidate)
        rh = theme.line_height("label") + theme.px(16)
        small = rh
        count_w = theme.width("000", "h3", True) + theme.px(12)
        if not self.candidates:
            flow.add(Label(flow.take(rh), text=_("No action can be ordered now."), colour=pal.faint))
        for i, action in enumerate(self.candidates):
            r = flow.take(rh)
            on = i in self.counts
            controls = 2 * small + count_w + theme.px(16)
            flow.add(Button(pygame.Rect(r.x, r.y, r.w - controls, rh), key=f"ballot:{i}", align="left",
                            label=("☑ " if on else "☐ ") + action_label(rules, action), selected=on,
                            on_click=lambda i=i: self.toggle(i),
                            tip=_("Take it off the ballot") if on else _("Put it on the ballot")))
            x = r.right - controls + theme.px(8)
            flow.add(Button(pygame.Rect(x, r.y, small, rh), key=f"minus:{i}", label="−",
                            enabled=self.counts.get(i, 0) > 0, on_click=lambda i=i: self.add_votes(i, -1),
                            tip=_("One vote fewer")))
            flow.add(Label(pygame.Rect(x + small, r.y, count_w, rh), key=f"count:{i}",
                           text=str(self.counts[i]) if on else "–", role="h3", bold=on, align="centre",
                           colour=pal.text if on else pal.faint))
            flow.add(Button(pygame.Rect(x + small + count_w, r.y, small, rh), key=f"plus:{i}", label="+",
                            on_click=lambda i=i: self.add_votes(i, 1), tip=_("One vote more")))
        out += flow.finish()
        bw = min(theme.px(320), (foot.w - theme.px(12)) * 2 // 3)
        ready = bool(self.counts)
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="tally", group="vote-foot",
                          label=_("Add the winner to the orders"), kind="primary" if ready else "normal",
                          enabled=ready, on_click=self.tally,
                          tip="" if ready else _("Put at least one action on the ballot")))
        cw = min(theme.px(160), foot.w - bw - theme.px(12))
        out.append(Button(pygame.Rect(foot.x, foot.y, cw, foot.h), key="cancel", group="vote-foot", label=_("Cancel"),
                          hotkey="Esc", on_click=self.app.pop))
        return out

    def toggle(self, index: int) -> None:
        if index in self.counts:
            del self.counts[index]
        else:
            self.counts[index] = 0
        self.invalidate()

    def add_votes(self, index: int, delta: int) -> None:
        self.counts[index] = max(0, self.counts.get(index, 0) + delta)
        self.invalidate()

    def tally(self) -> None:
        if not self.counts:
            return
        session = self.app.session
        ballot = [(self.candidates[i], n) for i, n in sorted(self.counts.items())]
        chosen, reason = session.vote(ballot)
        label = action_label(session.rules, chosen)
        if reason:
            self.app.toast(tr("The class chose {label}, but it cannot be ordered: {reason}",
                              label=label, reason=reason), danger=True)
        else:
            self.app.toast(tr("The class chose: {label}. It is in this turn's orders.", label=label))
        session.autosave()
        self.app.pop()
