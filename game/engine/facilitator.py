"""A teacher's interventions in a class's game: fire a scenario event now, or force a party's decision this turn.

An intervention is part of the game's record, like the player's inputs: replaying the inputs with the same
interventions at the same turns gives the same game. A class vote is recorded too, but it only chooses an order
the player then sends, so it changes nothing the engine has to know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import events
from .context import Ctx
from .parties import ESCALATE, HOLD, STEP_BACK
from .record import FACILITATOR, Cause, TurnReport
from .rules import Rules
from .state import GameState

INJECT, OVERRIDE = "inject", "override"
KINDS = (INJECT, OVERRIDE)
DECISIONS = (ESCALATE, HOLD, STEP_BACK)
DECISION_ALIASES = {"settle": STEP_BACK, "step back": STEP_BACK, "step-back": STEP_BACK}


@dataclass(frozen=True, slots=True)
class Intervention:
    """One intervention before turn `turn` is resolved: `inject` fires the event `target`; `override` makes the
    party `target` take the decision `value` (escalate, hold or step_back) this turn. `note` is the teacher's."""

    turn: int
    kind: str
    target: str
    value: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Vote:
    """A class vote before turn `turn`: the candidate actions (as written in orders) with their votes, and the
    action that was added to the orders."""

    turn: int
    counts: tuple[tuple[str, int], ...]
    chosen: str


def winner(counts: Sequence[tuple[str, int]]) -> str:
    """The action with the most votes; on a tie, the one listed first (the teacher's order decides)."""
    if not counts:
        raise ValueError("a vote needs at least one candidate action")
    best = max(n for _, n in counts)
    return next(action for action, n in counts if n == best)


def decision_of(value: str) -> str:
    """The engine's name for a decision typed as escalate, hold, settle or step back."""
    word = value.strip().lower()
    return DECISION_ALIASES.get(word, word)


def why_not(rules: Rules, state: GameState, turn: int, iv: Intervention) -> str | None:
    """None if the intervention can be made now (before turn `turn`), else the reason in plain words."""
    if state.ending is not None:
        return "the game is over"
    if iv.turn != turn:
        return f"this intervention is for turn {iv.turn + 1}, but the game is at turn {turn + 1}"
    if iv.kind == INJECT:
        ev = next((e for e in rules.events if e.key == iv.target), None)
        if ev is None:
            return f"the scenario has no event '{iv.target}'"
        if ev.index in state.pending:
            return f"'{ev.title}' is already awaiting an answer"
        return None
    if iv.kind == OVERRIDE:
        if iv.target not in rules.party_ids:
            return f"'{iv.target}' is not a party; choose one of {', '.join(rules.party_ids)}"
        if decision_of(iv.value) not in DECISIONS:
            return f"a party can only escalate, hold or step_back, not '{iv.value}'"
        return None
    return f"unknown intervention '{iv.kind}' (known: {', '.join(KINDS)})"


def inject(ctx: Ctx, event_key: str, note: str = "") -> None:
    """Fire the event now, as the facilitator's doing: its effects apply and its choices await an answer."""
    ev = next(e for e in ctx.rules.events if e.key == event_key)
    label = f"the facilitator: {ev.title}" + (f" ({note})" if note else "")
    events.fire(ctx, ev, Cause(FACILITATOR, ev.key, label))


def announce_override(ctx: Ctx, party: str, decision: str, note: str = "") -> None:
    """Put the forced decision in the turn's news, so the class sees it was the facilitator's."""
    name = ctx.rules.party_names[party]
    cause = Cause(FACILITATOR, party, f"the facilitator set {name}'s decision" + (f" ({note})" if note else ""))
    ctx.say("news", f"The facilitator decides for {name} this turn: {decision.replace('_', ' ')}.", cause)


def forced(interventions: Sequence[Intervention], rules: Rules, turn: int) -> dict[int, str]:
    """Party index -> decision, for the overrides made before `turn` (a later one for a party replaces an earlier)."""
    return {rules.party_ids.index(iv.target): decision_of(iv.value)
            for iv in interventions if iv.kind == OVERRIDE and iv.turn == turn}


def between_turns_report(reports: Sequence[TurnReport], turn: int, date: str) -> TurnReport:
    """The report an intervention made between turns is recorded in: the last turn's (or a fresh one)."""
    return reports[-1] if reports else TurnReport(turn=turn - 1, date=date)
