"""The chances of the office's initiatives, each written once as a product of named terms.

The engine draws against these chances on the true state; the odds shown before a move evaluate the very same
functions on worlds drawn from the player's estimates (game/sim/odds.py); and the reasons given after a refusal
are their terms evaluated on the estimates the player had (intel.believed_state). A term's `weight` multiplies
the chance; `neutral` is its weight in a middling situation, so weight / neutral says how much it helped or
hurt; `args` are its inputs (party and pair indices, estimates, public facts), for game/present's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import ProposalRule, Rules
    from .state import GameState

LOW, HIGH = 0.03, 0.95  # bounds of an instrument's chance
PROPOSAL_LOW = 0.02  # a proposal may be even less likely
TRACK_ONE = 1.4  # a matured Track II channel upgrades official mediation on the same pair
MIXED = 0.5  # contradictory signals halve an instrument's effect
COLD_HOSTILITY, COLD_TRUST = 0.8, 0.3  # a visit is received coldly above this hostility and below this trust


@dataclass(frozen=True, slots=True)
class Term:
    """One factor of a chance: what it is (`code`, see TERMS), its multiplier, its multiplier in a middling
    situation, and the data it was computed from."""

    code: str
    weight: float
    neutral: float = 1.0
    args: tuple = ()


@dataclass(frozen=True, slots=True)
class Chance:
    """A probability and the terms it is the (clipped) product of. `kind` says what it is the chance of."""

    kind: str
    value: float
    terms: tuple[Term, ...] = ()


# What a term can be (code: args).
TERMS = {
    "formula": "proposal id — how much the proposal itself asks of the parties",
    "openness": "(party index, trust, receptivity) per party reached",
    "watching": "visibility, audience cost (the mean of the pair's two) — a public proposal",
    "trust": "(party index, trust) per party — a private proposal",
    "standing": "prestige, coordination — the office's leverage",
    "issue": "pair index — base success of mediation by issue (Bercovitch)",
    "intensity": "pair index, rung",
    "power_gap": "pair index, gap",
    "repetition": "times used on the same target in the last turns",
    "track_two": "pair index — a matured channel",
    "mixed_signals": "coordination — chance of contradictory signals",
    "veto": "council member index, support, whether it is a party, visibility",
    "no_threat": "pair index, rung — below 'crisis' the Council sees no threat",
    "hostility": "party index, hostility",
    "mediator": "pair index, (party index, trust, receptivity) per mediator of the pair — the backing they lend",
}
# What a chance can be of.
KINDS = ("accepted", "progress", "brushed_off", "passes", "cold")


def clip(x: float, low: float = LOW, high: float = HIGH) -> float:
    return low if x < low else high if x > high else x


def leverage(state: GameState) -> float:
    """How much weight the office carries now: its prestige, and coordination among UN bodies and partners."""
    office = state.office
    return (0.4 + 0.6 * office.prestige / 100.0) * (0.55 + 0.45 * office.coordination)


def intensity(rules: Rules, state: GameState, k: int) -> float:
    """Mediation works less well the higher the pair stands on its ladder (references §1.7)."""
    return 1.0 - 0.45 * state.pairs[k].rung / rules.tops[k]


def power_gap(rules: Rules, state: GameState, k: int) -> float:
    """Mediation works less well between unequal parties."""
    a, b = rules.pair_members[k]
    return 1.0 - 0.7 * abs(state.parties[a].power - state.parties[b].power)


def mediation(rules: Rules, state: GameState, k: int) -> float:
    """Bercovitch: base rate by issue, lower at high intensity and with a large power gap (references §1.7);
    stronger with the backing of the pair's mediators, if the scenario has any."""
    factor = rules.issue_success[k] * intensity(rules, state, k) * power_gap(rules, state, k)
    return factor * mediator_backing(rules, state, k) if rules.mediators[k] else factor


MEDIATOR_WEIGHT = 0.5  # how much a fully open mediator adds to mediation on the pairs it mediates
MEDIATOR_CAP = 2.0


def mediator_backing(rules: Rules, state: GameState, k: int) -> float:
    """1 + 0.5 × the openness (½ trust + ½ receptivity) of each mediator of pair k, at most ×2: a mediator that
    trusts the Secretary-General and works with the office lends it weight (visits and appeals raise both)."""
    return min(MEDIATOR_CAP, 1.0 + MEDIATOR_WEIGHT * sum(openness(state, m) for m in rules.mediators[k]))


def openness(state: GameState, i: int) -> float:
    p = state.parties[i]
    return 0.5 * p.receptivity + 0.5 * p.trust


def mixed_chance(state: GameState) -> float:
    """Below coordination 0.4, the chance that UN bodies and partners send contradictory signals."""
    coord = state.office.coordination
    return 0.0 if coord >= 0.4 else (0.4 - coord) * 1.5


def _signals(state: GameState, mixed: bool | None) -> float:
    """The effect left by contradictory signals: halved when they were sent, their expectation when not yet known."""
    if mixed is None:
        return 1.0 - (1.0 - MIXED) * mixed_chance(state)
    return MIXED if mixed else 1.0


def _who(state: GameState, i: int) -> tuple:
    p = state.parties[i]
    return (i, p.trust, p.receptivity)


def _mediation_terms(rules: Rules, state: GameState, k: int) -> tuple[Term, ...]:
    pair = state.pairs[k]
    a, b = rules.pair_members[k]
    gap = abs(state.parties[a].power - state.parties[b].power)
    terms = (
        Term("issue", rules.issue_success[k] / 0.5, 1.1, (k,)),
        Term("intensity", intensity(rules, state, k), 0.8, (k, pair.rung)),
        Term("power_gap", power_gap(rules, state, k), 0.9, (k, gap)),
    )
    if rules.mediators[k]:
        terms += (Term("mediator", mediator_backing(rules, state, k), 1.0,
                       (k, tuple(_who(state, m) for m in rules.mediators[k]))),)
    return terms


def _office_terms(state: GameState, power: float, mixed: bool | None) -> tuple[Term, ...]:
    """Standing, wear from repetition and contradictory signals (`mixed` None: not yet known, its expectation)."""
    office = state.office
    terms = [Term("standing", leverage(state), 0.62, (office.prestige, office.coordination))]
    if power < 1.0:
        terms.append(Term("repetition", power, 1.0, (power,)))
    weight = _signals(state, mixed)
    if weight < 1.0:
        terms.append(Term("mixed_signals", weight, 1.0, (office.coordination,)))
    return tuple(terms)


def good_offices(rules: Rules, state: GameState, k: int, power: float, track_two: bool,
                 mixed: bool | None) -> Chance:
    """The chance both sides accept your good offices (drawn once, when they begin)."""
    a, b = rules.pair_members[k]
    bonus = TRACK_ONE if track_two else 1.0
    value = clip(mediation(rules, state, k) * leverage(state) * (0.4 + openness(state, a) + openness(state, b))
                 * power * bonus * _signals(state, mixed))
    terms = (*_mediation_terms(rules, state, k),
             Term("openness", 0.4 + openness(state, a) + openness(state, b), 1.4, (_who(state, a), _who(state, b))),
             *_office_terms(state, power, mixed))
    if track_two:
        terms += (Term("track_two", TRACK_ONE, 1.0, (k,)),)
    return Chance("accepted", value, terms)


def envoy(rules: Rules, state: GameState, k: int, power: float, track_two: bool, mixed: bool | None) -> Chance:
    """The chance your envoy makes progress this turn (drawn every turn the envoy works)."""
    a, b = rules.pair_members[k]
    bonus = TRACK_ONE if track_two else 1.0
    value = clip(mediation(rules, state, k) * leverage(state) * (openness(state, a) + openness(state, b))
                 * power * bonus * _signals(state, mixed))
    terms = (*_mediation_terms(rules, state, k),
             Term("openness", openness(state, a) + openness(state, b), 1.0, (_who(state, a), _who(state, b))),
             *_office_terms(state, power, mixed))
    if track_two:
        terms += (Term("track_two", TRACK_ONE, 1.0, (k,)),)
    return Chance("progress", value, terms)


def brushed_off(state: GameState, i: int) -> Chance:
    """The chance a leader brushes off your private appeal: the less open to you, the likelier."""
    open_ = openness(state, i)
    return Chance("brushed_off", (1 - open_) * 0.5, (Term("openness", 0.5 + 0.5 * open_, 0.75, (_who(state, i),)),))


def veto(rules: Rules, state: GameState, m: int, k: int) -> float:
    """The chance permanent member m vetoes a vote on pair k: low support, being a party, and a world that is
    not watching make a veto likelier."""
    support = state.council[m]
    if support >= 0.95:
        return 0.0
    involved = rules.council_party[m] in rules.pair_members[k]
    return clip((1.0 - support) * 0.6 + (0.35 if involved else 0.0) - 0.2 * state.office.visibility)


def council_passes(rules: Rules, state: GameState, k: int) -> Chance:
    """The chance a Security Council vote on pair k passes: no permanent member vetoes."""
    value = 1.0
    terms = []
    a, b = rules.pair_members[k]
    for m, support in enumerate(state.council):
        if not rules.council_permanent[m]:
            continue
        risk = veto(rules, state, m, k)
        value *= 1.0 - risk
        involved = rules.council_party[m] in (a, b)
        terms.append(Term("veto", 1.0 - risk, 0.8, (m, support, involved, state.office.visibility)))
    return Chance("passes", value, tuple(terms))


def referral_passes(rules: Rules, state: GameState, k: int) -> Chance:
    """An Article 99 referral: below rung 2 the Council sees no threat; above, a vote."""
    rung = state.pairs[k].rung
    if rung < 2:
        return Chance("passes", 0.0, (Term("no_threat", 0.0, 1.0, (k, rung)),))
    return council_passes(rules, state, k)


def cold_reception(state: GameState, i: int) -> Chance:
    """Whether a visit is received coldly: only by a party both very hostile and distrustful (0 or 1 on a given
    world; over worlds drawn from the estimates, the share of them)."""
    p = state.parties[i]
    cold = p.hostility > COLD_HOSTILITY and p.trust < COLD_TRUST
    return Chance("cold", 1.0 if cold else 0.0,
                  (Term("hostility", 1.0 - p.hostility, 1.0 - COLD_HOSTILITY + 0.05, (i, p.hostility)),
                   Term("trust", p.trust, COLD_TRUST + 0.05, ((i, p.trust),))))


def proposal(rules: Rules, state: GameState, prop: ProposalRule, mode: str) -> Chance:
    """The chance the parties accept a proposal floated privately or publicly (references §1.5)."""
    a, b = rules.pair_members[prop.pair]
    pa, pb = state.parties[a], state.parties[b]
    open_ = 0.5 * (openness(state, a) + openness(state, b))
    audience = 0.5 * (pa.audience_cost + pb.audience_cost)
    if mode == "public":
        climate = 0.8 + 0.5 * state.office.visibility - 0.6 * audience
        setting = Term("watching", climate, 1.0, (state.office.visibility, audience))
    else:
        climate = 0.9 + 0.3 * 0.5 * (pa.trust + pb.trust)
        setting = Term("trust", climate, 1.0, ((a, pa.trust), (b, pb.trust)))
    lev = leverage(state)
    value = prop.acceptance * (0.6 + 0.8 * open_) * climate * lev * mediation(rules, state, prop.pair) / 0.5
    office = state.office
    terms = (
        Term("formula", prop.acceptance, 0.5, (prop.key,)),
        Term("openness", 0.6 + 0.8 * open_, 1.0, (_who(state, a), _who(state, b))),
        setting,
        Term("standing", lev, 0.62, (office.prestige, office.coordination)),
        *_mediation_terms(rules, state, prop.pair),
    )
    return Chance("accepted", clip(value, PROPOSAL_LOW), terms)


def obstacles(chance: Chance, n: int = 3) -> list[Term]:
    """The terms that held the chance down most (weight well below neutral), worst first."""
    against = [t for t in chance.terms if t.neutral > 0 and t.weight / t.neutral < 0.95]
    against.sort(key=lambda t: t.weight / t.neutral)
    return against[:n]
