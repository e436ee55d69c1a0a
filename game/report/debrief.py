"""One game's debrief as data: the ending and score against doing nothing, escalation and resources turn by turn,
the player's path beside the history, the decisions that mattered most, sources and questions.

Collected by replaying the saved inputs on the same seed, so every number is the game the student played. The
renderers (html.py, markdown.py, jsondoc.py) only format this data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from game.engine import Action, Game, Intervention, Rules, Vote
from game.engine.game import intervene_at
from game.engine.opinion import AUDIENCES
from game.i18n import N_, _, tr
from game.i18n.formats import labelled, percent_of
from game.present.dates import day_text, short_date, when_text
from game.present.delegations import answers_lines, team_decision_text, team_message_text
from game.present.moves import comparison_label
from game.present.news import message_text
from game.present.variants import ending_words
from game.present.words import action_label, pair_name
from game.scenario.calendar import turn_of

from .loading import Played

RESOURCES = (
    ("prestige", N_("Prestige")),
    ("budget", N_("Budget ($m)")),
    ("envoys_free", N_("Envoys free")),
    ("attention_free", N_("Attention free")),
)
DECISION_WORDS = {"escalate": N_("{party} escalated"), "hold": N_("{party} held its position"),
                  "step_back": N_("{party} stepped back")}
KeyDecisionFinder = Callable[[Rules, int, Sequence[Any], int, int], list[Any]]  # rules, seed, inputs, runs, top


@dataclass(frozen=True)
class PairTrack:
    """One pair's escalation at every point of the game (point k = the start of turn k; the last = the end)."""

    id: str
    name: str
    ladder: tuple[str, ...]
    rungs: tuple[int, ...]
    pressure: tuple[float, ...]  # the true, hidden pressure: revealed in the debrief
    baseline_rungs: tuple[int, ...]  # the same world with a Secretary-General who does nothing
    peak: int
    baseline_peak: int


@dataclass(frozen=True)
class TrackLine:
    """One progress track at every point of the game, with the same world's path when nobody intervenes."""

    id: str
    name: str
    description: str
    unit: str
    low: float
    high: float
    visibility: str  # exact | estimated | hidden (hidden ones are revealed here, after the game)
    values: tuple[float, ...]
    baseline: tuple[float, ...]


@dataclass(frozen=True)
class Move:
    """One turn of the player's game: what they ordered and answered, and what came of it."""

    turn: int
    date: str
    actions: tuple[str, ...]  # readable labels
    used: tuple[str, ...]  # instrument or proposal ids, for the class statistics
    answers: tuple[str, ...]  # "event title: choice label"
    events: tuple[str, ...]  # titles of events the player faced this turn
    results: tuple[str, ...]  # what came of the player's initiatives
    decisions: tuple[str, ...]  # "Lowmark escalated"


@dataclass(frozen=True)
class HistoryRow:
    """A turn where the player did something or where something really happened: the two side by side."""

    turn: int
    date: str
    yours: tuple[str, ...]
    history: tuple[str, ...]


@dataclass(frozen=True)
class KeyDecision:
    """A turn where doing something else would have changed the ending most (from counterfactual replays)."""

    turn: int
    date: str
    label: str
    played: tuple[str, ...]
    alternative: tuple[str, ...]
    runs: int
    headline: str  # e.g. "War on the Varta 12% → 5%"
    actual_endings: dict[str, float]
    counterfactual_endings: dict[str, float]
    actual_ratings: dict[str, float]
    counterfactual_ratings: dict[str, float]
    actual_score: float
    counterfactual_score: float


@dataclass(frozen=True)
class FacilitatorNote:
    """Something the facilitator did before a turn was resolved: an injected event, an override or a class vote."""

    turn: int
    date: str
    kind: str  # inject | override | vote
    text: str


@dataclass(frozen=True)
class Outcome:
    """An ending: its id, title, rating and text."""

    id: str
    title: str
    rating: str
    text: str


@dataclass(frozen=True)
class Debrief:
    """Everything a debrief shows, as plain data."""

    scenario_id: str
    title: str
    period: str
    summary: str
    notes: str
    turn_unit: str
    turns_total: int
    file: str
    player: str
    seed: int
    session: str
    created: str
    updated: str
    turns_played: int
    point_dates: tuple[str, ...]  # ISO date of each point; the last point of a finished game is the calendar end
    calendar: tuple[str, ...]  # the dates of every point of a whole game, for charts that overlay games
    instrument_names: dict[str, str]  # instrument and proposal id -> name, in scenario order
    ending: Outcome | None  # None while the game is unfinished
    ended_turn: int | None
    ended_date: str  # ISO date of the turn the game ended on, "" while unfinished
    score: dict[str, float] | None
    baseline_ending: Outcome
    endings: tuple[Outcome, ...]  # every ending of the scenario, in scenario order
    pairs: tuple[PairTrack, ...]
    resources: dict[str, tuple[float, ...]]
    moves: tuple[Move, ...]
    history: tuple[HistoryRow, ...]
    sources: tuple[dict[str, str], ...]
    questions: tuple[dict[str, str], ...]
    key_decisions: tuple[KeyDecision, ...]
    key_decisions_runs: int  # 0 when the decisions that mattered were not looked for
    facilitator: tuple[FacilitatorNote, ...] = ()  # the facilitator's interventions and the class's votes
    opinion: dict[str, tuple[float, ...]] = field(default_factory=dict)  # audience -> regard at each point
    tracks: tuple[TrackLine, ...] = ()  # the scenario's progress tracks, if it has any
    delegations: tuple[FacilitatorNote, ...] = ()  # a delegations class: the teams' decisions and messages

    @property
    def name(self) -> str:
        """How the student is called: the name they entered, else the save's file name."""
        return self.player.strip() or self.file

    @property
    def finished(self) -> bool:
        return self.ending is not None

    def used(self) -> set[str]:
        """Ids of the instruments and proposals the player used at least once."""
        return {key for move in self.moves for key in move.used}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"name": self.name, "finished": self.finished}


def collect(played: Played, *, session: str = "", runs: int = 100, top: int = 3,
            finder: KeyDecisionFinder | None = None) -> Debrief:
    """The debrief of a saved game; with `runs` > 0 and a `finder`, the `top` decisions that mattered most."""
    rules, save = played.rules, played.save
    game, points = replay_points(rules, save.seed, save.inputs, save.interventions)
    base_game, base_points = replay_points(rules, save.seed, None)
    scn = rules.scenario
    endings = tuple(Outcome(e.key, e.title, e.rating, e.text) for e in rules.endings)
    by_id = {e.id: e for e in endings}
    if game.ending:  # the ending in the words chosen as the game ended
        title, text = ending_words(rules, game.ending, game.state.texts)
        by_id[game.ending] = Outcome(game.ending, title, by_id[game.ending].rating, text)
    if base_game.ending and base_game.ending != game.ending:
        title, text = ending_words(rules, base_game.ending, base_game.state.texts)
        by_id[base_game.ending] = Outcome(base_game.ending, title, by_id[base_game.ending].rating, text)
    score = None
    if game.done:
        s = game.score()
        score = {"total": s.total, "base": s.base, "prevention": s.prevention,
                 "escalation_spared": s.escalation_spared, "prestige": s.prestige}
    decisions = ()
    # The futures compared replay the player's inputs alone, so a facilitated game is not compared.
    if runs > 0 and finder is not None and save.inputs and not save.interventions:
        decisions = tuple(key_decision(rules, c) for c in finder(rules, save.seed, save.inputs, runs, top)[:top])
    return Debrief(
        scenario_id=scn.id,
        title=scn.title,
        period=scn.period,
        summary=scn.summary,
        notes=scn.notes or "",
        turn_unit=scn.calendar.turn_unit,
        turns_total=rules.turns,
        file=played.file.name,
        player=save.player,
        seed=save.seed,
        session=session,
        created=save.created,
        updated=save.updated,
        turns_played=len(save.inputs),
        point_dates=point_dates(rules, len(points)),
        calendar=point_dates(rules, rules.turns + 1),
        instrument_names={k: v.name for k, v in [*rules.instruments.items(), *rules.proposals.items()]
                          if not rules.is_wait(k)},
        ending=by_id[game.ending] if game.ending else None,
        ended_turn=max(0, len(save.inputs) - 1) if game.done else None,
        ended_date=rules.dates[max(0, len(save.inputs) - 1)].isoformat() if game.done else "",
        score=score,
        baseline_ending=by_id[str(base_game.ending)],
        endings=endings,
        pairs=pair_tracks(rules, points, base_points),
        resources={key: tuple(p["office"][key] for p in points) for key, __ in RESOURCES},
        moves=moves(rules, game),
        history=history_rows(rules, game),
        sources=tuple({"id": s.id, "citation": s.citation, "url": s.url or ""} for s in scn.sources),
        questions=questions(rules),
        key_decisions=decisions,
        key_decisions_runs=runs if finder is not None and not save.interventions else 0,
        facilitator=facilitator_notes(rules, save.interventions, save.votes),
        opinion={a: tuple(p["opinion"][i] for p in points) for i, a in enumerate(AUDIENCES)},
        tracks=tuple(
            TrackLine(t.key, t.name, t.description, t.unit, t.lo, t.hi, t.visibility,
                      tuple(p["tracks"][j] for p in points), tuple(p["tracks"][j] for p in base_points))
            for j, t in enumerate(rules.tracks)
        ),
        delegations=delegation_notes(rules, save.inputs, save.messages),
    )


# ---- replaying turn by turn ---------------------------------------------------------------------------------------


def replay_points(rules: Rules, seed: int, inputs: Sequence[Any] | None, interventions: Sequence[Intervention] = ()
                  ) -> tuple[Game, list[dict[str, Any]]]:
    """Replay `inputs` (None: do nothing until the end), with a facilitator's interventions at their turns, and
    record the state at every point."""
    game = Game(rules, seed)
    points = [point(game)]
    if inputs is None:
        while not game.done:
            game.step()
            points.append(point(game))
    else:
        for t, turn_input in enumerate(inputs):
            intervene_at(game, interventions, t)
            game.play(turn_input)
            points.append(point(game))
        intervene_at(game, interventions, len(inputs))
    return game, points


def facilitator_notes(rules: Rules, interventions: Sequence[Intervention], votes: Sequence[Vote]
                      ) -> tuple[FacilitatorNote, ...]:
    """The facilitator's interventions and the class's votes in words, in turn order (interventions first)."""
    events = {e.key: e.title for e in rules.events}
    notes = []
    for iv in interventions:
        if iv.kind == "inject":
            text = tr("Fired the event '{get}'", get=events.get(iv.target, iv.target))
        else:
            name = rules.party_names.get(iv.target, iv.target)
            text = tr("Set {name}'s decision for the turn: {replace}",
                      name=name, replace=iv.value.replace('_', ' '))
        notes.append(FacilitatorNote(iv.turn, _date(rules, iv.turn), iv.kind, text + (f" — {iv.note}" if iv.note
                                                                                           else "")))
    for vote in votes:
        tally = ", ".join(labelled(_vote_label(rules, a), n) for a, n in vote.counts)
        text = tr("Class vote ({tally}); the class chose {vote_label}",
                  tally=tally, vote_label=_vote_label(rules, vote.chosen))
        notes.append(FacilitatorNote(vote.turn, _date(rules, vote.turn), "vote", text))
    return tuple(sorted(notes, key=lambda n: n.turn))


def delegation_notes(rules: Rules, inputs: Sequence[Any], messages: Sequence[Any]) -> tuple[FacilitatorNote, ...]:
    """A delegations game's teams in words, in turn order: each party team's decision and its answers to the
    proposals and appeals put to it (the parties no team sat in, or whose team sent nothing, decided as the game's
    model does and are not listed), then the messages."""
    notes = []
    for turn, turn_input in enumerate(inputs):
        if turn_input.decisions or turn_input.answers:
            parts = [team_decision_text(rules, party, decision) for party, decision in turn_input.decisions]
            parts += [line.rstrip(".") for line in answers_lines(rules, turn_input.answers)]
            notes.append(FacilitatorNote(turn, _date(rules, turn), "decision", _("; ").join(parts)))
    for m in messages:
        notes.append(FacilitatorNote(m.turn, _date(rules, m.turn), "message", team_message_text(rules, m)))
    return tuple(sorted(notes, key=lambda n: (n.turn, n.kind != "decision")))


def _date(rules: Rules, turn: int) -> str:
    return rules.dates[min(turn, rules.turns - 1)].isoformat()


def _vote_label(rules: Rules, written: str) -> str:
    """An action written as in a save ('use target' or 'use mode') in readable words."""
    use, *rest = written.split()
    if use in rules.proposals:
        return action_label(rules, Action(use, None, rest[0] if rest else None))
    return action_label(rules, Action(use, rest[0] if rest else None))


def point(game: Game) -> dict[str, Any]:
    """What the debrief charts at one moment: each pair's rung and pressure, the office's free resources and world
    opinion."""
    s, rules = game.state, game.rules
    return {
        "rungs": [p.rung for p in s.pairs],
        "pressure": [round(p.pressure, 3) for p in s.pairs],
        "tracks": [round(float(s.variables[t.key]), 3) for t in rules.tracks],
        "office": {
            "prestige": round(s.office.prestige, 2),
            "budget": round(s.office.budget, 2),
            "envoys_free": float(s.office.envoys - rules.envoys_busy(s)),
            "attention_free": float(max(0, rules.attention_capacity(s) - rules.attention_used(s))),
        },
        "opinion": [round(v, 3) for v in s.opinion],
    }


def point_dates(rules: Rules, count: int) -> tuple[str, ...]:
    """The date of each point: the start of its turn, or the calendar's end after the last turn."""
    end = rules.scenario.calendar.end
    return tuple((rules.dates[k] if k < rules.turns else end).isoformat() for k in range(count))


def pair_tracks(rules: Rules, points: list[dict[str, Any]], base: list[dict[str, Any]]) -> tuple[PairTrack, ...]:
    out = []
    for k, pid in enumerate(rules.pair_ids):
        rungs = tuple(p["rungs"][k] for p in points)
        base_rungs = tuple(p["rungs"][k] for p in base)
        out.append(PairTrack(
            id=pid,
            name=pair_name(rules, pid),
            ladder=rules.ladders[k],
            rungs=rungs,
            pressure=tuple(p["pressure"][k] for p in points),
            baseline_rungs=base_rungs,
            peak=max(rungs),
            baseline_peak=max(base_rungs),
        ))
    return tuple(out)


def moves(rules: Rules, game: Game) -> tuple[Move, ...]:
    """Each played turn: orders, answers, events faced, results and the parties' decisions."""
    events = {e.key: e for e in rules.events}
    out = []
    for t, turn_input in enumerate(game.inputs):
        report = game.reports[t + 1]
        answers = []
        for ev_id, choice_id in turn_input.choices:
            ev = events[ev_id]
            label = next((c.label for c in ev.choices if c.key == choice_id), choice_id)
            answers.append(labelled(ev.title, label))
        faced = tuple(events[e].title for e in game.reports[t].events if e in events)
        out.append(Move(
            turn=t,
            date=report.date,
            actions=tuple(action_label(rules, a) for a in turn_input.actions if not rules.is_wait(a.use)),
            used=tuple(a.use for a in turn_input.actions if not rules.is_wait(a.use)),
            answers=tuple(answers),
            events=faced,
            results=tuple(message_text(rules, m) for m in report.messages if m.kind == "result"),
            decisions=tuple(_(DECISION_WORDS[d]).format(party=rules.party_names[p]) if d in DECISION_WORDS
                            else f"{rules.party_names[p]} {d}" for p, d in report.decisions.items()),
        ))
    return tuple(out)


def history_rows(rules: Rules, game: Game) -> tuple[HistoryRow, ...]:
    """The player's moves beside the historical notes and the real Secretary-General's actions, turn by turn."""
    scn = rules.scenario
    real: dict[int, list[str]] = {}
    for note in scn.historical_notes:
        real.setdefault(_turn(rules, note.date), []).append(note.text)
    for step in scn.historical_policy:
        acts = [action_label(rules, Action(a.use, a.target, a.mode)) for a in step.actions]
        text = _("; ").join(acts)
        if step.note:
            text = f"{text} — {step.note}" if text else step.note
        if text:
            real.setdefault(_turn(rules, step.date), []).append(labelled(scn.secretary_general.name, text))
    mine = {m.turn: (*m.actions, *m.answers) for m in moves(rules, game)}
    turns = sorted({t for t, yours in mine.items() if yours} | set(real))
    return tuple(
        HistoryRow(t, rules.dates[t].isoformat(), tuple(mine.get(t, ())), tuple(real.get(t, ()))) for t in turns
    )


def _turn(rules: Rules, day: dt.date) -> int:
    t = turn_of(rules.scenario.calendar, day)
    if t is not None:
        return t
    return 0 if day < rules.dates[0] else rules.turns - 1


def questions(rules: Rules) -> tuple[dict[str, str], ...]:
    """The scenario's discussion questions, each with when it comes up."""
    titles = {e.key: e.title for e in rules.events}
    out = []
    for d in rules.scenario.discussion:
        title = titles.get(d.after_event or "", d.after_event)
        when = day_text(d.date) if d.date else tr("after “{title}”", title=title)
        out.append({"id": d.id, "when": when, "question": d.question})
    return tuple(out)


def key_decision(rules: Rules, comparison: Any) -> KeyDecision:
    """A counterfactual comparison (game.sim.counterfactual.Comparison) as debrief data with a headline."""
    actual, other = comparison.actual, comparison.counterfactual
    return KeyDecision(
        turn=comparison.turn,
        date=comparison.date,
        label=comparison_label(rules, comparison.played, comparison.alternative),
        played=tuple(action_label(rules, a) for a in comparison.played),
        alternative=tuple(action_label(rules, a) for a in comparison.alternative),
        runs=actual.runs,
        headline=headline(rules, actual.endings, other.endings),
        actual_endings=dict(actual.endings),
        counterfactual_endings=dict(other.endings),
        actual_ratings=dict(actual.ratings),
        counterfactual_ratings=dict(other.ratings),
        actual_score=round(actual.mean_score, 1),
        counterfactual_score=round(other.mean_score, 1),
    )


def headline(rules: Rules, actual: dict[str, float], other: dict[str, float]) -> str:
    """The ending whose chance moved most, as 'War on the Varta 12% → 5%'."""
    titles = {e.key: e.title for e in rules.endings}
    keys = [e.key for e in rules.endings]
    key = max(keys, key=lambda k: (abs(other.get(k, 0.0) - actual.get(k, 0.0)), -keys.index(k)))
    return f"{titles[key]} {percent(actual.get(key, 0.0))} → {percent(other.get(key, 0.0))}"


def percent(share: float) -> str:
    return percent_of(str(round(100 * share)))


def axis_labels(dates: Sequence[str], unit: str, turns_total: int) -> list[str]:
    """Chart labels for points: the short date of each turn's start, and 'end' for the point after the last turn."""
    return [short_date(x, unit) if k < turns_total else _("end") for k, x in enumerate(dates)]


def long_date(iso: str, unit: str = "day") -> str:
    """A turn's date for text: '24 October 1962', or 'August 1995' for a month's turn."""
    return when_text(iso, unit)
