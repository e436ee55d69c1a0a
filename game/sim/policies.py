"""Policies that play the Secretary-General headless, for balance checks and the batch runner.

A policy decides a turn from what the player could know: the observation, the legal actions, the pending
events and the rules. The one exception is `greedy`, which looks ahead on forks of the true state — perfect
information no player has; it is a balance tool (how good can a myopic player get?), not a fair opponent.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from game.engine import Action, Game, Rules
from game.scenario.diagnostics import did_you_mean

from .seeds import splitmix64

Decision = tuple[list[Action], dict[str, str]]
BASIC = ("passive", "random", "greedy", "historical")
FIXED_FORM = "fixed:INSTRUMENT[:TARGET]"
RATING_VALUE = {"success": 100.0, "partial": 40.0, "failure": -100.0}


class UnknownPolicy(ValueError):
    """A policy name that does not exist (or a `fixed:` policy that cannot be played); the message says why."""


class Policy(Protocol):
    """Decides one turn: the actions to take and the answers to pending events (event id -> choice id)."""

    name: str

    def decide(self, game: Game) -> Decision: ...


@dataclass(frozen=True)
class Passive:
    """Does nothing and lets every event take its default choice: the no-intervention baseline."""

    name: str = "passive"

    def decide(self, game: Game) -> Decision:
        return [], {}


@dataclass(frozen=True)
class RandomPolicy:
    """0–2 random jointly legal actions and a random answer to each event, drawn from a generator seeded by
    (game seed, turn), so a game plays the same whatever else runs in the process."""

    name: str = "random"
    max_actions: int = 2

    def decide(self, game: Game) -> Decision:
        rng = random.Random(splitmix64(splitmix64(game.seed) ^ game.turn))
        wanted = rng.randint(0, self.max_actions)
        pending = game.pending()
        if not wanted and not pending:
            return [], {}  # nothing to order and nothing to answer: the moves and their shuffle would go unused
        candidates = game.legal_actions()
        rng.shuffle(candidates)
        taken: list[Action] = []
        for action in candidates:
            if len(taken) >= wanted:
                break
            # every candidate is legal on its own; after the first, the resources already ordered may not stretch
            if not taken or game.why_illegal(action, taken) is None:
                taken.append(action)
        choices = {event: rng.choice(options)[0] for event, _, options in pending if options}
        # without answers the orders were checked as they stand; answers may cost more than the defaults
        if choices and not _jointly_legal(game, taken, choices):
            choices = {}  # the actions were chosen against the default answers, which they can afford
        return taken, choices


def _jointly_legal(game: Game, taken: list[Action], choices: dict[str, str]) -> bool:
    """Whether the answers `choices` can be paid for together with the orders `taken`."""
    prestige, budget, _, _ = game.committed((), choices)
    if prestige > game.state.office.prestige or budget > game.state.office.budget:
        return False
    return all(game.why_illegal(a, taken[:k], choices) is None for k, a in enumerate(taken))


@dataclass(frozen=True)
class Greedy:
    """One-step lookahead: try no action and each single legal action on a fork, play passively for `horizon`
    more turns, keep the best by `evaluate`. Cheats: the forks run on the true state (see the module doc)."""

    name: str = "greedy"
    horizon: int = 2

    def decide(self, game: Game) -> Decision:
        start_prestige = game.state.office.prestige
        best: list[Action] = []
        best_value = self._value(game, [], start_prestige)
        for action in game.legal_actions():
            value = self._value(game, [action], start_prestige)
            if value > best_value:
                best, best_value = [action], value
        return best, {}

    def _value(self, game: Game, actions: list[Action], start_prestige: float) -> float:
        twin = game.fork(record=False)
        twin.step(actions)
        for _ in range(self.horizon):
            if twin.done:
                break
            twin.step()
        return evaluate(twin, start_prestige)


def evaluate(game: Game, start_prestige: float) -> float:
    """Greedy's heuristic on a (forked) game: the ending's rating if it has ended, else minus the total pressure
    on all pairs; minus a little for the prestige spent since `start_prestige`."""
    spent = max(0.0, start_prestige - game.state.office.prestige)
    if game.ending is not None:
        rating = next(e.rating for e in game.rules.endings if e.key == game.ending)
        return RATING_VALUE[rating] - 0.05 * spent
    return -sum(pair.pressure for pair in game.state.pairs) - 0.05 * spent


@dataclass(frozen=True)
class Historical:
    """What the real Secretary-General did (the scenario's `historical_policy`), skipping any action that is not
    legal when its turn comes (with the turn's answers, which may cost prestige too); events are answered as
    history did, else by default."""

    plan: dict[int, Decision] = field(default_factory=dict)
    name: str = "historical"

    def decide(self, game: Game) -> Decision:
        planned, planned_choices = self.plan.get(game.turn, ([], {}))
        choices = _valid_choices(game, planned_choices)
        taken: list[Action] = []
        for action in planned:
            if game.why_illegal(action, taken, choices) is None:
                taken.append(action)
        return taken, choices


def historical_plan(rules: Rules) -> dict[int, Decision]:
    """The scenario's historical actions as engine actions, by turn."""
    return {
        turn: ([Action(a.use, a.target, a.mode) for a in actions], dict(choices))
        for turn, (actions, choices) in rules.historical.items()
    }


def _valid_choices(game: Game, wanted: dict[str, str]) -> dict[str, str]:
    """The answers in `wanted` that fit an event pending now and that the office can pay for together (the engine
    rejects any other; a world may have less prestige left than history had)."""
    pending = {event: {c for c, _ in options} for event, _, options in game.pending()}
    valid = {event: choice for event, choice in wanted.items() if choice in pending.get(event, ())}
    if valid:
        prestige, budget, _, _ = game.committed((), valid)
        if prestige > game.state.office.prestige or budget > game.state.office.budget:
            return {}
    return valid


@dataclass(frozen=True)
class Fixed:
    """The same action every turn it is legal: checks that no single instrument, repeated, beats history."""

    action: Action
    name: str = "fixed"

    def decide(self, game: Game) -> Decision:
        return ([self.action] if game.why_illegal(self.action) is None else []), {}


def fixed_action(spec: str, rules: Rules) -> Action:
    """The action of a `fixed:INSTRUMENT[:TARGET]` policy (TARGET is the mode for a proposal)."""
    parts = spec.split(":")
    if len(parts) not in (2, 3) or not parts[1]:
        raise UnknownPolicy(f"a fixed policy is written {FIXED_FORM}, e.g. 'fixed:public_appeal'; got '{spec}'")
    use, target = parts[1], (parts[2] if len(parts) == 3 else None)
    if use in rules.proposals:
        return _proposal_action(spec, rules, use, target)
    if use not in rules.instruments:
        hint = did_you_mean(use, [*rules.instruments, *rules.proposals])
        raise UnknownPolicy(f"policy '{spec}': the scenario has no instrument or proposal '{use}'{hint}")
    kind = rules.instruments[use].target
    valid = rules.pair_ids if kind == "pair" else rules.party_ids if kind == "party" else []
    if kind == "none":
        if target is not None:
            raise UnknownPolicy(f"policy '{spec}': '{use}' takes no target; write 'fixed:{use}'")
        return Action(use)
    if target is None and len(valid) == 1:
        return Action(use, valid[0])
    if target not in valid:
        shown = ", ".join(valid)
        what = "needs" if target is None else f"has no {kind} '{target}'; it needs"
        raise UnknownPolicy(f"policy '{spec}': '{use}' {what} a target {kind}: {shown}")
    return Action(use, target)


def _proposal_action(spec: str, rules: Rules, use: str, mode: str | None) -> Action:
    modes = rules.proposals[use].modes
    if mode is None:
        return Action(use, None, modes[0])
    if mode not in modes:
        raise UnknownPolicy(f"policy '{spec}': '{use}' is floated {' or '.join(modes)}; write 'fixed:{use}:{modes[0]}'")
    return Action(use, None, mode)


def policy_names(rules: Rules | None = None) -> list[str]:
    """Every valid policy name (the `fixed:` ones for this scenario's instruments and proposals, if given)."""
    names = list(BASIC)
    if rules is not None:
        names += [f"fixed:{key}" for key in [*rules.instruments, *rules.proposals]]
    return names


def get_policy(name: str, rules: Rules) -> Policy:
    """The policy called `name` for this scenario; UnknownPolicy with a suggestion if there is none."""
    makers: dict[str, Callable[[], Policy]] = {
        "passive": Passive,
        "random": RandomPolicy,
        "greedy": Greedy,
        "historical": lambda: Historical(historical_plan(rules)),
    }
    if name in makers:
        return makers[name]()
    if name.startswith("fixed:"):
        return Fixed(fixed_action(name, rules), name)
    hint = did_you_mean(name, policy_names(rules))
    suggestion = hint if "did you mean" in hint else ""
    raise UnknownPolicy(f"unknown policy '{name}'{suggestion} (policies: {', '.join(BASIC)}, {FIXED_FORM})")


def play(game: Game, policy: Policy) -> Game:
    """Play `game` to its end with `policy`; returns the same game."""
    while not game.done:
        actions, choices = policy.decide(game)
        game.step(actions, choices)
    return game
