"""The moves of a scenario for the array back end: every single order (an instrument on a target, a proposal in a
mode) and every place an initiative can be under way (an instrument on a target: the engine never has two of
the same instrument on the same target at once, so each has one slot of arrays).

Initiatives are kept per slot (world.py's values "ini_*", (slots, worlds)); their launch turns for fatigue in
"ini_recent" (slots, FATIGUE_WINDOW, worlds); a proposal's last launch in "prop_last".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine import rng
from game.engine.instruments import FATIGUE_WINDOW
from game.engine.rules import InstrumentRule, ProposalRule, Rules

NEVER = -1000.0  # a launch turn long before any game starts


@dataclass(frozen=True, slots=True)
class InitiativeSlot:
    """Instrument `rule` on `target` (pair or party index, -1 none): one slot of initiative arrays."""

    index: int
    rule: InstrumentRule
    target: int

    def draw_key(self, salt: int) -> int:
        """The address of this initiative's draws with `salt` (instruments.py's key_of(stable_hash(key), ...))."""
        return rng.key_of(rng.stable_hash(self.rule.key), self.target, salt)


@dataclass(frozen=True, slots=True)
class Move:
    """One order: an instrument on a target (its initiative slot, None for waiting) or a proposal in a mode."""

    index: int
    key: str
    target: int
    mode: str | None
    instrument: InstrumentRule | None
    proposal: ProposalRule | None
    slot: InitiativeSlot | None
    prestige: float
    budget: float
    envoys: float
    attention: bool


def slots_of(rules: Rules) -> list[InitiativeSlot]:
    out: list[InitiativeSlot] = []
    for ins in rules.instruments.values():
        if ins.kind == "wait":
            continue
        targets = range(len(rules.pair_ids)) if ins.target == "pair" else range(len(rules.party_ids)) \
            if ins.target == "party" else [-1]
        out += [InitiativeSlot(len(out) + j, ins, t) for j, t in enumerate(targets)]
    return out


def moves_of(rules: Rules, slots: list[InitiativeSlot]) -> list[Move]:
    """Every order, in the engine's order of `legal_actions` (instruments, then proposals)."""
    by_slot = {(s.rule.key, s.target): s for s in slots}
    out: list[Move] = []
    for key, ins in rules.instruments.items():
        targets = range(len(rules.pair_ids)) if ins.target == "pair" else range(len(rules.party_ids)) \
            if ins.target == "party" else [-1]
        for t in targets:
            out.append(Move(len(out), key, t, None, ins, None, by_slot.get((key, t)), ins.cost.prestige,
                            ins.cost.budget, float(ins.cost.envoys), bool(ins.attention)))
    for key, prop in rules.proposals.items():
        for mode in prop.modes:
            out.append(Move(len(out), key, prop.pair, mode, None, prop, None, prop.cost.prestige, prop.cost.budget,
                            float(prop.cost.envoys), False))
    return out


def initial_values(rules: Rules, n: int, slots: list[InitiativeSlot]) -> dict[str, np.ndarray]:
    """The initiative arrays of N worlds where nothing is under way."""
    s = len(slots)
    return {
        "ini_active": np.zeros((s, n), dtype=bool),
        "ini_started": np.zeros((s, n)),
        "ini_matures": np.zeros((s, n)),
        "ini_ends": np.zeros((s, n)),
        "ini_fatigue": np.ones((s, n)),
        "ini_seq": np.zeros((s, n)),  # launch order (turn and place among the turn's orders): the order they act
        "ini_recent": np.full((s, FATIGUE_WINDOW + 1, n), NEVER),
        "prop_last": np.full((len(rules.proposals), n), NEVER),
    }


def envoys_busy(w, slots: list[InitiativeSlot]):
    """Envoys tied up by the initiatives under way (Rules.envoys_busy)."""
    active = w.values.get("ini_active")
    total = 0.0
    if active is not None:
        for s in slots:
            if s.rule.cost.envoys:
                total = total + active[s.index] * float(s.rule.cost.envoys)
    return total


def attention_used(w, slots: list[InitiativeSlot]):
    """Attention slots taken by the initiatives under way (Rules.attention_used)."""
    active = w.values.get("ini_active")
    total = 0.0
    if active is not None:
        for s in slots:
            if s.rule.attention:
                total = total + active[s.index]
    return total


def in_field(slots: list[InitiativeSlot], key: str):
    """How many initiatives of instrument `key` act now, a deployment only while its mandate holds
    (SlotTable._in_field)."""
    mine = [s for s in slots if s.rule.key == key]
    deployment = bool(mine) and mine[0].rule.kind == "preventive_deployment"

    def count(w):
        v = w.values
        if "ini_active" not in v:
            return 0.0
        t = w.turn
        total = 0.0
        for s in mine:
            acting = v["ini_active"][s.index] & (v["ini_matures"][s.index] <= t) & (t <= v["ini_ends"][s.index])
            if deployment:
                acting = acting & (v["deployment_left"][s.target] > 0)
            total = total + acting
        return exprs_num(total)

    return count


def exprs_num(x):
    return np.asarray(x, dtype=np.float64)
