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
from .record import FACILITATOR, Cause, Refusal, TurnReport
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


def why_not(rules: Rules, state: GameState, turn: int, iv: Intervention) -> Refusal | None:
    """None if the intervention can be made now (before turn `turn`), else why not."""
    if state.ending is not None:
        return Refusal("game_over")
    if iv.turn != turn:
        return Refusal("intervention_turn", (iv.turn, turn))
    if iv.kind == INJECT:
        ev = next((e for e in rules.events if e.key == iv.target), None)
        if ev is None:
            return Refusal("no_such_event", (iv.target,))
        if ev.index in state.pending:
            return Refusal("event_pending", (ev.key,))
        return None
    if iv.kind == OVERRIDE:
        if iv.target not in rules.party_ids:
            return Refusal("not_a_party", (iv.target,))
        role = rules.party_roles[rules.party_ids.index(iv.target)]
        if role != "disputant":
            return Refusal("not_a_disputant", (iv.target, role))
        if decision_of(iv.value) not in DECISIONS:
            return Refusal("bad_decision", (iv.value,))
        return None
    return Refusal("unknown_intervention", (iv.kind,))


def inject(ctx: Ctx, event_key: str, note: str = "") -> None:
    """Fire the event now, as the facilitator's doing: its effects apply and its choices await an answer."""
    ev = next(e for e in ctx.rules.events if e.key == event_key)
    events.fire(ctx, ev, Cause(FACILITATOR, ev.key, (INJECT, note)))


def announce_override(ctx: Ctx, party: str, decision: str, note: str = "") -> None:
    """Put the forced decision in the turn's news, so the class sees it was the facilitator's."""
    cause = Cause(FACILITATOR, party, (OVERRIDE, decision, note))
    ctx.say("news", "facilitator_decides", (party, decision), cause)


def forced(interventions: Sequence[Intervention], rules: Rules, turn: int) -> dict[int, str]:
    """Party index -> decision, for the overrides made before `turn` (a later one for a party replaces an earlier)."""
    return {rules.party_ids.index(iv.target): decision_of(iv.value)
            for iv in interventions if iv.kind == OVERRIDE and iv.turn == turn}


def between_turns_report(reports: Sequence[TurnReport], turn: int, date: str) -> TurnReport:
    """The report an intervention made between turns is recorded in: the last turn's (or a fresh one)."""
    return reports[-1] if reports else TurnReport(turn=turn - 1, date=date)
