"""The context of one turn's resolution: the rules, the state, the dice and the report that records each change.

Every mutation of the state during a turn goes through these helpers, so every change carries its cause.
"""

from __future__ import annotations

from .record import PUBLIC_CAUSES, Cause, Change, Message, TurnReport
from .rng import Dice
from .rules import EffectRule, Rules
from .slots import Slot
from .state import ESTIMATED, ESTIMATED_INDEX, GameState

PER_PARTY = len(ESTIMATED)  # estimated values per party, in the intelligence snapshot (intel.py)

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
    """Mutators that clamp, apply and record. With `record` False (batch runs) nothing is recorded: the state
    changes exactly as it would otherwise, but no Change or Message is built.

    Whatever the mode, the context marks for the player's intelligence (intel.py) which hidden values a public
    cause touched (`touched`, a value index per touch, whatever its size) and which ones a contact reported on
    (`contacts`).

    `beliefs` is the game's intel.Filter, kept between turns, for the reasons a recorded turn gives as the player
    could know them (none: they are worked out afresh, which gives the same beliefs, only slower).

    `answers` holds the answers given in parties' seats this turn, (party index, proposal or instrument id) ->
    whether the party gives the office what it asked (answers.py): they replace the draws for those outcomes."""

    __slots__ = ("rules", "state", "dice", "report", "turn", "record", "touched", "contacts", "_parties", "_pairs",
                 "_office", "beliefs", "answers")

    def __init__(self, rules: Rules, state: GameState, dice: Dice, report: TurnReport, record: bool = True,
                 beliefs=None) -> None:
        self.rules, self.state, self.dice, self.report = rules, state, dice, report
        self.beliefs = beliefs
        self.answers: dict[tuple[int, str], bool] = {}
        self.turn = state.turn
        self.record = record
        self.touched: list[int] = []
        self.contacts: list[int] = []
        self._parties, self._pairs, self._office = state.parties, state.pairs, state.office

    def party(self, i: int, attr: str, delta: float, cause: Cause, mark: bool = True) -> float:
        """Add `delta` to a party attribute (clamped); returns the change actually made. `mark` False leaves the
        intelligence log alone, for a change whether made depends on hidden values (the caller marks it, or not,
        from what the player can know)."""
        p = self._parties[i]
        before = getattr(p, attr)
        after = before + delta
        if mark and cause.kind in PUBLIC_CAUSES:
            j = ESTIMATED_INDEX.get(attr)
            if j is not None:
                self.touched.append(j + i * PER_PARTY)
        lo = -1.0 if attr == "grievance" else 0.0
        if after < lo:
            after = lo
        elif after > 1.0:
            after = 1.0
        setattr(p, attr, after)
        if self.record and after != before:
            label = self.rules.party_labels[i][attr]
            self.report.changes.append(Change(label, before, after, cause, attr != "power"))
        return after - before

    def pressure(self, k: int, delta: float, cause: Cause) -> float:
        """Add `delta` to a pair's escalation pressure, kept on its ladder."""
        pair = self._pairs[k]
        before = pair.pressure
        after = before + delta
        if cause.kind in PUBLIC_CAUSES:
            self.touched.append(self.rules.first_pressure + k)
        if after < 0.0:
            after = 0.0
        else:
            hi = self.rules.tops[k] + 0.999
            if after > hi:
                after = hi
        pair.pressure = after
        if self.record and after != before:
            self.report.changes.append(Change(self.rules.pressure_labels[k], before, after, cause, True))
        return after - before

    def office(self, attr: str, delta: float, cause: Cause) -> float:
        """Add `delta` to one of the office's continuous resources."""
        lo, hi = _OFFICE_LIMITS[attr]
        office = self._office
        before = getattr(office, attr)
        after = before + delta
        if after < lo:
            after = lo
        elif after > hi:
            after = hi
        setattr(office, attr, after)
        if self.record and after != before:
            self.report.changes.append(Change(attr, before, after, cause, False))
        return after - before

    def council(self, m: int, delta: float, cause: Cause) -> None:
        before = self.state.council[m]
        after = _clamp(before + delta, 0.0, 1.0)
        self.state.council[m] = after
        if self.record and after != before:
            self.report.changes.append(Change(f"council.{self.rules.council_ids[m]}", before, after, cause, False))

    def rung(self, k: int, new: int, cause: Cause) -> None:
        pair = self._pairs[k]
        before = pair.rung
        pair.rung = new
        if new > pair.peak_rung:
            pair.peak_rung = new
        if self.record and new != before:
            self.report.changes.append(Change(f"{self.rules.pair_ids[k]}.rung", before, new, cause, False))

    def _overflow(self, slot: Slot, text: str, cause: Cause, limit: float | None) -> None:
        """Warn that an author's effect gave no number (`limit` None) or went past a variable's limit."""
        self.say("warning", "effect_overflow", (text or slot.label, slot.label, limit), cause)

    def say(self, kind: str, code: str, args: tuple = (), cause: Cause | None = None, reasons=None) -> None:
        """Report news in the feed: what happened (`code`, see record.MESSAGE_CODES) and its data, dated this turn;
        `reasons` (a chances.Chance) is what the outcome's chance was made of, as the player could know it."""
        if self.record:
            self.report.messages.append(Message(kind, code, args, cause, self.turn, reasons))

    def stir(self, i: int, attr: str) -> None:
        """Mark party i's `attr` as touched by something public without changing it, where whether a change was
        made depends on hidden values (so that the estimates' bands do not give them away)."""
        j = ESTIMATED_INDEX.get(attr)
        if j is not None:
            self.touched.append(j + i * PER_PARTY)

    def contact(self, value: int) -> None:
        """A contact reported on hidden value `value` (snapshot order): good information for the estimates."""
        self.contacts.append(value)

    def hidden_change(self, target: str, before: float, after: float, cause: Cause) -> None:
        """Record a change the caller made itself (e.g. a party's new aims), hidden from the player."""
        if self.record:
            self.report.changes.append(Change(target, before, after, cause, True))

    def effects(self, effects: tuple[EffectRule, ...], cause: Cause) -> None:
        """Apply compiled scenario effects in order; each sees the state left by the previous one. An effect with
        a guard ('NAME = VALUE if CONDITION') applies only when its guard holds at that moment."""
        apply, state = self.apply, self.state
        for eff in effects:
            if eff.guard is not None and not eff.guard(state):
                continue
            apply(eff.slot, eff.op, eff.value(state), cause, eff.text)

    def apply(self, slot: Slot, op: str, value: float, cause: Cause, text: str = "") -> None:
        """Apply one effect `slot op value`, clamped to the slot's bounds. A result that is no number (an author's
        arithmetic, e.g. infinity minus infinity) leaves the value as it was, and one past a variable's limit is
        held there; both are reported as a warning in the turn report, so values stay finite and saves work."""
        if slot.set is None:
            return
        if cause.kind in PUBLIC_CAUSES:
            j = self.rules.estimated_slots.get(slot.label)
            if j is not None:
                self.touched.append(j)
        before = slot.get(self.state)
        if op == "=":
            after = value
        elif op == "+=":
            after = before + value
        elif op == "-=":
            after = before - value
        else:
            after = before * value
        if after != after:  # NaN
            self._overflow(slot, text, cause, None)
            return
        if slot.boolean:
            after = bool(after)
        else:
            after = float(after)
            lo, hi = slot.lo, slot.hi
            if slot.guard and not lo <= after <= hi:
                self._overflow(slot, text, cause, hi)
            after = lo if after < lo else hi if after > hi else after  # _clamp, written out in the hot path
            if slot.integer:
                after = int(round(after))
        slot.set(self.state, after)
        if self.record and after != before:
            self.report.changes.append(Change(slot.label, float(before), float(after), cause, slot.hidden))
