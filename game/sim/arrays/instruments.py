"""The instruments at work and the proposals floated, over arrays: the twin of game/engine/instruments.py,
proposals.py and the chances they draw against (chances.py), the same terms in the same order.

Each act runs in the worlds `m` where the initiative acts this turn; the draws are the engine's addresses.
"""

from __future__ import annotations

import numpy as np

from game.engine import chances as C
from game.engine import rng
from game.engine.instruments import _VOTE_KEYS, DEPLOYMENT_UPKEEP, FATIGUE, REFERRAL_VISIBILITY

from . import change, exprs
from .draws import ArrayDice
from .moves import InitiativeSlot
from .tables import Tables
from .world import Worlds

# -- chances (chances.py over arrays) ------------------------------------------------------------------------


def _clip(x, low: float = C.LOW, high: float = C.HIGH):
    return np.where(x < low, low, np.where(x > high, high, x))


def leverage(w: Worlds):
    return (0.4 + 0.6 * w.values["prestige"] / 100.0) * (0.55 + 0.45 * w.values["coordination"])


def openness(w: Worlds, i: int):
    return 0.5 * w.values["receptivity"][i] + 0.5 * w.values["trust"][i]


def mediation(T: Tables, w: Worlds, k: int):
    rules = T.rules
    a, b = rules.pair_members[k]
    intensity = 1.0 - 0.45 * w.values["rung"][k] / rules.tops[k]
    power = w.values["power"]
    gap = 1.0 - 0.7 * np.abs(power[a] - power[b])
    factor = rules.issue_success[k] * intensity * gap
    if not rules.mediators[k]:
        return factor
    total = 0
    for m in rules.mediators[k]:
        total = total + openness(w, m)
    backing = np.minimum(C.MEDIATOR_CAP, 1.0 + C.MEDIATOR_WEIGHT * total)
    return factor * backing


def mixed_chance(w: Worlds):
    coord = w.values["coordination"]
    return np.where(coord >= 0.4, 0.0, (0.4 - coord) * 1.5)


def mixed_signals(w: Worlds, dice: ArrayDice, slot: InitiativeSlot, salt: int):
    p = mixed_chance(w)
    return (p > 0.0) & (dice.uniform(w.turn, rng.INSTRUMENT, slot.draw_key(salt)) < p)


def track_two_matured(T: Tables, w: Worlds, k: int):
    out = np.zeros(w.n, dtype=bool)
    for s in T.slots_of_kind.get("track_two", ()):
        if s.target == k:
            out |= w.values["ini_active"][s.index] & (w.turn >= w.values["ini_matures"][s.index])
    return out


def veto(T: Tables, w: Worlds, m: int, k: int):
    rules = T.rules
    support = w.values["council"][m]
    involved = rules.council_party[m] in rules.pair_members[k]
    risk = _clip((1.0 - support) * 0.6 + (0.35 if involved else 0.0) - 0.2 * w.values["visibility"])
    return np.where(support >= 0.95, 0.0, risk)


def council_vote(T: Tables, w: Worlds, dice: ArrayDice, k: int, vote: str):
    """Whether a vote on pair k passes: no permanent member vetoes (instruments.council_vote)."""
    rules = T.rules
    what = _VOTE_KEYS[vote].format(rules.pair_ids[k])
    passed = np.ones(w.n, dtype=bool)
    for m in range(len(rules.council_ids)):
        if not rules.council_permanent[m]:
            continue
        draw = dice.uniform(w.turn, rng.COUNCIL, rng.key_of(m, rng.stable_hash(what), k))
        passed &= ~(draw < veto(T, w, m, k))
    return passed


# -- the acts -------------------------------------------------------------------------------------------------


def _good_offices(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    v = w.values
    now = m & (w.turn == v["ini_matures"][slot.index])
    if now.any():
        mixed = mixed_signals(w, dice, slot, 1)
        bonus = np.where(track_two_matured(T, w, k), C.TRACK_ONE, 1.0)
        value = _clip(mediation(T, w, k) * leverage(w) * (0.4 + openness(w, a) + openness(w, b)) * power * bonus
                      * np.where(mixed, C.MIXED, 1.0))
        won = now & (dice.uniform(w.turn, rng.INSTRUMENT, slot.draw_key(7)) < value)
        lost = now & ~won
        change.pressure(w, k, T.tops[k], -0.8 * power, won)
        for i in (a, b):
            change.party(w, i, "hostility", -0.06 * power, won)
            change.party(w, i, "grievance", -0.02 * power, won)
            change.party(w, i, "trust", 0.03, won)
        change.office(w, "prestige", 3.0, won)
        change.office(w, "prestige", -4.0, lost)
        lower_a = openness(w, a) < openness(w, b)
        change.party(w, a, "trust", -0.02, lost & lower_a)
        change.party(w, b, "trust", -0.02, lost & ~lower_a)
        _mixed(w, (a, b), now & mixed)
    for i in (a, b):
        change.party(w, i, "engagement", 0.3 * power, m)


def _special_envoy(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    mixed = mixed_signals(w, dice, slot, w.turn)
    bonus = np.where(track_two_matured(T, w, k), C.TRACK_ONE, 1.0)
    value = _clip(mediation(T, w, k) * leverage(w) * (openness(w, a) + openness(w, b)) * power * bonus
                  * np.where(mixed, C.MIXED, 1.0))
    won = m & (dice.uniform(w.turn, rng.INSTRUMENT, slot.draw_key(11)) < value)
    change.pressure(w, k, T.tops[k], -0.35 * power, won)
    for i in (a, b):
        change.party(w, i, "hostility", -0.03 * power, won)
    _mixed(w, (a, b), m & mixed)
    for i in (a, b):
        change.party(w, i, "engagement", 0.2 * power, m)


def _public_appeal(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    watch = 0.5 + w.values["visibility"]
    strength = power * leverage(w) * watch
    change.pressure(w, k, T.tops[k], -0.3 * strength * mediation(T, w, k) / 0.5, m)
    for i in (a, b):
        change.party(w, i, "restraint", 0.02 * strength, m)
        change.party(w, i, "hostility", -0.03 * strength * w.values["receptivity"][i], m)
        change.party(w, i, "audience_cost", 0.08, m)
        change.party(w, i, "engagement", 0.15 * power, m)
    change.office(w, "visibility", 0.08 * w.values["ini_fatigue"][slot.index], m)


def _private_appeal(T, w, dice, slot, m, power):
    i = slot.target
    if T.rules.party_roles[i] != "disputant":
        open_ = openness(w, i)
        change.party(w, i, "receptivity", 0.05 * power * leverage(w) * (0.5 + open_), m)
        change.party(w, i, "trust", 0.02 * power, m)
        change.party(w, i, "engagement", 0.3 * power, m)
        return
    open_ = openness(w, i)
    mixed = m & mixed_signals(w, dice, slot, 3)
    power = np.where(mixed, power * 0.5, power)
    _mixed(w, (i,), mixed)
    brush = (1 - openness(w, i)) * 0.5  # after a mixed message's loss of trust, as the engine reads it
    brushed = m & (dice.uniform(w.turn, rng.INSTRUMENT, slot.draw_key(5)) < brush)
    change.office(w, "prestige", -1.0, brushed)
    heard = m & ~brushed
    change.party(w, i, "hostility", -0.06 * power * leverage(w) * (0.5 + open_), heard)
    change.party(w, i, "grievance", -0.02 * power, heard)
    change.party(w, i, "engagement", 0.3 * power, heard)


def _track_two(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    for i in (a, b):
        change.party(w, i, "grievance", -0.012 * power, m)
        change.party(w, i, "receptivity", 0.03 * power, m)
    change.pressure(w, k, T.tops[k], -0.08 * power, m)


def _early_warning(T, w, dice, slot, m, power):
    change.office(w, "intelligence", 0.05 * power, m)


def _article_99(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    change.office(w, "visibility", REFERRAL_VISIBILITY * w.values["ini_fatigue"][slot.index], m)
    low = m & (w.values["rung"][k] < 2)
    change.office(w, "prestige", -3.0, low)
    voted = m & ~low
    if not voted.any():
        return
    passed = council_vote(T, w, dice, k, "resolution")
    yes, no = voted & passed, voted & ~passed
    change.pressure(w, k, T.tops[k], -0.4 * power, yes)
    change.office(w, "prestige", 4.0, yes)
    for i in (a, b):
        change.party(w, i, "restraint", 0.06 * power, yes)
        change.party(w, i, "audience_cost", 0.1, yes)
    change.office(w, "prestige", -6.0, no)
    for i in (a, b):
        change.party(w, i, "audience_cost", 0.05, no)


def _preventive_deployment(T, w, dice, slot, m, power):
    k = slot.target
    a, b = T.rules.pair_members[k]
    v = w.values
    t = w.turn
    j = slot.index
    ends, left = v["ini_ends"][j], v["deployment_left"][k]
    first = m & (t == v["ini_matures"][j])
    vetoed = np.zeros(w.n, dtype=bool)
    if first.any():
        vetoed = first & ~council_vote(T, w, dice, k, "mandate")
        change.office(w, "prestige", -4.0, vetoed)
        ends[...] = np.where(vetoed, t, ends)
        granted = first & ~vetoed
        left[...] = np.where(granted, ends - t + 1, left)
        change.office(w, "visibility", 0.05, granted)
    withdrawn = m & ~first & ((left <= 0) | (v["budget"] < DEPLOYMENT_UPKEEP))
    ends[...] = np.where(withdrawn, t, ends)
    left[...] = np.where(withdrawn, 0.0, left)
    going = m & ~vetoed & ~withdrawn
    renew = going & (t == ends) & (ends < T.rules.turns - 1)
    if renew.any():
        renewed = renew & council_vote(T, w, dice, k, "renewal")
        ends[...] = np.where(renewed, ends + slot.rule.duration, ends)
    left[...] = np.where(going, ends - t, left)
    change.office(w, "budget", -DEPLOYMENT_UPKEEP, going)
    change.pressure(w, k, T.tops[k], -0.15 * power, going)
    for i in (a, b):
        change.party(w, i, "hostility", -0.02 * power, going)


def _task_force(T, w, dice, slot, m, power):
    change.office(w, "coordination", 0.07 * power, m)


def _visit(T, w, dice, slot, m, power):
    i = slot.target
    change.office(w, "visibility", 0.05 * w.values["ini_fatigue"][slot.index], m)
    v = w.values
    cold = m & (v["hostility"][i] > C.COLD_HOSTILITY) & (v["trust"][i] < C.COLD_TRUST)
    change.office(w, "prestige", -3.0, cold)
    warm = m & ~cold
    change.party(w, i, "trust", 0.06 * power * leverage(w), warm)
    change.party(w, i, "receptivity", 0.05 * power, warm)
    change.party(w, i, "engagement", 0.4 * power, warm)


def _mixed(w: Worlds, parties: tuple[int, ...], where) -> None:
    for i in parties:
        change.party(w, i, "trust", -0.02, where)


ACTS = {
    "good_offices": _good_offices, "special_envoy": _special_envoy, "public_appeal": _public_appeal,
    "private_appeal": _private_appeal, "track_two": _track_two, "early_warning": _early_warning,
    "article_99": _article_99, "preventive_deployment": _preventive_deployment, "task_force": _task_force,
    "visit": _visit,
}


def power_of(T: Tables, w: Worlds, slot: InitiativeSlot):
    """An instrument's strength now (Game._power): its number, or its expression within 0-5."""
    fn = T.power_exprs.get(slot.rule.key)
    if fn is None:
        return slot.rule.power
    value = exprs._num(fn(w))
    return np.where(value > 0.0, np.minimum(value, 5.0), 0.0)


def act_all(T: Tables, w: Worlds, dice: ArrayDice) -> None:
    """Every initiative acting this turn (matured, not over) acts, in each world in the order launched, as the
    engine's list of initiatives is (one effect reads what another left: an appeal's visibility a Council vote)."""
    v = w.values
    t = w.turn
    acting = v["ini_active"] & (v["ini_matures"] <= t) & (t <= v["ini_ends"])
    if not acting.any():
        return
    order = np.where(acting, v["ini_seq"], np.inf)
    while True:
        nxt = np.argmin(order, axis=0)
        has = np.isfinite(order.min(axis=0))
        if not has.any():
            break
        for slot in T.initiative_slots:
            j = slot.index
            m = has & (nxt == j)
            if m.any():
                ACTS[slot.rule.kind](T, w, dice, slot, m, power_of(T, w, slot) * v["ini_fatigue"][j])
                order[j] = np.where(m, np.inf, order[j])


def wear(w: Worlds, slot: InitiativeSlot, started: int):
    """The power left after recent launches on the same target (instruments.wear)."""
    recent = w.values["ini_recent"][slot.index]
    repeats = ((recent >= started - 4) & (recent < started)).sum(axis=0)
    return FATIGUE ** repeats


def float_proposal(T: Tables, w: Worlds, dice: ArrayDice, prop, mode: str, m) -> np.ndarray:
    """Put the proposal to the pair in the worlds `m`; returns where it was accepted (proposals.float_proposal)."""
    rules = T.rules
    k = prop.pair
    a, b = rules.pair_members[k]
    v = w.values
    open_ = 0.5 * (openness(w, a) + openness(w, b))
    audience = 0.5 * (v["audience_cost"][a] + v["audience_cost"][b])
    if mode == "public":
        climate = 0.8 + 0.5 * v["visibility"] - 0.6 * audience
    else:
        climate = 0.9 + 0.3 * 0.5 * (v["trust"][a] + v["trust"][b])
    value = prop.acceptance * (0.6 + 0.8 * open_) * climate * leverage(w) * mediation(T, w, k) / 0.5
    chance = _clip(value, C.PROPOSAL_LOW)
    draw = dice.uniform(w.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(prop.key), k, 99))
    yes = m & (draw < chance)
    no = m & ~yes
    row = T.proposal_rows[prop.key]
    v["accepted"][row] = np.where(yes, 1.0, v["accepted"][row])
    exprs.run(w, T.on_accept[prop.key], yes)
    for i in (a, b):
        change.party(w, i, "audience_cost", -0.3, yes)
        change.party(w, i, "engagement", 0.3, yes)
    change.office(w, "prestige", 8.0 if mode == "public" else 4.0, yes)
    exprs.run(w, T.on_reject[prop.key], no)
    if mode == "public":
        for i in (a, b):
            change.party(w, i, "audience_cost", 0.1, no)
        change.office(w, "prestige", -3.0, no)
        change.office(w, "visibility", 0.1, no)
    return yes

