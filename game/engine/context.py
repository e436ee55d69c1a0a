"""The context of one turn's resolution: the rules, the state, the dice and the report that records each change.

Every mutation of the state during a turn goes through these helpers, so every change carries its cause.
"""

from __future__ import annotations

from .record import Cause, Change, Message, TurnReport
from .rng import Dice
from .rules import EffectRule, Rules
from .slots import Slot
from .state import GameState

_OFFICE_LIMITS = {
    "prestige": (0.0, 100.0),
    "budget": (0.0, 1e6),
    "intelligence": (0.0, 1.0),
    "coordination": (0.0, 1.0),
    "visibility": (0.0, 1.0),
}


def _clamp(v: float, lo: float, hi: float) -> float:
    return lo if v < lo else hi if v > hi else v


class Ctx:
    """Mutators that clamp, apply and record."""

    __slots__ = ("rules", "state", "dice", "report", "turn")

    def __init__(self, rules: Rules, state: GameState, dice: Dice, report: TurnReport) -> None:
        self.rules, self.state, self.dice, self.report = rules, state, dice, report
        self.turn = state.turn

    def _record(self, target: str, before: float, after: float, cause: Cause, hidden: bool) -> None:
        if after != before:
            self.report.changes.append(Change(target, before, after, cause, hidden))

    def party(self, i: int, attr: str, delta: float, cause: Cause) -> float:
        """Add `delta` to a party attribute (clamped); returns the change actually made."""
        p = self.state.parties[i]
        before = getattr(p, attr)
        after = _clamp(before + delta, -1.0 if attr == "grievance" else 0.0, 1.0)
        setattr(p, attr, after)
        self._record(f"{self.rules.party_ids[i]}.{attr}", before, after, cause, attr != "power")
        return after - before

    def pressure(self, k: int, delta: float, cause: Cause) -> float:
        """Add `delta` to a pair's escalation pressure, kept on its ladder."""
        pair = self.state.pairs[k]
        before = pair.pressure
        after = _clamp(before + delta, 0.0, self.rules.tops[k] + 0.999)
        pair.pressure = after
        self._record(f"{self.rules.pair_ids[k]}.pressure", before, after, cause, True)
        return after - before

    def office(self, attr: str, delta: float, cause: Cause) -> float:
        """Add `delta` to one of the office's continuous resources."""
        lo, hi = _OFFICE_LIMITS[attr]
        before = getattr(self.state.office, attr)
        after = _clamp(before + delta, lo, hi)
        setattr(self.state.office, attr, after)
        self._record(attr, before, after, cause, False)
        return after - before

    def council(self, m: int, delta: float, cause: Cause) -> None:
        before = self.state.council[m]
        after = _clamp(before + delta, 0.0, 1.0)
        self.state.council[m] = after
        self._record(f"council.{self.rules.council_ids[m]}", before, after, cause, False)

    def rung(self, k: int, new: int, cause: Cause) -> None:
        pair = self.state.pairs[k]
        before = pair.rung
        pair.rung = new
        if new > pair.peak_rung:
            pair.peak_rung = new
        self._record(f"{self.rules.pair_ids[k]}.rung", before, new, cause, False)

    def say(self, kind: str, text: str, cause: Cause | None = None) -> None:
        self.report.messages.append(Message(kind, text, cause))

    def effects(self, effects: tuple[EffectRule, ...], cause: Cause) -> None:
        """Apply compiled scenario effects in order; each sees the state left by the previous one."""
        for eff in effects:
            self.apply(eff.slot, eff.op, eff.value(self.state), cause)

    def apply(self, slot: Slot, op: str, value: float, cause: Cause) -> None:
        if slot.set is None:
            return
        before = slot.get(self.state)
        if op == "=":
            after = value
        elif op == "+=":
            after = before + value
        elif op == "-=":
            after = before - value
        else:
            after = before * value
        if slot.boolean:
            after = bool(after)
        else:
            after = _clamp(float(after), slot.lo, slot.hi)
            if slot.integer:
                after = int(round(after))
        slot.set(self.state, after)
        if after != before:
            self.report.changes.append(Change(slot.label, float(before), float(after), cause, slot.hidden))
