"""The initiatives under way as the player should read them: what each is doing now — preparing, accepted,
rebuffed, acting, in its last turn — from the observation and the public results the turn reports gave it, so
that a rebuffed offer of good offices no longer reads as a plain "acting now" until it ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import Rules
from game.engine.observation import InitiativeView, Observation
from game.engine.record import INSTRUMENT, PROPOSAL, Message, TurnReport
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


def underway(rules: Rules, obs: Observation, reports: Sequence[TurnReport] = ()) -> list[Underway]:
    """Every initiative of the observation, with the result the reports gave it since it was launched."""
    results = [m for r in reports for m in r.messages if m.code in OUTCOMES]
    return [_underway(rules, obs, ini, results) for ini in obs.initiatives]


def outcome(ini: InitiativeView, results: Sequence[Message]) -> str | None:
    """ACCEPTED or REBUFFED: the last result reported on this initiative since its launch, if any."""
    found = None
    for m in results:
        cause = m.cause
        if cause is None or cause.kind not in (INSTRUMENT, PROPOSAL) or cause.id != ini.key or m.turn < ini.started:
            continue
        if ini.target and cause.kind == INSTRUMENT and cause.args[:1] != (ini.target,):
            continue
        found = OUTCOMES[m.code]
    return found


def _underway(rules: Rules, obs: Observation, ini: InitiativeView, results: Sequence[Message]) -> Underway:
    unit = rules.scenario.calendar.turn_unit
    last = ini.ends_in == 0
    result = outcome(ini, results) if ini.matures_in == 0 else None
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
