"""A determinism and invariant checker for the engine, after Gymnasium's env_checker.

Plays a game with a given chooser, then checks that the same seed and inputs give the same game, that a
replay reproduces it, that reading the observation changes nothing, and that the invariants of the state and
reports hold. Returns a list of plain-language problems (empty when all is well); raises nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from .game import Action, Game, replay
from .intel import snapshot
from .record import CAUSE_KINDS
from .rules import Rules
from .state import GameState

Chooser = Callable[[Game], tuple[list[Action], dict[str, str]]]


def fingerprint(state: GameState) -> dict:
    """Everything in the state, as plain data that compares by value."""
    data = asdict(state)
    data["accepted"] = sorted(state.accepted)
    data["chose"] = sorted(state.chose)
    return data


def invariant_problems(rules: Rules, game: Game) -> list[str]:
    """Resources never negative, rungs on the ladder, values in range, every recorded change has a cause."""
    s, problems = game.state, []
    o = s.office
    for name in ("prestige", "budget", "intelligence", "coordination", "visibility"):
        if getattr(o, name) < 0:
            problems.append(f"turn {s.turn}: {name} is negative ({getattr(o, name)})")
    if rules.envoys_busy(s) > o.envoys:
        problems.append(f"turn {s.turn}: more envoys busy than exist")
    for k, p in enumerate(s.pairs):
        if not 0 <= p.rung <= rules.tops[k]:
            problems.append(f"turn {s.turn}: {rules.pair_ids[k]} is off its ladder (rung {p.rung})")
        if not 0 <= p.pressure <= rules.tops[k] + 1:
            problems.append(f"turn {s.turn}: {rules.pair_ids[k]} pressure {p.pressure} out of range")
    for i, p in enumerate(s.parties):
        for attr in ("hostility", "resolve", "trust", "domestic_pressure", "receptivity", "audience_cost"):
            if not 0.0 <= getattr(p, attr) <= 1.0:
                problems.append(f"turn {s.turn}: {rules.party_ids[i]}.{attr} = {getattr(p, attr)} out of [0, 1]")
    for a, v in enumerate(s.opinion):
        if not 0.0 <= v <= 1.0:
            problems.append(f"turn {s.turn}: world opinion {a} = {v} out of [0, 1]")
    for report in game.reports:
        for change in report.changes:
            if change.cause.kind not in CAUSE_KINDS or not change.cause.id:
                problems.append(f"turn {report.turn}: change to {change.target} has no proper cause")
    return problems


def check_game(rules: Rules, seed: int, chooser: Chooser, max_turns: int | None = None) -> list[str]:
    """Play once with `chooser`, then verify determinism, replay and observation purity."""
    game = Game(rules, seed)
    problems: list[str] = []
    while not game.done and (max_turns is None or game.turn < max_turns):
        before = fingerprint(game.state)
        game.observation()
        if fingerprint(game.state) != before:
            problems.append(f"turn {game.turn}: reading the observation changed the state")
        actions, choices = chooser(game)
        game.step(actions, choices)
        problems += invariant_problems(rules, game)
        history, log = game.state.history, game.state.intel
        if len(history) != game.turn + 1 or history[-1] != snapshot(game.state) or len(log) != len(history):
            problems.append(f"turn {game.turn}: intelligence history out of step")
    again = replay(rules, seed, game.inputs)
    if fingerprint(again.state) != fingerprint(game.state):
        problems.append("replaying the same seed and inputs gave a different state")
    if [r.changes for r in again.reports] != [r.changes for r in game.reports]:
        problems.append("replaying gave different turn reports")
    return problems
