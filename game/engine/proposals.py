"""Face-saving proposals written in the scenario, floated privately or publicly (references §1.5).

Private: works through trust and adds no audience cost. Public: world pressure helps when many are watching,
but a public rejection hardens positions. Acceptance lowers both sides' audience costs: the formula lets them
back down without losing face.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import chances, rng
from .answers import ACCEPT, REFUSE
from .context import Ctx
from .intel import believed_state
from .record import PROPOSAL, Cause
from .rules import ProposalRule
from .state import GameState

PUBLIC_REFUSAL = 3.0  # the prestige a proposal refused in public costs the office on top of its price
# The parties' answer is recorded under the proposal, its mode and one of these, apart from the price paid when it
# was floated (the proposal and its mode), so that the turn report shows the price and what the answer added or took.
ACCEPTED, REFUSED = "accepted", "refused"


@dataclass(frozen=True, slots=True)
class Loss:
    """What the office loses (a negative amount: a gain)."""

    prestige: float = 0.0
    budget: float = 0.0


def refusal_cost(state: GameState, prop: ProposalRule, mode: str) -> Loss:
    """What a refusal would take from the office on `state` beyond the proposal's price: the scenario's `on_reject`
    effects on prestige and budget (read on `state`; pass the world of the player's estimates) and, in public,
    PUBLIC_REFUSAL; each after the price is paid, within the values' bounds, as the engine applies them."""
    lost = {"prestige": 0.0, "budget": 0.0}
    values = {"prestige": max(0.0, state.office.prestige - prop.cost.prestige),
              "budget": max(0.0, state.office.budget - prop.cost.budget)}
    for eff in prop.on_reject:
        slot = eff.slot.label
        if slot not in lost or (eff.guard is not None and not eff.guard(state)):
            continue
        value, before = float(eff.value(state)), values[slot]
        after = {"=": value, "+=": before + value, "-=": before - value}.get(eff.op, before * value)
        after = min(max(after, eff.slot.lo), eff.slot.hi)
        values[slot] = after
        lost[slot] += before - after
    if mode == "public":
        lost["prestige"] += min(PUBLIC_REFUSAL, values["prestige"])
    return Loss(lost["prestige"], lost["budget"])


def acceptance_chance(ctx: Ctx, prop: ProposalRule, mode: str) -> float:
    """The chance the parties accept `prop` floated in `mode` now (chances.proposal)."""
    return chances.proposal(ctx.rules, ctx.state, prop, mode).value


def float_proposal(ctx: Ctx, prop: ProposalRule, mode: str) -> bool:
    """Put the proposal to the pair; apply its scenario effects; return whether it was accepted.

    A party whose own players answered it (ctx.answers) accepts or refuses as they said; the draw decides for the
    side nobody answered for, so a proposal is accepted when every answer accepts it and, if a side was left to
    the model, the draw does too."""
    cause = Cause(PROPOSAL, prop.key, (mode,))
    a, b = ctx.rules.pair_members[prop.pair]
    seated = [(i, ctx.answers[(i, prop.key)]) for i in (a, b) if (i, prop.key) in ctx.answers] if ctx.answers else []
    for i, yes in seated:
        ctx.say("result", "seat_answered", (i, prop.key, ACCEPT if yes else REFUSE), cause)
    if seated and not all(yes for __, yes in seated):
        accepted, by_seat = False, True
    elif len(seated) == 2:
        accepted, by_seat = True, True
    else:
        chance = acceptance_chance(ctx, prop, mode)
        draw = ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(prop.key), prop.pair, 99))
        accepted, by_seat = draw < chance, False
    if accepted:
        ctx.state.accepted.add(prop.key)
        accepted = ctx.rules.cause(PROPOSAL, prop.key, (mode, ACCEPTED))
        ctx.effects(prop.on_accept, accepted)
        for i in (a, b):
            ctx.party(i, "audience_cost", -0.3, accepted)
            ctx.party(i, "engagement", 0.3, accepted)
        ctx.office("prestige", 8.0 if mode == "public" else 4.0, accepted)
        ctx.say("result", "proposal_accepted", (prop.key,), cause)
        return True
    reasons = None
    if ctx.record and not by_seat:  # a refusal in a party's seat has its players' reasons, not the model's
        reasons = chances.proposal(ctx.rules, believed_state(ctx.state, ctx.rules, ctx.beliefs), prop, mode)
    refused = ctx.rules.cause(PROPOSAL, prop.key, (mode, REFUSED))
    ctx.effects(prop.on_reject, refused)
    if mode == "public":
        for i in (a, b):
            ctx.party(i, "audience_cost", 0.1, refused)
        ctx.office("prestige", -PUBLIC_REFUSAL, refused)
        ctx.office("visibility", 0.1, refused)
    ctx.say("result", "proposal_rejected", (prop.key,), cause, reasons)
    return False
