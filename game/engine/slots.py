"""Slots: how a name of the expression language (a Ref) reads and writes the game state, with its bounds.

Built once per scenario; conditions bind their getters and effects their setters, so the hot loop does no
name lookups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.scenario.expr import Ref
from game.scenario.limits import MAX_NUMBER
from game.scenario.names import INTENTIONS

from .state import GameState

_INTENTION_OF = {code: word for word, code in INTENTIONS.items()}


@dataclass(frozen=True, slots=True)
class Slot:
    """One readable (and maybe writable) value of the state."""

    label: str  # dotted name shown in reports, e.g. 'usa.hostility'
    get: Callable[[GameState], Any]
    set: Callable[[GameState, Any], None] | None
    lo: float
    hi: float
    hidden: bool  # the player does not see the exact value
    integer: bool = False
    boolean: bool = False
    guard: bool = False  # the bounds only keep the value finite: an effect that reaches them is worth a warning
    # how a generated expression reads the value itself (Expression.bind's `inline`): Python over the state `s`
    # giving exactly what `get` gives, with `{key}` for the one value it needs bound (or None); None: call `get`
    source: tuple[str, Any] | None = None


def _party_slot(index: int, pid: str, attr: str) -> Slot:
    if attr == "intention":
        return _intention_slot(index, pid)
    lo = -1.0 if attr == "grievance" else 0.0

    def get(s: GameState) -> float:
        return getattr(s.parties[index], attr)

    def put(s: GameState, v: float) -> None:
        setattr(s.parties[index], attr, v)

    return Slot(f"{pid}.{attr}", get, put, lo, 1.0, hidden=attr not in ("power",), source=_attr_source(
        f"s.parties[{index}]", attr))


def _intention_slot(index: int, pid: str) -> Slot:
    """A party's hidden intention as the numbers 1, 0, -1 (escalate, hold, settle); a value set is rounded."""

    def get(s: GameState) -> float:
        return INTENTIONS[s.parties[index].intention]

    def put(s: GameState, v: float) -> None:
        s.parties[index].intention = _INTENTION_OF[float(round(v))]

    return Slot(f"{pid}.intention", get, put, -1.0, 1.0, hidden=True, integer=True)


def _pair_slot(index: int, pid: str, attr: str, top: int) -> Slot:
    if attr == "rung":
        return Slot(f"{pid}.rung", lambda s: s.pairs[index].rung, None, 0, top, hidden=False, integer=True,
                    source=(f"s.pairs[{index}].rung", None))
    hi = top + 0.999 if attr == "pressure" else 1.0

    def get(s: GameState) -> float:
        return getattr(s.pairs[index], attr)

    def put(s: GameState, v: float) -> None:
        setattr(s.pairs[index], attr, v)

    return Slot(f"{pid}.{attr}", get, put, 0.0, hi, hidden=attr == "pressure",
                source=_attr_source(f"s.pairs[{index}]", attr))


_OFFICE_BOUNDS: dict[str, tuple[float, float, bool]] = {
    "prestige": (0.0, 100.0, False),
    "budget": (0.0, 1e6, False),
    "envoys": (0, 20, True),
    "attention": (1, 10, True),
    "intelligence": (0.0, 1.0, False),
    "coordination": (0.0, 1.0, False),
    "visibility": (0.0, 1.0, False),
}


def _office_slot(attr: str) -> Slot:
    lo, hi, integer = _OFFICE_BOUNDS[attr]

    def get(s: GameState) -> float:
        return getattr(s.office, attr)

    def put(s: GameState, v: float) -> None:
        setattr(s.office, attr, int(round(v)) if integer else v)

    return Slot(attr, get, put, lo, hi, hidden=False, integer=integer, source=_attr_source("s.office", attr))


def _attr_source(owner: str, attr: str) -> tuple[str, None] | None:
    """`owner.attr` for a generated expression, for the state's own attribute names only."""
    return (f"{owner}.{attr}", None) if attr.isidentifier() and not attr.startswith("_") else None


class SlotTable:
    """Every slot of a scenario, by Ref; `derived` supplies the read-only globals that need the rules."""

    def __init__(
        self,
        party_ids: list[str],
        pair_ids: list[str],
        tops: list[int],
        council_ids: list[str],
        variables: dict[str, float | bool],
        derived: dict[str, Callable[[GameState], Any]],
        tracks: dict[str, tuple[float, float, bool]] | None = None,
        instrument_kinds: dict[str, str] | None = None,
    ) -> None:
        """`tracks`: track id -> (lowest, highest, hidden from the player); `instrument_kinds`: id -> kind."""
        self._slots: dict[Ref, Slot] = {}
        self._party_ids, self._pair_ids, self._council = party_ids, pair_ids, council_ids
        self._tops, self._variables, self._derived = tops, variables, derived
        self._tracks = tracks or {}
        self._kinds = instrument_kinds or {}

    def slot(self, ref: Ref) -> Slot:
        found = self._slots.get(ref)
        if found is None:
            found = self._slots[ref] = self._make(ref)
        return found

    def getter(self, ref: Ref) -> Callable[[GameState], Any]:
        """How expressions read `ref`. Whole numbers are read as floats, as the expression language counts: so
        no product of them grows into an integer too large to become a float, and evaluation never raises."""
        slot = self.slot(ref)
        if not slot.integer:
            return slot.get
        get = slot.get
        return lambda s: float(get(s))

    def source(self, ref: Ref) -> tuple[str, Any] | None:
        """How a generated expression reads `ref` itself, as `getter` reads it (Expression.bind's `inline`)."""
        slot = self.slot(ref)
        if slot.source is None:
            return None
        template, key = slot.source
        return (f"float({template})" if slot.integer else template), key

    def _make(self, ref: Ref) -> Slot:
        kind, key, attr = ref
        if kind == "party":
            return _party_slot(self._party_ids.index(key), key, attr)
        if kind == "pair":
            i = self._pair_ids.index(key)
            return _pair_slot(i, key, attr, self._tops[i])
        if kind == "global":
            if attr in _OFFICE_BOUNDS:
                return _office_slot(attr)
            return Slot(attr, self._derived[attr], None, float("-inf"), float("inf"), hidden=False, integer=True)
        if kind == "var":
            return self._var_slot(attr)
        if kind == "council":
            i = self._council.index(key)

            def put(s: GameState, v: float) -> None:
                s.council[i] = v

            return Slot(f"council.{key}", lambda s: s.council[i], put, 0.0, 1.0, hidden=False,
                        source=(f"s.council[{i}]", None))
        if kind == "fired":
            return Slot(f"fired.{key}", lambda s: s.fired.get(key, 0) > 0, None, 0, 1, hidden=False, boolean=True,
                        source=("(s.fired.get({key}, 0) > 0)", key))
        if kind == "used":
            return Slot(f"used.{key}", lambda s: s.used.get(key, 0), None, 0, 1e9, hidden=False, integer=True,
                        source=("s.used.get({key}, 0)", key))
        if kind == "in_field":
            return Slot(f"in_field.{key}", self._in_field(key), None, 0, 1e9, hidden=False, integer=True)
        if kind == "accepted":
            return Slot(f"accepted.{key}", lambda s: key in s.accepted, None, 0, 1, hidden=False, boolean=True,
                        source=("({key} in s.accepted)", key))
        if kind == "chose":
            pair = (key, attr)
            return Slot(f"chose.{key}.{attr}", lambda s: pair in s.chose, None, 0, 1, hidden=False, boolean=True,
                        source=("({key} in s.chose)", pair))
        raise KeyError(f"no slot for {ref}")

    def _in_field(self, key: str) -> Callable[[GameState], int]:
        """How many initiatives of instrument `key` act now: matured and not over, and for a preventive
        deployment only while a Council mandate keeps troops on the ground (a vetoed one never counts)."""
        deployment = self._kinds.get(key) == "preventive_deployment"

        def count(s: GameState) -> int:
            t = s.turn
            return sum(
                1 for i in s.initiatives
                if i.key == key and i.matures <= t <= i.ends
                and (not deployment or s.pairs[i.target].deployment_left > 0)
            )

        return count

    def _var_slot(self, name: str) -> Slot:
        if name in self._tracks:
            lo, hi, hidden = self._tracks[name]

            def get_track(s: GameState) -> float:
                return s.variables[name]

            def put_track(s: GameState, v: float) -> None:
                s.variables[name] = v

            return Slot(name, get_track, put_track, lo, hi, hidden=hidden, source=("s.variables[{key}]", name))
        boolean = isinstance(self._variables[name], bool)

        def get(s: GameState) -> float | bool:
            return s.variables[name]

        def put(s: GameState, v: float | bool) -> None:
            s.variables[name] = bool(v) if boolean else v

        bound = (0.0, 1.0) if boolean else (-MAX_NUMBER, MAX_NUMBER)
        return Slot(name, get, put, bound[0], bound[1], hidden=False, boolean=boolean, guard=not boolean,
                    source=("s.variables[{key}]", name))
