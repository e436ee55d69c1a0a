"""The debrief and the class summary as Markdown, for wikis, learning platforms and plain-text tools.

Charts become small tables of rungs per turn; everything else says the same as the HTML report.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.i18n import _, tr, trn
from game.i18n.formats import formatted, signed
from game.present.dates import unit_count
from game.present.news import rating_words
from game.present.opinion import audience_title, opinion_intro
from game.present.opinion import heading as opinion_heading

from .classreport import ClassSummary, games_line
from .debrief import RESOURCES, Debrief, axis_labels, long_date, percent


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in head) + " |", "|" + "|".join("---" for __ in head) + "|"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def render_debrief_md(d: Debrief) -> str:
    """One game's debrief as Markdown."""
    lines = ["# " + tr("Debrief: {title}", title=d.title), "", f"*{d.period}*", ""]
    session = f" · session `{d.session}`" if d.session else ""
    lines += [tr("Played by **{name}**{session} · seed {seed} · {played}", name=d.name, session=session, seed=d.seed,
                 played=unit_count("played", d.turns_played, d.turn_unit, total=d.turns_total)),
              "", "## " + _("How it ended"), ""]
    if d.ending is None:
        lines += [tr("Unfinished: the save stops after {played}.",
                     played=unit_count("of", d.turns_played, d.turn_unit, total=d.turns_total)), ""]
    else:
        lines += [f"**{d.ending.title}** ({rating_words(d.ending.rating)}) — {d.ending.text}", ""]
    if d.score is not None:
        s = d.score
        lines += table([_("Score"), _("Points")], [
            [_("Your ending"), signed(s['base'])],
            [_("A failure prevented"), signed(s['prevention'])],
            [_("Escalation spared"), signed(s['escalation_spared'])],
            [_("Prestige gained or lost"), signed(s['prestige'])],
            [_("**Total**"), f"**{signed(s['total'])}**"],
        ])
    lines += [tr("Without you (same world, no intervention): **{title}** ({rating}).",
                 title=d.baseline_ending.title, rating=rating_words(d.baseline_ending.rating)), "",
              "## " + _("Escalation, turn by turn"), ""]
    acted = {m.turn for m in d.moves if m.actions or m.answers}
    keys = {kd.turn: i for i, kd in enumerate(d.key_decisions, start=1)}
    head = [_("Date"), *(p.name for p in d.pairs), *(tr("{name} without you", name=p.name) for p in d.pairs),
            _("Your decision")]
    rows = []
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    for k in range(len(d.point_dates)):
        mark = (_("yes") if k in acted else "") + (" " + tr("(key #{n})", n=keys[k]) if k in keys else "")
        rows.append([labels[k],
                     *(f"{p.rungs[k]} {p.ladder[p.rungs[k]]}" for p in d.pairs),
                     *(_rung(p.baseline_rungs, p.ladder, k) for p in d.pairs), mark.strip()])
    lines += table(head, rows)
    if d.tracks:
        lines += ["## " + _("Progress"), ""]
        lines += table([_("Date"), *(t.name + (f" ({t.unit})" if t.unit else "") for t in d.tracks),
                        *(tr("{name} without you", name=t.name) for t in d.tracks)],
                       [[labels[k], *(formatted(t.values[k]) for t in d.tracks),
                         *(formatted(t.baseline[k]) if k < len(t.baseline) else "" for t in d.tracks)]
                        for k in range(len(d.point_dates))])
    lines += ["## " + _("Your resources"), ""]
    lines += table([_("Date"), *(_(name) for __, name in RESOURCES)],
                   [[labels[k], *(formatted(d.resources[key][k]) for key, __ in RESOURCES)]
                    for k in range(len(d.point_dates))])
    if d.opinion:
        lines += [f"## {opinion_heading()}", "", opinion_intro(), ""]
        lines += table([_("Date"), *(audience_title(a) for a in d.opinion)],
                       [[labels[k], *(f"{round(v[k] * 100)}%" for v in d.opinion.values())]
                        for k in range(len(d.point_dates))])
    lines += ["## " + _("The decisions that mattered most"), ""]
    if not d.key_decisions:
        lines += [_("Not looked for in this report.") if d.key_decisions_runs == 0 else
                  _("No other choice would have changed the ending noticeably."), ""]
    for i, kd in enumerate(d.key_decisions, start=1):
        lines += [tr("{i}. **{long_date}: {headline}** — replaying this turn with {label} ({runs} futures each; "
                     "mean score {actual_score:+.1f} → {counterfactual_score:+.1f}).",
                     i=i, long_date=long_date(kd.date, d.turn_unit), headline=kd.headline, label=kd.label, runs=kd.runs,
                     actual_score=kd.actual_score, counterfactual_score=kd.counterfactual_score)]
    lines += ["", "## " + _("Your path beside history"), ""]
    lines += table([_("Date"), _("What you did"), _("What really happened")],
                   [[long_date(r.date, d.turn_unit), _("; ").join(r.yours) or "—", " / ".join(r.history) or "—"]
                    for r in d.history])
    if d.moves:
        lines += ["## " + _("Turn by turn"), ""]
        lines += table([_("Date"), _("What happened"), _("Your orders"), _("Results"), _("The parties")],
                       [[long_date(m.date, d.turn_unit), _("; ").join(m.events) or "—",
                         _("; ").join((*m.actions, *m.answers)) or _("waited"), _("; ").join(m.results),
                         _("; ").join(m.decisions)] for m in d.moves])
    if d.facilitator:
        lines += ["## " + _("The facilitator's interventions"), ""]
        lines += table([_("Date"), _("What the facilitator did")],
                       [[long_date(n.date, d.turn_unit), n.text] for n in d.facilitator])
    if d.delegations:
        lines += ["## " + _("The delegations"), ""]
        lines += table([_("Date"), _("The teams")], [[long_date(n.date, d.turn_unit), n.text] for n in d.delegations])
    lines += _questions(d.questions)
    lines += ["## " + _("About this scenario, and sources"), "", d.summary, ""]
    if d.notes:
        lines += [d.notes, ""]
    lines += [f"- {s['citation']}" + (f" <{s['url']}>" if s["url"] else "") for s in d.sources]
    return "\n".join(lines) + "\n"


def _rung(rungs: Sequence[int], ladder: Sequence[str], k: int) -> str:
    return f"{rungs[k]} {ladder[rungs[k]]}" if k < len(rungs) else "—"


def _questions(questions: Sequence[dict[str, str]]) -> list[str]:
    if not questions:
        return []
    return ["## " + _("For discussion"), "", *(f"{i}. {q['question']} *({q['when']})*" for i, q in
                                       enumerate(questions, start=1)), ""]


def render_class_md(c: ClassSummary) -> str:
    """A class summary as Markdown."""
    lines = ["# " + tr("Class summary: {title}", title=c.title), "", f"*{c.period}*", "",
             games_line(c, lambda n: f"**{n}**")
             + (f" · session `{c.sessions[0]}`" if len(c.sessions) == 1
                else " · " + trn("{n} world", "{n} worlds", c.seeds)), ""]
    if c.skipped:
        lines += [_("Files that could not be used:"), "", *(f"- {s}" for s in c.skipped), ""]
    if c.duplicates:
        lines += [_("Earlier saves of the same game, counted once:"), "", *(f"- {s}" for s in c.duplicates), ""]
    lines += ["## " + _("How the games ended"), ""]
    rows = [[o.title, rating_words(o.rating), c.endings[o.id],
             percent(c.endings[o.id] / c.finished) if c.finished else "—"]
            for o in c.outcomes]
    if c.games > c.finished:
        rows.append([_("Unfinished"), "—", c.games - c.finished, "—"])
    lines += table([_("Ending"), _("Rating"), _("Games"), _("Share of finished")], rows)
    if c.mean_score is not None:
        lines += [tr("Mean score of the finished games: **{mean_score:+.1f}**.", mean_score=c.mean_score), ""]
    lines += ["## " + _("Instruments the class used"), ""]
    lines += table([_("Instrument"), _("Games using it"), _("Times used"), _("Success with it"),
                    _("Success without it")],
                   [[u.name, u.games, u.uses, _rate(u.success_with, u.finished_with),
                     _rate(u.success_without, u.finished_without)] for u in c.instruments])
    if c.outliers:
        lines += ["## " + _("Games worth discussing"), ""]
        lines += table([_("What"), _("Who"), _("Detail")], [[o.kind, o.name, o.detail] for o in c.outliers])
    lines += ["## " + _("Every game"), ""]
    lines += table([_("Student"), _("Ending"), _("Rating"), _("Score"), _("Peak rung"), _("Turns"), _("Actions"),
                    _("File")],
                   [[s.name, s.ending, rating_words(s.rating), "—" if s.score is None else signed(s.score), s.peak,
                     s.turns,
                     s.actions, s.file] for s in c.students])
    lines += _questions(c.questions)
    return "\n".join(lines) + "\n"


def _rate(success: int, finished: int) -> str:
    return f"{percent(success / finished)} ({success}/{finished})" if finished else "—"
