"""Face-saving proposals written in the scenario, floated privately or publicly (references §1.5).

Private: works through trust and adds no audience cost. Public: world pressure helps when many are watching,
but a public rejection hardens positions. Acceptance lowers both sides' audience costs: the formula lets them
back down without losing face.
"""

from __future__ import annotations

from . import rng
from .context import Ctx
from .instruments import leverage, mediation_factor, openness
from .record import PROPOSAL, Cause
from .rules import ProposalRule


def acceptance_chance(ctx: Ctx, prop: ProposalRule, mode: str) -> float:
    a, b = ctx.rules.pair_members[prop.pair]
    pa, pb = ctx.state.parties[a], ctx.state.parties[b]
    open_ = 0.5 * (openness(ctx, a) + openness(ctx, b))
    audience = 0.5 * (pa.audience_cost + pb.audience_cost)
    if mode == "public":
        climate = 0.8 + 0.5 * ctx.state.office.visibility - 0.6 * audience
    else:
        climate = 0.9 + 0.3 * 0.5 * (pa.trust + pb.trust)
    chance = prop.acceptance * (0.6 + 0.8 * open_) * climate * leverage(ctx) * mediation_factor(ctx, prop.pair) / 0.5
    return min(0.95, max(0.02, chance))


def float_proposal(ctx: Ctx, prop: ProposalRule, mode: str) -> bool:
    """Put the proposal to the pair; apply its scenario effects; return whether it was accepted."""
    cause = Cause(PROPOSAL, prop.key, (mode,))
    a, b = ctx.rules.pair_members[prop.pair]
    chance = acceptance_chance(ctx, prop, mode)
    draw = ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(prop.key), prop.pair, 99))
    if draw < chance:
        ctx.state.accepted.add(prop.key)
        ctx.effects(prop.on_accept, cause)
        for i in (a, b):
            ctx.party(i, "audience_cost", -0.3, cause)
            ctx.party(i, "engagement", 0.3, cause)
        ctx.office("prestige", 8.0 if mode == "public" else 4.0, cause)
        ctx.say("result", "proposal_accepted", (prop.key,), cause)
        return True
    ctx.effects(prop.on_reject, cause)
    if mode == "public":
        for i in (a, b):
            ctx.party(i, "audience_cost", 0.1, cause)
        ctx.office("prestige", -3.0, cause)
        ctx.office("visibility", 0.1, cause)
    ctx.say("result", "proposal_rejected", (prop.key,), cause)
    return False
