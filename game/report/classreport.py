"""A class summary over many students' debriefs of one scenario: endings, escalation in every game, which
instruments the class used and how they went with outcomes, and the games worth discussing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from game.i18n import _, tr, trn
from game.i18n.formats import signed
from game.present.words import plural

from .debrief import Debrief, Outcome, long_date
from .loading import ReportError

RATINGS = ("success", "partial", "failure")


@dataclass(frozen=True)
class PairInfo:
    id: str
    name: str
    ladder: tuple[str, ...]


@dataclass(frozen=True)
class StudentRow:
    """One student's game in a line: who, how it ended, and the escalation curve of each pair."""

    name: str
    file: str
    ending: str  # title, or "unfinished"
    ending_id: str
    rating: str  # success | partial | failure | unfinished
    score: float | None
    peak: int  # highest rung any pair reached
    turns: int
    actions: int
    ended: str  # ISO date the game ended, "" when unfinished
    ended_turn: int | None
    rungs: tuple[tuple[int, ...], ...]  # per pair, per point


@dataclass(frozen=True)
class InstrumentUse:
    """How often the class used an instrument, and the success rate of finished games with and without it."""

    id: str
    name: str
    games: int
    uses: int
    finished_with: int
    success_with: int
    finished_without: int
    success_without: int


@dataclass(frozen=True)
class Outlier:
    kind: str
    name: str
    detail: str


@dataclass(frozen=True)
class ClassSummary:
    scenario_id: str
    title: str
    period: str
    turn_unit: str
    games: int
    finished: int
    sessions: tuple[str, ...]
    seeds: int
    outcomes: tuple[Outcome, ...]
    endings: dict[str, int]  # ending id -> finished games that reached it, every ending of the scenario
    ratings: dict[str, int]
    mean_score: float | None
    baseline: dict[str, int]  # ending title -> distinct worlds that end so without intervention
    baseline_rungs: tuple[tuple[int, ...], ...]  # per pair, when every game shared one world; else empty
    dates: tuple[str, ...]
    pairs: tuple[PairInfo, ...]
    students: tuple[StudentRow, ...]
    instruments: tuple[InstrumentUse, ...]
    outliers: tuple[Outlier, ...]
    questions: tuple[dict[str, str], ...]
    skipped: tuple[str, ...]
    duplicates: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def games_line(c: ClassSummary, bold: Callable[[int], str]) -> str:
    """'12 games: 10 finished, 2 unfinished', each count as `bold` marks it (HTML or Markdown), each word agreeing
    with its count."""
    return tr("{games}: {finished}, {unfinished}",
              games=trn("{n} game", "{n} games", c.games, shown=bold(c.games)),
              finished=trn("{n} finished", "{n} finished", c.finished, shown=bold(c.finished)),
              unfinished=trn("{n} unfinished", "{n} unfinished", c.games - c.finished))


def check_one_scenario(debriefs: Sequence[Debrief]) -> None:
    """Raise ReportError when the saves come from more than one scenario."""
    counts = Counter(d.scenario_id for d in debriefs)
    if len(counts) > 1:
        listed = ", ".join(f"{sid}: {n}" for sid, n in sorted(counts.items()))
        raise ReportError(tr("the saves are from different scenarios ({listed}); make one class summary per "
                             "scenario",
                             listed=listed))


def dedupe(debriefs: Sequence[Debrief]) -> tuple[list[Debrief], list[str]]:
    """Drop earlier saves of a game also saved later (same named player, same seed, its moves a prefix of the
    later save's), so that a student's autosave and named save count once; say which were dropped."""
    kept: list[Debrief] = []
    notes: list[str] = []
    for d in sorted(debriefs, key=lambda x: (-x.turns_played, x.file)):
        later = next((k for k in kept if _same_game(d, k)), None)
        if later is None:
            kept.append(d)
        else:
            notes.append(tr("{file} ({name}, {turns_played} turns) is an earlier save of {file2}",
                            file=d.file, name=d.name, turns_played=d.turns_played, file2=later.file))
    kept.sort(key=lambda x: (x.name.lower(), x.file))
    return kept, notes


def _same_game(early: Debrief, late: Debrief) -> bool:
    if not early.player.strip() or early.player.strip() != late.player.strip() or early.seed != late.seed:
        return False
    steps = [(m.actions, m.answers) for m in late.moves]
    return [(m.actions, m.answers) for m in early.moves] == steps[: len(early.moves)]


def summarise(debriefs: Sequence[Debrief], *, skipped: Sequence[str] = (), duplicates: Sequence[str] = ()
              ) -> ClassSummary:
    """The class summary of debriefs of one scenario (check_one_scenario first; dedupe if wanted)."""
    if not debriefs:
        raise ReportError(_("no saved game to summarise"))
    check_one_scenario(debriefs)
    first = debriefs[0]
    students = tuple(_student(d) for d in debriefs)
    done = [d for d in debriefs if d.finished]
    scores = [d.score["total"] for d in done if d.score is not None]
    worlds = {d.seed: d for d in debriefs}
    return ClassSummary(
        scenario_id=first.scenario_id,
        title=first.title,
        period=first.period,
        turn_unit=first.turn_unit,
        games=len(debriefs),
        finished=len(done),
        sessions=tuple(sorted({d.session for d in debriefs if d.session})),
        seeds=len(worlds),
        outcomes=first.endings,
        endings={o.id: sum(1 for d in done if d.ending and d.ending.id == o.id) for o in first.endings},
        ratings={r: sum(1 for d in done if d.ending and d.ending.rating == r) for r in RATINGS},
        mean_score=round(sum(scores) / len(scores), 1) if scores else None,
        baseline=dict(Counter(d.baseline_ending.title for d in worlds.values())),
        baseline_rungs=tuple(p.baseline_rungs for p in first.pairs) if len(worlds) == 1 else (),
        dates=first.calendar,
        pairs=tuple(PairInfo(p.id, p.name, p.ladder) for p in first.pairs),
        students=students,
        instruments=instrument_uses(debriefs),
        outliers=outliers(students, first.turns_total),
        questions=first.questions,
        skipped=tuple(skipped),
        duplicates=tuple(duplicates),
    )


def _student(d: Debrief) -> StudentRow:
    return StudentRow(
        name=d.name,
        file=d.file,
        ending=d.ending.title if d.ending else "unfinished",
        ending_id=d.ending.id if d.ending else "",
        rating=d.ending.rating if d.ending else "unfinished",
        score=d.score["total"] if d.score else None,
        peak=max((p.peak for p in d.pairs), default=0),
        turns=d.turns_played,
        actions=sum(len(m.used) for m in d.moves),
        ended=d.ended_date,
        ended_turn=d.ended_turn,
        rungs=tuple(p.rungs for p in d.pairs),
    )


def instrument_uses(debriefs: Sequence[Debrief]) -> tuple[InstrumentUse, ...]:
    """Every instrument or proposal anyone used, most used first, with success rates with and without it."""
    names = debriefs[0].instrument_names
    order = list(names)
    counts: Counter[str] = Counter()
    games: Counter[str] = Counter()
    for d in debriefs:
        for m in d.moves:
            counts.update(m.used)
        games.update(d.used())
    out = []
    for key in games:
        using = [d for d in debriefs if key in d.used() and d.finished]
        without = [d for d in debriefs if key not in d.used() and d.finished]
        out.append(InstrumentUse(
            id=key,
            name=names.get(key, key),
            games=games[key],
            uses=counts[key],
            finished_with=len(using),
            success_with=sum(1 for d in using if d.ending and d.ending.rating == "success"),
            finished_without=len(without),
            success_without=sum(1 for d in without if d.ending and d.ending.rating == "success"),
        ))
    out.sort(key=lambda u: (-u.games, order.index(u.id) if u.id in order else len(order)))
    return tuple(out)


def outliers(students: Sequence[StudentRow], turns_total: int) -> tuple[Outlier, ...]:
    """The games worth discussing: best and worst score, a rare ending, the earliest failure, most and least active."""
    out: list[Outlier] = []
    scored = [s for s in students if s.score is not None]
    if len(scored) >= 2:
        best = max(s.score for s in scored if s.score is not None)
        worst = min(s.score for s in scored if s.score is not None)
        if best != worst:
            out.append(_tied(_("Best score"), [s for s in scored if s.score == best], signed(best)))
            out.append(_tied(_("Worst score"), [s for s in scored if s.score == worst], signed(worst)))
    finished = [s for s in students if s.rating != "unfinished"]
    counts = Counter(s.ending_id for s in finished)
    if len(finished) >= 3 and len(counts) > 1:
        for s in finished:
            if counts[s.ending_id] == 1:
                out.append(Outlier(_("Unusual ending"), s.name, tr("the only game to end in “{ending}”",
                                                                ending=s.ending)))
    failures = [s for s in finished if s.rating == "failure" and s.ended_turn is not None
                and s.ended_turn < turns_total - 1]
    if failures:
        first = min(s.ended_turn for s in failures if s.ended_turn is not None)
        early = [s for s in failures if s.ended_turn == first]
        out.append(_tied(_("Earliest failure"), early, tr("{ending} on {date}", ending=early[0].ending,
                                                                date=long_date(early[0].ended))))
    if len(students) >= 2:
        most = max(s.actions for s in students)
        least = min(s.actions for s in students)
        if most != least:
            out.append(_tied(_("Most active"), [s for s in students if s.actions == most], plural(most, "action")))
            out.append(_tied(_("Least active"), [s for s in students if s.actions == least], plural(least, "action")))
    return tuple(out)


def _tied(kind: str, who: Sequence[StudentRow], detail: str) -> Outlier:
    return Outlier(kind, ", ".join(s.name for s in who), detail)
