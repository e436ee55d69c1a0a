"""The odds of a move before the player commits to it: the engine's own chance (game/engine/chances.py) evaluated
on the world of the player's best estimates, and over worlds drawn from their estimates for the uncertainty.

Only what the player could know goes in: the estimates, the public facts, the office's own record. A move that
acts later (good offices, a deployment's mandate) is judged on the world as it stands now.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Action, Game
from game.engine import chances as ch
from game.engine.chances import Chance, Term
from game.engine.instruments import LAUNCH_VISIBILITY, REFERRAL_VISIBILITY, wear
from game.engine.intel import believed_state
from game.engine.opinion import target_index
from game.engine.state import GameState

from .worlds import sample_worlds

RUNS = 80
# The player's side of each kind of chance: what success is called, and whether the chance measures it (True)
# or the failure (False, e.g. an appeal brushed off).
SUCCESS = {"accepted": ("accepted", True), "progress": ("progress", True), "passes": ("passes", True),
           "brushed_off": ("heard", False), "cold": ("welcomed", False)}


@dataclass(frozen=True)
class Odds:
    """The chance a move succeeds: `kind` says what success is (accepted, progress, passes, heard, welcomed),
    `chance` on the world of the best estimates, `low`–`high` the 5–95% range
    over worlds drawn from the estimates, `terms` what the chance is made of (on the best estimates)."""

    kind: str
    chance: float
    low: float
    high: float
    terms: tuple[Term, ...]
    later: bool  # the chance is drawn when the move begins to act, not now


def at_draw(game: Game, action: Action, world: GameState) -> GameState:
    """`world` as it will be when the move's chance is drawn, as far as the move itself decides: its price paid
    and, for a public move, the world's eye drawn (an Article 99 referral's too), worn by repetition. Other orders
    of the turn, and for a move that acts later the turn in between, are not foreseen."""
    rules = game.rules
    cost = rules.proposals[action.use].cost if action.use in rules.proposals else rules.instruments[action.use].cost
    out = world.clone()
    office = out.office
    office.prestige = max(0.0, office.prestige - cost.prestige)
    office.budget = max(0.0, office.budget - cost.budget)
    ins = rules.instruments.get(action.use)
    if ins is not None and (ins.public or ins.kind == "article_99"):
        worn = wear(world, ins.key, target_index(rules, ins.target, action.target), game.state.turn)
        if ins.public:
            office.visibility = min(1.0, office.visibility + LAUNCH_VISIBILITY * worn)
        if ins.kind == "article_99":
            office.visibility = min(1.0, office.visibility + REFERRAL_VISIBILITY * worn)
    return out


def chance_of(game: Game, action: Action, world: GameState) -> Chance | None:
    """The engine's chance for `action`'s uncertain outcome on `world` as it will be at the draw (None: the move
    has no such draw)."""
    rules = game.rules
    if action.use not in rules.proposals and action.use not in rules.instruments:
        return None
    world = at_draw(game, action, world)
    if action.use in rules.proposals:
        return ch.proposal(rules, world, rules.proposals[action.use], action.mode or "private")
    ins = rules.instruments.get(action.use)
    if ins is None or action.target is None:
        return None
    t = game.state.turn + ins.delay
    if ins.target == "pair":
        k = rules.pair_ids.index(action.target)
        power = ins.power * wear(world, ins.key, k, game.state.turn)
        matured = any(i.kind == "track_two" and i.target == k and i.matures <= t <= i.ends for i in world.initiatives)
        if ins.kind == "good_offices":
            return ch.good_offices(rules, world, k, power, matured, None)
        if ins.kind == "special_envoy":
            return ch.envoy(rules, world, k, power, matured, None)
        if ins.kind == "article_99":
            return ch.referral_passes(rules, world, k)
        if ins.kind == "preventive_deployment":
            return ch.council_passes(rules, world, k)
        return None
    if ins.target == "party":
        i = rules.party_ids.index(action.target)
        if ins.kind == "private_appeal":
            return ch.brushed_off(world, i)
        if ins.kind == "visit":
            return ch.cold_reception(world, i)
    return None


class OddsBook:
    """The odds of this turn's moves, taken over one set of worlds drawn from the player's estimates (drawn the
    first time they are needed). Make a new book each turn."""

    def __init__(self, game: Game, runs: int = RUNS, seed: int = 0) -> None:
        self.game, self.runs, self.seed, self.turn = game, runs, seed, game.turn
        self._best: GameState | None = None
        self._worlds: list[GameState] | None = None
        self._known: dict[Action, Odds | None] = {}

    def odds(self, action: Action) -> Odds | None:
        """The odds of `action` now, or None when its outcome is not left to chance. Never changes the game."""
        if action not in self._known:
            self._known[action] = self._odds(action)
        return self._known[action]

    def _odds(self, action: Action) -> Odds | None:
        game = self.game
        if self._best is None:
            self._best = believed_state(game.state, game.rules, game.filter)
        best = chance_of(game, action, self._best)
        if best is None:
            return None
        if self._worlds is None:
            self._worlds = sample_worlds(game, self.runs, self.seed)
        kind, measured = SUCCESS[best.kind]
        values = sorted(_success(chance_of(game, action, w), measured) for w in self._worlds)
        low, high = values[int(0.05 * (len(values) - 1))], values[int(round(0.95 * (len(values) - 1)))]
        ins = game.rules.instruments.get(action.use)
        return Odds(kind, _success(best, measured), low, high, best.terms, bool(ins and ins.delay))


def odds(game: Game, action: Action, runs: int = RUNS, seed: int = 0) -> Odds | None:
    """The odds of one move now (see OddsBook)."""
    return OddsBook(game, runs, seed).odds(action)


def _success(chance: Chance | None, measured: bool) -> float:
    value = chance.value if chance else 0.0
    return value if measured else 1.0 - value
