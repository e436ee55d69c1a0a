"""Orders over arrays: the legal-move menus of every world (the twin of Game.legal_actions and why_illegal's
checks: resources, dates, requirements, initiatives under way), the random policy's choice among them
(game/sim/policies.py `RandomPolicy`, with draws of its own), and launching what was ordered (Game._launch).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.game import PROPOSAL_COOLDOWN
from game.engine.instruments import LAUNCH_VISIBILITY

from . import change, exprs, instruments, moves
from .draws import ArrayDice
from .moves import Move
from .tables import Tables
from .world import Worlds

POLICY = 0x40  # the random policy's own stream of draws (the engine's streams are 1-9)
NONE = -1


@dataclass(frozen=True, slots=True)
class Orders:
    """One turn's orders in every world: up to two moves (their index in Tables.moves, NONE) and the answers to
    pending events (event index -> a choice index per world, NONE for the default)."""

    first: np.ndarray
    second: np.ndarray
    answers: dict[int, np.ndarray]


def _answer_costs(T: Tables, w: Worlds, answers: dict[int, np.ndarray] | None):
    """Prestige and budget the answers to the pending events commit (the defaults where none): Game._spent."""
    prestige = budget = 0.0
    pending = w.values["pending"]
    for ev in T.events:
        waiting = pending[ev.rule.index]
        if not ev.rule.choices or not waiting.any():
            continue
        picked = np.full(w.n, ev.rule.default_choice)
        if answers is not None and ev.rule.index in answers:
            asked = answers[ev.rule.index]
            picked = np.where(asked >= 0, asked, picked)
        for j, c in enumerate(ev.rule.choices):
            chosen = waiting & (picked == j)
            if c.cost.prestige:
                prestige = prestige + np.where(chosen, c.cost.prestige, 0.0)
            if c.cost.budget:
                budget = budget + np.where(chosen, c.cost.budget, 0.0)
    return prestige, budget


def _free(T: Tables, w: Worlds, spent: tuple):
    """What is left after `spent` (prestige, budget, envoys, attention): Game._free."""
    v = w.values
    rules = T.rules
    capacity = np.maximum(0.0, v["attention"] - rules.distraction_attention[min(w.turn, rules.turns - 1)])
    slots = T.initiative_slots
    return (v["prestige"] - spent[0], v["budget"] - spent[1], v["envoys"] - moves.envoys_busy(w, slots) - spent[2],
            capacity - moves.attention_used(w, slots) - spent[3])


def _affords(move: Move, free) -> np.ndarray:
    ok = ~((free[0] < move.prestige) | (free[1] < move.budget) | (free[2] < move.envoys))
    return ok & ~(free[3] < 1) if move.attention else ok


def _open(T: Tables, w: Worlds, move: Move) -> np.ndarray | bool:
    """Whether the move can be ordered now whatever the resources: its dates and requirement, nothing of the same
    under way, a deployment not too late; a proposal not accepted nor cooling down (why_illegal's other checks)."""
    v = w.values
    t = w.turn
    if move.proposal is not None:
        prop = move.proposal
        ok = (v["accepted"][T.proposal_rows[prop.key]] == 0) & ~(t - v["prop_last"][T.proposal_rows[prop.key]]
                                                                  < PROPOSAL_COOLDOWN)
        fn = T.requires.get(prop.key)
        return ok & exprs.holds(fn, w) if fn is not None else ok
    ins = move.instrument
    if not ins.first_turn <= t <= ins.last_turn:
        return False
    fn = T.requires.get(ins.key)
    ok = exprs.holds(fn, w) if fn is not None else np.ones(w.n, dtype=bool)
    if move.slot is not None:
        ok = ok & ~v["ini_active"][move.slot.index]
    if ins.kind == "preventive_deployment":
        ok = ok & ~(v["rung"][move.target] >= T.tops[move.target] - 1)
    return ok


def menu(T: Tables, w: Worlds, answers=None) -> tuple[np.ndarray, tuple]:
    """(moves, worlds): which single move each world may order now (Game.legal_actions), and what is free."""
    spent_p, spent_b = _answer_costs(T, w, answers)
    free = _free(T, w, (spent_p, spent_b, 0.0, 0.0))
    out = np.zeros((len(T.moves), w.n), dtype=bool)
    for move in T.moves:
        out[move.index] = _open(T, w, move) & _affords(move, free)
    return out, free


def _cost_of(T: Tables, chosen: np.ndarray, n: int):
    """Prestige, budget, envoys and attention of the move each world chose (0 for none)."""
    p, b, e, a = (np.zeros(n) for _ in range(4))
    for move in T.moves:
        m = chosen == move.index
        if m.any():
            p, b, e = np.where(m, move.prestige, p), np.where(m, move.budget, b), np.where(m, move.envoys, e)
            a = np.where(m, 1.0 if move.attention else 0.0, a)
    return p, b, e, a


def _second_menu(T: Tables, w: Worlds, legal: np.ndarray, first: np.ndarray, free) -> np.ndarray:
    """The moves still legal after `first` (why_illegal with taken=[first]): not the same move, not the same
    proposal in another mode, and affordable with what the first commits."""
    cost = _cost_of(T, first, w.n)
    after = (free[0] - cost[0], free[1] - cost[1], free[2] - cost[2], free[3] - cost[3])
    out = legal.copy()
    for move in T.moves:
        same = first == move.index
        if move.proposal is not None:
            same = np.zeros(w.n, dtype=bool)
            for other in T.moves:
                if other.proposal is not None and other.key == move.key:
                    same |= first == other.index
        out[move.index] &= ~same & _affords(move, after)
    return out


def _pick(legal: np.ndarray, u: np.ndarray) -> np.ndarray:
    """One legal move per world, uniformly (NONE where there is none)."""
    count = legal.sum(axis=0)
    rank = np.floor(u * count)
    chosen = np.argmax(np.cumsum(legal, axis=0) > rank, axis=0)
    return np.where(count > 0, chosen, NONE)


def random_orders(T: Tables, w: Worlds, dice: ArrayDice) -> Orders:
    """The random policy: 0-2 random jointly legal moves and a random answer to each pending event, answers kept
    only where the office can pay for them with the moves (RandomPolicy.decide). A shuffle scanned for jointly
    legal moves takes the first uniformly among the legal ones and the second uniformly among those still legal
    after it; so do these draws."""
    t = w.turn
    wanted = np.floor(dice.uniform(t, POLICY, 0) * 3.0)
    legal, free = menu(T, w)
    first = np.where(wanted >= 1, _pick(legal, dice.uniform(t, POLICY, 1)), NONE)
    second = np.full(w.n, NONE)
    two = (wanted >= 2) & (first != NONE)
    if two.any():
        second = np.where(two, _pick(_second_menu(T, w, legal, first, free), dice.uniform(t, POLICY, 2)), NONE)
    answers: dict[int, np.ndarray] = {}
    pending = w.values["pending"]
    for ev in T.events:
        if ev.rule.choices and pending[ev.rule.index].any():
            u = dice.uniform(t, POLICY, 100 + ev.rule.index)
            answers[ev.rule.index] = np.where(pending[ev.rule.index],
                                              np.floor(u * len(ev.rule.choices)).astype(np.int64), NONE)
    if answers:
        answers = _keep_affordable(T, w, answers, first, second)
    return Orders(first, second, answers)


def _keep_affordable(T: Tables, w: Worlds, answers: dict[int, np.ndarray], first, second):
    """The answers where they can be paid for together with the moves (policies._jointly_legal), else none."""
    v = w.values
    spent_p, spent_b = _answer_costs(T, w, answers)
    ok = ~(spent_p > v["prestige"]) & ~(spent_b > v["budget"])
    free = _free(T, w, (spent_p, spent_b, 0.0, 0.0))
    for move in T.moves:
        ok &= ~((first == move.index) & ~_affords(move, free))
    cost = _cost_of(T, first, w.n)
    after = (free[0] - cost[0], free[1] - cost[1], free[2] - cost[2], free[3] - cost[3])
    for move in T.moves:
        ok &= ~((second == move.index) & ~_affords(move, after))
    return {e: np.where(ok, a, NONE) for e, a in answers.items()}


def launch(T: Tables, w: Worlds, dice: ArrayDice, chosen: np.ndarray, public: np.ndarray, deals: np.ndarray,
           place: int = 0) -> None:
    """Launch each world's chosen move (Game._launch): pay for it, float a proposal or start an initiative (the
    turn's `place`-th order). Notes in `public` how much of the world's notice each world's public move of this
    place draws (its wear; 1 for a public proposal, 0 with none) and counts the deals, for world opinion."""
    v = w.values
    t = w.turn
    for move in T.moves:
        m = chosen == move.index
        if not m.any():
            continue
        row = T.slots.used_index(move.key)
        v["used"][row] = v["used"][row] + m
        if move.prestige:
            change.office(w, "prestige", -move.prestige, m)
        if move.budget:
            change.office(w, "budget", -move.budget, m)
        if move.proposal is not None:
            q = T.proposal_rows[move.key]
            v["prop_last"][q] = np.where(m, t, v["prop_last"][q])
            yes = instruments.float_proposal(T, w, dice, move.proposal, move.mode or "private", m)
            deals += yes
            if (move.mode or "private") == "public":
                public[m] = 1.0
            continue
        ins = move.instrument
        if ins.kind == "wait":
            continue
        slot = move.slot
        j = slot.index
        at = np.flatnonzero(m)
        fatigue = instruments.wear(w, slot, t)[at]
        v["ini_active"][j, at] = True
        v["ini_started"][j, at] = t
        v["ini_matures"][j, at] = t + ins.delay
        v["ini_ends"][j, at] = t + ins.delay + ins.duration - 1
        v["ini_fatigue"][j, at] = fatigue
        v["ini_seq"][j, at] = 2 * t + place
        recent = v["ini_recent"][j]
        recent[:-1, at] = recent[1:, at]
        recent[-1, at] = float(t)
        if ins.public:  # the world's notice wears with repetition, as the effect does (Game._launch)
            worn = np.zeros(w.n)
            worn[at] = fatigue
            change.office(w, "visibility", LAUNCH_VISIBILITY * worn, m)
            public[m] = worn[m]


def fixed_orders(move: Move):
    """The `fixed:` policy of one move: it, every turn it is legal (policies.Fixed); events take their defaults."""

    def decide(T: Tables, w: Worlds, dice: ArrayDice) -> Orders:
        legal, _ = menu(T, w)
        first = np.where(legal[move.index], move.index, NONE)
        return Orders(first, np.full(w.n, NONE), {})

    return decide
