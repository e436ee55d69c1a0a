"""World opinion in words: the three audiences' names, their regard for you as a word and a share, which way it
moved over the last turn, and the causes of its moves as the turn report names them (engine/opinion.py)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Rules
from game.engine.observation import Observation
from game.engine.opinion import AUDIENCES
from game.engine.record import TurnReport

from .words import pair_name


def audience_name(audience: str) -> str:
    """'the non-aligned', 'the press', 'the Council'."""
    return {"nonaligned": "the non-aligned", "press": "the press", "council": "the Council"}.get(audience, audience)


def audience_title(audience: str) -> str:
    """'Non-aligned', 'Press', 'Council': a gauge's label."""
    return {"nonaligned": "Non-aligned", "press": "Press", "council": "Council"}.get(audience, audience)


def audience_short(audience: str) -> str:
    """The shortest label, for a narrow gauge: 'NAM' (the Non-Aligned Movement), 'Press', 'Council'."""
    return {"nonaligned": "NAM", "press": "Press", "council": "Council"}.get(audience, audience)


def standing_label(audience: str) -> str:
    """The turn report's name for an audience's value: 'Standing with the press'."""
    return f"Standing with {audience_name(audience)}"


def heading() -> str:
    return "World opinion"


# (lowest regard, word, palette role), highest first.
REGARD = (
    (0.72, "admiring", "good"),
    (0.58, "warm", "good"),
    (0.43, "neutral", "text"),
    (0.30, "cool", "warn"),
    (0.0, "hostile", "danger"),
)


def regard(value: float) -> tuple[str, str]:
    """An audience's regard for you in a word, and its palette role."""
    for lowest, word, role in REGARD:
        if value >= lowest:
            return word, role
    return REGARD[-1][1], REGARD[-1][2]


def ladder_cause(rules: Rules, args: tuple) -> str:
    """The world watching a dispute climb or come down: 'the world saw Karelia – Lowmark climb to 'crisis''."""
    k, before, after = args
    rung = rules.ladders[k][after] if 0 <= after < len(rules.ladders[k]) else str(after)
    way = "climb to" if after > before else "come down to"
    return f"the world saw {pair_name(rules, k)} {way} '{rung}'"


CAUSES = {
    "opinion_fades": "the world's attention moves on",
    "opinion_council": "the Council follows its members' support for you",
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
    return f"{abs(n)} pt" + ("" if abs(n) == 1 else "s")


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
        trend = "steady" if change == 0 else f"{'up' if change > 0 else 'down'} {_points(change)}"
        word, role = regard(value)
        out.append(Gauge(a, audience_title(a), audience_short(a), value, f"{round(value * 100)}%", word, role,
                         change, trend))
    return out


def opinion_line(obs: Observation, report: TurnReport | None = None) -> str:
    """'World opinion: the non-aligned warm (62%, up 4 pts) · the press neutral (51%, steady) · …'."""
    parts = [f"{audience_name(g.audience)} {g.word} ({g.percent}, {g.trend})" for g in gauges(obs, report)]
    return f"{heading()}: " + " · ".join(parts) if parts else ""


def gauge_tip(gauge: Gauge) -> str:
    """The tooltip of one gauge: what the audience is and what moves it."""
    what = {
        "nonaligned": "The non-aligned and the smaller states: they like a Secretary-General who speaks up.",
        "press": "The world's press: it follows what you do in public, and the crisis.",
        "council": "The Council as a body: it follows its members' support, and dislikes being lectured in public.",
    }.get(gauge.audience, "")
    return (f"{gauge.title}: {gauge.word} ({gauge.percent}, {gauge.trend} over the last turn). {what} Public moves "
            "count for more when visibility is high; a dispute that climbs costs you regard, a deal wins it; "
            "regard fades back toward where it started. It does not move the parties.")


def panel_tip(shown: list[Gauge]) -> str:
    """The tooltip of the whole read-out: each audience in a line, then what moves them all."""
    rows = " ".join(f"{g.title}: {g.word} ({g.percent}, {g.trend})." for g in shown)
    return (f"{heading()}, over the last turn. {rows} Public moves count for more when visibility is high; a "
            "dispute that climbs costs you regard, a deal wins it; the Council follows its members' support; "
            "regard fades back toward where it started. It does not move the parties.")


def opinion_intro() -> str:
    """What the debrief's world-opinion chart shows."""
    return ("How the non-aligned, the press and the Security Council as a body regarded you at the start of every "
            "turn (50% is neutral): public moves win regard, the more so when the world is watching; a dispute "
            "that climbs its ladder costs it and a deal wins it; the Council follows its members' support; regard "
            "fades back toward where it started.")


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
    return (f"{heading()} after each turn: the non-aligned, the press and the Council as a body (50% is "
            "neutral).")
