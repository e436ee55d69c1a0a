"""The game state as plain JSON data and back: sets become sorted lists, tuples become lists, nothing is lost.

A save keeps this snapshot next to the player's inputs, so loading can check that replaying the inputs gives
exactly the state that was saved.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from game.engine.state import GameState, Initiative, IntelRow, Office, PairState, PartyState

_PARTY_FIELDS = tuple(f.name for f in fields(PartyState))
_PAIR_FIELDS = tuple(f.name for f in fields(PairState))
_OFFICE_FIELDS = tuple(f.name for f in fields(Office))
_INITIATIVE_FIELDS = tuple(f.name for f in fields(Initiative))


def _fields(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def state_to_dict(state: GameState) -> dict[str, Any]:
    """The whole state as JSON-ready data (only dicts, lists, strings, numbers, booleans and None)."""
    return {
        "seed": state.seed,
        "turn": state.turn,
        "parties": [_fields(p, _PARTY_FIELDS) for p in state.parties],
        "pairs": [_fields(p, _PAIR_FIELDS) for p in state.pairs],
        "office": _fields(state.office, _OFFICE_FIELDS),
        "council": list(state.council),
        "variables": dict(state.variables),
        "initiatives": [_fields(i, _INITIATIVE_FIELDS) for i in state.initiatives],
        "fired": dict(state.fired),
        "used": dict(state.used),
        "accepted": sorted(state.accepted),
        "chose": [list(pair) for pair in sorted(state.chose)],
        "pending": list(state.pending),
        "history": [list(row) for row in state.history],
        "intel": [[r.quality, list(r.touched), list(r.contacts)] for r in state.intel],
        "ending": state.ending,
        "last_launch": dict(state.last_launch),
        "recent_launches": [{"action": key, "target": target, "turns": list(turns)}
                            for (key, target), turns in sorted(state.recent_launches.items())],
        "opinion": list(state.opinion),
        **({"texts": dict(state.texts)} if state.texts else {}),
    }


# What format 1 kept of the launches (every one, as [turn, action id, target]) and format 2 keeps instead; a
# format-1 snapshot is compared with the replayed game on the fields both formats share.
_V1_ONLY = ("launches",)
_V2_ONLY = ("last_launch", "recent_launches")
_V2_INITIATIVE_ONLY = ("fatigue",)


def shared_view(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot of either format reduced to the fields formats 1 and 2 share, for comparing them."""
    view = {k: v for k, v in snapshot.items() if k not in _V1_ONLY and k not in _V2_ONLY}
    initiatives = snapshot.get("initiatives")
    if isinstance(initiatives, list):
        view["initiatives"] = [{k: v for k, v in i.items() if k not in _V2_INITIATIVE_ONLY} if isinstance(i, dict)
                               else i for i in initiatives]
    return view


def state_from_dict(data: dict[str, Any]) -> GameState:
    """The GameState that `state_to_dict` described (raises KeyError/TypeError on a malformed dict). A snapshot
    of format 1 or 2 has no `intel` log, and one older than format 4 no `opinion`: the state comes back without
them (replaying the inputs rebuilds them)."""
    return GameState(
        seed=data["seed"],
        turn=data["turn"],
        parties=[PartyState(**p) for p in data["parties"]],
        pairs=[PairState(**p) for p in data["pairs"]],
        office=Office(**data["office"]),
        council=list(data["council"]),
        variables=dict(data["variables"]),
        initiatives=[Initiative(**i) for i in data["initiatives"]],
        fired=dict(data["fired"]),
        used=dict(data["used"]),
        accepted=set(data["accepted"]),
        chose={(a, b) for a, b in data["chose"]},
        pending=list(data["pending"]),
        history=[tuple(row) for row in data["history"]],
        intel=[IntelRow(q, tuple(touched), tuple(contacts)) for q, touched, contacts in data.get("intel", ())],
        ending=data["ending"],
        last_launch={str(k): int(t) for k, t in data["last_launch"].items()},
        recent_launches={(str(r["action"]), int(r["target"])): tuple(int(t) for t in r["turns"])
                         for r in data["recent_launches"]},
        opinion=[float(v) for v in data.get("opinion", ())],
        texts={str(k): int(v) for k, v in data.get("texts", {}).items()},
    )
