"""Turn reports: every change to the state in a turn, with the cause that made it.

A front end answers "why did that happen?" from these; the debrief tells the story from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .chances import Chance

# Kinds of cause.
INSTRUMENT = "instrument"
PROPOSAL = "proposal"
EVENT = "event"
CHOICE = "choice"
DECISION = "decision"
DYNAMICS = "dynamics"
INCIDENT = "incident"
COUNCIL = "council"
RESOURCES = "resources"
DISTRACTION = "distraction"
FACILITATOR = "facilitator"  # a teacher's intervention in a class's game
CAUSE_KINDS = (
    INSTRUMENT, PROPOSAL, EVENT, CHOICE, DECISION, DYNAMICS, INCIDENT, COUNCIL, RESOURCES, DISTRACTION, FACILITATOR
)
# Causes the player learns of when they act (their own moves, events, public decisions, incidents, the Council,
# the facilitator): a hidden value they touch may have jumped, so its estimate's band widens (intel.py).
PUBLIC_CAUSES = frozenset({INSTRUMENT, PROPOSAL, EVENT, CHOICE, DECISION, INCIDENT, COUNCIL, FACILITATOR})


@dataclass(frozen=True, slots=True)
class Cause:
    """Why something changed: a kind, the id of what acted (instrument, event, party, pair, a dynamic…) and the
    data a reader needs to name it (a proposal's mode, a rung, a decision). game/present puts it into words."""

    kind: str
    id: str
    args: tuple = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One value that moved: `target` is a dotted name like 'usa.hostility', 'usa_ussr.rung' or 'prestige'."""

    target: str
    before: float
    after: float
    cause: Cause
    hidden: bool = False  # true when the player must not see the exact values (party internals, pressure)


@dataclass(slots=True)
class Message:
    """One item of news or intelligence: `kind` places it in the feed (news | intel | council | result | warning),
    `code` says what happened and `args` hold its data (ids and numbers, never sentences); `turn` is the turn
    whose date it belongs to (events that fire at the start of the next turn carry that turn). A refusal, a rebuff
    or a veto carries `reasons`: the chance it had and what that chance was made of, evaluated on the player's
    estimates and public facts (chances.py). game/present writes the sentences."""

    kind: str
    code: str
    args: tuple = ()
    cause: Cause | None = None
    turn: int = 0
    reasons: Chance | None = None  # a result's chance and its terms as the player could know them (chances.Chance)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why an action, an answer or an intervention cannot be taken now: a code and its data. game/present says
    it in words; the codes are listed in REFUSALS."""

    code: str
    args: tuple = ()


# What a Message can report (code: args).
MESSAGE_CODES = {
    "event": "event id[, the variant of its words used, -1 for the usual ones (only when it has variants)]",
    "distraction": "distraction name",
    "incident": "pair index",
    "rung": "pair index, old rung, new rung",
    "hardens": "party index",
    "restraint": "party index",
    "revealed": "party index",
    "good_offices_accepted": "pair index",
    "good_offices_rebuffed": "pair index",
    "envoy_progress": "pair index",
    "appeal_brushed_off": "party index",
    "track_two_matured": "pair index",
    "veto": "council member index, vote, pair index",
    "adopted": "vote, pair index",
    "no_threat_yet": "pair index",
    "deployment_withdrawn": "pair index",
    "mandate_ends": "pair index",
    "received_coldly": "party index",
    "mixed_signals": "",
    "proposal_accepted": "proposal id",
    "proposal_rejected": "proposal id",
    "facilitator_decides": "party id, decision",
    "seat_answered": "party index, proposal or instrument id, answer (answers.ANSWERS)",
    "effect_overflow": "effect text, target, limit passed (None: the effect gave no number)",
}
# What a Council vote can be on (the `vote` arg of veto/adopted).
VOTES = ("resolution", "mandate", "renewal")

# Why something cannot be done now (code: args).
REFUSALS = {
    "game_over": "",
    "game_not_over": "",
    "already_ordered": "action id, target, mode",
    "unknown_action": "action id",
    "takes_no_target": "action id",
    "needs_target": "action id, 'pair' | 'party'",
    "not_a_target": "action id, target, 'pair' | 'party'",
    "not_available": "action id, first turn, last turn",
    "requirement": "action id",
    "under_way": "action id, target",
    "too_late": "action id, pair id",
    "proposal_mode": "proposal id",
    "proposal_target": "proposal id",
    "proposal_accepted": "proposal id",
    "proposal_cooldown": "proposal id, turn rejected, first turn again",
    "needs_prestige": "action id, needed, available",
    "needs_budget": "action id, needed, available",
    "needs_envoys": "action id, needed, free",
    "no_attention": "capacity, slots drawn away",
    "not_pending": "event id",
    "no_such_choice": "event id, choice id",
    "answers_unaffordable": "prestige, budget",
    "intervention_turn": "intervention's turn, game's turn",
    "no_such_event": "event id",
    "event_pending": "event id",
    "not_a_party": "party id",
    "not_a_disputant": "party id, its role (mediator | observer)",
    "choice_unaffordable": "event id, choice id, 'prestige' | 'budget', needed, available",
    "bad_decision": "decision",
    "unknown_intervention": "kind",
    "not_asked": "party id, proposal or instrument id",
    "bad_answer": "proposal or instrument id, answer, 'proposal' | 'appeal'",
    "answered_twice": "party id, proposal or instrument id",
}


@dataclass(slots=True)
class TurnReport:
    """What happened during one turn, in order."""

    turn: int
    date: str
    changes: list[Change] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # ids of events fired at the end of the turn
    decisions: dict[str, str] = field(default_factory=dict)  # party id -> escalate | hold | step_back
    ending: str | None = None

    def why(self, target: str) -> list[Change]:
        """Every change to `target` this turn, in the order it happened."""
        return [c for c in self.changes if c.target == target]

    def net(self) -> dict[str, tuple[float, float]]:
        """Each changed target's value before the turn and after it."""
        out: dict[str, tuple[float, float]] = {}
        for c in self.changes:
            first = out.get(c.target)
            out[c.target] = (first[0] if first else c.before, c.after)
        return out
