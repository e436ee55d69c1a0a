"""Escalation: Richardson dynamics of hostility, pressure on each pair's ladder, incidents, sticky thresholds.

References §1.1 (Kahn's ladder with thresholds that need extra pressure to cross) and §1.2 (Richardson:
dx/dt = a·y − m·x + g), stepped once per turn in discrete form.
"""

from __future__ import annotations

from . import rng
from .context import Ctx
from .instruments import INCIDENT_DAMPING
from .record import DYNAMICS, INCIDENT, Cause

RICHARDSON = Cause(DYNAMICS, "richardson")  # reaction to the other side, restraint, grievance
FOLLOW = Cause(DYNAMICS, "pressure")  # pressure follows the parties' hostility, with momentum
DECAY = Cause(DYNAMICS, "decay")  # engagement and audience costs fade with time
VISIBILITY = Cause(DYNAMICS, "visibility")  # the world's attention follows the escalation


def richardson_rates(ctx: Ctx) -> list[float]:
    """dx_i/dt for every party: Σ over its pairs of a·x_other − m·x_i + g_i."""
    parties = ctx.state.parties
    rates = [-p.restraint * p.hostility + p.grievance for p in parties]
    for k, (a, b) in enumerate(ctx.rules.pair_members):
        ra, rb = ctx.rules.reaction[k]
        rates[a] += ra * parties[b].hostility
        rates[b] += rb * parties[a].hostility
    return rates


def step_hostility(ctx: Ctx) -> None:
    """One Euler step of the Richardson system for all parties at once (mediators and observers, in no pair,
    keep the hostility the scenario gives them)."""
    dt = ctx.rules.tuning.step
    party = ctx.party
    rates = richardson_rates(ctx)
    for i in ctx.rules.deciders:
        party(i, "hostility", dt * rates[i], RICHARDSON)


def target_pressure(ctx: Ctx, k: int) -> float:
    """Where the pair's pressure heads given its parties' hostility: the worse side counts more."""
    a, b = ctx.rules.pair_members[k]
    ha, hb = ctx.state.parties[a].hostility, ctx.state.parties[b].hostility
    return ctx.rules.tops[k] * (0.5 * max(ha, hb) + 0.25 * (ha + hb))


def step_pressure(ctx: Ctx, k: int, start: float) -> None:
    """Move pressure toward its target, carry over momentum, then record this turn's velocity."""
    pair = ctx.state.pairs[k]
    pull = ctx.rules.tuning.hostility_to_pressure * (target_pressure(ctx, k) - pair.pressure)
    ctx.pressure(k, pull + pair.momentum * pair.velocity, FOLLOW)
    pair.velocity = pair.pressure - start


def incident_chance(ctx: Ctx, k: int) -> float:
    """Random incidents grow likelier with each rung; troops on the ground make them rarer; none before the pair's
    `incidents_from` date."""
    if ctx.turn < ctx.rules.incidents_from[k]:
        return 0.0
    pair = ctx.state.pairs[k]
    chance = ctx.rules.tuning.incident_rate * (pair.rung + 1)
    return chance * INCIDENT_DAMPING if pair.deployment_left > 0 else chance


def roll_incident(ctx: Ctx, k: int) -> None:
    chance = incident_chance(ctx, k)
    if chance <= 0.0 or ctx.dice.uniform(ctx.turn, rng.INCIDENT, k) >= chance:
        return  # draws are addressed, so skipping one when nothing can happen changes no other
    pair = ctx.state.pairs[k]
    pair.incidents += 1
    cause = ctx.rules.cause(INCIDENT, ctx.rules.pair_ids[k])
    ctx.pressure(k, ctx.rules.tuning.incident_size, cause)
    for i in ctx.rules.pair_members[k]:
        ctx.party(i, "hostility", 0.03, cause)
    ctx.office("visibility", 0.05, cause)
    ctx.say("news", "incident", (k,), cause)


def rung_for(pressure: float, current: int, thresholds: tuple[bool, ...], margin: float) -> int:
    """The rung a pressure maps to from `current`, with hysteresis at threshold rungs.

    Rung r covers pressure [r, r+1). Climbing into a threshold rung needs `margin` extra pressure; once there,
    the pair falls back out of it only below r − margin (sticky).
    """
    rung = current
    top = len(thresholds) - 1
    while rung < top and pressure >= rung + 1 + (margin if thresholds[rung + 1] else 0.0):
        rung += 1
    while rung > 0 and pressure < rung - (margin if thresholds[rung] else 0.0):
        rung -= 1
    return rung


def update_rung(ctx: Ctx, k: int) -> None:
    pair = ctx.state.pairs[k]
    rung, pressure = pair.rung, pair.pressure
    if rung + 1 > pressure >= rung:
        return  # still inside its rung: no threshold can move it (the margins only widen a rung's range)
    new = rung_for(pressure, rung, ctx.rules.thresholds[k], ctx.rules.tuning.threshold_margin)
    if new != pair.rung:
        old = pair.rung
        cause = Cause(DYNAMICS, "ladder", (k, new))  # pressure crossed into rung `new` of pair k
        ctx.rung(k, new, cause)
        ctx.say("news", "rung", (k, old, new), cause)


def decay(ctx: Ctx) -> None:
    """Engagement fades fast, audience costs slowly."""
    for i, p in enumerate(ctx.state.parties):
        if p.engagement:
            ctx.party(i, "engagement", -0.5 * p.engagement, DECAY)
        if p.audience_cost:
            ctx.party(i, "audience_cost", -0.1 * p.audience_cost, DECAY)


def drift_visibility(ctx: Ctx) -> None:
    """Visibility drifts toward what the worst pair's escalation, as the world sees it, implies."""
    worst = max(ctx.rules.world_rung(k, ctx.turn, p.rung) / ctx.rules.tops[k] for k, p in enumerate(ctx.state.pairs))
    ctx.office("visibility", 0.25 * (min(1.0, 1.2 * worst) - ctx.state.office.visibility), VISIBILITY)


def step_escalation(ctx: Ctx, starts: list[float]) -> None:
    """The whole dynamics phase of a turn, after instruments and decisions have acted."""
    step_hostility(ctx)
    for k in range(len(ctx.state.pairs)):
        roll_incident(ctx, k)
        step_pressure(ctx, k, starts[k])
        update_rung(ctx, k)
    drift_visibility(ctx)
    decay(ctx)
