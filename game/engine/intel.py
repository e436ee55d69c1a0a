"""Intelligence: what the player sees of the hidden state — late, noisy estimates with a confidence band.

The noise of an estimate is a pure function of (seed, turn, what is estimated), so reading the observation
never changes the game. Early-warning investment raises `intelligence`, which narrows the band and shortens
the delay (references §1.6).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rng
from .rules import Rules
from .state import GameState

ESTIMATED = ("hostility", "resolve", "trust", "domestic_pressure", "receptivity")
Z90 = 1.645  # half-width of a 90% band in standard deviations
FRESH_TURNS = 3  # a revealed intention is shown for this many turns before it may be out of date


def snapshot(state: GameState) -> tuple[float, ...]:
    """The hidden values estimates are drawn from, in a fixed order: parties' attributes, then pairs' pressure."""
    values: list[float] = []
    for p in state.parties:
        values += (p.hostility, p.resolve, p.trust, p.domestic_pressure, p.receptivity)
    for pair in state.pairs:
        values.append(pair.pressure)
    return tuple(values)


def history_row(rules: Rules, state: GameState) -> tuple[float, ...]:
    """What `state.history` keeps for one turn: the snapshot, then each progress track above its lowest value
    (tracks come last so that a scenario without them keeps exactly the same rows)."""
    row = snapshot(state)
    if not rules.tracks:
        return row
    return row + tuple(float(state.variables[t.key]) - t.lo for t in rules.tracks)


def noise_sd(quality: float) -> float:
    """Standard deviation of an estimate of a [0, 1] value at a given intelligence quality."""
    return 0.02 + 0.22 * (1.0 - quality)


def delay(rules: Rules, quality: float) -> int:
    """How many turns old the estimates are."""
    return int(round(rules.tuning.intel_delay * (1.0 - quality)))


@dataclass(frozen=True, slots=True)
class Estimate:
    """A value as the player's analysts see it: best guess and a 90% band."""

    value: float
    low: float
    high: float


def _estimate(state: GameState, rules: Rules, index: int, scale: float, noise: float = 1.0) -> Estimate:
    """Delayed true value plus addressed noise; `noise` shrinks the error on wide scales (pressure in rungs)."""
    quality = state.office.intelligence
    lag = delay(rules, quality)
    seen = max(0, state.turn - lag)
    true = state.history[min(seen, len(state.history) - 1)][index]
    sd = noise_sd(quality) * scale * noise
    dice = rng.Dice(state.seed)
    guess = true + sd * dice.normal(seen, rng.INTEL, index)
    guess = min(max(guess, 0.0), scale)
    half = Z90 * sd
    return Estimate(round(guess, 3), round(max(0.0, guess - half), 3), round(min(scale, guess + half), 3))


def party_estimates(state: GameState, rules: Rules, i: int) -> dict[str, Estimate]:
    base = i * len(ESTIMATED)
    return {attr: _estimate(state, rules, base + j, 1.0) for j, attr in enumerate(ESTIMATED)}


def pressure_estimate(state: GameState, rules: Rules, k: int) -> Estimate:
    index = len(state.parties) * len(ESTIMATED) + k
    return _estimate(state, rules, index, rules.tops[k] + 0.999, noise=0.4)


def track_estimate(state: GameState, rules: Rules, j: int) -> Estimate:
    """Progress track j as the analysts see it: late and noisy like the parties' numbers, on the track's range."""
    track = rules.tracks[j]
    index = len(state.parties) * len(ESTIMATED) + len(state.pairs) + j
    est = _estimate(state, rules, index, track.hi - track.lo, noise=0.5)
    return Estimate(round(est.value + track.lo, 3), round(est.low + track.lo, 3), round(est.high + track.lo, 3))


def known_intention(state: GameState, i: int) -> str | None:
    """The party's intention if a recent contact revealed it, else None."""
    p = state.parties[i]
    if p.revealed_turn >= 0 and state.turn - p.revealed_turn <= FRESH_TURNS:
        return p.revealed_intention
    return None
