"""The event dialog: an event that awaits the Secretary-General's answer, with its options and their costs.

With several events pending they come one after another. 'Decide later' closes the dialog; an event left
unanswered takes its default option when the turn ends. Without a pending event the dialog shows the latest
event that happened, as news.
"""

from __future__ import annotations

import pygame

from game.present.dates import turn_heading
from game.present.refusals import refusal_text
from game.present.variants import choice_words, event_words
from game.present.words import cost_text

from ..layout import Flow, inset, rows
from ..widgets import Button, Label, TextBlock, Widget
from .base import Screen, fitted_dialog


class EventScreen(Screen):
    name = "event"
    modal = True

    def __init__(self, app, news_event: str | None = None) -> None:
        super().__init__(app)
        self.index = 0
        self.news_event = news_event
        self._spare = 0

    def _pending(self):
        return self.app.session.game.pending()

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        rules = app.session.rules
        events = {ev.key: ev for ev in rules.events}
        pending = self._pending()
        if self.news_event is None and not pending:
            self.box = None
            return []
        if self.news_event is not None:
            ev, count = events[self.news_event], 0
        else:
            self.index = min(self.index, len(pending) - 1)
            ev, count = events[pending[self.index][0]], len(pending)
        self.box, out = fitted_dialog(rect, theme, theme.px(760), theme.px(640),
                                      lambda b: (self._compose(b, ev, count), self._spare))
        return out

    def _compose(self, box: pygame.Rect, ev, count: int) -> list[Widget]:
        app, theme = self.app, self.app.theme
        rules = app.session.rules
        inner = inset(box, theme.px(24), theme.px(20))
        pal = theme.palette
        bh = theme.px(44)
        game = app.session.game
        title, text = event_words(rules, ev.key, game.state.texts)
        title_h = TextBlock.measure(theme, title, inner.w, "h1", True)
        head_h = theme.line_height("small", True) + title_h + theme.px(6)
        head, body, foot = rows(inner, [head_h, None, bh], theme.px(12))
        obs = game.observation()
        kicker = "Decision awaiting you" if self.news_event is None else "News"
        if count > 1:
            kicker += f" · {self.index + 1} of {count}"
        kicker += f" · {turn_heading(rules, obs.turn)}"
        out: list[Widget] = [
            Label(pygame.Rect(head.x, head.y, head.w, theme.line_height("small", True)), group="event-head",
                  text=kicker.upper(), role="small", bold=True, colour=pal.warn),
            TextBlock(pygame.Rect(head.x, head.y + theme.line_height("small", True) + theme.px(6), head.w, title_h),
                      group="event-head", text=title, role="h1", bold=True),
        ]
        flow = Flow(body, "event", self.scroll, "event-body", theme.px(8), self.invalidate)
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, flow.width, "h3")), text=text, role="h3"))
        flow.skip(theme.px(6))
        chosen = app.session.choices.get(ev.key) if self.news_event is None else None
        for n, choice in enumerate(ev.choices if self.news_event is None else (), 1):
            label, about = choice_words(rules, ev.key, choice.key, game.state.texts)
            default = n - 1 == ev.default_choice
            notes = [cost_text(choice.cost)] if choice.cost.prestige or choice.cost.budget else []
            if default:
                notes.append("the default if you do not answer")
            if choice.invented:
                notes.append("an invented option")
            refusal = game.why_not_choice(ev.key, choice.key, app.session.choices)
            if refusal is not None:
                notes.append("cannot be afforded")
            sub = " · ".join(notes)
            tip = f"Not possible: {refusal_text(rules, refusal)}." if refusal else about or label
            h = theme.line_height("h3") + theme.line_height("small") + theme.px(18)
            flow.add(Button(flow.take(h), key=f"choice:{choice.key}", label=f"{n}. {label}", sub=sub,
                            align="left", role="h3", selected=chosen == choice.key, enabled=refusal is None, tip=tip,
                            hotkey=str(n), sound="select",
                            on_click=lambda c=choice.key, k=ev.key: self.choose(k, c)))
            if about:
                indent = theme.px(16)
                r = flow.take(TextBlock.measure(theme, about, flow.width - indent, "small"))
                flow.add(TextBlock(pygame.Rect(r.x + indent, r.y, r.w - indent, r.h), text=about, role="small",
                                   colour=pal.muted))
        out += flow.finish()
        self._spare = max(0, body.h - flow.area.content_height)
        bw = min(theme.px(220), foot.w // 2)
        if self.news_event is None:
            hint = "Press an answer's number or click it; Tab then Enter also chooses. Esc decides later."
            hint_w = foot.w - min(theme.px(220), foot.w // 2) - theme.px(12)
            hint_h = TextBlock.measure(theme, hint, hint_w, "small")
            out.append(TextBlock(pygame.Rect(foot.x, foot.centery - hint_h // 2, hint_w, hint_h), group="event-foot",
                                 text=hint, role="small", colour=pal.muted))
        label = "Decide later" if self.news_event is None else "Continue"
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="later", group="event-foot",
                          label=label, hotkey="Esc", on_click=self.close,
                          tip="Close; an unanswered event takes its default when the turn ends"))
        return out

    def choose(self, event_id: str, choice_id: str) -> None:
        self.app.session.choose(event_id, choice_id)
        pending = self._pending()
        later = [i for i, (k, _, _) in enumerate(pending) if k not in self.app.session.choices and i > self.index]
        if later:
            self.index = later[0]
            # The focus does not carry to the next decision's options (they may share an id): a stray Enter
            # must never answer a decision whose option was not visibly focused.
            self.focus_key = ""
            self.app.focused = None
            self.invalidate()
        else:
            self.close()

    def key(self, event: pygame.event.Event) -> bool:
        if self.news_event is not None or not self._pending():
            return False
        events = {ev.key: ev for ev in self.app.session.rules.events}
        ev = events[self._pending()[min(self.index, len(self._pending()) - 1)][0]]
        n = event.key - pygame.K_1
        if 0 <= n < len(ev.choices) and n < 9:
            refusal = self.app.session.game.why_not_choice(ev.key, ev.choices[n].key, self.app.session.choices)
            if refusal is not None:
                self.app.toast(f"Not possible: {refusal_text(self.app.session.rules, refusal)}", danger=True)
                return True
            self.choose(ev.key, ev.choices[n].key)
            return True
        return False

    def close(self) -> None:
        self.app.pop()

    def back(self) -> None:
        self.close()

    def default_action(self) -> None:
        """Enter with no option focused: a decision is only ever taken by an explicit choice."""
        if self.news_event is not None or not self._pending():
            self.close()
            return
        self.app.toast("Choose an answer: press its number, click it, or Tab to it and press Enter. Esc decides "
                       "later.")
