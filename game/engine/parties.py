"""Party decisions: each turn every party escalates, holds or steps back, from its own state and your influence.

Audience costs (references §1.5) make stepping back costlier after public confrontation; fear near the top of
the ladder makes even hawks careful; the Secretary-General's engagement, weighted by trust and openness,
pulls toward stepping back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from . import rng
from .context import Ctx
from .intel import audience_guess
from .record import DECISION, Cause

ESCALATE, HOLD, STEP_BACK = "escalate", "hold", "step_back"
_INTENT_BIAS = {"escalate": 0.25, "hold": 0.0, "settle": -0.25}
_INTENT_CODE = {"escalate": 1.0, "hold": 0.0, "settle": -1.0}
TEMPERATURE = 0.2
ESCALATION_COST = 0.15  # escalating is a costly choice: at moderate hostility, holding is likelier
HOLD_UTILITY = 0.45
_exp = math.exp


def scores(ctx: Ctx, i: int) -> tuple[float, float, float]:
    """Utilities of (escalate, hold, step back) for party i.

    Fear of the abyss (`dread`) grows with the square of the highest rung the party stands on, less for the
    resolute."""
    p = ctx.state.parties[i]
    pairs, tops = ctx.state.pairs, ctx.rules.tops
    worst = 0.0
    for k in ctx.rules.pairs_of_party[i]:
        height = pairs[k].rung / tops[k]
        if height > worst:
            worst = height
    resolve, hostility = p.resolve, p.hostility
    dread = worst * worst * (1.0 - 0.5 * resolve)
    influence = p.engagement * (0.5 * p.trust + 0.5 * p.receptivity)
    bias = _INTENT_BIAS[p.intention]
    esc = (
        0.8 * hostility
        + 0.3 * p.domestic_pressure
        + bias
        + 0.3 * p.grievance
        - 0.9 * dread
        - 0.5 * influence
        - ESCALATION_COST
    )
    back = 0.45 * (1.0 - hostility) + 0.7 * influence - bias - 0.6 * p.audience_cost - 0.2 * resolve + 0.7 * dread
    return esc, HOLD_UTILITY, back


def choose(ctx: Ctx, i: int) -> str:
    """Softmax over the three utilities with one addressed draw, so a party's choice is reproducible."""
    esc, hold, back = scores(ctx, i)
    top = esc if esc >= hold else hold
    if back > top:
        top = back
    we = _exp((esc - top) / TEMPERATURE)
    wh = _exp((hold - top) / TEMPERATURE)
    wb = _exp((back - top) / TEMPERATURE)
    u = ctx.dice.uniform(ctx.turn, rng.DECISION, i) * (we + wh + wb)
    return ESCALATE if u < we else HOLD if u < we + wh else STEP_BACK


def apply_decision(ctx: Ctx, i: int, decision: str) -> None:
    p = ctx.state.parties[i]
    pid = ctx.rules.party_ids[i]
    p.last_decision = decision
    ctx.report.decisions[pid] = decision
    if decision == HOLD:
        return
    cause = ctx.rules.cause(DECISION, pid, (decision,))
    sign = 1.0 if decision == ESCALATE else -1.0
    ctx.party(i, "hostility", 0.05 * sign, cause)
    for k in ctx.rules.pairs_of_party[i]:
        ctx.pressure(k, sign * 0.3 * (0.5 + p.resolve), cause)
    if decision == ESCALATE:
        if ctx.state.office.visibility > 0.3:
            ctx.party(i, "audience_cost", 0.03, cause)
        if ctx.record:
            ctx.say("news", "hardens", (i,), cause)
    else:
        if p.audience_cost > 0.3:
            ctx.party(i, "domestic_pressure", 0.1 * p.audience_cost, cause, mark=False)
        if audience_guess(ctx.rules, ctx.state, i) > 0.3:  # what the player can tell of whether it costs at home
            ctx.stir(i, "domestic_pressure")
        if ctx.record:
            ctx.say("news", "restraint", (i,), cause)


def update_intention(ctx: Ctx, i: int) -> None:
    """Hidden intentions shift when a party's state leaves no doubt (with a gap between the two thresholds)."""
    p = ctx.state.parties[i]
    new = p.intention
    if p.hostility > 0.75 and p.domestic_pressure > 0.6:
        new = "escalate"
    elif p.hostility < 0.3 and p.engagement > 0.2:
        new = "settle"
    if new != p.intention:
        pid = ctx.rules.party_ids[i]
        cause = Cause(DECISION, pid, ("aims",))
        ctx.hidden_change(f"{pid}.intention", _INTENT_CODE[p.intention], _INTENT_CODE[new], cause)
        p.intention = new


def decide_all(ctx: Ctx, forced: Mapping[int, str] | None = None) -> None:
    """Every party decides on the same state (simultaneous moves), then the decisions apply in order.

    `forced` (party index -> decision) replaces those parties' own choices: a facilitator's override. Mediators
    and observers decide nothing: they are in no pair, so there is nothing for them to escalate."""
    rules = ctx.rules
    deciders = rules.deciders
    choices = [choose(ctx, i) for i in deciders]
    if forced:
        choices = [forced.get(i, decision) for i, decision in zip(deciders, choices, strict=True)]
    parties, decisions, party_ids = ctx.state.parties, ctx.report.decisions, rules.party_ids
    for i, decision in zip(deciders, choices, strict=True):
        p = parties[i]
        if decision == HOLD:
            p.last_decision = HOLD
            decisions[party_ids[i]] = HOLD
        else:
            apply_decision(ctx, i, decision)
        update_intention(ctx, i)
