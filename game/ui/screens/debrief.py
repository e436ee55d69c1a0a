"""The end screen: the ending and its rating, the score against a no-intervention game on the same seed,
escalation over time for each pair (yours and without you), your decisions, and what really happened."""

from __future__ import annotations

import pygame

from game.engine import Game, baseline
from game.engine.opinion import AUDIENCES
from game.i18n import _, tr, trn
from game.i18n.formats import labelled, localized
from game.present.dates import day_text, short_date, turn_heading, unit_name
from game.present.delegations import answers_lines, team_decision_text, team_message_text
from game.present.lines import rung_paths
from game.present.news import rating_words
from game.present.opinion import audience_title, chart_tip, opinion_paths
from game.present.opinion import heading as opinion_heading
from game.present.variants import ending_words
from game.present.words import action_label, pair_name, prevention_label
from game.report.debrief import facilitator_notes

from ..charts import Series, paint_ladder_chart, paint_share_chart
from ..layout import Flow, columns, rows
from ..theme import Theme
from ..widgets import Button, Label, Painter, TextBlock, Widget, panel, panel_header
from .base import Screen, body_rect, chip, header
from .map import open_map

RATING_COLOURS = {"success": "good", "partial": "warn", "failure": "danger"}


class DebriefScreen(Screen):
    name = "debrief"

    def __init__(self, app) -> None:
        super().__init__(app)
        game = app.session.game
        rules = game.rules
        self.score = game.score()
        self.base = baseline(rules, game.seed)
        start = [p.rung for p in Game(rules, game.seed).state.pairs]
        self.mine = rung_paths(rules, game.reports, start)
        self.theirs = rung_paths(rules, self.base.reports, start)
        self.opinion = opinion_paths(game.reports, list(Game(rules, game.seed).state.opinion))

    def on_enter(self) -> None:
        super().on_enter()
        rating = self.score.rating
        self.app.sounds.play("success" if rating == "success" else "alert" if rating == "failure" else "turn")

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        game = app.session.game
        rules = game.rules
        out = header(app, self, rect, tr("Debrief — {title}", title=rules.scenario.title),
                     trn("Seed {seed} · {n} turn played", "Seed {seed} · {n} turns played", len(game.inputs),
                         seed=game.seed), back=_("Main menu"))
        body = body_rect(app, rect)
        bh = theme.px(46)
        main, foot = rows(body, [None, bh], theme.px(12))
        left, right = columns(main, [1, 1.25], theme.px(18))
        out.append(Painter(left, key="p-ending", group="debrief", paint=lambda s, r, th: panel(s, r, th, _("Outcome"))))
        out.append(Painter(right, key="p-story", group="debrief",
                           paint=lambda s, r, th: panel(s, r, th,
                                                        _("Escalation over time · your decisions · world opinion"))))
        out += self._outcome(self._inner(left, theme), theme)
        out += self._story(self._inner(right, theme), theme)
        buttons = [("menu", _("Main menu"), self.back, "normal"), ("again", _("Play another crisis"), self.again,
                                                                   "normal"),
                   ("report", _("Save debrief report"), self.save_report, "normal"),
                   ("save", _("Save this game"), self.save, "primary")]
        if rules.scenario.map is not None:
            buttons.insert(2, ("open-map", _("Map (G)"), lambda: open_map(self), "normal"))
        n = len(buttons)
        bw = min(theme.px(240), (foot.w - theme.px(12) * (n - 1)) // n)
        x = foot.right - bw * n - theme.px(12) * (n - 1)
        for key, label, action, kind in buttons:
            out.append(Button(pygame.Rect(x, foot.y, bw, foot.h), key=key, group="debrief-foot", label=label,
                              kind=kind, on_click=action))
            x += bw + theme.px(12)
        return out

    @staticmethod
    def _inner(rect: pygame.Rect, theme: Theme) -> pygame.Rect:
        head = panel_header(theme)
        return pygame.Rect(rect.x + theme.px(14), rect.y + head, rect.w - theme.px(28), rect.h - head - theme.px(12))

    def _outcome(self, inner: pygame.Rect, theme: Theme) -> list[Widget]:
        rules = self.app.session.rules
        pal = theme.palette
        endings = {e.key: e for e in rules.endings}
        end = endings[self.score.ending]
        theirs = endings[self.score.baseline_ending]
        title, text = ending_words(rules, end.key, self.app.session.game.state.texts)
        flow = Flow(inner, "outcome", self.scroll, "outcome", theme.px(6), self.invalidate)
        w = flow.width - theme.px(10)

        def para(text: str, role: str = "body", colour=None, bold: bool = False) -> None:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, role, bold)).inflate(-theme.px(10), 0)
                               .move(-theme.px(5), 0), text=text, role=role, colour=colour, bold=bold))

        rating = rating_words(end.rating)
        ch = theme.line_height("small", True) + theme.px(8)
        cw = theme.width(rating.upper(), "small", True) + theme.px(28)
        r = flow.take(ch)
        flow.add(Painter(pygame.Rect(r.x, r.y, cw, ch), key="rating",
                         paint=lambda s, rr, th: chip(s, rr, th, rating.upper(),
                                                      getattr(th.palette, RATING_COLOURS[end.rating]))))
        para(title, "h1", None, True)
        para(text, "h3")
        flow.skip(theme.px(8))
        s = self.score
        score_colour = pal.good if s.total > 0 else pal.danger if s.total < 0 else pal.text
        para(tr("Score {total:+.0f}", total=s.total).replace("-", "−"), "display", score_colour, True)
        lines = [
            (f"{title} ({rating_words(end.rating)})", s.base),
            (prevention_label(theirs.rating, s.prevention, theirs.title), s.prevention),
            (_("Escalation spared compared with doing nothing"), s.escalation_spared),
            (_("Prestige gained or lost (÷5)"), s.prestige),
        ]
        lh = theme.line_height("body")
        num_w = theme.width("+000.0", "body", True)
        for label, value in lines:
            r = flow.take(TextBlock.measure(theme, label, w - num_w - theme.px(12)))
            flow.add(TextBlock(pygame.Rect(r.x, r.y, w - num_w - theme.px(12), r.h), text=label,
                               colour=pal.muted))
            flow.add(Label(pygame.Rect(r.x + w - num_w, r.y, num_w, lh), text=localized(f"{value:+.1f}").replace("-",
                                                                                                                 "−"),
                           bold=True, align="right"))
        para(tr("Without you, on the same seed: {title} ({rating}).",
                title=theirs.title, rating=rating_words(theirs.rating)), "body", pal.accent_hi)
        scn = rules.scenario
        if scn.historical_notes:
            flow.skip(theme.px(8))
            para(_("What really happened"), "small", pal.muted, True)
            for note in scn.historical_notes:
                para(labelled(day_text(note.date), note.text), "small")
        if scn.discussion:
            flow.skip(theme.px(8))
            para(_("For discussion"), "small", pal.muted, True)
            for d in scn.discussion:
                para(f"• {d.question}", "small", pal.accent_hi)
        return flow.finish()

    def _story(self, inner: pygame.Rect, theme: Theme) -> list[Widget]:
        game = self.app.session.game
        rules = game.rules
        pal = theme.palette
        flow = Flow(inner, "story", self.scroll, "story", theme.px(8), self.invalidate)
        chart_h = max(theme.px(170), min(theme.px(260), inner.h // 2 - theme.px(10)))
        unit = rules.scenario.calendar.turn_unit
        first = short_date(rules.dates[0], unit)
        last = short_date(rules.dates[min(len(self.mine[0]) - 1, rules.turns - 1)], unit)
        for k, pid in enumerate(rules.pair_ids):
            series = [Series(_("your game"), tuple(self.mine[k]), 0), Series(_("without you"), tuple(self.theirs[k]), 1,
                                                                          True)]
            name = pair_name(rules, pid)
            flow.add(Label(flow.take(theme.line_height("body", True)), text=name, bold=True))
            flow.add(Painter(flow.take(chart_h), key=f"chart:{pid}",
                             tip=tr("{name}: rung after each turn, your game (solid) and without you (dashed).",
                                    name=name),
                             paint=lambda s, r, th, lad=rules.ladders[k], se=series:
                             paint_ladder_chart(s, r, th, lad, se, (first, last))))
        flow.add(Label(flow.take(theme.line_height("small", True)), text=_("Your decisions").upper(), role="small",
                       bold=True,
                       colour=pal.muted))
        unit = rules.scenario.calendar.turn_unit
        titles = {ev.key: ev for ev in rules.events}
        w = flow.width
        for t, inp in enumerate(game.inputs):
            words = [action_label(rules, a) for a in inp.actions] or [_("waited")]
            for ev_id, choice in inp.choices:
                ev = titles.get(ev_id)
                label = next((c.label for c in ev.choices if c.key == choice), choice) if ev else choice
                words.append(tr("answered '{title}': {label}", title=ev.title if ev else ev_id, label=label))
            words += [team_decision_text(rules, party, decision) for party, decision in inp.decisions]
            words += [line.rstrip(".") for line in answers_lines(rules, inp.answers)]
            text = labelled(turn_heading(rules, t), _("; ").join(words))
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, "small")), text=text, role="small"))
        notes = facilitator_notes(rules, game.interventions, self.app.session.votes)
        if notes:
            flow.skip(theme.px(6))
            flow.add(Label(flow.take(theme.line_height("small", True)), text=_("The facilitator").upper(), role="small",
                           bold=True, colour=pal.muted))
        for note in notes:
            text = tr("{unit} {n} ({date}): {text}", unit=unit_name(unit), n=note.turn + 1, date=note.date,
                      text=note.text)
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, "small")), key=f"facilitator:{note.turn}",
                               text=text, role="small", colour=pal.accent_hi))
        messages = self.app.session.messages
        if messages:
            flow.skip(theme.px(6))
            flow.add(Label(flow.take(theme.line_height("small", True)), text=_("The teams' messages").upper(),
                           role="small", bold=True, colour=pal.muted))
        for n, message in enumerate(messages):
            text = labelled(turn_heading(rules, message.turn), team_message_text(rules, message))
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, "small")), key=f"message:{n}", text=text,
                               role="small"))
        flow.skip(theme.px(6))
        if self.opinion and self.opinion[0]:
            series = [Series(audience_title(a), tuple(path), i + 2) for i, (a, path) in
                      enumerate(zip(AUDIENCES, self.opinion, strict=False))]
            flow.add(Label(flow.take(theme.line_height("body", True)), text=opinion_heading(), bold=True))
            flow.add(Painter(flow.take(max(theme.px(140), chart_h * 3 // 4)), key="chart:opinion", tip=chart_tip(),
                             paint=lambda s, r, th, se=series: paint_share_chart(s, r, th, se, (first, last))))
        return flow.finish()

    def back(self) -> None:
        from .title import TitleScreen

        self.app.session = None
        self.app.reset(TitleScreen(self.app))

    def again(self) -> None:
        from .picker import PickerScreen
        from .title import TitleScreen

        self.app.session = None
        self.app.reset(TitleScreen(self.app))
        self.app.push(PickerScreen(self.app))

    def save_report(self) -> None:
        """Write the HTML debrief report (as `python main.py report` does) next to the saves and say where."""
        from game.saves import SaveError

        try:
            path = self.app.session.write_report()
        except SaveError as exc:
            self.app.toast(tr("The report could not be written: {message_value}",
                              message_value=exc.message), danger=True)
            return
        more = "" if self.app.session.report_runs() else (
            tr(" For the decisions that mattered most: python main.py report {last_save} --out {path}",
               last_save=self.app.session.last_save, path=path))
        self.app.toast(tr("Debrief report saved: {path}.{more}", path=path, more=more))

    def key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g:
            open_map(self)
            return True
        return False

    def save(self) -> None:
        from .saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="save"))
