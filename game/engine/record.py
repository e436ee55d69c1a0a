"""Turn reports: every change to the state in a turn, with the cause that made it.

A front end answers "why did that happen?" from these; the debrief tells the story from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Cause:
    """Why something changed: a kind, the id of what acted (instrument, event, party…), and a readable label."""

    kind: str
    id: str
    label: str


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
    """A line of news or intelligence for the feed."""

    kind: str  # news | intel | council | result | warning
    text: str
    cause: Cause | None = None


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
