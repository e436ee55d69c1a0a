"""The debrief and the class summary as one self-contained HTML file: embedded CSS (with a print layout) and
inline SVG charts; no script, no font, image or stylesheet from anywhere else, so it opens offline anywhere."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from game import __version__
from game.i18n import _, current, tr, trn
from game.i18n.formats import formatted, percent_of, signed
from game.present.dates import unit_count, unit_phrase
from game.present.news import rating_words
from game.present.opinion import audience_name, audience_title, opinion_intro
from game.present.opinion import heading as opinion_heading

from .charts import (
    GREY,
    PALETTE,
    RATING_COLOURS,
    Band,
    Bar,
    Marker,
    Series,
    bar_chart,
    ladder_ticks,
    line_chart,
    value_ticks,
)
from .classreport import ClassSummary, games_line
from .debrief import RESOURCES, Debrief, KeyDecision, axis_labels, long_date, percent

CSS = """
:root { --ink: #1f2933; --muted: #52606d; --line: #d9dde3; --soft: #f4f6f8; --accent: #1f5fa8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 32px 48px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 13px; color: var(--accent); font-weight: 700; }
h1 { font-size: 32px; line-height: 1.2; margin: 4px 0 6px; }
h2 { font-size: 22px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 17px; margin: 18px 0 6px; }
p { margin: 6px 0 10px; }
.meta { color: var(--muted); font-size: 15px; margin: 0; }
.meta b { color: var(--ink); }
.code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-weight: 700; letter-spacing: .05em;
  background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; }
.outcome { display: flex; gap: 20px; flex-wrap: wrap; align-items: stretch; margin: 18px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; background: var(--soft);
  flex: 1 1 280px; }
.card.ending { border-left: 8px solid var(--rating); background: #fff; }
.card h3 { margin-top: 0; }
.big { font-size: 40px; font-weight: 700; line-height: 1.1; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em;
  color: #fff; background: var(--rating); border-radius: 3px; padding: 1px 7px; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 15px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; color: var(--muted); }
.score td { padding: 3px 8px; border: 0; }
.score tr.total td { border-top: 2px solid var(--ink); font-weight: 700; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li + li { margin-top: 2px; }
svg.chart { width: 100%; height: auto; display: block; margin: 4px 0 10px; font-family: inherit; }
svg .tick { font-size: 12px; fill: var(--muted); }
svg .legend { font-size: 13px; fill: var(--ink); }
svg .band { font-size: 11px; fill: #991b1b; }
svg .mtag { font-size: 13px; font-weight: 700; }
svg .blabel { font-size: 14px; fill: var(--ink); }
svg .bvalue { font-size: 14px; fill: var(--ink); font-weight: 600; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
.grid2 h3 { margin: 8px 0 0; font-size: 15px; }
ol.key li { margin-bottom: 14px; }
.headline { font-size: 18px; font-weight: 700; }
.muted { color: var(--muted); }
.note { font-size: 14px; color: var(--muted); }
ol.questions li { margin-bottom: 8px; font-size: 17px; }
.sources li { margin-bottom: 4px; }
.url { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; color: var(--muted);
  word-break: break-all; }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 13px; color: var(--muted); }
.warn { border-left: 5px solid #b45309; background: #fff7ed; padding: 8px 12px; }
@media (max-width: 700px) { .grid2 { grid-template-columns: 1fr; } main { padding: 16px; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  h2 { font-size: 15pt; margin-top: 18pt; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  svg.chart, .card, tr, ol.key li, .grid2 > div { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  footer { position: static; }
}
"""


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document around `body`."""
    return (
        f'<!DOCTYPE html>\n<html lang="{current().code}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Good Offices {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def e(text: object) -> str:
    return escape(str(text))


def items(values: Sequence[str], empty: str = "") -> str:
    if not values:
        return f'<span class="muted">{e(empty)}</span>' if empty else ""
    return '<ul class="plain">' + "".join(f"<li>{e(v)}</li>" for v in values) + "</ul>"


def rating_style(rating: str) -> str:
    return f'style="--rating: {RATING_COLOURS.get(rating, GREY)}"'  # i18n: not shown


# ---- the debrief ------------------------------------------------------------------------------------------------


def render_debrief(d: Debrief) -> str:
    """One game's debrief as a complete HTML document."""
    body = [
        _header(d),
        _outcome(d),
        _('<h2 id="escalation">Escalation, turn by turn</h2>'),
        tr("<p>Where each pair of parties stood on the escalation ladder at the start of {every}, in your game "
           "and in the same world with a Secretary-General who does nothing. Triangles mark your decisions; "
           "numbers mark the decisions that mattered most (below).</p>",
           every=e(unit_phrase("every", d.turn_unit))),
        *(_escalation_chart(d, k) for k in range(len(d.pairs))),
        *_tracks(d),
        _('<h2 id="resources">Your resources</h2>'),
        _resources(d),
        _opinion(d),
        _key_decisions(d),
        _history(d),
        _turns(d),
        _facilitator(d),
        _delegations(d),
        _questions(d),
        _about(d),
        tr("<footer>Debrief of <b>{e}</b> · scenario {e2} · seed {seed} · made by Good Offices {e3} from the "
           "saved game, replayed move by move.</footer>",
           e=e(d.file), e2=e(d.scenario_id), seed=d.seed, e3=e(__version__)),
    ]
    return page(tr("Debrief — {title} — {name}", title=d.title, name=d.name), body)


def _header(d: Debrief) -> str:
    session = f' · session <span class="code">{e(d.session)}</span>' if d.session else ""
    return (
        tr('<header class="top"><div class="kicker">Good Offices · Debrief</div><h1>{e}</h1><p '
           'class="meta">{e2}</p><p class="meta">Played by <b>{e3}</b>{session} · seed {seed} · {played}</p></header>',
           e=e(d.title), e2=e(d.period), e3=e(d.name), session=session, seed=d.seed,
           played=e(unit_count("played", d.turns_played, d.turn_unit, total=d.turns_total)))
    )


def _outcome(d: Debrief) -> str:
    base = d.baseline_ending
    if d.ending is None:
        ending = (
            tr('<div class="card ending" {rating_style}><h3>Unfinished game</h3><p>The save stops after '
               "{played}, so there is no ending or score yet.</p></div>", rating_style=rating_style("unfinished"),
               played=e(unit_count("of", d.turns_played, d.turn_unit, total=d.turns_total)))
        )
    else:
        ending = (
            tr('<div class="card ending" {rating_style}><span class="badge">{e}</span><h3>{e2}</h3><p>{e3}</p><p '
               'class="note">Reached on {e4}.</p></div>',
               rating_style=rating_style(d.ending.rating), e=e(rating_words(d.ending.rating)), e2=e(d.ending.title),
               e3=e(d.ending.text), e4=e(long_date(d.ended_date, d.turn_unit)))
        )
    score = ""
    if d.score is not None:
        s = d.score
        rows = [
            (_("Your ending"), s["base"]),
            (_("A failure prevented"), s["prevention"]),
            (_("Escalation spared"), s["escalation_spared"]),
            (_("Prestige gained or lost"), s["prestige"]),
        ]
        cells = "".join(f'<tr><td>{e(k)}</td><td class="num">{signed(v)}</td></tr>' for k, v in rows)
        score = (
            tr('<div class="card"><h3>Score</h3><div class="big">{s:+.1f}</div><table class="score">{cells}<tr '
               'class="total"><td>Total</td><td class="num">{s:+.1f}</td></tr></table></div>',
               s=s["total"], cells=cells)
        )
    without = (
        tr('<div class="card"><h3>Without you</h3><p>In the same world (same seed), with a Secretary-General who '
           'does nothing: <b>{e}</b> <span class="badge" {rating_style}>{e2}</span></p><p class="note">The score '
           "credits prevention: a war that happened without you and not with you counts in your favour.</p></div>",
           e=e(base.title), rating_style=rating_style(base.rating), e2=e(rating_words(base.rating)))
    )
    return tr('<h2 id="outcome">How it ended</h2><div class="outcome">{ending}{score}{without}</div>',
              ending=ending, score=score, without=without)


def _escalation_chart(d: Debrief, k: int) -> str:
    pair = d.pairs[k]
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    n = len(labels)
    base = list(pair.baseline_rungs[:n]) + [None] * (n - len(pair.baseline_rungs))
    series = [  # the world without you on top, so it stays visible where both lines run together
        Series(_("Your game"), list(pair.rungs), PALETTE[k % len(PALETTE)], width=3.0),
        Series(_("Without you"), base, GREY, dashed=True, width=2.0, dots=False),
    ]
    top = len(pair.ladder) - 1
    markers = [Marker(m.turn, tr("{label}: {text}", label=long_date(m.date, d.turn_unit),
                                 text=_("; ").join((*m.actions, *m.answers))))
               for m in d.moves if m.actions or m.answers]
    keys: dict[int, list[str]] = {}
    for i, kd in enumerate(d.key_decisions, start=1):
        keys.setdefault(kd.turn, []).append(str(i))
    markers += [Marker(t, tr("Decisions that mattered: #{join}", join=', #'.join(nums)), "·".join(nums), "#b91c1c",
                       strong=True)
                for t, nums in keys.items()]
    chart = line_chart(
        tr("Escalation: {name}", name=pair.name),
        labels,
        series,
        (0, top),
        ladder_ticks(pair.ladder),
        markers=markers,
        bands=[Band(top - 1.5, top + 0.5, "#fde8e8", _("war"))],
        description=(tr("Rungs of {name} per turn. Yours: {join}. Without you: {join2}.",
                        name=pair.name, join=', '.join(map(str, pair.rungs)),
                        join2=', '.join(map(str, pair.baseline_rungs)))),
        left=150,
        height=340,
    )
    peak = (tr('<p class="note">Peak: {peak} {e} in your game; {baseline_peak} {e2} without you.</p>',
               peak=pair.peak, e=e(pair.ladder[pair.peak]), baseline_peak=pair.baseline_peak,
               e2=e(pair.ladder[pair.baseline_peak])))
    return f"<h3>{e(pair.name)}</h3>{chart}{peak}"


def _resources(d: Debrief) -> str:
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    cells = []
    for i, (key, label) in enumerate(RESOURCES):
        name = _(label)
        values = d.resources[key]
        hi = max(max(values, default=0), 1)
        if key in ("prestige", "budget"):
            ticks = value_ticks(0, 100.0 if key == "prestige" else hi)
            hi = ticks[-1][0]
        else:
            hi = float(int(hi) + 1)
            ticks = [(float(v), str(v)) for v in range(int(hi) + 1)]
        chart = line_chart(name, labels, [Series(name, list(values), PALETTE[(i + 4) % len(PALETTE)], legend=False,
                                                 width=2.0)],
                           (0, hi), ticks, width=440, height=200, left=44,
                           description=tr("{name} per turn: {join}.",
                                          name=name, join=', '.join(formatted(v) for v in values)))
        cells.append(f"<div><h3>{e(name)}</h3>{chart}</div>")
    return (tr("<p>Prestige is spent by acting and rebuilt by success; a mission ties up an envoy for several "
               "turns; attention is how many initiatives can run at once, and emergencies elsewhere draw it "
               'away.</p><div class="grid2">{join}</div>',
               join="".join(cells)))


def _opinion(d: Debrief) -> str:
    """World opinion turn by turn: each audience's regard for the office, one line each."""
    if not d.opinion:
        return ""
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    series = [Series(audience_title(a), list(values), PALETTE[i % len(PALETTE)], width=2.0)
              for i, (a, values) in enumerate(d.opinion.items())]
    words = _("; ").join(tr("{label}: {text}", label=audience_name(a),
                            text=", ".join(percent_of(str(round(v * 100))) for v in values))
                         for a, values in d.opinion.items())
    chart = line_chart(opinion_heading(), labels, series, (0.0, 1.0),
                       [(v, percent_of(str(round(v * 100)))) for v in (0.0, 0.25, 0.5, 0.75, 1.0)], height=240,
                       left=60, description=tr("{heading} per turn — {words}.", heading=opinion_heading(),
                                               words=words))
    return (f'<h2 id="opinion">{e(opinion_heading())}</h2>'
            f"<p>{e(opinion_intro())}</p>{chart}")
def _tracks(d: Debrief) -> list[str]:
    """The progress tracks, each a chart of your game and the same world without you."""
    if not d.tracks:
        return []
    labels = axis_labels(d.point_dates, d.turn_unit, d.turns_total)
    n = len(labels)
    cells = []
    for i, t in enumerate(d.tracks):
        base = list(t.baseline[:n]) + [None] * (n - len(t.baseline))
        series = [Series(_("Your game"), list(t.values), PALETTE[(i + 2) % len(PALETTE)], width=2.5),
                  Series(_("Without you"), base, GREY, dashed=True, width=2.0, dots=False)]
        unit = f" ({t.unit})" if t.unit else ""
        seen = {"exact": "", "estimated": " " + _("You saw it only as an estimate during the game."),
                "hidden": " " + _("It was hidden from you during the game.")}[t.visibility]
        ticks = value_ticks(t.low, t.high)
        chart = line_chart(f"{t.name}{unit}", labels, series, (t.low, ticks[-1][0]), ticks,
                           width=440, height=220, left=52,
                           description=tr("{name} per turn: {join}.", name=t.name,
                                          join=", ".join(formatted(v) for v in t.values)) + seen)
        about = f'<p class="note">{e(t.description)}{e(seen)}</p>' if t.description or seen else ""
        cells.append(f"<div><h3>{e(t.name)}</h3>{chart}{about}</div>")
    return [_('<h2 id="progress">Progress</h2>'), f'<div class="grid2">{"".join(cells)}</div>']


def _key_decisions(d: Debrief) -> str:
    head = _('<h2 id="decisions">The decisions that mattered most</h2>')
    if not d.key_decisions:
        if d.key_decisions_runs == 0:
            why = _("They were not looked for in this report.")
        elif not d.moves:
            why = _("No turn was played, so there is nothing to compare.")
        else:
            why = _("No other choice on any turn would have changed the ending noticeably.")
        return f"{head}<p class=\"muted\">{why}</p>"
    runs = d.key_decisions[0].runs
    intro = (tr("<p>Each of your turns was replayed with other choices: the past exactly as you played it, then "
                "{runs} different futures for your choice and {runs} for the other one. These turns changed the "
                "chances of each ending most.</p>",
                runs=runs))
    return head + intro + '<ol class="key">' + "".join(_key_item(d, kd) for kd in d.key_decisions) + "</ol>"


def _key_item(d: Debrief, kd: KeyDecision) -> str:
    rows = "".join(
        f"<tr><td>{e(o.title)}</td><td class=\"num\">{percent(kd.actual_endings.get(o.id, 0.0))}</td>"
        f"<td class=\"num\">{percent(kd.counterfactual_endings.get(o.id, 0.0))}</td></tr>"
        for o in d.endings
        if kd.actual_endings.get(o.id, 0.0) or kd.counterfactual_endings.get(o.id, 0.0)
    )
    played = _("; ").join(kd.played) or _("nothing")
    other = _("; ").join(kd.alternative) or _("nothing")
    return (
        tr('<li><div class="headline">{e}: {e2}</div><p>Replaying this turn with {e3}.</p><p class="note">You '
           "did: {e4}. Tried instead: {e5}. Mean score {actual_score:+.1f} → "
           '{counterfactual_score:+.1f}.</p><table><thead><tr><th>Ending</th><th class="num">As you '
           'played</th><th class="num">With the other choice</th></tr></thead><tbody>{rows}</tbody></table></li>',
           e=e(long_date(kd.date, d.turn_unit)), e2=e(kd.headline), e3=e(kd.label), e4=e(played), e5=e(other),
           actual_score=kd.actual_score, counterfactual_score=kd.counterfactual_score, rows=rows)
    )


def _history(d: Debrief) -> str:
    head = _('<h2 id="history">Your path beside history</h2>')
    if not d.history:
        return tr('{head}<p class="muted">You took no action, and the scenario records no history to compare.</p>',
                  head=head)
    rows = "".join(
        f'<tr><td class="date">{e(long_date(r.date, d.turn_unit))}</td><td>{items(r.yours, "—")}</td>'
        f'<td>{items(r.history, "—")}</td></tr>'
        for r in d.history
    )
    cols = "".join(f'<col style="width: {w}%">' for w in (15, 30, 55))
    return (tr("{head}<table><colgroup>{cols}</colgroup><thead><tr><th>Date</th><th>What you did</th><th>What "
               "really happened</th></tr></thead><tbody>{rows}</tbody></table>",
               head=head, cols=cols, rows=rows))


def _turns(d: Debrief) -> str:
    if not d.moves:
        return ""
    rows = "".join(
        f'<tr><td class="date">{e(long_date(m.date, d.turn_unit))}</td><td>{items(m.events, "—")}</td>'
        f'<td>{items((*m.actions, *m.answers), "waited")}</td><td>{items(m.results)}</td>'
        f"<td>{items(m.decisions)}</td></tr>"
        for m in d.moves
    )
    cols = "".join(f'<col style="width: {w}%">' for w in (14, 26, 24, 18, 18))
    return (tr('<h2 id="turns">Turn by '
               "turn</h2><table><colgroup>{cols}</colgroup><thead><tr><th>Date</th><th>What happened</th><th>Your "
               "orders</th><th>Results</th><th>The parties</th></tr></thead><tbody>{rows}</tbody></table>",
               cols=cols, rows=rows))


def _delegations(d: Debrief) -> str:
    if not d.delegations:
        return ""
    rows = "".join(f'<tr><td class="date">{e(long_date(n.date, d.turn_unit))}</td><td>{e(n.text)}</td></tr>'
                   for n in d.delegations)
    return (f'<h2 id="delegations">{e(_("The delegations"))}</h2><p>'
            + e(_("The decisions the parties' teams sent, turn by turn (a party no team sat in, or whose team sent "
                  "nothing, decided as the game's model does), and the messages the teams sent one another."))
            + f"</p><table><thead><tr><th>{e(_('Date'))}</th><th>{e(_('The teams'))}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _facilitator(d: Debrief) -> str:
    if not d.facilitator:
        return ""
    rows = "".join(f'<tr><td class="date">{e(long_date(n.date, d.turn_unit))}</td><td>{e(n.text)}</td></tr>'
                   for n in d.facilitator)
    return (tr('<h2 id="facilitator">The facilitator\'s interventions</h2><p>Events the facilitator fired, '
               "decisions they set for a party, and the class's votes, before the turn of that date was "
               "played.</p><table><thead><tr><th>Date</th><th>What the facilitator "
               "did</th></tr></thead><tbody>{rows}</tbody></table>",
               rows=rows))


def _questions(d: Debrief) -> str:
    if not d.questions:
        return ""
    qs = "".join(f'<li>{e(q["question"])} <span class="note">({e(q["when"])})</span></li>' for q in d.questions)
    return tr('<h2 id="questions">For discussion</h2><ol class="questions">{qs}</ol>', qs=qs)


def _about(d: Debrief) -> str:
    notes = f"<p>{e(d.notes)}</p>" if d.notes else ""
    sources = "".join(
        f'<li>{e(s["citation"])}' + (f' <span class="url">{e(s["url"])}</span>' if s["url"] else "") + "</li>"
        for s in d.sources
    )
    return tr('<h2 id="sources">About this scenario, and sources</h2><p>{e}</p>{notes}<ul '
              'class="sources">{sources}</ul>',
              e=e(d.summary), notes=notes, sources=sources)


# ---- the class summary ----------------------------------------------------------------------------------------------


def render_class(c: ClassSummary) -> str:
    """A class summary as a complete HTML document."""
    body = [
        _class_header(c),
        _class_endings(c),
        _class_escalation(c),
        _class_instruments(c),
        _class_outliers(c),
        _class_students(c),
        _class_questions(c),
        trn("<footer>Class summary of {n} saved game of {e} · made by Good Offices {e2}; the game was replayed "
            "move by move from its save.</footer>",
            "<footer>Class summary of {n} saved games of {e} · made by Good Offices {e2}; every game was replayed "
            "move by move from its save.</footer>", c.games, e=e(c.scenario_id), e2=e(__version__)),
    ]
    return page(tr("Class summary — {title}", title=c.title), body)


def _class_header(c: ClassSummary) -> str:
    if len(c.sessions) == 1:
        world = tr('session <span class="code">{e}</span> (everyone played the same world)', e=e(c.sessions[0]))
    elif c.seeds == 1:
        world = _("everyone played the same world")
    else:
        world = tr("{seeds} different worlds (seeds)", seeds=c.seeds)
    warn = ""
    if c.skipped:
        lines = "".join(f"<li>{e(s)}</li>" for s in c.skipped)
        warn += trn('<div class="warn"><b>{n} file could not be used:</b><ul>{lines}</ul></div>',
                    '<div class="warn"><b>{n} files could not be used:</b><ul>{lines}</ul></div>', len(c.skipped),
                    lines=lines)
    if c.duplicates:
        lines = "".join(f"<li>{e(s)}</li>" for s in c.duplicates)
        warn += tr('<div class="warn"><b>Earlier saves of the same game, counted once:</b><ul>{lines}</ul></div>',
                   lines=lines)
    return (
        tr('<header class="top"><div class="kicker">Good Offices · Class summary</div><h1>{e}</h1><p '
           'class="meta">{e2}</p><p class="meta">{games} · {world}</p></header>{warn}',
           e=e(c.title), e2=e(c.period), games=games_line(c, lambda n: f"<b>{n}</b>"), world=world, warn=warn)
    )


def _class_endings(c: ClassSummary) -> str:
    bars = [Bar(o.title, c.endings[o.id], RATING_COLOURS[o.rating],
                f"{c.endings[o.id]} ({percent(c.endings[o.id] / c.finished) if c.finished else percent_of('0')})")
            for o in c.outcomes]
    if c.games > c.finished:
        bars.append(Bar(_("Unfinished"), c.games - c.finished, RATING_COLOURS["unfinished"], str(c.games - c.finished)))
    chart = bar_chart(_("Endings of the class's games"), bars,
                      description=_("; ").join(tr("{label}: {text}", label=b.label, text=b.text) for b in bars))
    mean = (tr("<p>Mean score of the finished games: <b>{mean_score:+.1f}</b>.</p>", mean_score=c.mean_score)
            if c.mean_score is not None else "")
    base = ""
    if c.seeds == 1 and c.baseline:
        base = tr('<p class="note">Without intervention this world ends in: {e}.</p>', e=e(next(iter(c.baseline))))
    elif c.baseline:
        base = (tr('<p class="note">Without intervention, the class\'s {seeds} worlds end in: ', seeds=c.seeds)
                + ", ".join(f"{e(t)} ({n})" for t, n in c.baseline.items()) + ".</p>")
    return tr('<h2 id="endings">How the games ended</h2>{chart}{mean}{base}', chart=chart, mean=mean, base=base)


def _class_escalation(c: ClassSummary) -> str:
    out = [_('<h2 id="escalation">Escalation in every game</h2>'),
           _("<p>One line per student, coloured by how the game ended (lines are drawn slightly apart so that "
             "games on the same rung stay visible; hover over a line for the name). The dashed line is the world "
             "without intervention, when the class shared one world.</p>")]
    labels = axis_labels(c.dates, c.turn_unit, len(c.dates) - 1)
    n = len(labels)
    for k, pair in enumerate(c.pairs):
        series = []
        spread = min(0.3, 0.05 * (len(c.students) - 1))
        for i, s in enumerate(c.students):
            nudge = spread * (i / max(1, len(c.students) - 1) - 0.5)
            series.append(Series(s.name, _pad(s.rungs[k], n, nudge), RATING_COLOURS[s.rating], width=2.0,
                                 opacity=0.6, dots=False, legend=False))
        if c.baseline_rungs:  # drawn over the students' lines so that it stays visible
            series.append(Series(_("Without you"), _pad(c.baseline_rungs[k], n), GREY, dashed=True, width=2.0,
                                 dots=False))
        for rating in ("success", "partial", "failure", "unfinished"):
            if any(s.rating == rating for s in c.students):
                series.append(Series(rating_words(rating), [], RATING_COLOURS[rating]))
        top = len(pair.ladder) - 1
        out.append(f"<h3>{e(pair.name)}</h3>")
        out.append(line_chart(tr("Escalation of {name} in each game", name=pair.name), labels, series, (0, top),
                              ladder_ticks(pair.ladder), bands=[Band(top - 1.5, top + 0.5, "#fde8e8", _("war"))],
                              left=150, height=340,
                              description=trn("{n} game overlaid.", "{n} games overlaid.", len(c.students))))
    return "".join(out)


def _pad(values: Sequence[int], n: int, nudge: float = 0.0) -> list[float | None]:
    """`values` as n points (None after a game ended), each moved by `nudge` so equal lines stay visible."""
    return [v + nudge for v in values[:n]] + [None] * (n - len(values))


def _class_instruments(c: ClassSummary) -> str:
    head = _('<h2 id="instruments">Instruments the class used</h2>')
    if not c.instruments:
        return tr('{head}<p class="muted">Nobody used any instrument.</p>', head=head)
    bars = [Bar(u.name, u.games, PALETTE[0], tr("{part} of {whole}", part=u.games, whole=c.games))
            for u in c.instruments]
    chart = bar_chart(_("Games in which each instrument was used"), bars)
    rows = "".join(
        f"<tr><td>{e(u.name)}</td><td class=\"num\">{u.games}</td><td class=\"num\">{u.uses}</td>"
        f'<td class="num">{_rate(u.success_with, u.finished_with)}</td>'
        f'<td class="num">{_rate(u.success_without, u.finished_without)}</td></tr>'
        for u in c.instruments
    )
    return (tr('{head}{chart}<table><thead><tr><th>Instrument</th><th class="num">Games using it</th><th '
               'class="num">Times used</th><th class="num">Success with it</th><th class="num">Success without '
               'it</th></tr></thead><tbody>{rows}</tbody></table><p class="note">Success = the share of finished '
               "games with a success ending. With a small class these are stories to discuss, not proof: a strong "
               "player may have used an instrument for other reasons.</p>",
               head=head, chart=chart, rows=rows))


def _rate(success: int, finished: int) -> str:
    return f"{percent(success / finished)} ({success}/{finished})" if finished else "—"


def _class_outliers(c: ClassSummary) -> str:
    if not c.outliers:
        return ""
    rows = "".join(f"<tr><td>{e(o.kind)}</td><td>{e(o.name)}</td><td>{e(o.detail)}</td></tr>" for o in c.outliers)
    return (tr('<h2 id="outliers">Games worth '
               "discussing</h2><table><thead><tr><th>What</th><th>Who</th><th>Detail</th></tr></thead><tbody>{rows}</tbody></table>",
               rows=rows))


def _class_students(c: ClassSummary) -> str:
    rows = "".join(
        f"<tr><td>{e(s.name)}</td><td>{e(s.ending)} <span class=\"badge\" {rating_style(s.rating)}>"
        f"{e(rating_words(s.rating))}"
        f'</span></td><td class="num">{"—" if s.score is None else signed(s.score)}</td>'
        f'<td class="num">{s.peak}</td><td class="num">{s.turns}</td><td class="num">{s.actions}</td>'
        f'<td class="muted">{e(s.file)}</td></tr>'
        for s in c.students
    )
    return (tr('<h2 id="students">Every game</h2><table><thead><tr><th>Student</th><th>Ending</th><th '
               'class="num">Score</th><th class="num">Peak rung</th><th class="num">Turns</th><th '
               'class="num">Actions</th><th>File</th></tr></thead><tbody>{rows}</tbody></table>',
               rows=rows))


def _class_questions(c: ClassSummary) -> str:
    if not c.questions:
        return ""
    qs = "".join(f'<li>{e(q["question"])} <span class="note">({e(q["when"])})</span></li>' for q in c.questions)
    return tr('<h2 id="questions">For discussion</h2><ol class="questions">{qs}</ol>', qs=qs)
