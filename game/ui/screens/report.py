"""The turn report: what changed and why, grouped by cause in plain sentences; the parties' decisions, the
events and the news. Hidden changes (inside the parties, the pressure) are never shown."""

from __future__ import annotations

import pygame

from game.engine.record import TurnReport
from game.present.changes import decisions_sentence, group_by_cause, rung_text
from game.present.news import message_text
from game.present.odds import reasons_lines
from game.present.variants import fired_words
from game.present.words import pair_name

from ..layout import Flow, columns, inset, rows
from ..theme import Theme, ladder_colour
from ..widgets import Button, Label, TextBlock, Widget
from .base import Screen, fitted_dialog

HIDDEN_NOTE = ("Changes inside the parties and to the hidden pressure are not shown: they reach you later, "
               "through your analysts' estimates.")


class ReportScreen(Screen):
    name = "report"
    modal = True

    def __init__(self, app, report: TurnReport, review: bool = False) -> None:
        super().__init__(app)
        self.report = report
        self.review = review
        self._spare = 0

    def on_enter(self) -> None:
        super().on_enter()
        if not self.review:
            worse = any(c.target.endswith(".rung") and c.after > c.before and not c.hidden
                        for c in self.report.changes)
            self.app.sounds.play("alert" if worse else "turn")

    def build(self, rect: pygame.Rect) -> list[Widget]:
        theme = self.app.theme
        self.box, out = fitted_dialog(rect, theme, theme.px(1100), rect.h, lambda b: (self._compose(b), self._spare))
        return out

    def _compose(self, box: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        rules = app.session.rules
        report = self.report
        inner = inset(box, theme.px(22), theme.px(18))
        bh = theme.px(46)
        title_h = theme.line_height("h1", True)
        head, body, foot = rows(inner, [title_h, None, bh], theme.px(12))
        unit = rules.scenario.calendar.turn_unit
        when = f"{'on' if unit == 'day' else 'in'} {unit} {report.turn + 1} · {report.date}"
        out: list[Widget] = [Label(head, group="report-head", role="h1", bold=True, text=f"What happened {when}")]
        left, right = columns(body, [1.35, 1], theme.px(22))
        changes, news = self._changes(left, theme), self._news(right, theme)
        needed = max(changes[-1].content_height, news[-1].content_height)
        self._spare = max(0, body.h - needed)
        out += changes + news
        game = app.session.game
        label = "See how it ended" if game.done and not self.review else "Continue"
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

        for c in self.report.changes:
            if c.target.endswith(".rung") and not c.hidden:
                pid = c.target[: -len(".rung")]
                k = rules.pair_ids.index(pid)
                worse = c.after > c.before
                text = (f"{pair_name(rules, pid)}: {'up' if worse else 'down'} from {rung_text(rules, pid, c.before)} "
                        f"to {rung_text(rules, pid, c.after)}")
                para(text, "h3", ladder_colour(pal, int(c.after), rules.tops[k]) if worse else pal.good, True)
        decisions = decisions_sentence(rules, self.report)
        if decisions:
            para("The parties decided: " + decisions, "body", pal.text, True)
        flow.skip(theme.px(6))
        para("What changed, and why", "small", pal.muted, True)
        groups = group_by_cause(rules, self.report)
        if not groups:
            para("Nothing you can see changed.", "body", pal.muted)
        for g in groups:
            flow.skip(theme.px(4))
            para(f"{g.heading}: {g.label}", "body", pal.accent_hi, True)
            for s in g.sentences:
                para(f"• {s}", "small", pal.text, indent=theme.px(12))
        flow.skip(theme.px(8))
        para(HIDDEN_NOTE, "small", pal.faint)
        return flow.finish()

    def _news(self, rect: pygame.Rect, theme: Theme) -> list[Widget]:
        from ..cards import MESSAGE_COLOURS

        rules = self.app.session.rules
        pal = theme.palette
        flow = Flow(rect, "news", self.scroll, "report-news", theme.px(4), self.invalidate)
        w = flow.width - theme.px(10)

        def para(text: str, role: str = "small", colour=None, bold: bool = False) -> None:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, role, bold)).inflate(-theme.px(10), 0)
                               .move(-theme.px(5), 0), text=text, role=role, colour=colour, bold=bold))

        events = {ev.key: ev for ev in rules.events}
        if self.report.events:
            para("Events", "small", pal.muted, True)
            for key in self.report.events:
                if key in events:
                    title, text = fired_words(rules, self.report, key)
                    para(title, "body", pal.warn, True)
                    para(text, "small", pal.text)
            flow.skip(theme.px(8))
        para("News and intelligence", "small", pal.muted, True)
        if not self.report.messages:
            para("Nothing new.", "small", pal.faint)
        for msg in self.report.messages:
            para(f"• {message_text(rules, msg)}", "small", getattr(pal, MESSAGE_COLOURS.get(msg.kind, "text")))
            for line in reasons_lines(rules, msg):
                para(f"    {line}", "small", pal.muted)
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
