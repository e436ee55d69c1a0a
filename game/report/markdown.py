"""The debrief and the class summary as Markdown, for wikis, learning platforms and plain-text tools.

Charts become small tables of rungs per turn; everything else says the same as the HTML report.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classreport import ClassSummary
from .debrief import RESOURCES, Debrief, axis_labels, long_date, percent


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def render_debrief_md(d: Debrief) -> str:
    """One game's debrief as Markdown."""
    lines = [f"# Debrief: {d.title}", "", f"*{d.period}*", ""]
    session = f" · session `{d.session}`" if d.session else ""
    lines += [f"Played by **{d.name}**{session} · seed {d.seed} · {d.turns_played} of {d.turns_total} "
              f"{d.turn_unit}s played", "", "## How it ended", ""]
    if d.ending is None:
        lines += [f"Unfinished: the save stops after {d.turns_played} of {d.turns_total} {d.turn_unit}s.", ""]
    else:
        lines += [f"**{d.ending.title}** ({d.ending.rating}) — {d.ending.text}", ""]
    if d.score is not None:
        s = d.score
        lines += table(["Score", "Points"], [
            ["Your ending", f"{s['base']:+.1f}"],
            ["A failure prevented", f"{s['prevention']:+.1f}"],
            ["Escalation spared", f"{s['escalation_spared']:+.1f}"],
            ["Prestige gained or lost", f"{s['prestige']:+.1f}"],
            ["**Total**", f"**{s['total']:+.1f}**"],
        ])
    lines += [f"Without you (same world, no intervention): **{d.baseline_ending.title}** "
              f"({d.baseline_ending.rating}).", "", "## Escalation, turn by turn", ""]
    acted = {m.turn for m in d.moves if m.actions or m.answers}
    keys = {kd.turn: i for i, kd in enumerate(d.key_decisions, start=1)}
    head = ["Date", *(p.name for p in d.pairs), *(f"{p.name} without you" for p in d.pairs), "Your decision"]
    rows = []
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    for k in range(len(d.point_dates)):
        mark = ("yes" if k in acted else "") + (f" (key #{keys[k]})" if k in keys else "")
        rows.append([labels[k],
                     *(f"{p.rungs[k]} {p.ladder[p.rungs[k]]}" for p in d.pairs),
                     *(_rung(p.baseline_rungs, p.ladder, k) for p in d.pairs), mark.strip()])
    lines += table(head, rows)
    if d.tracks:
        lines += ["## Progress", ""]
        lines += table(["Date", *(t.name + (f" ({t.unit})" if t.unit else "") for t in d.tracks),
                        *(f"{t.name} without you" for t in d.tracks)],
                       [[labels[k], *(f"{t.values[k]:g}" for t in d.tracks),
                         *(f"{t.baseline[k]:g}" if k < len(t.baseline) else "" for t in d.tracks)]
                        for k in range(len(d.point_dates))])
    lines += ["## Your resources", ""]
    lines += table(["Date", *(name for _, name in RESOURCES)],
                   [[labels[k], *(f"{d.resources[key][k]:g}" for key, _ in RESOURCES)]
                    for k in range(len(d.point_dates))])
    lines += ["## The decisions that mattered most", ""]
    if not d.key_decisions:
        lines += ["Not looked for in this report." if d.key_decisions_runs == 0 else
                  "No other choice would have changed the ending noticeably.", ""]
    for i, kd in enumerate(d.key_decisions, start=1):
        lines += [f"{i}. **{long_date(kd.date, d.turn_unit)}: {kd.headline}** — replaying this turn with {kd.label} "
                  f"({kd.runs} futures each; mean score {kd.actual_score:+.1f} → {kd.counterfactual_score:+.1f})."]
    lines += ["", "## Your path beside history", ""]
    lines += table(["Date", "What you did", "What really happened"],
                   [[long_date(r.date, d.turn_unit), "; ".join(r.yours) or "—", " / ".join(r.history) or "—"]
                    for r in d.history])
    if d.moves:
        lines += ["## Turn by turn", ""]
        lines += table(["Date", "What happened", "Your orders", "Results", "The parties"],
                       [[long_date(m.date, d.turn_unit), "; ".join(m.events) or "—",
                         "; ".join((*m.actions, *m.answers)) or "waited", "; ".join(m.results),
                         "; ".join(m.decisions)] for m in d.moves])
    if d.facilitator:
        lines += ["## The facilitator's interventions", ""]
        lines += table(["Date", "What the facilitator did"],
                       [[long_date(n.date, d.turn_unit), n.text] for n in d.facilitator])
    lines += _questions(d.questions)
    lines += ["## About this scenario, and sources", "", d.summary, ""]
    if d.notes:
        lines += [d.notes, ""]
    lines += [f"- {s['citation']}" + (f" <{s['url']}>" if s["url"] else "") for s in d.sources]
    return "\n".join(lines) + "\n"


def _rung(rungs: Sequence[int], ladder: Sequence[str], k: int) -> str:
    return f"{rungs[k]} {ladder[rungs[k]]}" if k < len(rungs) else "—"


def _questions(questions: Sequence[dict[str, str]]) -> list[str]:
    if not questions:
        return []
    return ["## For discussion", "", *(f"{i}. {q['question']} *({q['when']})*" for i, q in
                                       enumerate(questions, start=1)), ""]


def render_class_md(c: ClassSummary) -> str:
    """A class summary as Markdown."""
    lines = [f"# Class summary: {c.title}", "", f"*{c.period}*", "",
             f"**{c.games}** game(s): **{c.finished}** finished, {c.games - c.finished} unfinished"
             + (f" · session `{c.sessions[0]}`" if len(c.sessions) == 1 else f" · {c.seeds} world(s)"), ""]
    if c.skipped:
        lines += ["Files that could not be used:", "", *(f"- {s}" for s in c.skipped), ""]
    if c.duplicates:
        lines += ["Earlier saves of the same game, counted once:", "", *(f"- {s}" for s in c.duplicates), ""]
    lines += ["## How the games ended", ""]
    rows = [[o.title, o.rating, c.endings[o.id], percent(c.endings[o.id] / c.finished) if c.finished else "—"]
            for o in c.outcomes]
    if c.games > c.finished:
        rows.append(["Unfinished", "—", c.games - c.finished, "—"])
    lines += table(["Ending", "Rating", "Games", "Share of finished"], rows)
    if c.mean_score is not None:
        lines += [f"Mean score of the finished games: **{c.mean_score:+.1f}**.", ""]
    lines += ["## Instruments the class used", ""]
    lines += table(["Instrument", "Games using it", "Times used", "Success with it", "Success without it"],
                   [[u.name, u.games, u.uses, _rate(u.success_with, u.finished_with),
                     _rate(u.success_without, u.finished_without)] for u in c.instruments])
    if c.outliers:
        lines += ["## Games worth discussing", ""]
        lines += table(["What", "Who", "Detail"], [[o.kind, o.name, o.detail] for o in c.outliers])
    lines += ["## Every game", ""]
    lines += table(["Student", "Ending", "Rating", "Score", "Peak rung", "Turns", "Actions", "File"],
                   [[s.name, s.ending, s.rating, "—" if s.score is None else f"{s.score:+.1f}", s.peak, s.turns,
                     s.actions, s.file] for s in c.students])
    lines += _questions(c.questions)
    return "\n".join(lines) + "\n"


def _rate(success: int, finished: int) -> str:
    return f"{percent(success / finished)} ({success}/{finished})" if finished else "—"
