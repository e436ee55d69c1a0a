"""The true state of a game: data classes only, no rules. The player never sees this directly (see intel.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

ESTIMATED = ("hostility", "resolve", "trust", "domestic_pressure", "receptivity")  # what the player sees estimated
ESTIMATED_INDEX = {attr: j for j, attr in enumerate(ESTIMATED)}  # where each sits among a party's estimated values


@dataclass(slots=True)
class PartyState:
    """One party's true disposition; all values in [0, 1] except grievance in [-1, 1]."""

    hostility: float
    resolve: float
    trust: float
    domestic_pressure: float
    receptivity: float
    restraint: float
    grievance: float
    power: float
    audience_cost: float
    intention: str  # hidden: escalate | hold | settle
    engagement: float = 0.0  # the Secretary-General's recent involvement with this party, decays each turn
    revealed_turn: int = -1  # turn on which its intention was last revealed to the player, -1 never
    revealed_intention: str = ""  # what the player was shown then (it may have changed since)
    last_decision: str = "hold"

    def clone(self) -> PartyState:
        return PartyState(
            self.hostility,
            self.resolve,
            self.trust,
            self.domestic_pressure,
            self.receptivity,
            self.restraint,
            self.grievance,
            self.power,
            self.audience_cost,
            self.intention,
            self.engagement,
            self.revealed_turn,
            self.revealed_intention,
            self.last_decision,
        )


@dataclass(slots=True)
class PairState:
    """A pair's place on its escalation ladder: continuous pressure, the rung it maps to, and what acts on it."""

    pressure: float
    velocity: float  # last turn's change in pressure, carried over by momentum
    rung: int
    peak_rung: int
    momentum: float
    deployment_left: int = 0  # turns of preventive-deployment mandate left; 0 none
    incidents: int = 0

    def clone(self) -> PairState:
        return PairState(
            self.pressure,
            self.velocity,
            self.rung,
            self.peak_rung,
            self.momentum,
            self.deployment_left,
            self.incidents,
        )


@dataclass(slots=True)
class Office:
    """The Secretary-General's resources and standing."""

    prestige: float
    budget: float
    envoys: int
    attention: int  # base number of initiatives at once, before distractions
    intelligence: float
    coordination: float
    visibility: float

    def clone(self) -> Office:
        return Office(
            self.prestige,
            self.budget,
            self.envoys,
            self.attention,
            self.intelligence,
            self.coordination,
            self.visibility,
        )


@dataclass(slots=True)
class Initiative:
    """An instrument at work: it ties up envoys and attention until it ends, and acts from `matures` on."""

    key: str  # instrument id (or proposal id)
    kind: str  # built-in instrument kind, or "proposal"
    target: int  # pair or party index, -1 none
    started: int
    matures: int
    ends: int  # last turn it is active (inclusive)
    envoys: int
    attention: int
    mode: str = ""  # public/private, for proposals
    fatigue: float = 1.0  # its effect's multiplier for repetition, fixed at launch (see instruments.fatigue)


@dataclass(frozen=True, slots=True)
class IntelRow:
    """What the office knew of one turn besides its routine reports (intel.py): the intelligence quality at its
    start, the hidden values something public touched on the way to it (a value index, in snapshot order, once per
    touch) and those a contact reported on."""

    quality: float
    touched: tuple[int, ...] = ()
    contacts: tuple[int, ...] = ()


@dataclass(slots=True)
class GameState:
    """Everything that changes during a game. `seed` drives every random draw (see rng.py)."""

    seed: int
    turn: int
    parties: list[PartyState]
    pairs: list[PairState]
    office: Office
    council: list[float]  # support of each Council member for the Secretary-General's initiatives
    variables: dict[str, float | bool]
    initiatives: list[Initiative] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)  # event id -> times fired
    used: dict[str, int] = field(default_factory=dict)  # instrument/proposal id -> times used
    accepted: set[str] = field(default_factory=set)  # proposals accepted
    chose: set[tuple[str, str]] = field(default_factory=set)  # (event id, choice id)
    pending: list[int] = field(default_factory=list)  # indices of fired events awaiting the player's choice
    history: list[tuple[float, ...]] = field(default_factory=list)  # true hidden values per turn, for delays
    intel: list[IntelRow] = field(default_factory=list)  # per turn, beside `history`: what the estimates draw on
    ending: str | None = None
    # Bookkeeping of launches, kept small so that a turn costs the same on turn 900 as on turn 1:
    last_launch: dict[str, int] = field(default_factory=dict)  # action id -> last turn it was launched
    recent_launches: dict[tuple[str, int], tuple[int, ...]] = field(default_factory=dict)  # (id, target) -> turns
    opinion: list[float] = field(default_factory=list)  # world opinion of the office, per audience (opinion.py)
    # which of the scenario's other words were used: "event:ID", "choice:EVENT.CHOICE" or "ending:ID" -> the
    # index of the variant (only for those that have variants and where one applied)
    texts: dict[str, int] = field(default_factory=dict)

    def clone(self) -> GameState:
        """A deep copy, written out by hand because lookahead policies clone often."""
        return GameState(
            self.seed,
            self.turn,
            [p.clone() for p in self.parties],
            [p.clone() for p in self.pairs],
            self.office.clone(),
            list(self.council),
            dict(self.variables),
            [
                Initiative(i.key, i.kind, i.target, i.started, i.matures, i.ends, i.envoys, i.attention, i.mode,
                           i.fatigue)
                for i in self.initiatives
            ],
            dict(self.fired),
            dict(self.used),
            set(self.accepted),
            set(self.chose),
            list(self.pending),
            list(self.history),
            list(self.intel),
            self.ending,
            dict(self.last_launch),
            dict(self.recent_launches),
            list(self.opinion),
            dict(self.texts),
        )
