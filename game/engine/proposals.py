"""Face-saving proposals written in the scenario, floated privately or publicly (references §1.5).

Private: works through trust and adds no audience cost. Public: world pressure helps when many are watching,
but a public rejection hardens positions. Acceptance lowers both sides' audience costs: the formula lets them
back down without losing face.
"""

from __future__ import annotations

from . import chances, rng
from .answers import ACCEPT, REFUSE
from .context import Ctx
from .intel import believed_state
from .record import PROPOSAL, Cause
from .rules import ProposalRule


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
        ctx.effects(prop.on_accept, cause)
        for i in (a, b):
            ctx.party(i, "audience_cost", -0.3, cause)
            ctx.party(i, "engagement", 0.3, cause)
        ctx.office("prestige", 8.0 if mode == "public" else 4.0, cause)
        ctx.say("result", "proposal_accepted", (prop.key,), cause)
        return True
    reasons = None
    if ctx.record and not by_seat:  # a refusal in a party's seat has its players' reasons, not the model's
        reasons = chances.proposal(ctx.rules, believed_state(ctx.state, ctx.rules, ctx.beliefs), prop, mode)
    ctx.effects(prop.on_reject, cause)
    if mode == "public":
        for i in (a, b):
            ctx.party(i, "audience_cost", 0.1, cause)
        ctx.office("prestige", -3.0, cause)
        ctx.office("visibility", 0.1, cause)
    ctx.say("result", "proposal_rejected", (prop.key,), cause, reasons)
    return False
