"""The initiatives under way as the player should read them: what each is doing now — preparing, accepted,
rebuffed, acting, in its last turn — from the observation and the public results the turn reports gave it, so
that a rebuffed offer of good offices no longer reads as a plain "acting now" until it ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import Rules
from game.engine.observation import InitiativeView, Observation
from game.engine.record import INSTRUMENT, PROPOSAL, TurnReport
from game.i18n import N_, _, tr

from .dates import turn_date
from .news import FAILURE, NEWS, SUCCESS, WARNING
from .words import plural, target_name

PREPARING, ACTING, ENDING, ACCEPTED, REBUFFED = "preparing", "acting", "ending", "accepted", "rebuffed"

# A result reported on an initiative, by message code: its state from then on (accepted or rebuffed).
OUTCOMES = {
    "good_offices_accepted": ACCEPTED,
    "good_offices_rebuffed": REBUFFED,
    "proposal_accepted": ACCEPTED,
    "proposal_rejected": REBUFFED,
    "appeal_brushed_off": REBUFFED,
    "received_coldly": REBUFFED,
}
# What still works after a rebuff, by instrument kind: the engine's effects that go on (instruments.py).
AFTER_REBUFF = {
    "good_offices": N_("rebuffed · only the contacts go on"),
}


@dataclass(frozen=True)
class Underway:
    """One initiative in words: `state` (preparing | acting | ending | accepted | rebuffed), `status` (what it is
    doing, e.g. 'rebuffed · only the contacts go on'), its last day and what it ties up; `tone` colours it."""

    key: str
    name: str
    target: str  # the target's name, '' for none
    state: str
    status: str
    until: str
    ties: str
    tone: str

    def line(self) -> str:
        """'Good offices → United States – Soviet Union: rebuffed · only the contacts go on, until 24 October
        1962 (ties up attention)' — for the text mode and the web pages."""
        target = f" → {self.target}" if self.target else ""
        tied = tr(" (ties up {join})", join=self.ties) if self.ties else ""
        return tr("{name}{target}: {acts}, until {date}{tied}", name=self.name, target=target, acts=self.status,
                  date=self.until, tied=tied)

    def detail(self) -> str:
        """'rebuffed · only the contacts go on · until 24 October 1962 · ties up attention' — under the name on a
        card."""
        tail = tr(" · ties up {join}", join=self.ties) if self.ties else ""
        return tr("{when} · until {until}{tail}", when=self.status, until=self.until, tail=tail)


class Outcomes:
    """The results reported on initiatives, by instrument and target, read from a game's turn reports once each:
    keep one per game (the window and the text mode do) and a rebuild reads only the reports added since, so the
    panel costs the same on turn 1 and turn 400. Handed other reports (another game, a replay), it reads them
    afresh."""

    def __init__(self) -> None:
        self._seen: list[TurnReport] = []  # the reports read so far, in order
        # (kind, key, target) -> [(order, turn, state)], and key -> the same for every kind and target
        self._by: dict[tuple[str, str, str | None], list[tuple[int, int, str]]] = {}
        self._by_key: dict[str, list[tuple[int, int, str]]] = {}
        self._count = 0

    def read(self, reports: Sequence[TurnReport]) -> Outcomes:
        """Take in the reports not read yet (all of them when `reports` is not the list read before, extended)."""
        n = len(self._seen)
        if n and (len(reports) < n or reports[n - 1] is not self._seen[-1] or reports[0] is not self._seen[0]):
            self.__init__()
            n = 0
        for r in reports[n:]:
            self._seen.append(r)
            for m in r.messages:
                cause = m.cause
                if m.code in OUTCOMES and cause is not None and cause.kind in (INSTRUMENT, PROPOSAL):
                    target = cause.args[0] if cause.kind == INSTRUMENT and cause.args else None
                    entry = (self._count, m.turn, OUTCOMES[m.code])
                    self._count += 1
                    self._by.setdefault((cause.kind, cause.id, target), []).append(entry)
                    self._by_key.setdefault(cause.id, []).append(entry)
        return self

    def of(self, ini: InitiativeView) -> str | None:
        """ACCEPTED or REBUFFED: the last result reported on this initiative since its launch, if any (an
        instrument's result on its own target, or a proposal's)."""
        if ini.target:
            lists = (self._by.get((INSTRUMENT, ini.key, ini.target)), self._by.get((PROPOSAL, ini.key, None)))
            last = max((found[-1] for found in lists if found), default=None)
        else:
            found = self._by_key.get(ini.key)
            last = found[-1] if found else None
        return last[2] if last is not None and last[1] >= ini.started else None


def underway(rules: Rules, obs: Observation, reports: Sequence[TurnReport] = (),
             outcomes: Outcomes | None = None) -> list[Underway]:
    """Every initiative of the observation, with the result the reports gave it since it was launched; pass the
    game's own `outcomes` record so that only the reports added since the last call are read."""
    if not obs.initiatives:
        return []
    record = (outcomes or Outcomes()).read(reports)
    return [_underway(rules, obs, ini, record) for ini in obs.initiatives]


def _underway(rules: Rules, obs: Observation, ini: InitiativeView, record: Outcomes) -> Underway:
    unit = rules.scenario.calendar.turn_unit
    last = ini.ends_in == 0
    result = record.of(ini) if ini.matures_in == 0 else None
    if ini.matures_in > 0:
        state, status, tone = PREPARING, tr("acts in {time}", time=plural(ini.matures_in, unit)), NEWS
    elif result == REBUFFED:
        kind = rules.instruments[ini.key].kind if ini.key in rules.instruments else "proposal"
        status = _(AFTER_REBUFF.get(kind, N_("rebuffed")))
        state, tone = REBUFFED, FAILURE
    elif result == ACCEPTED:
        state, status, tone = ACCEPTED, (_("accepted · acting for the last time") if last else
                                         _("accepted · acting now")), SUCCESS
    elif last:
        state, status, tone = ENDING, _("acting for the last time"), WARNING
    else:
        state, status, tone = ACTING, _("acting now"), SUCCESS
    ties = [plural(ini.envoys, "envoy")] if ini.envoys else []
    ties += [_("attention")] if ini.attention else []
    return Underway(ini.key, ini.name, target_name(rules, ini.target), state, status,
                    turn_date(rules, obs.turn + ini.ends_in), ", ".join(ties), tone)
