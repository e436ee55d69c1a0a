"""World opinion in words: the three audiences' names, their regard for you as a word and a share, which way it
moved over the last turn, and the causes of its moves as the turn report names them (engine/opinion.py)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Rules
from game.engine.observation import Observation
from game.engine.opinion import AUDIENCES
from game.engine.record import TurnReport
from game.i18n import N_, _, tr, trn
from game.i18n.formats import percent_of

from .words import pair_name


def audience_name(audience: str) -> str:
    """'the non-aligned', 'the press', 'the Council'."""
    names = {"nonaligned": N_("the non-aligned"), "press": N_("the press"), "council": N_("the Council")}
    return _(names[audience]) if audience in names else audience


def audience_title(audience: str) -> str:
    """'Non-aligned', 'Press', 'Council': a gauge's label."""
    titles = {"nonaligned": N_("Non-aligned"), "press": N_("Press"), "council": N_("Council")}
    return _(titles[audience]) if audience in titles else audience


def audience_short(audience: str) -> str:
    """The shortest label, for a narrow gauge: 'NAM' (the Non-Aligned Movement), 'Press', 'Council'."""
    shorts = {"nonaligned": N_("NAM"), "press": N_("Press"), "council": N_("Council")}
    return _(shorts[audience]) if audience in shorts else audience


# Whole, so that a language can join its words ('auprès des non-alignés', 'auprès du Conseil').
STANDINGS = {"nonaligned": N_("Standing with the non-aligned"), "press": N_("Standing with the press"),
             "council": N_("Standing with the Council")}


def standing_label(audience: str) -> str:
    """The turn report's name for an audience's value: 'Standing with the press'."""
    if audience in STANDINGS:
        return _(STANDINGS[audience])
    return tr("Standing with {audience}", audience=audience_name(audience))


def heading() -> str:
    return _("World opinion")


# (lowest regard, word, palette role), highest first.
REGARD = (
    (0.72, N_("admiring"), "good"),
    (0.58, N_("warm"), "good"),
    (0.43, N_("neutral"), "text"),
    (0.30, N_("cool"), "warn"),
    (0.0, N_("hostile"), "danger"),
)


def regard(value: float) -> tuple[str, str]:
    """An audience's regard for you in a word, and its palette role."""
    for lowest, word, role in REGARD:
        if value >= lowest:
            return _(word), role
    return _(REGARD[-1][1]), REGARD[-1][2]


def ladder_cause(rules: Rules, args: tuple) -> str:
    """The world watching a dispute climb or come down: 'the world saw Karelia – Lowmark climb to 'crisis''."""
    k, before, after = args
    rung = rules.ladders[k][after] if 0 <= after < len(rules.ladders[k]) else str(after)
    if after > before:
        return tr("the world saw {pair} climb to '{rung}'", pair=pair_name(rules, k), rung=rung)
    return tr("the world saw {pair} come down to '{rung}'", pair=pair_name(rules, k), rung=rung)


CAUSES = {
    "opinion_fades": N_("the world's attention moves on"),
    "opinion_council": N_("the Council follows its members' support for you"),
}


@dataclass(frozen=True)
class Gauge:
    """One audience as the read-out shows it."""

    audience: str
    title: str  # 'Press'
    short: str  # 'NAM'
    value: float
    percent: str  # '54%'
    word: str  # 'warm'
    role: str  # palette role of the word
    change: int  # percentage points over the last turn (0 unchanged)
    trend: str  # 'up 4 pts', 'down 1 pt', 'steady'


def _points(n: int) -> str:
    return trn("{n} pt", "{n} pts", abs(n))


def gauges(obs: Observation, report: TurnReport | None = None) -> list[Gauge]:
    """Each audience's regard now and its move over the last turn (from the report's changes)."""
    net = report.net() if report is not None else {}
    out = []
    for a in AUDIENCES:
        if a not in obs.opinion:
            continue
        value = obs.opinion[a]
        moved = net.get(f"opinion.{a}")
        change = round(moved[1] * 100) - round(moved[0] * 100) if moved else 0
        trend = _("steady") if change == 0 else tr("up {points}", points=_points(change)) if change > 0 \
            else tr("down {points}", points=_points(change))
        word, role = regard(value)
        out.append(Gauge(a, audience_title(a), audience_short(a), value, percent_of(str(round(value * 100))), word,
                         role, change, trend))
    return out


def opinion_line(obs: Observation, report: TurnReport | None = None) -> str:
    """'World opinion: the non-aligned warm (62%, up 4 pts) · the press neutral (51%, steady) · …'."""
    parts = [tr("{audience} {word} ({percent}, {trend})", audience=audience_name(g.audience), word=g.word,
                percent=g.percent, trend=g.trend) for g in gauges(obs, report)]
    return tr("{heading}: {parts}", heading=heading(), parts=" · ".join(parts)) if parts else ""


def gauge_tip(gauge: Gauge) -> str:
    """The tooltip of one gauge: what the audience is and what moves it."""
    what = {
        "nonaligned": N_("The non-aligned and the smaller states: they like a Secretary-General who speaks up."),
        "press": N_("The world's press: it follows what you do in public, and the crisis."),
        "council": N_("The Council as a body: it follows its members' support, and dislikes being lectured in "
                      "public."),
    }
    return tr("{title}: {word} ({percent}, {trend} over the last turn). {what} Public moves count for more when "
              "visibility is high; a dispute that climbs costs you regard, a deal wins it; regard fades back toward "
              "where it started. It does not move the parties.",
              title=gauge.title, word=gauge.word, percent=gauge.percent, trend=gauge.trend,
              what=_(what[gauge.audience]) if gauge.audience in what else "")


def panel_tip(shown: list[Gauge]) -> str:
    """The tooltip of the whole read-out: each audience in a line, then what moves them all."""
    rows = " ".join(tr("{title}: {word} ({percent}, {trend}).", title=g.title, word=g.word, percent=g.percent,
                       trend=g.trend) for g in shown)
    return tr("{heading}, over the last turn. {rows} Public moves count for more when visibility is high; a "
              "dispute that climbs costs you regard, a deal wins it; the Council follows its members' support; "
              "regard fades back toward where it started. It does not move the parties.",
              heading=heading(), rows=rows)


def opinion_intro() -> str:
    """What the debrief's world-opinion chart shows."""
    return _("How the non-aligned, the press and the Security Council as a body regarded you at the start of "
             "every turn (neutral at 50%): public moves win regard, the more so when the world is watching; a "
             "dispute that climbs its ladder costs it and a deal wins it; the Council follows its members' support; "
             "regard fades back toward where it started.")


def opinion_paths(reports: list[TurnReport], start: list[float]) -> list[list[float]]:
    """Each audience's regard after every turn (index 0 = the start), from the turn reports' changes."""
    paths = [[v] for v in start]
    current = list(start)
    index = {f"opinion.{a}": i for i, a in enumerate(AUDIENCES)}
    for report in reports:
        if report.turn < 0:
            continue
        for c in report.changes:
            i = index.get(c.target)
            if i is not None and i < len(current):
                current[i] = c.after
        for i, v in enumerate(current):
            paths[i].append(v)
    return paths


def chart_tip() -> str:
    return tr("{heading} after each turn: the non-aligned, the press and the Council as a body (neutral at 50%).",
              heading=heading())
