"""Intelligence: what the player sees of the hidden state — a filtered belief about each hidden value, with a
90% band, built from late, noisy reports and from direct contact (references §1.6).

Each hidden value (a party's hostility, resolve, trust, domestic pressure and receptivity; a pair's pressure)
has its own Kalman filter on a random walk:

- a routine report each turn describes the value as it was `delay` turns ago, with noise that early warning
  narrows; the office starts with a dossier worth DOSSIER reports on the opening position;
- between two turns the value may drift (DRIFT: the escalation dynamics move hostility and pressure a little
  every turn) and, when something the player knows of touched it — their own instrument, a proposal, an event,
  a party's public decision, an incident — it may have jumped (SHOCK); the band widens accordingly;
- contact (good offices, an envoy, Track II, a visit) is good information: a precise report on the parties
  reached as they stand after the meeting;
- a pair's visible rung bounds its pressure (the ladder follows pressure at once, with the stickiness of
  threshold rungs): the displayed estimate is the belief conditioned on it.

The noise of every report is a pure function of (seed, turn, what is estimated), and the filter reads only the
history of true values kept for that purpose and the public log of what touched them, so the observation is a
pure, deterministic function of the state: reading it never changes the game.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from . import rng
from .rules import Rules
from .state import ESTIMATED, GameState, IntelRow

Z90 = 1.645  # half-width of a 90% band in standard deviations
FRESH_TURNS = 3  # a revealed intention is shown for this many turns before it may be out of date
PRESSURE_NOISE = 0.4  # reports on pressure are this much less noisy, relative to the ladder's height
DOSSIER = 3.0  # the office's file on the opening position is worth this many routine reports
CONTACT_SD = 0.05  # noise of what a contact tells you, on a 0–1 value
# How far a value may move in one turn (standard deviation): DRIFT on its own, SHOCK more when something public
# touched it. Pressure in rungs; DRIFT scales with the scenario's `step` and `hostility_to_pressure` tuning.
DRIFT = {"hostility": 0.025, "resolve": 0.0, "trust": 0.0, "domestic_pressure": 0.0, "receptivity": 0.0}
SHOCK = {"hostility": 0.06, "resolve": 0.05, "trust": 0.05, "domestic_pressure": 0.08, "receptivity": 0.07}
PRESSURE_DRIFT = 0.2
PRESSURE_SHOCK = 0.5
_NORMAL = NormalDist()


def snapshot(state: GameState) -> tuple[float, ...]:
    """The hidden values estimates are drawn from, in a fixed order: parties' attributes, then pairs' pressure."""
    values: list[float] = []
    for p in state.parties:
        values += (p.hostility, p.resolve, p.trust, p.domestic_pressure, p.receptivity)
    for pair in state.pairs:
        values.append(pair.pressure)
    return tuple(values)


def noise_sd(quality: float) -> float:
    """Standard deviation of a routine report on a [0, 1] value at a given intelligence quality."""
    return 0.02 + 0.22 * (1.0 - quality)


def delay(rules: Rules, quality: float) -> int:
    """How many turns old the routine reports are."""
    return int(round(rules.tuning.intel_delay * (1.0 - quality)))


@dataclass(frozen=True, slots=True)
class Estimate:
    """A value as the player's analysts see it: best guess and a 90% band."""

    value: float
    low: float
    high: float


def log_row(state: GameState, touched: list[int], contacts: list[int]) -> IntelRow:
    """The log row for the turn now starting, from the marks the turn's changes left (see Ctx)."""
    return IntelRow(state.office.intelligence, tuple(sorted(touched)) if touched else (),
                    tuple(sorted(set(contacts))) if contacts else ())


class Scales:
    """Per hidden value: its report noise relative to a 0–1 value, and the variance it may gather in a turn on
    its own (drift) and when something public touched it (shock)."""

    __slots__ = ("noise", "drift", "shock")

    def __init__(self, rules: Rules) -> None:
        step = rules.tuning.step / 0.5
        follow = rules.tuning.hostility_to_pressure / 0.35
        self.noise: list[float] = []
        self.drift: list[float] = []
        self.shock: list[float] = []
        for _ in rules.party_ids:
            for attr in ESTIMATED:
                self.noise.append(1.0)
                self.drift.append((DRIFT[attr] * (step if attr == "hostility" else 1.0)) ** 2)
                self.shock.append(SHOCK[attr] ** 2)
        for top in rules.tops:
            self.noise.append((top + 0.999) * PRESSURE_NOISE)
            self.drift.append((PRESSURE_DRIFT * follow) ** 2)
            self.shock.append(PRESSURE_SHOCK**2)


@dataclass(slots=True)
class Belief:
    """Every filter after some rows of the log: mean and variance of the value at turn `anchor`, the turn of its
    last routine report, and the variance the values gather turn by turn (cumulative, per row)."""

    rows: int
    mean: list[float]
    var: list[float]
    anchor: list[int]
    routine: list[int]
    spread: list[list[float]]  # spread[j][v]: variance value v gathers from turn 0 to turn j

    def copy(self) -> Belief:
        return Belief(self.rows, list(self.mean), list(self.var), list(self.anchor), list(self.routine),
                      list(self.spread))


def _prior(state: GameState, rules: Rules, scales: Scales) -> Belief:
    """The dossier on the opening position: the truth at turn 0 seen through DOSSIER routine reports' noise."""
    dice = rng.Dice(state.seed)
    sd = noise_sd(state.intel[0].quality) if state.intel else noise_sd(state.office.intelligence)
    truth = state.history[0]
    n = len(truth)
    mean, var = [], []
    for v in range(n):
        spread = sd * scales.noise[v] / math.sqrt(DOSSIER)
        mean.append(truth[v] + spread * dice.normal(0, rng.DOSSIER, v))
        var.append(spread * spread)
    return Belief(0, mean, var, [0] * n, [-1] * n, [])


def _advance(belief: Belief, state: GameState, rules: Rules, scales: Scales, dice: rng.Dice) -> None:
    """Take in row `belief.rows` of the log: the turn's routine report and any contact's."""
    j = belief.rows
    row = state.intel[j]
    n = len(belief.mean)
    last = belief.spread[-1] if belief.spread else [0.0] * n
    spread = list(last)
    drift, shock = scales.drift, scales.shock
    for v in range(n):
        spread[v] += drift[v]
    for v in row.touched:
        spread[v] += shock[v]
    belief.spread.append(spread)
    mean, var, anchor, routine = belief.mean, belief.var, belief.anchor, belief.routine
    seen = max(0, j - delay(rules, row.quality))
    sd = noise_sd(row.quality)
    past = state.history[seen]
    for v in range(n):
        if seen <= routine[v] or seen < anchor[v]:
            continue  # already reported, or older than what a contact has told since
        if seen > anchor[v]:
            var[v] += belief.spread[seen][v] - belief.spread[anchor[v]][v]
            anchor[v] = seen
        r = sd * scales.noise[v]
        _update(mean, var, v, past[v] + r * dice.normal(seen, rng.INTEL, v), r * r)
        routine[v] = seen
    now = state.history[j]
    for v in row.contacts:
        if j > anchor[v]:
            var[v] += belief.spread[j][v] - belief.spread[anchor[v]][v]
            anchor[v] = j
        r = CONTACT_SD * scales.noise[v]
        _update(mean, var, v, now[v] + r * dice.normal(j, rng.CONTACT, v), r * r)
    belief.rows = j + 1


def _update(mean: list[float], var: list[float], v: int, z: float, r2: float) -> None:
    gain = var[v] / (var[v] + r2)
    mean[v] += gain * (z - mean[v])
    var[v] *= 1.0 - gain


class Filter:
    """The beliefs of one game, taken in row by row and kept between observations (rows of past turns never
    change; the current turn's row may, when a facilitator injects an event, so it is taken in afresh each time).
    Derived data only: dropping it and starting again gives exactly the same beliefs."""

    __slots__ = ("state", "scales", "done")

    def __init__(self) -> None:
        self.state: GameState | None = None
        self.scales: Scales | None = None
        self.done: Belief | None = None  # every row before the current turn's

    def beliefs(self, state: GameState, rules: Rules) -> tuple[Belief, list[float]]:
        """The belief at the current turn and the variance of each value now (its mean's variance plus the
        drift since the turn it describes)."""
        if self.state is not state or self.done is None or self.done.rows > len(state.intel) - 1:
            self.state, self.scales = state, Scales(rules)
            self.done = _prior(state, rules, self.scales)
        dice = rng.Dice(state.seed)
        while self.done.rows < len(state.intel) - 1:
            _advance(self.done, state, rules, self.scales, dice)
        now = self.done.copy()
        _advance(now, state, rules, self.scales, dice)
        t = now.rows - 1
        total = [now.var[v] + now.spread[t][v] - now.spread[now.anchor[v]][v] for v in range(len(now.var))]
        return now, total


def _shown(mean: float, var: float, lo: float, hi: float, floor: float, ceiling: float) -> Estimate:
    """The median and 90% band of the belief N(mean, var), conditioned on lying in [lo, hi] (what the visible rung
    says) and held within the value's own bounds [floor, ceiling], where a true value rests once pushed there."""
    sd = math.sqrt(max(var, 1e-12))
    fa = _NORMAL.cdf((lo - mean) / sd) if lo > floor else 0.0
    fb = _NORMAL.cdf((hi - mean) / sd) if hi < ceiling else 1.0
    if fb - fa < 1e-9:  # the belief lies far outside the range: the truth is near its closer edge
        edge = lo if mean < lo else hi
        reach = min(hi - lo, max(sd, 0.05 * (hi - lo)))
        low, high = (edge, edge + reach) if edge == lo else (edge - reach, edge)
        return Estimate(round(edge, 3), round(low, 3), round(high, 3))

    def quantile(p: float) -> float:
        q = min(max(fa + p * (fb - fa), 1e-12), 1.0 - 1e-12)
        return min(max(mean + sd * _NORMAL.inv_cdf(q), lo, floor), hi, ceiling)

    return Estimate(round(quantile(0.5), 3), round(quantile(0.05), 3), round(quantile(0.95), 3))


def rung_range(rules: Rules, k: int, rung: int) -> tuple[float, float]:
    """The pressures a pair on `rung` can have, given the stickiness of threshold rungs (escalation.rung_for)."""
    margin = rules.tuning.threshold_margin
    thresholds = rules.thresholds[k]
    top = rules.tops[k]
    lo = rung - (margin if rung > 0 and thresholds[rung] else 0.0)
    hi = rung + 1 + (margin if rung < top and thresholds[rung + 1] else 0.0)
    return max(0.0, lo), min(top + 0.999, hi)


def estimates(state: GameState, rules: Rules, filt: Filter | None = None) -> list[Estimate]:
    """Every hidden value's estimate now, in snapshot order; pressure conditioned on the visible rung."""
    belief, total = (filt or Filter()).beliefs(state, rules)
    first_pressure = rules.first_pressure
    out = []
    for v, (mean, var) in enumerate(zip(belief.mean, total, strict=True)):
        if v < first_pressure:
            out.append(_shown(mean, var, 0.0, 1.0, 0.0, 1.0))
            continue
        k = v - first_pressure
        top = rules.tops[k] + 0.999
        lo, hi = rung_range(rules, k, state.pairs[k].rung)
        out.append(_shown(mean, var, lo, hi, 0.0, top))
    return out


AUDIENCE_DECAY = 0.9  # audience costs fade 10% a turn (escalation.decay)
PUBLIC_AUDIENCE = {"public_appeal": 0.08, "article_99": 0.075}  # what each public move adds, about
AUDIENCE_OTHERS = 0.125  # what the parties' own conduct adds on average, per unit of visibility


def audience_own(rules: Rules, state: GameState, i: int) -> float:
    """The part of party i's audience cost the office can reckon from its own recent public moves on the party's
    pairs (each adds about PUBLIC_AUDIENCE, fading every turn; the state keeps the last few turns' launches)."""
    total = 0.0
    pairs = rules.pairs_of_party[i]
    for (key, target), turns in state.recent_launches.items():
        ins = rules.instruments.get(key)
        if ins is not None and ins.kind in PUBLIC_AUDIENCE and ins.target == "pair" and target in pairs:
            total += sum(PUBLIC_AUDIENCE[ins.kind] * AUDIENCE_DECAY ** max(0, state.turn - t) for t in turns)
    return min(1.0, total)


def audience_guess(rules: Rules, state: GameState, i: int) -> float:
    """Party i's audience cost as the office can guess it: its own public moves' share, and on average what the
    parties' own conduct adds when the world is watching (which it cannot see)."""
    return min(1.0, audience_own(rules, state, i) + AUDIENCE_OTHERS * state.office.visibility)


def believed_state(state: GameState, rules: Rules, filt: Filter | None = None) -> GameState:
    """The world as the player's estimates have it: every estimated value at its best guess, audience costs as
    the office's own public moves imply them, everything public as it is. What the reasons for a refusal are
    evaluated on (chances.py) — never what the engine draws against."""
    world = state.clone()
    values = estimates(state, rules, filt)
    n = len(ESTIMATED)
    for i, p in enumerate(world.parties):
        for j, attr in enumerate(ESTIMATED):
            setattr(p, attr, values[i * n + j].value)
        p.audience_cost = audience_guess(rules, state, i)
    for k, pair in enumerate(world.pairs):
        pair.pressure = values[rules.first_pressure + k].value
    return world


def party_estimates(values: list[Estimate], i: int) -> dict[str, Estimate]:
    base = i * len(ESTIMATED)
    return {attr: values[base + j] for j, attr in enumerate(ESTIMATED)}


TRACK_NOISE = 0.5  # a report on a progress track is this noisy, relative to the track's range


def track_estimate(state: GameState, rules: Rules, j: int) -> Estimate:
    """Progress track j as the analysts report it this turn: its value now plus noise that early warning narrows
    (TRACK_NOISE × noise_sd × its range), with a 90% band; a fresh report every turn, not a filtered belief. The
    noise is addressed by (seed, turn, track), so reading it never changes the game."""
    track = rules.tracks[j]
    span = track.hi - track.lo
    sd = noise_sd(state.office.intelligence) * span * TRACK_NOISE
    true = float(state.variables[track.key])
    index = rules.first_pressure + len(rules.pair_ids) + j  # past every hidden value's address
    guess = min(max(true + sd * rng.Dice(state.seed).normal(state.turn, rng.INTEL, index), track.lo), track.hi)
    half = Z90 * sd
    return Estimate(round(guess, 3), round(max(track.lo, guess - half), 3), round(min(track.hi, guess + half), 3))


def known_intention(state: GameState, i: int) -> str | None:
    """The party's intention if a recent contact revealed it, else None."""
    p = state.parties[i]
    if p.revealed_turn >= 0 and state.turn - p.revealed_turn <= FRESH_TURNS:
        return p.revealed_intention
    return None
