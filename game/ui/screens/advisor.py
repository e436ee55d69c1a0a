"""The advisor: for each move open to you this turn, what it adds to waiting in points with a 90% band, and the
chances of success, a partial outcome and failure, from rollouts on worlds drawn from your own estimates
(game.sim.advisor). It runs in the background so the window stays responsive, its rollouts shared among the
game's warm worker processes (Session.rollout_pool) when the window has more than one core."""

from __future__ import annotations

import threading

import pygame

from game.engine import Game
from game.i18n import _, tr
from game.present.advice import advice_line, advisor_note, verdict
from game.present.moves import move_label
from game.present.words import action_label
from game.sim.advisor import RUNS, Advice, advise, continues_with_history
from game.sim.pool import RulesPool

from ..layout import Flow, inset, rows
from ..session import Session
from ..theme import Theme
from ..widgets import Button, Label, Painter, TextBlock, Widget
from .base import Screen, dialog_frame


def paint_odds(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, advice: Advice) -> None:
    """A stacked bar (success, partial, failure) and the chance of success with its band."""
    pal = theme.palette
    bar_h = theme.px(10)
    bar = pygame.Rect(rect.x, rect.bottom - bar_h - theme.px(2), rect.w, bar_h)
    pygame.draw.rect(surface, pal.bg_deep, bar, border_radius=bar_h // 2)
    x = bar.x
    for rating, colour in (("success", pal.good), ("partial", pal.warn), ("failure", pal.danger)):
        w = round(bar.w * advice.ratings.get(rating, 0.0))
        if w > 0:
            pygame.draw.rect(surface, colour, (x, bar.y, w, bar.h))
        x += w
    s = advice.ratings.get("success", 0.0)
    lo, hi = max(0.0, s - advice.spread), min(1.0, s + advice.spread)
    band = pygame.Rect(bar.x + round(bar.w * lo), bar.y - 1, max(3, round(bar.w * (hi - lo))), bar.h + 2)
    pygame.draw.rect(surface, pal.text, band, max(1, theme.px(2)), border_radius=theme.px(2))
    img = theme.text(theme.fit(advice_line(advice), rect.w, "small"), "small", pal.muted)
    surface.blit(img, (rect.x, rect.y))


class AdvisorScreen(Screen):
    name = "advisor"
    modal = True

    def __init__(self, app, background: bool = True) -> None:
        super().__init__(app)
        self.result: list[Advice] | None = None
        self.error = ""
        self.waited = 0
        self._shown = False
        game = app.session.game
        self.horizon: int | None = None
        self.history = continues_with_history(game)
        self.result = app.session.kept_advice(self.horizon)  # asked again on the same turn: the same answer
        if self.result is not None:
            return
        copy = game.fork()  # the advisor never changes a game, and this copy keeps the player's free to move on
        pool = app.session.rollout_pool(app.advisor_jobs)
        work = (app.session, app.session.advice_key(self.horizon), copy, pool)
        if background:
            threading.Thread(target=self._work, args=work, daemon=True).start()
        else:
            self._work(*work)

    def _work(self, session: Session, key: tuple, game: Game, pool: RulesPool | None) -> None:
        try:
            result = advise(game, seed=0, horizon=self.horizon, pool=pool)
            session.advice = key, result  # kept for the next time the advisor is asked on this turn
            self.result = result
        except Exception as exc:  # any failure is shown in the dialog rather than lost with the thread
            self.error = tr("The advisor failed: {exc}", exc=exc)

    def tick(self, ms: int) -> None:
        self.waited += ms
        done = self.result is not None or bool(self.error)
        if not done or not self._shown:
            self.invalidate()  # the working message animates; the results appear when the thread is done

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        pal = theme.palette
        self.box = box = dialog_frame(rect, theme, theme.px(820), rect.h)
        inner = inset(box, theme.px(22), theme.px(18))
        bh = theme.px(44)
        head_h = theme.line_height("h2", True)
        unit = self.app.session.rules.scenario.calendar.turn_unit
        note = advisor_note(RUNS, self.history, self.horizon, unit)
        note_h = TextBlock.measure(theme, note, inner.w, "small")
        head, note_r, body, foot = rows(inner, [head_h, note_h, None, bh], theme.px(10))
        out: list[Widget] = [
            Label(head, group="advisor-head", text=_("Your staff's assessment"), role="h2", bold=True),
            TextBlock(note_r, group="advisor-head", text=note, role="small", colour=pal.muted),
        ]
        flow = Flow(body, "advice", self.scroll, "advice", theme.px(8), self.invalidate)
        if self.error:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, self.error, flow.width)), text=self.error,
                               colour=pal.danger))
        elif self.result is None:
            dots = "." * (1 + (self.waited // 400) % 3)
            flow.add(Label(flow.take(theme.line_height("h3")), text=tr("Your staff are working{dots}",
                                                                       dots=dots), role="h3",
                           colour=pal.accent_hi))
        else:
            self._advice(flow, theme)
        self._shown = self.result is not None or bool(self.error)
        out += flow.finish()
        bw = min(theme.px(200), foot.w // 2)
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="close", group="advisor-foot",
                          label=_("Close"), hotkey="Esc", on_click=self.app.pop))
        return out

    def _advice(self, flow: Flow, theme: Theme) -> None:
        session = self.app.session
        rules = session.rules
        row_h = theme.line_height("body", True) + theme.line_height("small") + theme.px(20)
        order_w = theme.px(96)
        line = verdict(self.result or [], lambda a: move_label(rules, a))
        flow.add(TextBlock(flow.take(TextBlock.measure(theme, line, flow.width, "body", True)), text=line,
                           bold=True, colour=theme.palette.accent_hi))
        for n, advice in enumerate(self.result or []):
            r = flow.take(row_h)
            label = _("Wait: do nothing new") if advice.action is None else action_label(rules, advice.action)
            text_w = r.w - order_w - theme.px(12)
            flow.add(Label(pygame.Rect(r.x, r.y, text_w, theme.line_height("body", True)),
                           text=f"{n + 1}. {label}", bold=True))
            flow.add(Painter(pygame.Rect(r.x, r.y + theme.line_height("body", True) + theme.px(2), text_w,
                                         r.h - theme.line_height("body", True) - theme.px(2)),
                             key=f"odds:{n}", tip=move_label(self.app.session.rules, advice.action),
                             paint=lambda s, rr, th, a=advice: paint_odds(s, rr, th, a)))
            if advice.action is not None:
                reason = session.why_not(advice.action)
                flow.add(Button(pygame.Rect(r.right - order_w, r.y + theme.px(4), order_w, r.h - theme.px(12)),
                                key=f"order:{n}", label=_("Order"), enabled=reason is None,
                                tip=reason or tr("Add {label} to this turn's orders", label=label),
                                on_click=lambda a=advice.action: self.order(a)))

    def order(self, action) -> None:
        reason = self.app.session.add(action)
        if reason:
            self.app.toast(tr("Cannot add it: {reason}", reason=reason), danger=True)
            return
        self.app.toast(tr("Ordered: {action_label}.", action_label=action_label(self.app.session.rules, action)))
        self.app.pop()
