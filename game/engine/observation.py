"""What the player sees: public facts exactly, hidden ones only as estimates (see intel.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import intel
from .intel import Estimate
from .opinion import AUDIENCES
from .rules import Rules
from .state import GameState


@dataclass(frozen=True, slots=True)
class PartyView:
    id: str
    name: str
    estimates: dict[str, Estimate]  # hostility, resolve, trust, domestic_pressure, receptivity
    intention: str | None  # only when recently revealed by contact
    last_decision: str  # public: what it did last turn
    role: str = "disputant"  # public: disputant, mediator or observer


@dataclass(frozen=True, slots=True)
class TrackView:
    """A progress track as the player sees it: exactly, as an estimate with a band, or not at all (hidden)."""

    id: str
    name: str
    lo: float
    hi: float
    unit: str
    visibility: str  # exact | estimated | hidden
    value: float | None  # exact tracks only
    estimate: Estimate | None  # estimated tracks only


@dataclass(frozen=True, slots=True)
class PairView:
    id: str
    parties: tuple[str, str]
    rung: int  # public: where the crisis visibly stands
    rung_name: str
    ladder: tuple[str, ...]
    peak_rung: int
    pressure: Estimate  # hidden: how close it is to the next rung
    deployment_left: int
    incidents: int


@dataclass(frozen=True, slots=True)
class InitiativeView:
    key: str
    name: str
    target: str | None
    matures_in: int  # turns until it acts; 0 when acting now
    ends_in: int
    envoys: int
    attention: bool
    started: int = 0  # the turn it was launched (public): its results are those reported since


@dataclass(frozen=True, slots=True)
class OfficeView:
    prestige: float
    budget: float
    envoys: int
    envoys_free: int
    attention: int  # initiatives that can run at once now, after distractions
    attention_free: int
    intelligence: float
    coordination: float
    visibility: float
    estimate_delay: int  # turns
    estimate_band: float  # typical (median) half-width of the parties' 90% bands now, on a 0-1 value


@dataclass(frozen=True, slots=True)
class Observation:
    turn: int
    turns: int
    date: str
    office: OfficeView
    council: dict[str, float]
    parties: tuple[PartyView, ...]
    pairs: tuple[PairView, ...]
    initiatives: tuple[InitiativeView, ...]
    distractions: tuple[str, ...]
    pending: tuple[str, ...]  # events awaiting the player's choice
    ending: str | None
    opinion: dict[str, float] = field(default_factory=dict)  # public: world opinion of the office, per audience
    tracks: tuple[TrackView, ...] = ()
    texts: dict[str, int] = field(default_factory=dict)  # which variant words were used (see GameState.texts)


def observe(rules: Rules, state: GameState, beliefs: intel.Filter | None = None) -> Observation:
    """Build the player's view. Reads hidden values only through intel's filtered estimates; `beliefs` keeps the
    filters between calls (a game passes its own; without it they are rebuilt from the start, to the same result)."""
    t = min(state.turn, rules.turns - 1)
    o = state.office
    quality = o.intelligence
    values = intel.estimates(state, rules, beliefs)
    parties = tuple(
        PartyView(
            pid,
            rules.party_names[pid],
            intel.party_estimates(values, i),
            intel.known_intention(state, i),
            state.parties[i].last_decision,
            rules.party_roles[i],
        )
        for i, pid in enumerate(rules.party_ids)
    )
    pairs = tuple(
        PairView(
            pid,
            (rules.party_ids[a], rules.party_ids[b]),
            p.rung,
            rules.ladders[k][p.rung],
            rules.ladders[k],
            p.peak_rung,
            values[rules.first_pressure + k],
            p.deployment_left,
            p.incidents,
        )
        for k, (pid, p, (a, b)) in enumerate(zip(rules.pair_ids, state.pairs, rules.pair_members, strict=True))
    )
    inits = tuple(
        InitiativeView(
            i.key,
            _name(rules, i.key),
            _target(rules, i.kind, i.target),
            max(0, i.matures - state.turn),
            max(0, i.ends - state.turn),
            i.envoys,
            bool(i.attention),
            i.started,
        )
        for i in state.initiatives
    )
    capacity = rules.attention_capacity(state)
    office = OfficeView(
        round(o.prestige, 1),
        round(o.budget, 2),
        o.envoys,
        o.envoys - rules.envoys_busy(state),
        capacity,
        capacity - rules.attention_used(state),
        round(quality, 3),
        round(o.coordination, 3),
        round(o.visibility, 3),
        intel.delay(rules, quality),
        _typical_band(values[: rules.first_pressure]),
    )
    return Observation(
        turn=state.turn,
        turns=rules.turns,
        date=rules.dates[t].isoformat(),
        office=office,
        council={m: round(v, 3) for m, v in zip(rules.council_ids, state.council, strict=True)},
        parties=parties,
        pairs=pairs,
        initiatives=inits,
        distractions=tuple(rules.distraction_names[t]),
        pending=tuple(rules.events[i].key for i in state.pending),
        ending=state.ending,
        opinion={a: round(v, 3) for a, v in zip(AUDIENCES, state.opinion, strict=False)},
        tracks=tuple(_track(rules, state, j) for j in range(len(rules.tracks))),
        texts=dict(state.texts),
    )


def _track(rules: Rules, state: GameState, j: int) -> TrackView:
    track = rules.tracks[j]
    exact = round(float(state.variables[track.key]), 3) if track.visibility == "exact" else None
    estimate = intel.track_estimate(state, rules, j) if track.visibility == "estimated" else None
    return TrackView(track.key, track.name, track.lo, track.hi, track.unit, track.visibility, exact, estimate)


def _typical_band(values: list[Estimate]) -> float:
    """The median half-width of the parties' 90% bands: how sharp the estimates are now, on a 0–1 value."""
    halves = sorted((e.high - e.low) / 2 for e in values)
    return round(halves[len(halves) // 2], 3) if halves else 0.0


def _name(rules: Rules, key: str) -> str:
    if key in rules.instruments:
        return rules.instruments[key].name
    return rules.proposals[key].name if key in rules.proposals else key


def _target(rules: Rules, kind: str, index: int) -> str | None:
    if index < 0:
        return None
    from .instruments import SPECS

    return rules.party_ids[index] if SPECS[kind].target == "party" else rules.pair_ids[index]
