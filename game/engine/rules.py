"""Rules: a compiled scenario turned into the flat, indexed tables the engine's hot loop reads.

Built once per scenario (a batch of 10,000 games shares one); holds no game state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.i18n import _
from game.scenario.calendar import turn_of
from game.scenario.compiled import CompiledScenario, compile_scenario
from game.scenario.expr import Effect
from game.scenario.model import Cost, Scenario

from .instruments import SPECS, InstrumentSpec
from .opinion import start_levels, weight_tables
from .record import Cause
from .slots import Slot, SlotTable
from .state import ESTIMATED, ESTIMATED_INDEX, GameState, PartyState

Condition = Callable[[GameState], Any]

# Bercovitch: share of mediation attempts that succeed, by issue (references §1.7).
ISSUE_SUCCESS = {"resources": 0.70, "ethnic": 0.67, "ideology": 0.50, "sovereignty": 0.45, "security": 0.41}
DEFAULT_SCORE = {"success": 100.0, "partial": 40.0, "failure": -100.0}
_CALENDAR = frozenset({("global", None, "turn"), ("global", None, "turns_left"), ("global", None, "date")})


@dataclass(frozen=True, slots=True)
class EffectRule:
    """A compiled effect bound to its slot: `target op value`, only when `guard` (if any) holds."""

    text: str
    slot: Slot
    op: str
    value: Condition
    guard: Condition | None = None


@dataclass(frozen=True, slots=True)
class Words:
    """Other words for an event, a choice or an ending, used when `when` holds: `title` is a choice's label."""

    when: Condition
    title: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class TrackRule:
    """A progress track: its bounds, how the player sees it, and what it gains each turn."""

    key: str
    name: str
    description: str
    lo: float
    hi: float
    start: float
    unit: str
    visibility: str  # exact | estimated | hidden
    per_turn: Condition | None
    slot: Slot


@dataclass(frozen=True, slots=True)
class InstrumentRule:
    key: str
    kind: str
    name: str
    description: str
    target: str  # pair | party | none
    cost: Cost
    delay: int
    duration: int
    power: float
    power_expr: Condition | None  # when the scenario makes the strength depend on the state
    public: bool
    attention: bool
    requires: Condition | None
    requires_text: str
    first_turn: int
    last_turn: int


@dataclass(frozen=True, slots=True)
class ProposalRule:
    key: str
    name: str
    text: str
    pair: int
    modes: tuple[str, ...]
    cost: Cost
    requires: Condition | None
    requires_text: str
    acceptance: float
    on_accept: tuple[EffectRule, ...]
    on_reject: tuple[EffectRule, ...]


@dataclass(frozen=True, slots=True)
class ChoiceRule:
    key: str
    label: str
    text: str
    cost: Cost
    effects: tuple[EffectRule, ...]
    variants: tuple[Words, ...] = ()
    invented: bool = False


@dataclass(frozen=True, slots=True)
class EventRule:
    index: int
    key: str
    title: str
    text: str
    turn: int | None
    last_turn: int | None  # the last turn it may fire on (its date's, or its 'until')
    when: Condition | None
    chance: float | Condition | None
    repeat: bool
    public: bool
    effects: tuple[EffectRule, ...]
    choices: tuple[ChoiceRule, ...]
    default_choice: int
    variants: tuple[Words, ...] = ()
    invented: bool = False


@dataclass(frozen=True, slots=True)
class EndingRule:
    key: str
    title: str
    rating: str
    text: str
    when: Condition | None
    at_end: bool
    score: float
    variants: tuple[Words, ...] = ()


class Rules:
    """Everything about a scenario the engine needs, indexed for speed."""

    def __init__(self, compiled: CompiledScenario) -> None:
        scn = compiled.scenario
        self.compiled = compiled
        self.scenario = scn
        self.tuning = scn.tuning
        self.dates: tuple[dt.date, ...] = compiled.dates
        self.turns = len(self.dates)
        self.iso_dates = [d.isoformat() for d in self.dates]
        self.party_ids = [p.id for p in scn.parties]
        self.party_names = {p.id: p.name for p in scn.parties}
        self.pair_ids = [p.id for p in scn.pairs]
        self.pressure_labels = [f"{pid}.pressure" for pid in self.pair_ids]
        self.party_labels = [
            {attr: f"{pid}.{attr}" for attr in PartyState.__dataclass_fields__} for pid in self.party_ids
        ]
        # where each estimated value sits in the intelligence snapshot (intel.py)
        self.estimated_attrs = ESTIMATED_INDEX
        self.estimated_per_party = len(ESTIMATED)
        self.first_pressure = len(self.party_ids) * len(ESTIMATED)
        self.estimated_slots = {f"{pid}.{attr}": i * len(ESTIMATED) + j for i, pid in enumerate(self.party_ids)
                                for j, attr in enumerate(ESTIMATED)}
        self.estimated_slots.update({label: self.first_pressure + k for k, label in enumerate(self.pressure_labels)})
        self.pair_members = [
            (self.party_ids.index(p.between[0]), self.party_ids.index(p.between[1])) for p in scn.pairs
        ]
        self.reaction = [(p.reaction[0], p.reaction[1]) for p in scn.pairs]
        self.ladders = [tuple(r.name for r in (p.ladder or scn.ladder)) for p in scn.pairs]
        self.thresholds = [tuple(r.threshold for r in (p.ladder or scn.ladder)) for p in scn.pairs]
        self.tops = [len(lad) - 1 for lad in self.ladders]
        self.issue_success = [ISSUE_SUCCESS[p.issue] for p in scn.pairs]
        self.incidents_from = [self._turn(p.incidents_from, 0) for p in scn.pairs]  # first turn with incidents
        # while a crisis is secret (game/present/known.py): the first turn the office knows the real rung, and the
        # rung the world sees before it; the game itself always runs on the real rung
        # (-1 when there is no secret, or it is out from the first turn: nothing is hidden, not even before it)
        self.known_from = [self._secret_until(p.secret.until if p.secret else None) for p in scn.pairs]
        self.secret_rung = [p.secret.rung if p.secret else 0 for p in scn.pairs]
        self.public_from = [self._secret_until((p.secret.public or p.secret.until) if p.secret else None)
                            for p in scn.pairs]
        self.pairs_of_party = [
            [k for k, (a, b) in enumerate(self.pair_members) if i in (a, b)] for i in range(len(self.party_ids))
        ]
        self.party_roles = [p.role for p in scn.parties]
        # the parties that decide each turn and follow Richardson's dynamics: every party but mediators/observers
        self.deciders = [i for i, role in enumerate(self.party_roles) if role == "disputant"]
        self.mediators = [
            tuple(i for i, p in enumerate(scn.parties) if p.role == "mediator" and pid in p.mediates)
            for pid in self.pair_ids
        ]
        self.council_ids = [m.id for m in scn.council]
        self.council_names = [m.name for m in scn.council]
        self.council_permanent = [m.permanent for m in scn.council]
        self.council_party = [self.party_ids.index(m.party) if m.party in self.party_ids else -1 for m in scn.council]
        self.budget_income = scn.secretary_general.budget_per_turn
        self._date_ordinals = [d.toordinal() for d in self.dates]
        self.distraction_attention = [0] * self.turns
        self.distraction_budget = [0.0] * self.turns
        self.distraction_names: list[list[str]] = [[] for _ in range(self.turns)]
        for d in scn.distractions:
            for t, day in enumerate(self.dates):
                # a turn spans its own date up to the next turn's; the last one just its date (no date after it,
                # which near the end of the calendar may not exist)
                begun = d.start < self.dates[t + 1] if t + 1 < self.turns else d.start <= day
                if begun and d.end >= day:
                    self.distraction_attention[t] += d.attention
                    self.distraction_budget[t] += d.budget_per_turn
                    self.distraction_names[t].append(d.name)
        self.slots = SlotTable(
            self.party_ids, self.pair_ids, self.tops, self.council_ids, dict(scn.variables), self._derived(),
            tracks={t.id: (t.min, t.max, t.visibility != "exact") for t in scn.tracks},
            instrument_kinds={ins.key: ins.use for ins in scn.instruments},
        )
        self.tracks = [
            TrackRule(t.id, t.name, t.description or "", t.min, t.max, t.initial, t.unit or "", t.visibility,
                      self.bind(("tracks", i, "per_turn")), self.slots.slot(("var", None, t.id)))
            for i, t in enumerate(scn.tracks)
        ]
        self.instruments = self._instruments()
        self.proposals = self._proposals()
        self.events = self._events()
        # the events that may fire on each turn (undated ones, and those whose window covers it), in file order,
        # less those whose condition the calendar alone makes false that turn (`date >= ...`): never drawn for
        self.events_at = [
            tuple(e for e in self.events
                  if (e.turn is None or e.turn <= t <= e.last_turn) and self._may_hold(("events", e.index, "when"), t))
            for t in range(self.turns)
        ]
        # the distractions that begin on each turn, for the news
        self.distractions_new = [
            sorted(set(self.distraction_names[t]) - set(self.distraction_names[t - 1] if t else ()))
            for t in range(self.turns)
        ]
        self.endings = self._endings()
        self.historical = self._historical()
        self.opinion_start = tuple(start_levels(scn))  # where world opinion starts and fades back to
        self.opinion_weights = weight_tables(scn)  # (audience, weight) for public moves, escalation, deals
        self.moves: dict[str, list[Any]] = {}  # instrument or proposal id -> its every Action, made on first use
        self._causes: dict[tuple, Cause] = {}  # (kind, id, args) -> the Cause, made on first use (cause)

    def cause(self, kind: str, key: str, args: tuple = ()) -> Cause:
        """The cause (kind, key, args), made once per scenario: causes are immutable values, so the turn reuses
        them rather than building the same one again every turn."""
        found = self._causes.get((kind, key, args))
        if found is None:
            found = self._causes[(kind, key, args)] = Cause(kind, key, args)
        return found

    # -- derived globals ---------------------------------------------------------------------------------
    def attention_capacity(self, state: GameState) -> int:
        t = min(state.turn, self.turns - 1)
        return max(0, state.office.attention - self.distraction_attention[t])

    def attention_used(self, state: GameState) -> int:
        return sum([1 for i in state.initiatives if i.attention]) if state.initiatives else 0

    def envoys_busy(self, state: GameState) -> int:
        return sum([i.envoys for i in state.initiatives]) if state.initiatives else 0

    def is_wait(self, use: str) -> bool:
        """True for the instrument that means doing nothing on purpose: no decision to chart, count or replace."""
        return use in self.instruments and self.instruments[use].kind == "wait"

    def _derived(self) -> dict[str, Callable[[GameState], Any]]:
        ords = [*self._date_ordinals, self._date_ordinals[-1]]  # after the last turn the date stays the last
        return {
            "turn": lambda s: s.turn,
            "turns_left": lambda s: self.turns - s.turn,
            "date": lambda s: ords[s.turn],
            "envoys_free": lambda s: s.office.envoys - self.envoys_busy(s),
            "attention_free": lambda s: self.attention_capacity(s) - self.attention_used(s),
            "max_rung": lambda s: max(p.rung for p in s.pairs),
        }

    # -- building ------------------------------------------------------------------------------------------
    def _may_hold(self, path: tuple, t: int) -> bool:
        """False when the condition at `path` is false on turn `t` whatever the state: what the calendar alone
        says of it (the turn, the turns left, the date) decides it."""
        expr = self.compiled.expressions.get(path)
        if expr is None or not expr.refs & _CALENDAR:
            return True
        ords = self._date_ordinals
        known = {("global", None, "turn"): t, ("global", None, "turns_left"): self.turns - t,
                 ("global", None, "date"): ords[t] if t < len(ords) else ords[-1]}
        return expr.given(known) is not False

    def bind(self, path: tuple) -> Condition | None:
        expr = self.compiled.expressions.get(path)
        return None if expr is None else expr.bind(self.slots.getter, self.slots.source)

    def bind_effects(self, path: tuple) -> tuple[EffectRule, ...]:
        return tuple(self._effect_rule(e) for e in self.compiled.effects.get(path, ()))

    def _effect_rule(self, eff: Effect) -> EffectRule:
        read, inline = self.slots.getter, self.slots.source
        guard = eff.guard.bind(read, inline) if eff.guard is not None else None
        return EffectRule(eff.text, self.slots.slot(eff.target), eff.op, eff.value.bind(read, inline), guard)

    def _words(self, path: tuple, variants, label: bool = False) -> tuple[Words, ...]:
        out = []
        for v, var in enumerate(variants):
            when = self.bind((*path, "variants", v, "when"))
            if when is not None:
                out.append(Words(when, var.label if label else var.title, var.text))
        return tuple(out)

    def world_rung(self, k: int, turn: int, rung: int) -> int:
        """The rung the world sees on pair k at `turn`: the scenario's `secret` rung before the world learns of the
        crisis, else the real one (`rung`). The world's attention and opinion follow it (escalation, opinion)."""
        return self.secret_rung[k] if turn < self.public_from[k] else rung

    def _secret_until(self, day: dt.date | None) -> int:
        """The first turn from `day` on, or -1 when there is no such day or it falls on the first turn or before."""
        t = self._turn(day, -1)
        return t if t > 0 else -1

    def _turn(self, day: dt.date | None, default: int) -> int:
        if day is None:
            return default
        t = turn_of(self.scenario.calendar, day)
        if t is not None:
            return t
        return 0 if day < self.dates[0] else self.turns - 1

    def _instruments(self) -> dict[str, InstrumentRule]:
        out: dict[str, InstrumentRule] = {}
        for i, ins in enumerate(self.scenario.instruments):
            spec: InstrumentSpec = SPECS[ins.use]
            out[ins.key] = InstrumentRule(
                key=ins.key,
                kind=ins.use,
                name=ins.name or _(spec.name),  # the shared instruments' own words, in the language
                description=ins.description or _(spec.summary),
                target=spec.target,
                cost=ins.cost or spec.cost,
                delay=spec.delay if ins.delay is None else ins.delay,
                duration=spec.duration if ins.duration is None else ins.duration,
                power=ins.power if isinstance(ins.power, float | int) else 1.0,
                power_expr=self.bind(("instruments", i, "power")) if isinstance(ins.power, str) else None,
                public=spec.public,
                attention=spec.attention,
                requires=self.bind(("instruments", i, "requires")),
                requires_text=ins.requires or "",
                first_turn=self._turn(ins.available_from, 0),
                last_turn=self._turn(ins.available_until, self.turns),
            )
        return out

    def _proposals(self) -> dict[str, ProposalRule]:
        out: dict[str, ProposalRule] = {}
        for i, p in enumerate(self.scenario.proposals):
            out[p.id] = ProposalRule(
                key=p.id,
                name=p.name,
                text=p.text,
                pair=self.pair_ids.index(p.pair),
                modes=tuple(p.modes),
                cost=p.cost,
                requires=self.bind(("proposals", i, "requires")),
                requires_text=p.requires or "",
                acceptance=p.acceptance,
                on_accept=self.bind_effects(("proposals", i, "on_accept")),
                on_reject=self.bind_effects(("proposals", i, "on_reject")),
            )
        return out

    def _events(self) -> list[EventRule]:
        out: list[EventRule] = []
        for i, ev in enumerate(self.scenario.events):
            chance: float | Condition | None = ev.chance
            if isinstance(ev.chance, str):
                chance = self.bind(("events", i, "chance"))
            choices = tuple(
                ChoiceRule(
                    c.id, c.label, c.text or "", c.cost, self.bind_effects(("events", i, "choices", j, "effects")),
                    self._words(("events", i, "choices", j), c.variants, label=True), c.invented,
                )
                for j, c in enumerate(ev.choices)
            )
            default = next((j for j, c in enumerate(ev.choices) if c.id == ev.default_choice), 0)
            out.append(
                EventRule(
                    index=i,
                    key=ev.id,
                    title=ev.title,
                    text=ev.text,
                    turn=None if ev.date is None else self._turn(ev.date, 0),
                    last_turn=None if ev.date is None else self._turn(ev.until or ev.date, 0),
                    when=self.bind(("events", i, "when")),
                    chance=chance,
                    repeat=ev.repeat,
                    public=ev.public,
                    effects=self.bind_effects(("events", i, "effects")),
                    choices=choices,
                    default_choice=default,
                    variants=self._words(("events", i), ev.variants),
                    invented=ev.invented,
                )
            )
        return out

    def _endings(self) -> list[EndingRule]:
        return [
            EndingRule(
                e.id,
                e.title,
                e.rating,
                e.text,
                self.bind(("endings", i, "when")),
                e.at_end,
                DEFAULT_SCORE[e.rating] if e.score is None else e.score,
                self._words(("endings", i), e.variants),
            )
            for i, e in enumerate(self.scenario.endings)
        ]

    def _historical(self) -> dict[int, tuple[list, dict[str, str]]]:
        out: dict[int, tuple[list, dict[str, str]]] = {}
        for step in self.scenario.historical_policy:
            out[self._turn(step.date, 0)] = (list(step.actions), dict(step.choices))
        return out


def build_rules(scn: Scenario | CompiledScenario) -> Rules:
    """Rules from a validated scenario (compiling it if needed). Raises ValueError if it does not compile."""
    if isinstance(scn, CompiledScenario):
        return Rules(scn)
    compiled, problems = compile_scenario(scn)
    if compiled is None:
        raise ValueError(f"scenario '{scn.id}' has {len(problems)} expression errors; validate it first")
    return Rules(compiled)
