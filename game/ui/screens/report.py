"""The turn report: what changed and why, under the date it happened. For the turn just played: escalation, the
parties' decisions, each value's change over the day and each cause's own share of it (they add up as shown),
and the day's news, with failures marked as failures. Events that opened the next date follow under that date.
Hidden changes (inside the parties, the pressure) are never shown. The lines come from game/present/lines.py,
as in the text mode and the reports."""

from __future__ import annotations

import pygame

from game.engine.record import TurnReport
from game.i18n import N_, _, tr
from game.present.dates import unit_phrase, what_happened
from game.present.lines import Day, decisions_sentence, report_days
from game.present.news import NewsItem
from game.present.reactions import reaction_heading, reactions
from game.present.variants import fired_words

from ..icons import tone_colour, tone_icon
from ..layout import Flow, columns, inset, rows
from ..theme import Theme, ladder_colour
from ..widgets import Button, TextBlock, Widget
from .base import Screen, fitted_dialog

HIDDEN_NOTE = (N_("Changes inside the parties and to the hidden pressure are not shown: they reach you later, "
                  "through your analysts' estimates."))


def turn_cue(report: TurnReport, days: list[Day]) -> str:
    """The sound a new turn report opens with: a deal struck, a rung climbed, a rung come down, else the chime
    (a deal outranks the ladder: it is the news the player worked for)."""
    if any(m.code == "proposal_accepted" for m in report.messages):
        return "deal"
    rungs = [t for d in days for t in d.totals if t.scale.kind == "rung" and t.n]
    if any(t.n > 0 for t in rungs):
        return "rung_up"
    return "rung_down" if rungs else "turn"


class ReportScreen(Screen):
    name = "report"
    modal = True

    def __init__(self, app, report: TurnReport, review: bool = False) -> None:
        super().__init__(app)
        self.report = report
        self.review = review
        self._spare = 0
        self.days = report_days(app.session.rules, report)

    @property
    def today(self) -> Day:
        return next(d for d in self.days if not d.opening or self.report.turn < 0)

    @property
    def later(self) -> list[Day]:
        return [d for d in self.days if d is not self.today]

    def on_enter(self) -> None:
        super().on_enter()
        if not self.review:
            self.app.sounds.play(turn_cue(self.report, self.days))

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        self.box, out = fitted_dialog(rect, theme, theme.px(1100), rect.h, lambda b: (self._compose(b), self._spare))
        return out

    def _compose(self, box: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        inner = inset(box, theme.px(22), theme.px(18))
        bh = theme.px(46)
        title = what_happened(self.app.session.rules, self.today.turn)
        title_h = TextBlock.measure(theme, title, inner.w, "h1", True)
        head, body, foot = rows(inner, [title_h, None, bh], theme.px(12))
        out: list[Widget] = [TextBlock(head, group="report-head", text=title, role="h1", bold=True)]
        left, right = columns(body, [1.35, 1], theme.px(22))
        changes, news = self._changes(left, theme), self._news(right, theme)
        needed = max(changes[-1].content_height, news[-1].content_height)
        self._spare = max(0, body.h - needed)
        out += changes + news
        game = app.session.game
        label = _("See how it ended") if game.done and not self.review else _("Continue")
        bw = min(theme.px(260), foot.w // 2)
        out.append(Button(pygame.Rect(foot.right - bw, foot.y, bw, foot.h), key="continue", group="report-foot",
                          label=label, kind="primary", hotkey="Enter", on_click=self.close))
        return out

    def _changes(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        rules = self.app.session.rules
        pal = theme.palette
        flow = Flow(rect, "changes", self.scroll, "changes", theme.px(4), self.invalidate)
        w = flow.width

        def para(text: str, role: str = "body", colour=None, bold: bool = False, indent: int = 0) -> None:
            r = flow.take(TextBlock.measure(theme, text, w - indent, role, bold))
            flow.add(TextBlock(pygame.Rect(r.x + indent, r.y, w - indent, r.h), text=text, role=role,
                               colour=colour, bold=bold))

        day = self.today
        for t in day.totals:
            if t.scale.kind == "rung":
                k = rules.pair_ids.index(t.target.partition(".")[0])
                colour = ladder_colour(pal, int(t.after), rules.tops[k]) if t.worse else pal.good
                para(t.text, "h3", colour, True)
        decisions = decisions_sentence(day)
        if decisions:
            para(_("The parties decided: ") + decisions, "body", pal.text, True)
        said = reactions(self.app.session.game, self.report) if self.report.turn >= 0 else []
        if said:
            flow.skip(theme.px(6))
            para(reaction_heading(), "small", pal.muted, True)
            for r in said:
                text = r.text
                r_ = flow.take(TextBlock.measure(theme, text, w - theme.px(12), "small", icon=True))
                flow.add(TextBlock(pygame.Rect(r_.x + theme.px(12), r_.y, w - theme.px(12), r_.h), text=text,
                                   role="small", colour=tone_colour(theme, r.tone), icon=tone_icon(r.tone)))
        values = [t for t in day.totals if t.scale.kind != "rung"]
        if values:
            flow.skip(theme.px(6))
            para(unit_phrase("over", rules.scenario.calendar.turn_unit), "small",
                 pal.muted, True)
            for t in values:
                para(t.text, "small", pal.text, indent=theme.px(12))
        flow.skip(theme.px(6))
        para(_("What changed, and why"), "small", pal.muted, True)
        if not day.causes:
            para(_("Nothing you can see changed."), "body", pal.muted)
        for cause in day.causes:
            flow.skip(theme.px(4))
            para(cause.title, "body", pal.accent_hi, True)
            for share in cause.shares:
                para(f"• {share.text}", "small", pal.text, indent=theme.px(12))
        flow.skip(theme.px(8))
        para(_(HIDDEN_NOTE), "small", pal.faint)
        return flow.finish()

    def _news(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        rules = self.app.session.rules
        pal = theme.palette
        flow = Flow(rect, "news", self.scroll, "report-news", theme.px(4), self.invalidate)
        w = flow.width - theme.px(10)
        events = {ev.key: ev for ev in rules.events}

        def para(text: str, role: str = "small", colour=None, bold: bool = False) -> None:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, role, bold)).inflate(-theme.px(10), 0)
                               .move(-theme.px(5), 0), text=text, role=role, colour=colour, bold=bold))

        def item(news: NewsItem) -> None:
            r = flow.take(TextBlock.measure(theme, news.text, w, "small", icon=True)).inflate(-theme.px(10), 0)
            flow.add(TextBlock(r.move(-theme.px(5), 0), text=news.text, role="small",
                               colour=tone_colour(theme, news.tone), icon=tone_icon(news.tone)))
            for note in news.notes:
                para(note, "small", pal.muted)

        today = [n for n in self.today.news if n.code != "event"]
        para(_("News and intelligence"), "small", pal.muted, True)
        if not today and not self.today.events:
            para(_("Nothing new."), "small", pal.faint)
        for key in self.today.events:
            ev = events.get(key)
            if ev is not None:
                title, text = fired_words(rules, self.report, key)
                para(title, "body", pal.warn, True)
                para(text, "small", pal.text)
        for news in today:
            item(news)
        for day in self.later:
            flow.skip(theme.px(10))
            para(tr("Then: {heading}", heading=day.heading), "body", pal.muted, True)
            for key in day.events:
                ev = events.get(key)
                if ev is not None:
                    title, text = fired_words(rules, self.report, key)
                    para(title, "body", pal.warn, True)
                    para(text, "small", pal.text)
            for news in day.news:
                if news.code != "event":
                    item(news)
            for cause in day.causes:
                for share in cause.shares:
                    para(f"• {share.text} ({cause.label})", "small", pal.text)
        return flow.finish()

    def close(self) -> None:
        app = self.app
        if self.review:
            app.pop()
            return
        if app.session.game.done:
            from .debrief import DebriefScreen

            app.pop()
            app.replace(DebriefScreen(app))
            return
        app.pop()

    def back(self) -> None:
        self.close()

    def default_action(self) -> None:
        self.close()
