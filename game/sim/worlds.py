"""Worlds the player's staff find plausible: the true public facts, every hidden value drawn from the player's
estimates. The advisor plays its rollouts on them and the odds shown before a move are taken over them; neither
reads anything of the hidden state.

Each estimated value is drawn within its 90% band, each pair's pressure within its band and the range its visible
rung allows (while a crisis is secret, the rung the world sees and anywhere within it: the office does not know the
real one, game/present/known.py), and each party's intention is the one a recent contact revealed or else a guess
from its estimated hostility. Values no estimate covers come from the scenario's briefing (restraint, grievance) or
from public facts: audience costs as the office's own public moves imply them, plus what the parties' own conduct
may have added (intel.audience_guess).
"""

from __future__ import annotations

import random

from game.engine import Game
from game.engine.intel import AUDIENCE_OTHERS, Z90, audience_own, rung_range, snapshot
from game.engine.observation import Observation
from game.engine.state import GameState

from .seeds import splitmix64


def sample_state(game: Game, obs: Observation, seed: int, n: int) -> GameState:
    """World `n` (of the worlds seeded by `seed`) for the game at this turn. Reads nothing of the hidden state."""
    rules = game.rules
    rnd = random.Random(splitmix64(splitmix64(seed) ^ (obs.turn << 20) ^ n))
    world = _public_copy(game.state)
    briefing = {p.id: p for p in rules.scenario.parties}
    for i, view in enumerate(obs.parties):
        p = world.parties[i]
        for attr, est in view.estimates.items():
            setattr(p, attr, _draw(rnd, est.value, est.low, est.high, 0.0, 1.0))
        start = briefing[view.id]
        p.restraint, p.grievance = start.restraint, start.grievance
        own = audience_own(rules, game.state, i)
        p.audience_cost = min(1.0, own + rnd.uniform(0.0, 2 * AUDIENCE_OTHERS * obs.office.visibility))
        p.intention = view.intention or _guess_intention(rnd, p.hostility)
        p.revealed_intention = view.intention or ""
        p.revealed_turn = obs.turn if view.intention else -1
    for k, view in enumerate(obs.pairs):
        pair = world.pairs[k]
        rung, (value, low, high) = view.rung, (view.pressure.value, view.pressure.low, view.pressure.high)
        if obs.turn < rules.known_from[k]:  # a secret crisis: the office knows only the rung the world sees
            rung = pair.rung = pair.peak_rung = rules.secret_rung[k]
            value, low, high = rung + 0.5, float(rung), rung + 1.0
        lo, hi = rung_range(rules, k, rung)
        pair.pressure = min(max(_draw(rnd, value, low, high, 0.0, rules.tops[k] + 0.999), lo), hi)
        pair.velocity = 0.0
        pair.momentum = rules.scenario.pairs[k].momentum
    for view, track in zip(obs.tracks, rules.tracks, strict=True):
        if view.estimate is not None:
            est = view.estimate
            world.variables[track.key] = _draw(rnd, est.value, est.low, est.high, track.lo, track.hi)
        elif view.value is None:
            world.variables[track.key] = track.start  # hidden: the staff know only where it began
    world.history = [snapshot(world)] * len(world.history)
    return world


def sample_worlds(game: Game, runs: int, seed: int = 0) -> list[GameState]:
    """`runs` plausible worlds for the game now, from one observation."""
    obs = game.observation()
    return [sample_state(game, obs, seed, n) for n in range(runs)]


def _public_copy(state: GameState) -> GameState:
    """A copy of the state with every hidden value blanked; the caller fills them from the observation."""
    world = state.clone()
    for p in world.parties:
        p.hostility = p.resolve = p.trust = p.domestic_pressure = p.receptivity = 0.0
        p.restraint = p.grievance = p.audience_cost = 0.0
        p.intention, p.revealed_intention, p.revealed_turn = "hold", "", -1
    for pair in world.pairs:
        pair.pressure = pair.velocity = pair.momentum = 0.0
    world.history = [()] * len(state.history)
    return world


def _draw(rnd: random.Random, value: float, low: float, high: float, lo: float, hi: float) -> float:
    """A value around an estimate: normal with the band's spread (a 90% band is ±1.645 sd), kept in range."""
    sd = max(high - low, 1e-6) / (2 * Z90)
    return min(max(rnd.gauss(value, sd), lo), hi)


def _guess_intention(rnd: random.Random, hostility: float) -> str:
    """An unrevealed intention: escalate with chance hostility², settle with (1 − hostility)², else hold."""
    u = rnd.random()
    if u < hostility * hostility:
        return "escalate"
    if u > 1.0 - (1.0 - hostility) ** 2:
        return "settle"
    return "hold"
